/**
 * Crashes and corruptions the LSP fuzzer found, each as a small case against dist/server.js.
 */
import * as assert from 'assert';
import { RawClient } from './rawClient';

const MQL_DOC = 'Every MQL is reviewed within two days by the sales team.';

describe('fuzz regressions', function () {
  this.timeout(30000);
  let c: RawClient;
  beforeEach(async () => { c = new RawClient(); await c.initialize(undefined, {}); });
  afterEach(async () => { const code = await c.shutdown(); assert.strictEqual(code, 0, c.stderr); });

  const hoverMQL = async (uri: string, line = 0) => {
    const h = await c.call('textDocument/hover', { textDocument: { uri }, position: { line, character: 7 } });
    return h?.contents?.value as string | undefined;
  };

  it('a URI with a malformed %-escape does not end the process (URIError in decodeURIComponent)', async () => {
    for (const uri of ['file:///fz/%E0%A4%A.md', 'file:///fz/100%.md']) {
      c.open(uri, MQL_DOC);
      assert.match((await hoverMQL(uri)) ?? '', /marketing qualified lead/i);
    }
    // The "skipped" notice decodes the file name too.
    c.open('file:///fz/%E0%A4%A-blob.md', 'MQL\u0000 lead');
    await c.call('lingo/documentInfo', { uri: 'file:///fz/%E0%A4%A-blob.md' });
    assert.ok(c.alive, c.stderr);
  });

  it('a didOpen whose text is not a string does not end the process (unhandled rejection in validate)', async () => {
    for (const [i, text] of [42, null, ['a'], { x: 1 }, true].entries()) {
      c.notify('textDocument/didOpen', { textDocument: { uri: `file:///fz/bad${i}.md`, languageId: 'markdown', version: 1, text } });
    }
    await new Promise((r) => setTimeout(r, 300)); // validation runs on a timer
    c.open('file:///fz/good.md', MQL_DOC);
    assert.match((await hoverMQL('file:///fz/good.md')) ?? '', /marketing qualified lead/i);
    assert.ok(c.alive, c.stderr);
  });

  it('a change range beyond the last line leaves positions intact (TextDocument line table)', async () => {
    const uri = 'file:///fz/lines.md';
    c.open(uri, 'a\nb');
    // Replaces "lines 5 to 6" (beyond the end) with one line break: the library wrote line offsets past the end.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: `\n${MQL_DOC}` }] });
    c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'A' }] });
    const h = await c.call('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 7 } });
    assert.deepStrictEqual(h?.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } });
    const actions = await c.call('textDocument/codeAction', { textDocument: { uri }, range: h.range, context: { diagnostics: [] } });
    assert.ok(actions.length > 0);
    assert.deepStrictEqual(actions[0].edit.changes[uri][0].range, h.range);
  });
});
