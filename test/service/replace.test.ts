/**
 * Replacements that fit the grammar: a fix writes the other term in the form the replaced one has (case and
 * number, definiteness, plural, possessive), in its capitals. Through the service's code actions, with the
 * built-in glossary; then fitTerm itself, and the slots inflect.ts gives the forms.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtin, docAt, settings } from '../helpers';
import { fitTerm } from '../../server/src/service/replace';
import { crossFileFindings, fileNames } from '../../server/src/service';
import type { Lang, Term } from '../../server/src/service/types';

const RULES = ['deprecated-term', 'mistranslation', 'inconsistent-term'];

/**
 * The text after the preferred fix of the term finding at `|`; the fix must replace exactly the flagged text.
 * With `all`, the "replace all" fix instead.
 */
function fixed(marked: string, all = false): string {
  const { doc, offset } = docAt(marked);
  const pos = doc.positionAt(offset);
  const actions = builtin().service.doCodeActions(doc, { start: pos, end: pos }, settings())
    .filter((a) => RULES.includes(String(a.diagnostics?.[0]?.code)));
  const action = all ? actions.find((a) => !a.isPreferred) : actions.find((a) => a.isPreferred);
  assert.ok(action, `no ${all ? '"replace all"' : 'preferred'} fix at the cursor; actions: ${JSON.stringify(actions.map((a) => a.title))}`);
  const edits = action!.edit!.changes![doc.uri];
  if (!all) assert.deepStrictEqual(edits.map((e) => e.range), [action!.diagnostics![0].range], 'the fix replaces the flagged text, no more');
  return TextDocument.applyEdits(doc, edits);
}

/** [document with the cursor in a flagged term, the document after its preferred fix] per language. */
const FIXES: Record<string, [string, string][]> = {
  pl: [
    // okazja (deprecated) → szansa sprzedażowa: the adjective agrees with the noun in every case
    ['Omówimy szczegóły |okazji z klientem na spotkaniu.', 'Omówimy szczegóły szansy sprzedażowej z klientem na spotkaniu.'], // gen. sg (also dat./loc. sg and gen. pl: read as gen. sg)
    ['Każdą |okazję wpisujemy do CRM przed końcem dnia.', 'Każdą szansę sprzedażową wpisujemy do CRM przed końcem dnia.'], // acc. sg
    ['Handlowiec pracuje nad |okazją z nowym klientem.', 'Handlowiec pracuje nad szansą sprzedażową z nowym klientem.'], // ins. sg
    ['Rozmawiamy o |okazjach w CRM co tydzień.', 'Rozmawiamy o szansach sprzedażowych w CRM co tydzień.'], // loc. pl
    ['Zarządzamy |okazjami w CRM przez cały kwartał.', 'Zarządzamy szansami sprzedażowymi w CRM przez cały kwartał.'], // ins. pl
    ['|Okazje trzeba wpisywać do CRM w ciągu dwóch dni.', 'Szanse sprzedażowe trzeba wpisywać do CRM w ciągu dwóch dni.'], // sentence start
    ['Dział sprzedaży dba o |OKAZJE i prognozy.', 'Dział sprzedaży dba o SZANSE SPRZEDAŻOWE i prognozy.'], // all capitals
    ['Każda |okazja w CRM musi mieć właściciela.', 'Każda szansa sprzedażowa w CRM musi mieć właściciela.'], // the base form
    // "okazji" may be genitive, dative or locative: a preposition before it says which
    ['Handlowiec informuje kierownika o każdej |okazji w lejku sprzedaży.', 'Handlowiec informuje kierownika o każdej szansie sprzedażowej w lejku sprzedaży.'], // o + loc. sg
    ['Nie zamykamy kwartału bez |okazji w CRM.', 'Nie zamykamy kwartału bez szansy sprzedażowej w CRM.'], // bez + gen. sg
    ['Dzięki |okazji z targów mamy nowego klienta.', 'Dzięki szansie sprzedażowej z targów mamy nowego klienta.'], // dzięki + dat. sg
    ['Po targach, |okazji w lejku sprzedaży jest więcej.', 'Po targach, szansy sprzedażowej w lejku sprzedaży jest więcej.'], // "po" is in another clause: gen. sg
    // rurociąg (mistranslation) → pipeline, an English loan with its endings after an apostrophe
    ['Lista |rurociągów jest przeglądana co tydzień przez kierownika sprzedaży.', "Lista pipeline'ów jest przeglądana co tydzień przez kierownika sprzedaży."], // gen. pl
    ['W |rurociągach sprzedaży mamy za mało szans w tym kwartale.', "W pipeline'ach sprzedaży mamy za mało szans w tym kwartale."], // loc. pl
    ['Klient zgłosił problem, a liczba |biletów w kolejce wsparcia rośnie.', 'Klient zgłosił problem, a liczba zgłoszeń w kolejce wsparcia rośnie.'], // gen. pl, masculine → neuter
    // personal masculine → inanimate masculine: the adjectives change with the gender
    ['Liczba |kwalifikowanych liderów sprzedaży rośnie z każdym kwartałem.', 'Liczba kwalifikowanych leadów sprzedażowych rośnie z każdym kwartałem.'],
    // the glossary's own forms of a term that does not inflect by the rules
    ['Dodaj link do |strony lądowania w kampanii.', "Dodaj link do landing page'a w kampanii."],
    // a multi-word term whose base form stays
    ['Każdy |typ ołowiu musi być opisany w umowie i sprawdzony w ciągu miesiąca.', 'Każdy typ leada musi być opisany w umowie i sprawdzony w ciągu miesiąca.'],
    // inconsistent-term: okazja sprzedażowa (admitted) → szansa sprzedażowa (preferred)
    ['Każda szansa sprzedażowa ma właściciela, a nowe |okazje sprzedażowe trzeba opisać w ciągu dwóch dni.', 'Każda szansa sprzedażowa ma właściciela, a nowe szanse sprzedażowe trzeba opisać w ciągu dwóch dni.'],
  ],
  sv: [
    // rörledning (mistranslation) → pipeline
    ['Säljchefen granskar |rörledningen varje vecka inför prognosen.', 'Säljchefen granskar pipelinen varje vecka inför prognosen.'], // definite
    ['|Rörledningarna i CRM-systemet granskas varje måndag av säljchefen.', 'Pipelinesen i CRM-systemet granskas varje måndag av säljchefen.'], // definite plural, sentence start
    ['Säljchefen granskar |RÖRLEDNINGEN inför varje kvartal.', 'Säljchefen granskar PIPELINEN inför varje kvartal.'], // all capitals
    ['Vi har en |rörledning per säljteam i CRM-systemet.', 'Vi har en pipeline per säljteam i CRM-systemet.'], // the base form
    // biljett (mistranslation) → ärende, common → neuter gender
    ['Alla |biljetterna i supportkön ska besvaras inom en dag.', 'Alla ärendena i supportkön ska besvaras inom en dag.'], // definite plural
    ['Kunden skickade två |biljetter till supporten i går.', 'Kunden skickade två ärenden till supporten i går.'], // plural
    // utsikt (mistranslation) → prospekt: the genitive
    ['Säljaren ansvarar för |utsiktens kontaktuppgifter och uppföljningen av varje möte i CRM-systemet.', 'Säljaren ansvarar för prospektets kontaktuppgifter och uppföljningen av varje möte i CRM-systemet.'],
    // inconsistent-term: the loanword opportunity → affärsmöjlighet (the glossary lists "opportunityn")
    ['Vi följer varje affärsmöjlighet i CRM-systemet. |Opportunityn ska ha en ägare och ett värde.', 'Vi följer varje affärsmöjlighet i CRM-systemet. Affärsmöjligheten ska ha en ägare och ett värde.'],
    ['Vi följer varje affärsmöjlighet i CRM-systemet. Alla |opportunities ska ha en ägare och ett värde.', 'Vi följer varje affärsmöjlighet i CRM-systemet. Alla affärsmöjligheter ska ha en ägare och ett värde.'],
    // a closed compound → a two-word term that does not inflect but for the forms the glossary lists
    ['Vi använder lead scoring i CRM-systemet. |Leadpoängsättningen görs varje vecka av marknadsteamet.', 'Vi använder lead scoring i CRM-systemet. Lead scoringen görs varje vecka av marknadsteamet.'],
    // multi-word terms: only the head changes
    ['Vi satsar på uppsökande försäljning. Den |utgående försäljningen sköts av säljteamet.', 'Vi satsar på uppsökande försäljning. Den uppsökande försäljningen sköts av säljteamet.'],
  ],
  nl: [
    // pijpleiding (mistranslation) → pipeline
    ['Saleschefen bekijkt de |pijpleidingen van alle teams elke week in het CRM.', 'Saleschefen bekijkt de pipelines van alle teams elke week in het CRM.'], // plural
    ['De |pijpleiding van het team wordt elke week in het CRM bijgewerkt.', 'De pipeline van het team wordt elke week in het CRM bijgewerkt.'], // the base form
    ['Onze |kampioenen bij de klant helpen ons de deal te sluiten.', 'Onze champions bij de klant helpen ons de deal te sluiten.'],
    ['Marketing verhoogt de |loodscores van leads die een demo aanvragen.', 'Marketing verhoogt de leadscores van leads die een demo aanvragen.'],
    ['We plannen twee |ontdekkingsgesprekken met de klant in het CRM.', 'We plannen twee discoverygesprekken met de klant in het CRM.'],
    // inconsistent-term: kans → opportunity (preferred)
    ['Elke opportunity wordt opgevolgd. |Kansen die blijven liggen, gaan terug naar marketing.', 'Elke opportunity wordt opgevolgd. Opportunities die blijven liggen, gaan terug naar marketing.'], // sentence start
    ['Elke opportunity wordt opgevolgd. ALLE |KANSEN WORDEN GEMELD aan de accountmanager.', 'Elke opportunity wordt opgevolgd. ALLE OPPORTUNITIES WORDEN GEMELD aan de accountmanager.'], // all capitals
    ['Elke opportunity wordt opgevolgd. Een |kans die niet wordt opgevolgd, gaat terug naar marketing.', 'Elke opportunity wordt opgevolgd. Een opportunity die niet wordt opgevolgd, gaat terug naar marketing.'], // the base form
    // a diminutive: discount → korting
    ['Elke korting moet worden goedgekeurd. Een klein |discountje voor een klant mag de accountmanager zelf geven.', 'Elke korting moet worden goedgekeurd. Een klein kortinkje voor een klant mag de accountmanager zelf geven.'],
    ['Elke factuur wordt gecontroleerd. Alle |invoices gaan naar de klant via het portaal.', 'Elke factuur wordt gecontroleerd. Alle facturen gaan naar de klant via het portaal.'],
    // multi-word terms: only the head changes
    ['Contracten kennen een stilzwijgende verlenging. Alle |automatische verlengingen worden een maand vooraf gemeld aan de klant.', 'Contracten kennen een stilzwijgende verlenging. Alle stilzwijgende verlengingen worden een maand vooraf gemeld aan de klant.'],
  ],
  en: [
    // inconsistent-term: quotation → sales quote (preferred); the head of a multi-word term takes the ending
    ['Every sales quote is approved by the deal desk. All |quotations are sent to the buyer within two days.', 'Every sales quote is approved by the deal desk. All sales quotes are sent to the buyer within two days.'],
    ["Every sales quote is approved by the deal desk. The |quotation's expiry date is thirty days.", "Every sales quote is approved by the deal desk. The sales quote's expiry date is thirty days."],
    ['Every sales quote is approved by the deal desk. |Quotations older than a month are withdrawn.', 'Every sales quote is approved by the deal desk. Sales quotes older than a month are withdrawn.'],
    ['Every sales quote is approved by the deal desk. ALL |QUOTATIONS ARE SENT to the buyer within two days.', 'Every sales quote is approved by the deal desk. ALL SALES QUOTES ARE SENT to the buyer within two days.'],
    ['Every sales quote is approved by the deal desk. Each |quotation is sent to the buyer within two days.', 'Every sales quote is approved by the deal desk. Each sales quote is sent to the buyer within two days.'],
    ['Each sales qualified lead goes to an account executive. The |sales-ready leads of last week are reviewed on Monday.', 'Each sales qualified lead goes to an account executive. The sales qualified leads of last week are reviewed on Monday.'],
    ['Our pricing tier decides the discount. Two |price plans are offered to small teams.', 'Our pricing tier decides the discount. Two pricing tiers are offered to small teams.'],
    ['Every contract needs an electronic signature. The |e-signatures are stored in the CRM.', 'Every contract needs an electronic signature. The electronic signatures are stored in the CRM.'],
  ],
};

describe('fixes write the replacement in the form of the replaced term', () => {
  for (const [lang, rows] of Object.entries(FIXES)) {
    describe(lang, () => {
      for (const [marked, expected] of rows) {
        it(marked.replace('|', '').slice(0, 70), () => assert.strictEqual(fixed(marked), expected));
      }
    });
  }

  it('"replace all" writes each occurrence in its own form', () => {
    assert.strictEqual(fixed('Każda szansa sprzedażowa ma właściciela. Opis |okazji sprzedażowej i lista okazji sprzedażowych trafiają do CRM.', true),
      'Każda szansa sprzedażowa ma właściciela. Opis szansy sprzedażowej i lista szans sprzedażowych trafiają do CRM.');
    assert.strictEqual(fixed('Elke opportunity wordt opgevolgd. Een |kans telt, en alle kansen worden gemeld aan de accountmanager.', true),
      'Elke opportunity wordt opgevolgd. Een opportunity telt, en alle opportunities worden gemeld aan de accountmanager.');
  });

  it('across files: the other file\'s name in the form of this one', () => {
    const { service } = builtin();
    const doc = (uri: string, text: string) => TextDocument.create(uri, 'markdown', 1, text);
    const a = doc('file:///ws/a.md', 'Elke opportunity wordt binnen twee dagen opgevolgd door de accountmanager van het team.');
    const b = doc('file:///ws/b.md', 'Alle kansen worden binnen twee dagen opgevolgd door de accountmanager van het team.');
    const names = [a, b].map((d) => fileNames(d.uri, d.getText(), service.analyze(d, settings())!, (o) => d.positionAt(o)));
    const found = crossFileFindings(names, () => 'ws').get(b.uri) ?? [];
    assert.deepStrictEqual(found.map((f) => f.fixes[0].edits[0].newText), ['opportunities']);
  });
});

/** A term of the built-in glossary. */
function term(lang: Lang, text: string): Term {
  const t = builtin().glossary.terms.find((x) => x.lang === lang && x.text === text);
  assert.ok(t, `no ${lang} term ${text}`);
  return t!;
}

describe('fitTerm', () => {
  /** [language, from, to, written, expected] */
  const CASES: [Lang, string, string, string, string][] = [
    ['pl', 'okazja', 'szansa sprzedażowa', 'okazji', 'szansy sprzedażowej'], // ambiguous: the genitive singular
    ['pl', 'okazja', 'szansa sprzedażowa', 'okazjom', 'szansom sprzedażowym'],
    ['pl', 'okazja', 'szansa sprzedażowa', 'Okazjo', 'Szanso sprzedażowa'], // vocative
    ['pl', 'szansa sprzedażowa', 'okazja sprzedażowa', 'szansach sprzedażowych', 'okazjach sprzedażowych'],
    ['pl', 'bilet', 'zgłoszenie', 'bilecie', 'zgłoszeniu'],
    ['pl', 'strona lądowania', 'landing page', 'stronie lądowania', "landing page'u"], // dative or locative: locative
    ['pl', 'strona lądowania', 'landing page', 'stron lądowania', "landing page'ów"],
    ['pl', 'rurociąg', 'pipeline', 'rurociągu', "pipeline'u"],
    ['pl', 'wielowątkowość', 'multi-threading', 'wielowątkowością', 'multi-threading'], // the target does not inflect
    ['pl', 'lider', 'lead', 'lidera', 'leada'], // two genitives by the rules (leadu, leada): the glossary's
    ['pl', 'typ ołowiu', 'typ leada', 'typom ołowiu', 'typom leadów'], // the complement in the plural, as in the term's plural
    ['pl', 'pytanie odkrywcze', 'pytanie diagnozujące', 'pytań odkrywczych', 'pytań diagnozujących'], // a form the glossary lists
    ['pl', 'podróż kupującego', 'ścieżka zakupowa', 'podróży kupujących', 'ścieżek zakupowych'], // a listed plural
    ['sv', 'outbound försäljning', 'outboundförsäljning', 'outbound försäljningar', 'outboundförsäljningar'], // a Swedish compound, not an English loan
    ['sv', 'affärsmöjlighet', 'opportunity', 'affärsmöjligheterna', 'opportunities'], // no definite plural of the loanword: its plural
    ['sv', 'lead scoring', 'leadpoängsättning', 'lead scoringen', 'leadpoängsättningen'],
    ['sv', 'lead scoring', 'leadpoängsättning', 'leadscoringen', 'leadpoängsättningen'], // written as a closed compound
    ['sv', 'sales qualified lead', 'säljkvalificerat lead', 'sales qualified leads', 'säljkvalificerade leads'],
    ['sv', 'deal', 'affärsmöjlighet', 'dealarnas', 'affärsmöjligheternas'],
    ['sv', 'utsikt', 'prospekt', 'utsikter', 'prospekt'],
    ['nl', 'kans', 'verkoopkans', 'kansen', 'verkoopkansen'],
    ['nl', 'kans', 'verkoopkans', 'kansje', 'verkoopkansje'],
    ['nl', 'kans', 'verkoopkans', 'Kansjes', 'Verkoopkansjes'],
    ['nl', 'kans', 'opportunity', 'kansje', 'opportunity'], // loanwords take no diminutive
    ['nl', 'offerte', 'quote', 'offertes', 'quotes'],
    ['en', 'sales qualified lead', 'sales-ready lead', 'sales qualified leads', 'sales-ready leads'],
    ['en', 'sales qualified lead', 'sales-ready lead', "Sales Qualified Lead's", "Sales-ready lead's"],
    ['en', 'lead scoring', 'scoring', 'lead scoring', 'scoring'],
    ['en', 'quotation', 'sales quote', "quotations'", "sales quotes'"],
    ['en', 'contract amendment', 'addendum', 'contract amendments', 'addenda'], // the glossary's plural
    // nothing to inflect by: the target's base form, in the case written
    ['en', 'quotation', 'sales quote', 'QUOTATIONZ', 'SALES QUOTE'], // not a form of the term
  ];
  for (const [lang, from, to, written, expected] of CASES) {
    it(`${lang}: ${written} (${from}) → ${expected}`, () => assert.strictEqual(fitTerm(written, term(lang, from), term(lang, to)), expected));
  }

  it('keeps the case only when the terms are of two languages, the target is a text, an acronym or Chinese', () => {
    assert.strictEqual(fitTerm('Kansen', term('nl', 'kans'), term('en', 'sales opportunity')), 'Sales opportunity');
    assert.strictEqual(fitTerm('Okazji', term('pl', 'okazja'), 'szansa sprzedażowa'), 'Szansa sprzedażowa');
    assert.strictEqual(fitTerm('opportunities', term('en', 'opportunity'), builtin().glossary.terms.find((t) => t.lang === 'en' && t.text === 'SQL')!), 'SQL');
    assert.strictEqual(fitTerm('銷售管道', term('zh-Hant', '銷售管道'), term('zh-Hant', '銷售管線')), '銷售管線');
  });

  it('writes the apostrophe the text writes', () => {
    assert.strictEqual(fitTerm('rurociągów', term('pl', 'rurociąg'), term('pl', 'pipeline')), "pipeline'ów");
    assert.strictEqual(fitTerm('RUROCIĄGÓW', term('pl', 'rurociąg'), term('pl', 'pipeline')), "PIPELINE'ÓW");
    assert.strictEqual(fitTerm('quotation’s', term('en', 'quotation'), term('en', 'sales quote')), 'sales quote’s');
  });
});
