/**
 * Senses: whether a matched text is the glossary's concept here, or the everyday word written alike
 * ("de kans dat", "przy okazji", "take into account", 成交量). Decided per occurrence, from
 *
 * - the term's context in the glossary (TermContext): fixed phrases in which it is not the concept
 *   (`notIn`), words in the same sentence that show the everyday sense (`notNear`), and for texts that are
 *   more often everyday than jargon, words of which one must stand in the sentence (`cues`): without one the
 *   occurrence is doubtful;
 * - for Chinese, word boundaries: a term matched inside a longer everyday word (成交 in 成交量, 流失 in 水土流失)
 *   is not the term. A general vocabulary with word frequencies (HanLexicon) segments the characters around
 *   the match, as a word segmenter would; the term stands only where the likeliest segmentation cuts at both
 *   of its ends.
 *
 * Pure: the lexicon's data is handed in (see node/hanLexicon.ts); nothing here reads files.
 */
import { BLOCK, SEP, foldKey, isHanCode, isWordCode } from './fold';
import type { TermContext } from './types';

/** What an occurrence is: the concept, possibly the concept (no cue), or not the concept. */
export const SURE = 0, DOUBTFUL = 1, NOT = 2;
export type Sense = typeof SURE | typeof DOUBTFUL | typeof NOT;

/** How far a sentence is looked at, each side of a term (characters). Re-analysis after an edit re-scans as far. */
export const SENTENCE_REACH = 300;
/** How far a fixed phrase may reach beyond the term, each side. */
const PHRASE_REACH = 120;

// ---- context of a term ------------------------------------------------------------------------------

interface WordTest {
  /** Whole words (folded). */
  words: Set<string>;
  /** Words that begin so ("hasł*"). */
  prefixes: string[];
  /** Several words, or Chinese: found as text, at word boundaries where the text has them. */
  phrases: string[];
}

interface CompiledContext {
  notIn: RegExp | undefined;
  notNear: WordTest | undefined;
  cues: WordTest | undefined;
}

const compiled = new WeakMap<TermContext, CompiledContext>();

function compile(ctx: TermContext): CompiledContext {
  let c = compiled.get(ctx);
  if (!c) compiled.set(ctx, (c = { notIn: phraseRegExp(ctx.notIn), notNear: wordTest(ctx.notNear), cues: wordTest(ctx.cues) }));
  return c;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORDISH = '[^\\x01\\x20.,;:!?()\\[\\]"“”„«»。，、；：！？（）]+';

/**
 * One expression for all of a term's fixed phrases, over folded text: words separated by separators, * as any
 * one word, and word boundaries at the ends unless the phrase ends in a Chinese character.
 */
function phraseRegExp(phrases: string[] | undefined): RegExp | undefined {
  if (!phrases?.length) return undefined;
  const alts = phrases.map((p) => {
    const key = foldKey(p);
    const body = key.split(' ').map((w) => (w === '*' ? WORDISH : escapeRe(w))).join(' +');
    const first = key.charCodeAt(0), last = key.charCodeAt(key.length - 1);
    const before = isHanCode(first) ? '' : '(?<![\\p{L}\\p{N}\\p{M}])';
    const after = isHanCode(last) ? '' : '(?![\\p{L}\\p{N}\\p{M}])';
    return `${before}${body}${after}`;
  });
  return new RegExp(alts.join('|'), 'gu');
}

function wordTest(list: string[] | undefined): WordTest | undefined {
  if (!list?.length) return undefined;
  const t: WordTest = { words: new Set(), prefixes: [], phrases: [] };
  for (const raw of list) {
    const w = foldKey(raw);
    if (!w) continue;
    if (w.endsWith('*') && w.length > 1 && !w.includes(' ')) t.prefixes.push(w.slice(0, -1));
    else if (w.includes(' ') || hasHanCode(w)) t.phrases.push(w);
    else t.words.add(w);
  }
  return t;
}

/** Where `p` (a phrase of a word test; a trailing * lets its last word go on) stands in `s` at word boundaries. */
function hasPhrase(s: string, p: string): boolean {
  const open = p.endsWith('*');
  const q = open ? p.slice(0, -1) : p;
  for (let k = s.indexOf(q); k >= 0; k = s.indexOf(q, k + 1)) {
    const before = s.charCodeAt(k - 1), after = s.charCodeAt(k + q.length);
    const okBefore = isHanCode(q.charCodeAt(0)) || !(k > 0 && isWordCode(before));
    const okAfter = open || isHanCode(q.charCodeAt(q.length - 1)) || !(k + q.length < s.length && isWordCode(after));
    if (okBefore && okAfter) return true;
  }
  return false;
}

const hasHanCode = (s: string) => {
  for (let i = 0; i < s.length; i++) if (isHanCode(s.charCodeAt(i))) return true;
  return false;
};

const stringOf = (f: Uint16Array, a: number, b: number) => {
  let s = '';
  for (let i = a; i < b; i += 8192) s += String.fromCharCode.apply(null, f.subarray(i, Math.min(b, i + 8192)) as unknown as number[]);
  return s;
};

/** Characters that end a sentence when a space or the end of the line follows (and always, for the Chinese ones and line breaks). */
const isSentenceEnd = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c === 0x0a || c === 0x0d || c === 0x7c /* | table cell */ || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) return true;
  if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b) {
    const n = text.charCodeAt(i + 1);
    return Number.isNaN(n) || n === 0x20 || n === 0x0a || n === 0x0d || n === 0x09;
  }
  return false;
};

/** The sentence around [start, end) (at most SENTENCE_REACH characters each side). */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  const aMin = Math.max(0, start - SENTENCE_REACH);
  while (a > aMin && !isSentenceEnd(text, a - 1)) a--;
  let b = end;
  const bMax = Math.min(text.length, end + SENTENCE_REACH);
  while (b < bMax && !isSentenceEnd(text, b)) b++;
  return [a, b];
}

/** Is any word or phrase of `t` in folded[a, b), outside the term at [start, end)? */
function inSentence(t: WordTest, folded: Uint16Array, a: number, b: number, start: number, end: number): boolean {
  if (t.words.size || t.prefixes.length) {
    // Words: runs of letters, split where Latin letters meet Chinese characters ("在crm中": 在, crm, 中).
    let i = a;
    while (i < b) {
      const c = folded[i];
      if (!isWordCode(c)) { i++; continue; }
      const han = isHanCode(c);
      let j = i + 1;
      while (j < b && isWordCode(folded[j]) && isHanCode(folded[j]) === han) j++;
      // (Chinese cues are phrases, found below.)
      if (!han && (j <= start || i >= end)) {
        const w = stringOf(folded, i, j);
        if (t.words.has(w)) return true;
        for (const p of t.prefixes) if (w.startsWith(p)) return true;
      }
      i = j;
    }
  }
  if (t.phrases.length) {
    // Outside the term: the sentence with the term blanked.
    const s = stringOf(folded, a, start) + '\x01'.repeat(end - start) + stringOf(folded, end, b);
    for (const p of t.phrases) if (hasPhrase(s, p)) return true;
  }
  return false;
}

/** Does one of the fixed phrases cover [start, end) in the folded text? */
function inFixedPhrase(re: RegExp, folded: Uint16Array, start: number, end: number): boolean {
  const a = Math.max(0, start - PHRASE_REACH), b = Math.min(folded.length, end + PHRASE_REACH);
  const s = stringOf(folded, a, b);
  const from = start - a, to = end - a;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index <= from && m.index + m[0].length >= to) return true;
    if (m.index > from) break;
    re.lastIndex = m.index + 1; // phrases may overlap
  }
  return false;
}

/** The sense of a term with context at [start, end) of a document (text and its folded form). */
export function senseOf(ctx: TermContext, text: string, folded: Uint16Array, start: number, end: number): Sense {
  const c = compile(ctx);
  if (c.notIn && inFixedPhrase(c.notIn, folded, start, end)) return NOT;
  if (!c.notNear && !c.cues) return SURE;
  const [a, b] = sentenceAround(text, start, end);
  if (c.notNear && inSentence(c.notNear, folded, a, b, start, end)) return NOT;
  if (c.cues) return inSentence(c.cues, folded, a, b, start, end) ? SURE : DOUBTFUL;
  return SURE;
}

/** Whether a context says anything (an empty one is none). */
export const hasContext = (ctx: TermContext | undefined): ctx is TermContext =>
  !!ctx && !!(ctx.notIn?.length || ctx.notNear?.length || ctx.cues?.length);

// ---- Chinese word boundaries --------------------------------------------------------------------------

/**
 * A general vocabulary of Chinese words with their frequencies, folded as documents are (Simplified), for
 * deciding where words begin and end. Made from a word list by the node layer (makeHanLexicon).
 */
export interface HanLexicon {
  /** Natural log of a word's probability (its frequency over the sum of all frequencies). */
  logp: Map<string, number>;
  /** Log probability of a character the list does not have, and of a glossary term the list does not have. */
  unknown: number;
  term: number;
  /** The longest word. */
  maxLength: number;
}

/** A lexicon from lines "word frequency" (as jieba's dictionaries write them); other columns are ignored. */
export function makeHanLexicon(lines: string): HanLexicon {
  const freq = new Map<string, number>();
  let total = 0, maxLength = 1;
  for (const line of lines.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp <= 0) continue;
    const f = parseInt(line.slice(sp + 1), 10);
    if (!(f > 0)) continue;
    const w = foldKey(line.slice(0, sp));
    if (!w || !isHanCode(w.charCodeAt(0))) continue;
    freq.set(w, (freq.get(w) ?? 0) + f);
    total += f;
    if (w.length > maxLength) maxLength = w.length;
  }
  const logTotal = Math.log(total);
  const logp = new Map<string, number>();
  for (const [w, f] of freq) logp.set(w, Math.log(f) - logTotal);
  // A glossary term counts as a common word (frequency 10,000, as common as 服務 or 客戶): it is cut as a word
  // unless one longer everyday word holds its characters (成交量 holds 成交) or the words across its ends are
  // much more likely than it.
  return { logp, unknown: -logTotal, term: Math.log(10000) - logTotal, maxLength: Math.min(maxLength, 8) };
}

const CONTEXT_HAN = 4;
const boundaryMemo = new WeakMap<HanLexicon, Map<string, boolean>>();

/**
 * Is the Chinese text at [start, end) a word of its own here? Looks at the Chinese characters around it: where no
 * word of the lexicon crosses its ends or contains it, it is; otherwise the likeliest segmentation of the
 * characters around it (the most probable sequence of words, the term counting as a word) decides.
 */
export function isHanWord(lex: HanLexicon, folded: Uint16Array, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < CONTEXT_HAN && isHanCode(folded[a - 1])) a--;
  let b = end;
  while (b < folded.length && b - end < CONTEXT_HAN && isHanCode(folded[b])) b++;
  if (a === start && b === end) return true;
  const key = `${stringOf(folded, a, b)}|${start - a}|${end - a}`;
  let memo = boundaryMemo.get(lex);
  if (!memo) boundaryMemo.set(lex, (memo = new Map()));
  let answer = memo.get(key);
  if (answer === undefined) {
    answer = segmentsAsWord(lex, key.slice(0, b - a), start - a, end - a);
    if (memo.size > 50000) memo.clear();
    memo.set(key, answer);
  }
  return answer;
}

function segmentsAsWord(lex: HanLexicon, s: string, from: number, to: number): boolean {
  const n = s.length;
  // Does any word of the lexicon cross an end of the term or contain it? If not, it is a word.
  let crossed = false;
  for (let i = 0; i < n && !crossed; i++) {
    for (let j = i + 2; j <= Math.min(n, i + lex.maxLength) && !crossed; j++) {
      const crosses = (i < from && j > from) || (i < to && j > to) || (i <= from && j >= to && j - i > to - from);
      if (crosses && lex.logp.has(s.slice(i, j))) crossed = true;
    }
  }
  if (!crossed) return true;
  // The likeliest segmentation (dynamic programming over word ends), with the term as one more word.
  const best = new Float64Array(n + 1).fill(-Infinity);
  const from_ = new Int32Array(n + 1);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    // Words of the lexicon end at j, and the term (which may be longer than any of them) ends at `to`.
    const lowest = Math.max(0, j - lex.maxLength);
    for (let i = j === to ? Math.min(from, lowest) : lowest; i < j; i++) {
      if (best[i] === -Infinity || (j - i > lex.maxLength && !(i === from && j === to))) continue;
      const w = s.slice(i, j);
      let p = lex.logp.get(w);
      if (i === from && j === to) p = Math.max(p ?? -Infinity, lex.term);
      if (p === undefined) p = j - i === 1 ? lex.unknown : -Infinity;
      if (best[i] + p > best[j]) { best[j] = best[i] + p; from_[j] = i; }
    }
  }
  for (let j = n; j > 0; j = from_[j]) if (j === to) return from_[j] === from;
  return false;
}

/** Is the folded unit at i a Chinese character next to the term (so that a word may run across the term's end)? */
export const hanNeighbour = (folded: Uint16Array, i: number): boolean => i >= 0 && i < folded.length && folded[i] !== SEP && folded[i] !== BLOCK && isHanCode(folded[i]);
