/**
 * Seeded random text for the robustness tests: a small PRNG and generators of hostile document
 * text (many scripts, right-to-left text, combining marks, emoji, lone surrogates, NUL, Markdown
 * syntax, glossary terms) so that a failing run can be repeated from its seed.
 */

import { Rng } from '../rng';
export { Rng };

/** Words of the document languages and of scripts the glossary does not cover. */
export const WORDS: Record<string, readonly string[]> = {
  en: ['the', 'team', 'reviews', 'every', 'quarter', 'pipeline', 'lead', 'sales', 'marketing', 'customer', 'within', 'two', 'days', 'deal', 'call'],
  sv: ['säljaren', 'följer', 'upp', 'inom', 'två', 'dagar', 'kunden', 'möte', 'årets', 'affär', 'övergång'],
  nl: ['elke', 'eigenaar', 'krijgt', 'binnen', 'werkdagen', 'opgevolgd', 'klant', 'kans', 'zonder', 'ijsbeer'],
  pl: ['każdy', 'musi', 'zostać', 'obsłużony', 'ciągu', 'dwóch', 'dni', 'sprzedaży', 'źródło', 'żółć'],
  zh: ['每個', '都必須', '在兩個', '工作天內', '由業務團隊', '跟進', '客戶', '銷售', '漏斗', '臺灣'],
  ar: ['مرحبا', 'العميل', 'المبيعات', 'فريق'],
  he: ['שלום', 'לקוח', 'מכירות'],
  ru: ['привет', 'клиент', 'продажи', 'воронка'],
  el: ['πελάτης', 'πωλήσεις'],
  hi: ['ग्राहक', 'बिक्री'],
  ja: ['顧客', 'セールス', 'ひらがな'],
  ko: ['고객', '판매'],
  th: ['ลูกค้า', 'การขาย'],
};

/** Characters and sequences that tend to break offset arithmetic. */
export const HOSTILE: readonly string[] = [
  '\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '\ud800', '\udfff', '\ud83d', '\ude80', // lone surrogates
  'e\u0301', 'a\u0308\u0304', '\u0301', 'ﬁ', 'ß', 'İ', 'ı', 'ǅ', // combining marks, ligatures, odd case mappings
  '\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\u00a0', '\u3000', // zero-width and special spaces
  '\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\u200e', // bidi controls
  '\u2028', '\u2029', '\r', '\r\n', '\n', '\t', '\u000b', '\u000c', '\u0085',
  '🚀', '👩‍👩‍👧‍👦', '🇸🇪', '🇵🇱', '👍🏽', '1️⃣', '𝐌𝐐𝐋', '𠀀', '𪚥', // astral, ZWJ, flags, math letters, CJK ext
  'Ｍ\uff31Ｌ', '㎡', 'Ⅻ', // full-width, compatibility
];

export const PUNCT: readonly string[] = [' ', ' ', ' ', ', ', '. ', '; ', ': ', ' - ', ' – ', ' — ', '/', '(', ')', '"', '“', '”', '‘', '’', "'", '«', '»', '「', '」', '。', '，', '、', '!', '?', '\n', '\n\n'];

export const MARKDOWN: readonly string[] = [
  '# ', '## ', '> ', '- ', '* ', '1. ', '`', '``', '```\n', '```js\n', '~~~\n', '---\n', '***', '**', '_', '[', '](', ')', '![', '<!--', '-->', '<b>', '</b>',
  'https://example.com/MQL?x=1', 'www.example.org/pipeline', 'mailto:a@b.c', 'lead@example.com', '[^1]', '[ref]: https://x.y/z', '| a | b |\n|---|---|\n', '\\', '&amp;', '&#x1F680;',
];

export interface TextGen {
  /** Glossary term texts (and acronyms) to plant in text. */
  terms: readonly string[];
}

/** One random piece: a word of some script, a term, punctuation, Markdown, or a hostile character. */
export function piece(rng: Rng, g: TextGen): string {
  switch (rng.weighted({ word: 40, term: 20, punct: 20, md: 6, hostile: 10, random: 4 })) {
    case 'word': return rng.pick(WORDS[rng.pick(Object.keys(WORDS))]);
    case 'term': {
      const t = rng.pick(g.terms);
      return rng.weighted({ same: 6, upper: 1, lower: 1, title: 1 }) === 'same' ? t : rng.chance(0.5) ? t.toUpperCase() : t.toLowerCase();
    }
    case 'punct': return rng.pick(PUNCT);
    case 'md': return rng.pick(MARKDOWN);
    case 'hostile': return rng.pick(HOSTILE);
    default: return randomCodeUnits(rng, rng.range(1, 6));
  }
}

/** Any UTF-16 code units, including unpaired surrogates. */
export function randomCodeUnits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    s += String.fromCharCode(r < 0.4 ? rng.int(0x80) : r < 0.7 ? rng.int(0x800) : r < 0.85 ? 0xd800 + rng.int(0x800) : rng.int(0x10000));
  }
  return s;
}

/** Random text of about `approxLength` UTF-16 code units. */
export function randomText(rng: Rng, g: TextGen, approxLength: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < approxLength) {
    const p = piece(rng, g);
    parts.push(p);
    n += p.length;
    if (rng.chance(0.6)) { parts.push(' '); n++; }
  }
  return parts.join('');
}

/** Large text built by repeating a random block (cheap to make, realistic for the matcher). */
export function largeText(rng: Rng, g: TextGen, bytes: number, { binary = false } = {}): string {
  const block = binary ? randomCodeUnits(rng, 4096) + '\u0000' : randomText(rng, { terms: g.terms }, 16384).replace(/\u0000/g, ' ') + '\n';
  return block.repeat(Math.ceil(bytes / block.length)).slice(0, bytes);
}
