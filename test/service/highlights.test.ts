/** The concept under the cursor and its highlights in the document: any language, any form, acronyms too. */
import * as assert from 'assert';
import { builtin, docAt, highlights, references, settings } from '../helpers';

/** [document with cursor, the texts highlighted (in document order), settings] */
const CASES: [string, string[], Record<string, unknown>?][] = [
  // English, with the Dutch and the colloquial names of the same concept in it.
  ['Every |opportunity in the pipeline has an owner, and each kans in the Dutch CRM is the same deal.', ['opportunity', 'kans', 'deal']],
  ['Every opportunity in the pipeline has an owner, and each |kans in the Dutch CRM is the same deal.', ['opportunity', 'kans', 'deal']],
  // …and only the English ones when the settings look for English terms only.
  ['Every |opportunity in the pipeline has an owner, and each kans in the Dutch CRM is the same deal.', ['opportunity', 'deal'], { languages: ['en'] }],
  ['Each |marketing qualified lead goes to sales; an MQL that waits two days goes cold.', ['marketing qualified lead', 'MQL']],
  ['Each marketing qualified lead goes to sales; an |MQL that waits two days goes cold.', ['marketing qualified lead', 'MQL']],
  ['Varje |affärsmöjlighet i pipelinen har en ägare, och varje opportunity i CRM-systemet också.', ['affärsmöjlighet', 'opportunity']],
  ['Elke |kans in de pipeline heeft een eigenaar; elke opportunity in het CRM ook, net als alle deals.', ['kans', 'opportunity', 'deals']],
  // Inflected forms.
  ['Każda |szansa sprzedażowa w lejku ma właściciela, a każdą szansę sprzedażową w CRM zamyka handlowiec.', ['szansa sprzedażowa', 'szansę sprzedażową']],
  ['每個|商機都有負責人，業務也會在 CRM 中更新銷售機會的階段。', ['商機', '銷售機會']],
  // Simplified input is the same concept.
  ['每个|商机都有负责人，业务也会在 CRM 中更新销售机会的阶段。', ['商机', '销售机会']],
  // A doubtful occurrence (possibly the everyday word) answers when the cursor is on it, and is not highlighted otherwise.
  ['Dat is een |kans voor ons. Elke opportunity in het CRM heeft een eigenaar.', ['kans', 'opportunity']],
  ['Dat is een kans voor ons. Elke |opportunity in het CRM heeft een eigenaar.', ['opportunity']],
  // The end of a term counts (as hover): the cursor right after it.
  ['Every opportunity| in the pipeline has an owner in the CRM.', ['opportunity']],
  // No term, or code.
  ['Nothing to |see here, just words that the team must read.', []],
  ['The field `oppor|tunity` holds the id of each opportunity in the CRM.', []],
];

describe('document highlights', () => {
  for (const [doc, want, s] of CASES) {
    it(`${doc.slice(0, 60)}${s ? ` ${JSON.stringify(s)}` : ''}`, () => {
      assert.deepStrictEqual(highlights(doc, s), want);
    });
  }

  it('marks every highlight as text (reading and writing mean nothing here)', () => {
    const { doc, offset } = docAt('Every |opportunity in the pipeline has an owner, and each deal has a stage.');
    const hs = builtin().service.findDocumentHighlights(doc, doc.positionAt(offset), settings());
    assert.deepStrictEqual(hs.map((h) => h.kind), [1, 1]);
  });
});

describe('references within a document', () => {
  for (const [doc, want, s] of CASES) {
    it(`${doc.slice(0, 60)}${s ? ` ${JSON.stringify(s)}` : ''}`, () => {
      assert.deepStrictEqual(references(doc, s), want);
    });
  }
});

describe('the concept at a position', () => {
  /** [document with cursor, concept id and the text of its range, or null] */
  const AT: [string, [string, string] | null][] = [
    ['Elke |kansen in de pipeline heeft een eigenaar in het CRM.', ['opportunity', 'kansen']],
    ['Każdy lead trafia do |lejka sprzedażowego, a handlowiec musi go obsłużyć.', ['sales-funnel', 'lejka sprzedażowego']],
    ['每个潜在客户都会进入|销售漏斗，业务必须在两个工作日内跟进。', ['sales-funnel', '销售漏斗']],
    ['Dat is een |kans voor ons.', ['opportunity', 'kans']],
    ['Nothing to |see here.', null],
  ];
  for (const [marked, want] of AT) {
    it(marked.slice(0, 50), () => {
      const { doc, offset } = docAt(marked);
      const at = builtin().service.conceptAt(doc, doc.positionAt(offset), settings());
      assert.deepStrictEqual(at && [at.concept.id, doc.getText(at.range)], want);
      if (at) assert.strictEqual(at.occurrence.term.concept, at.concept);
    });
  }
});
