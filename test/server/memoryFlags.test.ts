/**
 * The server sets its memory flags (memoryFlags.ts) however it is started: `node dist/server.js --stdio` here, as
 * Neovim and other editors start it. Measured inside the server (heapProbe.ts) through a 600 KB document typed
 * into: the young generation stays at its first size (1–2 MB: the flags are set once Node has started) and the heap stays small; with LINGO_V8_FLAGS empty (V8's
 * defaults) the same work grows both, which shows that the test can tell.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MEMORY_FLAGS, memoryFlags } from '../../server/src/memoryFlags';
import { ROOT } from '../helpers';
import { LspClient } from './lspClient';

const MB = 1024 * 1024;
const URI = 'file:///w/large.md';

/** A session in a spawned server with `env`: a large document opened and typed into; the probe's figures. */
async function heapOf(env: NodeJS.ProcessEnv): Promise<{ peakHeap: number; peakNew: number }> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lingo-heap-')), 'probe.json');
  const probe = path.join(ROOT, 'out', 'test', 'server', 'heapProbe.js');
  const c = new LspClient(['--stdio'], { ...process.env, ...env, LINGO_DEBOUNCE_MS: '0', LINGO_HEAP_PROBE: out, NODE_OPTIONS: `--require ${probe}` });
  try {
    await c.initialize();
    const sample = fs.readFileSync(path.join(ROOT, 'samples', 'en', 'outbound.playbook.md'), 'utf8');
    let text = '';
    while (text.length < 600 * 1024) text += sample;
    c.open(URI, text);
    await c.diagnostics(URI, 1);
    for (let v = 2; v <= 30; v++) {
      c.notify('textDocument/didChange', { textDocument: { uri: URI, version: v }, contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'The MQL pipeline. ' }] });
      await c.diagnostics(URI, v);
    }
    assert.strictEqual(await c.shutdown(), 0);
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    c.kill();
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

describe('server: V8 memory flags', function () {
  this.timeout(120000);

  it('are the defaults unless LINGO_V8_FLAGS says otherwise', () => {
    assert.strictEqual(memoryFlags({}), MEMORY_FLAGS);
    assert.strictEqual(memoryFlags({ LINGO_V8_FLAGS: '' }), '');
    assert.strictEqual(memoryFlags({ LINGO_V8_FLAGS: '--max-semi-space-size=4' }), '--max-semi-space-size=4');
  });

  it('keep the young generation at 2 MB at most and the heap small in `node dist/server.js --stdio`; V8 defaults do not', async () => {
    const withFlags = await heapOf({});
    const defaults = await heapOf({ LINGO_V8_FLAGS: '' });
    const fmt = (x: { peakHeap: number; peakNew: number }) => `heap ${(x.peakHeap / MB).toFixed(1)} MB, young ${(x.peakNew / MB).toFixed(1)} MB`;
    assert.ok(withFlags.peakNew <= 2 * MB, `with the flags: ${fmt(withFlags)}`);
    assert.ok(defaults.peakNew >= 8 * MB, `V8 defaults: ${fmt(defaults)}`);
    assert.ok(withFlags.peakHeap < defaults.peakHeap, `with the flags ${fmt(withFlags)}; V8 defaults ${fmt(defaults)}`);
  });
});
