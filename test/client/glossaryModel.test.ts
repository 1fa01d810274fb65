/**
 * The Glossary view's rows, in-process, from the server's answers as the service gives them for the built-in
 * glossary: the domains (`lingo/glossaryDomains`), a domain's pages (`lingo/glossaryConcepts`), what the filter
 * found (`lingo/findConcepts` with rows).
 */
import * as assert from 'assert';
import { conceptRow as viewRow, domainRows, FILTER_LIMIT, filteredRows, visible } from '../../client/src/glossaryModel';
import type { FindConceptsResult, GlossaryDomainsResult, Lang } from '../../server/src/protocol';
import { conceptRow } from '../../server/src/service';
import { builtin } from '../helpers';

const LANG_NAMES: Record<Lang, GlossaryDomainsResult['langNames']> = {
  en: { en: 'English', sv: 'Swedish', nl: 'Dutch', pl: 'Polish', 'zh-Hant': 'Chinese' },
  sv: { en: 'engelska', sv: 'svenska', nl: 'nederländska', pl: 'polska', 'zh-Hant': 'kinesiska' },
  nl: { en: 'Engels', sv: 'Zweeds', nl: 'Nederlands', pl: 'Pools', 'zh-Hant': 'Chinees' },
  pl: { en: 'angielski', sv: 'szwedzki', nl: 'niderlandzki', pl: 'polski', 'zh-Hant': 'chiński' },
  'zh-Hant': { en: '英文', sv: '瑞典文', nl: '荷蘭文', pl: '波蘭文', 'zh-Hant': '中文' },
};

const { glossary, service } = builtin();

/** What the server answers to `lingo/findConcepts` with rows, for concepts found by these names. */
const withRows = (lang: Lang, found: { id: string; name: string; lang?: Lang }[]): FindConceptsResult =>
  found.map((m) => {
    const c = glossary.byId.get(m.id);
    return c ? { ...m, domain: c.domain, row: conceptRow(c, lang) } : m;
  });

type Found = { id: string; name: string; lang?: Lang };

/** [domain, label, description] of each concept row, in view order, for what the server `found` (view language `lang`). */
function rows(lang: Lang, found: Found[], query?: string): [string, string, string][] {
  const { domains } = filteredRows(withRows(lang, found), { ...service.glossaryDomains(lang), langNames: LANG_NAMES[lang] }, lang, query ?? '');
  return domains.flatMap((d) => d.concepts.map((c) => [d.name, c.label, c.description] as [string, string, string]));
}

describe('Glossary view: rows', () => {
  it('without a filter: the domains named and sorted in the view language, with their counts', () => {
    const all = glossary.concepts.length;
    for (const lang of ['en', 'sv', 'nl', 'pl', 'zh-Hant'] as Lang[]) {
      const domains = domainRows(service.glossaryDomains(lang));
      assert.strictEqual(domains.reduce((n, d) => n + d.count, 0), all);
      const names = domains.map((d) => d.name);
      assert.deepStrictEqual(names, [...names].sort(new Intl.Collator(lang).compare), lang);
    }
    assert.ok(domainRows(service.glossaryDomains('sv')).some((d) => d.name === 'Säljprocessen' && d.id === 'sales-process'));
  });

  // [view language, domain, the first rows (label · description) of its first page]
  const pages: [Lang, string, string[]][] = [
    ['en', 'customer-success', ['account management · customer account management', 'account plan · strategic account plan, key account plan']],
    ['sv', 'sales-process', ['accelerator · provisionsaccelerator', 'affärsfas · pipelinesteg, pipelinefas, säljsteg, …']],
    ['zh-Hant', 'revenue-metrics', []],
  ];
  for (const [lang, domain, first] of pages) {
    it(`without a filter, ${domain} in ${lang}: rows of the server's page, its other names as the description (three, then …)`, () => {
      const page = service.glossaryConcepts(domain, lang, 0, 500).concepts.map(viewRow);
      assert.ok(page.length > 10);
      const text = page.map((r) => `${r.label} · ${r.description}`);
      if (first.length) assert.deepStrictEqual(text.slice(0, first.length), first);
      for (const r of page) assert.ok(r.description.split(', ').length <= 4 && !r.description.split(', ').includes(r.label), `${r.label} · ${r.description}`);
    });
  }

  // [concepts loaded or found, the domain's total, how many it shows (undefined: all loaded), rows shown, "Show … more"]
  const paging: [number, number, number | undefined, number, number][] = [
    [500, 30000, undefined, 500, 500],
    [1000, 30000, undefined, 1000, 500],
    [29800, 30000, undefined, 29800, 200],
    [30000, 30000, undefined, 30000, 0],
    [37, 37, undefined, 37, 0],
    [1000, 1000, 500, 500, 500], // a filter's 1,000 in one domain: 500 at first
    [1000, 1000, 1000, 1000, 0],
    [700, 700, 500, 500, 200],
  ];
  for (const [loaded, total, shown, rowsShown, more] of paging) {
    it(`${loaded} of ${total} concepts${shown === undefined ? '' : `, ${shown} to show`}: ${rowsShown} rows and “Show ${more} more…”`, () => {
      const concepts = Array.from({ length: loaded }, (_, i) => ({ id: `c${i}`, label: `c${i}`, description: '' }));
      const v = visible(concepts, total, shown);
      assert.deepStrictEqual([v.concepts.length, v.more], [rowsShown, more]);
    });
  }

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
    assert.deepStrictEqual(filteredRows([], service.glossaryDomains('en'), 'en', 'x'), { domains: [], matches: 0, more: false });
  });

  it(`shows at most ${FILTER_LIMIT.toLocaleString('en')} found concepts and says there are more`, () => {
    const many = (n: number): FindConceptsResult => Array.from({ length: n }, (_, i) => ({ id: `g${i}`, name: `a${i}`, lang: 'en', domain: `d${i % 3}`, row: { id: `g${i}`, name: `a${i}`, others: [] } }));
    const domains = { langNames: LANG_NAMES.en, total: 2000, domains: [0, 1, 2].map((k) => ({ id: `d${k}`, name: `Domain ${k}`, count: 700 })) };
    const over = filteredRows(many(FILTER_LIMIT + 1), domains, 'en', 'a');
    assert.deepStrictEqual([over.matches, over.more, over.domains.map((d) => `${d.name}: ${d.concepts.length}`)], [FILTER_LIMIT, true, ['Domain 0: 334', 'Domain 1: 333', 'Domain 2: 333']]);
    const exact = filteredRows(many(FILTER_LIMIT), domains, 'en', 'a');
    assert.deepStrictEqual([exact.matches, exact.more], [FILTER_LIMIT, false]);
  });
});
