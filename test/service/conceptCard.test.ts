/** The concept card: what the glossary says about a concept, named in the asked language, with its use in the workspace. */
import * as assert from 'assert';
import { conceptCard, conceptUsage, decodeGlossary, encodeGlossary, type Lang } from '../../server/src/service';
import { builtin, workspace } from '../helpers';

describe('concept card', () => {
  /** [asked language, the card's name, domain, language names (en, zh-Hant), the related concepts' names] */
  const CASES: [Lang, string, string, [string, string], string[]][] = [
    ['en', 'opportunity', 'Sales process', ['English', 'Chinese'], ['sales pipeline', 'deal stage', 'sales qualified lead', 'sales accepted opportunity']],
    ['sv', 'affärsmöjlighet', 'Säljprocessen', ['engelska', 'kinesiska'], ['säljpipeline', 'affärsfas', 'säljkvalificerat lead', 'säljaccepterad affärsmöjlighet']],
    ['nl', 'opportunity', 'Salesproces', ['Engels', 'Chinees'], ['pipeline', 'dealfase', 'sales qualified lead', 'sales accepted opportunity']],
    ['pl', 'szansa sprzedażowa', 'Proces sprzedaży', ['angielski', 'chiński'], ['pipeline', 'etap transakcji', 'kwalifikowany lead sprzedażowy', 'szansa sprzedażowa zaakceptowana przez sprzedaż']],
    ['zh-Hant', '商機', '銷售流程', ['英文', '中文'], ['銷售管線', '交易階段', '銷售合格潛在客戶', '業務接受商機']],
  ];
  for (const [lang, name, domain, langNames, related] of CASES) {
    it(`"opportunity" in ${lang}`, () => {
      const card = builtin().service.conceptCard('opportunity', lang)!;
      assert.deepStrictEqual(
        [card.id, card.name, card.domain, [card.langNames.en, card.langNames['zh-Hant']], card.related.map((r) => r.name)],
        ['opportunity', name, domain, langNames, related],
      );
      assert.deepStrictEqual(card.related.map((r) => r.id), ['sales-pipeline', 'deal-stage', 'sales-qualified-lead', 'sales-accepted-opportunity']);
      assert.deepStrictEqual([card.source, card.usage, card.definitionLocation], ['builtin', [], undefined]);
    });
  }

  it('has every language\'s definition, terms with their status, and acronyms with their expansion', () => {
    const card = builtin().service.conceptCard('sales-development-representative', 'en')!;
    assert.deepStrictEqual(Object.keys(card.langs), ['en', 'sv', 'nl', 'pl', 'zh-Hant']);
    const zh = card.langs['zh-Hant']!;
    assert.match(zh.definition!, /^位於銷售流程最前端的業務人員/);
    assert.deepStrictEqual(zh.terms, [
      { text: '銷售開發代表', status: 'preferred' },
      { text: '特別提款權', status: 'deprecated', mistranslation: true },
      { text: '銷售開發專員', status: 'admitted' },
    ]);
    assert.deepStrictEqual(zh.acronyms, [{ text: 'SDR', expansion: '銷售開發代表' }]);
    assert.deepStrictEqual(builtin().service.conceptCard('opportunity', 'en')!.langs.pl!.terms.find((t) => t.text === 'okazja'), { text: 'okazja', status: 'deprecated' });
  });

  it('carries the source and the workspace\'s use of the concept', () => {
    const ws = workspace({
      'a.md': 'Every opportunity in the pipeline has an owner in the CRM, and each deal a stage.',
      'b.md': 'Elke kans in de pipeline heeft een eigenaar in het CRM.',
      'c.md': 'Nothing about sales terms in this file, just words that people read.',
    });
    const usage = conceptUsage('opportunity', ws.indexes);
    const card = builtin().service.conceptCard('opportunity', 'en', { source: 'team', usage })!;
    assert.deepStrictEqual([card.source, card.usage], ['team', [{ uri: 'file:///ws/a.md', count: 2 }, { uri: 'file:///ws/b.md', count: 1 }]]);
  });

  it('is the same from a compiled glossary (definitions read from its cold pool)', () => {
    const { glossary } = builtin();
    const compiled = decodeGlossary(encodeGlossary(glossary, [])).glossary;
    for (const id of ['opportunity', 'sales-development-representative']) {
      for (const lang of ['en', 'zh-Hant'] as const) {
        assert.deepStrictEqual(conceptCard(compiled, compiled.byId.get(id)!, lang), conceptCard(glossary, glossary.byId.get(id)!, lang));
      }
    }
  });

  it('is undefined for an unknown concept', () => {
    assert.strictEqual(builtin().service.conceptCard('no-such-concept', 'en'), undefined);
  });
});
