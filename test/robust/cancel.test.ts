/**
 * Cancellation under load: requests sent while a 4 MB document is being checked, one of them
 * cancelled, all get an answer (a result or RequestCancelled), and the server stays up.
 */
import * as assert from 'assert';
import { builtin } from '../helpers';
import { largeText, Rng } from './gen';
import { RawClient } from './rawClient';

describe('cancellation under load', function () {
  this.timeout(120000);

  it('answers every request around a 4 MB document, cancelled or not', async () => {
    const c = new RawClient();
    try {
      await c.initialize({ settings: { maxFileSizeMB: 8 } }, {}); // no workspace/configuration: settings from initializationOptions
      const terms = [...new Set(builtin().glossary.terms.map((t) => t.text))];
      const text = largeText(new Rng(4), { terms }, 4 * 1024 * 1024);
      const uri = 'file:///load/big.md';
      c.open(uri, text);
      const pos = (k: number) => ({ line: k * 37, character: 3 });
      const reqs = [
        c.request('textDocument/hover', { textDocument: { uri }, position: pos(1) }),
        c.request('textDocument/completion', { textDocument: { uri }, position: pos(2) }),
        c.request('textDocument/hover', { textDocument: { uri }, position: pos(3) }),
        c.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: pos(0), end: pos(50) } }),
        c.request('textDocument/completion', { textDocument: { uri }, position: pos(4) }),
      ];
      const cancelledId = 3; // ids: 1 = initialize, then 2.. in order: this is the completion at pos(2)
      c.notify('$/cancelRequest', { id: cancelledId });
      const answers = await Promise.all(reqs);
      for (const a of answers) assert.ok('result' in a || a.error?.code === -32800, JSON.stringify(a).slice(0, 300));
      const cancelled = answers.find((a) => a.id === cancelledId)!;
      console.log(`      cancelled request: ${cancelled.error ? `RequestCancelled (${cancelled.error.code})` : 'answered before the cancellation arrived'}`);
      // Diagnostics for the big document arrive, and the server still answers.
      for (let i = 0; i < 600 && !c.diagnostics.has(uri); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(c.diagnostics.has(uri), 'no diagnostics for the 4 MB document');
      const h = await c.call('textDocument/hover', { textDocument: { uri }, position: pos(5) });
      assert.ok(h === null || typeof h.contents.value === 'string');
      assert.ok(c.alive, c.stderr);
    } finally {
      assert.strictEqual(await c.shutdown(), 0, c.stderr);
    }
  });
});
