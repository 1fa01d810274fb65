/**
 * V8's memory flags (memoryFlags.ts): chosen by the size of the glossary in force (a table), set only when that
 * choice changes, and set however the server is started: `node dist/server.js --stdio` here, as Neovim and other
 * editors start it. Measured inside the server (heapProbe.ts) through a 600 KB document typed into: with the memory
 * flags the young generation stays at its first size (1–2 MB) and the heap stays small; with the built-in glossary
 * (small: V8's defaults) the same work grows both, which shows that the test can tell.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LARGE_GLOSSARY, MEMORY_FLAGS, SPEED_FLAGS, memoryFlags, memoryFlagsSwitch } from '../../server/src/memoryFlags';
import { ROOT, tempDir } from '../helpers';
import { LspClient } from './lspClient';

const MB = 1024 * 1024;
const URI = 'file:///w/large.md';

/** A session in a spawned server with `env`: a large document opened and typed into; the probe's figures. */
async function heapOf(env: NodeJS.ProcessEnv): Promise<{ peakHeap: number; peakNew: number }> {
  const out = path.join(tempDir('heap'), 'probe.json');
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
    await c.kill();
  }
}

describe('server: V8 memory flags', function () {
  this.timeout(120000);

  const cases: [string, number, NodeJS.ProcessEnv, string][] = [
    ['no glossary yet', 0, {}, SPEED_FLAGS],
    ['the built-in glossary', 702, {}, SPEED_FLAGS],
    ['just under large', LARGE_GLOSSARY - 1, {}, SPEED_FLAGS],
    ['large', LARGE_GLOSSARY, {}, MEMORY_FLAGS],
    ['a 50,000-concept termbase', 50000, {}, MEMORY_FLAGS],
    ['LINGO_V8_FLAGS empty: V8 defaults, whatever the size', 50000, { LINGO_V8_FLAGS: '' }, ''],
    ['LINGO_V8_FLAGS given: those', 702, { LINGO_V8_FLAGS: ' --max-semi-space-size=4 ' }, '--max-semi-space-size=4'],
  ];
  for (const [name, concepts, env, flags] of cases) {
    it(`for ${name}: ${JSON.stringify(flags)}`, () => assert.strictEqual(memoryFlags(concepts, env), flags));
  }

  it('are set when the glossary in force changes size class, and only then', () => {
    const set: string[] = [];
    const onGlossary = memoryFlagsSwitch({}, (f) => set.push(f));
    for (const n of [0, 702, 702, 50000, 48000, 702]) onGlossary(n);
    assert.deepStrictEqual(set, [SPEED_FLAGS, MEMORY_FLAGS, SPEED_FLAGS]);
    const none: string[] = [];
    const defaults = memoryFlagsSwitch({ LINGO_V8_FLAGS: '' }, (f) => none.push(f));
    for (const n of [0, 50000]) defaults(n);
    assert.deepStrictEqual(none, []);
  });

  it('reach V8 in `node dist/server.js --stdio`: young generation at 2 MB at most with the memory flags, not with the defaults', async () => {
    const withFlags = await heapOf({ LINGO_V8_FLAGS: MEMORY_FLAGS });
    const builtIn = await heapOf({}); // the built-in glossary is small: V8's defaults
    const fmt = (x: { peakHeap: number; peakNew: number }) => `heap ${(x.peakHeap / MB).toFixed(1)} MB, young ${(x.peakNew / MB).toFixed(1)} MB`;
    assert.ok(withFlags.peakNew <= 2 * MB, `with the flags: ${fmt(withFlags)}`);
    assert.ok(builtIn.peakNew >= 8 * MB, `built-in glossary, V8 defaults: ${fmt(builtIn)}`);
    assert.ok(withFlags.peakHeap < builtIn.peakHeap, `with the flags ${fmt(withFlags)}; V8 defaults ${fmt(builtIn)}`);
  });
});
