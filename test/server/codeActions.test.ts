/**
 * Quick fixes over real LSP: a client that resolves code actions (codeAction/resolve, as VS Code) gets each fix
 * with its title and data and its edits when it resolves it; one that does not gets the edits at once. Both end
 * with the same edits, in each language.
 */
import * as assert from 'assert';
import { LspClient, type Json } from './lspClient';

/** [language, document, the title of the fix chosen, the document after it]. */
const CASES: [string, string, string, string][] = [
  ['en', 'Every MQL is reviewed within two days by the sales team.\n', 'Spell out: “Marketing Qualified Lead (MQL)”',
    'Every Marketing Qualified Lead (MQL) is reviewed within two days by the sales team.\n'],
  ['nl', 'Elke opportunity wordt opgevolgd. Een kans gaat terug, en nog een kans ook, en de accountmanager moet dat melden.\n', 'Alle 2 in dit document vervangen door ‘opportunity’',
    'Elke opportunity wordt opgevolgd. Een opportunity gaat terug, en nog een opportunity ook, en de accountmanager moet dat melden.\n'],
  ['sv', 'Varje MQL ska följas upp inom två dagar av säljaren.\n', '', ''],
  ['pl', 'Każdy typ ołowiu musi być opisany w umowie i sprawdzony w ciągu miesiąca.\n', '', ''],
  ['zh-Hant', '每個產品合格鉛都要在兩個工作天內跟進。\n', '', ''],
];

const RESOLVING = {
  workspace: { configuration: true },
  textDocument: { publishDiagnostics: { relatedInformation: true }, codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } },
};

/** Applies one document's text edits (LSP ranges, applied from the last). */
function applyEdits(text: string, edits: Json[]): string {
  const lines = text.split('\n');
  const offset = (p: Json) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('quick fixes over LSP, resolved when chosen (codeAction/resolve)', function () {
  this.timeout(30000);
  const clients: LspClient[] = [];
  after(async () => { for (const c of clients) assert.strictEqual(await c.shutdown(), 0, c.stderr); });

  async function start(capabilities?: Json): Promise<LspClient> {
    const c = new LspClient();
    clients.push(c);
    const init = await c.initialize(capabilities);
    assert.strictEqual(init.capabilities.codeActionProvider.resolveProvider, true);
    return c;
  }

  it('the server says it resolves code actions; a client that resolves gets fixes without edits, and the same edits when it resolves them', async () => {
    const lazy = await start(RESOLVING);
    const eager = await start();
    let n = 0;
    for (const [lang, text, title, expected] of CASES) {
      const uri = `file:///w/fix-${lang}-${++n}.md`;
      lazy.open(uri, text);
      eager.open(uri, text);
      const ds = await lazy.diagnostics(uri, 1);
      assert.ok(ds.length > 0, lang);
      const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
      const got = await lazy.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: ds } });
      const want = await eager.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: await eager.diagnostics(uri, 1) } });
      assert.deepStrictEqual(got.map((a: Json) => a.title), want.map((a: Json) => a.title), lang);
      const fixes = got.filter((a: Json) => a.data !== undefined);
      assert.ok(fixes.length > 0 && fixes.every((a: Json) => a.edit === undefined && a.data.uri === uri), `${lang}: ${JSON.stringify(got)}`);
      assert.ok(got.filter((a: Json) => a.data === undefined).every((a: Json) => a.edit !== undefined), `${lang}: "Disable … for this line" comes with its edit`);
      for (const [k, a] of got.entries()) {
        const resolved = a.edit ? a : await lazy.request('codeAction/resolve', a);
        assert.deepStrictEqual(resolved.edit, want[k].edit, `${lang}: ${a.title}`);
      }
      if (title) {
        const chosen = got.find((a: Json) => a.title === title);
        assert.ok(chosen, `${lang}: ${JSON.stringify(got.map((a: Json) => a.title))}`);
        const resolved = await lazy.request('codeAction/resolve', chosen);
        assert.strictEqual(applyEdits(text, resolved.edit.changes[uri]), expected, lang);
      }
    }
  });

  it('a fix resolved after the document changed comes back without an edit: nothing is changed', async () => {
    const c = await start(RESOLVING);
    const uri = 'file:///w/stale.md';
    c.open(uri, CASES[0][1]);
    const ds = await c.diagnostics(uri, 1);
    const [fix] = await c.request('textDocument/codeAction', { textDocument: { uri }, range: ds[0].range, context: { diagnostics: ds } });
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Today: ' }] });
    const resolved = await c.request('codeAction/resolve', fix);
    assert.strictEqual(resolved.edit, undefined);
    assert.strictEqual(resolved.title, fix.title);
  });
});
