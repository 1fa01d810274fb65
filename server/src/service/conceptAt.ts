/**
 * The concept under the cursor: the term occurrence that holds the offset (its end included, as hover), and
 * the concept of its best term for this document. Highlights, references and rename start here.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Analysis, Occurrence } from './analysis';
import type { Concept } from './types';
import { firstIndex } from './util';

/** Line and character of an offset of the analysed text. */
export type Positions = (offset: number) => Position;

export interface ConceptAt {
  concept: Concept;
  occurrence: Occurrence;
  /** The occurrence's range. */
  range: Range;
}

/** The occurrence that holds `offset` (start ≤ offset ≤ end), doubtful or not. */
export function occurrenceAt(a: Analysis, offset: number): Occurrence | undefined {
  const occs = a.occurrences;
  const idx = firstIndex(occs.length, (i) => occs[i].start > offset) - 1;
  return idx >= 0 && offset <= occs[idx].end ? occs[idx] : undefined;
}

export function conceptAt(a: Analysis, offset: number, pos: Positions): ConceptAt | null {
  const o = occurrenceAt(a, offset);
  return o ? { concept: o.term.concept, occurrence: o, range: { start: pos(o.start), end: pos(o.end) } } : null;
}

/** Is `offset` in an ignored region (code, a URL, a link target)? Its end counts, as a cursor right after code. */
export function inIgnored(a: Analysis, offset: number): boolean {
  const ig = a.ignored;
  const k = firstIndex(ig.length / 2, (i) => ig[2 * i + 1] >= offset);
  return k < ig.length / 2 && ig[2 * k] <= offset;
}
