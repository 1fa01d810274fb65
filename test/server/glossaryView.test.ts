/**
 * The Glossary view's requests over LSP (issue 19): `lingo/glossaryDomains` (the domains with their counts, nothing
 * of the concepts), `lingo/glossaryConcepts` (a domain's concepts a page at a time, sorted by name, without
 * definitions) and `lingo/findConcepts` with `rows` (the filter). With the built-in glossary, against the whole
 * glossary as `lingo/glossary` gives it; with 50,000 generated concepts, the size of each answer on the wire.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CompiledGlossary } from '../../server/src/node/glossaryFiles';
import type {
  FindConceptsResult, GlossaryConceptRow, GlossaryConceptsResult, GlossaryDomainsResult, GlossaryResult, Lang,
} from '../../server/src/protocol';
import { generateGlossary } from '../bench/genGlossary';
import { ROOT, tempDir } from '../helpers';
import { LspClient } from './lspClient';

const rowText = (r: GlossaryConceptRow) => [r.name, ...r.others].join(' | ');

describe('the Glossary view\'s requests over LSP (built-in glossary)', function () {
  this.timeout(30000);
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    await c.initialize();
  });
  after(async () => { await c.shutdown(); });

  const domains = (lang?: Lang) => c.request<GlossaryDomainsResult>('lingo/glossaryDomains', { lang });
  const page = (domain: string, lang: Lang | undefined, offset?: number, limit?: number) =>
    c.request<GlossaryConceptsResult>('lingo/glossaryConcepts', { domain, lang, offset, limit });

  // [language, a domain's id and its name there, the languages' names there]
  const named: [Lang, string, string, string][] = [
    ['en', 'sales-process', 'Sales process', 'Swedish'],
    ['sv', 'sales-process', 'Säljprocessen', 'svenska'],
    ['nl', 'customer-success', 'Customer success', 'Zweeds'],
    ['pl', 'lead-management', 'Zarządzanie leadami', 'szwedzki'],
    ['zh-Hant', 'revenue-metrics', '營收指標', '瑞典文'],
  ];
  for (const [lang, id, name, swedish] of named) {
    it(`${lang}: the domains named in ${lang}, sorted, each with as many concepts as lingo/glossary gives it, and nothing else`, async () => {
      const { result: d, bytes } = await c.measured<GlossaryDomainsResult>('lingo/glossaryDomains', { lang });
      assert.strictEqual(d.domains.find((x) => x.id === id)?.name, name);
      assert.strictEqual(d.langNames.sv, swedish);
      const collator = new Intl.Collator(lang);
      assert.deepStrictEqual(d.domains.map((x) => x.name), d.domains.map((x) => x.name).sort(collator.compare));
      const whole = await c.request<GlossaryResult>('lingo/glossary', { lang });
      const counts = new Map<string, number>();
      for (const x of whole.concepts) counts.set(x.domain, (counts.get(x.domain) ?? 0) + 1);
      assert.deepStrictEqual(new Map(d.domains.map((x) => [x.name, x.count])), counts);
      assert.strictEqual(d.total, whole.concepts.length);
      assert.ok(bytes < 3000, `${bytes} bytes`);
    });
  }

  // [naming language, domain, a concept of it, its row: the name in that language | its other names there]
  const rows: [Lang, string, string, string][] = [
    ['en', 'customer-success', 'churn', 'churn | customer churn | customer attrition'],
    ['sv', 'sales-process', 'opportunity', 'affärsmöjlighet | opportunity | deal | affär | opp'],
    ['nl', 'customer-success', 'churn', 'churn | klantverloop'], // karnen is deprecated: not shown
    ['pl', 'lead-management', 'marketing-qualified-lead', 'kwalifikowany lead marketingowy | MQL | lead zakwalifikowany przez marketing | Marketing Qualified Lead | lead MQL'],
    ['zh-Hant', 'sales-process', 'opportunity', '商機 | 銷售機會 | 業務機會 | 案子'],
  ];
  for (const [lang, domain, id, text] of rows) {
    it(`${lang}: ${domain} a page at a time, sorted by name in ${lang}; ${id} is "${text}"`, async () => {
      const all = await page(domain, lang);
      assert.ok(all.total > 10 && all.concepts.length === all.total, `${all.concepts.length} of ${all.total}`);
      const collator = new Intl.Collator(lang);
      const names = all.concepts.map((r) => r.name);
      assert.deepStrictEqual(names, [...names].sort(collator.compare));
      assert.strictEqual(rowText(all.concepts.find((r) => r.id === id)!), text);
      // Pages of 7 from 0 on give the same rows, the last one short; past the end, none.
      const pages: GlossaryConceptRow[] = [];
      for (let offset = 0; offset < all.total; offset += 7) {
        const p = await page(domain, lang, offset, 7);
        assert.strictEqual(p.total, all.total);
        assert.strictEqual(p.concepts.length, Math.min(7, all.total - offset));
        pages.push(...p.concepts);
      }
      assert.deepStrictEqual(pages, all.concepts);
      assert.deepStrictEqual(await page(domain, lang, all.total, 7), { total: all.total, concepts: [] });
    });
  }

  it('a page has no definitions: a domain\'s whole list is a fraction of its part of lingo/glossary', async () => {
    const { result, bytes } = await c.measured<GlossaryConceptsResult>('lingo/glossaryConcepts', { domain: 'sales-process', lang: 'en' });
    assert.ok(!JSON.stringify(result).includes('definition'));
    const whole = await c.measured<GlossaryResult>('lingo/glossary', { lang: 'en' });
    const part = Buffer.byteLength(JSON.stringify(whole.result.concepts.filter((x) => x.domain === 'Sales process')));
    assert.ok(bytes * 5 < part, `${bytes} bytes against ${part}`);
  });

  // [params, what the answer is]
  const odd: [unknown, string][] = [
    [{ domain: 'no-such-domain', lang: 'en' }, 'total 0'],
    [{ domain: 'sales-process', lang: 'xx', limit: 3 }, 'total >0, 3 rows'], // an unknown language: the server's
    [{ domain: 'sales-process', offset: -5, limit: 2 }, 'total >0, 2 rows'],
    [{ domain: 'sales-process', offset: 'x', limit: 'y' }, 'total >0, all rows'],
    [{ domain: 'sales-process', limit: 0 }, 'total >0, 0 rows'],
    [null, 'total 0'],
    [{ domain: 5 }, 'total 0'],
  ];
  for (const [params, expected] of odd) {
    it(`lingo/glossaryConcepts ${JSON.stringify(params)}: ${expected}`, async () => {
      const r = await c.request<GlossaryConceptsResult>('lingo/glossaryConcepts', params);
      const described = r.total === 0 ? 'total 0' : `total >0, ${r.concepts.length === r.total ? 'all' : r.concepts.length} rows`;
      assert.strictEqual(described, expected);
    });
  }

  it('lingo/glossaryDomains without a language names the domains in the server\'s', async () => {
    assert.ok((await domains()).domains.some((d) => d.name === 'Sales process'));
    assert.ok((await domains('xx' as Lang)).domains.some((d) => d.name === 'Sales process'));
  });

  it('lingo/findConcepts with rows: each found concept with its domain and its row in the asked language', async () => {
    const found = await c.request<FindConceptsResult>('lingo/findConcepts', { query: 'kans', lang: 'sv', rows: true });
    const hit = found.find((m) => m.id === 'opportunity')!;
    assert.deepStrictEqual({ ...hit, row: hit.row && rowText(hit.row) }, {
      id: 'opportunity', name: 'kans', lang: 'nl', domain: 'sales-process', row: 'affärsmöjlighet | opportunity | deal | affär | opp',
    });
    // Without rows, as before.
    assert.deepStrictEqual(Object.keys((await c.request<FindConceptsResult>('lingo/findConcepts', { query: 'kans', lang: 'sv' }))[0]).sort(), ['id', 'lang', 'name']);
  });

  it('lingo/concept with usage: false answers the card without the workspace\'s uses', async () => {
    const card = await c.request('lingo/concept', { id: 'churn', lang: 'sv', usage: false });
    assert.strictEqual(card.name, 'churn');
    assert.deepStrictEqual(card.usage, []);
    assert.ok(card.langs.sv.definition.length > 10);
  });
});

describe('the Glossary view\'s answers with 50,000 generated concepts', function () {
  this.timeout(600000);
  let c: LspClient | undefined;
  let dir: string;
  before(async function () {
    // The server copied next to a glossary.json of the built-in glossary and 50,000 generated concepts (no
    // glossary.bin: it builds it). 30,000 of them in one domain, the rest in ten of 2,000.
    dir = tempDir('50k');
    const builtin = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'glossary.json'), 'utf8')) as CompiledGlossary;
    const generated = generateGlossary(50000).map((s, k) => ({ ...s, data: { ...(s.data as object), domain: k < 30 ? 'generated-large' : `generated-${k % 10}` } }));
    fs.writeFileSync(path.join(dir, 'glossary.json'), JSON.stringify({ ...builtin, sources: [...builtin.sources, ...generated] }));
    fs.copyFileSync(path.join(ROOT, 'dist', 'server.js'), path.join(dir, 'server.js'));
    c = new LspClient(['--stdio'], process.env, path.join(dir, 'server.js'));
    await c.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} }, 500000);
    c.notify('initialized', {});
  });
  after(() => c?.kill());

  it('the domains: under 4 KB, with 30,000 concepts in the large one', async () => {
    const { result, bytes } = await c!.measured<GlossaryDomainsResult>('lingo/glossaryDomains', { lang: 'en' }, 120000);
    assert.ok(result.total > 50000, String(result.total));
    assert.strictEqual(result.domains.find((d) => d.id === 'generated-large')?.count, 30000);
    assert.ok(bytes < 4000, `${bytes} bytes`);
    console.log(`      domains: ${bytes} bytes`);
  });

  it('a page of 500 of the large domain is under 80 KB, and asking for 5,000 gives 1,000', async () => {
    const first = await c!.measured<GlossaryConceptsResult>('lingo/glossaryConcepts', { domain: 'generated-large', lang: 'sv', limit: 500 }, 120000);
    assert.strictEqual(first.result.total, 30000);
    assert.strictEqual(first.result.concepts.length, 500);
    assert.ok(first.bytes < 80000, `${first.bytes} bytes`);
    const last = await c!.measured<GlossaryConceptsResult>('lingo/glossaryConcepts', { domain: 'generated-large', lang: 'sv', offset: 29800, limit: 5000 }, 120000);
    assert.strictEqual(last.result.concepts.length, 200);
    const capped = await c!.measured<GlossaryConceptsResult>('lingo/glossaryConcepts', { domain: 'generated-large', lang: 'sv', offset: 10000, limit: 5000 }, 120000);
    assert.strictEqual(capped.result.concepts.length, 1000);
    assert.ok(capped.bytes < 160000, `${capped.bytes} bytes`);
    const collator = new Intl.Collator('sv');
    const names = capped.result.concepts.map((r) => r.name);
    assert.deepStrictEqual(names, [...names].sort(collator.compare));
    console.log(`      500 concepts: ${first.bytes} bytes; 1,000: ${capped.bytes} bytes`);
  });

  it('the filter as the view asks it (one letter, at most 1,001 with rows) is under 200 KB', async () => {
    const { result, bytes } = await c!.measured<FindConceptsResult>('lingo/findConcepts', { query: 'a', lang: 'en', limit: 1001, rows: true }, 120000);
    assert.strictEqual(result.length, 1001);
    assert.ok(result.every((m) => m.domain && m.row));
    assert.ok(bytes < 200000, `${bytes} bytes`);
    console.log(`      filter "a": ${bytes} bytes`);
  });
});
