/**
 * The workspace scan in-process (node/workspaceScan.ts): which files it finds and in what order, what it reads
 * again after a change (walking again, or trusting the client's file events), open documents over files on disk,
 * a scan superseded by a newer one, limits, and the progress display of a long scan. The summary of a file here is
 * its text (with how it was made), so each case reads what the scan read.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILES, WorkspaceScan, type ScanHooks, type Summariser } from '../../server/src/node/workspaceScan';
import { tempDir } from '../tempDirs';

/** A folder with these files (path → text; a folder's files are written in the order given). */
function folder(files: Record<string, string>): string {
  const dir = tempDir('scan');
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const uri = (dir: string, f: string) => pathToFileURL(path.join(dir, f)).toString();

/** A scan whose summary of a file is "disk:<text>" or "open:<text>", counting what it was asked to make. */
function scanOf(dirs: string[], opts: { open?: TextDocument[]; maxBytes?: number; progressAfterMs?: number } = {}) {
  const made: string[] = [];
  const log: string[] = [];
  const progress: string[] = [];
  let summarisers = 0;
  const hooks: ScanHooks<string> = {
    folders: () => dirs,
    openDocuments: () => opts.open ?? [],
    summariser: async (): Promise<Summariser<string>> => {
      const n = ++summarisers;
      return {
        open: (d) => { made.push(d.uri); return `open:${d.getText()}`; },
        disk: (d) => { made.push(d.uri); return `disk${n}:${d.getText()}`; },
        maxBytes: opts.maxBytes ?? 1 << 20,
      };
    },
    log: (m) => log.push(m),
    progressAfterMs: opts.progressAfterMs ?? 60_000,
    progress: () => ({ report: (done, total) => progress.push(`${done}/${total}`), done: () => progress.push('done') }),
  };
  return { scan: new WorkspaceScan(hooks), made, log, progress, summarisers: () => summarisers };
}

/** [file name, summary] of a snapshot. */
const names = (dir: string, files: { uri: string; value: string | undefined }[]) =>
  files.map((f) => [f.uri.startsWith(pathToFileURL(dir).toString()) ? f.uri.slice(pathToFileURL(dir).toString().length + 1) : f.uri, f.value]);

/** A file's time moved on (file systems may keep a time of the same millisecond for two quick writes). */
function rewrite(file: string, text: string): void {
  fs.writeFileSync(file, text);
  const t = new Date(Date.now() + 5000);
  fs.utimesSync(file, t, t);
}

describe('workspace scan (node/workspaceScan.ts)', function () {
  this.timeout(20000);

  it('finds Markdown and text files, depth first, skipping hidden and build folders, other files and links', async () => {
    const dir = folder({
      'a.md': 'A', 'notes/b.markdown': 'B', 'notes/deep/c.txt': 'C', 'd.MD': 'D',
      '.git/x.md': 'hidden', 'node_modules/p/readme.md': 'dependency', 'dist/out.md': 'built', 'out/o.md': 'built',
      'image.png': 'not text', 'script.js': 'code',
    });
    fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'link.md'));
    const { scan } = scanOf([dir]);
    const snap = await scan.snapshot();
    assert.deepStrictEqual(names(dir, snap.files).sort(), [['a.md', 'disk1:A'], ['d.MD', 'disk1:D'], ['notes/b.markdown', 'disk1:B'], ['notes/deep/c.txt', 'disk1:C']]);
    // The order is the file system's listing, folder by folder, as a depth-first walk gives it.
    const listing = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      if (e.name.startsWith('.') || ['node_modules', 'dist', 'out'].includes(e.name)) return [];
      const full = path.join(d, e.name);
      return e.isDirectory() ? listing(full) : e.isFile() && /\.(md|markdown|txt)$/i.test(e.name) ? [pathToFileURL(full).toString()] : [];
    });
    assert.deepStrictEqual(snap.files.map((f) => f.uri), listing(dir));
    assert.strictEqual(snap.made, 4);
  });

  it('without file events, walks again and reads only a file whose time or size changed', async () => {
    const dir = folder({ 'a.md': 'A', 'b.md': 'B' });
    const { scan, made } = scanOf([dir]);
    await scan.snapshot();
    made.length = 0;
    const again = await scan.snapshot();
    assert.strictEqual(again.made, 0);
    rewrite(path.join(dir, 'b.md'), 'B2');
    fs.writeFileSync(path.join(dir, 'c.md'), 'C');
    fs.unlinkSync(path.join(dir, 'a.md'));
    const third = await scan.snapshot();
    assert.deepStrictEqual(names(dir, third.files).sort(), [['b.md', 'disk3:B2'], ['c.md', 'disk3:C']]);
    assert.deepStrictEqual(made.sort(), [uri(dir, 'b.md'), uri(dir, 'c.md')]);
  });

  it('with file events (watching), walks once and then follows the events', async () => {
    const dir = folder({ 'a.md': 'A', 'b.md': 'B' });
    const { scan, made } = scanOf([dir]);
    scan.watching = true;
    await scan.snapshot();
    made.length = 0;
    rewrite(path.join(dir, 'b.md'), 'B2');
    fs.writeFileSync(path.join(dir, 'c.md'), 'C');
    // No event yet: what was read stands.
    assert.deepStrictEqual(names(dir, (await scan.snapshot()).files), [['a.md', 'disk1:A'], ['b.md', 'disk1:B']]);
    assert.deepStrictEqual(made, []);
    scan.changed(uri(dir, 'b.md'), 2);
    assert.deepStrictEqual(names(dir, (await scan.snapshot()).files), [['a.md', 'disk1:A'], ['b.md', 'disk3:B2']]);
    assert.deepStrictEqual(made, [uri(dir, 'b.md')]);
    scan.changed(uri(dir, 'c.md'), 1);
    const snap = await scan.snapshot();
    assert.deepStrictEqual(names(dir, snap.files).sort(), [['a.md', 'disk1:A'], ['b.md', 'disk3:B2'], ['c.md', 'disk4:C']]);
    assert.strictEqual(snap.made, 1);
    // A deleted folder: its files go.
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'd.md'), 'D');
    scan.changed(uri(dir, 'sub/d.md'), 1);
    assert.ok((await scan.snapshot()).files.some((f) => f.uri === uri(dir, 'sub/d.md')));
    fs.rmSync(path.join(dir, 'sub'), { recursive: true });
    scan.changed(uri(dir, 'sub'), 3);
    assert.ok(!(await scan.snapshot()).files.some((f) => f.uri === uri(dir, 'sub/d.md')));
  });

  it('takes open documents as the editor has them, by version, and the file on disk again once closed', async () => {
    const dir = folder({ 'a.md': 'A', 'b.md': 'B' });
    const open = [TextDocument.create(uri(dir, 'b.md'), 'markdown', 1, 'B edited'), TextDocument.create('untitled:Untitled-1', 'markdown', 1, 'U')];
    const { scan, made } = scanOf([dir], { open });
    let snap = await scan.snapshot();
    assert.deepStrictEqual(names(dir, snap.files), [['a.md', 'disk1:A'], ['b.md', 'open:B edited'], ['untitled:Untitled-1', 'open:U']]);
    assert.ok(snap.files[1].open === open[0]);
    assert.deepStrictEqual(made, [uri(dir, 'a.md'), uri(dir, 'b.md'), 'untitled:Untitled-1'], 'an open document is not read from disk');
    TextDocument.update(open[0], [{ text: 'B again' }], 2);
    made.length = 0;
    snap = await scan.snapshot();
    assert.deepStrictEqual(made, [uri(dir, 'b.md')]);
    assert.strictEqual(snap.files[1].value, 'open:B again');
    open.length = 0; // both closed
    scan.closed(uri(dir, 'b.md'));
    assert.deepStrictEqual(names(dir, (await scan.snapshot()).files), [['a.md', 'disk1:A'], ['b.md', 'disk3:B']]);
  });

  it('a scan superseded by a newer one (the glossary changed) answers with the newer one', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`f${i}.md`] = `text ${i}`;
    const dir = folder(files);
    const { scan, made, summarisers } = scanOf([dir]);
    const first = scan.snapshot();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    scan.clear();
    const second = scan.snapshot();
    const [a, b] = await Promise.all([first, second]);
    assert.strictEqual(a, b);
    assert.strictEqual(summarisers(), 2);
    assert.ok(a.files.every((f) => f.value?.startsWith('disk2:')), `every summary from after the change: ${a.files.map((f) => f.value).join(', ')}`);
    assert.ok(made.length < 100, `the first scan stopped early (${made.length} files made in all)`);
    // Callers during a scan that saw every change share it.
    const [c, d] = await Promise.all([scan.snapshot(), scan.snapshot()]);
    assert.strictEqual(c, d);
  });

  it('leaves out a file over the size limit without reading it, and says why it leaves out a file it cannot read', async () => {
    const dir = folder({ 'small.md': 'S', 'big.md': 'B'.repeat(2000) });
    fs.symlinkSync(os.tmpdir(), path.join(dir, 'outside'));
    const { scan, made, log } = scanOf([dir], { maxBytes: 1000 });
    const snap = await scan.snapshot();
    assert.deepStrictEqual(names(dir, snap.files).sort(), [['big.md', undefined], ['small.md', 'disk1:S']]);
    assert.deepStrictEqual(made, [uri(dir, 'small.md')]);
    assert.deepStrictEqual(log, []);
    // A file it may not read (unless the tests run as root, who may read anything).
    fs.writeFileSync(path.join(dir, 'locked.md'), 'x');
    fs.chmodSync(path.join(dir, 'locked.md'), 0);
    const again = scanOf([dir], { maxBytes: 1000 });
    const snap2 = await again.scan.snapshot();
    if (process.getuid?.() !== 0) {
      assert.match(again.log.join('\n'), /^Lingo: the workspace scan leaves out .*locked\.md cannot be read/);
      assert.strictEqual(snap2.files.find((f) => f.uri.endsWith('locked.md'))?.value, undefined);
    }
  });

  it(`looks at no more than ${MAX_FILES} files`, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < MAX_FILES + 5; i++) files[`f${i}.txt`] = '';
    const dir = folder(files);
    const snap = await scanOf([dir]).scan.snapshot();
    assert.strictEqual(snap.files.length, MAX_FILES);
  });

  it('shows progress when a scan takes long, up to the last file, and ends it once', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`f${i}.md`] = `text ${i}`;
    const dir = folder(files);
    const { scan, progress } = scanOf([dir], { progressAfterMs: 0 });
    await scan.snapshot();
    assert.ok(progress.length >= 2, progress.join(' '));
    assert.strictEqual(progress.at(-1), 'done');
    assert.strictEqual(progress.filter((p) => p === 'done').length, 1);
    assert.strictEqual(progress.at(-2), '300/300');
    const done = progress.slice(0, -1).map((p) => Number(p.split('/')[0]));
    assert.deepStrictEqual(done, [...done].sort((x, y) => x - y), 'never backwards');
    // A quick scan shows none.
    const quick = scanOf([dir]);
    await quick.scan.snapshot();
    assert.deepStrictEqual(quick.progress, []);
  });
});
