/**
 * Guesses a document's language from its prose: the share of Han characters for Chinese, otherwise
 * counts of very common function words per language. Reads at most the first 20,000 characters
 * that are not ignored regions.
 */
import { BLOCK, isHanCode, isWordCode } from './fold';
import type { Lang } from './types';

const STOPWORDS: Record<Exclude<Lang, 'zh-Hant'>, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'are', 'for', 'with', 'that', 'this', 'we', 'our', 'you', 'your', 'be', 'it', 'on', 'by', 'must', 'will', 'when', 'which', 'from', 'each', 'within'],
  sv: ['och', 'att', 'det', 'är', 'som', 'för', 'med', 'av', 'på', 'inte', 'den', 'till', 'vi', 'har', 'ska', 'om', 'när', 'eller', 'inom', 'alla', 'vår', 'våra', 'efter', 'varje', 'säljare'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'voor', 'met', 'op', 'wij', 'we', 'zijn', 'moet', 'wordt', 'worden', 'binnen', 'naar', 'bij', 'ook', 'als', 'door', 'onze', 'elke'],
  pl: ['i', 'w', 'na', 'się', 'nie', 'jest', 'że', 'do', 'z', 'dla', 'to', 'od', 'przez', 'są', 'oraz', 'lub', 'po', 'jak', 'musi', 'który', 'która', 'które', 'każdy', 'w ciągu', 'dni'],
};
const TABLE = new Map<string, Lang[]>();
for (const [lang, words] of Object.entries(STOPWORDS) as [Lang, string[]][]) {
  for (const w of words) TABLE.set(w, [...(TABLE.get(w) ?? []), lang]);
}
/** Letters that only one of our Latin-script languages uses. */
const LETTERS: [RegExp, Lang][] = [[/[ąćęłńśźż]/g, 'pl'], [/[åä]/g, 'sv'], [/ij/g, 'nl']];

export interface Detection {
  lang: Lang;
  /** 0..1: how sure the guess is. Below 0.3 callers should prefer a configured language. */
  confidence: number;
}

export function detectLanguage(folded: Uint16Array, length = folded.length): Detection {
  const n = Math.min(length, 20000);
  let han = 0, letters = 0;
  const score: Record<Lang, number> = { en: 0, sv: 0, nl: 0, pl: 0, 'zh-Hant': 0 };
  let word = '';
  let sample = '';
  for (let i = 0; i <= n; i++) {
    const c = i < n ? folded[i] : 0x20;
    if (c !== BLOCK && isHanCode(c)) { han++; letters++; }
    if (i < n && c !== BLOCK && isWordCode(c) && !isHanCode(c)) {
      word += String.fromCharCode(c);
      letters++;
      continue;
    }
    if (word) {
      const langs = TABLE.get(word);
      if (langs) for (const l of langs) score[l] += 1 / langs.length;
      if (sample.length < 20000) sample += word + ' ';
      word = '';
    }
  }
  if (letters === 0) return { lang: 'en', confidence: 0 };
  if (han / letters > 0.2) return { lang: 'zh-Hant', confidence: Math.min(1, han / letters + 0.3) };
  for (const [re, lang] of LETTERS) score[lang] += ((sample.match(re)?.length ?? 0) * 0.5);
  const ranked = (['en', 'sv', 'nl', 'pl'] as Lang[]).sort((a, b) => score[b] - score[a]);
  const best = score[ranked[0]], second = score[ranked[1]];
  if (best === 0) return { lang: 'en', confidence: 0 };
  return { lang: ranked[0], confidence: Math.min(1, (best - second) / best) * Math.min(1, best / 5) };
}
