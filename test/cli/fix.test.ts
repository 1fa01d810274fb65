/**
 * lingo check --fix as a process: it keeps everything about a file but the text it fixes (encoding, mode, owner,
 * links), leaves a file it cannot fix safely as it was and says so, and fails the run when something was not fixed.
 * (test/robust/fixFiles.test.ts checks the same over random files.)
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { encodeText } from '../../server/src/node/files';
import { lingo, tmpDir } from './run';

const NL = '# Plan\n\nWe doen data verrijking vandaag.\n';
const NL_FIXED = '# Plan\n\nWe doen dataverrijking vandaag.\n';
const posix = process.platform !== 'win32';

describe('lingo check --fix keeps files whole', function () {
  this.timeout(60000);

  it('fixes the files it can write, and reports a read-only file it could not fix with exit 2', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'a.md'), NL);
    fs.writeFileSync(path.join(dir, 'b.md'), NL);
    fs.chmodSync(path.join(dir, 'b.md'), 0o444);
    const r = lingo(['check', 'a.md', 'b.md', '--fix', '--lang', 'nl'], dir);
    assert.strictEqual(r.status, 2, r.stdout + r.stderr);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), NL_FIXED);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), NL);
    assert.strictEqual(fs.statSync(path.join(dir, 'b.md')).mode & 0o777, 0o444);
    const lines = r.stdout.trim().split('\n');
    assert.deepStrictEqual(lines.filter((l) => /^(fixed|not fixed|\d+ fix)/.test(l)), [
      'fixed a.md:3:9 "data verrijking" → "dataverrijking"',
      'not fixed b.md (1 fix(es)): it is read-only; it was left as it was',
      '1 fix(es) in 1 file(s); 1 file(s) not fixed',
    ]);
    // b.md's finding is still reported, as the file is.
    assert.ok(lines.some((l) => l.startsWith('b.md:3:9 warning deprecated-term')), r.stdout);
    assert.ok(!lines.some((l) => l.startsWith('a.md:3:9')), r.stdout);
  });

  it('leaves a Latin-1 file byte for byte as it was, saying why', () => {
    const dir = tmpDir();
    const latin1 = Buffer.from('# Plan\n\nWe doen data verrijking vandaag, café.\n', 'latin1');
    fs.writeFileSync(path.join(dir, 'l.md'), latin1);
    const r = lingo(['check', 'l.md', '--fix', '--lang', 'nl'], dir);
    assert.strictEqual(r.status, 2);
    assert.match(r.stdout, /^not fixed l\.md \(1 fix\(es\)\): it is not UTF-8 or UTF-16 text \(Latin-1 or another encoding\?\); it was left as it was$/m);
    assert.ok(fs.readFileSync(path.join(dir, 'l.md')).equals(latin1));
  });

  it('checks UTF-16 files instead of skipping them as binary, and fixes them in UTF-16', () => {
    const dir = tmpDir();
    for (const [name, enc, mark] of [['le.md', 'utf16le', true], ['be.md', 'utf16be', true], ['nomark.md', 'utf16le', false], ['bom.md', 'utf8-bom', true]] as const) {
      fs.writeFileSync(path.join(dir, name), encodeText(NL.replace(/\n/g, '\r\n'), enc, mark));
    }
    const c = lingo(['check', '.', '--lang', 'nl'], dir);
    assert.strictEqual(c.status, 1, c.stdout + c.stderr);
    assert.match(c.stdout, /^4 files checked: 4 warnings\.$/m);
    const f = lingo(['check', '.', '--fix', '--lang', 'nl'], dir);
    assert.strictEqual(f.status, 0, f.stdout + f.stderr);
    for (const [name, enc, mark] of [['le.md', 'utf16le', true], ['be.md', 'utf16be', true], ['nomark.md', 'utf16le', false], ['bom.md', 'utf8-bom', true]] as const) {
      assert.ok(fs.readFileSync(path.join(dir, name)).equals(encodeText(NL_FIXED.replace(/\n/g, '\r\n'), enc, mark)), name);
    }
  });

  (posix ? it : it.skip)('keeps mode, owner, a symbolic link and a hard link', () => {
    const dir = tmpDir();
    const other = tmpDir();
    fs.writeFileSync(path.join(dir, 'private.md'), NL);
    fs.chmodSync(path.join(dir, 'private.md'), 0o600);
    fs.writeFileSync(path.join(other, 'target.md'), NL);
    fs.symlinkSync(path.join(other, 'target.md'), path.join(dir, 'link.md'));
    fs.writeFileSync(path.join(dir, 'hard.md'), NL);
    fs.linkSync(path.join(dir, 'hard.md'), path.join(other, 'hard-too.md'));
    const root = process.getuid?.() === 0;
    if (root) { fs.writeFileSync(path.join(dir, 'owned.md'), NL); fs.chownSync(path.join(dir, 'owned.md'), 1234, 2345); }
    // Named: a folder's walk does not follow links.
    const r = lingo(['check', ...fs.readdirSync(dir), '--fix', '--lang', 'nl'], dir);
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    assert.strictEqual(fs.statSync(path.join(dir, 'private.md')).mode & 0o777, 0o600);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'private.md'), 'utf8'), NL_FIXED);
    assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink(), 'still a link');
    assert.strictEqual(fs.readFileSync(path.join(other, 'target.md'), 'utf8'), NL_FIXED);
    assert.strictEqual(fs.statSync(path.join(dir, 'hard.md')).nlink, 2);
    assert.strictEqual(fs.readFileSync(path.join(other, 'hard-too.md'), 'utf8'), NL_FIXED);
    if (root) {
      const st = fs.statSync(path.join(dir, 'owned.md'));
      assert.deepStrictEqual([st.uid, st.gid], [1234, 2345]);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'owned.md'), 'utf8'), NL_FIXED);
    }
    assert.deepStrictEqual(fs.readdirSync(dir).filter((n) => n.startsWith('.')), [], 'no temporary file left');
  });

  (posix ? it : it.skip)('prints a file name with a newline escaped, so that it cannot forge an output line', () => {
    const dir = tmpDir();
    const name = 'evil\nfake.md:1:1 error mistranslation forged.md';
    fs.writeFileSync(path.join(dir, name), NL);
    const r = lingo(['check', name, '--lang', 'nl'], dir);
    const lines = r.stdout.trim().split('\n');
    assert.deepStrictEqual(lines, [
      'evil\\u000afake.md:1:1 error mistranslation forged.md:3:9 warning deprecated-term Vermijd ‘data verrijking’: schrijf ‘dataverrijking’. Losgeschreven samenstelling; schrijf het als één woord.',
      '1 file checked: 1 warning.',
    ]);
  });
});
