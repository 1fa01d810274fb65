/** Term matching on real text: case, hyphens, inflection, Chinese, Simplified input, ignored regions. */
import * as assert from 'assert';
import { found } from '../helpers';

/** [text, what must be found as [surface, concept]] per language. */
const CASES: [string, string, [string, string][]][] = [
  // English
  ['en', 'Every MQL is reviewed within two days.', [['MQL', 'marketing-qualified-lead']]],
  ['en', 'Our Lead Scoring model and our lead-scoring rules, and leadscoring too.', [['Lead Scoring', 'lead-scoring'], ['lead-scoring', 'lead-scoring'], ['leadscoring', 'lead-scoring']]],
  ['en', 'Two new leads and one opportunity; more opportunities next week.', [['leads', 'lead'], ['opportunity', 'opportunity'], ['opportunities', 'opportunity']]],
  ['en', 'The sales\nfunnel narrows.', [['sales\nfunnel', 'sales-funnel']]],
  // Swedish: definite and plural forms
  ['sv', 'Prospektet och prospekten i säljtratten.', [['Prospektet', 'prospect'], ['prospekten', 'prospect'], ['säljtratten', 'sales-funnel']]],
  ['sv', 'Våra säljtrattar har många leads.', [['säljtrattar', 'sales-funnel'], ['leads', 'lead']]],
  // Dutch: plurals
  ['nl', 'Alle kansen en elke kans in de salesfunnel.', [['kansen', 'opportunity'], ['kans', 'opportunity'], ['salesfunnel', 'sales-funnel']]],
  // Polish: cases, singular and plural
  ['pl', 'Nie ma okazji, ale mamy okazję.', [['okazji', 'opportunity'], ['okazję', 'opportunity']]],
  ['pl', 'Liczba leadów rośnie, a każdy lead trafia do lejka sprzedażowego.', [['leadów', 'lead'], ['lead', 'lead'], ['lejka sprzedażowego', 'sales-funnel']]],
  ['pl', 'Lista kwalifikowanych leadów marketingowych.', [['kwalifikowanych leadów marketingowych', 'marketing-qualified-lead']]],
  // Chinese: no spaces, Traditional and Simplified
  ['zh', '我們的銷售漏斗很長。', [['銷售漏斗', 'sales-funnel']]],
  ['zh', '我们的销售漏斗很长。', [['销售漏斗', 'sales-funnel']]],
  ['zh', '每個MQL都要在兩天內處理。', [['MQL', 'marketing-qualified-lead']]],
  ['zh', '所有資料都在CRM 系統裡，也在 CRM系統 裡。', [['CRM 系統', 'customer-relationship-management'], ['CRM系統', 'customer-relationship-management']]],
];

describe('matching', () => {
  for (const [lang, text, expected] of CASES) {
    it(`${lang}: ${text.replace(/\n/g, '⏎')}`, () => {
      const got = found(text);
      for (const e of expected) assert.ok(got.some((g) => g[0] === e[0] && g[1] === e[1]), `expected ${JSON.stringify(e)} in ${JSON.stringify(got)}`);
    });
  }

  it('finds nothing inside words', () => {
    assert.deepStrictEqual(found('Misleading pleads, SQLite and pipelines-free leadership.').filter(([s]) => /lead|SQL/i.test(s)), []);
  });

  it('matches acronyms in capitals only', () => {
    assert.deepStrictEqual(found('We use sql and Sql queries.').filter(([, c]) => c === 'sales-qualified-lead'), []);
    assert.deepStrictEqual(found('Two SQLs and the MQL:er.').map(([s]) => s), ['SQLs', 'MQL:er']);
  });

  it('does not take the verb "lead" for the noun', () => {
    assert.deepStrictEqual(found('You will lead the call and lead our team.').filter(([, c]) => c === 'lead'), []);
    assert.deepStrictEqual(found('A new lead arrived.').filter(([, c]) => c === 'lead').map(([s]) => s), ['lead']);
  });

  const IGNORED: [string, string][] = [
    ['code span', 'Run `MQL` and `lead scoring` here.'],
    ['fenced code', 'Text\n\n```\nMQL lead scoring\n```\n'],
    ['tilde fence', '~~~yaml\nstage: MQL\n~~~\n'],
    ['front matter', '---\ntitle: MQL and lead scoring\n---\n'],
    ['URL', 'See https://example.com/mql/lead-scoring?x=MQL for more.'],
    ['link target', 'See [the guide](docs/lead-scoring-MQL.md).'],
    ['reference definition', '[guide]: https://example.com/MQL "MQL"'],
    ['HTML comment', '<!-- MQL lead scoring -->'],
    ['e-mail', 'Write to mql.lead@example.com today.'],
  ];
  for (const [what, text] of IGNORED) {
    it(`ignores ${what}`, () => assert.deepStrictEqual(found(text), []));
  }

  it('still finds link text and text after a code span', () => {
    assert.deepStrictEqual(found('See [the MQL guide](x.md) and `x` then lead scoring.').map(([s]) => s), ['MQL', 'lead scoring']);
  });

  it('in plain text, only URLs and e-mail addresses are ignored', () => {
    assert.deepStrictEqual(found('Run `MQL` here: https://x.com/MQL', {}, 'plaintext').map(([s]) => s), ['MQL']);
  });
});
