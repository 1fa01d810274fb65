/**
 * Reading a file within limits (server/src/node/files.ts `readLimited`: documents, team glossaries, termbases): what
 * it reads, and what it refuses and why.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileRefused, readLimited, type ReadLimits } from '../../server/src/node/files';


/** What reading `file` gives: its text, or the reason it was refused. */
function outcome(file: string, limits: ReadLimits): string {
  try {
    return `text: ${Buffer.from(readLimited(file, limits).bytes).toString('utf8')}`;
  } catch (e) {
    if (e instanceof FileRefused) return `refused: ${e.reason}`;
    throw e;
  }
}

describe('reading a file within limits (readLimited)', () => {
  let dir: string;
  let outside: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingo-files-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'lingo-outside-'));
    fs.writeFileSync(path.join(dir, 'small.md'), 'Every MQL is scored.');
    fs.writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(2000));
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.writeFileSync(path.join(outside, 'secret.md'), 'not ours');
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'link-out.md'));
    fs.symlinkSync(path.join(dir, 'small.md'), path.join(dir, 'link-in.md'));
    fs.symlinkSync(path.join(dir, 'loop-b.md'), path.join(dir, 'loop-a.md'));
    fs.symlinkSync(path.join(dir, 'loop-a.md'), path.join(dir, 'loop-b.md'));
    if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const cases: [string, string, Partial<ReadLimits>, string][] = [
    ['a small file', 'small.md', {}, 'text: Every MQL is scored.'],
    ['a file over the size limit', 'big.md', { maxBytes: 1000 }, 'refused: large'],
    ['a file exactly at the size limit', 'big.md', { maxBytes: 2000 }, `text: ${'x'.repeat(2000)}`],
    ['a missing file', 'none.md', {}, 'refused: missing'],
    ['a folder', 'folder', {}, 'refused: special'],
    ['a named pipe (never waits for a writer)', 'pipe.md', {}, 'refused: special'],
    ['a link inside the root', 'link-in.md', { root: '.' }, 'text: Every MQL is scored.'],
    ['a link out of the root', 'link-out.md', { root: '.' }, 'refused: outside'],
    ['a loop of links', 'loop-a.md', {}, 'refused: outside'],
  ];
  for (const [what, file, limits, expected] of cases) {
    it(`${what} → ${expected.slice(0, 40)}`, function () {
      if (file === 'pipe.md' && process.platform === 'win32') this.skip();
      const root = limits.root === '.' ? dir : limits.root;
      assert.strictEqual(outcome(path.join(dir, file), { maxBytes: 1 << 20, ...limits, root }), expected);
    });
  }
});
