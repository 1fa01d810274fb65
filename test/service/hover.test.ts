/** Hover, in the document's language, with the other languages' terms. */
import * as assert from 'assert';
import { hover } from '../helpers';

/** [document with cursor, fragments the hover must contain, fragments it must not] */
const CASES: [string, string[], string[]][] = [
  ['Every |MQL is reviewed by sales within two days, and we track the conversion of each lead to an opportunity.',
    ['**marketing qualified lead** (MQL)', 'Swedish: marknadskvalificerat lead', 'Polish: kwalifikowany lead marketingowy', 'Chinese: 行銷合格潛在客戶'], ['English:']],
  ['Varje |MQL ska följas upp av säljaren inom två dagar, och vi mäter hur många som blir affärer.',
    ['**marknadskvalificerat lead** (MQL)', 'engelska: marketing qualified lead', 'På andra språk'], ['svenska:']],
  ['Elke |kansen moet binnen twee dagen worden opgevolgd door de accountmanager en het team.',
    ['**opportunity**', 'saleskans, kans', 'Engels: opportunity'], []],
  ['Każdy lead trafia do |lejka sprzedażowego, a handlowiec musi go obsłużyć w ciągu dwóch dni.',
    ['**lejek sprzedażowy**', 'angielski: sales funnel', 'W innych językach'], []],
  ['每個潛在客戶都會進入|銷售漏斗，業務必須在兩個工作天內跟進。', ['**銷售漏斗**', '英文: sales funnel'], []],
  ['每个潜在客户都会进入|销售漏斗，业务必须在两个工作日内跟进。', ['**銷售漏斗**'], []],
];

describe('hover', () => {
  for (const [doc, must, mustNot] of CASES) {
    it(doc.slice(0, 50), () => {
      const h = hover(doc);
      assert.ok(h, 'no hover');
      for (const m of must) assert.ok(h!.includes(m), `missing ${JSON.stringify(m)} in\n${h}`);
      for (const m of mustNot) assert.ok(!h!.includes(m), `unexpected ${JSON.stringify(m)} in\n${h}`);
    });
  }

  it('names the preferred term when an admitted one is hovered', () => {
    assert.match(hover('Our |funnel is healthy and the team must keep it that way for the whole year.')!, /Preferred term: \*\*sales funnel\*\*/);
  });

  it('explains a mistranslation', () => {
    const h = hover('我們的|特別提款權每天要打五十通電話，並在兩個工作天內跟進。')!;
    assert.match(h, /誤譯/);
    assert.match(h, /銷售開發代表/);
  });

  it('lists every meaning of an ambiguous acronym, the likeliest first', () => {
    const h = hover('We compare the |ACV of each deal with the total contract value and the annual recurring revenue.')!;
    assert.match(h, /Possible meanings/);
    const annual = h.indexOf('Annual Contract Value'), average = h.indexOf('Average Contract Value');
    assert.ok(annual > 0 && average > annual, h);
  });

  it('gives nothing away from terms', () => {
    assert.strictEqual(hover('Nothing to |see here, just words that the team must read.'), undefined);
  });
});
