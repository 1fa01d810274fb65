/**
 * One pass over a document: fold the text, blank out what is not prose, detect the language, and
 * find every term occurrence with the glossary's matcher. Every feature works from the result.
 */
import { BLOCK, SEP, foldKey, foldRange, foldText, hasHan, isWordCode, unitsString } from './fold';
import { detectLanguage, Detection } from './detect';
import { isAcronymAsWritten, type Glossary } from './glossary';
import { findIgnoredRegions } from './regions';
import { firstIndex, ownText } from './util';
import type { Concept, Lang, Term, TermContext } from './types';
import { LANGS } from './types';
import { isFunctionWord } from './functionWords';
import { DOUBTFUL, NOT, SURE, SENTENCE_REACH, SenseIndex, SenseScope, hanNeighbour, isHanWord, senseOf, type Sense } from './senses';

export interface AnalysisOptions {
  /** A fixed language, or undefined to detect it. */
  lang?: Lang;
  /** Used when detection is unsure. */
  fallbackLang: Lang;
  /** Terms of these languages are looked for. */
  languages: readonly Lang[];
  /** Folded words and phrases never reported. */
  ignore: ReadonlySet<string>;
  markdown: boolean;
}

export interface Occurrence {
  start: number;
  end: number;
  /** Every term this text can be, best first for this document. */
  terms: Term[];
  /** = terms[0] */
  term: Term;
  /** The terms name more than one concept (SQL, 潛在客戶). */
  ambiguous: boolean;
  /** For ambiguous occurrences: the terms in glossary order, before the document's context ordered them. */
  base?: Term[];
  /**
   * The text may be the everyday word here: its terms ask for a cue word in the sentence and none is there
   * (senses.ts). It hovers with a caution, and no check counts it.
   */
  doubtful: boolean;
}

export interface Analysis {
  lang: Lang;
  detection: Detection;
  occurrences: Occurrence[];
  /** Ignored regions as [start, end) pairs. */
  ignored: number[];
  /**
   * The text analysed and its folded form (ignored regions blanked), kept for re-analysis after an edit. The
   * folded form may be let go (releaseFolded: 2 bytes a character) and is then made again at the next edit.
   */
  text: string;
  folded: Uint16Array | undefined;
  /**
   * After reanalyzeInPlace: the folded text of the analysis this one was made from, whose memory the next
   * reanalyzeInPlace writes into (that analysis is then two versions old and superseded). Re-using two buffers
   * instead of allocating 2 MB per keystroke in a 1 MB document keeps garbage collection out of typing.
   */
  previousFolded?: Uint16Array;
  usage: Usage;
  /** Set by reanalyzeInPlace: this analysis is the previous one after an edit of [at, oldEnd) (old offsets) that changed the length by delta. */
  edit?: AnalysisEdit;
}

export interface AnalysisEdit {
  at: number;
  oldEnd: number;
  newEnd: number;
  delta: number;
  /** Every occurrence is the previous one (shifted when after the edit): the edit changed no term. */
  sameOccurrences: boolean;
  /** Otherwise: the previous occurrences that were replaced (at their old offsets), and those that replaced them. */
  removed: Occurrence[];
  added: Occurrence[];
  /** Some other occurrence that names several concepts now puts another concept first (see orderAmbiguous). */
  reordered: boolean;
}

// English nouns that are also verbs ("lead", "close", "deal", "pitch", marked homograph: verb in the glossary):
// the words around a form that make it a verb.
/** Before the base form: "to lead", "we close", "will convert", "don't churn", "help qualify". */
const VERB_BEFORE = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'must', 'shall', 'may', 'might', 'we', 'i', 'you', 'they', 'who', 'did', 'does', 'do', "'ll", 'please', 'always', 'never',
  'not', "don't", "doesn't", "didn't", "won't", "can't", 'cannot', "let's", 'help', 'helps', 'often', 'usually', 'also', 'then', 'quickly']);
/** Before an -s form: "it leads to", "this closes", "which converts". */
const VERB_BEFORE_3SG = new Set(['it', 'he', 'she', 'this', 'that', 'which', 'what', 'who', 'often', 'usually', 'also', 'always', 'never', 'rarely', 'typically', 'directly']);
/** After any form: "lead the call", "deal with", "follow up", "close out". */
const VERB_AFTER = new Set(['the', 'a', 'an', 'our', 'your', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'them', 'us', 'me', 'him', 'you', 'with', 'by', 'into', 'every', 'each', 'all', 'it', 'discovery', 'calls', 'meetings', 'up', 'off', 'out']);
/**
 * An -s form before "to" is a verb ("poor data quality leads to churn") unless a determiner, an adjective of
 * the trade or a verb of moving leads stands before it ("route leads to SDRs", "all inbound leads to sales").
 */
const NOUN_BEFORE_S_TO = new Set(['assign', 'assigns', 'assigned', 'route', 'routes', 'routed', 'send', 'sends', 'sent', 'pass', 'passes', 'passed', 'hand', 'hands', 'handed',
  'give', 'gives', 'gave', 'push', 'pushes', 'pushed', 'move', 'moves', 'moved', 'return', 'returns', 'returned', 'forward', 'forwards', 'forwarded', 'add', 'adds', 'added',
  'sync', 'syncs', 'synced', 'import', 'imports', 'imported', 'all', 'new', 'more', 'many', 'most', 'few', 'our', 'your', 'their', 'the', 'these', 'those', 'of', 'no', 'qualified',
  'warm', 'hot', 'cold', 'inbound', 'outbound', 'marketing', 'sales', 'good', 'best', 'bad', 'open', 'won', 'lost', 'and', 'or', 'any', 'some', 'two', 'three', 'ten',
  'incoming', 'existing', 'remaining', 'unassigned', 'stale', '']);
/** Before a noun, never before a verb: "every lead you own", "the lead into", "our close rate". */
const DETERMINERS = new Set(['a', 'an', 'the', 'every', 'each', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'his', 'her', 'its', 'my', 'no', 'any', 'some', 'which', 'whose', 'first', 'next', 'new', 'one']);

/** The longest word in the lists above: a longer neighbour is none of them. */
const VERB_WORD_MAX = Math.max(...[...VERB_BEFORE, ...VERB_BEFORE_3SG, ...VERB_AFTER, ...NOUN_BEFORE_S_TO, ...DETERMINERS].map((w) => w.length));

/**
 * The word before `start` and after `end` in folded text (stopping at blocked regions), or '#' for a word
 * too long to be one of the verb words (such a word need not be built).
 */
function wordAt(f: Uint16Array, from: number, dir: 1 | -1): string {
  let i = from;
  while (i >= 0 && i < f.length && f[i] === SEP) i += dir;
  let j = i;
  while (j >= 0 && j < f.length && (isWordCode(f[j]) || f[j] === 0x27)) j += dir;
  const [a, b] = dir > 0 ? [i, j] : [j + 1, i + 1];
  if (b - a > VERB_WORD_MAX) return '#';
  return shortString(f, a, b);
}

/** The units [a, b) of a short word as a string, without the typed-array view unitsString makes (twice per verb test). */
function shortString(f: Uint16Array, a: number, b: number): string {
  const c = String.fromCharCode;
  switch (b - a) {
    case 0: return '';
    case 1: return c(f[a]);
    case 2: return c(f[a], f[a + 1]);
    case 3: return c(f[a], f[a + 1], f[a + 2]);
    case 4: return c(f[a], f[a + 1], f[a + 2], f[a + 3]);
    case 5: return c(f[a], f[a + 1], f[a + 2], f[a + 3], f[a + 4]);
    case 6: return c(f[a], f[a + 1], f[a + 2], f[a + 3], f[a + 4], f[a + 5]);
    default: return unitsString(f, a, b);
  }
}

function isVerbUse(f: Uint16Array, start: number, end: number): boolean {
  const before = wordAt(f, start - 1, -1), after = wordAt(f, end, 1);
  // "this leads to" is a verb (third person after its subject); "this lead" is not.
  if (DETERMINERS.has(before) && !(f[end - 1] === 0x73 && VERB_BEFORE_3SG.has(before))) return false;
  // An -s form ("leads", "closes"; not "'s") is a plural noun unless it is third person singular after its subject
  // or before "to" ("Leads with a fit score", "Deals that close" are nouns; "this leads to churn" is a verb).
  if (f[end - 1] === 0x73 && f[end - 2] !== 0x27) return VERB_BEFORE_3SG.has(before) || (after === 'to' && !NOUN_BEFORE_S_TO.has(before));
  return VERB_BEFORE.has(before) || VERB_AFTER.has(after);
}

export function analyze(text: string, glossary: Glossary, opts: AnalysisOptions): Analysis {
  const steps = analyzeSteps(text, glossary, opts);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * The same analysis in steps: it pauses (yields) after each slice of the scan, so that a caller with an
 * event loop can answer other requests while a huge document is checked. The scan's only state is its
 * position, so resuming where a slice stopped gives exactly the one-pass result.
 */
export function* analyzeSteps(text: string, glossary: Glossary, opts: AnalysisOptions, slice = 256 * 1024): Generator<void, Analysis> {
  const ignored = findIgnoredRegions(text, opts.markdown);
  const folded = foldedWithBlocks(text, ignored);
  const detection = detectProse(text, folded, glossary, opts);
  const lang = opts.lang ?? (detection.confidence >= 0.15 ? detection.lang : opts.fallbackLang);
  const occurrences: Occurrence[] = [];
  const scan = scanner(text, folded, glossary, opts, lang, knowsLanguage(opts, detection));
  for (let at = 0; at < text.length; ) {
    const limit = at + slice;
    at = scan(at, occurrences, limit);
    if (at < text.length) yield;
  }
  const usage = countUsage(occurrences);
  orderAmbiguous(occurrences, usage);
  return { lang, detection, occurrences, ignored, text, folded, usage };
}

/** The folded text of `text` with the ignored regions blanked, as the scan reads it. */
function foldedWithBlocks(text: string, ignored: number[]): Uint16Array {
  const folded = foldText(text);
  for (let k = 0; k < ignored.length; k += 2) folded.fill(BLOCK, ignored[k], ignored[k + 1]);
  return folded;
}

/**
 * Lets go of an analysis's folded texts (its own and the spare for the next edit): for a document that is open but
 * not being edited, which would otherwise keep 2 bytes a character. Its next edit folds the text again (about as
 * long as the scan of 1 MB takes in a tenth of it: 8–15 ms for 1 MB), once.
 */
export function releaseFolded(a: Analysis): void {
  a.folded = undefined;
  a.previousFolded = undefined;
}

/** The language of a document from its beginning, without analysing the rest. */
export function quickLanguage(text: string, glossary: Glossary, opts: AnalysisOptions): Lang {
  if (opts.lang) return opts.lang;
  const head = text.slice(0, DETECT_HEAD);
  const folded = foldedWithBlocks(head, findIgnoredRegions(head, opts.markdown));
  const d = detectProse(head, folded, glossary, opts);
  return d.confidence >= 0.15 ? d.lang : opts.fallbackLang;
}

/** How much of a document its language is detected from (detectLanguage reads no more). */
const DETECT_HEAD = 20000;

/**
 * The document's language from its prose, with the glossary's terms left out: the terms are what the checks
 * change, so applying a fix must not change the language the fixes are chosen by (a text made only of terms
 * in several languages says nothing about its language).
 */
function detectProse(text: string, folded: Uint16Array, glossary: Glossary, opts: AnalysisOptions): Detection {
  const head = folded.slice(0, Math.min(folded.length, DETECT_HEAD));
  const terms: Occurrence[] = [];
  scanner(text, head, glossary, opts, opts.fallbackLang, false, false)(0, terms);
  for (const o of terms) head.fill(BLOCK, o.start, o.end);
  return detectLanguage(head);
}

/** Characters whose typing can change what is prose (code, links, URLs, front matter, comments, line structure). */
const STRUCTURAL = /[`~<>[\]()!:/@.\n\r*_#=|\\-]/;

/**
 * Can this edit change the ignored regions? When it types or deletes Markdown structure, when it is in a
 * token that is or may become a URL or e-mail address (letters typed next to an existing "://" or "@"),
 * or when it is in or next to an ignored region.
 */
function mayChangeRegions(prev: Analysis, text: string, p: number, oldEnd: number, newEnd: number): boolean {
  if (STRUCTURAL.test(prev.text.slice(p, oldEnd)) || STRUCTURAL.test(text.slice(p, newEnd))) return true;
  let tokStart = p;
  while (tokStart > 0 && !/\s/.test(text[tokStart - 1])) tokStart--;
  let tokEnd = newEnd;
  while (tokEnd < text.length && !/\s/.test(text[tokEnd])) tokEnd++;
  if (/[@:/\\]|www\./i.test(text.slice(tokStart, tokEnd))) return true;
  const ig = prev.ignored, delta = text.length - prev.text.length;
  // The regions are sorted: find the first that may reach the token.
  const k = firstIndex(ig.length / 2, (i) => ig[2 * i + 1] >= tokStart - 1);
  return k < ig.length / 2 && ig[2 * k] <= tokEnd - delta + 1;
}

/**
 * An array of `length` units for a folded text: in the memory of `reuse` (a superseded folded text) when it is
 * large enough, else new, with room for some typing.
 */
function foldedBuffer(reuse: Uint16Array | undefined, length: number): Uint16Array {
  if (reuse && reuse.buffer.byteLength - reuse.byteOffset >= length * 2) return new Uint16Array(reuse.buffer, reuse.byteOffset, length);
  return new Uint16Array(new ArrayBuffer((length + 4096) * 2), 0, length);
}

/** The parts of sorted, disjoint [start, end) pairs that lie in [from, to), moved by `shift`. */
function clip(pairs: number[], from: number, to: number, shift: number): number[] {
  const out: number[] = [];
  for (let k = firstIndex(pairs.length / 2, (i) => pairs[2 * i + 1] > from) * 2; k < pairs.length && pairs[k] < to; k += 2) {
    out.push(Math.max(pairs[k], from) + shift, Math.min(pairs[k + 1], to) + shift);
  }
  return out;
}

/** Where exactly one of two lists of sorted, disjoint [start, end) pairs covers the text, as such pairs. */
function symmetricDifference(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0, j = 0, inA = false, inB = false, at = 0;
  // The boundaries of both lists in order; each one toggles its list's coverage (starts and ends alternate).
  while (i < a.length || j < b.length) {
    const x = Math.min(i < a.length ? a[i] : Infinity, j < b.length ? b[j] : Infinity);
    if (inA !== inB && at < x) {
      if (out.length && out[out.length - 1] === at) out[out.length - 1] = x;
      else out.push(at, x);
    }
    while (i < a.length && a[i] === x) { inA = !inA; i++; }
    while (j < b.length && b[j] === x) { inB = !inB; j++; }
    at = x;
  }
  return out;
}

/** Does a list of sorted, disjoint [start, end) pairs cover position x? */
function covers(pairs: number[], x: number): boolean {
  const k = firstIndex(pairs.length / 2, (i) => pairs[2 * i + 1] > x);
  return k < pairs.length / 2 && pairs[2 * k] <= x;
}

/**
 * The analysis of `text` after an edit of `prev.text`, re-scanning only around the change: the scan's only
 * state is its position, so once the new scan passes the edit and stands where the old scan also stood, the old
 * occurrences after it hold (shifted). Returns undefined where only a full analysis is safe: the edit touches
 * Markdown structure or an ignored region, or changes the detected language.
 *
 * In place: `prev` is superseded and must not be used afterwards. The new analysis takes over its occurrence
 * objects, those after the edit moved to their new offsets (findings refer to them and move with them), and the
 * folded text is written into the memory of `prev.previousFolded` (two versions old), even when the result is
 * undefined.
 */
export function reanalyzeInPlace(prev: Analysis, text: string, glossary: Glossary, opts: AnalysisOptions): Analysis | undefined {
  const old = prev.text;
  const max = Math.min(old.length, text.length);
  // Common prefix and suffix: whole chunks first (string comparison is a memory compare), then characters.
  const CHUNK = 4096;
  let p = 0;
  while (p + CHUNK <= max && old.slice(p, p + CHUNK) === text.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let sfx = 0;
  while (sfx + CHUNK <= max - p && old.slice(old.length - sfx - CHUNK, old.length - sfx) === text.slice(text.length - sfx - CHUNK, text.length - sfx)) sfx += CHUNK;
  while (sfx < max - p && old.charCodeAt(old.length - 1 - sfx) === text.charCodeAt(text.length - 1 - sfx)) sfx++;
  const oldEnd = old.length - sfx, newEnd = text.length - sfx, delta = text.length - old.length;
  if (p === oldEnd && p === newEnd) return { ...prev, text, edit: { at: p, oldEnd, newEnd, delta: 0, sameOccurrences: true, removed: [], added: [], reordered: false } };
  if (newEnd - p > 1000 || oldEnd - p > 1000) return undefined;
  // The folded text: the old one around the edit, the edited text folded afresh.
  const prevFolded = (prev.folded ??= foldedWithBlocks(old, prev.ignored));
  const folded = foldedBuffer(prev.previousFolded, text.length);
  folded.set(prevFolded.subarray(0, p), 0);
  foldRange(text, p, newEnd, folded);
  folded.set(prevFolded.subarray(oldEnd), newEnd);
  let ignored: number[];
  // Where the folded text (prose, with ignored regions blanked) may differ from the old one, in new offsets.
  let dirtyStart = p, dirtyEnd = newEnd;
  if (!mayChangeRegions(prev, text, p, oldEnd, newEnd)) {
    const ig = prev.ignored;
    ignored = ig.map((x, k) => (ig[k - (k % 2)] >= oldEnd ? x + delta : x));
  } else {
    // The edit may open, close or change code, a link, a URL, a comment or a block: find the ignored regions
    // afresh. Around the edit, the folded text changes only where a position became ignored or stopped
    // being ignored: blank or fold those stretches, and the edited text by the new regions.
    ignored = findIgnoredRegions(text, opts.markdown);
    const was = [...clip(prev.ignored, 0, p, 0), ...clip(prev.ignored, oldEnd, old.length, delta)];
    const now = [...clip(ignored, 0, p, 0), ...clip(ignored, newEnd, text.length, 0)];
    const changed = symmetricDifference(was, now);
    for (let k = 0; k < changed.length; k += 2) {
      const [s, e] = [changed[k], changed[k + 1]];
      if (covers(now, s)) folded.fill(BLOCK, s, e);
      else foldRange(text, s, e, folded);
    }
    const inEdit = clip(ignored, p, newEnd, 0);
    for (let k = 0; k < inEdit.length; k += 2) folded.fill(BLOCK, inEdit[k], inEdit[k + 1]);
    if (changed.length) {
      dirtyStart = Math.min(dirtyStart, changed[0]);
      dirtyEnd = Math.max(dirtyEnd, changed[changed.length - 1]);
    }
  }
  let detection = prev.detection;
  if (dirtyStart < DETECT_HEAD) {
    detection = detectProse(text, folded, glossary, opts);
    const lang = opts.lang ?? (detection.confidence >= 0.15 ? detection.lang : opts.fallbackLang);
    if (lang !== prev.lang || knowsLanguage(opts, detection) !== knowsLanguage(opts, prev.detection)) return undefined;
  }

  // Where the new scan starts: well before the edit (the longest key, and a word of context for the verb test),
  // at a position the old scan stood on (not inside an old occurrence).
  const reach = glossary.matcher.maxKeyLength + 40 + SENTENCE_REACH;
  let from = dirtyStart;
  for (let n = 0; from > 0 && n < reach; ) if (folded[--from] !== SEP) n++;
  const occs = prev.occurrences;
  // Old occurrences [0, firstRescanned) stay as they are (occurrences do not overlap: their ends are in order too).
  const firstRescanned = firstIndex(occs.length, (i) => occs[i].end > from);
  if (firstRescanned < occs.length && occs[firstRescanned].start < from) from = occs[firstRescanned].start;
  // Where it may stop: past the edit by the same reach, at a position the old scan also stood on.
  let until = dirtyEnd;
  for (let n = 0; until < text.length && n < reach; ) if (folded[until++] !== SEP) n++;
  let after = firstRescanned; // first old occurrence that may follow the re-scan
  while (after < occs.length && occs[after].start < oldEnd) after++;
  const insideOld = (i: number) => {
    // Is new position i strictly inside an old (shifted) occurrence that lies after the edit?
    let lo = after, hi = occs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const o = occs[mid];
      if (o.start + delta >= i) hi = mid - 1;
      else if (o.end + delta <= i) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const fresh: Occurrence[] = [];
  const stoppedAt = scanner(text, folded, glossary, opts, prev.lang, knowsLanguage(opts, detection))(from, fresh, until, (i) => !insideOld(i));
  // Did the edit change any occurrence? The fresh ones must be the old ones between the re-scan's ends, moved.
  // (Old occurrences that began in the replaced text are all in it: the scan stops only past the edit.)
  let firstAfter = after;
  while (firstAfter < occs.length && occs[firstAfter].start + delta < stoppedAt) firstAfter++;
  // Which occurrences did the edit change? Between the re-scan's ends, an old occurrence found again (at the
  // same place after the edit, with the same terms, not over the edited text) lives on as the same object,
  // moved (findings refer to them, see findings.ts). The others were removed, and the fresh ones in their
  // place added: only their concepts need their findings again.
  const touches = (o: Occurrence) => o.end > p && o.start < oldEnd;
  const newStart = (o: Occurrence) => (o.start >= oldEnd ? o.start + delta : o.start);
  const window: Occurrence[] = [];
  const removed: Occurrence[] = [], added: Occurrence[] = [];
  let k = firstRescanned;
  for (const f of fresh) {
    while (k < firstAfter && (touches(occs[k]) || newStart(occs[k]) < f.start)) removed.push(occs[k++]);
    const o = k < firstAfter ? occs[k] : undefined;
    if (o && newStart(o) === f.start && o.end - o.start === f.end - f.start && o.doubtful === f.doubtful && sameTerms(f.base ?? f.terms, o.base ?? o.terms)) {
      if (o.start >= oldEnd) { o.start += delta; o.end += delta; }
      window.push(o);
      k++;
    } else {
      window.push(f);
      added.push(f);
    }
  }
  while (k < firstAfter) removed.push(occs[k++]);
  const sameOccurrences = !removed.length && !added.length;
  // The old occurrences after the re-scan move by the edit's length change, and the re-scanned ones take their
  // place: in place, the array too (the previous analysis is superseded by this one; a new array of every
  // occurrence per keystroke is large enough to cost fresh memory each time).
  if (delta) {
    for (let j = firstAfter; j < occs.length; j++) {
      const o = occs[j];
      o.start += delta;
      o.end += delta;
    }
  }
  const occurrences = occs;
  if (window.length === firstAfter - firstRescanned) for (let j = 0; j < window.length; j++) occs[firstRescanned + j] = window[j];
  else occs.splice(firstRescanned, firstAfter - firstRescanned, ...window);
  // With other terms in the document, a text that names several concepts may now mean another one first.
  // (When every occurrence is as it was, so is the usage, and so is their order.)
  let usage = prev.usage, reordered = false;
  if (!sameOccurrences) {
    usage = { concepts: new Map(prev.usage.concepts), domains: new Map(prev.usage.domains), orders: new Map() };
    for (const o of removed) count(usage, o, -1);
    for (const o of added) count(usage, o, 1);
    for (const [base, was] of prev.usage.orders) {
      const now = orderOf(base, usage);
      usage.orders.set(base, now);
      if (!sameTerms(now, was)) reordered = true;
    }
    orderAmbiguous(reordered ? occurrences : added, usage);
  }
  return { lang: prev.lang, detection, occurrences, ignored, text, folded, previousFolded: prevFolded, usage, edit: { at: p, oldEnd, newEnd, delta, sameOccurrences, removed, added, reordered } };
}

const sameTerms = (a: Term[], b: Term[]): boolean => a === b || (a.length === b.length && a.every((t, i) => t === b[i]));

/**
 * What a matched key can be: its terms in this document's order of preference, and whether they name several
 * concepts. For a key with acronyms, what it is depends on how the text is written ("MQL", "Mql", "MQLs"):
 * one answer per way of writing, made once.
 */
interface Candidates {
  terms: Term[];
  ambiguous: boolean;
  verb: boolean;
  written: Map<string, Candidates> | undefined;
  /** Some term has a context (senses.ts): its sense is decided per occurrence. */
  context: boolean;
  /** The candidates that remain when some are not meant here, by the bit mask of those that remain (made at the first). */
  subsets: Map<number, Candidates> | undefined;
  /** These candidates without other languages' inflected forms (this object when there are none), once known. */
  foreign: Candidates | undefined;
  /** The context of each concept among the candidates that has one, its terms' contexts merged (once needed). */
  senses: { concept: Concept; context: TermContext }[] | undefined;
}

/**
 * One context per concept for terms written alike: the Swedish loanword "account" in an English text is not the
 * concept in "take into account" either. Exclusions of any term hold (notIn, notNear merged); a cue of any term is
 * enough, and a term with exclusions but no cues is meant wherever it is not excluded (then no cues).
 */
function mergedContexts(terms: Term[]): { concept: Concept; context: TermContext }[] {
  const out: { concept: Concept; context: TermContext }[] = [];
  for (const c of distinctConcepts(terms)) {
    const ctxs = terms.filter((t) => t.concept === c && t.context).map((t) => t.context!);
    if (!ctxs.length) continue;
    if (ctxs.length === 1) { out.push({ concept: c, context: ctxs[0] }); continue; }
    const union = (k: keyof TermContext) => [...new Set(ctxs.flatMap((x) => x[k] ?? []))];
    const context: TermContext = { notIn: union('notIn'), notNear: union('notNear') };
    if (ctxs.every((x) => x.cues?.length)) context.cues = union('cues');
    out.push({ concept: c, context });
  }
  return out;
}
/** The compiled contexts of each glossary's terms (senses.ts). */
const senseIndexes = new WeakMap<Glossary, SenseIndex>();
/** The candidates of each key, per glossary, document language and languages looked for: they depend on nothing else. */
const candidateCache = new WeakMap<Glossary, Map<string, Map<number, Candidates>>>();
/** At most this many keys' candidates are kept per glossary and kind of document; more, and they are made afresh. */
export const MAX_CACHED_KEYS = 50000;
/** How many keys' candidates are kept for a glossary (all kinds of documents). */
export const cachedKeys = (glossary: Glossary): number => [...(candidateCache.get(glossary)?.values() ?? [])].reduce((n, m) => n + m.size, 0);

const NONE: Candidates = { terms: [], ambiguous: false, verb: false, written: undefined, context: false, subsets: undefined, foreign: undefined, senses: undefined };
NONE.foreign = NONE;

/**
 * Candidates of `terms` (a list made for them). The cache keeps an exact copy: filter's result keeps room for 16
 * or more terms, and the 32,000 keys a long session with 50,000 concepts meets had 4.7 MB of such lists.
 */
function candidatesOf(terms: Term[], verb: boolean, written: Map<string, Candidates> | undefined): Candidates {
  if (!terms.length) return NONE;
  terms = terms.slice();
  const context = terms.length <= 30 && terms.some((t) => t.context !== undefined);
  return { terms, ambiguous: terms.some((t) => t.concept !== terms[0].concept), verb, written, context, subsets: undefined, foreign: undefined, senses: undefined };
}

/** The candidates of `e` whose bit is set in `mask` (one list per mask, made once). */
function subsetOf(e: Candidates, mask: number): Candidates {
  const subsets = (e.subsets ??= new Map());
  let k = subsets.get(mask);
  if (!k) subsets.set(mask, (k = candidatesOf(e.terms.filter((_, i) => (mask & (1 << i)) !== 0), e.verb, undefined)));
  return k;
}

/**
 * Is the document's language known (fixed, or detected with confidence)? Only then are other languages' loanwords
 * and inflected forms left to their own language: a short text of unknown language is looked at in every one.
 */
const knowsLanguage = (opts: AnalysisOptions, d: Detection): boolean => opts.lang !== undefined || d.confidence >= 0.15;

/**
 * A scan of `folded` from a position, collecting occurrences, until `stop` says so; returns where it stopped.
 * `own`: the document is surely in `lang`, so other languages' loanwords and inflected forms are not its terms.
 * `senses`: decide each term's sense (not when the terms are only blanked out to detect the language).
 */
function scanner(text: string, folded: Uint16Array, glossary: Glossary, opts: AnalysisOptions, lang: Lang, own: boolean, senses = true) {
  const enabled = new Set(opts.languages);
  const rankLang = (l: Lang) => (l === lang ? 0 : 1 + LANGS.indexOf(l));

  // The candidates of a matched key, in document order of preference; computed once per key.
  const cacheKey = `${lang}|${own}|${opts.languages.join(',')}`;
  let perGlossary = candidateCache.get(glossary);
  if (!perGlossary) candidateCache.set(glossary, (perGlossary = new Map()));
  let cached = perGlossary.get(cacheKey);
  if (!cached) perGlossary.set(cacheKey, (cached = new Map()));
  // Bounded: the keys met over a long session with a large glossary would otherwise stay, with their terms.
  if (cached.size > MAX_CACHED_KEYS) cached.clear();
  const byKey = cached;
  const sortedFor = (key: number): Candidates => {
    const all = [...glossary.matcher.outputs(key)].map((i) => glossary.terms[i]);
    // Another language's loanword is that language's use of an English word ("support" in Swedish): in a
    // document of a third language, or in English, the word is found (or not) by that language's own terms.
    const terms = all.filter((t) => enabled.has(t.lang) && !(own && t.loanword && t.lang !== lang));
    terms.sort((a, b) => rankLang(a.lang) - rankLang(b.lang) || Number(a.acronym) - Number(b.acronym) || a.rank - b.rank);
    const e = candidatesOf(terms, all.some((t) => t.homograph === 'verb'), terms.some((t) => t.acronym) ? new Map() : undefined);
    byKey.set(key, e);
    return e;
  };
  // Acronyms are matched exactly as written: in capitals, and with their own ending ("MQL-e", not "MQL e").
  const asWritten = (e: Candidates, written: string): Candidates => {
    const acronyms = e.terms.filter((t) => t.acronym && isAcronymAsWritten(t, written));
    // "SalesOps" written like the acronym is the acronym, not the closed compound of "sales ops".
    const w = candidatesOf(acronyms.length ? acronyms : e.terms.filter((t) => !t.acronym), e.verb, undefined);
    e.written!.set(ownText(written), w); // a copy: the cache outlives the document
    return w;
  };
  /** `e` without the terms of other languages that this text is an inflected form of (made once per key). */
  const foreignFormsOut = (e: Candidates, start: number, end: number): Candidates => {
    let mask = 0;
    let matched: string | undefined;
    e.terms.forEach((t, i) => {
      if (!own || t.lang === lang || t.acronym || hasHan(t.text)) { mask |= 1 << i; return; }
      matched ??= foldKey(unitsString(folded, start, end));
      // Another language's term written as one of the document language's small words is that word (the English "pod"
      // is the Polish "under"). Otherwise English is written inside every language's documents, with its plurals
      // ("leads", "upsells"): its forms stay.
      if (isFunctionWord(lang, matched)) return;
      if (t.lang === 'en') { mask |= 1 << i; return; }
      const base = foldKey(t.text);
      if (matched === base || matched === base.replace(/ /g, '')) mask |= 1 << i;
    });
    const remaining = mask === (1 << e.terms.length) - 1 ? e : candidatesOf(e.terms.filter((_, i) => (mask & (1 << i)) !== 0), e.verb, undefined);
    e.foreign = remaining;
    remaining.foreign = remaining;
    return remaining;
  };
  const ignore = opts.ignore;
  let index = senseIndexes.get(glossary);
  if (!index) senseIndexes.set(glossary, (index = new SenseIndex()));
  const scope = new SenseScope(text, folded, index);

  // One `take` for every slice of the scan (a new function per call would undo the scan's compiled code).
  let out: Occurrence[] = [];
  const take = (start: number, end: number, key: number): boolean => {
    if (ignore.size && ignore.has(foldKey(text.slice(start, end)))) return false;
    let e = byKey.get(key) ?? sortedFor(key);
    // "lead the call": when any reading of this text is also a verb, an English verb use is no term at all.
    if (e.verb && isVerbUse(folded, start, end)) return false;
    if (e.written) {
      const written = text.slice(start, end);
      e = e.written.get(written) ?? asWritten(e, written);
    }
    if (!e.terms.length) return false;
    // Inflected forms count in their own language (and English ones everywhere): the Polish "person" (of persona) is
    // not a term in English.
    if (e.foreign !== e) e = e.foreign ?? foreignFormsOut(e, start, end);
    if (!e.terms.length) return false;
    // A Chinese term inside a longer everyday word (成交 in 成交量) is not the term.
    if (senses && (hanNeighbour(folded, start - 1) || hanNeighbour(folded, end)) && (hanNeighbour(folded, start) || hanNeighbour(folded, end - 1))) {
      const lexicon = glossary.lexicon;
      if (lexicon && !isHanWord(lexicon, folded, start, end)) return false;
    }
    // Terms with a context: which of them are meant here, and surely or possibly (senses.ts).
    let doubtful = false;
    if (e.context && senses) {
      // The terms surely meant; if none, those possibly meant (the occurrence is then doubtful). The terms of one
      // concept share one context (mergedContexts).
      const contexts = (e.senses ??= mergedContexts(e.terms));
      if (contexts.length === 1 && !e.ambiguous) {
        // Most texts name one concept: all its terms go or stay together.
        const s = senseOf(contexts[0].context, scope, folded, key, start, end);
        if (s === NOT) return false;
        doubtful = s === DOUBTFUL;
      } else {
        let sure = 0, possible = 0;
        const terms = e.terms;
        const byConcept = new Map<Concept, Sense>();
        for (const x of contexts) byConcept.set(x.concept, senseOf(x.context, scope, folded, key, start, end));
        for (let i = 0; i < terms.length; i++) {
          const s = byConcept.get(terms[i].concept) ?? SURE;
          if (s === NOT) continue;
          possible |= 1 << i;
          if (s !== DOUBTFUL) sure |= 1 << i;
        }
        if (!possible) return false;
        doubtful = !sure;
        const mask = sure || possible;
        if (mask !== (1 << terms.length) - 1) e = subsetOf(e, mask);
      }
    }
    const terms = e.terms;
    // Every occurrence has the same fields (one object shape for the code that reads them); an ambiguous one
    // gets its order from the document's context later (orderAmbiguous).
    out.push({ start, end, terms, term: terms[0], ambiguous: e.ambiguous, base: e.ambiguous ? terms : undefined, doubtful });
    return true;
  };
  return (from: number, into: Occurrence[], stopAt?: number, stop?: (i: number) => boolean): number => {
    out = into;
    return glossary.matcher.scan(folded, from, folded.length, take, stopAt, stop);
  };
}

/** How often a document names each concept and domain (in unambiguous occurrences), and the order this gives each list of candidates of an ambiguous text. */
export interface Usage { concepts: Map<string, number>; domains: Map<string, number>; orders: Map<Term[], Term[]> }

function countUsage(occurrences: Occurrence[]): Usage {
  const u: Usage = { concepts: new Map(), domains: new Map(), orders: new Map() };
  // Count per concept object first (faster to look up than its id), then by id and domain.
  const perConcept = new Map<Concept, number>();
  for (const o of occurrences) if (!o.ambiguous && !o.doubtful) perConcept.set(o.term.concept, (perConcept.get(o.term.concept) ?? 0) + 1);
  for (const [c, n] of perConcept) {
    u.concepts.set(c.id, (u.concepts.get(c.id) ?? 0) + n);
    u.domains.set(c.domain, (u.domains.get(c.domain) ?? 0) + n);
  }
  return u;
}

function count(u: Usage, o: Occurrence, by: 1 | -1): void {
  if (o.ambiguous || o.doubtful) return;
  const c = o.term.concept;
  u.concepts.set(c.id, (u.concepts.get(c.id) ?? 0) + by);
  u.domains.set(c.domain, (u.domains.get(c.domain) ?? 0) + by);
}

/** The candidates of an ambiguous text, the concept the document most likely means first (its own list order breaks ties). */
function orderOf(base: Term[], u: Usage): Term[] {
  const used = (id: string) => u.concepts.get(id) ?? 0;
  const score = (c: Concept) => 10 * used(c.id) + c.related.reduce((s, r) => s + used(r), 0) * 2 + (u.domains.get(c.domain) ?? 0);
  const cs = distinctConcepts(base);
  const order = new Map(cs.map((c, i) => [c.id, i]));
  const s = new Map(cs.map((c) => [c.id, score(c)]));
  return [...base].sort((a, b) => s.get(b.concept.id)! - s.get(a.concept.id)! || order.get(a.concept.id)! - order.get(b.concept.id)!);
}

/**
 * Where one text names several concepts (SQL, ACV), puts first the concept this document most
 * likely means: the one whose related concepts and domain the document talks about. The order
 * depends only on the candidate list (one per key of the matcher): each list is sorted once.
 */
function orderAmbiguous(occurrences: Occurrence[], u: Usage): void {
  for (const o of occurrences) {
    if (!o.ambiguous) continue;
    let terms = u.orders.get(o.base!);
    if (!terms) u.orders.set(o.base!, (terms = orderOf(o.base!, u)));
    o.terms = terms;
    o.term = terms[0];
  }
}

export function distinctConcepts(terms: Term[]): Concept[] {
  const out: Concept[] = [];
  for (const t of terms) if (!out.includes(t.concept)) out.push(t.concept);
  return out;
}
