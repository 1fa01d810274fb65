/** lingo check --glossary PATH: company termbases (TBX, CSV, JSON, YAML) merged in order, problems and the report. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, lingo, ROOT, tmpDir } from './run';

const TB = path.join('test', 'fixtures', 'termbases');
const DOCS = path.join('test', 'cli', 'fixtures', 'termbase-docs');
/** Each finding as "file:line:col rule". */
const places = (stdout: string) => stdout.split('\n').filter((l) => / (warning|error|information|hint) /.test(l)).map((l) => l.split(' ').slice(0, 1).concat(l.split(' ')[2]).join(' '));

describe('lingo check --glossary: company termbases', function () {
  this.timeout(60000);

  it('finds the deprecated terms of a TBX v2, a TBX v3 and a CSV termbase in documents of all five languages', () => {
    const r = lingo(['check', DOCS, '--glossary', `${TB}/acme-v2.tbx`, '--glossary', `${TB}/brand-v3.tbx`, '--glossary', `${TB}/team-columns.csv`]);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.deepStrictEqual(places(r.stdout), [
      `${DOCS}/en.md:3:17 deprecated-term`,
      `${DOCS}/nl.md:3:10 deprecated-term`,
      `${DOCS}/nl.md:4:5 deprecated-term`,
      `${DOCS}/pl.md:3:18 deprecated-term`,
      `${DOCS}/sv.md:3:17 deprecated-term`,
      `${DOCS}/zh.md:3:7 deprecated-term`,
    ]);
    assert.match(r.stdout, /en\.md:3:17 warning deprecated-term Avoid “spec sheet”: write “data sheet”\. Sounds like engineering; say data sheet\./);
    assert.match(r.stdout, /nl\.md:4:5 warning deprecated-term Vermijd ‘spaarprogramma’: schrijf ‘loyaliteitsprogramma’\./);
    // The Polish term is found in the accusative the sentence needs.
    assert.match(r.stdout, /pl\.md:3:18 warning deprecated-term Unikaj „specyfikację produktu”/);
  });

  it('prints what could not be mapped, per file, on stderr', () => {
    const r = lingo(['check', `${DOCS}/en.md`, '--glossary', `${TB}/acme-v2.tbx`]);
    assert.deepStrictEqual(r.stderr.trim().split('\n'), [
      `${TB}/acme-v2.tbx: 3 concepts; not everything in it maps to Lingo:`,
      `  ${TB}/acme-v2.tbx:43:13 data category "context" (1 time): left out`,
      `  ${TB}/acme-v2.tbx:58:9 language "de-DE" (2 times): not a language Lingo checks; left out`,
      `  ${TB}/acme-v2.tbx:64:9 language "zh-CN" (1 time): Simplified Chinese left out: Lingo writes Traditional Chinese, whose terms match Simplified text too`,
      `  ${TB}/acme-v2.tbx:120:13 status "Awaiting sign-off" (1 time): read as admitted`,
    ]);
  });

  it('prints nothing about a termbase that maps completely', () => {
    const r = lingo(['check', `${DOCS}/en.md`, '--glossary', `${TB}/launch-dct.tbx`]);
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.status, 0, r.stdout);
  });

  it('merges in order: built-in, each --glossary as given, the workspace\'s lingo.glossary.json last', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'quote.md'), 'Send the quotation to the buyer today.\n');
    const patch = (status: string) => JSON.stringify({ concepts: [{ id: 'sales-quote', langs: { en: { terms: [{ text: 'quotation', status }] } } }] });
    fs.writeFileSync(path.join(dir, 'deprecate.json'), patch('deprecated'));
    fs.writeFileSync(path.join(dir, 'admit.yaml'), 'concepts:\n  - id: sales-quote\n    langs:\n      en:\n        terms:\n          - text: quotation\n            status: admitted\n');
    const run = (...glossaries: string[]) => lingo(['check', 'quote.md', ...glossaries.flatMap((g) => ['--glossary', g])], dir);
    assert.strictEqual(run().status, 0, 'the built-in glossary admits "quotation"');
    assert.deepStrictEqual(places(run('deprecate.json').stdout), ['quote.md:1:10 deprecated-term']);
    assert.deepStrictEqual(places(run('deprecate.json', 'admit.yaml').stdout), []);
    assert.deepStrictEqual(places(run('admit.yaml', 'deprecate.json').stdout), ['quote.md:1:10 deprecated-term']);
    fs.writeFileSync(path.join(dir, 'lingo.glossary.json'), patch('deprecated'));
    assert.deepStrictEqual(places(run('deprecate.json', 'admit.yaml').stdout), ['quote.md:1:10 deprecated-term'], 'the workspace glossary comes last');
  });

  it('leaves out a broken entry, says where, and checks with the rest', () => {
    const r = lingo(['check', `${DOCS}/en.md`, '--glossary', `${TB}/team.yaml`, '--glossary', `${TB}/acme-v2.tbx`]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, new RegExp(`^${TB}/team\\.yaml:14:9 error: Broken_Id: id has characters that are not allowed here \\(lower-case letters, digits and hyphens\\); the entry is left out$`, 'm'));
    assert.deepStrictEqual(places(r.stdout), [`${DOCS}/en.md:3:17 deprecated-term`]);
  });

  const unusable: [string, string, RegExp][] = [
    ['a file that is not there', `${TB}/missing.tbx`, /^test\/fixtures\/termbases\/missing\.tbx:1:1 error: does not exist$/m],
    ['a TBX that is not well-formed', 'test/cli/fixtures/bad/unclosed.tbx', /^test\/cli\/fixtures\/bad\/unclosed\.tbx:12:7 error: closing tag <\/conceptEntry> does not match <langSec> opened at line 7, column 9$/m],
  ];
  for (const [what, file, message] of unusable) {
    it(`exits 2 on ${what}, saying where`, () => {
      const r = lingo(['check', `${DOCS}/en.md`, '--glossary', file]);
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, message);
      assert.strictEqual(r.stdout, '');
    });
  }

  it('still takes a glossary folder, used instead of the built-in one, and a termbase over it', () => {
    const r = lingo(['check', `${DOCS}/en.md`, '--glossary', path.join(FIXTURES, 'tiny-glossary'), '--glossary', `${TB}/brand-v3.tbx`]);
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    const spec = lingo(['check', `${DOCS}/en.md`, '--glossary', path.join(FIXTURES, 'tiny-glossary'), '--glossary', `${TB}/acme-v2.tbx`]);
    assert.deepStrictEqual(places(spec.stdout), [`${DOCS}/en.md:3:17 deprecated-term`]);
  });

  it('lingo report takes --glossary too', () => {
    const r = lingo(['report', `${DOCS}/nl.md`, '--glossary', `${TB}/brand-v3.tbx`, '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(JSON.stringify(JSON.parse(r.stdout)).includes('spaarprogramma'));
  });

  it('says when --glossary has no value', () => {
    const r = lingo(['check', `${DOCS}/en.md`, '--glossary']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /^lingo: --glossary needs a value$/m);
  });

  it('a switch given a value is refused, not ignored', () => {
    const r = lingo(['check', `${DOCS}/en.md`, '--fix=yes'], ROOT);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /^lingo: --fix takes no value$/m);
  });
});
