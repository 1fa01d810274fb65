// Bundles the benchmark (test/bench/bench.ts and the language service it measures) into
// out/bench/bench.js. textlint and its rule stay external: they are loaded from node_modules. The engine id
// is the build's (engine.mjs), so that the glossary.bin files the bench writes are the ones dist/server.js reads.
import { build } from 'esbuild';
import { engineDefine } from '../../server/scripts/engine.mjs';
import { validatorsPlugin } from '../../server/scripts/validators.mjs';

await build({
  entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench/bench.js', bundle: true, platform: 'node', target: 'node20',
  format: 'cjs', sourcemap: true, logLevel: 'warning', define: engineDefine(), external: ['textlint', 'textlint-rule-terminology'],
  plugins: [validatorsPlugin], // the schemas' validators as the server's bundle has them
  // jsonc-parser's UMD main cannot be bundled (the server's termbase build, section 9, uses it): take its ES module.
  mainFields: ['module', 'main'],
});
