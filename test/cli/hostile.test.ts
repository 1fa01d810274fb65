/**
 * lingo check on files around it that are hostile or odd: special files and links as the team glossary or as
 * documents, glossaries with many problems or deep nesting, documents with very many findings or suppressions.
 * Each run must end within seconds with a clear message (the mocha timeout and a process timeout make a hang fail).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, tmpDir } from './run';

const CLI = path.join(ROOT, 'dist', 'cli.js');
/** Runs the CLI with a time limit and a memory limit (a hang or a runaway read fails the test, not the machine). */
function bounded(args: string[], cwd: string, timeout = 60000) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=500', CLI, ...args], { cwd, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024 });
  assert.ok(!r.error, `lingo ${args.join(' ')} did not end: ${r.error?.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DOC = '# Plan\n\nMarketing hands every MQL to sales.\n';
const posix = process.platform !== 'win32';

function workspace(files: Record<string, string> = {}): string {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'plan.md'), DOC);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('lingo check: hostile files', function () {
  this.timeout(120000);

  (posix ? it : it.skip)('refuses a team glossary that is a link to /dev/zero, /dev/urandom or a file outside the workspace, saying why', () => {
    for (const target of ['/dev/zero', '/dev/urandom']) {
      const dir = workspace();
      fs.symlinkSync(target, path.join(dir, 'lingo.glossary.json'));
      const r = bounded(['check', 'plan.md'], dir);
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`lingo.glossary.json:1:1 error: \\(file\\) is a link to ${target}, outside \\.; it is not loaded`));
    }
    // A link to a regular file outside: not read, so none of its bytes appear in a message.
    const outside = tmpDir();
    fs.writeFileSync(path.join(outside, 'secret.json'), 'SECRET-TOKEN-1234 {');
    const dir = workspace();
    fs.symlinkSync(path.join(outside, 'secret.json'), path.join(dir, 'lingo.glossary.json'));
    const r = bounded(['check', 'plan.md'], dir);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /is a link to .*secret\.json, outside \.; it is not loaded/);
    assert.doesNotMatch(r.stderr + r.stdout, /SECRET-TOKEN/);
    // A link inside the workspace is followed.
    const inside = workspace({ 'team.json': JSON.stringify({ concepts: [] }) });
    fs.symlinkSync('team.json', path.join(inside, 'lingo.glossary.json'));
    assert.strictEqual(bounded(['check', 'plan.md', '--fail-on', 'error'], inside).status, 0);
  });

  (posix ? it : it.skip)('refuses a team glossary or a document that is a named pipe instead of waiting on it', () => {
    const dir = workspace();
    spawnSync('mkfifo', [path.join(dir, 'lingo.glossary.yaml')]);
    const r = bounded(['check', 'plan.md'], dir, 20000);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /lingo.glossary.yaml:1:1 error: \(file\) is a named pipe, not a file; it is not loaded/);

    const docs = workspace();
    spawnSync('mkfifo', [path.join(docs, 'pipe.md')]);
    const d = bounded(['check', 'pipe.md', 'plan.md'], docs, 20000);
    assert.match(d.stderr, /^pipe\.md is a named pipe, not a file; it is not read$/m);
    assert.match(d.stdout, /^plan\.md:3:23 information acronym-undefined/m); // the other file is still checked
    assert.match(d.stdout, /^1 file checked \(1 file not read\): 1 information\.$/m);
    assert.strictEqual(d.status, 2, 'a file that could not be read fails the run');
  });

  (posix ? it : it.skip)('refuses a document that is a device, and says so', () => {
    const dir = workspace();
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    const r = bounded(['check', 'zero.md'], dir);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /^zero\.md is a device, not a file; it is not read$/m);
  });

  it('refuses a team glossary over 5 MB without reading it whole', () => {
    const dir = workspace();
    const fd = fs.openSync(path.join(dir, 'lingo.glossary.json'), 'w');
    fs.ftruncateSync(fd, 64 * 1024 * 1024); // sparse: 64 MB that were never written
    fs.closeSync(fd);
    const r = bounded(['check', 'plan.md'], dir);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /lingo.glossary.json:1:1 error: \(file\) is more than the 5 MB a team glossary may have; it is not loaded/);
  });

  it('places 1,000 glossary problems from one parse, in JSON and YAML', () => {
    const concepts = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, langs: { en: { terms: [{ text: `x${i}`, status: 'bogus' }] } } }));
    const json = workspace({ 'lingo.glossary.json': JSON.stringify({ concepts }, null, 2) });
    const t0 = Date.now();
    const j = bounded(['check', 'plan.md'], json);
    const tj = Date.now() - t0;
    assert.strictEqual(j.status, 2);
    const lines = j.stderr.trim().split('\n');
    assert.strictEqual(lines.length, 1000, j.stderr.slice(0, 500));
    // Each concept takes 13 lines; its status is on the 10th.
    assert.strictEqual(lines[999], 'lingo.glossary.json:12997:15 error: c999 langs.en.terms[0].status must be one of "preferred", "admitted", "deprecated"');
    const yamlText = concepts.map((c) => `  - id: ${c.id}\n    langs:\n      en:\n        terms:\n          - text: ${c.langs.en.terms[0].text}\n            status: bogus\n`).join('');
    const yaml = workspace({ 'lingo.glossary.yaml': `concepts:\n${yamlText}` });
    const t1 = Date.now();
    const y = bounded(['check', 'plan.md'], yaml);
    const ty = Date.now() - t1;
    assert.strictEqual(y.status, 2);
    const ylines = y.stderr.trim().split('\n');
    assert.strictEqual(ylines.length, 1000);
    assert.strictEqual(ylines[999], 'lingo.glossary.yaml:6001:21 error: c999 langs.en.terms[0].status must be one of "preferred", "admitted", "deprecated"');
    console.log(`      1,000 problems: JSON ${tj} ms, YAML ${ty} ms (the whole run)`);
  });

  it('refuses a glossary nested 200,000 levels deep with a message', () => {
    for (const [name, text] of [
      ['lingo.glossary.json', '['.repeat(200000) + ']'.repeat(200000)],
      ['lingo.glossary.yaml', `concepts: ${'['.repeat(200000)}${']'.repeat(200000)}\n`],
      ['lingo.glossary.yml', `concepts:\n${'- '.repeat(100000)}x\n`],
    ]) {
      const dir = workspace({ [name]: text });
      const r = bounded(['check', 'plan.md'], dir);
      assert.strictEqual(r.status, 2, r.stderr);
      assert.strictEqual(r.stderr.trim(), `${name}:1:1 error: (file) nests lists and objects more than 64 levels deep (a glossary needs 7); it is not loaded`);
    }
  });

  it('checks and fixes a file with 130,000 findings, linearly', () => {
    const dir = tmpDir();
    const line = 'We doen data verrijking vandaag.\n';
    const sizes = [10000, 130000];
    const times: number[] = [];
    for (const n of sizes) {
      fs.writeFileSync(path.join(dir, `f${n}.md`), '# Plan\n\n' + line.repeat(n));
      const t0 = Date.now();
      const r = bounded(['check', `f${n}.md`, '--lang', 'nl', '--format', 'json'], dir);
      times.push(Date.now() - t0);
      assert.strictEqual(r.status, 1, r.stderr);
      assert.strictEqual(JSON.parse(r.stdout).length, n);
    }
    const f = bounded(['check', 'f130000.md', '--lang', 'nl', '--fix'], dir);
    assert.strictEqual(f.status, 0, f.stderr);
    assert.match(f.stdout, /^130000 fix\(es\) in 1 file\(s\)$/m);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'f130000.md'), 'utf8'), '# Plan\n\n' + 'We doen dataverrijking vandaag.\n'.repeat(130000));
    console.log(`      check: ${sizes.map((n, i) => `${n} findings ${times[i]} ms`).join(', ')}`);
  });

  it('applies many suppression comments by position', () => {
    const dir = tmpDir();
    const text = '# Plan\n\n' + '<!-- lingo-disable-next-line -->\nWe doen data verrijking vandaag.\n'.repeat(20000) + 'We doen data verrijking vandaag.\n'.repeat(20000);
    fs.writeFileSync(path.join(dir, 's.md'), text);
    const t0 = Date.now();
    const r = bounded(['check', 's.md', '--lang', 'nl'], dir);
    assert.match(r.stdout, /^1 file checked: 20000 warnings\.$/m);
    assert.match(r.stdout, /^s\.md:40003:9 warning deprecated-term/m); // the first line after the suppressed ones
    assert.doesNotMatch(r.stdout, /^s\.md:4:/m);
    console.log(`      20,000 suppressions and 40,000 findings: ${Date.now() - t0} ms`);
  });
});

