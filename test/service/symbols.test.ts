/** Workspace symbols: concepts found by any of their names, listed where the workspace uses them. */
import * as assert from 'assert';
import { buildGlossary, decodeGlossary, encodeGlossary, findConcepts, getLanguageService, type Glossary, type Lang } from '../../server/src/service';
import { SymbolKind } from 'vscode-languageserver-types';
import { builtin, workspace, workspaceSymbols } from '../helpers';

const FILES = {
  'sv.md': 'Varje affärsmöjlighet i pipelinen har en ägare i CRM-systemet, och säljaren följer upp den varje vecka.',
  'nl.md': 'Elke kans in de pipeline heeft een eigenaar in het CRM, en elke MQL ook.',
  'zh.md': '每個商機都有負責人，業務也會在 CRM 中更新階段。',
  'en.md': 'Each marketing qualified lead goes to sales.\n\nAn MQL that waits two days goes cold.',
  'none.md': 'Nothing about sales terms in this file, just words that people read.',
};

describe('workspace symbols', () => {
  /** [query, asked language, symbols: name, file, the text at its location, container (domain)] */
  const CASES: [string, Lang, [string, string, string, string][]][] = [
    ['affärsmöjl', 'sv', [
      ['affärsmöjlighet', 'sv.md', 'affärsmöjlighet', 'Säljprocessen'],
      ['affärsmöjlighet', 'nl.md', 'kans', 'Säljprocessen'],
      ['affärsmöjlighet', 'zh.md', '商機', 'Säljprocessen'],
    ]],
    // Named in the asked language, with the name that matched when the query is not in it.
    ['affärsmöjl', 'en', [
      ['opportunity (affärsmöjlighet)', 'sv.md', 'affärsmöjlighet', 'Sales process'],
      ['opportunity (affärsmöjlighet)', 'nl.md', 'kans', 'Sales process'],
      ['opportunity (affärsmöjlighet)', 'zh.md', '商機', 'Sales process'],
    ]],
    ['kans', 'nl', [
      ['opportunity (kans)', 'sv.md', 'affärsmöjlighet', 'Salesproces'],
      ['opportunity (kans)', 'nl.md', 'kans', 'Salesproces'],
      ['opportunity (kans)', 'zh.md', '商機', 'Salesproces'],
    ]],
    // Simplified input finds the Traditional terms; the name shows it as typed.
    ['商机', 'zh-Hant', [
      ['商機 (商机)', 'sv.md', 'affärsmöjlighet', '銷售流程'],
      ['商機 (商机)', 'nl.md', 'kans', '銷售流程'],
      ['商機 (商机)', 'zh.md', '商機', '銷售流程'],
      ['銷售管線 (商机管线)', 'sv.md', 'pipelinen', '銷售流程'],
      ['銷售管線 (商机管线)', 'nl.md', 'pipeline', '銷售流程'],
    ]],
    // Acronyms; the first occurrence of each file.
    ['MQL', 'en', [
      ['marketing qualified lead (MQL)', 'nl.md', 'MQL', 'Lead management'],
      ['marketing qualified lead (MQL)', 'en.md', 'marketing qualified lead', 'Lead management'],
    ]],
    ['mql', 'pl', [
      ['kwalifikowany lead marketingowy (MQL)', 'nl.md', 'MQL', 'Zarządzanie leadami'],
      ['kwalifikowany lead marketingowy (MQL)', 'en.md', 'marketing qualified lead', 'Zarządzanie leadami'],
    ]],
    // Concepts of the glossary that no file uses are not listed.
    ['funnel', 'en', []],
    ['no such name', 'en', []],
  ];
  for (const [query, lang, want] of CASES) {
    it(`${JSON.stringify(query)} in ${lang}`, () => assert.deepStrictEqual(workspaceSymbols(query, lang, FILES), want));
  }

  it('lists every used concept for an empty query, at most `limit` symbols', () => {
    const all = workspaceSymbols('', 'en', FILES);
    assert.deepStrictEqual([...new Set(all.map((s) => s[0]))].sort(), ['customer relationship management', 'marketing qualified lead', 'opportunity', 'sales pipeline', 'sales representative']);
    assert.strictEqual(workspaceSymbols('', 'en', FILES, 3).length, 3);
  });

  it('answers the same after the name index is let go, for a built and a compiled glossary', () => {
    const ws = workspace(FILES);
    const { glossary, service } = builtin();
    const compiled = getLanguageService(decodeGlossary(encodeGlossary(glossary, [])).glossary);
    for (const s of [service, compiled]) {
      const answers = () => CASES.map(([query, lang]) => [
        s.workspaceSymbols(query, lang, ws.indexes),
        s.findConcepts(query, lang, 20).map((m) => [m.concept.id, m.name, m.lang]),
      ]);
      s.releaseSearchIndex();
      const first = answers();
      assert.ok(first.some(([symbols]) => symbols.length > 0));
      assert.strictEqual(s.releaseSearchIndex(), true, 'the searches made an index');
      assert.strictEqual(s.releaseSearchIndex(), false, 'nothing left to let go');
      assert.strictEqual(s.findConcepts('  ', 'en', 5).length, 5);
      assert.strictEqual(s.releaseSearchIndex(), false, 'an empty query lists concepts without the index');
      assert.deepStrictEqual(answers(), first);
    }
  });

  it('uses the kind Key', () => {
    const ws = workspace(FILES);
    assert.deepStrictEqual(builtin().service.workspaceSymbols('kans', 'nl', ws.indexes).map((s) => s.kind), [SymbolKind.Key, SymbolKind.Key, SymbolKind.Key]);
  });
});

/** A small glossary where each name of the query "lead" matches in another way. */
const SMALL = [
  { id: 'lead', name: 'Lead', langs: { en: { terms: [{ text: 'lead', status: 'preferred' }] } } },
  { id: 'leadership', name: 'Leadership', langs: { en: { terms: [{ text: 'leadership', status: 'preferred' }] } } },
  { id: 'qualified', name: 'Qualified', langs: { en: { terms: [{ text: 'qualified lead', status: 'preferred' }] } } },
  { id: 'unleaded', name: 'Unleaded', langs: { en: { terms: [{ text: 'unleaded', status: 'preferred' }] } } },
  { id: 'sv-only', name: 'Scoring', langs: { en: { terms: [{ text: 'scoring', status: 'preferred' }] }, sv: { terms: [{ text: 'leadpoäng', status: 'preferred' }] } } },
  { id: 'named', name: 'Lead Time', langs: { en: { terms: [{ text: 'cycle time', status: 'preferred' }] } } },
  { id: 'long', name: 'Long', langs: { en: { terms: [{ text: 'leads and opportunities report', status: 'preferred' }] } } },
  { id: 'han', name: 'Han', langs: { 'zh-Hant': { terms: [{ text: '銷售機會', status: 'preferred' }] } } },
  { id: 'acr', name: 'Acr', langs: { en: { terms: [{ text: 'account executive', status: 'preferred' }], acronyms: [{ text: 'AE' }] } } },
];

describe('finding concepts by name', () => {
  const built = buildGlossary([{ file: 'small.json', data: { domain: 'sales', concepts: SMALL } }]);
  assert.deepStrictEqual(built.issues, []);
  const compiled = decodeGlossary(encodeGlossary(built.glossary, built.issues)).glossary;
  const ids = (g: Glossary, q: string, lang: Lang = 'en', limit?: number) => findConcepts(g, q, lang, limit).map((m) => `${m.concept.id}:${m.name}`);

  for (const [label, g] of [['built', built.glossary], ['compiled', compiled]] as const) {
    it(`ranks exact, prefix, word, substring; the asked language, then the concept's name, then others (${label})`, () => {
      assert.deepStrictEqual(ids(g, 'lead'), [
        'lead:lead',
        'leadership:leadership', 'long:leads and opportunities report', // prefix, English, shorter first
        'named:Lead Time', // prefix of the concept's name
        'sv-only:leadpoäng', // prefix, another language
        'qualified:qualified lead', // a word
        'unleaded:unleaded', // inside a word
      ]);
      // Asked in Swedish: the concept's name "Lead" ranks above the English term "lead", the Swedish prefix above the English ones.
      assert.deepStrictEqual(ids(g, 'lead', 'sv').slice(0, 4), ['lead:Lead', 'sv-only:leadpoäng', 'named:Lead Time', 'leadership:Leadership']);
    });

    it(`folds case, separators and Simplified Chinese (${label})`, () => {
      assert.deepStrictEqual(ids(g, 'LEAD-SHIP'), []);
      assert.deepStrictEqual(ids(g, 'Qualified  Lead'), ['qualified:qualified lead']);
      assert.deepStrictEqual(ids(g, '销售机会', 'zh-Hant'), ['han:銷售機會']);
      assert.deepStrictEqual(ids(g, '機會', 'zh-Hant'), ['han:銷售機會']);
      assert.deepStrictEqual(ids(g, 'ae'), ['acr:AE']);
    });

    it(`stops at the limit and lists all for an empty query (${label})`, () => {
      assert.deepStrictEqual(ids(g, 'lead', 'en', 2), ['lead:lead', 'leadership:leadership']);
      assert.strictEqual(ids(g, '  ').length, SMALL.length);
    });
  }

  it('finds every concept of the built-in glossary by its preferred English term', () => {
    const { glossary } = builtin();
    for (const c of glossary.concepts) {
      const en = c.langs.en?.terms[0]?.text;
      if (!en) continue;
      assert.ok(findConcepts(glossary, en, 'en', 20).some((m) => m.concept.id === c.id), `${c.id} not found by "${en}"`);
    }
  });
});
