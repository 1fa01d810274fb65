/**
 * The built-in glossary knows where its words are jargon: per language, sentences (our own) in which a word is
 * the concept, and sentences in which the same word has its everyday sense and must get no hover and no
 * diagnostic. And a property: adding everyday sentences to a document never adds a diagnostic.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtin, settings } from '../helpers';

let n = 0;
const doc = (text: string) => TextDocument.create(`file:///senses-builtin/${++n}.md`, 'markdown', 1, text);

/** The concepts found at `word` (its first occurrence in `text`), with "?" when doubtful. */
function conceptsAt(text: string, word: string, language: string): string[] {
  const { service } = builtin();
  const a = service.analyze(doc(text), settings({ language }))!;
  const at = text.indexOf(word);
  assert.ok(at >= 0, `"${word}" is not in the sentence`);
  return a.occurrences.filter((o) => o.start < at + word.length && o.end > at).map((o) => `${o.term.concept.id}${o.doubtful ? '?' : ''}`);
}

function diagnosticsOf(text: string, language: string): string[] {
  return builtin().service.doValidation(doc(text), settings({ language })).map((d) => `${String(d.code)} ${text.slice(doc(text).offsetAt(d.range.start), doc(text).offsetAt(d.range.end))}`);
}

/** [language, sentence, word, concept the word is there] */
const JARGON: [string, string, string, string][] = [
  ['en', 'Every lead gets a first call within one business day.', 'lead', 'lead'],
  ['en', 'Log each account you own in the CRM with its parent company.', 'account', 'account'],
  ['en', 'We review the sales pipeline with each AE every Monday.', 'pipeline', 'sales-pipeline'],
  ['en', 'Each SQL is called within four hours by the assigned rep.', 'SQL', 'sales-qualified-lead'],
  ['en', 'Customers who churn in the first year get an exit survey.', 'churn', 'churn'],
  ['en', 'Each pod has one AE, one SDR and one CSM who share a territory.', 'pod', 'sales-pod'],
  ['sv', 'Varje lead ska ringas upp inom en arbetsdag.', 'lead', 'lead'],
  ['sv', 'Uppdatera affärsmöjligheten i CRM:et efter varje möte.', 'affärsmöjligheten', 'opportunity'],
  ['sv', 'Prospektet har visat intresse och vill boka en demo med en säljare.', 'Prospektet', 'prospect'],
  ['nl', 'Elke kans in het CRM krijgt een eigenaar en een sluitingsdatum.', 'kans', 'opportunity'],
  ['nl', 'Zet de deal pas op gewonnen als het contract getekend is.', 'deal', 'opportunity'],
  ['nl', 'De pipeline van dit kwartaal telt veertig deals.', 'pipeline', 'sales-pipeline'],
  ['pl', 'Każda szansa sprzedażowa w CRM ma właściciela i datę zamknięcia.', 'szansa sprzedażowa', 'opportunity'],
  ['pl', 'Handlowiec dzwoni do każdego leada w ciągu jednego dnia roboczego.', 'leada', 'lead'],
  ['pl', 'Nasz pipeline na ten kwartał ma czterdzieści dealów.', 'pipeline', 'sales-pipeline'],
  ['zh-Hant', '每個商機都要在 CRM 裡指定負責的業務。', '商機', 'opportunity'],
  ['zh-Hant', '這筆交易上週正式成交，合約已經簽回。', '成交', 'closed-won'],
  ['zh-Hant', '客戶流失是客戶成功團隊最重視的指標。', '客戶流失', 'churn'],
];

/** [language, sentence, the word that must not be a term there] */
const EVERYDAY: [string, string, string][] = [
  ['en', 'Please take the holidays into account when you plan the rollout.', 'account'],
  // An English term written as a small word of the document's language is that word: Polish "pod" (under).
  ['pl', 'Rabat obowiązuje pod warunkiem podpisania umowy na dwa lata z każdym klientem.', 'pod'],
  ['en', 'On account of the storm, the office closes early today.', 'account'],
  ['en', 'Create an account with your work email and set a strong password.', 'account'],
  ['en', 'Ask your team lead before you book time off.', 'lead'],
  ['en', 'The lead time for new laptops is three weeks.', 'lead'],
  ['en', 'Poor onboarding leads to frustration in the first month.', 'leads'],
  ['en', 'The data pipeline loads the warehouse every night.', 'pipeline'],
  ['en', 'The CI/CD pipeline runs the tests on every commit.', 'pipeline'],
  ['en', 'Write an SQL query to count the rows in each table.', 'SQL'],
  ['en', 'The API quota resets every hour.', 'quota'],
  ['en', 'Data retention rules say logs are kept for 90 days.', 'retention'],
  ['sv', 'Logga in på ditt konto med lösenordet du fick via mejl.', 'konto'],
  ['sv', 'Bolaget publicerade prospektet inför börsnoteringen.', 'prospektet'],
  ['nl', 'De kans is groot dat het morgen regent.', 'kans'],
  ['nl', 'Hoe groter de kans op succes, hoe beter.', 'kans'],
  ['nl', 'Maak een account aan en kies een wachtwoord.', 'account'],
  ['pl', 'Przy okazji zapytaj, czy biuro jest otwarte w sobotę.', 'okazji'],
  ['pl', 'Z okazji świąt życzymy wszystkim spokoju.', 'okazji'],
  ['pl', 'Zaloguj się na swoje konto Google i zmień hasło.', 'konto'],
  ['pl', 'Jest duża szansa, że spotkanie się przesunie.', 'szansa'],
  ['zh-Hant', '今天台股的成交量放大，成交價也創新高。', '成交'],
  ['zh-Hant', '警方在現場找到重要的破案線索。', '線索'],
  ['zh-Hant', '茶水間的漏斗請用完後洗乾淨。', '漏斗'],
];

describe('senses in the built-in glossary', () => {
  describe('jargon: the word is the concept, surely', () => {
    for (const [lang, text, word, concept] of JARGON) {
      it(`${lang}: ${text}`, () => assert.deepStrictEqual(conceptsAt(text, word, lang).filter((c) => c.startsWith(concept)), [concept]));
    }
  });

  describe('everyday: no hover, no diagnostic', () => {
    for (const [lang, text, word] of EVERYDAY) {
      it(`${lang}: ${text}`, () => {
        assert.deepStrictEqual(conceptsAt(text, word, lang), []);
        assert.deepStrictEqual(diagnosticsOf(text, lang), []);
      });
    }
  });

  it('adding everyday sentences to a document never adds a diagnostic', () => {
    const byLang = new Map<string, { jargon: string[]; everyday: string[] }>();
    for (const [l, s] of JARGON) (byLang.get(l) ?? byLang.set(l, { jargon: [], everyday: [] }).get(l)!).jargon.push(s);
    for (const [l, s] of EVERYDAY) byLang.get(l)!.everyday.push(s);
    const langs = [...byLang.keys()];
    fc.assert(
      fc.property(
        fc.constantFrom(...langs).chain((lang) => fc.record({
          lang: fc.constant(lang),
          jargon: fc.array(fc.constantFrom(...byLang.get(lang)!.jargon), { minLength: 1, maxLength: 6 }),
          everyday: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...byLang.get(lang)!.everyday)), { minLength: 1, maxLength: 4 }),
        })),
        ({ lang, jargon, everyday }) => {
          const paragraphs = [...jargon];
          for (const [at, s] of everyday) paragraphs.splice(at % (paragraphs.length + 1), 0, s);
          const before = diagnosticsOf(jargon.join('\n\n'), lang).sort();
          const after = diagnosticsOf(paragraphs.join('\n\n'), lang).sort();
          assert.deepStrictEqual(after, before);
        },
      ),
      { numRuns: 150, seed: 20261205 },
    );
  });
});
