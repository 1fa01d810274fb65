/**
 * The server over LSP with large inputs: consistency across a workspace of many files re-analyses only what an
 * edit changed (each file is summed up once and kept until it changes); a document with many suppression
 * comments is checked by position. Times are printed, not asserted.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient } from './lspClient';
import { tempDir } from '../tempDirs';

const FILES = 400;
const PARA = 'Het team beoordeelt elke week de voortgang met de manager en legt de afspraken vast in het verslag. ';

describe('server: large workspaces and documents', function () {
  this.timeout(120000);
  let c: LspClient | undefined;
  afterEach(() => c?.kill());

  it('consistency across 400 files of 20 KB: an edit re-analyses only the edited document', async () => {
    const dir = tempDir('ws');
    const filler = PARA.repeat(200); // 20 KB
    for (let i = 0; i < FILES; i++) {
      fs.writeFileSync(path.join(dir, `f${String(i).padStart(3, '0')}.md`), `${filler}\nElke ${i % 2 ? 'kans' : 'opportunity'} krijgt een eigenaar.\n`);
    }
    c = new LspClient();
    const root = pathToFileURL(dir).toString();
    c.configuration = { consistencyScope: 'folder' };
    await c.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'w' }], capabilities: { workspace: { configuration: true } } }, 20000);
    c.notify('initialized', {});
    const a = pathToFileURL(path.join(dir, 'f001.md')).toString();
    const disk = pathToFileURL(path.join(dir, 'f003.md')).toString();
    const logOf = (after: number) => c!.waitFor('window/logMessage', (p) => /consistency across \d+ files/.test(p.message), 60000, after);
    let mark = c.notifications.length;
    c.open(a, fs.readFileSync(path.join(dir, 'f001.md'), 'utf8'));
    const first = (await logOf(mark)).message as string;
    assert.match(first, new RegExp(`consistency across ${FILES} files \\(${FILES} read or analysed\\)`));
    // A file on disk that says "kans" where others say "opportunity" gets the finding.
    const d = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === disk && p.diagnostics.length === 1, 10000);
    assert.strictEqual(d.diagnostics[0].code, 'inconsistent-across-files');
    const diskPublications = () => c!.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === disk).length;
    const published = diskPublications();

    const edits: string[] = [];
    for (let v = 2; v < 5; v++) {
      mark = c.notifications.length;
      c.notify('textDocument/didChange', { textDocument: { uri: a, version: v }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
      edits.push((await logOf(mark)).message);
    }
    for (const m of edits) assert.match(m, new RegExp(`consistency across ${FILES} files \\(1 read or analysed\\)`));
    assert.strictEqual(diskPublications(), published, 'a file on disk whose findings did not change is not published again');
    console.log(`      first: ${first.replace(/^Lingo: /, '')}; after an edit: ${edits.map((m) => /in (\d+ ms)/.exec(m)![1]).join(', ')}`);
    assert.strictEqual(await c.shutdown(), 0);
  });

  it('a document with 20,000 suppression comments is checked by position', async () => {
    c = new LspClient();
    await c.initialize();
    const uri = 'file:///w/suppressed.md';
    const text = '# Plan\n\n' + '<!-- lingo-disable-next-line -->\nWe doen data verrijking vandaag.\n'.repeat(20000) + 'We doen data verrijking vandaag.\n'.repeat(20000);
    c.configuration = { language: 'nl', maxProblems: 0 };
    const t0 = Date.now();
    c.open(uri, text);
    const diags = await c.diagnostics(uri);
    const ms = Date.now() - t0;
    assert.strictEqual(diags.length, 20000);
    assert.strictEqual(diags[0].range.start.line, 40002);
    // An edit: the findings are carried over, the suppressions looked up again.
    const t1 = Date.now();
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 40002, character: 0 }, end: { line: 40002, character: 0 } }, text: 'Nu: ' }] });
    const after = await c.diagnostics(uri, 2);
    assert.strictEqual(after.length, 20000);
    console.log(`      open: ${ms} ms; after an edit: ${Date.now() - t1} ms (with the 150 ms debounce)`);
    assert.strictEqual(await c.shutdown(), 0);
  });
});
