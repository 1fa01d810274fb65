/**
 * Completion: terms of every language that match what is being typed, fuzzy (fuse.js) over a small
 * candidate set (terms with a word that starts like the typed word), the document's language first.
 */
import Fuse from 'fuse.js';
import { foldKey, isHanCode, isWordCode, foldCode } from './fold';
import type { Glossary } from './glossary';
import { messages } from './l10n';
import type { Lang, Term } from './types';
import { conceptLabel, section } from './util';

export interface CompletionEntry {
  label: string;
  /** Which variant: the term, the term with its definition, or an acronym with its expansion. */
  variant: 'term' | 'definition' | 'acronym';
  insert: string;
  start: number;
  end: number;
  detail: string;
  documentation: string;
  filterText: string;
  sortText: string;
  term: Term;
}

/** What completion needs of a glossary's terms, by index, without making term objects (see CompletionIndex). */
export interface TermIndex {
  /** Indices of the terms (not deprecated) with a word that starts with `prefix`, ascending. */
  get(prefix: string): ArrayLike<number> | undefined;
  text(i: number): string;
  lang(i: number): Lang;
  /** Term i's rank among its concept's terms of its language (Term.rank). */
  rank(i: number): number;
  /** The index in Glossary.concepts of term i's concept, and concept c's name (workspace symbols, symbols.ts). */
  concept?(i: number): number;
  conceptName?(c: number): string;
}

/**
 * Index from the first two and three folded characters of each word of each term (first character for Han).
 * A compiled glossary brings it made (glossary.prefixIndex, made by termPrefixIndex at build time), with the
 * text, language and rank of each term by index: completion then neither folds every term nor makes an object
 * for each of the thousands of candidates of a short prefix, nor for the few hundred it ranks: only for the 40 it
 * offers.
 */
export class CompletionIndex {
  private readonly source: TermIndex;
  /**
   * Folded text of each term, by term index: all of them when the index is made here (the glossary holds every
   * term anyway), else those of the candidates of recent completions (at most MAX_KEYS; with a compiled glossary
   * of 50,000 concepts an array for all would be 3.6 MB, and its strings more).
   */
  private readonly keys: (string | undefined)[] | Map<number, string>;
  constructor(private glossary: Glossary) {
    if (glossary.prefixIndex) {
      this.source = glossary.prefixIndex;
      this.keys = new Map();
    } else {
      const keys: string[] = (this.keys = []);
      const byPrefix = termPrefixIndex(glossary.terms, (i, key) => { keys[i] = key; });
      this.source = { get: (p) => byPrefix.get(p), text: (i) => glossary.terms[i].text, lang: (i) => glossary.terms[i].lang, rank: (i) => glossary.terms[i].rank };
    }
  }
  key(i: number): string {
    const keys = this.keys;
    if (!(keys instanceof Map)) return (keys[i] ??= foldKey(this.source.text(i)));
    let k = keys.get(i);
    if (k === undefined) {
      if (keys.size >= CompletionIndex.MAX_KEYS) keys.clear();
      keys.set(i, (k = foldKey(this.source.text(i))));
    }
    return k;
  }
  /** How many folded texts a compiled glossary's index keeps at most. */
  static readonly MAX_KEYS = 20000;
  /** How many folded texts it keeps now. */
  get keptKeys(): number {
    return this.keys instanceof Map ? this.keys.size : this.keys.length;
  }
  lang(i: number): Lang {
    return this.source.lang(i);
  }
  text(i: number): string {
    return this.source.text(i);
  }
  rank(i: number): number {
    return this.source.rank(i);
  }
  term(i: number): Term {
    return this.glossary.terms[i];
  }
  /**
   * Indices of the terms with a word that starts like the typed text: by its first three letters when that finds
   * enough (small buckets even in a glossary of 50,000 concepts), else by its first two (room for a typo in the third);
   * with the prefix whose bucket they are (a word of each starts with it; for Han, each holds that character).
   */
  bucket(typed: string): { terms: number[]; prefix: string } {
    const k = foldKey(typed);
    if (isHanCode(k.charCodeAt(0))) return { terms: Array.from(this.source.get(k[0]) ?? []), prefix: k[0] };
    const three = k.length >= 3 ? this.source.get(k.slice(0, 3)) : undefined;
    const prefix = three && three.length >= 20 ? k.slice(0, 3) : k.slice(0, 2);
    return { terms: Array.from((prefix.length === 3 ? three : this.source.get(prefix)) ?? []), prefix };
  }
}

/** The prefix index of CompletionIndex: prefix → indices of the terms (not deprecated) with a word that starts so. */
export function termPrefixIndex(terms: readonly Term[], folded?: (i: number, key: string) => void): Map<string, number[]> {
  const byPrefix = new Map<string, number[]>();
  terms.forEach((t, i) => {
    const key = foldKey(t.text);
    folded?.(i, key);
    if (t.status === 'deprecated') return;
    const seen = new Set<string>();
    for (const p of prefixes(key)) {
      if (seen.has(p)) continue;
      seen.add(p);
      const list = byPrefix.get(p);
      if (list) list.push(i); else byPrefix.set(p, [i]);
    }
  });
  return byPrefix;
}

function prefixes(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (isHanCode(c)) out.push(key[i]);
    else if ((i === 0 || key[i - 1] === ' ') && key.length - i >= 2) {
      out.push(key.slice(i, i + 2));
      if (key.length - i >= 3 && key[i + 2] !== ' ') out.push(key.slice(i, i + 3));
    }
  }
  return out;
}

/** The text being typed before `offset`: the current word, or a run of Han characters. */
export function typedPrefix(text: string, offset: number): { start: number; typed: string } | undefined {
  let i = offset;
  const c0 = text.charCodeAt(offset - 1);
  if (isHanCode(c0)) {
    while (i > 0 && isHanCode(text.charCodeAt(i - 1)) && offset - i < 8) i--;
    return { start: i, typed: text.slice(i, offset) };
  }
  const wordStart = (at: number) => {
    let k = at;
    while (k > 0 && isWordCode(foldCode(text.charCodeAt(k - 1))) && !isHanCode(text.charCodeAt(k - 1))) k--;
    return k;
  };
  i = wordStart(offset);
  if (offset - i >= 2) return { start: i, typed: text.slice(i, offset) };
  // One letter of a next word ("marketing q"): the words before it count, for terms of several words.
  if (offset - i === 1 && i >= 2 && (text[i - 1] === ' ' || text[i - 1] === '-')) {
    const prev = wordStart(i - 1);
    if (i - 1 - prev >= 2) return { start: prev, typed: text.slice(prev, offset) };
  }
  return undefined;
}

const MAX = 40;
const MAX_FUZZY = 250;

export function complete(glossary: Glossary, index: CompletionIndex, text: string, offset: number, lang: Lang, languages: readonly Lang[]): CompletionEntry[] {
  const p = typedPrefix(text, offset);
  if (!p) return [];
  const M = messages(lang);
  let { start, typed } = p;
  // Han input: complete from the longest tail of the run that starts some term.
  if (isHanCode(typed.charCodeAt(0))) {
    for (let s = 0; s < typed.length; s++) {
      const tail = typed.slice(s);
      if (index.bucket(tail).terms.some((i) => index.key(i).startsWith(foldKey(tail)))) { start += s; typed = tail; break; }
    }
  }
  const enabled = new Set(languages);
  const key0 = foldKey(typed);
  const bucket = index.bucket(typed);
  let cands = bucket.terms.filter((i) => enabled.has(index.lang(i)));
  // With a large glossary a two-letter bucket holds thousands of terms: fuzzy-rank only the best few hundred,
  // those with a word that starts with what was typed first. When what was typed is the bucket's prefix (not Han),
  // that is every one of them, and their thousands of texts need not be read and folded to know it.
  if (cands.length > MAX_FUZZY) {
    const all = bucket.prefix === key0 && !isHanCode(key0.charCodeAt(0));
    const starts = all ? cands : cands.filter((i) => (' ' + index.key(i)).includes(' ' + key0));
    const first = new Set(starts);
    cands = (starts.length >= MAX_FUZZY / 4 ? starts : [...starts, ...cands.filter((i) => !first.has(i))]).slice(0, MAX_FUZZY);
  }
  if (!cands.length) return [];
  // Terms by index until an item is made of one (a compiled glossary makes a term object only when asked for).
  const fuse = new Fuse(cands.map((i) => ({ i, key: index.key(i) })), { keys: ['key'], includeScore: true, threshold: 0.35, ignoreLocation: true });
  const key = foldKey(typed);
  // Best: a term whose words before the current one are already written ("lejek sprze|" → "lejek sprzedażowy");
  // then a term that starts with what is typed.
  const han = isHanCode(key.charCodeAt(0));
  const hits = fuse.search(key).map((r) => {
    const { i } = r.item;
    // Where the completion starts: before the words of the term already written (only a term of several words has them).
    const from = !han && r.item.key.includes(' ') ? wordsStart(text, start, key, index.text(i)) : start;
    return { i, key: r.item.key, other: index.lang(i) !== lang, from, score: (r.score ?? 1) - (r.item.key.startsWith(key) ? 0.5 : 0) - (from < start ? 0.7 : 0) };
  });
  hits.sort((x, y) => Number(x.other) - Number(y.other) || x.score - y.score || index.rank(x.i) - index.rank(y.i));
  const out: CompletionEntry[] = [];
  const seen = new Set<string>();
  for (const { i, key: id, from } of hits) {
    if (out.length >= MAX) break;
    if (seen.has(id)) continue; // one item per written form, whatever languages share it
    seen.add(id);
    const t = index.term(i);
    const c = t.concept;
    const s = section(c, lang).section;
    const def = s.definition ?? '';
    const conceptName = conceptLabel(c, lang);
    const detail = `${M.langNames[t.lang]} · ${conceptName}`;
    const doc = `**${conceptName}**${def ? `\n\n${def}` : ''}`;
    const rank = String(out.length).padStart(3, '0');
    const sortBase = `${t.lang === lang ? 0 : 1}${rank}`;
    // "marketing qual|" completes to "marketing qualified lead": the words already typed are replaced too (`from`).
    const base = { start: from, end: offset, detail, documentation: doc, filterText: from < start || (typed.length && foldKey(t.text).startsWith(key)) ? t.text : typed, term: t };
    out.push({ ...base, label: t.text, variant: 'term', insert: t.text, sortText: sortBase + 'a' });
    if (t.acronym) {
      const exp = s.acronyms.find((a) => a.text === t.text)?.expansion ?? s.terms[0]?.text ?? c.name;
      out.push({ ...base, label: `${t.text} → ${exp} (${t.text})`, variant: 'acronym', insert: `${exp} (${t.text})`, detail: `${M.insertAcronym} · ${detail}`, sortText: sortBase + 'b' });
    } else if (def) {
      out.push({ ...base, label: `${t.text} …`, variant: 'definition', insert: `${t.text} (${def.replace(/\.$/, '').replace(/\s+/g, ' ')})`, detail: `${M.insertWithDefinition} · ${detail}`, sortText: sortBase + 'c' });
    }
  }
  return out;
}

/** `k` words at the end of a text, each followed by whitespace or hyphens (made once per k: a completion asks for up to 40). */
const WORDS_BEFORE: RegExp[] = [];
function wordsBefore(k: number): RegExp {
  const word = "[\\p{L}\\p{M}\\p{N}'’]+";
  return (WORDS_BEFORE[k] ??= new RegExp(`(${word}(?:[\\s-]+${word}){${k - 1}})[\\s-]+$`, 'u'));
}

/**
 * Where the insertion of a multi-word term starts when the current word `key` (folded, typed from
 * `start`) matches a later word of the term and the words before it are already in the text:
 * `start` moves back over them. Otherwise `start`.
 */
export function wordsStart(text: string, start: number, key: string, termText: string): number {
  const words = foldKey(termText).split(' ');
  for (let k = words.length - 1; k >= 1; k--) {
    if (!words[k].startsWith(key)) continue;
    // The k words before `start`, separated by whitespace or hyphens, must fold to the term's first k words.
    const before = text.slice(Math.max(0, start - 40 * k), start);
    const m = wordsBefore(k).exec(before);
    if (m && foldKey(m[1]) === words.slice(0, k).join(' ')) return start - before.length + m.index;
  }
  return start;
}
