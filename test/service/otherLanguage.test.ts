/**
 * A deprecated term whose concept has no term to use in the document's language (a termbase often exports a concept
 * whose Swedish entry holds only a forbidden term): the replacement comes from another language, and the message, the
 * fix's title and the hover say which; the fix is never the preferred one, and `lingo check --fix` leaves it alone
 * (autoFixOf). Per language, over the built-in glossary with a small team glossary merged over it.
 */
import * as assert from 'assert';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { autoFixOf, buildGlossary, getLanguageService, mergeGlossaries, resolveSettings, validateGlossaryFile, type Lang } from '../../server/src/service';
import { readGlossaryFolder } from '../../server/src/node/glossaryFiles';
import { attachHanLexicon, lexiconFile } from '../../server/src/node/hanLexicon';
import { ROOT } from '../helpers';

/** A team glossary (workspace-glossary schema): concepts whose only terms in some languages are deprecated. */
export const TEAM = {
  concepts: [
    {
      id: 'sell-sheet', name: 'Sell sheet',
      langs: {
        en: { terms: [{ text: 'sell sheet', status: 'preferred' }] },
        sv: { terms: [{ text: 'säljblad', status: 'deprecated' }] },
        nl: { terms: [{ text: 'verkoopblad', status: 'deprecated' }] },
        pl: { terms: [{ text: 'karta sprzedażowa', status: 'deprecated' }] },
        'zh-Hant': { terms: [{ text: '銷售單頁', status: 'deprecated' }] },
      },
    },
    // No approved English term: an English document is offered the Swedish one.
    { id: 'one-pager', name: 'One-pager', langs: { en: { terms: [{ text: 'one-pager', status: 'deprecated' }] }, sv: { terms: [{ text: 'produktblad', status: 'preferred' }] } } },
    // An approved term in the document's language: that one, as always.
    { id: 'sales-kickoff', name: 'Sales kickoff', langs: { en: { terms: [{ text: 'sales kickoff', status: 'preferred' }] }, sv: { terms: [{ text: 'säljkickoff', status: 'preferred' }, { text: 'säljuppstart', status: 'deprecated' }] } } },
    // No term to use in any language: no fix at all.
    { id: 'spray-and-pray', name: 'Spray and pray', langs: { en: { terms: [{ text: 'spray and pray', status: 'deprecated' }] }, nl: { terms: [{ text: 'hagelschot', status: 'deprecated' }] } } },
    // Two names of other languages than the document's: an inconsistency whose fix writes a third language.
    { id: 'win-wire', name: 'Win wire', langs: { en: { terms: [{ text: 'win wire', status: 'preferred' }] }, nl: { terms: [{ text: 'winstbericht', status: 'admitted' }] } } },
    // A mistranslation whose concept has no Polish term to use.
    { id: 'swag-bag', name: 'Swag bag', langs: { en: { terms: [{ text: 'swag bag', status: 'preferred' }] }, pl: { terms: [{ text: 'torba łupów', status: 'deprecated', mistranslation: true, note: 'Tłumaczenie maszynowe.' }] } } },
  ],
};

const { sources, domains } = readGlossaryFolder(path.join(ROOT, 'glossary'));
const merged = mergeGlossaries(sources, [{ file: 'lingo.glossary.json', data: TEAM }]);
const built = buildGlossary(merged.sources, { domains, trusted: true });
attachHanLexicon(built.glossary, lexiconFile(path.join(ROOT, 'dist')));
const service = getLanguageService(built.glossary);

let n = 0;
/** What the document's finding on `term` says and offers: message, fix titles (preferred marked *), the text after the first fix, and whether --fix applies it. */
function probe(lang: Lang, text: string, term: string) {
  const doc = TextDocument.create(`file:///other/${++n}.md`, 'markdown', 1, text);
  const settings = resolveSettings({ language: lang });
  const f = service.findings(doc, settings).find((x) => text.slice(x.start, x.end) === term);
  assert.ok(f, `no finding on ${term}: ${service.findings(doc, settings).map((x) => text.slice(x.start, x.end))}`);
  const fix = f.fixes[0];
  const fixed = fix && text.slice(0, fix.edits[0].start) + fix.edits[0].newText + text.slice(fix.edits[0].end);
  const hover = service.doHover(doc, doc.positionAt(f.start + 1), settings);
  return {
    rule: f.rule, message: f.message,
    titles: f.fixes.map((x) => `${x.preferred ? '*' : ''}${x.title}`),
    fixed, auto: autoFixOf(f) !== undefined,
    hover: hover ? (hover.contents as { value: string }).value.split('\n').find((l) => l.startsWith('⚠')) : undefined,
  };
}

type Row = [lang: Lang, text: string, term: string, message: string, titles: string[], fixed: string | undefined, auto: boolean, hover: string];

const ROWS: Row[] = [
  ['sv', 'Vi skickar alltid ett säljblad till kunden före mötet.', 'säljblad',
    'Undvik ”säljblad”. Ordlistan har ingen godkänd term på svenska; på engelska heter det ”sell sheet”.',
    ['Ersätt med den engelska termen ”sell sheet”'], 'Vi skickar alltid ett sell sheet till kunden före mötet.', false,
    '⚠ Undvik: ”säljblad” → **sell sheet** (på engelska)'],
  ['nl', 'We sturen altijd een verkoopblad naar de klant voor het gesprek.', 'verkoopblad',
    'Vermijd ‘verkoopblad’. De woordenlijst heeft geen goedgekeurde term in het Nederlands; in het Engels heet het ‘sell sheet’.',
    ['Vervangen door de Engelse term ‘sell sheet’'], 'We sturen altijd een sell sheet naar de klant voor het gesprek.', false,
    '⚠ Vermijd: ‘verkoopblad’ → **sell sheet** (in het Engels)'],
  ['pl', 'Każda karta sprzedażowa trafia do klienta przed spotkaniem.', 'karta sprzedażowa',
    'Unikaj „karta sprzedażowa”. Słowniczek nie zawiera zatwierdzonego terminu w języku polskim; w języku angielskim jest to „sell sheet”.',
    ['Zastąp przez angielski termin „sell sheet”'], 'Każda sell sheet trafia do klienta przed spotkaniem.', false,
    '⚠ Unikaj: „karta sprzedażowa” → **sell sheet** (w języku angielskim)'],
  ['zh-Hant', '每份銷售單頁都要在會議前寄給客戶。', '銷售單頁',
    '請避免使用「銷售單頁」。詞彙表沒有核可的中文用語；英文稱為「sell sheet」。',
    ['取代為英文用語「sell sheet」'], '每份sell sheet都要在會議前寄給客戶。', false,
    '⚠ 避免使用: 「銷售單頁」 → **sell sheet**（英文）'],
  ['en', 'Attach the one-pager to every proposal you send.', 'one-pager',
    'Avoid “one-pager”. The glossary has no approved term in English; in Swedish it is “produktblad”.',
    ['Replace with the Swedish term “produktblad”'], 'Attach the produktblad to every proposal you send.', false,
    '⚠ Avoid: “one-pager” → **produktblad** (in Swedish)'],
  // The document's language has a term to use: as always, the preferred fix, applied by --fix.
  ['sv', 'Vår säljuppstart hålls i januari varje år.', 'säljuppstart',
    'Undvik ”säljuppstart”: skriv ”säljkickoff”.',
    ['*Ersätt med ”säljkickoff”'], 'Vår säljkickoff hålls i januari varje år.', true,
    '⚠ Undvik: ”säljuppstart” → **säljkickoff**'],
  // No term to use in any language: said so, and no fix.
  ['nl', 'Deze campagne is hagelschot: iedereen krijgt dezelfde mail.', 'hagelschot',
    'Vermijd ‘hagelschot’. De woordenlijst noemt geen term die je in plaats daarvan kunt gebruiken.',
    [], undefined, false,
    '⚠ Vermijd: ‘hagelschot’'],
  ['en', 'This campaign was spray and pray: everyone got the same mail.', 'spray and pray',
    'Avoid “spray and pray”. The glossary gives no term to use instead.',
    [], undefined, false,
    '⚠ Avoid: “spray and pray”'],
  // A mistranslation with no Polish term to use.
  ['pl', 'Każdy gość targów dostaje torba łupów z logo firmy.', 'torba łupów',
    '„torba łupów” to błędne tłumaczenie. Słowniczek nie zawiera zatwierdzonego terminu w języku polskim; w języku angielskim jest to „swag bag”. Tłumaczenie maszynowe.',
    ['Zastąp przez angielski termin „swag bag”'], 'Każdy gość targów dostaje swag bag z logo firmy.', false,
    '⚠ Błędne tłumaczenie: „torba łupów” — Tłumaczenie maszynowe. → **swag bag** (w języku angielskim)'],
];

describe('fixes into another language (a concept with no term to use in the document\'s language)', () => {
  it('the team glossary is valid against the workspace-glossary schema and merges cleanly', () => {
    assert.deepStrictEqual(validateGlossaryFile('lingo.glossary.json', TEAM, 'workspace'), []);
    assert.deepStrictEqual(merged.issues, []);
    assert.deepStrictEqual(built.issues.filter((i) => i.file === 'lingo.glossary.json'), []);
  });

  for (const [lang, text, term, message, titles, fixed, auto, hover] of ROWS) {
    it(`${lang}: ${term}`, () => {
      const p = probe(lang, text, term);
      assert.deepStrictEqual(p, { rule: p.rule, message, titles, fixed, auto, hover });
      assert.strictEqual(p.rule, term === 'torba łupów' ? 'mistranslation' : 'deprecated-term');
    });
  }

  it('inconsistent-term: a fix that writes a third language names it, and is not the preferred one', () => {
    const text = 'Efter varje affär skickar vi en win wire till alla. Ett winstbericht till ledningen räcker inte.';
    const doc = TextDocument.create(`file:///other/${++n}.md`, 'markdown', 1, text);
    const f = service.findings(doc, resolveSettings({ language: 'sv' })).find((x) => x.rule === 'inconsistent-term');
    assert.ok(f);
    assert.strictEqual(text.slice(f.start, f.end), 'winstbericht');
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, !!x.preferred, x.otherLanguage]), [['Ersätt med den engelska termen ”win wire”', false, 'en']]);
    assert.deepStrictEqual(f.fixTitles, [{ title: 'Ersätt med den engelska termen ”win wire”', preferred: false, otherLanguage: 'en' }]);
  });

  it('code actions: a fix into another language is offered, but not as the preferred one (an editor\'s auto fix leaves it)', () => {
    const text = 'Vi skickar alltid ett säljblad till kunden före mötet.';
    const doc = TextDocument.create(`file:///other/${++n}.md`, 'markdown', 1, text);
    const settings = resolveSettings({ language: 'sv' });
    const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
    for (const resolvable of [false, true]) {
      const actions = service.doCodeActions(doc, whole, settings, undefined, undefined, resolvable).filter((a) => a.diagnostics?.some((d) => d.code === 'deprecated-term'));
      const fix = actions.find((a) => a.title === 'Ersätt med den engelska termen ”sell sheet”');
      assert.ok(fix, actions.map((a) => a.title).join(' | '));
      assert.ok(!fix.isPreferred, `resolvable ${resolvable}`);
    }
  });
});
