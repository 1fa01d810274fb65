/** The Glossary view's rows, in-process: the built-in glossary as `lingo/glossary` gives it, and what `lingo/findConcepts` found. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FindConceptsResult, GlossaryResult, Lang } from '../../server/src/protocol';
import { glossaryIndex } from '../../client/src/glossaryModel';
import type { ConceptData } from '../../server/src/service/types';
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
    const file: { concepts: ConceptData[] } = JSON.parse(fs.readFileSync(path.join(dir, 'concepts', f), 'utf8'));
    return file.concepts.map((c) => ({
      id: c.id,
      domain: domains[domain][lang],
      langs: Object.fromEntries(Object.entries(c.langs).map(([l, s]) => [l, {
        definition: s!.definition,
        terms: s!.terms.map((t) => ({ text: t.text, status: t.status })),
        acronyms: (s!.acronyms ?? []).map((a) => ({ text: a.text, expansion: a.expansion })),
      }])),
    }));
  });
  const answer = { langNames: LANG_NAMES[lang], concepts };
  answers.set(lang, answer);
  return answer;
}

type Found = FindConceptsResult[number];

/** [domain, label, description] of each concept row, in view order, for what the server `found`. */
function rows(lang: Lang, found?: Found[], query?: string): [string, string, string][] {
  const { domains } = glossaryIndex(glossary(lang), lang).rows(found, query);
  return domains.flatMap((d) => d.concepts.map((c) => [d.name, c.label, c.description] as [string, string, string]));
}

describe('Glossary view: rows', () => {
  it('without a filter: every concept once, in domains named and sorted in the view language', () => {
    const all = glossary('en').concepts.length;
    for (const lang of ['en', 'sv', 'nl', 'pl', 'zh-Hant'] as Lang[]) {
      const { domains, matches } = glossaryIndex(glossary(lang), lang).rows();
      assert.strictEqual(matches, all);
      assert.strictEqual(new Set(domains.flatMap((d) => d.concepts.map((c) => c.id))).size, all);
      const names = domains.map((d) => d.name);
      assert.deepStrictEqual(names, [...names].sort(new Intl.Collator(lang).compare), lang);
    }
    assert.ok(glossaryIndex(glossary('sv'), 'sv').rows().domains.some((d) => d.name === 'Säljprocessen'));
  });

  // [view language, what the server found, the row (domain, label, description)]
  const cases: [Lang, Found, [string, string, string]][] = [
    // The label is the concept's preferred term in the view language; the description its other names there.
    ['en', { id: 'opportunity', name: 'opportunity', lang: 'en' }, ['Sales process', 'opportunity', 'sales opportunity, deal, opp']],
    ['sv', { id: 'opportunity', name: 'affärsmöjlighet', lang: 'sv' }, ['Säljprocessen', 'affärsmöjlighet', 'opportunity, deal, affär, …']],
    ['zh-Hant', { id: 'opportunity', name: '商機', lang: 'zh-Hant' }, ['銷售流程', '商機', '銷售機會, 業務機會, 案子']],
    ['pl', { id: 'opportunity', name: 'Szansa sprzedażowa', lang: 'pl' }, ['Proces sprzedaży', 'szansa sprzedażowa', 'szansa sprzedaży, szansa, deal, …']],
    // Another name matched: the description says which, and in which language when it is another one.
    ['en', { id: 'opportunity', name: 'kans', lang: 'nl' }, ['Sales process', 'opportunity', 'kans (Dutch)']],
    ['sv', { id: 'opportunity', name: 'kans', lang: 'nl' }, ['Säljprocessen', 'affärsmöjlighet', 'kans (nederländska)']],
    ['nl', { id: 'opportunity', name: '商機', lang: 'zh-Hant' }, ['Salesproces', 'opportunity', '商機 (Chinees)']],
    ['en', { id: 'opportunity', name: 'sales opportunity', lang: 'en' }, ['Sales process', 'opportunity', 'sales opportunity']],
    ['zh-Hant', { id: 'monthly-recurring-revenue', name: 'MRR', lang: 'zh-Hant' }, ['營收指標', '每月經常性收入', 'MRR']],
    ['en', { id: 'marketing-qualified-lead', name: 'MQL', lang: 'en' }, ['Lead management', 'marketing qualified lead', 'MQL']],
    // The concept's own name (no language).
    ['pl', { id: 'opportunity', name: 'Opportunity' }, ['Proces sprzedaży', 'szansa sprzedażowa', 'Opportunity']],
    ['en', { id: 'churn-rate', name: 'Churn Rate' }, ['Revenue metrics', 'churn rate', 'customer churn rate, attrition rate']],
  ];
  for (const [lang, found, row] of cases) {
    it(`${lang} view, found by “${found.name}”: ${row.join(' · ')}`, () => {
      assert.deepStrictEqual(rows(lang, [found]), [row]);
    });
  }

  it('a label that shows the query keeps its plain description, whichever name the server matched', () => {
    assert.deepStrictEqual(rows('en', [{ id: 'revenue-churn', name: 'churn przychodu', lang: 'pl' }], 'Churn'), [['Customer success', 'revenue churn', 'MRR churn, dollar churn, gross revenue churn']]);
    assert.deepStrictEqual(rows('en', [{ id: 'revenue-churn', name: 'churn przychodu', lang: 'pl' }], 'przych'), [['Customer success', 'revenue churn', 'churn przychodu (Polish)']]);
  });

  it('keeps what the server found, each concept once, in domains and by label; nothing found, nothing shown', () => {
    const found: Found[] = [
      { id: 'churn-rate', name: 'churn rate', lang: 'en' }, { id: 'churn', name: 'churn', lang: 'en' },
      { id: 'churn', name: 'customer churn', lang: 'en' }, { id: 'logo-churn', name: 'logo churn', lang: 'en' },
      { id: 'no-such-concept', name: 'churn', lang: 'en' },
    ];
    assert.deepStrictEqual(rows('en', found), [
      ['Customer success', 'churn', 'customer churn, customer attrition'],
      ['Customer success', 'logo churn', ''],
      ['Revenue metrics', 'churn rate', 'customer churn rate, attrition rate'],
    ]);
    assert.deepStrictEqual(glossaryIndex(glossary('en'), 'en').rows([]), { domains: [], matches: 0 });
  });
});
