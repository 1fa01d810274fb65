/** The concept card's HTML, in-process: what a reader sees in it, per language, and what it may load. */
import * as assert from 'assert';
import type { ConceptCard, Lang } from '../../server/src/protocol';
import { cardHtml, cardTitle } from '../../client/src/cardHtml';
import { bundleL10n, LOCALE_OF } from './l10n';

const OPPORTUNITY: ConceptCard = {
  id: 'opportunity',
  name: 'opportunity',
  domain: 'Sales process',
  source: 'builtin',
  langNames: { en: 'English', sv: 'Swedish', nl: 'Dutch', pl: 'Polish', 'zh-Hant': 'Chinese' },
  langs: {
    en: { definition: 'A potential deal with a qualified buyer.', terms: [{ text: 'opportunity', status: 'preferred' }, { text: 'opp', status: 'admitted' }], acronyms: [] },
    sv: { definition: 'En potentiell affär.', terms: [{ text: 'affärsmöjlighet', status: 'preferred' }, { text: 'opportunity', status: 'admitted' }], acronyms: [] },
    pl: { terms: [{ text: 'szansa sprzedażowa', status: 'preferred' }, { text: 'okazja', status: 'deprecated' }, { text: 'możliwość', status: 'deprecated', mistranslation: true }], acronyms: [] },
    'zh-Hant': { definition: '已確認買方、業務正在跟進的潛在交易。', terms: [{ text: '商機', status: 'preferred' }], acronyms: [{ text: 'OPP', expansion: 'opportunity <b>' }] },
  },
  related: [{ id: 'sales-pipeline', name: 'sales pipeline' }],
  usage: [{ uri: 'file:///w/a.md', count: 3 }],
};
const NONCE = 'bm9uY2U=';

function render(focus: Lang, card: ConceptCard = OPPORTUNITY, words: Lang = 'en', usage = [{ label: 'docs/a.md', uri: 'file:///w/docs/a.md', count: 3 }]): string {
  return cardHtml({ card, focus, usage, l10n: bundleL10n(words === 'en' ? 'en' : LOCALE_OF[words]), nonce: NONCE });
}

/** The text a reader sees, one block per line: tags become line breaks, the script and styles are left out. */
function visible(html: string): string[] {
  return html
    .replace(/<(script|style|title)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<\/(li|h1|h2|h3|p|button|section|footer)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .split('\n').map((s) => s.trim()).filter(Boolean);
}

describe('concept card', () => {
  it('shows the title, domain, actions, each language with its terms and definition, related concepts and uses', () => {
    assert.deepStrictEqual(visible(render('en')), [
      'opportunity', 'Sales process · Built-in glossary',
      'Insert term', 'Insert definition', 'Find all uses',
      'English', 'opportunity', 'opp', 'A potential deal with a qualified buyer.',
      'Swedish', 'affärsmöjlighet', 'opportunity', 'En potentiell affär.',
      'Polish', 'szansa sprzedażowa', 'okazja (avoid)', '⚠ możliwość (mistranslation: do not use)',
      'Chinese', '商機', 'OPP — opportunity <b>', '已確認買方、業務正在跟進的潛在交易。',
      'Related concepts', 'sales pipeline',
      'Used in', 'docs/a.md 3 times',
      'Bold: preferred term · plain: also accepted · struck through: avoid · ⚠ mistranslation',
    ]);
  });

  // [reading language, words of the editor, title, first language section, the buttons]
  const cases: [Lang, Lang, string, string, string[]][] = [
    ['sv', 'sv', 'affärsmöjlighet', 'Swedish', ['Infoga term', 'Infoga definition', 'Hitta alla förekomster']],
    ['pl', 'pl', 'szansa sprzedażowa', 'Polish', ['Wstaw termin', 'Wstaw definicję', 'Znajdź wszystkie wystąpienia']],
    ['zh-Hant', 'zh-Hant', '商機', 'Chinese', ['插入術語', '插入定義', '尋找所有出現位置']],
    ['nl', 'nl', 'opportunity', 'English', ['Term invoegen', 'Definitie invoegen', 'Alle vindplaatsen zoeken']],
  ];
  for (const [focus, words, title, first, buttons] of cases) {
    it(`read in ${focus}: titled “${title}”, ${first} first, buttons in ${words}`, () => {
      const html = render(focus, OPPORTUNITY, words);
      const text = visible(html);
      assert.strictEqual(text[0], title);
      assert.deepStrictEqual(text.slice(2, 5), buttons);
      assert.strictEqual(text[5], first);
      assert.strictEqual(cardTitle(OPPORTUNITY, focus), title);
    });
  }

  it('marks status in the markup: preferred bold, deprecated struck, a mistranslation struck with ⚠', () => {
    const html = render('en');
    assert.match(html, /<li class="term preferred"[^>]*><strong>szansa sprzedażowa<\/strong><\/li>/);
    assert.match(html, /<li class="term admitted"[^>]*>opp<\/li>/);
    assert.match(html, /<li class="term deprecated"[^>]*><s>okazja<\/s>/);
    assert.match(html, /<li class="term mistranslation"[^>]*><span aria-hidden="true">⚠ <\/span><s>możliwość<\/s>/);
  });

  it('loads nothing from outside and runs only its own script, under a nonce', () => {
    const html = render('en');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.strictEqual(csp, `default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`);
    assert.deepStrictEqual(html.match(/<(script|style)[^>]*>/g), [`<style nonce="${NONCE}">`, `<script nonce="${NONCE}">`]);
    assert.doesNotMatch(html, /\b(src|href)="(?!#)/);
    assert.doesNotMatch(html, /https?:/);
    assert.doesNotMatch(html, / on[a-z]+=/, 'no inline event handlers');
    // Colours and fonts come from the editor's theme.
    for (const v of ['--vscode-font-family', '--vscode-foreground', '--vscode-editor-background', '--vscode-button-background', '--vscode-textLink-foreground']) assert.ok(html.includes(`var(${v}`), v);
  });

  it('escapes the glossary text: a team glossary cannot put markup or script into the card', () => {
    const card: ConceptCard = {
      ...OPPORTUNITY, name: '<img src=x onerror=alert(1)>', domain: '"><script>alert(1)</script>', source: 'team',
      definitionLocation: { uri: 'file:///w/lingo.glossary.json', range: { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } } },
      langs: { en: { definition: '</p><script>alert(2)</script>', terms: [{ text: "it's <b>", status: 'preferred' }], acronyms: [] } },
      related: [{ id: '" onclick="x', name: '<i>x</i>' }],
    };
    const html = render('en', card, 'en', [{ label: '<a>.md', uri: 'file:///w/"x.md', count: 1 }]);
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(html, /<img|<b>|<i>|<a>|onclick="x/);
    assert.deepStrictEqual(visible(html).slice(0, 2), ["it's <b>", '"><script>alert(1)</script> · Team glossary · Open in the team glossary']);
    assert.ok(visible(html).includes('<a>.md once'));
  });

  it('a concept no document uses says so', () => {
    assert.ok(visible(render('en', OPPORTUNITY, 'sv', [])).includes('Inget dokument i arbetsytan använder det ännu.'));
  });
});
