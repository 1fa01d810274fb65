/**
 * Semantic tokens: every glossary term of a document as a token of one type, "lingoTerm", with modifiers for
 * its status (preferred, admitted, deprecated, mistranslation), for acronyms and for doubtful occurrences
 * (possibly the everyday word). Encoded as LSP wants them: five integers per token, each token's line and start
 * relative to the one before, in UTF-16 units. A term broken over lines is one token per line.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Analysis, Occurrence } from './analysis';
import type { Positions } from './conceptAt';
import { firstIndex } from './util';

export const TERM_TOKEN = 'lingoTerm';
export const TERM_MODIFIERS = ['preferred', 'admitted', 'deprecated', 'mistranslation', 'acronym', 'doubtful'] as const;
export type TermModifier = (typeof TERM_MODIFIERS)[number];

/** The legend the server declares (its token type and modifiers, in the order the encoded data refers to them). */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [TERM_TOKEN], tokenModifiers: [...TERM_MODIFIERS] };

const bit = (m: TermModifier) => 1 << TERM_MODIFIERS.indexOf(m);

/** The modifier bits of an occurrence. */
export function modifiersOf(o: Occurrence): number {
  const t = o.term;
  let m = bit(t.status);
  if (t.mistranslation) m |= bit('mistranslation');
  if (t.acronym) m |= bit('acronym');
  if (o.doubtful) m |= bit('doubtful');
  return m;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x0b || c === 0x0c;

/**
 * The tokens of the occurrences that meet [from, to) (offsets; the whole document without them). `pos` gives
 * the line and character of an offset of the analysed text.
 */
export function semanticTokensOf(a: Analysis, pos: Positions, from = 0, to = Infinity): SemanticTokens {
  const text = a.text, occs = a.occurrences;
  const data: number[] = [];
  let line = 0, char = 0;
  const push = (start: number, end: number, mods: number) => {
    const p = pos(start);
    data.push(p.line - line, p.line === line ? p.character - char : p.character, end - start, 0, mods);
    line = p.line;
    char = p.character;
  };
  for (let k = firstIndex(occs.length, (i) => occs[i].end > from); k < occs.length && occs[k].start < to; k++) {
    const o = occs[k];
    const mods = modifiersOf(o);
    // One token per line: split at line breaks, leaving out the spaces around them (and a quote marker's indent).
    let s = o.start;
    for (let i = o.start; i < o.end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      let e = i;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (e > s) push(s, e, mods);
      while (i + 1 < o.end && isSpace(text.charCodeAt(i + 1))) i++;
      s = i + 1;
    }
    if (o.end > s) push(s, o.end, mods);
  }
  return { data };
}
