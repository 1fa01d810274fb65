/**
 * The workspace's files over LSP: the server watches them when the client can register a watcher, reads again
 * only what the client says changed, and shows progress (in the editor's language) while a long scan runs.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient } from './lspClient';
import { tempDir } from '../tempDirs';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function workspace(files: Record<string, string>): string {
  const dir = tempDir('ws');
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

async function start(dir: string, capabilities: Json, opts: { locale?: string; env?: NodeJS.ProcessEnv; configuration?: Json } = {}): Promise<LspClient> {
  const c = new LspClient(['--stdio'], { ...process.env, ...opts.env });
  c.configuration = opts.configuration ?? {};
  const root = pathToFileURL(dir).toString();
  await c.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'w' }], locale: opts.locale, capabilities }, 30000);
  c.notify('initialized', {});
  return c;
}

const consistencyLog = (c: LspClient, after: number) => c.waitFor('window/logMessage', (p) => /consistency across \d+ files/.test(p.message), 20000, after).then((p) => p.message as string);
const across = (diags: Json[]) => diags.filter((d) => d.code === 'inconsistent-across-files').map((d) => d.message);

describe('the workspace over LSP', function () {
  this.timeout(60000);
  let c: LspClient | undefined;
  afterEach(() => c?.kill());

  it('watches the Markdown and text files when the client can, and reads again only the file it says changed', async () => {
    const dir = workspace({
      'a.md': 'Elke kans krijgt binnen twee dagen een eigenaar van het team.\n',
      'b.md': 'Elke opportunity wordt binnen een week beoordeeld door de manager.\n',
      'c.md': 'Het team bespreekt elke maandag de planning met de manager.\n',
    });
    c = await start(dir, { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, { configuration: { consistencyScope: 'folder' } });
    const reg = await new Promise<Json>((resolve, reject) => {
      const t0 = Date.now();
      const poll = () => {
        const r = c!.serverRequests.find((x) => x.method === 'client/registerCapability' && x.params.registrations.some((g: Json) => g.method === 'workspace/didChangeWatchedFiles'));
        if (r) resolve(r.params.registrations.find((g: Json) => g.method === 'workspace/didChangeWatchedFiles'));
        else if (Date.now() - t0 > 10000) reject(new Error('no watcher registered')); else setTimeout(poll, 20);
      };
      poll();
    });
    assert.deepStrictEqual(reg.registerOptions, { watchers: [{ globPattern: '**/*.{md,markdown,txt}' }] });

    const a = pathToFileURL(path.join(dir, 'a.md')).toString();
    const cUri = pathToFileURL(path.join(dir, 'c.md')).toString();
    let mark = c.notifications.length;
    c.open(a, fs.readFileSync(path.join(dir, 'a.md'), 'utf8'));
    assert.match(await consistencyLog(c, mark), /consistency across 3 files \(3 read or analysed\)/);

    // c.md now says "kans" too, and the client says so: only c.md is read again, and it gets the finding.
    fs.writeFileSync(path.join(dir, 'c.md'), 'Een kans zonder eigenaar gaat terug naar marketing.\n');
    mark = c.notifications.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: cUri, type: 2 }] });
    assert.match(await consistencyLog(c, mark), /consistency across 3 files \(1 read or analysed\)/);
    const onC = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === cUri && p.diagnostics.length > 0, 10000, mark);
    assert.deepStrictEqual(across(onC.diagnostics), ['In b.md heet dit ‘opportunity’, hier ‘kans’. Gebruik overal ‘opportunity’.']);

    // b.md deleted: nobody says "opportunity" any more; both findings go.
    fs.unlinkSync(path.join(dir, 'b.md'));
    mark = c.notifications.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'b.md')).toString(), type: 3 }] });
    assert.match(await consistencyLog(c, mark), /consistency across 2 files \(0 read or analysed\)/);
    const clearedA = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === a, 10000, mark);
    const clearedC = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === cUri, 10000, mark);
    assert.deepStrictEqual([across(clearedA.diagnostics), clearedC.diagnostics], [[], []]);
    assert.strictEqual(await c.shutdown(), 0);
  });

  it('without file watching, walks the folders again at each check, as before', async () => {
    const dir = workspace({ 'a.md': 'Elke kans krijgt een eigenaar.\n', 'b.md': 'Het team plant de week.\n' });
    c = await start(dir, { workspace: { configuration: true } }, { configuration: { consistencyScope: 'workspace' } });
    const a = pathToFileURL(path.join(dir, 'a.md')).toString();
    let mark = c.notifications.length;
    c.open(a, fs.readFileSync(path.join(dir, 'a.md'), 'utf8'));
    assert.match(await consistencyLog(c, mark), /across 2 files \(2 read/);
    assert.ok(!c.serverRequests.some((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('didChangeWatchedFiles')));
    fs.writeFileSync(path.join(dir, 'new.md'), 'Elke opportunity krijgt een eigenaar.\n');
    mark = c.notifications.length;
    c.notify('textDocument/didChange', { textDocument: { uri: a, version: 2 }, contentChanges: [{ text: 'Elke kans krijgt een eigenaar!\n' }] });
    assert.match(await consistencyLog(c, mark), /across 3 files \(2 read or analysed\)/);
    const d = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === a && across(p.diagnostics).length > 0, 10000, mark);
    assert.deepStrictEqual(across(d.diagnostics), ['In new.md heet dit ‘opportunity’, hier ‘kans’. Gebruik overal ‘opportunity’.']);
    assert.strictEqual(await c.shutdown(), 0);
  });

  describe('progress of a long scan (LINGO_PROGRESS_AFTER_MS=0: shown at once on this small workspace)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`f${i}.md`] = `Elke ${i % 2 ? 'kans' : 'opportunity'} krijgt binnen twee dagen een eigenaar.\n`;
    const env = { LINGO_PROGRESS_AFTER_MS: '0' };
    const TITLES: [string, string][] = [
      ['en', 'Lingo: reading the workspace'],
      ['sv', 'Lingo: läser filerna i arbetsytan'],
      ['nl-BE', 'Lingo: bestanden in de werkruimte lezen'],
      ['pl', 'Lingo: odczytywanie plików obszaru roboczego'],
      ['zh-tw', 'Lingo：正在讀取工作區的檔案'],
    ];
    for (const [locale, title] of TITLES) {
      it(`${locale}: begin "${title}", reports up to 100 %, end`, async () => {
        const dir = workspace(files);
        c = await start(dir, { workspace: { configuration: true }, window: { workDoneProgress: true } }, { locale, env, configuration: { consistencyScope: 'workspace' } });
        const mark = c.notifications.length;
        c.open(pathToFileURL(path.join(dir, 'f0.md')).toString(), files['f0.md']);
        await consistencyLog(c, mark);
        const created = c.serverRequests.filter((r) => r.method === 'window/workDoneProgress/create');
        assert.strictEqual(created.length, 1);
        const token = created[0].params.token;
        const end = await c.waitFor('$/progress', (p) => p.token === token && p.value.kind === 'end', 10000);
        assert.ok(end);
        const values = c.notifications.filter((n) => n.method === '$/progress' && n.params.token === token).map((n) => n.params.value);
        assert.deepStrictEqual(values[0], { kind: 'begin', title, cancellable: false, percentage: 0 });
        assert.strictEqual(values.at(-1).kind, 'end');
        const reports = values.filter((v) => v.kind === 'report');
        assert.ok(reports.length >= 1);
        assert.deepStrictEqual(reports.map((r) => r.percentage), reports.map((r) => r.percentage).sort((x, y) => x - y));
        assert.ok(reports.every((r) => /^\d+\/60$/.test(r.message)), JSON.stringify(reports));
        assert.deepStrictEqual(reports.at(-1), { kind: 'report', percentage: 100, message: '60/60' });
        assert.strictEqual(await c.shutdown(), 0);
      });
    }

    it('a client that cannot show progress gets none', async () => {
      const dir = workspace(files);
      c = await start(dir, { workspace: { configuration: true } }, { env, configuration: { consistencyScope: 'workspace' } });
      const mark = c.notifications.length;
      c.open(pathToFileURL(path.join(dir, 'f0.md')).toString(), files['f0.md']);
      await consistencyLog(c, mark);
      assert.ok(!c.serverRequests.some((r) => r.method === 'window/workDoneProgress/create'));
      assert.ok(!c.notifications.some((n) => n.method === '$/progress'));
      assert.strictEqual(await c.shutdown(), 0);
    });
  });
});
