/** The server over real LSP messages: spawn dist/server.js, speak JSON-RPC over stdio. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { ROOT } from '../helpers';
import { NL_SLA } from './fixtures';
import { LspClient, type Json } from './lspClient';

describe('server over LSP (stdio)', function () {
  this.timeout(30000);
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    const init = await c.initialize();
    assert.ok(init.capabilities.hoverProvider);
    assert.ok(init.capabilities.inlayHintProvider);
    c.open('file:///w/team.sla.md', NL_SLA, 'lingo-playbook');
  });
  after(async () => {
    const code = await c.shutdown();
    assert.strictEqual(code, 0, c.stderr);
  });

  it('publishes diagnostics with rule codes and related information on didOpen', async () => {
    const diags = await c.diagnostics('file:///w/team.sla.md', 1);
    const codes = diags.map((d: Json) => d.code).sort();
    assert.deepStrictEqual(codes, ['acronym-undefined', 'inconsistent-term']);
    const inc = diags.find((d: Json) => d.code === 'inconsistent-term');
    assert.strictEqual(inc.source, 'lingo');
    assert.deepStrictEqual(inc.range, { start: { line: 3, character: 42 }, end: { line: 3, character: 46 } });
    assert.strictEqual(inc.relatedInformation[0].location.range.start.line, 3);
  });

  it('answers hover in the document language', async () => {
    const h = await c.request('textDocument/hover', { textDocument: { uri: 'file:///w/team.sla.md' }, position: { line: 2, character: 6 } });
    assert.match(h.contents.value, /\*\*marketing qualified lead\*\* \(MQL\)/);
    assert.match(h.contents.value, /In andere talen/);
  });

  it('answers completion', async () => {
    c.notify('textDocument/didChange', { textDocument: { uri: 'file:///w/team.sla.md', version: 2 }, contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'De salesfun' }] });
    const list = await c.request('textDocument/completion', { textDocument: { uri: 'file:///w/team.sla.md' }, position: { line: 4, character: 11 } });
    assert.ok(list.items.some((i: Json) => i.label === 'salesfunnel'), JSON.stringify(list.items.map((i: Json) => i.label)));
  });

  it('publishes fresh diagnostics after didChange', async () => {
    c.notify('textDocument/didChange', { textDocument: { uri: 'file:///w/team.sla.md', version: 3 }, contentChanges: [{ range: { start: { line: 3, character: 42 }, end: { line: 3, character: 46 } }, text: 'opportunity' }] });
    const diags = await c.diagnostics('file:///w/team.sla.md', 3);
    assert.deepStrictEqual(diags.map((d: Json) => d.code), ['acronym-undefined']);
  });

  it('offers code actions whose edits change only their range', async () => {
    const diags = await c.diagnostics('file:///w/team.sla.md', 3);
    const d = diags[0];
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: 'file:///w/team.sla.md' }, range: d.range, context: { diagnostics: [d] } });
    assert.strictEqual(actions[0].title, 'Uitschrijven: ‘marketing qualified lead (MQL)’');
    const edits = actions[0].edit.changes['file:///w/team.sla.md'];
    assert.deepStrictEqual(edits, [{ range: d.range, newText: 'marketing qualified lead (MQL)' }]);
  });

  it('links each diagnostic to its rule in the RULES.md the extension ships, and says in its data which finding it is', async () => {
    const [d] = await c.diagnostics('file:///w/team.sla.md', 3);
    const href: string = d.codeDescription.href;
    assert.strictEqual(href, `${pathToFileURL(path.join(ROOT, 'RULES.md')).href}#acronym-undefined`);
    assert.ok(fs.readFileSync(fileURLToPath(href), 'utf8').includes('\n## acronym-undefined\n'));
    assert.deepStrictEqual(d.data, { rule: 'acronym-undefined', text: 'MQL' });
  });

  it('offers "Disable … for this line", which writes the comment above the line', async () => {
    const [d] = await c.diagnostics('file:///w/team.sla.md', 3);
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: 'file:///w/team.sla.md' }, range: d.range, context: { diagnostics: [d] } });
    const disable = actions.find((a: Json) => a.title === 'Controle ‘Afkorting niet uitgeschreven’ uitschakelen voor deze regel');
    assert.deepStrictEqual(disable.edit.changes['file:///w/team.sla.md'], [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- lingo-disable-next-line acronym-undefined -->\n' }]);
    assert.deepStrictEqual(disable.diagnostics, [d]);
  });

  it('returns inlay hints', async () => {
    const hints = await c.request('textDocument/inlayHint', { textDocument: { uri: 'file:///w/team.sla.md' }, range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } } });
    assert.deepStrictEqual(hints.map((h: Json) => [h.position, h.label]), [[{ line: 2, character: 8 }, '(marketing qualified lead)']]);
  });

  it('follows settings changes without a restart', async () => {
    c.configuration = { rules: { 'acronym-undefined': 'off' } };
    const before = c.notifications.length;
    c.notify('workspace/didChangeConfiguration', { settings: { lingo: c.configuration } });
    const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === 'file:///w/team.sla.md', 5000, before);
    assert.deepStrictEqual(p.diagnostics, []);
    c.configuration = {};
  });

  it('answers requests for unknown documents and out-of-range positions', async () => {
    assert.strictEqual(await c.request('textDocument/hover', { textDocument: { uri: 'file:///nope.md' }, position: { line: 0, character: 0 } }), null);
    assert.strictEqual(await c.request('textDocument/hover', { textDocument: { uri: 'file:///w/team.sla.md' }, position: { line: 999, character: 999 } }), null);
  });

  it('skips a binary document with one notice', async () => {
    const before = c.notifications.length;
    c.open('file:///w/blob.md', 'MQL\u0000\u0001\u0002 lead', 'markdown');
    const diags = await c.diagnostics('file:///w/blob.md');
    assert.deepStrictEqual(diags, []);
    const msg = await c.waitFor('window/showMessage', () => true, 5000, before);
    assert.match(msg.message, /does not look like text/);
  });
});

describe('server without workspace/configuration', function () {
  this.timeout(30000);
  it('takes settings from initializationOptions and didChangeConfiguration', async () => {
    const c = new LspClient();
    await c.initialize({}, { settings: { language: 'pl' } });
    c.open('file:///x/a.md', 'Every MQL is reviewed within two days by the sales team.');
    const diags = await c.diagnostics('file:///x/a.md');
    assert.match(diags[0].message, /Skrót/);
    assert.strictEqual(await c.shutdown(), 0);
  });
});

describe('server: opening a document', function () {
  this.timeout(30000);
  it('checks an opened document at once, not after the edit debounce', async () => {
    // With a debounce longer than the test's timeout, only an open that skips it publishes in time.
    const c = new LspClient(['--stdio'], { ...process.env, LINGO_DEBOUNCE_MS: '3600000' });
    try {
      await c.initialize();
      c.open('file:///x/open.md', 'Every MQL is reviewed within two days by the sales team.');
      const diags = await c.diagnostics('file:///x/open.md', 1);
      assert.deepStrictEqual(diags.map((d: Json) => d.code), ['acronym-undefined']);
    } finally {
      await c.kill();
    }
  });
});
