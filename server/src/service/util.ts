import type { Position, Range } from 'vscode-languageserver-types';
import type { Concept, Lang, LangSection, Term } from './types';
import { LANGS } from './types';

/** The section of a concept in `lang`, or the nearest one it has (English first). */
export function section(c: Concept, lang: Lang): { lang: Lang; section: LangSection } {
  // The languages in that order without a list made per call (the checks ask per finding).
  for (let k = -2; k < LANGS.length; k++) {
    const l = k === -2 ? lang : k === -1 ? 'en' : LANGS[k];
    const s = c.langs[l];
    if (s && s.terms.length) return { lang: l, section: s };
  }
  return { lang, section: { terms: [], acronyms: [] } };
}

/**
 * A copy of a piece of a text that does not keep the text alive. V8 makes a longer slice of a string (13 units or
 * more) a view on it: a finding, a diagnostic or a cache that keeps such a slice keeps the whole document of that
 * version, and findings live on across edits (updateFindings), so a long session kept a copy of a large
 * document per keystroke. Short slices are copies already.
 */
export const ownText = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** How a concept is named in a language: its preferred term there. */
export const conceptLabel = (c: Concept, lang: Lang): string => section(c, lang).section.terms[0]?.text ?? c.name;

/** The acronym's spelled-out form in a language, with the acronym: "Marketing Qualified Lead (MQL)". */
export function spelledOut(acronym: string, c: Concept, lang: Lang): string {
  const s = section(c, lang).section;
  const a = s.acronyms.find((x) => x.text === acronym) ?? s.acronyms[0];
  const expansion = a?.text === acronym && a.expansion ? a.expansion : s.terms[0]?.text ?? c.name;
  return lang === 'zh-Hant' ? `${expansion}（${acronym}）` : `${expansion} (${acronym})`;
}

export function expansionOf(acronym: string, c: Concept, lang: Lang): string {
  const s = section(c, lang).section;
  const a = s.acronyms.find((x) => x.text === acronym);
  return a?.expansion ?? s.terms[0]?.text ?? c.name;
}

/** Gives `replacement` the capitalisation of `original`: "Kans" for "Opportunity", "KANS" for "OPPORTUNITY". */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return replacement.toUpperCase();
  const o = original[0], r = replacement[0];
  if (o && r && o === o.toUpperCase() && o !== o.toLowerCase() && r === r.toLowerCase()) return r.toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * What a deprecated or mistranslated term should be replaced with: its text, the term of the concept it is (when it
 * is one) and its language. The entry's `replacement`, else the concept's first term that is not deprecated in the
 * term's own language; only when that language has none, a term of another language: the document's, then English,
 * then the others. Undefined when the concept has no term to use in any language.
 */
export interface Replacement { text: string; term?: Term; lang: Lang }

const usable = (s: LangSection | undefined): Term | undefined =>
  s && (s.terms.find((x) => x.status !== 'deprecated') ?? s.acronyms.find((x) => x.status !== 'deprecated'));

export function replacementFor(t: Term, docLang: Lang): Replacement | undefined {
  const c = t.concept;
  const others = [docLang, 'en' as Lang, ...LANGS].filter((l, i, a) => l !== t.lang && a.indexOf(l) === i);
  if (t.replacement !== undefined) {
    const text = t.replacement;
    // The term it names: in the term's language first (a text may be a term of several).
    for (const l of [t.lang, ...others]) {
      const s = c.langs[l];
      const term = s?.terms.find((x) => x.text === text) ?? s?.acronyms.find((x) => x.text === text);
      if (term) return { text, term, lang: l };
    }
    return { text, lang: t.lang }; // a text of the entry's own: in the entry's language
  }
  for (const l of [t.lang, ...others]) {
    const term = usable(c.langs[l]);
    if (term) return { text: term.text, term, lang: l };
  }
  return undefined;
}

/** The replacement a deprecated or mistranslated term points to, as text (in a document of the term's language). */
export const replacementOf = (t: Term): string | undefined => replacementFor(t, t.lang)?.text;

export const statusRank = (t: Term): number => (t.status === 'preferred' ? 0 : t.status === 'admitted' ? 1 : 2);

/** The first index in [0, n) where `reached(i)` holds, given that it then holds for every later index; n if none. */
export function firstIndex(n: number, reached: (i: number) => boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Where each line of a text starts, counted as TextDocument counts them (a line ends after "\n", "\r\n"
 * or a lone "\r"). Found with indexOf where the text has no "\r": a check of a large document needs the
 * positions of thousands of findings at once.
 */
export function lineStarts(text: string): Uint32Array {
  let starts = new Uint32Array(1024);
  let n = 1; // starts[0] = 0
  const push = (x: number) => {
    if (n === starts.length) { const grown = new Uint32Array(n * 2); grown.set(starts); starts = grown; }
    starts[n++] = x;
  };
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 13 || c === 10) push(i + 1);
    }
  }
  return starts.subarray(0, n);
}

/** Line and character (0-based) of offsets in a text, from one line table made when first asked for. */
export function positionsOf(text: string): (offset: number) => { line: number; character: number } {
  let at: ((offset: number) => { line: number; character: number }) | undefined;
  return (offset) => (at ??= positionsIn(lineStarts(text), text))(offset);
}

/** Line and character (0-based) of one offset in a text (a line break belongs to the line it ends). */
export const positionAt = (text: string, offset: number): { line: number; character: number } => positionsOf(text)(offset);

/** The line and character of an offset, from lineStarts(text): what TextDocument.positionAt answers. */
export function positionIn(starts: Uint32Array, text: string, offset: number): { line: number; character: number } {
  return positionsIn(starts, text)(offset);
}

/**
 * positionIn as a function that remembers the line of its last answer: offsets asked for in document
 * order (the findings of a check) are mostly on that line or the next, and need no search.
 */
export function positionsIn(starts: Uint32Array, text: string): (offset: number) => { line: number; character: number } {
  let line = 0;
  return (offset) => {
    offset = Math.max(Math.min(offset, text.length), 0);
    if (!(starts[line] <= offset && (line + 1 === starts.length || starts[line + 1] > offset))) {
      if (line + 2 <= starts.length && starts[line + 1] <= offset && (line + 2 === starts.length || starts[line + 2] > offset)) line++;
      else {
        let lo = 0, hi = starts.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (starts[mid] > offset) hi = mid;
          else lo = mid + 1;
        }
        line = lo - 1;
      }
    }
    // An offset between a line's end and its line break (inside "\r\n") belongs before the break.
    let at = offset;
    while (at > starts[line] && (text.charCodeAt(at - 1) === 13 || text.charCodeAt(at - 1) === 10)) at--;
    return { line, character: at - starts[line] };
  };
}

/** Whether two LSP positions are the same line and character. */
export const samePosition = (a: Position, b: Position): boolean => a.line === b.line && a.character === b.character;
/** Whether two LSP ranges are the same. */
export const sameRange = (a: Range, b: Range): boolean => samePosition(a.start, b.start) && samePosition(a.end, b.end);
