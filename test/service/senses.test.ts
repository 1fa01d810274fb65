/**
 * Senses: a term's context in the glossary (notIn, notNear, cues), English verb uses, and Chinese word
 * boundaries decide whether a matched text is the concept. Over a small glossary of our own, so that each rule is
 * tested on its own; the built-in glossary's everyday senses are in senses-builtin.test.ts.
 */
import * as assert from 'assert';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGlossary, getLanguageService, resolveSettings, type Lang } from '../../server/src/service';
import { attachHanLexicon, lexiconFile } from '../../server/src/node/hanLexicon';
import { foldKey } from '../../server/src/service/fold';
import { isHanWord, makeHanLexicon } from '../../server/src/service/senses';
import { isShortFormOf } from '../../server/src/service/findings';
import { ROOT } from '../helpers';

const concepts = [
  {
    id: 'opportunity', name: 'Opportunity',
    langs: {
      en: { terms: [{ text: 'opportunity', status: 'preferred' }, { text: 'deal', status: 'admitted', homograph: 'verb', notIn: ['a great deal', 'a good deal', 'deal with'] }] },
      nl: { terms: [{ text: 'opportunity', status: 'preferred' }, { text: 'kans', status: 'admitted', plural: 'kansen', notIn: ['de kans dat', 'kans op', 'de kans * groot'], cues: ['crm', 'deal', 'pipeline', 'klant*', 'gewonnen'] }] },
      pl: { terms: [{ text: 'szansa sprzedażowa', status: 'preferred', gender: 'f', head: 0 }, { text: 'okazja', status: 'admitted', gender: 'f', forms: ['okazji', 'okazję'], notIn: ['przy okazji', 'z okazji'] }] },
      'zh-Hant': { terms: [{ text: '商機', status: 'preferred' }] },
    },
  },
  {
    id: 'sql', name: 'Sales Qualified Lead',
    langs: { en: { terms: [{ text: 'sales qualified lead', status: 'preferred' }], acronyms: [{ text: 'SQL', notNear: ['query', 'database', 'tabl*', 'select'] }] } },
  },
  {
    id: 'closing', name: 'Closing',
    langs: { 'zh-Hant': { terms: [{ text: '成交', status: 'preferred', notNear: ['股市'] }] }, en: { terms: [{ text: 'deal closing', status: 'preferred' }] } },
  },
  {
    id: 'churn', name: 'Churn',
    langs: { 'zh-Hant': { terms: [{ text: '流失', status: 'preferred' }] }, en: { terms: [{ text: 'churn', status: 'preferred', homograph: 'verb' }] } },
  },
  {
    id: 'lead', name: 'Lead',
    langs: { en: { terms: [{ text: 'lead', status: 'preferred', homograph: 'verb', notIn: ['team lead', 'tech lead', 'lead time', 'lead * developer', 'lead developer'] }] } },
  },
];
const { glossary, issues } = buildGlossary([{ file: 'senses.json', data: { domain: 'sales', concepts } }]);
attachHanLexicon(glossary, lexiconFile(path.join(ROOT, 'dist')));
const service = getLanguageService(glossary);

let n = 0;
/** Each match in `text` as "text→concept", with "?" when it is doubtful. */
function found(text: string, language?: Lang): string[] {
  const doc = TextDocument.create(`file:///senses/${++n}.md`, 'markdown', 1, text);
  const a = service.analyze(doc, resolveSettings(language ? { language } : {}))!;
  return a.occurrences.map((o) => `${text.slice(o.start, o.end)}→${o.term.concept.id}${o.doubtful ? '?' : ''}`);
}
function rules(text: string): string[] {
  const doc = TextDocument.create(`file:///senses/${++n}.md`, 'markdown', 1, text);
  return service.doValidation(doc, resolveSettings({})).map((d) => `${String(d.code)} ${text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end))}`);
}

/**
 * A service over `concepts` (one domain file of our own), and what it finds in a text: each match as written, with
 * "?" when it is doubtful, and the rules it reports.
 */
function probe(concepts: unknown[], domain = 'sales') {
  const svc = getLanguageService(buildGlossary([{ file: `${domain}.json`, data: { domain, concepts } }]).glossary);
  const doc = (text: string) => TextDocument.create(`file:///senses/probe${++n}.md`, 'markdown', 1, text);
  const settingsFor = (language?: Lang) => resolveSettings(language ? { language } : {});
  return {
    matches: (text: string, language?: Lang) => svc.analyze(doc(text), settingsFor(language))!.occurrences.map((o) => `${text.slice(o.start, o.end)}${o.doubtful ? '?' : ''}`),
    codes: (text: string, language?: Lang) => svc.doValidation(doc(text), settingsFor(language)).map((d) => String(d.code)),
  };
}

describe('senses', () => {
  it('the test glossary builds cleanly', () => assert.deepStrictEqual(issues, []));

  describe('notIn: fixed phrases in which the text is not the concept', () => {
    const cases: [string, string[]][] = [
      ['We close a great deal of business in Q4.', []],
      ['We need to deal with the backlog first.', []],
      ['Every deal needs a next step in the pipeline.', ['deal→opportunity']],
      ['De kans dat het lukt is klein.', []],
      ['De kans is groot dat de klant tekent.', []],
      // * is one word: two words between are not the phrase.
      ['De kans is vandaag groot: elke klant in het CRM tekent.', ['kans→opportunity']],
      ['Er is kans op regen vandaag.', []],
      ['Przy okazji zapytaj o budżet.', []],
      ['Z okazji święta biuro jest zamknięte.', []],
      ['Każda okazja w CRM ma właściciela.', ['okazja→opportunity']],
      ['Ask the team lead about the lead time of the project.', []],
      ['Our lead Java developer joined. The lead backend developer too.', []],
      ['Assign the lead to an SDR today.', ['lead→lead']],
    ];
    for (const [text, expected] of cases) it(text, () => assert.deepStrictEqual(found(text), expected));
  });

  describe('notNear: a word in the same sentence shows the everyday sense', () => {
    const cases: [string, string[]][] = [
      ['Run the SQL query against the database.', []],
      ['The SQL tables hold every record.', []],
      ['Each SQL gets a call within a day.', ['SQL→sql']],
      // Only the same sentence counts.
      ['Each SQL gets a call within a day. The database is backed up nightly.', ['SQL→sql']],
      ['The SQL is ready.\nRun a query tomorrow.', ['SQL→sql']],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepStrictEqual(found(text), expected));
  });

  describe('cues: without a cue word in the sentence the text may be everyday (doubtful)', () => {
    const cases: [string, string[]][] = [
      ['Elke kans in het CRM krijgt een eigenaar.', ['kans→opportunity']],
      ['Die kans hebben we gewonnen.', ['kans→opportunity']],
      ['Elke klantkans wordt besproken: de kans krijgt een eigenaar van de klantenservice.', ['kans→opportunity']],
      ['Dit is je kans om te leren.', ['kans→opportunity?']],
    ];
    for (const [text, expected] of cases) it(text, () => assert.deepStrictEqual(found(text, 'nl'), expected));

    it('a doubtful occurrence gets no diagnostic and does not count for consistency', () => {
      assert.deepStrictEqual(rules('Elke opportunity krijgt een eigenaar.\n\nDit is je kans om te leren.'), []);
      assert.deepStrictEqual(rules('Elke opportunity krijgt een eigenaar.\n\nElke kans in het CRM ook.'), ['inconsistent-term kans']);
    });

    it('a doubtful occurrence hovers with a caution', () => {
      const text = 'Dit is je kans om te leren.';
      const doc = TextDocument.create('file:///senses/hover.md', 'markdown', 1, text);
      const h = service.doHover(doc, doc.positionAt(text.indexOf('kans') + 1), resolveSettings({ language: 'nl' }));
      assert.match((h!.contents as { value: string }).value, /^\*Hier misschien het gewone woord: niets in de zin laat zien dat ‘kans’/);
    });
  });

  describe('English verbs: a noun that is also a verb is not the term where it is the verb', () => {
    const cases: [string, string[]][] = [
      ['Poor data quality leads to churn.', []],
      ['This leads to fewer renewals.', []],
      ['Route all leads to the SDR team.', ['leads→lead']],
      ['Assign incoming leads to SDRs.', ['leads→lead']],
      ['Leads to call this week are in the list.', ['Leads→lead']],
      ['We lead the call together.', []],
      ['Customers who churn get a survey.', []],
      ['Churn went down this quarter.', ['Churn→churn']],
      // A plural is a noun before "with" or "that", which after a base form mark a verb ("lead with a story").
      ['Leads with a high score go to sales at once.', ['Leads→lead']],
      ['Leads that ask for a demo get a call within the hour.', ['Leads→lead']],
      ['We lead with the customer story, not the product.', []],
    ];
    for (const [text, expected] of cases) it(text, () => assert.deepStrictEqual(found(text), expected));
  });

  describe('Chinese word boundaries: a term inside a longer everyday word is not the term', () => {
    const cases: [string, string[]][] = [
      ['今天的成交量很大，成交價也創新高。', []],
      ['這筆交易上週已經成交。', ['成交→closing']],
      ['我們尚未成交，請繼續跟進。', ['成交→closing']],
      ['今天股市成交熱絡。', []],
      ['這些客戶的流失讓我們很頭痛。', ['流失→churn']],
      ['每個商機都要有負責人。', ['商機→opportunity']],
      // Simplified input is segmented alike.
      ['今天的成交量很大。', []],
      ['这笔交易上周已经成交。', ['成交→closing']],
    ];
    for (const [text, expected] of cases) it(text, () => assert.deepStrictEqual(found(text), expected));

    it('segments by word frequencies: a rare word that holds the term still takes its characters', () => {
      const lex = makeHanLexicon('水土流失 3\n水土 393\n流失 736\n客戶 5000\n的 90000\n山坡 50\n地 8000\n很 20000\n嚴重 3000\n讓 9000\n一 50000000\n');
      const at = (s: string, term: string) => { const f = new Uint16Array([...s].map((c) => foldKey(c).charCodeAt(0))); const i = s.indexOf(term); return isHanWord(lex, f, i, i + term.length); };
      assert.strictEqual(at('山坡地的水土流失很嚴重', '流失'), false);
      assert.strictEqual(at('客戶的流失讓', '流失'), true);
      assert.strictEqual(at('客戶流失很嚴重', '流失'), true);
    });
  });
});

describe('senses of a concept written alike in several languages', () => {
  // The English term has the context; the Swedish loanword written alike has none: the context still holds.
  const { matches } = probe([{
    id: 'account', name: 'Account',
    langs: {
      en: { terms: [{ text: 'account', status: 'preferred', notIn: ['take into account', 'into account'], notNear: ['password'] }] },
      sv: { terms: [{ text: 'konto', status: 'preferred' }, { text: 'account', status: 'admitted', loanword: true }] },
    },
  }], 'crm');
  const at = (text: string) => matches(text);
  it('an English phrase excludes the loanword of another language too', () => assert.deepStrictEqual(at('Please take this into account when you plan the quarter.'), []));
  it('and a word of the sentence', () => assert.deepStrictEqual(at('Set a password for the account before you start.'), []));
  it('elsewhere the text is the concept', () => assert.deepStrictEqual(at('Every account has an owner in the CRM.'), ['account']));
});

describe('cue phrases', () => {
  const { matches } = probe([{
    id: 'opportunity', name: 'Opportunity',
    langs: { nl: { terms: [{ text: 'opportunity', status: 'preferred' }, { text: 'kans', status: 'admitted', cues: ['account executive*', 'in het crm'] }] } },
  }]);
  const at = (text: string) => matches(text, 'nl');
  it('a phrase of several words is a cue', () => assert.deepStrictEqual(at('Zet elke kans in het CRM.'), ['kans']));
  it('a phrase ending in * lets its last word go on', () => assert.deepStrictEqual(at('De account executives bespreken elke kans.'), ['kans']));
  it('without them the text is doubtful', () => assert.deepStrictEqual(at('Elke kans telt.'), ['kans?']));
});

describe('short forms are no inconsistency', () => {
  const cases: [string, string, boolean][] = [
    ['pipeline', 'sales pipeline', true],
    ['ticket', 'support ticket', true],
    ['contact', 'contactpersoon', true],
    ['pipeline', 'säljpipeline', true],
    ['漏斗', '销售漏斗', true],
    ['支援入口', '支援入口网站', true],
    ['kans', 'opportunity', false],
    ['lösningstid', 'åtgärdstid', false],
    ['商机', '业务机会', false],
    // Too short to be a part of a compound on its own.
    ['sla', 'slack', false],
    ['opportunity', 'opportunity', false],
  ];
  for (const [short, long, expected] of cases) it(`${short} / ${long}: ${expected}`, () => assert.strictEqual(isShortFormOf(short, long), expected));
});

describe('terms of other languages', () => {
  const { matches: at } = probe([
    { id: 'buyer-persona', name: 'Buyer Persona', langs: {
      en: { terms: [{ text: 'buyer persona', status: 'preferred' }] },
      pl: { terms: [{ text: 'persona', status: 'preferred', gender: 'f', forms: ['person', 'personą'] }] },
    } },
    { id: 'customer-support', name: 'Customer Support', langs: {
      en: { terms: [{ text: 'customer support', status: 'preferred' }] },
      sv: { terms: [{ text: 'kundsupport', status: 'preferred' }, { text: 'support', status: 'admitted', loanword: true }] },
    } },
  ]);
  it('an inflected form counts in its own language only', () => {
    assert.deepStrictEqual(at('Every person on the team reads the playbook.', 'en'), []);
    assert.deepStrictEqual(at('Każda persona ma swoje cele, a z personą pracujemy co kwartał.', 'pl'), ['persona', 'personą']);
    // The term as written (not inflected) is found in any language: mixed-language documents are checked too.
    assert.deepStrictEqual(at('Our persona work is done.', 'en'), ['persona']);
  });
  it("another language's loanword is found in that language only", () => {
    assert.deepStrictEqual(at('Contact support if the portal is down.', 'en'), []);
    assert.deepStrictEqual(at('Kontakta supporten eller support via portalen.', 'sv'), ['supporten', 'support']);
  });
});

describe('a gloss in parentheses', () => {
  const { codes } = probe([{
    id: 'icp', name: 'Ideal Customer Profile',
    langs: {
      en: { terms: [{ text: 'ideal customer profile', status: 'preferred' }] },
      'zh-Hant': { terms: [{ text: '理想客戶輪廓', status: 'preferred' }] },
    },
  }]);
  const rulesOf = (text: string) => codes(text, 'zh-Hant');
  it('is one name, not two', () => assert.deepStrictEqual(rulesOf('我們先定義理想客戶輪廓（Ideal Customer Profile），再找名單。'), []));
  it('the same names elsewhere are two', () => assert.deepStrictEqual(rulesOf('我們先定義理想客戶輪廓。之後每季檢視 ideal customer profile。'), ['inconsistent-term']));
});

describe('colloquial terms', () => {
  const { codes } = probe([{
    id: 'opportunity', name: 'Opportunity',
    langs: { en: { terms: [{ text: 'opportunity', status: 'preferred' }, { text: 'deal', status: 'admitted', register: 'colloquial' }, { text: 'opp', status: 'admitted' }] },
      pl: { terms: [{ text: 'szansa sprzedażowa', status: 'preferred', gender: 'f', head: 0 }, { text: 'upsell', status: 'admitted', loanword: true, forms: ['upsellu'] }] } },
  }]);
  const rulesOf = (text: string) => codes(text, 'en');
  it('a colloquial term beside the formal one is no inconsistency', () => assert.deepStrictEqual(rulesOf('Every opportunity has an owner. A deal without a next step goes back to marketing.'), []));
  it('two formal terms still are', () => assert.deepStrictEqual(rulesOf('Every opportunity has an owner. An opp without a next step goes back.'), ['inconsistent-term']));
  it('the register of the document language decides', () => {
    const { codes: codesOf } = probe([{
      id: 'support-ticket', name: 'Support Ticket',
      langs: {
        en: { terms: [{ text: 'support ticket', status: 'preferred' }, { text: 'ticket', status: 'admitted' }] },
        pl: { terms: [{ text: 'zgłoszenie', status: 'preferred', gender: 'n' }, { text: 'ticket', status: 'admitted', loanword: true, register: 'colloquial' }] },
      },
    }], 'support');
    assert.deepStrictEqual(codesOf('Każde zgłoszenie ma priorytet. Ticket bez priorytetu wraca do kolejki.', 'pl'), []);
    assert.deepStrictEqual(codesOf('Every support ticket has a priority. A ticket without one goes back.', 'en'), []);
  });
});

describe('a fixed phrase that is the term as written', () => {
  const { matches } = probe([{
    id: 'reach', name: 'Reach', langs: { en: { terms: [{ text: 'reach', status: 'preferred', notIn: ['reaches'] }] } },
  }], 'marketing');
  const at = (text: string) => matches(text, 'en');
  it('excludes that form wherever it stands, and only that form', () => assert.deepStrictEqual(at('The campaign reaches 40,000 buyers; its reach grew by a third.'), ['reach']));
});

describe('cues in the sentence before', () => {
  const { matches } = probe([{
    id: 'support-ticket', name: 'Support Ticket',
    langs: { en: { terms: [{ text: 'support ticket', status: 'preferred' }, { text: 'case', status: 'admitted', cues: ['support', 'priority'], notNear: ['court'] }] } },
  }], 'support');
  const at = (text: string) => matches(text, 'en');
  it('a cue in the sentence before counts', () => assert.deepStrictEqual(at('Write to support with the priority you need. Each case gets a number.'), ['case']));
  it('a cue two sentences back does not', () => assert.deepStrictEqual(at('Write to support first. Then wait a little. Each case gets a number.'), ['case?']));
  it('an everyday word counts in its own sentence only', () => assert.deepStrictEqual(at('The court ruled yesterday. Each case with a priority gets a number.'), ['case']));
});
