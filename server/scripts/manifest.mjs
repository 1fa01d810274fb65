// npm run manifest: writes package.json's contributes.configuration from the settings declared in
// server/src/service/declarations.ts (manifestConfiguration), leaving the rest of the file as it is (same keys in the
// same order, two-space JSON). The manifest is committed; test/glossary/manifest.test.ts fails when it is stale.
//   --check   only say whether package.json is up to date (exit 1 if not)
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const bundled = await build({ entryPoints: ['server/src/service/declarations.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { manifestConfiguration } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const file = 'package.json';
const before = readFileSync(file, 'utf8');
const pkg = JSON.parse(before);
pkg.contributes.configuration = manifestConfiguration();
const after = JSON.stringify(pkg, null, 2) + '\n';

if (process.argv.includes('--check')) {
  console.log(after === before ? `${file} is up to date` : `${file} is stale: run npm run manifest`);
  process.exit(after === before ? 0 : 1);
}
if (after === before) console.log(`${file}: contributes.configuration is up to date`);
else {
  writeFileSync(file, after);
  console.log(`${file}: contributes.configuration written (${Object.keys(pkg.contributes.configuration.properties).length} settings)`);
}
