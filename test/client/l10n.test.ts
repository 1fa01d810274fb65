/**
 * The client's words (vscode.l10n): every bundle of l10n/ against the keys the code uses, and the words as a reader
 * sees them in each language, counts included.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { conceptCount, displayLang, findingCount, timesCount, type L10n } from '../../client/src/l10n';
import type { Lang } from '../../server/src/protocol';
import { ROOT } from '../helpers';
import { bundleL10n, bundlePath, format, LOCALES, readBundle, usedKeys, type Locale } from './l10n';

const placeholders = (s: string) => [...s.matchAll(/{([^}]+)}/g)].map((m) => m[1]).sort();

describe('client words (vscode.l10n)', () => {
  const { keys, errors } = usedKeys();

  it('the manifest points VS Code at l10n/, which holds one bundle per display language: sv, nl, pl, zh-tw', () => {
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).l10n, './l10n');
    assert.deepStrictEqual(fs.readdirSync(path.join(ROOT, 'l10n')).sort(), LOCALES.map((l) => path.basename(bundlePath(l))).sort());
    assert.ok(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!l10n/bundle.l10n.*.json'), 'the .vsix ships the bundles');
  });

  it('the code asks for its words by literal keys (as @vscode/l10n-dev reads them), and for enough of them', () => {
    assert.deepStrictEqual(errors, []);
    // The reader finds the calls: a sample of each file.
    for (const key of ['Insert term', 'Lingo could not answer: {0}', 'Change language', '{0} concepts/plural form: few']) assert.ok(keys.has(key), key);
    assert.ok(keys.size > 50, `only ${keys.size} keys found`);
  });

  it('every placeholder of an English message is filled by its call (a message and its arguments agree)', () => {
    // {0} … {n-1} without gaps: VS Code fills them by position.
    for (const k of keys.values()) {
      const p = placeholders(k.message);
      assert.deepStrictEqual(p, p.map((_, i) => String(i)), `${k.key} (${k.at.join(', ')})`);
    }
  });

  for (const locale of LOCALES) {
    describe(`bundle.l10n.${locale}.json`, () => {
      const bundle = readBundle(locale);
      // A plural form the language does not have is never asked for (Intl.PluralRules): its key is left out.
      const forms = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
      const needed = [...keys.values()].filter((k) => !k.form || forms.has(k.form));

      it('has every key the code uses, and none it does not', () => {
        const missing = needed.filter((k) => !(k.key in bundle)).map((k) => `${k.key} (${k.at.join(', ')})`);
        assert.deepStrictEqual(missing, [], `${locale} lacks these keys`);
        const unused = Object.keys(bundle).filter((k) => !needed.some((n) => n.key === k));
        assert.deepStrictEqual(unused, [], `${locale} has keys the code does not use (or plural forms ${locale} does not have)`);
      });

      it('translates each into a string with the same placeholders', () => {
        for (const k of needed) {
          const v = bundle[k.key];
          if (v === undefined) continue; // reported above
          assert.ok(typeof v === 'string' && v.trim() !== '', `${k.key}: not a text`);
          assert.deepStrictEqual(placeholders(v), placeholders(k.message), `${k.key} → ${v}`);
        }
      });
    });
  }

  it('looks a message up as VS Code does: the key, or the key with its comments; English when missing', () => {
    const pl = bundleL10n('pl');
    assert.strictEqual(pl.t('Insert term'), 'Wstaw termin');
    assert.strictEqual(pl.t('Lingo could not answer: {0}', 'timeout'), 'Nie udało się uzyskać odpowiedzi od Lingo: timeout');
    assert.strictEqual(pl.t({ message: '{0} concepts', args: [5], comment: ['plural form: many'] }), '5 pojęć');
    assert.strictEqual(pl.t('No such words {0}', 1), 'No such words 1');
    assert.strictEqual(format('{0} of {total}', { 0: 'a', total: 3 }), 'a of 3');
  });

  // [language, count, "concepts", "times", "findings"]
  const counts: [Locale | 'en', number, string, string, string][] = [
    ['en', 0, '0 concepts', '0 times', 'No findings'],
    ['en', 1, '1 concept', 'once', '1 finding'],
    ['en', 3, '3 concepts', '3 times', '3 findings'],
    ['sv', 1, '1 begrepp', 'en gång', '1 anmärkning'],
    ['sv', 4, '4 begrepp', '4 gånger', '4 anmärkningar'],
    ['nl', 1, '1 begrip', 'één keer', '1 melding'],
    ['nl', 7, '7 begrippen', '7 keer', '7 meldingen'],
    ['pl', 1, '1 pojęcie', 'raz', '1 uwaga'],
    ['pl', 2, '2 pojęcia', '2 razy', '2 uwagi'],
    ['pl', 5, '5 pojęć', '5 razy', '5 uwag'],
    ['pl', 12, '12 pojęć', '12 razy', '12 uwag'],
    ['pl', 22, '22 pojęcia', '22 razy', '22 uwagi'],
    ['pl', 25, '25 pojęć', '25 razy', '25 uwag'],
    ['pl', 104, '104 pojęcia', '104 razy', '104 uwagi'],
    ['zh-tw', 1, '1 個概念', '1 次', '1 項提示'],
    ['zh-tw', 0, '0 個概念', '0 次', '沒有提示'],
  ];
  for (const [locale, n, concepts, times, findings] of counts) {
    it(`counts in ${locale}: ${n} → “${concepts}”, “${times}”, “${findings}”`, () => {
      const l10n: L10n = bundleL10n(locale);
      assert.deepStrictEqual([conceptCount(l10n, n), timesCount(l10n, n), findingCount(l10n, n)], [concepts, times, findings]);
    });
  }

  // VS Code's display language (vscode.env.language) → the language the server names concepts and languages in.
  const display: [string, Lang][] = [['en', 'en'], ['sv', 'sv'], ['nl', 'nl'], ['pl', 'pl'], ['zh-tw', 'zh-Hant'], ['zh-hk', 'zh-Hant'], ['sv-se', 'sv'], ['nl-be', 'nl'], ['de', 'en'], ['pt-br', 'en'], ['plx', 'en']];
  for (const [vscodeLanguage, lang] of display) {
    it(`display language ${vscodeLanguage} → glossary language ${lang}`, () => assert.strictEqual(displayLang(vscodeLanguage), lang));
  }

  // Whole sentences, as a reader sees them: the count inside, quotes of the language.
  const sentences: [Locale | 'en', string][] = [
    ['en', 'Filter: “churn” — 2 concepts. Click × above to show all.'],
    ['sv', 'Filter: ”churn” – 2 begrepp. Klicka på × ovan för att visa alla.'],
    ['nl', 'Filter: ‘churn’ – 2 begrippen. Klik hierboven op × om alles weer te tonen.'],
    ['pl', 'Filtr: „churn” – 2 pojęcia. Kliknij × powyżej, aby znów zobaczyć wszystkie.'],
    ['zh-tw', '篩選：「churn」，共 2 個概念。按一下上方的 × 即可顯示全部。'],
  ];
  for (const [locale, text] of sentences) {
    it(`the Glossary view's filter message in ${locale}`, () => {
      const l10n = bundleL10n(locale);
      assert.strictEqual(l10n.t('Filter: “{0}” — {1}. Click × above to show all.', 'churn', conceptCount(l10n, 2)), text);
    });
  }

  // A filter that finds more than the view shows (1,000), and a domain's "Show 500 more…".
  const capped: [Locale | 'en', string, string][] = [
    ['en', 'Filter: “a” — the first 1000 concepts. Type more of the name to narrow it down, or click × above to show all.', 'Show 500 more…'],
    ['sv', 'Filter: ”a” – 1000 begrepp visas, men fler matchar. Skriv mer av namnet för att begränsa urvalet, eller klicka på × ovan för att visa alla.', 'Visa 500 till…'],
    ['nl', 'Filter: ‘a’ – de eerste 1000 begrippen. Typ meer van de naam om de lijst te verkleinen, of klik hierboven op × om alles weer te tonen.', 'Nog 500 tonen…'],
    ['pl', 'Filtr: „a” – pokazano pierwszych 1000 pojęć. Wpisz dłuższy fragment nazwy, aby zawęzić wyniki, albo kliknij × powyżej, aby znów zobaczyć wszystkie.', 'Pokaż jeszcze 500…'],
    ['zh-tw', '篩選：「a」，只顯示前 1000 個概念。輸入更完整的名稱即可縮小範圍，或按一下上方的 × 顯示全部。', '再顯示 500 個…'],
  ];
  for (const [locale, text, more] of capped) {
    it(`the Glossary view's words for a large glossary in ${locale}`, () => {
      const l10n = bundleL10n(locale);
      assert.strictEqual(l10n.t('Filter: “{0}” — the first {1}. Type more of the name to narrow it down, or click × above to show all.', 'a', conceptCount(l10n, 1000)), text);
      assert.strictEqual(l10n.t('Show {0} more…', '500'), more);
    });
  }
});
