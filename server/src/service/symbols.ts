/**
 * Workspace symbols: concepts found by any of their names — a term in any language, an acronym, the concept's
 * name — and listed where the workspace uses them. The query and the names are folded as the matcher folds them
 * (case, separators, Simplified Chinese as Traditional). A name that is the query ranks first, then one that
 * starts with it, then one with a word that starts with it (any run of Chinese characters counts as a word),
 * then one that holds it; within each, names in the asked language first, then the concept's own name, then the
 * other languages, shorter names first.
 *
 * The search runs over the folded names in two strings (nameIndex.ts: read from a compiled glossary, or made, at the
 * first search; kept per glossary until releaseSearchIndex), with indexOf: no object per term, so a compiled
 * glossary of 50,000 concepts makes none (its TermIndex gives the texts and concepts by index).
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { foldKey, isHanCode } from './fold';
import type { Glossary } from './glossary';
import { makeNameIndex, type NameIndex } from './nameIndex';
import type { ConceptIndex } from './references';
import type { Concept, Lang } from './types';
import { LANGS } from './types';
import { conceptLabel, firstIndex } from './util';

export interface ConceptMatch {
  concept: Concept;
  /** The name that matched: a term's text, or the concept's name. */
  name: string;
  /** The language of that term; undefined for the concept's name. */
  lang: Lang | undefined;
}

/** Every folded name of a glossary, in two strings (see NamePart), and which term or concept each is. */
class ConceptSearch {
  private readonly parts: NameIndex;
  /** Each entry's concept (a compiled glossary's columns say it; else an array). */
  private readonly conceptOf: (e: number) => number;
  /** Each entry's language, as a LANGS index; 7 for a concept name (the match class for each asked language is worked out from it). */
  private readonly langOf: (e: number) => number;
  /** Per concept, the best rank of the current search (Infinity when none), and the concepts it touched. */
  private readonly bestRank: Float64Array;
  private readonly touched: Uint32Array;
  private readonly termCount: number;
  private readonly text: (i: number) => string;
  private readonly lang: (i: number) => Lang;

  constructor(private readonly glossary: Glossary) {
    const terms = glossary.terms, concepts = glossary.concepts;
    const nt = terms.length, nc = concepts.length;
    const ix = glossary.prefixIndex;
    let text: (i: number) => string, lang: (i: number) => Lang, conceptOf: (i: number) => number, conceptName: (c: number) => string;
    if (ix?.concept && ix.conceptName) {
      text = (i) => ix.text(i); lang = (i) => ix.lang(i); conceptOf = (i) => ix.concept!(i); conceptName = (c) => ix.conceptName!(c);
    } else {
      const number = new Map<Concept, number>(concepts.map((c, k) => [c, k]));
      text = (i) => terms[i].text; lang = (i) => terms[i].lang; conceptOf = (i) => number.get(terms[i].concept)!; conceptName = (c) => concepts[c].name;
    }
    this.text = text;
    this.lang = lang;
    this.termCount = nt;
    if (ix?.concept) {
      this.conceptOf = (e) => (e < nt ? conceptOf(e) : e - nt);
      this.langOf = (e) => (e < nt ? LANGS.indexOf(lang(e)) : 7);
    } else { // a built glossary: its terms' concepts and languages in arrays, once
      const concept = Uint32Array.from({ length: nt }, (_, e) => conceptOf(e)), langs = Uint8Array.from({ length: nt }, (_, e) => LANGS.indexOf(lang(e)));
      this.conceptOf = (e) => (e < nt ? concept[e] : e - nt);
      this.langOf = (e) => (e < nt ? langs[e] : 7);
    }
    this.bestRank = new Float64Array(nc).fill(Infinity);
    this.touched = new Uint32Array(nc);
    // Read, when the glossary brings the index made (compiled.ts stores what makeNameIndex makes); else made here.
    this.parts = glossary.nameIndex?.() ?? makeNameIndex(nt + nc, (e) => (e < nt ? text(e) : conceptName(e - nt)));
  }

  /** The part's entry (its k-th) that holds position p of its keys, searching forward from `k` (hits come in order). */
  private static entryFrom(s: Uint32Array, k: number, p: number): number {
    // Mostly the next few entries: step; else a binary search over the rest.
    for (let j = 0; j < 8; j++, k++) if (s[k + 1] > p) return k;
    return k - 1 + firstIndex(s.length - 1 - k, (j) => s[k + j] > p);
  }

  /**
   * Concepts whose names match the query `q`, best first, at most `limit` of those `accept` takes (all, without it;
   * `accept` sees candidates in rank order, so a concept object is made only for the candidates looked at).
   * `q` is folded (foldKey) and not empty: findConcepts answers an empty query.
   */
  find(q: string, lang: Lang, limit: number, accept?: (c: Concept) => boolean): ConceptMatch[] {
    const concepts = this.glossary.concepts;
    const out: ConceptMatch[] = [];
    const nt = this.termCount, conceptOf = this.conceptOf;
    // Per concept, the best (lowest) rank of its entries: the class of the match (tier and language, 0 to 11), the
    // entry's length, and the entry (so that the rank alone says which name matched), in one exact number.
    const bestRank = this.bestRank, touched = this.touched, langOf = this.langOf;
    const asked = LANGS.indexOf(lang);
    let nTouched = 0;
    const han = isHanCode(q.charCodeAt(0));
    const word = ' ' + q;
    for (const { keys, starts, entries } of this.parts) {
      let nextWord = -2; // the first ' ' + q at or after the current hit (-1: none left)
      let k = 0;
      for (let p = keys.indexOf(q); p >= 0; ) {
        k = ConceptSearch.entryFrom(starts, k, p);
        const e = entries[k];
        const from = starts[k], to = starts[k + 1] - 1; // the entry's key is keys[from, to)
        let tier: number;
        if (p === from) tier = to - from === q.length ? 0 : 1;
        else if (han || keys.charCodeAt(p - 1) === 0x20) tier = 2;
        else {
          if (nextWord !== -1 && nextWord < p) nextWord = keys.indexOf(word, p);
          tier = nextWord >= 0 && nextWord + word.length <= to ? 2 : 3;
        }
        const l = langOf(e);
        const rank = ((tier * 3 + (l === asked ? 0 : l === 7 ? 1 : 2)) * 0x10000 + Math.min(to - from, 0xffff)) * 0x800000 + e;
        const c = conceptOf(e);
        const had = bestRank[c];
        if (had === Infinity) touched[nTouched++] = c;
        if (rank < had) bestRank[c] = rank;
        p = keys.indexOf(q, to + 1); // one match per entry: the rest of it ranks no better than the word test above
      }
    }
    const ranked = new Float64Array(nTouched);
    for (let k = 0; k < nTouched; k++) {
      ranked[k] = bestRank[touched[k]];
      bestRank[touched[k]] = Infinity;
    }
    ranked.sort();
    for (let k = 0; k < ranked.length && out.length < limit; k++) {
      const entry = ranked[k] % 0x800000;
      const concept = concepts[this.conceptOf(entry)];
      if (accept && !accept(concept)) continue;
      out.push(entry < nt ? { concept, name: this.text(entry), lang: this.lang(entry) } : { concept, name: concept.name, lang: undefined });
    }
    return out;
  }
}

const searches = new WeakMap<Glossary, ConceptSearch>();

/**
 * Concepts whose names match a query (see ConceptSearch.find), best first; an empty query lists the concepts in
 * glossary order. The search is made (its index read or made) at the first non-empty query per glossary, and again
 * after releaseSearch.
 */
export function findConcepts(glossary: Glossary, query: string, lang: Lang, limit = 100, accept?: (c: Concept) => boolean): ConceptMatch[] {
  const q = foldKey(query.trim());
  if (!q) { // the concepts in glossary order: no index needed
    const concepts = glossary.concepts, out: ConceptMatch[] = [];
    for (let c = 0; c < concepts.length && out.length < limit; c++) {
      const concept = concepts[c];
      if (!accept || accept(concept)) out.push({ concept, name: concept.name, lang: undefined });
    }
    return out;
  }
  let s = searches.get(glossary);
  if (!s) searches.set(glossary, (s = new ConceptSearch(glossary)));
  return s.find(q, lang, limit, accept);
}

/**
 * Lets the glossary's search go (its name index: about 13 MB with 50,000 concepts); true when there was one. A
 * search is synchronous, so none is under way; the next one makes the search again.
 */
export function releaseSearch(glossary: Glossary): boolean {
  return searches.delete(glossary);
}

/** The ids of the concepts a set of files uses (doubtful occurrences are no use). */
export function usedConcepts(indexes: Iterable<ConceptIndex>): Set<string> {
  const used = new Set<string>();
  for (const f of indexes) for (const [id, occs] of f.concepts) if (!used.has(id) && occs.some((o) => !o.doubtful)) used.add(id);
  return used;
}

const contains = (name: string, query: string) => name.toLowerCase().includes(query);

/**
 * What a symbol is called: the concept's name in the asked language, followed by the name that matched when the
 * query is not in it ("opportunity (kans)"), so that an editor that filters symbols by their names keeps it. For
 * Simplified input that name is shown folded, as it was typed ("商機 (商机)").
 */
export function symbolName(m: ConceptMatch, lang: Lang, query: string): string {
  const label = conceptLabel(m.concept, lang);
  const q = query.trim().toLowerCase();
  if (!q || contains(label, q)) return label;
  if (contains(m.name, q) && m.name !== label) return `${label} (${m.name})`;
  const folded = foldKey(m.name);
  return contains(folded, q) ? `${label} (${folded})` : label;
}

/**
 * Workspace symbols: for each concept found, one symbol per file that uses it, at its first occurrence there
 * (doubtful occurrences do not count); a concept the files do not use is not listed. `domainName` names a domain
 * in the asked language.
 */
export function conceptSymbols(matches: ConceptMatch[], indexes: readonly ConceptIndex[], lang: Lang, query: string, domainName: (domain: string) => string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const m of matches) {
    const name = symbolName(m, lang, query);
    const containerName = domainName(m.concept.domain);
    for (const f of indexes) {
      const first = f.concepts.get(m.concept.id)?.find((o) => !o.doubtful);
      if (first) out.push({ name, kind: SymbolKind.Key, location: { uri: f.uri, range: first.range }, containerName });
    }
  }
  return out;
}
