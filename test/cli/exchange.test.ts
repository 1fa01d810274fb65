/** lingo glossary export / import: TBX and CSV round trips, and errors with line numbers. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, lingo, readConcepts, ROOT, tmpDir } from './run';

const TINY = path.join(FIXTURES, 'tiny-glossary');
/** How many concepts the built-in glossary has (its files, counted here: the tests hold for any size). */
const CONCEPTS = Object.values(readConcepts(path.join(ROOT, 'glossary', 'concepts'))).reduce((n: number, f) => n + (f as { concepts: unknown[] }).concepts.length, 0);

function roundTrip(format: 'tbx' | 'csv', glossaryDir: string): { file: string; outDir: string } {
  const dir = tmpDir();
  const file = path.join(dir, `glossary.${format}`);
  const ex = lingo(['glossary', 'export', '--format', format, '--out', file, '--dir', glossaryDir]);
  assert.strictEqual(ex.status, 0, ex.stderr);
  const outDir = path.join(dir, 'imported');
  const im = lingo(['glossary', 'import', file, '--out-dir', outDir]);
  assert.strictEqual(im.status, 0, im.stderr);
  assert.strictEqual(im.stderr, '', 'no warnings for a file lingo wrote');
  return { file, outDir };
}

for (const format of ['tbx', 'csv'] as const) {
  describe(`lingo glossary export/import --format ${format}`, function () {
    this.timeout(60000);

    it('round-trips the whole built-in glossary without losing anything (per domain file)', () => {
      const { outDir } = roundTrip(format, path.join(ROOT, 'glossary'));
      const original = readConcepts(path.join(ROOT, 'glossary', 'concepts'));
      const imported = readConcepts(outDir);
      assert.deepStrictEqual(Object.keys(imported), Object.keys(original));
      for (const f of Object.keys(original)) assert.deepStrictEqual(imported[f], original[f], f);
      // The imported folder is a valid glossary in its own right.
      fs.cpSync(path.join(ROOT, 'glossary', 'domains.json'), path.join(outDir, '..', 'domains.json'));
      fs.renameSync(outDir, path.join(outDir, '..', 'concepts'));
      const v = lingo(['glossary', 'validate', '--dir', path.join(outDir, '..')]);
      assert.strictEqual(v.status, 0, v.stderr);
      assert.match(v.stdout, new RegExp(`^${CONCEPTS} concepts, \\d+ terms: valid$`, 'm'));
    });

    it('round-trips the edge cases: quotes, commas, line breaks, markup, "|", empty lists, false flags, disabled concepts, ids that start with a digit', () => {
      const { outDir } = roundTrip(format, TINY);
      const original = readConcepts(path.join(TINY, 'concepts'));
      assert.deepStrictEqual(readConcepts(outDir), original);
    });

    it('writes "$schema" only when asked', () => {
      const { file } = roundTrip(format, TINY);
      const outDir = path.join(path.dirname(file), 'with-schema');
      assert.strictEqual(lingo(['glossary', 'import', file, '--out-dir', outDir, '--schema', '../schema/glossary.schema.json']).status, 0);
      assert.strictEqual(JSON.parse(fs.readFileSync(path.join(outDir, 'pricing.json'), 'utf8')).$schema, '../schema/glossary.schema.json');
    });
  });
}

describe('TBX content', function () {
  this.timeout(30000);
  let tbx = '';
  before(() => {
    const dir = tmpDir();
    const file = path.join(dir, 'g.tbx');
    assert.strictEqual(lingo(['glossary', 'export', '--format', 'tbx', '--out', file]).status, 0);
    tbx = fs.readFileSync(file, 'utf8');
  });

  it('is TBX-Basic: tbx root in the ISO 30042 namespace, conceptEntry / langSec / termSec', () => {
    assert.match(tbx, /^<\?xml version="1.0" encoding="UTF-8"\?>\n/);
    assert.match(tbx, /<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">/);
    assert.strictEqual((tbx.match(/<conceptEntry /g) ?? []).length, CONCEPTS);
    assert.match(tbx, /<conceptEntry id="marketing-qualified-lead">\n {8}<descrip type="subjectField">lead-management<\/descrip>/);
  });

  it('uses the TBX-Basic data categories for status, term type, language, definition and cross references', () => {
    assert.match(tbx, /<langSec xml:lang="zh-Hant">/);
    assert.match(tbx, /<term>MQL<\/term>\n {12}<termNote type="partOfSpeech">noun<\/termNote>\n {12}<termNote type="termType">acronym<\/termNote>/);
    assert.match(tbx, /<term>ToFu<\/term>\n.*\n {12}<termNote type="termType">abbreviation<\/termNote>/);
    assert.match(tbx, /<termNote type="termType">fullForm<\/termNote>\n {12}<termNote type="administrativeStatus">deprecatedTerm-admn-sts<\/termNote>/);
    for (const s of ['preferredTerm-admn-sts', 'admittedTerm-admn-sts', 'deprecatedTerm-admn-sts']) assert.ok(tbx.includes(`>${s}<`), s);
    assert.match(tbx, /<langSec xml:lang="en">\n {10}<descrip type="definition">/);
    assert.match(tbx, /<ref type="crossReference" target="sales-accepted-lead">sales-accepted-lead<\/ref>/);
    assert.match(tbx, /<termNote type="grammaticalGender">neuter<\/termNote>/);
  });

  it('every crossReference points at a conceptEntry of the file', () => {
    const ids = new Set([...tbx.matchAll(/<conceptEntry id="([^"]+)">/g)].map((m) => m[1]));
    const targets = [...tbx.matchAll(/<ref type="crossReference" target="([^"]+)">/g)].map((m) => m[1]);
    assert.ok(targets.length > 100);
    for (const t of targets) assert.ok(ids.has(t), t);
  });
});

describe('lingo glossary import: other tools\' files and bad files', function () {
  this.timeout(30000);

  it('reads a TBX-Basic file from another tool, warning about what it leaves out', () => {
    const out = path.join(tmpDir(), 'out');
    const r = lingo(['glossary', 'import', 'test/cli/fixtures/external.tbx', '--out-dir', out]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(r.stderr.trim().split('\n'), [
      'test/cli/fixtures/external.tbx:9:9 warning: <transacGrp> on a concept has no place in a Lingo glossary; left out',
      'test/cli/fixtures/external.tbx:30:13 warning: <descrip type="context"> on a term has no place in a Lingo glossary; left out',
    ]);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(out, 'partners.json'), 'utf8')), {
      domain: 'partners',
      concepts: [{
        id: 'c100', name: 'reseller',
        langs: {
          en: { definition: 'A company that buys a product and sells it on to its own customers.', terms: [{ text: 'reseller', status: 'preferred' }], acronyms: [{ text: 'VAR' }] },
          nl: { terms: [{ text: 'wederverkoper', status: 'preferred', gender: 'de' }, { text: 'doorverkoper', status: 'deprecated', note: 'Verouderd.' }] },
        },
      }],
    });
  });

  const cases: [string, string[]][] = [
    ['bad/unclosed.tbx', ['test/cli/fixtures/bad/unclosed.tbx:12:7 closing tag </conceptEntry> does not match <langSec> opened at line 7, column 9']],
    ['bad/status.tbx', ['test/cli/fixtures/bad/status.tbx:10:13 administrativeStatus "preferred" is not one of preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts']],
    ['bad/schema.tbx', [
      'test/cli/fixtures/bad/schema.tbx:14:7 Value_Added: id has characters that are not allowed here (lower-case letters, digits and hyphens)',
      'test/cli/fixtures/bad/schema.tbx:17:11 Value_Added: langs.en.terms[0].gender must be one of "c", "n", "de", "het", "m1", "m2", "m3", "f"',
      '2 error(s) in test/cli/fixtures/bad/schema.tbx; nothing written',
    ]],
    ['bad/fields.csv', ['test/cli/fixtures/bad/fields.csv:3:1 the row has 8 fields; the header has 7']],
    ['bad/quote.csv', ['test/cli/fixtures/bad/quote.csv:3:58 a quoted field is not closed']],
    ['bad/definition.csv', ['test/cli/fixtures/bad/definition.csv:3:1 the en definition of concept "reseller" differs from the one on line 2 (repeat it unchanged on every row of the language)']],
    ['bad/flag.csv', ['test/cli/fixtures/bad/flag.csv:3:1 loanword must be true, false or empty, not "yes"']],
    ['bad/schema.csv', [
      'test/cli/fixtures/bad/schema.csv:3:1 reseller: langs.en.terms[1].status must be one of "preferred", "admitted", "deprecated"',
      '1 error(s) in test/cli/fixtures/bad/schema.csv; nothing written',
    ]],
  ];
  for (const [name, expected] of cases) {
    it(`${name}: exits 2 with file:line:col errors and writes nothing`, () => {
      const out = path.join(tmpDir(), 'out');
      const r = lingo(['glossary', 'import', `test/cli/fixtures/${name}`, '--out-dir', out]);
      assert.strictEqual(r.status, 2);
      assert.deepStrictEqual(r.stderr.trim().split('\n'), expected);
      assert.strictEqual(fs.existsSync(out), false);
    });
  }

  it('reports XML well-formedness errors at their line and column', () => {
    const dir = tmpDir();
    const bad: [string, string][] = [
      ['<tbx>\n  <text>\n    <body a="1" a="2"/>\n  </text>\n</tbx>\n', ':3:17 attribute a is given twice'],
      ['<tbx>\n  <text><body>\n   AT&amp;T &nbsp;\n  </body></text>\n</tbx>\n', ':3:13 unknown entity &nbsp;'],
      ['<tbx>\n<text>\n', ':3:1 <text> opened at line 2, column 1 is not closed at the end of the file'],
      ['<tbx/>\n<tbx/>\n', ':2:1 a second root element'],
      ['<martif type="TBX"><text><body><termEntry id="x"><langSet xml:lang="de"><tig><term>Kunde</term></tig></langSet></termEntry></body></text></martif>', ':1:50 language "de" is not one of en, sv, nl, pl, zh-Hant'],
      ['<glossary/>', ':1:1 the root element is <glossary>, not <tbx> (or <martif>): this is not a TBX file'],
    ];
    for (const [text, msg] of bad) {
      const file = path.join(dir, 'bad.tbx');
      fs.writeFileSync(file, text);
      const r = lingo(['glossary', 'import', file, '--out-dir', path.join(dir, 'out')]);
      assert.strictEqual(r.status, 2, text);
      assert.strictEqual(r.stderr.trim(), file + msg);
    }
    assert.strictEqual(fs.existsSync(path.join(dir, 'out')), false);
  });

  it('leaves existing files alone when an import fails', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'concepts');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'partners.json'), 'original');
    const r = lingo(['glossary', 'import', 'test/cli/fixtures/bad/schema.tbx', '--out-dir', out]);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(fs.readFileSync(path.join(out, 'partners.json'), 'utf8'), 'original');
    assert.deepStrictEqual(fs.readdirSync(out), ['partners.json']);
  });

  it('exits 2 on usage errors and on a glossary folder with errors', () => {
    assert.strictEqual(lingo(['glossary', 'export', '--format', 'tbx']).status, 2);
    assert.strictEqual(lingo(['glossary', 'export', '--format', 'xlsx', '--out', 'x.xlsx']).status, 2);
    assert.strictEqual(lingo(['glossary', 'import', 'test/cli/fixtures/external.tbx']).status, 2);
    assert.strictEqual(lingo(['glossary', 'import', 'no-such.tbx', '--out-dir', tmpDir()]).status, 2);
    const dir = tmpDir();
    fs.cpSync(TINY, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'concepts', 'partners.json'), '{"domain": "partners",\n "concepts": [}');
    const out = path.join(dir, 'x.tbx');
    const r = lingo(['glossary', 'export', '--format', 'tbx', '--out', out, '--dir', dir]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /partners.json: \(file\): .*is not valid JSON/);
    assert.strictEqual(fs.existsSync(out), false);
  });
});
