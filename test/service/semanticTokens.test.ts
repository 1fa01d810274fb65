/** Semantic tokens: each term of a document as a "lingoTerm" token, with its status, acronym and doubt as modifiers. */
import * as assert from 'assert';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/service';
import { semanticTokens, type Token } from '../helpers';

/** [document, its tokens decoded: text, line, character (UTF-16), modifiers] */
const CASES: [string, Token[]][] = [
  ['Our funnel is healthy: every MQL becomes an opportunity.',
    [['funnel', 0, 4, 'admitted'], ['MQL', 0, 29, 'preferred acronym'], ['opportunity', 0, 44, 'preferred']]],
  ['Varje affärsmöjlighet i pipelinen har en ägare i CRM-systemet, och säljaren följer upp den varje vecka.',
    [['affärsmöjlighet', 0, 6, 'preferred'], ['pipelinen', 0, 24, 'admitted'], ['CRM-systemet', 0, 49, 'preferred'], ['säljaren', 0, 67, 'preferred']]],
  ['Elke kans in de pipeline heeft een eigenaar; elke opportunity in het CRM ook.',
    [['kans', 0, 5, 'admitted'], ['pipeline', 0, 16, 'preferred'], ['opportunity', 0, 50, 'preferred'], ['CRM', 0, 69, 'preferred acronym']]],
  // Possibly the everyday word here: no cue word in the sentence.
  ['Dat is een kans voor ons. Elke opportunity in het CRM heeft een eigenaar.',
    [['kans', 0, 11, 'admitted doubtful'], ['opportunity', 0, 31, 'preferred'], ['CRM', 0, 50, 'preferred acronym']]],
  ['Każda okazja w lejku sprzedażowym ma właściciela w CRM i etap w prognozie.',
    [['okazja', 0, 6, 'deprecated'], ['lejku sprzedażowym', 0, 15, 'preferred'], ['CRM', 0, 51, 'preferred acronym'], ['prognozie', 0, 64, 'admitted']]],
  ['我們的特別提款權每天要打五十通電話，並在兩個工作天內跟進。',
    [['特別提款權', 0, 3, 'deprecated mistranslation'], ['工作天', 0, 22, 'preferred'], ['跟進', 0, 26, 'admitted']]],
  ['我们的销售漏斗很健康。', [['销售漏斗', 0, 3, 'preferred']]],
  // A term broken over lines: one token per line, without the spaces around the break (also after \r\n).
  ['Each sales\n  funnel has an owner,\r\nand every sales\r\nfunnel an owner too.',
    [['sales', 0, 5, 'preferred'], ['funnel', 1, 2, 'preferred'], ['sales', 2, 10, 'preferred'], ['funnel', 3, 0, 'preferred']]],
  // Characters in UTF-16 units: the rocket is two.
  ['🚀 Every opportunity counts.', [['opportunity', 0, 9, 'preferred']]],
  // Code is no term.
  ['The field `opportunity` is set for each deal.', [['deal', 0, 40, 'admitted']]],
  ['Nothing to see here.', []],
];

describe('semantic tokens', () => {
  it('declares one token type and the modifiers, in the order the data refers to them', () => {
    assert.deepStrictEqual(SEMANTIC_TOKENS_LEGEND, { tokenTypes: ['lingoTerm'], tokenModifiers: ['preferred', 'admitted', 'deprecated', 'mistranslation', 'acronym', 'doubtful'] });
  });

  for (const [text, want] of CASES) {
    it(JSON.stringify(text.slice(0, 60)), () => assert.deepStrictEqual(semanticTokens(text), want));
  }

  it('gives the tokens of a range of lines only, relative to the first of them', () => {
    const text = 'line one opportunity\nline two MQL\nline three funnel\n';
    assert.deepStrictEqual(semanticTokens(text, {}, [1, 2]), [['MQL', 1, 9, 'preferred acronym']]);
    assert.deepStrictEqual(semanticTokens(text, {}, [0, 3]).map((t) => t[0]), ['opportunity', 'MQL', 'funnel']);
  });
});
