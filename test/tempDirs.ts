/**
 * The tests' temporary folders, and the check that a mocha run leaves none behind.
 *
 * Loaded in a mocha run (by the test files, most through helpers.ts), this gives the run a private temporary folder,
 * `lingo-test-run-XXXXXX` in the system's: TMPDIR (TMP and TEMP on Windows) points there, so `os.tmpdir()` of this
 * process and of every server, CLI and editor that a test starts is there. A test makes its folders with
 * `tempDir('name')`; they are removed after the run's last test. Then the private folder must be empty: whatever is
 * left (made without `tempDir`, by a process still running, or by the server itself) is named, removed, and the run
 * fails in the root "after all" hook.
 *
 * A private folder rather than comparing the system's before and after: other processes (another run of the same
 * tests, editors, tools) make `lingo-*` folders there at the same time, and what the tests' own processes make need
 * not start with `lingo-`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const VARS = ['TMPDIR', 'TMP', 'TEMP'] as const;
let run: { dir: string; saved: Record<string, string | undefined> } | undefined;
const made: string[] = [];

/** Starts the run's private temporary folder (once). */
function startRun(): void {
  if (run) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingo-test-run-'));
  run = { dir, saved: Object.fromEntries(VARS.map((v) => [v, process.env[v]])) };
  for (const v of VARS) process.env[v] = dir;
  // The run ended without its last hook (interrupted): the folder goes anyway.
  process.on('exit', removeRun);
}

function removeRun(): void {
  if (!run) return;
  fs.rmSync(run.dir, { recursive: true, force: true });
  for (const v of VARS) {
    if (run.saved[v] === undefined) delete process.env[v];
    else process.env[v] = run.saved[v];
  }
  run = undefined;
  process.removeListener('exit', removeRun);
}

/** A fresh folder `lingo-<name>-XXXXXX` in the temporary folder, removed after the run's last test. */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lingo-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes the folders made by tempDir, then fails naming whatever else is left in the run's temporary folder. */
export function endRun(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  if (!run) return;
  const left = fs.readdirSync(run.dir).sort();
  const where = run.dir;
  removeRun();
  if (left.length) {
    throw new Error(`the tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temporary folder ${where} (now removed): ${left.join(', ')}. ` +
      'Make temporary folders with tempDir() (test/tempDirs.ts) and stop every server or process a test started before it ends.');
  }
}

// In a mocha run only, not in a benchmark that imports the helpers: the script is .bin/mocha, mocha/bin/mocha.js, or
// mocha/lib/cli/cli.js when mocha starts itself again with Node options. Loaded by a test file, at the top of the
// file, so the hook is the root suite's, run after every other.
if (typeof after === 'function' && /mocha/.test(process.argv[1] ?? '')) {
  startRun();
  after('the temporary folder is left empty', endRun);
}
