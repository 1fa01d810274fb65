// Bundles the benchmark (test/bench/bench.ts and the language service it measures) into
// out/bench/bench.js. textlint and its rule stay external: they are loaded from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench/bench.js', bundle: true, platform: 'node', target: 'node20',
  format: 'cjs', sourcemap: true, logLevel: 'warning', external: ['textlint', 'textlint-rule-terminology'],
});
