/**
 * References: where a concept is used, in one document (from its analysis) and across the workspace (from each
 * file's concept index). A file's index is small data — per concept, its occurrences with their places and the
 * text written there — which the server keeps per file until the file changes (as the summaries of crossFile.ts),
 * and unions for workspace references, rename (rename.ts), workspace symbols (symbols.ts) and usage counts.
 */
import type { Location, Range } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import { occurrenceAt, type Positions } from './conceptAt';
import { isGloss } from './findings';
import { governedCase, type Governed } from './replace';
import { occurrencesOfConcept } from './highlights';
import type { Lang, Status } from './types';
import { sameRange } from './util';

/** One occurrence of a concept in a file, as the index keeps it (no reference to the file's text). */
export interface IndexedOccurrence {
  range: Range;
  /** The text as the file has it ("Kansen", "MQL:er"). */
  written: string;
  /** The text of its best term for the file ("kans", "MQL"), of language `lang`. */
  term: string;
  lang: Lang;
  status: Status;
  acronym: boolean;
  /** Possibly the everyday word here (see senses.ts): not counted as a use of the concept. */
  doubtful: boolean;
  /** The case a preposition before it governs (Polish "o okazji": locative), for writing a replacement (replace.ts). */
  governed?: Governed;
  /**
   * Another name of the concept in parentheses right after a name of it, explaining it ("opportunity
   * (affärsmöjlighet)", "marketing qualified lead (MQL)"): the occurrence before it in the list is the name it
   * glosses. Rename leaves glosses as they are.
   */
  gloss: boolean;
}

export interface ConceptIndex {
  uri: string;
  /** The version of the document it was made from (0 for a file read from disk). */
  version: number;
  /** The file's language. */
  lang: Lang;
  /** Per concept id, its occurrences in the file, in document order. */
  concepts: Map<string, IndexedOccurrence[]>;
}

/**
 * A copy of a slice of a text that does not keep the text alive (a longer slice of a string may be a view on
 * it): indexes are kept for thousands of files whose texts are not.
 */
const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** The index of one file, from its analysis; `pos` gives the line and character of an offset of `text`. */
export function indexConcepts(uri: string, version: number, text: string, a: Analysis, pos: Positions): ConceptIndex {
  const concepts = new Map<string, IndexedOccurrence[]>();
  const occs = a.occurrences;
  for (let k = 0; k < occs.length; k++) {
    const o = occs[k], t = o.term;
    let list = concepts.get(t.concept.id);
    if (!list) concepts.set(t.concept.id, (list = []));
    list.push({
      range: { start: pos(o.start), end: pos(o.end) },
      written: own(text.slice(o.start, o.end)),
      term: t.text,
      lang: t.lang,
      status: t.status,
      acronym: t.acronym,
      doubtful: o.doubtful,
      gloss: isGloss(text, occs, k),
      ...(a.lang === 'pl' ? { governed: governedCase('pl', text.slice(Math.max(0, o.start - 60), o.start)) } : {}),
    });
  }
  return { uri, version, lang: a.lang, concepts };
}

/** References in one document: the occurrences of the concept at `offset` (as document highlights). */
export function documentReferences(uri: string, a: Analysis, offset: number, pos: Positions): Location[] {
  const at = occurrenceAt(a, offset);
  if (!at) return [];
  return occurrencesOfConcept(a, at).map((o) => ({ uri, range: { start: pos(o.start), end: pos(o.end) } }));
}

/** Is `o` the occurrence at `at` (the one under the cursor, counted even when doubtful)? */
export const isAt = (uri: string, o: IndexedOccurrence, at: Location | undefined): boolean =>
  !!at && at.uri === uri && sameRange(o.range, at.range);

/**
 * Every place of concept `id` in a set of file indexes (workspace references), file by file in the order
 * given, each file's in document order. Doubtful occurrences are left out, except the one at `at` (the
 * occurrence under the cursor, which the person asking takes for the concept).
 */
export function conceptLocations(id: string, indexes: Iterable<ConceptIndex>, at?: Location): Location[] {
  const out: Location[] = [];
  for (const f of indexes) {
    for (const o of f.concepts.get(id) ?? []) if (!o.doubtful || isAt(f.uri, o, at)) out.push({ uri: f.uri, range: o.range });
  }
  return out;
}

/** How often each file uses concept `id` (doubtful occurrences not counted); files that do not use it are left out. */
export function conceptUsage(id: string, indexes: Iterable<ConceptIndex>): { uri: string; count: number }[] {
  const out: { uri: string; count: number }[] = [];
  for (const f of indexes) {
    let count = 0;
    for (const o of f.concepts.get(id) ?? []) if (!o.doubtful) count++;
    if (count) out.push({ uri: f.uri, count });
  }
  return out;
}
