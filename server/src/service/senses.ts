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
import { BLOCK, CHAR_CLASS, HAN as HAN_CLASS, SEP, WORD as WORD_CLASS, foldKey, isHanCode, isWordCode } from './fold';
import type { TermContext } from './types';

/** What an occurrence is: the concept, possibly the concept (no cue), or not the concept. */
export const SURE = 0, DOUBTFUL = 1, NOT = 2;
export type Sense = typeof SURE | typeof DOUBTFUL | typeof NOT;

/** How far a sentence is looked at, each side of a term (characters). Re-analysis after an edit re-scans as far. */
export const SENTENCE_REACH = 300;

// ---- context of a term ------------------------------------------------------------------------------
//
// Everything here runs for each occurrence of a term with a context, so it works on the folded text as it is
// (no string per occurrence): fixed phrases are compared character by character outward from the term, and the
// words of the sentence are looked up, as they are read, in a hash table of the listed words.

/** A fixed phrase seen from a term inside it: what must stand before and after the term ("de " + term + " dat"). */
interface Around {
  before: string;
  after: string;
}

/**
 * A list of words (notNear or cues): its words and phrases are in the glossary's word table (SenseIndex) under this
 * test's number.
 */
interface WordTest {
  id: number;
}

/** Kinds of entries of the word table. */
const WORD = 0, PREFIX = 1, PHRASE_START = 2, PHRASE = 3;

interface Entry {
  kind: number;
  hash: number;
  text: string;
  /** The tests it belongs to, in the order they were made. */
  ids: number[];
  /** PHRASE_START: the phrases (entry numbers) that begin with this word. PHRASE: whether its last word may go on (*). */
  phrases: number[];
  open: boolean;
}

/**
 * The words and phrases of all word tests of a glossary. Single words are in an open-addressing hash table over typed
 * arrays, looked up by a hash computed as a sentence's letters are read, with no string made: a sentence is read
 * once whatever tests look at it (this is the hot path of senses). A word ending in * is looked up at its length
 * in every longer word. A phrase of several words is found from its first word (in the table too); a Chinese phrase
 * from its first character. A hit is checked character by character.
 */
class WordTable {
  private slots = new Int32Array(1024); // entry index + 1, 0 = empty
  private readonly entries: Entry[] = [];
  /** Lengths of words and of prefixes in the table (for a quick no). */
  readonly wordLens = new Uint8Array(64);
  readonly prefixLens = new Uint8Array(64);
  /** The first three letters of the prefixes (of two letters: the first two), hashed: a word that begins otherwise needs no prefix lookup. */
  readonly starts = new Uint8Array(1 << 16);
  /** Chinese phrases by their first character. */
  readonly han = new Map<number, number[]>();

  static startOf(c0: number, c1: number, c2: number): number {
    return (Math.imul(c0, 961) + Math.imul(c1, 31) + c2) & 0xffff;
  }

  static hashStep(h: number, c: number): number {
    return Math.imul(h ^ c, 0x01000193);
  }
  static hashOf(text: string): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < text.length; i++) hash = WordTable.hashStep(hash, text.charCodeAt(i));
    return hash;
  }
  private static slotOf(hash: number, mask: number): number {
    return (Math.imul(hash, 0x9e3779b1) >>> 16) & mask;
  }

  /** Adds a word or phrase (folded; a trailing * lets it go on) of test `id`. */
  add(raw: string, id: number): void {
    const open = raw.endsWith('*') && raw.length > 1;
    const text = open ? raw.slice(0, -1) : raw;
    if (!text || text.length >= 64) return;
    if (isHanCode(text.charCodeAt(0))) {
      const k = this.entry(PHRASE, text, open, id, false);
      const list = this.han.get(text.charCodeAt(0));
      if (!list) this.han.set(text.charCodeAt(0), [k]); else if (!list.includes(k)) list.push(k);
      return;
    }
    const sp = text.indexOf(' ');
    if (sp < 0 && !hasHanCode(text)) {
      this.entry(open ? PREFIX : WORD, text, false, id, true);
      (open ? this.prefixLens : this.wordLens)[text.length] = 1;
      if (open) this.starts[WordTable.startOf(text.charCodeAt(0), text.charCodeAt(1), text.length > 2 ? text.charCodeAt(2) : 0)] = 1;
      return;
    }
    // A phrase: found from its first word.
    const first = sp < 0 ? text.slice(0, [...text].findIndex((ch) => isHanCode(ch.charCodeAt(0)))) : text.slice(0, sp);
    if (!first) return;
    const k = this.entry(PHRASE, text, open, id, false);
    const start = this.entries[this.entry(PHRASE_START, first, false, -1, true)];
    if (!start.phrases.includes(k)) start.phrases.push(k);
    this.wordLens[first.length] = 1;
  }

  /** The entry of this kind and text (made if new, in the slots when `slotted`), with test `id` added (unless -1). */
  private entry(kind: number, text: string, open: boolean, id: number, slotted: boolean): number {
    const hash = WordTable.hashOf(text);
    let k = slotted ? this.find(hash, kind, text) : this.entries.findIndex((e) => e.kind === kind && e.text === text && e.open === open);
    if (k < 0) {
      if (slotted && (this.entries.length + 1) * 8 > this.slots.length) this.grow(); // sparse: a miss is one empty slot
      k = this.entries.push({ kind, hash, text, ids: [], phrases: [], open }) - 1;
      if (slotted) this.place(k);
    }
    const ids = this.entries[k].ids;
    if (id >= 0 && ids[ids.length - 1] !== id) ids.push(id);
    return k;
  }

  private place(k: number): void {
    const mask = this.slots.length - 1;
    let s = WordTable.slotOf(this.entries[k].hash, mask);
    while (this.slots[s]) s = (s + 1) & mask;
    this.slots[s] = k + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.entries.forEach((e, k) => { if (e.kind !== PHRASE) this.place(k); });
  }

  private find(hash: number, kind: number, text: string): number {
    const mask = this.slots.length - 1;
    for (let s = WordTable.slotOf(hash, mask); this.slots[s]; s = (s + 1) & mask) {
      const e = this.entries[this.slots[s] - 1];
      if (e.hash === hash && e.kind === kind && e.text === text) return this.slots[s] - 1;
    }
    return -1;
  }

  /** The entry (its number) of this kind whose text is the folded text [i, i + len), with `hash` its hash; -1 if none. */
  lookup(f: Uint16Array, i: number, len: number, hash: number, kind: number): number {
    const mask = this.slots.length - 1, slots = this.slots;
    for (let s = WordTable.slotOf(hash, mask); slots[s]; s = (s + 1) & mask) {
      const e = this.entries[slots[s] - 1];
      if (e.hash !== hash || e.kind !== kind || e.text.length !== len) continue;
      let k = 0;
      while (k < len && e.text.charCodeAt(k) === f[i + k]) k++;
      if (k === len) return slots[s] - 1;
    }
    return -1;
  }

  /** Pushes onto `out`, as (entry, start, end) threes, the word [i, i + len) (`hash` its hash) and the phrases it begins that stand there (before b). */
  words(f: Uint16Array, i: number, len: number, hash: number, b: number, out: number[]): void {
    const mask = this.slots.length - 1, slots = this.slots;
    for (let s = WordTable.slotOf(hash, mask); slots[s]; s = (s + 1) & mask) {
      const e = this.entries[slots[s] - 1];
      if (e.hash !== hash || e.text.length !== len || (e.kind !== WORD && e.kind !== PHRASE_START)) continue;
      let k = 0;
      while (k < len && e.text.charCodeAt(k) === f[i + k]) k++;
      if (k < len) continue;
      if (e.kind === WORD) out.push(slots[s] - 1, i, i + len);
      else this.phrasesAt(e.phrases, f, i, b, out);
    }
  }

  /** Pushes onto `out`, as (entry, start, end) threes, the phrases of entry `k` (a first word, or Chinese) that stand at i. */
  phrasesAt(k: number[], f: Uint16Array, i: number, b: number, out: number[]): void {
    for (const p of k) {
      const e = this.entries[p];
      const end = phraseEnd(f, i, b, e.text, e.open);
      if (end >= 0) out.push(p, i, end);
    }
  }

  /** The tests of entry k. */
  ids(k: number): number[] {
    return this.entries[k].ids;
  }

  /** Does entry k belong to test `id`? (Its tests are in the order they were made: a binary search.) */
  has(k: number, id: number): boolean {
    const ids = this.entries[k].ids;
    let lo = 0, hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid] < id) lo = mid + 1; else if (ids[mid] > id) hi = mid - 1; else return true;
    }
    return false;
  }
}

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

/**
 * What the senses of one glossary's terms are decided with: each context compiled when first needed, and one table of
 * the single words of all their word lists, so that a sentence is read once whatever tests look at it.
 */
export class SenseIndex {
  readonly contexts = new Map<TermContext, CompiledContext>();
  readonly table = new WordTable();
  /** Tests made so far; a sentence's words found before a newer test was made are looked for again. */
  tests = 0;
  compile(ctx: TermContext): CompiledContext {
    let c = this.contexts.get(ctx);
    if (!c) {
      c = { notIn: (ctx.notIn ?? []).map(foldKey).filter(Boolean), around: new Map(), notNear: this.wordTest(ctx.notNear), cues: this.wordTest(ctx.cues) };
      this.contexts.set(ctx, c);
    }
    return c;
  }
  private wordTest(list: string[] | undefined): WordTest | undefined {
    if (!list?.length) return undefined;
    const t: WordTest = { id: this.tests++ };
    for (const raw of list) {
      const w = foldKey(raw);
      if (w) this.table.add(w, t.id);
    }
    return t;
  }
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

/** The sentence around [start, end) (at most SENTENCE_REACH characters each side); cues are also looked for in the one before. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  const aMin = Math.max(0, start - SENTENCE_REACH);
  while (a > aMin && !isSentenceEnd(text, a - 1)) a--;
  let b = end;
  const bMax = Math.min(text.length, end + SENTENCE_REACH);
  while (b < bMax && !isSentenceEnd(text, b)) b++;
  return [a, b];
}

/**
 * What the sense of one scan's occurrences shares: the sentence last looked at (occurrences come in document order,
 * most share their sentence with the one before) and its text, made when a phrase is looked for.
 */
export class SenseScope {
  /** The current sentence [a, b), and where the sentence before it begins (p; a if none within reach). */
  a = -1;
  b = -1;
  p = -1;
  /** The words and phrases of the current sentence that tests list: entry of the word table, start, end, in threes; and how many tests there were. */
  private words: number[] | undefined;
  private wordsFor = -1;
  /** The tests with a word or phrase anywhere in the current sentence, one bit each: most tests are answered by their bit. */
  private bits = new Uint32Array(64);
  constructor(private readonly text: string, private readonly folded: Uint16Array, readonly index: SenseIndex) {}
  /** Makes the sentence around [start, end) the current one. */
  sentence(start: number, end: number): void {
    if (!(start >= this.a && end <= this.b && this.a >= 0)) {
      [this.a, this.b] = sentenceAround(this.text, start, end);
      // The sentence before: a cue there still speaks for the topic ("Tickets come in through the form. Each one
      // gets a number."), as far as a sentence reaches from the term.
      let q = this.a - 1;
      while (q >= 0 && /\s/.test(this.text[q])) q--;
      this.p = q >= 0 && start - q < SENTENCE_REACH ? Math.max(sentenceAround(this.text, q, q + 1)[0], start - SENTENCE_REACH) : this.a;
      this.words = undefined;
    }
  }
  /** The words and phrases of the sentence that some test lists, looked up once per sentence. */
  private listed(): number[] {
    if (this.words && this.wordsFor === this.index.tests) return this.words;
    const out: number[] = [];
    const f = this.folded, b = this.b, table = this.index.table, cls = CHAR_CLASS;
    for (let i = this.p; i < b; ) {
      const kind = cls[f[i]] & (WORD_CLASS | HAN_CLASS);
      if (!(kind & WORD_CLASS)) { i++; continue; }
      // Words: runs of letters, split where Latin letters meet Chinese characters ("在crm中": 在, crm, 中).
      const han = (kind & HAN_CLASS) !== 0;
      let j = i + 1;
      while (j < b && (cls[f[j]] & (WORD_CLASS | HAN_CLASS)) === kind) j++;
      if (han) {
        for (let k = i; k < j; k++) { const list = table.han.get(f[k]); if (list) table.phrasesAt(list, f, k, b, out); }
      } else if (j - i < 64) {
        const prefixLens = table.prefixLens;
        // Prefixes are looked up only in words that begin as one of them does.
        const len = j - i;
        const maybe = len >= 2 && (table.starts[WordTable.startOf(f[i], f[i + 1], 0)] === 1 || (len >= 3 && table.starts[WordTable.startOf(f[i], f[i + 1], f[i + 2])] === 1));
        let hash = 0x811c9dc5 | 0;
        for (let k = i; k < j; k++) {
          hash = WordTable.hashStep(hash, f[k]);
          if (maybe && prefixLens[k - i + 1]) { const e = table.lookup(f, i, k - i + 1, hash, PREFIX); if (e >= 0) out.push(e, i, j); }
        }
        if (table.wordLens[len]) table.words(f, i, len, hash, b, out);
      }
      i = j;
    }
    this.wordsFor = this.index.tests;
    const need = (this.index.tests >>> 5) + 1;
    if (this.bits.length < need) this.bits = new Uint32Array(need * 2); else this.bits.fill(0);
    const bits = this.bits;
    for (let k = 0; k < out.length; k += 3) for (const id of table.ids(out[k])) bits[id >>> 5] |= 1 << (id & 31);
    return (this.words = out);
  }
  /** Is a word or phrase of `t` in the current sentence (from `from` on), outside [start, end) (the term itself)? */
  has(t: WordTest, start: number, end: number, from: number): boolean {
    const w = this.listed(), table = this.index.table;
    if (!(this.bits[t.id >>> 5] & (1 << (t.id & 31)))) return false;
    for (let k = 0; k < w.length; k += 3) if (w[k + 1] >= from && (w[k + 2] <= start || w[k + 1] >= end) && table.has(w[k], t.id)) return true;
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
    if (!ix) c.around.set(key, (ix = indexAround(aroundOf(c.notIn, foldKey(stringOf(folded, start, end))))));
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
