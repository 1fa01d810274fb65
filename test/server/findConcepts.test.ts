/**
 * lingo/findConcepts over LSP, the Glossary view's filter: concepts by any of their names in any language, an
 * acronym or the concept's name, folded as the server folds text (case, separators, Simplified Chinese).
 */
import * as assert from 'assert';
import { LspClient } from './lspClient';
import type { FindConceptsResult } from '../../server/src/protocol';

describe('lingo/findConcepts (the Glossary view\'s filter) over LSP', function () {
  this.timeout(30000);
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    await c.initialize();
  });
  after(async () => { await c.shutdown(); });

  const find = (query: string, lang?: string, limit?: number) => c.request<FindConceptsResult>('lingo/findConcepts', { query, lang, limit });

  // [query, view language, a concept it finds, and the name that matched (with its language)]
  const cases: [string, string, string, string][] = [
    ['kans', 'en', 'opportunity', 'kans (nl)'],
    ['okazja', 'en', 'opportunity', 'okazja (pl)'],
    ['affärsmöjlighet', 'en', 'opportunity', 'affärsmöjlighet (sv)'],
    ['Sales-Opportunity', 'en', 'opportunity', 'sales opportunity (en)'],
    ['商机', 'en', 'opportunity', '商機 (zh-Hant)'],
    ['销售漏斗', 'sv', 'sales-funnel', '銷售漏斗 (zh-Hant)'],
    ['mql', 'pl', 'marketing-qualified-lead', 'MQL (pl)'],
    ['churn', 'en', 'churn', 'churn (en)'],
  ];
  for (const [query, lang, id, matched] of cases) {
    it(`"${query}" (${lang}) finds ${id} by ${matched}`, async () => {
      const found = await find(query, lang);
      const hit = found.find((m) => m.id === id);
      assert.ok(hit, `${id} not among ${found.slice(0, 8).map((m) => m.id).join(', ')}`);
      assert.strictEqual(`${hit.name} (${hit.lang})`, matched);
    });
  }

  it('"churn" finds every churn concept and nothing else, each once; no limit: all of them', async () => {
    const ids = (await find('churn', 'en')).map((m) => m.id);
    for (const id of ['churn', 'churn-rate', 'churn-analysis', 'churn-mitigation', 'churn-risk', 'logo-churn', 'revenue-churn', 'negative-churn']) assert.ok(ids.includes(id), id);
    assert.ok(!ids.includes('opportunity'));
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.ok((await find('a', 'en')).length > 500, 'a one-letter filter keeps hundreds of concepts');
    assert.strictEqual((await find('a', 'en', 3)).length, 3);
  });

  it('a query that no name holds finds nothing; a missing one, every concept', async () => {
    assert.deepStrictEqual(await find('zzqx', 'en'), []);
    assert.ok((await c.request<FindConceptsResult>('lingo/findConcepts', {})).length > 600);
  });
});

describe('the search\'s name index, let go when no search used it for LINGO_SEARCH_IDLE_MS', function () {
  this.timeout(30000);
  let c: LspClient;
  before(async () => {
    c = new LspClient(['--stdio'], { ...process.env, LINGO_SEARCH_IDLE_MS: '1000' });
    await c.initialize();
  });
  after(async () => { await c.shutdown(); });

  const LET_GO = /^Lingo: the name index of concept searches was let go after 1000 ms without a search$/;
  const letGo = () => c.notifications.filter((n) => n.method === 'window/logMessage' && LET_GO.test(n.params.message)).length;
  /** Until the server has said n times that it let the index go (each is a window/logMessage at the Log level). */
  const waitLetGo = async (n: number) => {
    for (const end = Date.now() + 10000; letGo() < n; await new Promise((r) => setTimeout(r, 50))) if (Date.now() > end) throw new Error(`the index was let go ${letGo()} times, not ${n}`);
  };

  it('lingo/findConcepts: the same answers after the index was let go and read again', async () => {
    const queries: [string, string][] = [['kans', 'nl'], ['商机', 'zh-Hant'], ['affärsmöjlighet', 'sv'], ['okazja', 'pl'], ['MQL', 'en']];
    const answers = () => Promise.all(queries.map(([query, lang]) => c.request<FindConceptsResult>('lingo/findConcepts', { query, lang, limit: 50 })));
    const first = await answers();
    assert.ok(first.every((a) => a.length > 0), 'each query finds concepts');
    await waitLetGo(1);
    assert.deepStrictEqual(await answers(), first);
    await waitLetGo(2);
    assert.strictEqual(letGo(), 2, 'let go once after each burst of searches');
  });

  it('workspace/symbol: let go after it, the same symbols after', async () => {
    const uri = 'file:///idle/sv.md';
    c.open(uri, 'Varje affärsmöjlighet i pipelinen har en ägare i CRM-systemet.');
    await c.diagnostics(uri);
    const had = letGo();
    const first = await c.request('workspace/symbol', { query: 'affärsmöjl' });
    assert.ok(first.length > 0);
    await waitLetGo(had + 1);
    assert.deepStrictEqual(await c.request('workspace/symbol', { query: 'affärsmöjl' }), first);
  });
});
