/**
 * Company termbases read in-process (server/src/node/termbases.ts): each dialect the tools export, each status
 * word, language tags, CSV layouts, the report of what could not be mapped, and bad files.
 */
import * as assert from 'assert';
import * as path from 'path';
import { mapLanguage, mapStatus, readGlossaryBytes, readGlossaryPathSync, reportLines, type TermbaseRead } from '../../server/src/node/termbases';
import { exportTbx } from '../../server/src/node/tbx';
import { readGlossaryFolder } from '../../server/src/node/glossaryFiles';
import { validateGlossaryFile, type ConceptData, type GlossaryFileData } from '../../server/src/service';
import { writeTbx } from '../bench/genTbx';
import { ROOT } from '../helpers';

const FIX = path.join(ROOT, 'test', 'fixtures', 'termbases');
const fixture = (name: string) => readGlossaryPathSync(path.join(FIX, name));

/** A read as data: per concept id, per language, "text:status" (acronyms "acronym TEXT:status"), and the domain. */
function summary(r: TermbaseRead): Record<string, Record<string, string[] | string>> {
  const out: Record<string, Record<string, string[] | string>> = {};
  for (const s of r.sources) {
    const d = s.data as GlossaryFileData;
    for (const c of d.concepts) {
      const row: Record<string, string[] | string> = { domain: d.domain };
      for (const [lang, sec] of Object.entries(c.langs)) {
        row[lang] = [...sec!.terms.map((t) => `${t.text}:${t.status}`), ...(sec!.acronyms ?? []).map((a) => `acronym ${a.text}:${a.status ?? '-'}`)];
      }
      out[c.id] = row;
    }
  }
  return out;
}

/** A TBX v3 file of one concept whose English term has the given status notes. */
const tbxWith = (termNotes: string, lang = 'en', more = '') => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="x1">
      <langSec xml:lang="${lang}">
        <termSec><term>channel partner</term>${termNotes}</termSec>${more}
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
`);
const statusOf = (termNotes: string) => (readGlossaryBytes('t.tbx', tbxWith(termNotes)).sources[0]?.data as GlossaryFileData | undefined)?.concepts[0].langs.en?.terms[0].status;

describe('termbases: each dialect', () => {
  it('TBX v2 (martif, termEntry, langSet, tig, ntig) with region tags, German and Simplified sections, and tool status words', () => {
    const r = fixture('acme-v2.tbx');
    assert.deepStrictEqual(summary(r), {
      'acme-v2-4711': {
        domain: 'marketing-communications',
        en: ['press kit:preferred', 'press pack:admitted'], sv: ['pressmapp:preferred'], nl: ['persmap:preferred'],
        pl: ['zestaw prasowy:preferred'], 'zh-Hant': ['新聞資料袋:preferred'],
      },
      'acme-v2-4712': {
        domain: 'product-marketing',
        en: ['data sheet:preferred', 'spec sheet:deprecated'], sv: ['produktblad:preferred', 'faktablad:admitted'],
        nl: ['productblad:preferred', 'specsheet:deprecated'], pl: ['karta katalogowa:preferred', 'specyfikacja produktu:deprecated'],
        'zh-Hant': ['產品規格表:admitted'],
      },
      'acme-v2-4713': { domain: 'sales-operations', en: ['price book:preferred', 'price list:preferred'], sv: ['prisbok:preferred', 'prislista:admitted'], pl: ['cennik:preferred'] },
    });
    assert.deepStrictEqual(r.domains, { 'marketing-communications': { en: 'Marketing communications' }, 'product-marketing': { en: 'Product marketing' }, 'sales-operations': { en: 'Sales operations' } });
    assert.deepStrictEqual(r.problems, []);
    const c = (r.sources[1].data as GlossaryFileData).concepts[0];
    assert.strictEqual(c.langs.en!.definition, 'One page that lists what a product does and its technical figures, handed to prospects.');
    assert.strictEqual(c.langs.en!.terms[1].note, 'Sounds like engineering; say data sheet.');
    assert.deepStrictEqual(c.langs.sv!.terms[0], { text: 'produktblad', status: 'preferred', gender: 'n' });
    assert.deepStrictEqual(c.langs.pl!.terms[0], { text: 'karta katalogowa', status: 'preferred', gender: 'f' });
    // The definition of a descripGrp (with its source) is read; the context sentence is reported, not kept.
    assert.strictEqual((r.sources[0].data as GlossaryFileData).concepts[0].langs.en!.definition?.startsWith('A set of ready-made material'), true);
  });

  it('TBX v3 DCA: cross references, acronyms, superseded terms, a bare "zh" read by its characters', () => {
    const r = fixture('brand-v3.tbx');
    assert.deepStrictEqual(summary(r), {
      'brand-v3-b-17': { domain: 'brand', en: ['brand book:preferred', 'brand bible:deprecated'], sv: ['varumärkesmanual:preferred'], nl: ['merkhandboek:preferred'], pl: ['księga marki:preferred'], 'zh-Hant': ['品牌手冊:preferred'] },
      'brand-v3-b-18': {
        domain: 'brand', en: ['loyalty programme:preferred', 'loyalty program:admitted', 'acronym LP:deprecated'], sv: ['lojalitetsprogram:preferred'],
        nl: ['loyaliteitsprogramma:preferred', 'spaarprogramma:deprecated'], pl: ['program lojalnościowy:preferred'], 'zh-Hant': ['忠誠度計畫:preferred'],
      },
    });
    assert.deepStrictEqual((r.sources[0].data as GlossaryFileData).concepts[1].related, ['brand-v3-b-17']);
  });

  it('TBX v3 DCT: data categories as namespaced elements', () => {
    const r = fixture('launch-dct.tbx');
    assert.deepStrictEqual(summary(r), {
      'launch-dct-l1': { domain: 'events', en: ['launch briefing:preferred', 'reveal party:deprecated'], sv: ['lanseringsgenomgång:preferred'], nl: ['lanceringsbriefing:preferred'], pl: ['briefing premierowy:preferred'], 'zh-Hant': ['上市說明會:preferred'] },
    });
    const c = (r.sources[0].data as GlossaryFileData).concepts[0];
    assert.strictEqual(c.langs.en!.definition, 'A short event where the press and partners first see a new product.');
    assert.strictEqual(c.langs.sv!.terms[0].gender, 'c');
  });

  it('CSV with one column per language: ";" separator, byte-order mark, language names, several terms in a cell, row status, a quoted line break', () => {
    const r = fixture('team-columns.csv');
    assert.strictEqual(r.format, 'csv');
    assert.deepStrictEqual(summary(r), {
      'team-columns-boilerplate': { domain: 'team-columns', en: ['boilerplate:preferred'], sv: ['företagsbeskrivning:preferred'], nl: ['standaardtekst:preferred'], pl: ['notka o firmie:preferred'], 'zh-Hant': ['公司簡介:preferred'] },
      'team-columns-rate-card': { domain: 'team-columns', en: ['rate card:preferred', 'media rates:admitted'], sv: ['annonsprislista:preferred'], nl: ['tarievenkaart:preferred'], pl: ['cennik reklam:preferred'], 'zh-Hant': ['廣告價目表:preferred'] },
      'team-columns-tagline': { domain: 'team-columns', en: ['tagline:admitted'], sv: ['slogan:admitted'], nl: ['slogan:admitted'], pl: ['hasło reklamowe:admitted'], 'zh-Hant': ['標語:admitted'] },
      'team-columns-sell-sheet': { domain: 'team-columns', en: ['sell sheet:deprecated'], sv: ['säljblad:deprecated'], nl: ['verkoopblad:deprecated'], 'zh-Hant': ['銷售單張:deprecated'] },
    });
    const boilerplate = (r.sources[0].data as GlossaryFileData).concepts[0];
    assert.strictEqual(boilerplate.langs.en!.definition, 'The fixed paragraph about the company at the end of every press release. Keep it under 80 words.');
    // The row's note is in the source language: on the English term only.
    const tagline = (r.sources[0].data as GlossaryFileData).concepts[2];
    assert.strictEqual(tagline.langs.en!.terms[0].note, 'Brand team decides the wording.');
    assert.strictEqual(tagline.langs.sv!.terms[0].note, undefined);
    assert.deepStrictEqual(reportLines(r), [`${path.join(FIX, 'team-columns.csv')}:1:57 language "German" (1 time): not a language Lingo checks; left out`]);
  });

  it('YAML (a team glossary\'s shape): an entry with a schema error is left out at its line, the rest kept', () => {
    const r = fixture('team.yaml');
    assert.deepStrictEqual(summary(r), { 'webinar-series': { domain: 'events', en: ['webinar series:preferred'], sv: ['webbinarieserie:preferred'] } });
    assert.deepStrictEqual(r.problems.map((p) => [p.line, p.col, p.message]), [[14, 9, 'Broken_Id: id has characters that are not allowed here (lower-case letters, digits and hyphens); the entry is left out']]);
  });

  it('every source is valid against the team-glossary schema', () => {
    for (const name of ['acme-v2.tbx', 'brand-v3.tbx', 'launch-dct.tbx', 'team-columns.csv', 'team.yaml']) {
      for (const s of fixture(name).sources) assert.deepStrictEqual(validateGlossaryFile(s.file, s.data, 'workspace'), [], name);
    }
  });

  it('Lingo\'s own TBX export keeps its ids and x-lingo- fields (a built-in glossary round trip)', () => {
    const { sources } = readGlossaryFolder(path.join(ROOT, 'test', 'cli', 'fixtures', 'tiny-glossary'));
    const files = sources.map((s) => { const { $schema: _, ...d } = s.data as GlossaryFileData & { $schema?: string }; return d; });
    const r = readGlossaryBytes('lingo.tbx', Buffer.from(exportTbx(files)));
    const byId = new Map<string, ConceptData>();
    for (const s of r.sources) for (const c of (s.data as GlossaryFileData).concepts) byId.set(c.id, c);
    for (const f of files) for (const c of f.concepts) {
      const got = byId.get(c.id);
      assert.ok(got, c.id);
      for (const [lang, sec] of Object.entries(c.langs)) {
        assert.deepStrictEqual(got.langs[lang as 'en']!.terms.map((t) => t.text).sort(), sec!.terms.map((t) => t.text).sort(), `${c.id} ${lang}`);
      }
    }
  });
});

describe('termbases: status words', () => {
  const cases: [string, string | undefined][] = [
    ['<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>', 'preferred'],
    ['<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>', 'admitted'],
    ['<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>', 'deprecated'],
    ['<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>', 'deprecated'],
    ['<termNote type="administrativeStatus">legalTerm-admn-sts</termNote>', 'preferred'],
    ['<termNote type="administrativeStatus">regulatedTerm-admn-sts</termNote>', 'preferred'],
    ['<termNote type="normativeAuthorization">preferred</termNote>', 'preferred'],
    ['<termNote type="normativeAuthorization">admitted</termNote>', 'admitted'],
    ['<termNote type="normativeAuthorization">deprecated</termNote>', 'deprecated'],
    ['<termNote type="normativeAuthorization">superseded</termNote>', 'deprecated'],
    ['<termNote type="normativeAuthorization">legal</termNote>', 'preferred'],
    ['<termNote type="normativeAuthorization">standardizedTerm</termNote>', 'preferred'],
    ['<termNote type="administrativeStatus">forbidden</termNote>', 'deprecated'],
    ['<termNote type="administrativeStatus">FORBIDDEN</termNote>', 'deprecated'],
    ['<termNote type="administrativeStatus">Approved</termNote>', 'preferred'],
    ['<termNote type="administrativeStatus">proposed</termNote>', 'admitted'],
    ['<termNote type="administrativeStatus">New</termNote>', 'admitted'],
    ['<termNote type="administrativeStatus">rejected</termNote>', 'deprecated'],
    ['<termNote type="administrativeStatus">Do not use</termNote>', 'deprecated'],
    ['<termNote type="administrativeStatus">do_not_use</termNote>', 'deprecated'],
    ['<termNote type="administrativeStatus">Preferred</termNote>', 'preferred'],
    ['<termNote type="administrativeStatus">Permitted</termNote>', 'admitted'],
    ['<termNote type="administrativeStatus">obsolete</termNote>', 'deprecated'],
    ['<termNote type="usageStatus">förbjuden</termNote>', 'deprecated'],
    ['<termNote type="status">verboden</termNote>', 'deprecated'],
    ['<termNote type="status">zakazany</termNote>', 'deprecated'],
    ['<termNote type="status">禁用</termNote>', 'deprecated'],
    ['<min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus>', 'deprecated'],
    // administrativeStatus wins over normativeAuthorization, whatever their order.
    ['<termNote type="normativeAuthorization">deprecated</termNote><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>', 'preferred'],
    // No status: the first term of its language is preferred.
    ['', 'preferred'],
    // A word no vocabulary has: admitted, and reported.
    ['<termNote type="administrativeStatus">Needs legal review</termNote>', 'admitted'],
  ];
  for (const [notes, expected] of cases) {
    it(`${notes.replace(/<\/[^>]+>/g, '') || '(no status)'} → ${expected}`, () => assert.strictEqual(statusOf(notes), expected));
  }

  it('mapStatus knows neither an empty value nor a processStatus word', () => {
    assert.strictEqual(mapStatus(''), undefined);
    assert.strictEqual(mapStatus('finalized'), undefined);
  });

  it('reports a word it could not map: value, count and first place', () => {
    const text = tbxWith('<termNote type="administrativeStatus">Needs legal review</termNote>', 'en',
      '\n        <termSec><term>sales partner</term><termNote type="administrativeStatus">Needs legal review</termNote></termSec>');
    const r = readGlossaryBytes('t.tbx', text);
    assert.deepStrictEqual(r.statusReport, [{ kind: 'status', value: 'Needs legal review', count: 2, line: 6, col: 46, action: 'read as admitted' }]);
    assert.deepStrictEqual(reportLines(r), ['t.tbx:6:46 status "Needs legal review" (2 times): read as admitted']);
  });
});

describe('termbases: languages', () => {
  const cases: [string, unknown][] = [
    ['en', { lang: 'en' }], ['en-US', { lang: 'en' }], ['en_GB', { lang: 'en' }], ['EN-us', { lang: 'en' }], ['English', { lang: 'en' }],
    ['sv-SE', { lang: 'sv' }], ['Svenska', { lang: 'sv' }], ['nl-NL', { lang: 'nl' }], ['nl-BE', { lang: 'nl' }], ['Nederlands', { lang: 'nl' }],
    ['pl-PL', { lang: 'pl' }], ['Polish', { lang: 'pl' }], ['zh-TW', { lang: 'zh-Hant' }], ['zh-Hant', { lang: 'zh-Hant' }], ['zh-HK', { lang: 'zh-Hant' }],
    ['zh-Hant-TW', { lang: 'zh-Hant' }], ['Chinese (Traditional)', { lang: 'zh-Hant' }], ['繁體中文', { lang: 'zh-Hant' }],
    ['zh-CN', { simplified: true }], ['zh-Hans', { simplified: true }], ['zh-SG', { simplified: true }], ['简体中文', { simplified: true }],
    ['zh', { zh: true }], ['de-DE', { other: 'de-DE' }], ['fr', { other: 'fr' }], ['German', { other: 'German' }], ['definition', undefined],
  ];
  for (const [tag, expected] of cases) it(`${tag} → ${JSON.stringify(expected)}`, () => assert.deepStrictEqual(mapLanguage(tag), expected));

  it('a bare "zh" section in Simplified characters is left out and counted; in Traditional ones it is read', () => {
    const simplified = readGlossaryBytes('t.tbx', Buffer.from(tbxWith('', 'zh').toString().replace('channel partner', '渠道伙伴')));
    assert.deepStrictEqual(simplified.sources, []);
    assert.deepStrictEqual(simplified.statusReport.map((e) => [e.kind, e.value, e.action]), [
      ['language', 'zh', 'read as Simplified Chinese from its characters'],
      ['concept', 'no term in a language Lingo checks', 'concept left out'],
    ]);
    const traditional = readGlossaryBytes('t.tbx', Buffer.from(tbxWith('', 'zh').toString().replace('channel partner', '通路夥伴')));
    assert.deepStrictEqual(summary(traditional), { 't-x1': { domain: 't', 'zh-Hant': ['通路夥伴:preferred'] } });
  });
});

describe('termbases: CSV layouts', () => {
  const rows = ['English,Svenska,nl-NL,Polski,zh-TW,en definition,Status (sv)', 'trade fair,mässa,beurs,targi,商展,An event where companies show their products.,Preferred'];
  for (const [name, sep] of [['comma', ','], ['semicolon', ';'], ['tab', '\t']] as const) {
    it(`sniffs the ${name} separator`, () => {
      const text = rows.map((r) => r.split(',').join(sep)).join('\r\n') + '\r\n';
      const r = readGlossaryBytes('fair.csv', Buffer.from(text));
      assert.deepStrictEqual(summary(r), { 'fair-trade-fair': { domain: 'fair', en: ['trade fair:preferred'], sv: ['mässa:preferred'], nl: ['beurs:preferred'], pl: ['targi:preferred'], 'zh-Hant': ['商展:preferred'] } });
      assert.strictEqual((r.sources[0].data as GlossaryFileData).concepts[0].langs.en!.definition, 'An event where companies show their products.');
    });
  }

  it('rows with the same id are one concept; a forbidden column deprecates; memoQ-style English_Def', () => {
    const text = 'ID,English,English_Def,Svenska,Svenska forbidden\n7,win-back offer,An offer that brings a lost customer back.,återvinningserbjudande,\n7,comeback deal,,comebackerbjudande,yes\n';
    const r = readGlossaryBytes('offers.csv', Buffer.from(text));
    assert.deepStrictEqual(summary(r), { 'offers-7': { domain: 'offers', en: ['win-back offer:preferred', 'comeback deal:admitted'], sv: ['återvinningserbjudande:preferred', 'comebackerbjudande:deprecated'] } });
  });

  it('a header with no language Lingo checks is one problem at line 1', () => {
    const r = readGlossaryBytes('x.csv', Buffer.from('Deutsch,Français\nMesse,salon\n'));
    assert.deepStrictEqual(r.sources, []);
    assert.match(r.problems[0].message, /^the header row names no language Lingo checks/);
    assert.deepStrictEqual([r.problems[0].line, r.problems[0].col], [1, 1]);
  });
});

describe('termbases: bad files', () => {
  const cases: [string, string, [number, number, string]][] = [
    ['broken.tbx', '<martif>\n<text><body>\n<termEntry id="1">\n</text>', [4, 1, 'closing tag </text> does not match <termEntry> opened at line 3, column 1']],
    ['html.xml', '<html><body/></html>', [1, 1, 'the root element is <html>, not <tbx> (or <martif>): this is not a TBX file']],
    ['latin.csv', 'English,Svenska\nsales,f\xf6rs\xe4ljning\n', [1, 1, 'is not UTF-8 or UTF-16 text (save it as UTF-8)']],
    ['bad.json', '{"concepts": [}', [1, 15, 'is not valid JSON: a value is missing here']],
  ];
  for (const [name, text, [line, col, message]] of cases) {
    it(`${name}: one problem at its place, no sources`, () => {
      const r = readGlossaryBytes(name, Buffer.from(text, name === 'latin.csv' ? 'latin1' : 'utf8'));
      assert.deepStrictEqual(r.sources, []);
      assert.deepStrictEqual(r.problems.map((p) => [p.line, p.col, p.message]), [[line, col, message]]);
    });
  }

  it('a file that is not there', () => {
    const r = readGlossaryPathSync(path.join(FIX, 'missing.tbx'));
    assert.deepStrictEqual(r.problems.map((p) => p.message), ['does not exist']);
  });

  it('a term longer than the schema allows is left out with a warning; a long definition is shortened and counted', () => {
    const long = 'very '.repeat(50) + 'long term';
    const def = 'A definition that goes on. '.repeat(60);
    const r = readGlossaryBytes('t.tbx', tbxWith('', 'en', `\n        <descrip type="definition">${def}</descrip><termSec><term>${long}</term></termSec>`));
    const c = (r.sources[0].data as GlossaryFileData).concepts[0];
    assert.deepStrictEqual(c.langs.en!.terms.map((t) => t.text), ['channel partner']);
    assert.ok(c.langs.en!.definition!.length <= 1000 && c.langs.en!.definition!.endsWith('…'));
    assert.match(r.problems[0].message, /is longer than 200 characters; it is left out/);
    assert.ok(r.statusReport.some((e) => e.kind === 'shortened' && e.value === 'definition'));
  });
});

describe('termbases: a generated termbase', function () {
  this.timeout(120000);
  for (const flavour of ['v2', 'v3'] as const) {
    it(`reads every concept of a 2,000-concept TBX ${flavour} in five languages`, () => {
      const file = path.join(ROOT, '.cache', 'test', `termbase-2000-${flavour}.tbx`);
      writeTbx(file, { concepts: 2000, flavour });
      const r = readGlossaryPathSync(file);
      assert.strictEqual(r.concepts, 2000);
      assert.deepStrictEqual(r.problems, []);
      const langs = new Set<string>();
      for (const s of r.sources) for (const c of (s.data as GlossaryFileData).concepts) for (const l of Object.keys(c.langs)) langs.add(l);
      assert.deepStrictEqual([...langs].sort(), ['en', 'nl', 'pl', 'sv', 'zh-Hant']);
      const kinds = new Set(r.statusReport.map((e) => `${e.kind} ${e.value}`));
      assert.ok(kinds.has('status Needs review') || kinds.has('status On hold') || kinds.has('status Legal check pending'), [...kinds].join(', '));
      if (flavour === 'v2') assert.ok(kinds.has('language de-DE') && kinds.has('language zh-CN'), [...kinds].join(', '));
    });
  }
});
