// npm run build: bundles the client, the server and the CLI with esbuild into dist/, then
// validates the glossary and compiles it into dist/glossary.json, and builds it into dist/glossary.bin
// (what the server loads: no forms to generate, no automaton to build; the CLI fails on a bad entry), and writes
// the Chinese vocabulary for word boundaries (dist/zh-words.txt, see lexicon.mjs).
import { build } from 'esbuild';
import { engineDefine } from './engine.mjs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { LEXICON_NAME, chineseTerms, writeHanLexicon } from './lexicon.mjs';

rmSync('dist', { recursive: true, force: true });
const common = { bundle: true, platform: 'node', mainFields: ['module', 'main'], target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', minify: process.argv.includes('--minify'), define: engineDefine() };
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The glossary build with termbases (lingo.glossaries), run by the server in a worker thread.
  build({ ...common, entryPoints: ['server/src/glossaryWorker.ts'], outfile: 'dist/glossaryWorker.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
execFileSync(process.execPath, ['dist/cli.js', 'glossary', 'compile', '--out', 'dist/glossary.json'], { stdio: 'inherit' });
// The Chinese vocabulary for word boundaries (see lexicon.mjs), with the rare words that hold a built-in term, folded
// by the service's own foldKey (bundled for this step) so that the server folds nothing when it loads it.
const foldModule = await build({ ...common, entryPoints: ['server/src/service/fold.ts'], format: 'esm', write: false, sourcemap: false });
const { foldKey } = await import(`data:text/javascript;base64,${Buffer.from(foldModule.outputFiles[0].text).toString('base64')}`);
const lexicon = writeHanLexicon(`dist/${LEXICON_NAME}`, chineseTerms(JSON.parse(readFileSync('dist/glossary.json', 'utf8'))), foldKey);
console.log(`dist/${LEXICON_NAME}: ${lexicon.words} Chinese words for word boundaries`);
copyFileSync('glossary/schema/workspace-glossary.schema.json', 'dist/workspace-glossary.schema.json');
