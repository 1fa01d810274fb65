import * as assert from 'assert';
import { detected } from '../helpers';

const CASES: [string, string][] = [
  ['en', 'Every lead that marketing passes to sales must be followed up within two business days, and the account executive is responsible for the next step.'],
  ['sv', 'Varje lead som marknad lämnar över till sälj ska följas upp inom två arbetsdagar, och det är säljaren som äger nästa steg.'],
  ['nl', 'Elke lead die marketing aan sales overdraagt, moet binnen twee werkdagen worden opgevolgd en de accountmanager is verantwoordelijk voor de volgende stap.'],
  ['pl', 'Każdy lead, który marketing przekazuje do sprzedaży, musi zostać obsłużony w ciągu dwóch dni roboczych, a za kolejny krok odpowiada handlowiec.'],
  ['zh-Hant', '行銷團隊移交給業務的每一個潛在客戶，都必須在兩個工作天內跟進。'],
  ['zh-Hant', '市场团队移交给销售的每一个潜在客户，都必须在两个工作日内跟进。'],
];

describe('language detection', () => {
  for (const [lang, text] of CASES) it(`${lang}: ${text.slice(0, 40)}…`, () => assert.strictEqual(detected(text), lang));
  it('reads the prose, not the glossary terms', () => {
    // Terms of another language (and their Han characters) do not make a Swedish text Chinese or English.
    assert.strictEqual(detected('Vi mäter 關鍵績效指標 och 流失率 varje kvartal, och det är säljaren som äger nästa steg med varje lead.'), 'sv');
    // A text that is nothing but terms says nothing: the preferred language (English here) decides, and keeps
    // deciding as fixes replace one term by another (it used to flip between Chinese and English).
    const terms = 'demand gen efterfrågegenerering 關鍵績效指標 流失率 銷售開發代表 generowanie popytu service level agreement ';
    assert.strictEqual(detected(terms), 'en');
    assert.strictEqual(detected(terms.replace('service level agreement', 'SLA')), 'en', 'fewer Latin letters, still no Chinese prose');
  });
  it('ignores code when detecting', () => {
    assert.strictEqual(detected('```\nthe the the the the the and and of of to to\n```\nVarje lead ska följas upp inom två dagar och det är säljaren som äger nästa steg.'), 'sv');
  });
});
