/** A long check of a huge document yields to hover and completion. */
import * as assert from 'assert';
import { LspClient } from './lspClient';

describe('a huge document', function () {
  this.timeout(60000);
  it('answers hover and completion before its check is finished', async () => {
    const c = new LspClient();
    try {
      await check(c);
    } finally {
      await c.kill();
    }
  });
});

async function check(c: LspClient): Promise<void> {
    await c.initialize({}, { settings: { maxFileSizeMB: 10 } });
    const para = 'Every MQL must be followed up within two business days; the SDR books a discovery call and logs the opportunity.\n'
      + 'Elke opportunity krijgt een eigenaar en een kans zonder eigenaar gaat terug naar marketing.\n';
    const copies = Math.ceil((4 * 1024 * 1024) / para.length);
    const text = para.repeat(copies);
    const uri = 'file:///big/huge.md';
    const order: string[] = [];
    const diagnostics = c.diagnostics(uri).then((d) => { order.push('diagnostics'); return d; });
    c.open(uri, text);
    // A small document opened just after: its check runs between the slices of the huge one's.
    const small = 'file:///big/small.md';
    c.open(small, 'Every MQL is reviewed by the sales team within two days.');
    await c.diagnostics(small);
    order.push('small document');
    const line = 20000;
    const hover = c.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 7 } }).then((h) => { order.push('hover'); return h; });
    const completion = c.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } }).then((l) => { order.push('completion'); return l; });
    const [h, list, diags] = await Promise.all([hover, completion, diagnostics]);
    assert.match(h.contents.value, /\*\*marketing qualified lead\*\* \(MQL\)/);
    assert.deepStrictEqual(h.range.start, { line, character: 6 });
    assert.ok(Array.isArray(list.items));
    // The whole document was checked: the problems shown stop at lingo.maxProblems, the last saying how many more.
    assert.strictEqual(diags.length, 1000);
    // (every copy of the paragraph has its "kans" flagged)
    assert.ok(999 + Number(/^(\d+) more findings/.exec(diags[999].message)?.[1]) >= copies, diags[999].message);
    console.log("      answered in the order", order.join(", "));
    assert.deepStrictEqual(order.slice(0, 3), ['small document', 'hover', 'completion'], `answered in the order ${order}`);
    assert.strictEqual(await c.shutdown(), 0);
}
