/**
 * Document highlights: every occurrence of the concept under the cursor, in any language, form or acronym
 * ("opportunity", "kans", "MQL"), by the concept of each occurrence's best term. Doubtful occurrences (possibly
 * the everyday word) are left out, but for the one under the cursor.
 */
import { DocumentHighlight, DocumentHighlightKind } from 'vscode-languageserver-types';
import type { Analysis, Occurrence } from './analysis';
import { occurrenceAt, type Positions } from './conceptAt';

/** The occurrences of the concept of `at` (`at` itself included, doubtful or not), in document order. */
export function occurrencesOfConcept(a: Analysis, at: Occurrence): Occurrence[] {
  const id = at.term.concept.id;
  return a.occurrences.filter((o) => o === at || (!o.doubtful && o.term.concept.id === id));
}

export function documentHighlights(a: Analysis, offset: number, pos: Positions): DocumentHighlight[] {
  const at = occurrenceAt(a, offset);
  if (!at) return [];
  return occurrencesOfConcept(a, at).map((o) => DocumentHighlight.create({ start: pos(o.start), end: pos(o.end) }, DocumentHighlightKind.Text));
}
