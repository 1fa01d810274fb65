/**
 * Pull diagnostics (textDocument/diagnostic) over real LSP: for a client that announces them, answered with a
 * resultId, `unchanged` while nothing changed, and never pushed as well; workspace/diagnostic/refresh asked for
 * when the glossary or the settings change. (A client without the capability is pushed to: lsp.test.ts and the
 * rest of test/server.)
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { NL_SLA as SLA } from './fixtures';
import { LspClient, type Json } from './lspClient';
import { tempDir } from '../tempDirs';

const PULL_CAPABILITIES = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false }, publishDiagnostics: { relatedInformation: true } },
};

const codes = (items: Json[]) => items.map((d) => d.code).sort();

async function start(dir?: string): Promise<LspClient> {
  const c = new LspClient();
  const folder = dir ? { rootUri: pathToFileURL(dir).toString(), workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }] } : { rootUri: null };
  const init = await c.request('initialize', { processId: process.pid, ...folder, capabilities: PULL_CAPABILITIES }, 30000);
  assert.deepStrictEqual(init.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: false });
  c.notify('initialized', {});
  return c;
}

const pull = (c: LspClient, uri: string, previousResultId?: string) => c.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
const edit = (c: LspClient, uri: string, version: number, line: number, from: number, to: number, text: string) =>
  c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: from }, end: { line, character: to } }, text }] });
/** The server's workspace/diagnostic/refresh requests so far. */
const refreshes = (c: LspClient) => c.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;

async function until(what: string, ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('pull diagnostics (textDocument/diagnostic)', function () {
  this.timeout(30000);
  let c: LspClient | undefined;
  afterEach(async () => {
    if (c) assert.strictEqual(await c.shutdown(), 0, c.stderr);
    c = undefined;
  });

  it('after an edit that changes none of the diagnostics, answers `unchanged`; after one that moves or changes one, the new list', async () => {
    c = await start();
    const uri = 'file:///w/edits.sla.md';
    c.open(uri, SLA, 'lingo-playbook');
    const first = await pull(c, uri);
    assert.strictEqual(first.kind, 'full');
    // [what the edit is, version, line, from, to, text, answered unchanged]
    const cases: [string, number, number, number, number, string, boolean][] = [
      ['a year added at the end of the heading line', 2, 0, 31, 31, ' 2026', true],
      ['a new line before the findings: they move down', 3, 1, 0, 0, 'Een regel.\n', false],
      ['a letter at the end of the last finding\'s line', 4, 4, 89, 89, '!', true],
      ['a letter before the inconsistent term on its line: it moves right', 5, 4, 0, 0, 'X', false],
      ['the edit undone', 6, 4, 0, 1, '', false],
      ['a term replaced by another: the findings change', 7, 4, 5, 16, 'kans', false],
    ];
    let last = first;
    for (const [what, version, line, from, to, text, unchanged] of cases) {
      edit(c, uri, version, line, from, to, text);
      const r = await pull(c, uri, last.resultId);
      assert.strictEqual(r.kind, unchanged ? 'unchanged' : 'full', what);
      if (unchanged) assert.strictEqual(r.resultId, last.resultId, what);
      else { assert.notStrictEqual(r.resultId, last.resultId, what); last = r; }
    }
    // What a pull without a resultId answers now is what the last full answer said.
    const now = await pull(c, uri);
    assert.deepStrictEqual(now.items, last.items);
  });

  it('answers with a resultId, `unchanged` with it while nothing changed, the new diagnostics after an edit; pushes nothing', async () => {
    c = await start();
    const uri = 'file:///w/team.sla.md';
    c.open(uri, SLA, 'lingo-playbook');
    const first = await pull(c, uri);
    assert.strictEqual(first.kind, 'full');
    assert.strictEqual(typeof first.resultId, 'string');
    assert.deepStrictEqual(codes(first.items), ['acronym-undefined', 'inconsistent-term']);
    const inc = first.items.find((d: Json) => d.code === 'inconsistent-term');
    assert.deepStrictEqual(inc.range, { start: { line: 3, character: 42 }, end: { line: 3, character: 46 } });

    // Asked again with its resultId: unchanged. Without one, or with another one: the full list again.
    assert.deepStrictEqual(await pull(c, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    const again = await pull(c, uri);
    assert.strictEqual(again.kind, 'full');
    assert.deepStrictEqual(codes(again.items), codes(first.items));
    assert.strictEqual((await pull(c, uri, 'no-such-result')).kind, 'full');

    // After an edit: the new diagnostics under a new resultId.
    const last = (await pull(c, uri)).resultId;
    edit(c, uri, 2, 3, 42, 46, 'opportunity');
    const changed = await pull(c, uri, last);
    assert.strictEqual(changed.kind, 'full');
    assert.notStrictEqual(changed.resultId, last);
    assert.deepStrictEqual(codes(changed.items), ['acronym-undefined']);
    assert.deepStrictEqual(changed.items[0].data, { rule: 'acronym-undefined', text: changed.items[0].data.text });
    assert.deepStrictEqual(await pull(c, uri, changed.resultId), { kind: 'unchanged', resultId: changed.resultId });

    // The status bar's document information still comes after each check; diagnostics are never also pushed.
    await c.waitFor('lingo/documentInfo', (p) => p.uri === uri && p.findings === 1);
    assert.deepStrictEqual(c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri), []);
  });

  it('a pull the client cancels (typing went on, or a save) answers "cancelled, ask again"', async () => {
    // vscode-languageclient cancels a pull to ask again once it returns; with retriggerRequest false it would not ask
    // again, and the Problems panel would keep the older version's diagnostics.
    c = await start();
    const uri = 'file:///w/cancelled.sla.md';
    c.open(uri, SLA, 'lingo-playbook');
    await pull(c, uri);
    edit(c, uri, 2, 3, 42, 46, 'opportunity'); // the next pull waits for typing to pause
    const p = c.cancellable('textDocument/diagnostic', { textDocument: { uri } });
    p.cancel();
    const error = await p.result.then(() => undefined, (e: Json) => e);
    assert.ok(error, 'the cancelled pull was answered as if not cancelled');
    assert.deepStrictEqual({ code: error.code, data: error.data }, { code: -32800, data: { retriggerRequest: true } });
    // Asked again: the edited version's diagnostics.
    assert.deepStrictEqual(codes((await pull(c, uri)).items), ['acronym-undefined']);
  });

  it('quick fixes come from the pulled diagnostics', async () => {
    c = await start();
    const uri = 'file:///w/fix.md';
    c.open(uri, SLA);
    const { items } = await pull(c, uri);
    const d = items.find((x: Json) => x.code === 'acronym-undefined');
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.strictEqual(actions[0].title, 'Uitschrijven: ‘marketing qualified lead (MQL)’');
    assert.deepStrictEqual(actions[0].edit.changes[uri], [{ range: d.range, newText: 'marketing qualified lead (MQL)' }]);
  });

  it('asks the client to pull again when the settings change, and answers for the new settings', async () => {
    c = await start();
    const uri = 'file:///w/settings.md';
    c.open(uri, SLA);
    const first = await pull(c, uri);
    assert.deepStrictEqual(codes(first.items), ['acronym-undefined', 'inconsistent-term']);
    const before = refreshes(c);
    c.configuration = { rules: { 'acronym-undefined': 'off' } };
    c.notify('workspace/didChangeConfiguration', { settings: { lingo: c.configuration } });
    await until('workspace/diagnostic/refresh', () => refreshes(c!) > before);
    const next = await pull(c, uri, first.resultId);
    assert.strictEqual(next.kind, 'full');
    assert.deepStrictEqual(codes(next.items), ['inconsistent-term']);
  });

  it('asks the client to pull again when the team glossary changes, and answers with the new glossary', async () => {
    const dir = tempDir('pull');
    const file = path.join(dir, 'lingo.glossary.json');
    fs.writeFileSync(file, JSON.stringify({ concepts: [] }));
    c = await start(dir);
    const uri = pathToFileURL(path.join(dir, 'sla.md')).toString();
    c.open(uri, 'Elke opportunity krijgt binnen twee dagen een eigenaar. Een kans zonder eigenaar gaat terug naar marketing.\n');
    const first = await pull(c, uri);
    assert.ok(first.items.some((d: Json) => d.code === 'inconsistent-term' && d.message.includes('‘opportunity’')), JSON.stringify(first.items));
    assert.deepStrictEqual(await pull(c, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // The team makes "kans" its preferred term: the same text, a different answer.
    fs.writeFileSync(file, JSON.stringify({ concepts: [{ id: 'opportunity', langs: { nl: { terms: [{ text: 'kans', status: 'preferred' }] } } }] }));
    const before = refreshes(c);
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
    await until('workspace/diagnostic/refresh', () => refreshes(c!) > before);
    const next = await pull(c, uri, first.resultId);
    assert.strictEqual(next.kind, 'full');
    assert.notStrictEqual(next.resultId, first.resultId);
    assert.ok(next.items.some((d: Json) => d.code === 'inconsistent-term' && d.message.includes('Gebruik overal ‘kans’')), JSON.stringify(next.items.map((d: Json) => d.message)));
    assert.deepStrictEqual(await pull(c, uri, next.resultId), { kind: 'unchanged', resultId: next.resultId });
  });

  it('a client without refresh support is not asked to refresh; its next pull has the new answer', async () => {
    c = new LspClient();
    await c.initialize({ workspace: { configuration: true }, textDocument: { diagnostic: {} } });
    const uri = 'file:///w/norefresh.md';
    c.open(uri, SLA);
    const first = await pull(c, uri);
    c.configuration = { rules: { 'inconsistent-term': 'off' } };
    c.notify('workspace/didChangeConfiguration', { settings: { lingo: c.configuration } });
    const next = await pull(c, uri, first.resultId);
    assert.deepStrictEqual(codes(next.items), ['acronym-undefined']);
    assert.strictEqual(refreshes(c), 0);
  });
});
