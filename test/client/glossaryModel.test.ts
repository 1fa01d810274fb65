/** The Glossary view's rows and filter, in-process: the built-in glossary as `lingo/glossary` gives it. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { GlossaryResult, Lang } from '../../server/src/protocol';
import { glossaryIndex, searchKey } from '../../client/src/glossaryModel';
import { ROOT } from '../helpers';

const LANG_NAMES: Record<Lang, GlossaryResult['langNames']> = {
  en: { en: 'English', sv: 'Swedish', nl: 'Dutch', pl: 'Polish', 'zh-Hant': 'Chinese' },
  sv: { en: 'engelska', sv: 'svenska', nl: 'nederländska', pl: 'polska', 'zh-Hant': 'kinesiska' },
  nl: { en: 'Engels', sv: 'Zweeds', nl: 'Nederlands', pl: 'Pools', 'zh-Hant': 'Chinees' },
  pl: { en: 'angielski', sv: 'szwedzki', nl: 'niderlandzki', pl: 'polski', 'zh-Hant': 'chiński' },
  'zh-Hant': { en: '英文', sv: '瑞典文', nl: '荷蘭文', pl: '波蘭文', 'zh-Hant': '中文' },
};

const answers = new Map<Lang, GlossaryResult>();
/** What the server answers to `lingo/glossary` with `{ lang }`, from the glossary's source files. */
function glossary(lang: Lang): GlossaryResult {
  const known = answers.get(lang);
  if (known) return known;
  const dir = path.join(ROOT, 'glossary');
  const domains = JSON.parse(fs.readFileSync(path.join(dir, 'domains.json'), 'utf8'));
  const concepts = fs.readdirSync(path.join(dir, 'concepts')).sort().flatMap((f) => {
    const domain = f.replace(/\.json$/, '');
    return JSON.parse(fs.readFileSync(path.join(dir, 'concepts', f), 'utf8')).concepts.map((c: any) => ({
      id: c.id,
      domain: domains[domain][lang],
      langs: Object.fromEntries(Object.entries(c.langs).map(([l, s]: [string, any]) => [l, {
        definition: s.definition,
        terms: s.terms.map((t: any) => ({ text: t.text, status: t.status })),
        acronyms: (s.acronyms ?? []).map((a: any) => ({ text: a.text, expansion: a.expansion })),
      }])),
    }));
  });
  const answer = { langNames: LANG_NAMES[lang], concepts };
  answers.set(lang, answer);
  return answer;
}

/** [domain, label, description] of each concept the filter keeps, in view order; `only` keeps those of these ids. */
function rows(query: string, lang: Lang = 'en', only?: string[]): [string, string, string][] {
  const { domains } = glossaryIndex(glossary(lang), lang).rows(query);
  return domains.flatMap((d) => d.concepts.filter((c) => !only || only.includes(c.id)).map((c) => [d.name, c.label, c.description] as [string, string, string]));
}
const ids = (query: string, lang: Lang = 'en') => glossaryIndex(glossary(lang), lang).rows(query).domains.flatMap((d) => d.concepts.map((c) => c.id));

describe('Glossary view: rows and filter', () => {
  it('without a filter: every concept once, in domains named and sorted in the view language', () => {
    const all = glossary('en').concepts.length;
    for (const lang of ['en', 'sv', 'nl', 'pl', 'zh-Hant'] as Lang[]) {
      const { domains, matches } = glossaryIndex(glossary(lang), lang).rows('');
      assert.strictEqual(matches, all);
      assert.strictEqual(new Set(domains.flatMap((d) => d.concepts.map((c) => c.id))).size, all);
      const names = domains.map((d) => d.name);
      assert.deepStrictEqual(names, [...names].sort(new Intl.Collator(lang).compare), lang);
    }
    assert.ok(glossaryIndex(glossary('sv'), 'sv').rows('').domains.some((d) => d.name === 'Säljprocessen'));
  });

  // [query, view language, concept id, expected row (domain, label, description)]
  const cases: [string, Lang, string, [string, string, string]][] = [
    // The label is the concept's preferred term in the view language; the description its other names there.
    ['opportunity', 'en', 'opportunity', ['Sales process', 'opportunity', 'sales opportunity, deal, opp']],
    ['affärsmöjlighet', 'sv', 'opportunity', ['Säljprocessen', 'affärsmöjlighet', 'opportunity, deal, affär, …']],
    // A name of another language: the description says which name matched, and in which language.
    ['kans', 'en', 'opportunity', ['Sales process', 'opportunity', 'kans (Dutch)']],
    ['okazja', 'en', 'opportunity', ['Sales process', 'opportunity', 'okazja (Polish)']],
    ['kans', 'sv', 'opportunity', ['Säljprocessen', 'affärsmöjlighet', 'kans (nederländska)']],
    ['opportunity', 'pl', 'opportunity', ['Proces sprzedaży', 'szansa sprzedażowa', 'opportunity']],
    ['商機', 'nl', 'opportunity', ['Salesproces', 'opportunity', '商機 (Chinees)']],
    // Folded as the server folds (case, hyphens, Simplified Chinese), and without accents.
    ['Sales-Opportunity', 'en', 'opportunity', ['Sales process', 'opportunity', 'sales opportunity']],
    ['商机', 'zh-Hant', 'opportunity', ['銷售流程', '商機', '銷售機會, 業務機會, 案子']],
    ['szansa sprzedazowa', 'pl', 'opportunity', ['Proces sprzedaży', 'szansa sprzedażowa', 'szansa sprzedaży, szansa, deal, …']],
    ['affarsmojlighet', 'en', 'opportunity', ['Sales process', 'opportunity', 'affärsmöjlighet (Swedish)']],
    // Acronyms and their expansions.
    ['mql', 'en', 'marketing-qualified-lead', ['Lead management', 'marketing qualified lead', 'MQL']],
    ['MRR', 'zh-Hant', 'monthly-recurring-revenue', ['營收指標', '每月經常性收入', 'MRR']],
    ['Monthly Recurring', 'en', 'monthly-recurring-revenue', ['Revenue metrics', 'monthly recurring revenue', 'MRR']],
  ];
  for (const [query, lang, id, row] of cases) {
    it(`"${query}" (${lang} view) keeps ${id}: ${row.join(' · ')}`, () => {
      assert.deepStrictEqual(rows(query, lang, [id]), [row]);
    });
  }

  it('"churn" keeps the churn concepts and nothing without a churn name', () => {
    const kept = ids('churn');
    for (const id of ['churn', 'churn-rate', 'churn-analysis', 'churn-mitigation', 'churn-risk', 'logo-churn', 'revenue-churn', 'negative-churn']) assert.ok(kept.includes(id), id);
    for (const id of ['opportunity', 'monthly-recurring-revenue']) assert.ok(!kept.includes(id), id);
    assert.deepStrictEqual(rows('churn', 'en', ['churn']), [['Customer success', 'churn', 'customer churn, customer attrition']]);
  });

  it('a query that matches nothing keeps nothing; spaces around it do not count', () => {
    assert.deepStrictEqual(glossaryIndex(glossary('en'), 'en').rows('zzqx').matches, 0);
    assert.deepStrictEqual(ids('  okazja  '), ids('okazja'));
  });

  it('folds a query like the server, and drops accents', () => {
    assert.deepStrictEqual(['Pipeline’s', 'Lead-Scoring', '銷售漏斗', 'Łódź', 'Affärsmöjlighet'].map(searchKey), ["pipeline's", 'lead scoring', '销售漏斗', 'lodz', 'affarsmojlighet']);
  });
});
