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
import { BLOCK, CHAR_CLASS, HAN as HAN_CLASS, SEP, WORD as WORD_CLASS, foldKey, isHanCode, isWordCode, unitsString } from './fold';
import type { TermContext } from './types';

/** What an occurrence is: the concept, possibly the concept (no cue), or not the concept. */
export const SURE = 0, DOUBTFUL = 1, NOT = 2;
export type Sense = typeof SURE | typeof DOUBTFUL | typeof NOT;

/** How far a sentence is looked at, each side of a term (characters). Re-analysis after an edit re-scans as far. */
export const SENTENCE_REACH = 300;

// ---- context of a term ------------------------------------------------------------------------------
//
// Everything here runs for each occurrence of a term with a context, so it works on the folded text as it is:
// fixed phrases are compared character by character outward from the term, and a list's words are looked for only
// where a word of the sentence begins with the same two characters (SentenceWords, found once per sentence).

/** A fixed phrase seen from a term inside it: what must stand before and after the term ("de " + term + " dat"). */
interface Around {
  before: string;
  after: string;
}

/** One word or phrase of a list (notNear or cues), folded. */
interface Listed {
  /** Its text without a trailing *, and what is searched for: its first word (all of it, if Chinese or one word). */
  text: string;
  first: string;
  /** A trailing * lets its last word go on ("deal*": deals, dealer). */
  open: boolean;
  /** One Latin word, checked at both its ends here; otherwise phraseEnd checks it. */
  word: boolean;
  /** Its first two characters (pairOf), for a quick no; -1 if its first word is one character. */
  pair: number;
}

/** A list of words (notNear or cues), and the pairs of their first characters (pairOf), one bit each. */
interface WordTest {
  items: Listed[];
  pairs: Uint32Array;
  /** Whether an item has a one-character first word (no pair): then the list is always looked through. */
  unpaired: boolean;
}

function listed(raw: string): Listed | undefined {
  const open = raw.endsWith('*') && raw.length > 1;
  const text = open ? raw.slice(0, -1) : raw;
  if (!text) return undefined;
  const han = isHanCode(text.charCodeAt(0));
  // A Latin phrase is searched for by its first word ("crm系统" by "crm"), then checked whole.
  let k = 0;
  while (k < text.length && text.charCodeAt(k) !== SEP && (han || !isHanCode(text.charCodeAt(k)))) k++;
  const first = han ? text : text.slice(0, k);
  return { text, first, open, word: !han && k === text.length, pair: first.length > 1 ? pairOf(first.charCodeAt(0), first.charCodeAt(1)) : -1 };
}

/** Two characters as one of 2,048 numbers. */
const pairOf = (c0: number, c1: number) => (Math.imul(c0, 31) ^ c1) & 2047;

/**
 * Where a sentence's words begin (and each of its Chinese characters), with their first two characters (pairOf), in
 * buffers reused from sentence to sentence (a check makes no garbage per sentence): a listed word is looked for only
 * where a word begins as it does, and not at all when no word of the sentence does (one bit per pair).
 */
class SentenceWords {
  starts = new Int32Array(256);
  keys = new Int32Array(256);
  n = 0;
  readonly pairs = new Uint32Array(64);
  fill(f: Uint16Array, a: number, b: number): void {
    const pairs = this.pairs.fill(0);
    let n = 0;
    for (let i = a; i < b; i++) {
      const c = f[i];
      if (!(isHanCode(c) || (isLatinWord(c) && (i === 0 || !isLatinWord(f[i - 1]))))) continue;
      const k = pairOf(c, i + 1 < f.length ? f[i + 1] : 0);
      pairs[k >>> 5] |= 1 << (k & 31);
      if (n === this.starts.length) [this.starts, this.keys] = [grown(this.starts), grown(this.keys)];
      this.starts[n] = i;
      this.keys[n++] = k;
    }
    this.n = n;
  }
}

const grown = (a: Int32Array) => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

/** Is the folded unit c a letter of a Latin (not Chinese) word? Such words end where Chinese characters begin. */
const isLatinWord = (c: number) => (CHAR_CLASS[c] & (WORD_CLASS | HAN_CLASS)) === WORD_CLASS;

/**
 * Where the phrase `text` (folded: a space matches separators) that stands in the folded text from i ends, before b;
 * -1 if it does not stand there. Unless `open` or Chinese, its end must be a word's end.
 */
function phraseEnd(f: Uint16Array, i: number, b: number, text: string, open: boolean): number {
  let k = i;
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === SEP) {
      if (k >= b || f[k] !== SEP) return -1;
      while (k < b && f[k] === SEP) k++;
    } else {
      if (k >= b || f[k] !== c) return -1;
      k++;
    }
  }
  if (!open && !isHanCode(text.charCodeAt(text.length - 1)) && k < f.length && isWordCode(f[k])) return -1;
  return k;
}

/** What the senses of one glossary's terms are decided with: each context compiled when first needed. */
export class SenseIndex {
  readonly contexts = new Map<TermContext, CompiledContext>();
  compile(ctx: TermContext): CompiledContext {
    let c = this.contexts.get(ctx);
    if (!c) {
      c = { notIn: (ctx.notIn ?? []).map(foldKey).filter(Boolean), around: new Map(), notNear: wordTest(ctx.notNear), cues: wordTest(ctx.cues) };
      this.contexts.set(ctx, c);
    }
    return c;
  }
}

function wordTest(list: string[] | undefined): WordTest | undefined {
  const items = (list ?? []).map((raw) => listed(foldKey(raw))).filter((x): x is Listed => x !== undefined);
  if (!items.length) return undefined;
  const pairs = new Uint32Array(64);
  for (const x of items) if (x.pair >= 0) pairs[x.pair >>> 5] |= 1 << (x.pair & 31);
  return { items, pairs, unpaired: items.some((x) => x.pair < 0) };
}

/**
 * The phrases a written term stands in, by the two characters next to it in the phrase: the nearest before it
 * (`before`) or else after it (`after`); only those whose characters the text has there need a closer look.
 */
interface AroundIndex { before: Map<number, Around[]>; after: Map<number, Around[]>; wild: Around[] }

interface CompiledContext {
  /** The phrases, folded; and for each way the term is written (the matcher's key), where it stands in them. */
  notIn: string[];
  around: Map<number, AroundIndex>;
  notNear: WordTest | undefined;
  cues: WordTest | undefined;
}


const isBoundaryChar = (c: number) => c === SEP || isHanCode(c);

/**
 * Where the written term `o` (folded) stands in each phrase, at word boundaries of the phrase (or next to Chinese
 * characters): the text before and after it.
 */
function aroundOf(phrases: string[], o: string): Around[] {
  const out: Around[] = [];
  for (const p of phrases) {
    for (let j = p.indexOf(o); j >= 0; j = p.indexOf(o, j + 1)) {
      const k = j + o.length;
      const okBefore = j === 0 || isBoundaryChar(p.charCodeAt(j - 1)) || isHanCode(o.charCodeAt(0));
      const okAfter = k === p.length || isBoundaryChar(p.charCodeAt(k)) || isHanCode(o.charCodeAt(o.length - 1));
      // A phrase that is the written term itself excludes it wherever it stands ("reaches" of the term "reach").
      if (okBefore && okAfter) out.push({ before: p.slice(0, j), after: p.slice(k) });
    }
  }
  return out;
}

const STAR = 0x2a;

/** The two nearest characters other than separators at the end of `s` (dir -1) or its start (dir 1), as one number; -1 if fewer, or if a * comes first. */
function nearestIn(s: string, dir: 1 | -1): number {
  let key = 0, n = 0;
  for (let i = dir > 0 ? 0 : s.length - 1; i >= 0 && i < s.length && n < 2; i += dir) {
    const c = s.charCodeAt(i);
    if (c === SEP) continue;
    if (c === STAR) return -1;
    key = key * 65536 + c;
    n++;
  }
  return n === 2 ? key : -1;
}

/** The two nearest folded characters other than separators before `pos` (dir -1) or from `pos` on (dir 1), as one number (-1 if fewer). */
function nearestAt(f: Uint16Array, pos: number, dir: 1 | -1): number {
  let key = 0, n = 0;
  for (let i = dir > 0 ? pos : pos - 1; i >= 0 && i < f.length && n < 2; i += dir) {
    if (f[i] === SEP) continue;
    key = key * 65536 + f[i];
    n++;
  }
  return n === 2 ? key : -1;
}

/** Does one of these phrases stand around [start, end)? */
function standsAround(list: Around[] | undefined, f: Uint16Array, start: number, end: number): boolean {
  if (list) for (const x of list) if (standsAt(f, start, x.before, -1) && standsAt(f, end, x.after, 1)) return true;
  return false;
}

function indexAround(list: Around[]): AroundIndex {
  const ix: AroundIndex = { before: new Map(), after: new Map(), wild: [] };
  for (const x of list) {
    const b = nearestIn(x.before, -1), a = nearestIn(x.after, 1);
    const [map, c] = b >= 0 ? [ix.before, b] : a >= 0 ? [ix.after, a] : [undefined, -1];
    if (!map) { ix.wild.push(x); continue; }
    const l = map.get(c);
    if (l) l.push(x); else map.set(c, [x]);
  }
  return ix;
}

/**
 * Does `part` stand in the folded text right before `pos` (dir -1) or from `pos` on (dir 1)? A space of the part
 * matches one or more separators, * one word; the part's outer end must be a word boundary (unless Chinese).
 */
function standsAt(f: Uint16Array, pos: number, part: string, dir: 1 | -1): boolean {
  let i = dir > 0 ? pos : pos - 1;
  const n = part.length;
  for (let step = 0; step < n; step++) {
    const c = part.charCodeAt(dir > 0 ? step : n - 1 - step);
    if (c === SEP) {
      if (f[i] !== SEP) return false;
      while (i >= 0 && i < f.length && f[i] === SEP) i += dir;
    } else if (c === STAR) {
      if (!(i >= 0 && i < f.length && isWordCode(f[i]))) return false;
      while (i >= 0 && i < f.length && (isWordCode(f[i]) || f[i] === 0x27)) i += dir;
    } else {
      if (i < 0 || i >= f.length || f[i] !== c) return false;
      i += dir;
    }
  }
  if (!n) return true;
  const outer = part.charCodeAt(dir > 0 ? n - 1 : 0);
  return isHanCode(outer) || !(i >= 0 && i < f.length && isWordCode(f[i]));
}

/** White space, as /\s/ has it for the characters documents use. */
const isSpaceCode = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0xfeff;

/** Characters that end a sentence when a space or the end of the line follows (and always, for the Chinese ones and line breaks). */
const isSentenceEnd = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  // Letters and digits first: most characters are.
  if (c > 0x7c && c < 0x3002) return false;
  if (c === 0x0a || c === 0x0d || c === 0x7c /* | table cell */ || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) return true;
  if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b) {
    const n = text.charCodeAt(i + 1);
    return Number.isNaN(n) || n === 0x20 || n === 0x0a || n === 0x0d || n === 0x09;
  }
  return false;
};

/** Where the sentence that holds position i begins (at most SENTENCE_REACH characters before it). */
function sentenceStart(text: string, i: number): number {
  const min = Math.max(0, i - SENTENCE_REACH);
  while (i > min && !isSentenceEnd(text, i - 1)) i--;
  return i;
}

/** Where the sentence that goes on at position i ends (at most SENTENCE_REACH characters after it). */
function sentenceEnd(text: string, i: number): number {
  const max = Math.min(text.length, i + SENTENCE_REACH);
  while (i < max && !isSentenceEnd(text, i)) i++;
  return i;
}

/**
 * What the sense of one scan's occurrences shares: the sentence last looked at and the one before it (occurrences
 * come in document order, most share their sentence with the one before), and where their words begin, found when a
 * word list is first looked for in them.
 */
export class SenseScope {
  /** The current sentence [a, b). */
  a = -1;
  b = -1;
  /** The sentence before the current one, [pa, pb) (p may cut it short); pa is found when first needed (prevAt). */
  private pa = -1;
  private pb = -1;
  /** Where the sentence before ends (its last character other than a space), while its start is not yet found; else -1. */
  private prevAt = -1;
  /** The start of the occurrence that made the current sentence: the sentence before is looked at within reach of it. */
  private from = -1;
  /** The words of [a, b) and of [pa, pb), when found (curMade, prevMade). */
  private cur = new SentenceWords();
  private prev = new SentenceWords();
  private curMade = false;
  private prevMade = false;
  constructor(private readonly text: string, private readonly folded: Uint16Array, readonly index: SenseIndex) {}
  /** Makes the sentence around [start, end) the current one. */
  sentence(start: number, end: number): void {
    if (start >= this.a && end <= this.b && this.a >= 0) return;
    const a = sentenceStart(this.text, start), b = sentenceEnd(this.text, end);
    // The sentence before: a cue there still speaks for the topic ("Tickets come in through the form. Each one
    // gets a number."), as far as a sentence reaches from the term.
    let q = a - 1;
    while (q >= 0 && isSpaceCode(this.text.charCodeAt(q))) q--;
    if (q >= 0 && start - q < SENTENCE_REACH) {
      // Most often the sentence before is the one looked at last.
      if (q >= this.a && q <= this.b && this.a >= 0) {
        const was = this.prev;
        this.prev = this.cur;
        this.cur = was;
        this.pa = this.a;
        this.pb = this.b;
        this.prevMade = this.curMade;
        this.prevAt = -1;
      } else {
        // Its start is found only if a cue is looked for there (most contexts have none, or find it in the sentence).
        this.prevAt = q;
        this.pb = q + 1;
        this.prevMade = false;
      }
    } else {
      this.pa = this.pb = a;
      this.prevAt = -1;
      this.prevMade = false;
    }
    this.a = a;
    this.b = b;
    this.from = start;
    this.curMade = false;
  }

  /** Where the sentence before the current one begins, cut at SENTENCE_REACH before the term (a if none within reach). */
  get p(): number {
    return Math.max(this.prevStart(), this.from - SENTENCE_REACH);
  }

  private prevStart(): number {
    if (this.prevAt >= 0) {
      this.pa = sentenceStart(this.text, this.prevAt);
      this.prevAt = -1;
    }
    return this.pa;
  }
  /** Is a word or phrase of `t` in the current sentence (or from `from` on, in the one before), outside [start, end) (the term itself)? */
  has(t: WordTest, start: number, end: number, from: number): boolean {
    if (!this.curMade) {
      this.cur.fill(this.folded, this.a, this.b);
      this.curMade = true;
    }
    if (this.listedIn(t, this.cur, this.b, this.a, start, end)) return true;
    if (!(from < this.a && this.prevStart() < this.a)) return false;
    if (!this.prevMade) {
      this.prev.fill(this.folded, this.pa, this.pb);
      this.prevMade = true;
    }
    return this.listedIn(t, this.prev, this.pb, from, start, end);
  }
  /** Does a word or phrase of `t` stand among the words `w` of [a, b) from `from` on, outside [start, end)? */
  private listedIn(t: WordTest, w: SentenceWords, b: number, from: number, start: number, end: number): boolean {
    const f = this.folded, { starts, keys, n, pairs } = w;
    // Most sentences have no word that begins as one of the list's does.
    if (!t.unpaired) {
      const tp = t.pairs;
      let any = 0;
      for (let k = 0; k < 64 && !any; k++) any = tp[k] & pairs[k];
      if (!any) return false;
    }
    for (const x of t.items) {
      const pair = x.pair, first = x.first, len = first.length;
      if (pair >= 0 && !(pairs[pair >>> 5] & (1 << (pair & 31)))) continue;
      for (let k = 0; k < n; k++) {
        const at = starts[k];
        if (at < from || (pair >= 0 ? keys[k] !== pair : f[at] !== first.charCodeAt(0)) || at + len > b) continue;
        let m = 0;
        while (m < len && f[at + m] === first.charCodeAt(m)) m++;
        if (m < len) continue;
        let to: number;
        if (x.word) {
          to = at + len;
          if (x.open) while (to < b && isLatinWord(f[to])) to++;
          else if (to < b && isLatinWord(f[to])) continue;
        } else if ((to = phraseEnd(f, at, b, x.text, x.open)) < 0) continue;
        if (to <= start || at >= end) return true;
      }
    }
    return false;
  }
}

/**
 * The sense of a term with context at [start, end) of a document (its folded text), written as the matcher's key
 * `key`; `scope` is shared by the occurrences of one scan.
 */
export function senseOf(ctx: TermContext, scope: SenseScope, folded: Uint16Array, key: number, start: number, end: number): Sense {
  const c = scope.index.compile(ctx);
  if (c.notIn.length) {
    let ix = c.around.get(key);
    if (!ix) c.around.set(key, (ix = indexAround(aroundOf(c.notIn, foldKey(unitsString(folded, start, end))))));
    if (standsAround(ix.before.get(nearestAt(folded, start, -1)), folded, start, end) || standsAround(ix.after.get(nearestAt(folded, end, 1)), folded, start, end) || standsAround(ix.wild, folded, start, end)) return NOT;
  }
  if (!c.notNear && !c.cues) return SURE;
  scope.sentence(start, end);
  // Words that show the everyday sense count in the sentence; cues in the sentence before it too.
  if (c.notNear && scope.has(c.notNear, start, end, scope.a)) return NOT;
  if (c.cues) return scope.has(c.cues, start, end, scope.p) ? SURE : DOUBTFUL;
  return SURE;
}

// ---- Chinese word boundaries --------------------------------------------------------------------------

/**
 * A general vocabulary of Chinese words with their frequencies, folded as documents are (Simplified), for
 * deciding where words begin and end. Made from a word list by the node layer (makeHanLexicon).
 */
export interface HanLexicon {
  /** Each word's frequency; its probability is that over the sum of all frequencies (logTotal its natural log). */
  freq: Map<string, number>;
  logTotal: number;
  /** Log probability of a character the list does not have, and of a glossary term the list does not have. */
  unknown: number;
  term: number;
  /** The longest word. */
  maxLength: number;
}

/**
 * A lexicon from lines "word frequency" (as jieba's dictionaries write them); other columns are ignored. Under a first
 * line "# folded" the words are folded already (as the build writes dist/zh-words.txt), and are not folded again.
 */
export function makeHanLexicon(lines: string): HanLexicon {
  const freq = new Map<string, number>();
  let total = 0, maxLength = 1;
  const folded = lines.startsWith('# folded\n');
  for (const line of lines.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp <= 0 || line.charCodeAt(0) === 0x23) continue;
    const f = parseInt(line.slice(sp + 1), 10);
    if (!(f > 0)) continue;
    const w = folded ? line.slice(0, sp) : foldKey(line.slice(0, sp));
    if (!w || !isHanCode(w.charCodeAt(0))) continue;
    freq.set(w, (freq.get(w) ?? 0) + f);
    total += f;
    if (w.length > maxLength) maxLength = w.length;
  }
  const logTotal = Math.log(total);
  // A glossary term counts as a common word (frequency 10,000, as common as 服務 or 客戶): it is cut as a word
  // unless one longer everyday word holds its characters (成交量 holds 成交) or the words across its ends are
  // much more likely than it.
  return { freq, logTotal, unknown: -logTotal, term: Math.log(10000) - logTotal, maxLength: Math.min(maxLength, 8) };
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
  const key = `${unitsString(folded, a, b)}|${start - a}|${end - a}`;
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
      if (crosses && lex.freq.has(s.slice(i, j))) crossed = true;
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
      const f = lex.freq.get(w);
      let p = f === undefined ? undefined : Math.log(f) - lex.logTotal;
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
