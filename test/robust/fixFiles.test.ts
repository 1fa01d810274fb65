/**
 * Property tests (fast-check) that `lingo check --fix` never loses a byte it was not asked to change:
 *
 * 1. The CLI as a process over random sets of files — UTF-8 with and without a byte-order mark, UTF-16 LE/BE,
 *    Latin-1, CRLF or LF, modes 600/640/644/444, reached through a symbolic link or with a hard link — must leave
 *    each file either fixed (only the fixable terms changed, in the file's own encoding, with its mode, owner and
 *    links) or exactly as it was, saying so (and exiting 2).
 * 2. Replacing a file (what --fix does once the new text is ready) under a random operation by someone else
 *    between reading and writing (an edit, an append, a truncation, a rename over it, a deletion, a chmod, a link
 *    planted in its place): what the other one did is never overwritten.
 *
 *   LINGO_PROP_SEED=42 LINGO_FIX_RUNS=100 npx mocha out/test/robust/fixFiles.test.js
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { encodeText, FileRefused, readLimited, replaceFile, writeAtomic, type Encoding } from '../../server/src/node/files';
import { ROOT, tempDir } from '../helpers';

const SEED = Number(process.env.LINGO_PROP_SEED ?? 7031) | 0;
const CLI = path.join(ROOT, 'dist', 'cli.js');
const posix = process.platform !== 'win32';

/** Words that name no concept, with accents (Latin-1 can hold them); the fixable term, and what --fix makes of it. */
const FILLER = ['We', 'doen', 'het', 'vandaag', 'café', 'naïef', 'één', 'rôle', '—', '.', ','];
const FIXABLE = 'data verrijking';
const FIXED = 'dataverrijking';
const NL_TEXT = '# Plan\n\nWe doen data verrijking vandaag.\n';

type FileEncoding = Encoding | 'utf16le-nomark' | 'latin1';
interface Spec { words: (string | null)[]; encoding: FileEncoding; crlf: boolean; mode: number; via: 'plain' | 'symlink' | 'hardlink' }

const text = (s: Spec, fixed: boolean) => {
  const nl = s.crlf ? '\r\n' : '\n';
  return `# Plan${nl}${nl}` + s.words.map((w) => (w === null ? (fixed ? FIXED : FIXABLE) : w)).join(' ').replace(/ \. /g, `.${nl}`) + nl;
};

const bytes = (s: Spec, fixed: boolean): Buffer => {
  const t = text(s, fixed);
  if (s.encoding === 'latin1') return Buffer.from(t, 'latin1');
  if (s.encoding === 'utf16le-nomark') return encodeText(t, 'utf16le', false);
  return encodeText(t, s.encoding);
};

const spec: fc.Arbitrary<Spec> = fc.record({
  words: fc.array(fc.oneof(fc.constantFrom(...FILLER), fc.constant(null)), { minLength: 1, maxLength: 40 }),
  encoding: fc.constantFrom<FileEncoding>('utf8', 'utf8', 'utf8-bom', 'utf16le', 'utf16be', 'utf16le-nomark', 'latin1'),
  crlf: fc.boolean(),
  mode: fc.constantFrom(0o600, 0o640, 0o644, 0o444),
  via: fc.constantFrom<Spec['via']>('plain', 'plain', 'symlink', 'hardlink'),
});

describe('--fix never loses a byte it was not asked to change (property)', function () {
  this.timeout(600000);

  (posix ? it : it.skip)('the CLI over random files: fixed in place of the fixable terms only, or left exactly as it was', () => {
    let runs = 0;
    fc.assert(fc.property(fc.array(spec, { minLength: 1, maxLength: 4 }), (specs) => {
      runs++;
      const dir = tempDir('fixprop');
      const elsewhere = tempDir('fixprop-target');
      const names = specs.map((_, i) => `doc${i}.md`);
      specs.forEach((s, i) => {
        const file = path.join(dir, names[i]);
        if (s.via === 'symlink') {
          const target = path.join(elsewhere, names[i]);
          fs.writeFileSync(target, bytes(s, false));
          fs.chmodSync(target, s.mode);
          fs.symlinkSync(target, file);
        } else {
          fs.writeFileSync(file, bytes(s, false));
          fs.chmodSync(file, s.mode);
          if (s.via === 'hardlink') fs.linkSync(file, path.join(elsewhere, names[i]));
        }
      });
      const before = names.map((n) => fs.statSync(path.join(dir, n)));
      const r = spawnSync(process.execPath, [CLI, 'check', ...names, '--fix', '--lang', 'nl'], { cwd: dir, encoding: 'utf8', timeout: 60000 });
      let anyNotFixed = false;
      specs.forEach((s, i) => {
        const file = path.join(dir, names[i]);
        const now = fs.readFileSync(file);
        const fixable = s.words.includes(null);
        // Latin-1 with an accented letter is not UTF-8 (all ASCII, it is): such a file is left alone, as is a read-only one.
        const notUtf = s.encoding === 'latin1' && /[^\x00-\x7f]/.test(text(s, false));
        const shouldFix = fixable && !notUtf && s.mode !== 0o444;
        const expected = bytes(s, shouldFix);
        assert.ok(now.equals(expected), `${names[i]} (${JSON.stringify({ ...s, mode: s.mode.toString(8) })}): ${JSON.stringify(now.toString('latin1'))}\nexpected ${JSON.stringify(expected.toString('latin1'))}\n${r.stdout}${r.stderr}`);
        if (fixable && !shouldFix) {
          anyNotFixed = true;
          assert.match(r.stdout, new RegExp(`^not fixed ${names[i]} \\(\\d+ fix\\(es\\)\\): it (is read-only|is not UTF-8 or UTF-16 text \\(Latin-1 or another encoding\\?\\)); it was left as it was$`, 'm'), r.stdout + r.stderr);
        }
        // Everything about the file but its text is as it was.
        const st = fs.statSync(file);
        assert.strictEqual(st.mode, before[i].mode, `${names[i]}: mode`);
        assert.strictEqual(st.uid, before[i].uid);
        assert.strictEqual(st.gid, before[i].gid);
        if (s.via === 'symlink') {
          assert.ok(fs.lstatSync(file).isSymbolicLink(), `${names[i]} is still a link`);
        }
        if (s.via === 'hardlink') {
          assert.strictEqual(st.nlink, 2, `${names[i]} keeps its hard link`);
          assert.ok(fs.readFileSync(path.join(elsewhere, names[i])).equals(expected), 'the other name shows the same text');
        }
      });
      // No temporary file is left behind.
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), [...names].sort());
      assert.deepStrictEqual(fs.readdirSync(elsewhere).filter((n) => n.endsWith('.tmp')), []);
      assert.strictEqual(r.status, anyNotFixed ? 2 : 0, r.stdout + r.stderr);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }), { seed: SEED, numRuns: Number(process.env.LINGO_FIX_RUNS ?? 20), endOnFailure: true });
    console.log(`      ${runs} runs of lingo check --fix`);
  });

  (posix ? it : it.skip)('never writes through a link planted at the temporary name', () => {
    // The name is random; here it is made known in advance, as an attacker would need it to be.
    // The module object itself (an import would be a copy of its properties): files.ts reads randomBytes from it at each call.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object, as said above
    const crypto = require('crypto') as { randomBytes: (n: number) => Buffer };
    const real = crypto.randomBytes;
    const fixed = Buffer.from('0123456789abcdef', 'hex');
    let calls = 0;
    crypto.randomBytes = (n: number) => (calls++ === 0 ? fixed.subarray(0, n) : real(n));
    try {
      const dir = tempDir('planted');
      const victim = path.join(dir, 'victim.txt');
      fs.writeFileSync(victim, 'precious');
      const file = path.join(dir, 'doc.md');
      fs.writeFileSync(file, NL_TEXT);
      const was = readLimited(file, { maxBytes: 1 << 20 });
      fs.symlinkSync(victim, path.join(dir, `.doc.md.${fixed.subarray(0, 8).toString('hex')}.tmp`));
      replaceFile(file, was, Buffer.from('fixed'));
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious');
      assert.strictEqual(fs.readFileSync(file, 'utf8'), 'fixed');
      calls = 0;
      fs.symlinkSync(victim, path.join(dir, `.out.json.${fixed.subarray(0, 8).toString('hex')}.tmp`));
      writeAtomic(path.join(dir, 'out.json'), '{}'); // every write of the project: the same
      assert.strictEqual(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'), '{}');
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious');
      assert.ok(calls >= 2, 'the planted name was tried and given up');
    } finally {
      crypto.randomBytes = real;
    }
  });

  type Op = 'none' | 'edit' | 'append' | 'truncate' | 'rename-over' | 'delete' | 'chmod-ro' | 'chmod-600' | 'symlink' | 'same-bytes';
  const OPS: Op[] = ['none', 'edit', 'append', 'truncate', 'rename-over', 'delete', 'chmod-ro', 'chmod-600', 'symlink', 'same-bytes'];

  (posix ? it : it.skip)('replacing a file never overwrites what someone else did to it after it was read', () => {
    fc.assert(fc.property(fc.constantFrom(...OPS), fc.string({ minLength: 0, maxLength: 200 }), fc.string({ minLength: 1, maxLength: 200 }), fc.boolean(), (op, original, edit, hardlink) => {
      const dir = tempDir('replace');
      const file = path.join(dir, 'doc.md');
      const outside = path.join(dir, 'outside.txt');
      fs.writeFileSync(outside, 'outside');
      fs.writeFileSync(file, original);
      fs.chmodSync(file, 0o640);
      if (hardlink) fs.linkSync(file, path.join(dir, 'other-name.md'));
      const was = readLimited(file, { maxBytes: 1 << 20 });
      const fixed = Buffer.from(`${original}!fixed`);
      // Someone else, between the read and the write:
      let theirs: Buffer | undefined = Buffer.from(original);
      switch (op) {
        case 'edit': theirs = Buffer.from(edit === original ? `${edit}?` : edit); fs.writeFileSync(file, theirs); break;
        case 'append': fs.appendFileSync(file, edit); theirs = Buffer.concat([Buffer.from(original), Buffer.from(edit)]); break;
        case 'truncate': fs.truncateSync(file, 0); theirs = Buffer.alloc(0); if (!original.length) theirs = undefined; break;
        case 'rename-over': { const t = path.join(dir, 'new.md'); fs.writeFileSync(t, original); fs.renameSync(t, file); break; } // same text, another file
        case 'delete': fs.unlinkSync(file); theirs = undefined; break;
        case 'chmod-ro': fs.chmodSync(file, 0o444); break;
        case 'chmod-600': fs.chmodSync(file, 0o600); break;
        case 'symlink': fs.unlinkSync(file); fs.symlinkSync(outside, file); break;
        case 'same-bytes': fs.writeFileSync(file, original); break; // rewritten with the same text: nothing is lost by fixing it
      }
      const modeBefore = op === 'delete' ? 0 : fs.statSync(file).mode;
      let refused: FileRefused | undefined;
      try { replaceFile(file, was, fixed); } catch (e) { if (e instanceof FileRefused) refused = e; else throw e; }
      const mayWrite = op === 'none' || op === 'chmod-600' || op === 'same-bytes' || (op === 'truncate' && theirs === undefined && !original.length);
      if (mayWrite) {
        assert.ok(!refused, `${op}: nothing changed the file in a way that is lost by fixing it, yet: ${refused?.detail}`);
        assert.ok(fs.readFileSync(file).equals(fixed));
        assert.strictEqual(fs.statSync(file).mode, modeBefore, 'the mode it has now is kept');
      } else {
        assert.ok(refused, `${op}: the other one's change must not be overwritten`);
        if (op === 'delete') assert.ok(!fs.existsSync(file));
        else if (op === 'symlink') assert.strictEqual(fs.readFileSync(outside, 'utf8'), 'outside');
        else assert.ok(fs.readFileSync(file).equals(theirs ?? Buffer.alloc(0)), `${op}: ${refused.detail}`);
      }
      assert.strictEqual(fs.readFileSync(outside, 'utf8'), 'outside');
      assert.deepStrictEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
      fs.rmSync(dir, { recursive: true, force: true });
    }), { seed: SEED, numRuns: Number(process.env.LINGO_PROP_RUNS ?? 300), endOnFailure: true });
  });
});
