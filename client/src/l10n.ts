/**
 * The client's words go through `vscode.l10n.t`: the English text in the code is the key, and VS Code gives its
 * translation from `l10n/bundle.l10n.<language>.json` (sv, nl, pl, zh-tw), the bundle of its display language.
 * Modules that must not import `vscode` (the card's HTML, tested in-process) take an `L10n` instead; the extension
 * hands them `vscode.l10n` and the plural rules of the language its words are shown in.
 *
 * A key is a string literal (test/client/l10n.test.ts reads the keys from the code, as `@vscode/l10n-dev export`
 * does, and checks every bundle against them). A count takes one key per plural form, chosen by `counted`.
 */
import type { Lang } from '../../server/src/protocol';

export type L10nArg = string | number | boolean;

export interface L10n {
  t(message: string, ...args: L10nArg[]): string;
  t(options: { message: string; args?: L10nArg[]; comment: string | string[] }): string;
  /** The plural form (Intl.PluralRules) of `n` in the language the words are shown in. */
  plural(n: number): Intl.LDMLPluralRule;
}

/**
 * A count in words: the form of `n`'s plural category. English and the other languages need `one` and `other`;
 * Polish also `few` (2–4, 22–24…) and `many` (5–21, 25–31…), which are keys of their own, marked by the comment
 * `plural form: few` / `plural form: many` (a bundle of a language without that form leaves its key out).
 */
export function counted(l10n: L10n, n: number, forms: { one: () => string; few: () => string; many: () => string; other: () => string }): string {
  const form = l10n.plural(n);
  return (form === 'one' || form === 'few' || form === 'many' ? forms[form] : forms.other)();
}

/**
 * The glossary language closest to the display language: the language the server names domains and languages in
 * for the Glossary view and the card (data, not the client's words), and the fallback language of a document.
 * VS Code's locale ids: `zh-tw` (Traditional Chinese), `sv`, `nl`, `pl` (language packs may add a region).
 */
export function displayLang(vscodeLanguage: string): Lang {
  const l = vscodeLanguage.toLowerCase();
  if (l.startsWith('zh')) return 'zh-Hant';
  for (const c of ['sv', 'nl', 'pl'] as const) if (l === c || l.startsWith(`${c}-`)) return c;
  return 'en';
}

/** How often a file uses a concept (the card): "once", "3 times". */
export const timesCount = (l10n: L10n, n: number) => counted(l10n, n, {
  one: () => l10n.t({ message: 'once', comment: ['plural form: one'] }),
  few: () => l10n.t({ message: '{0} times', args: [n], comment: ['plural form: few'] }),
  many: () => l10n.t({ message: '{0} times', args: [n], comment: ['plural form: many'] }),
  other: () => l10n.t('{0} times', n),
});

/** How many concepts the Glossary view's filter found: "1 concept", "3 concepts". */
export const conceptCount = (l10n: L10n, n: number) => counted(l10n, n, {
  one: () => l10n.t({ message: '{0} concept', args: [n], comment: ['plural form: one'] }),
  few: () => l10n.t({ message: '{0} concepts', args: [n], comment: ['plural form: few'] }),
  many: () => l10n.t({ message: '{0} concepts', args: [n], comment: ['plural form: many'] }),
  other: () => l10n.t('{0} concepts', n),
});

/** A document's findings (the language status): "No findings", "1 finding", "3 findings". */
export const findingCount = (l10n: L10n, n: number) => n === 0 ? l10n.t('No findings') : counted(l10n, n, {
  one: () => l10n.t({ message: '{0} finding', args: [n], comment: ['plural form: one'] }),
  few: () => l10n.t({ message: '{0} findings', args: [n], comment: ['plural form: few'] }),
  many: () => l10n.t({ message: '{0} findings', args: [n], comment: ['plural form: many'] }),
  other: () => l10n.t('{0} findings', n),
});

export const LANG_CODES: Lang[] = ['en', 'sv', 'nl', 'pl', 'zh-Hant'];

/** A language name as the first word of a label: "svenska" → "Svenska". */
export const capital = (s: string, locale?: string) => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
