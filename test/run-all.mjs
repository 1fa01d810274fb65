// npm test, after the build and the type check: the lint (eslint .: the layer rules of ARCHITECTURE.md and the
// recommended rules; one line, counted as one passed or failed), every mocha suite (service, glossary, server over
// LSP, CLI, robustness, lint rules, Neovim), then the end-to-end scenarios in a real VS Code (in English, then in sv, nl, pl and zh-tw). Prints each runner's
// own output, then one closing line with the totals: "N passed, N failed".
import { spawn } from 'node:child_process';

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.on('close', (code) => resolve({ code, out }));
  });
}

const count = (re, s) => Number((re.exec(s) ?? [])[1] ?? 0);
let passed = 0, failed = 0, exit = 0;

const lintStart = Date.now();
const lint = await run(process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']);
const lintSecs = ((Date.now() - lintStart) / 1000).toFixed(1);
if (lint.code === 0) {
  passed += 1;
  console.log(`lint: passed (eslint ., ${lintSecs} s)`);
} else {
  failed += 1; exit = 1;
  const problems = /✖ (\d+ problems?)/.exec(lint.out)?.[1] ?? 'eslint failed';
  console.log(`lint: FAILED, ${problems} (listed above; \`npx eslint .\` shows them again; the layer rules are in eslint.config.mjs)`);
}

const mocha = await run(process.execPath, ['node_modules/mocha/bin/mocha.js']);
passed += count(/(\d+) passing/, mocha.out);
failed += count(/(\d+) failing/, mocha.out);
if (mocha.code !== 0) { exit = 1; if (!/\d+ failing/.test(mocha.out)) failed += 1; }

if (process.env.LINGO_SKIP_E2E) {
  console.log('end-to-end scenarios skipped (LINGO_SKIP_E2E is set)');
} else {
  // The scenarios in English, then the extension's words in the four other display languages (locales.mjs).
  for (const script of ['test/e2e/run.mjs', 'test/e2e/locales.mjs']) {
    const e2e = await run(process.execPath, [script]);
    const m = /(\d+) passed, (\d+) failed/.exec(e2e.out);
    if (m) { passed += Number(m[1]); failed += Number(m[2]); } else failed += 1;
    if (e2e.code !== 0) exit = 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exit || (failed ? 1 : 0));
