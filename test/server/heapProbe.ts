/**
 * Loaded into a spawned server (NODE_OPTIONS=--require) by memoryFlags.test.ts: when the server exits, writes the
 * size of V8's young generation and the largest heap it had to the file in LINGO_HEAP_PROBE.
 */
import * as fs from 'fs';
import * as v8 from 'v8';

const out = process.env.LINGO_HEAP_PROBE;
if (out) {
  let peakHeap = 0;
  let peakNew = 0;
  const sample = () => {
    peakHeap = Math.max(peakHeap, v8.getHeapStatistics().total_heap_size);
    peakNew = Math.max(peakNew, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0);
  };
  setInterval(sample, 5).unref();
  process.on('exit', () => {
    sample();
    fs.writeFileSync(out, JSON.stringify({ peakHeap, peakNew }));
  });
}
