/** Concept indexes of workspace files, and the references and usage counts worked out from them. */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGlossary, conceptLocations, conceptUsage, getLanguageService } from '../../server/src/service';
import { builtin, workspace } from '../helpers';

const FILES = {
  'en.md': 'Every |opportunity in the pipeline has an owner in the CRM.\n\nEach deal has a stage, and an MQL becomes an opportunity.',
  'nl.md': 'Dat is een kans voor ons.\n\nElke kans in de pipeline heeft een eigenaar in het CRM.',
  'sv.md': 'Varje affärsmöjlighet i pipelinen har en ägare i CRM-systemet, och säljaren följer upp den varje vecka.',
  'pl.md': 'Każda szansa sprzedażowa w lejku ma właściciela, a handlowiec zamyka szansę sprzedażową w CRM.',
  'zh.md': '每個商機都有負責人，業務也會在 CRM 中更新銷售機會的階段。',
  'none.md': 'Nothing about sales terms in this file, just words that people read.',
};

describe('concept index of a file', () => {
  const ws = workspace(FILES);
  const index = (name: string) => ws.indexes.find((x) => ws.nameOf(x.uri) === name)!;

  /** [file, its language, the concept's occurrences as "written=term/lang/status" with "?" when doubtful] */
  const CASES: [string, string, string[]][] = [
    ['en.md', 'en', ['opportunity=opportunity/en/preferred', 'deal=deal/en/admitted', 'opportunity=opportunity/en/preferred']],
    ['nl.md', 'nl', ['kans=kans/nl/admitted?', 'kans=kans/nl/admitted']],
    ['sv.md', 'sv', ['affärsmöjlighet=affärsmöjlighet/sv/preferred']],
    ['pl.md', 'pl', ['szansa sprzedażowa=szansa sprzedażowa/pl/preferred', 'szansę sprzedażową=szansa sprzedażowa/pl/preferred']],
    ['zh.md', 'zh-Hant', ['商機=商機/zh-Hant/preferred', '銷售機會=銷售機會/zh-Hant/admitted']],
    ['none.md', 'en', []],
  ];
  for (const [name, lang, want] of CASES) {
    it(`${name}: the places of "opportunity"`, () => {
      const f = index(name);
      assert.strictEqual(f.lang, lang);
      const doc = ws.docs.get(name)!;
      const occs = f.concepts.get('opportunity') ?? [];
      assert.deepStrictEqual(occs.map((o) => `${o.written}=${o.term}/${o.lang}/${o.status}${o.doubtful ? '?' : ''}`), want);
      for (const o of occs) assert.strictEqual(doc.getText(o.range), o.written);
    });
  }

  it('keeps acronyms with the concept they name, marked as acronyms', () => {
    const occs = index('en.md').concepts.get('marketing-qualified-lead')!;
    assert.deepStrictEqual(occs.map((o) => [o.written, o.acronym]), [['MQL', true]]);
  });

  it('marks a name glossed in parentheses', () => {
    const ws2 = workspace({ 'g.md': 'Each marketing qualified lead (MQL) goes to sales; every MQL is scored. Elke kans (opportunity) telt.' });
    const f = ws2.indexes[0];
    const show = (id: string) => f.concepts.get(id)!.map((o) => `${o.written}${o.gloss ? ' (gloss)' : ''}`);
    assert.deepStrictEqual(show('marketing-qualified-lead'), ['marketing qualified lead', 'MQL (gloss)', 'MQL']);
    assert.deepStrictEqual(show('opportunity'), ['kans', 'opportunity (gloss)']);
  });

  it('is the same for an open document (kept) and a file read from disk', () => {
    const service = builtin().service;
    const text = FILES['pl.md'];
    const open = service.conceptIndex(TextDocument.create('file:///ws/open.md', 'markdown', 3, text), undefined, true)!;
    const disk = service.conceptIndex(TextDocument.create('file:///ws/open.md', 'markdown', 0, text), undefined, false)!;
    assert.deepStrictEqual({ ...disk, version: 3 }, open);
    // A file on disk asked for its consistency summary first (the server asks for both): the same index.
    const doc = TextDocument.create('file:///ws/disk.md', 'markdown', 0, text);
    assert.ok(service.consistencyNames(doc, undefined, false)!.concepts.has('opportunity'));
    assert.deepStrictEqual(service.conceptIndex(doc, undefined, false)!.concepts, open.concepts);
  });

  it('of a file read from disk follows a new glossary, asked of the same document object', () => {
    const service = getLanguageService(builtin().glossary);
    const doc = TextDocument.create('file:///ws/disk.md', 'markdown', 0, FILES['en.md']);
    assert.ok(service.consistencyNames(doc, undefined, false)!.concepts.has('opportunity'));
    assert.ok(service.conceptIndex(doc, undefined, false)!.concepts.has('opportunity'));
    service.setGlossary(buildGlossary([], { domains: {} }).glossary);
    assert.deepStrictEqual([...service.consistencyNames(doc, undefined, false)!.concepts.keys()], []);
    assert.deepStrictEqual([...service.conceptIndex(doc, undefined, false)!.concepts.keys()], []);
  });

  it('has no index for a file that is not text', () => {
    const doc = TextDocument.create('file:///ws/bin.md', 'markdown', 0, 'opportunity\u0000\u0001\u0002 deal');
    assert.strictEqual(builtin().service.conceptIndex(doc, undefined, false), undefined);
  });
});

describe('workspace references and usage', () => {
  const ws = workspace(FILES);
  const show = (locs: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) =>
    locs.map((l) => `${ws.nameOf(l.uri)}:${ws.docs.get(ws.nameOf(l.uri))!.getText(l.range)}`);

  it('lists every place of the concept, file by file, leaving out doubtful ones', () => {
    assert.deepStrictEqual(show(conceptLocations('opportunity', ws.indexes)), [
      'en.md:opportunity', 'en.md:deal', 'en.md:opportunity', 'nl.md:kans', 'sv.md:affärsmöjlighet',
      'pl.md:szansa sprzedażowa', 'pl.md:szansę sprzedażową', 'zh.md:商機', 'zh.md:銷售機會',
    ]);
  });

  it('includes the doubtful occurrence the references were asked on', () => {
    const nl = ws.indexes.find((x) => ws.nameOf(x.uri) === 'nl.md')!;
    const doubtful = nl.concepts.get('opportunity')!.find((o) => o.doubtful)!;
    const locs = show(conceptLocations('opportunity', ws.indexes, { uri: nl.uri, range: doubtful.range }));
    assert.deepStrictEqual(locs.filter((l) => l.startsWith('nl.md')), ['nl.md:kans', 'nl.md:kans']);
  });

  it('counts the uses per file (doubtful ones not)', () => {
    assert.deepStrictEqual(conceptUsage('opportunity', ws.indexes).map((u) => [ws.nameOf(u.uri), u.count]), [['en.md', 3], ['nl.md', 1], ['sv.md', 1], ['pl.md', 2], ['zh.md', 2]]);
    assert.deepStrictEqual(conceptUsage('no-such-concept', ws.indexes), []);
  });
});
