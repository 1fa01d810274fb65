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
/** The longest stop word: a longer word is none, and is not made into a string. */
const LONGEST = Math.max(...[...TABLE.keys()].map((w) => w.length));
/** Letters that only one of our Latin-script languages uses (and Dutch "ij"), each worth half a stop word. */
const PL_LETTERS = [...'ąćęłńśźż'].map((c) => c.charCodeAt(0));
const SV_LETTERS = [...'åä'].map((c) => c.charCodeAt(0));
const I = 0x69, J = 0x6a;
/** Below this code no letter is special (a Set's lookup per letter was most of the detection's time). */
const FIRST_SPECIAL = Math.min(...PL_LETTERS, ...SV_LETTERS);

export interface Detection {
  lang: Lang;
  /** 0..1: how sure the guess is. Below 0.3 callers should prefer a configured language. */
  confidence: number;
}

export function detectLanguage(folded: Uint16Array, length = folded.length): Detection {
  const n = Math.min(length, 20000);
  let han = 0, letters = 0;
  const score: Record<Lang, number> = { en: 0, sv: 0, nl: 0, pl: 0, 'zh-Hant': 0 };
  // The words are read where they stand: only a word short enough to be a stop word is made a string. The special
  // letters are counted in the words of the first 20,000 characters of words and spaces after them (the sample).
  let start = -1;
  let sample = 0, pl = 0, sv = 0, nl = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? folded[i] : 0x20;
    if (c !== BLOCK && isHanCode(c)) { han++; letters++; }
    if (i < n && c !== BLOCK && isWordCode(c) && !isHanCode(c)) {
      if (start < 0) start = i;
      letters++;
      continue;
    }
    if (start >= 0) {
      if (i - start <= LONGEST) {
        let w = '';
        for (let k = start; k < i; k++) w += String.fromCharCode(folded[k]);
        const langs = TABLE.get(w);
        if (langs) for (const l of langs) score[l] += 1 / langs.length;
      }
      if (sample < 20000) {
        for (let k = start; k < i; k++) {
          const w = folded[k];
          if (w === I) { if (k + 1 < i && folded[k + 1] === J) nl++; }
          else if (w >= FIRST_SPECIAL) {
            if (PL_LETTERS.includes(w)) pl++;
            else if (SV_LETTERS.includes(w)) sv++;
          }
        }
        sample += i - start + 1;
      }
      start = -1;
    }
  }
  if (letters === 0) return { lang: 'en', confidence: 0 };
  if (han / letters > 0.2) return { lang: 'zh-Hant', confidence: Math.min(1, han / letters + 0.3) };
  score.pl += pl * 0.5;
  score.sv += sv * 0.5;
  score.nl += nl * 0.5;
  const ranked = (['en', 'sv', 'nl', 'pl'] as Lang[]).sort((a, b) => score[b] - score[a]);
  const best = score[ranked[0]], second = score[ranked[1]];
  if (best === 0) return { lang: 'en', confidence: 0 };
  return { lang: ranked[0], confidence: Math.min(1, (best - second) / best) * Math.min(1, best / 5) };
}
