/**
 * Rename: give a concept one name in a language. The new name is any form of any of the concept's terms, in any
 * language (folded as the matcher folds: case, separators, Simplified Chinese); every occurrence of the concept
 * in the files of that term's language that is not already written as that term becomes the term, written to fit
 * (replace.ts: case, and inflection where it is known). Files of other languages are left as they are; doubtful
 * occurrences (possibly the everyday word) too, but for the one the rename was asked on; and a name glossed in
 * parentheses ("kans (opportunity)", "marketing qualified lead (MQL)") keeps its gloss. The edits come from the
 * files' concept indexes (references.ts), so open documents and files on disk are renamed alike.
 */
import { TextEdit, type Location, type Range } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import { inIgnored, occurrenceAt, type Positions } from './conceptAt';
import { foldKey } from './fold';
import type { Glossary } from './glossary';
import { format, messages } from './l10n';
import { isAt, type ConceptIndex, type IndexedOccurrence } from './references';
import { fitTerm } from './replace';
import type { Concept, Lang, Term } from './types';
import { conceptLabel, section } from './util';

/** What the editor shows to be renamed, or why nothing can be (a sentence in the document's language). */
export type PrepareRename = { range: Range; placeholder: string } | { error: string };

export function prepareRenameAt(a: Analysis, offset: number, pos: Positions): PrepareRename {
  const o = occurrenceAt(a, offset);
  if (!o) {
    const M = messages(a.lang);
    return { error: inIgnored(a, offset) ? M.renameInCode : M.renameNotOnTerm };
  }
  return { range: { start: pos(o.start), end: pos(o.end) }, placeholder: a.text.slice(o.start, o.end) };
}

export interface RenameTarget {
  concept: Concept;
  /** As the person typed it: any form of a term of the concept, in any language. */
  newName: string;
  /** The language of the document the rename was asked in: of a refusal, and the first to look for the name in. */
  lang: Lang;
  /** The occurrence the rename was asked on: renamed even when it is doubtful. */
  at?: Location;
}

/** The edits per URI (WorkspaceEdit.changes), and the term they write; or why the name is refused. */
export type RenameResult = { term: Term; changes: Record<string, TextEdit[]> } | { error: string };

/** The concept's names to choose from in a language (its terms and acronyms not to avoid), as a list in a sentence. */
function choices(c: Concept, lang: Lang): string {
  const s = section(c, lang).section;
  return [...s.terms, ...s.acronyms].filter((t) => t.status !== 'deprecated').map((t) => t.text).join(messages(lang).listGap);
}

/**
 * The term of `concept` that `name` is a form of: in the asking document's language when it is one there, else
 * in English, else in the first language that has it. A name of no term of the concept, or of a term to avoid,
 * is refused with a sentence that lists the names to choose from.
 */
export function resolveName(glossary: Glossary, concept: Concept, name: string, lang: Lang): { term: Term } | { error: string } {
  const M = messages(lang);
  const key = foldKey(name.trim());
  const k = key ? glossary.matcher.lookup(key) : -1;
  const all = k < 0 ? [] : Array.from(glossary.matcher.outputs(k), (i) => glossary.terms[i]);
  const mine = all.filter((t) => t.concept.id === concept.id);
  const conceptName = M.quote(conceptLabel(concept, lang));
  const typed = M.quote(name.trim());
  if (!mine.length) {
    const other = all.find((t) => t.lang === lang) ?? all[0];
    if (!other) return { error: format(M.renameNotAName, typed, conceptName, choices(concept, lang)) };
    const otherName = conceptLabel(other.concept, lang);
    return {
      error: foldKey(otherName) === key
        ? format(M.renameAnotherConcept, typed, conceptName, choices(concept, lang))
        : format(M.renameOtherConcept, typed, conceptName, M.quote(otherName), choices(concept, lang)),
    };
  }
  const inLang = (l: Lang) => mine.filter((t) => t.lang === l).sort((x, y) => Number(x.status === 'deprecated') - Number(y.status === 'deprecated'))[0];
  const term = inLang(lang) ?? inLang('en') ?? inLang(mine[0].lang);
  if (term.status === 'deprecated') return { error: format(M.renameAvoided, typed, conceptName, choices(concept, lang)) };
  return { term };
}

/** The concept's term an indexed occurrence was written as (undefined if the glossary no longer has it). */
function termOf(c: Concept, o: IndexedOccurrence): Term | undefined {
  const s = c.langs[o.lang];
  return (o.acronym ? s?.acronyms : s?.terms)?.find((t) => t.text === o.term);
}

/** The edits of a rename over the files' concept indexes (one file for a rename within a document). */
export function renameEdits(glossary: Glossary, target: RenameTarget, files: Iterable<ConceptIndex>): RenameResult {
  const resolved = resolveName(glossary, target.concept, target.newName, target.lang);
  if ('error' in resolved) return resolved;
  const to = resolved.term;
  const toKey = foldKey(to.text);
  const changes: Record<string, TextEdit[]> = {};
  for (const f of files) {
    if (f.lang !== to.lang) continue;
    const occs = f.concepts.get(target.concept.id);
    if (!occs) continue;
    const edits: TextEdit[] = [];
    for (let k = 0; k < occs.length; k++) {
      const o = occs[k];
      if (o.doubtful && !isAt(f.uri, o, target.at)) continue;
      if (foldKey(o.term) === toKey) continue; // already this term, in some form
      // A gloss explains the name before it and stays; so does that name when its gloss is the new term already
      // ("kans (opportunity)" renamed to opportunity would read "opportunity (opportunity)").
      if (o.gloss || (occs[k + 1]?.gloss && foldKey(occs[k + 1].term) === toKey)) continue;
      const from = termOf(target.concept, o);
      if (!from) continue;
      // An acronym's capitals say nothing of how the term is written: "MQL" becomes "marketing qualified lead".
      const newText = fitTerm(from.acronym && !to.acronym ? o.written.toLowerCase() : o.written, from, to, o.governed);
      if (newText !== o.written) edits.push(TextEdit.replace(o.range, newText));
    }
    if (edits.length) changes[f.uri] = edits;
  }
  return { term: to, changes };
}
