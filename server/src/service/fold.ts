/**
 * Text normalisation. Every function here maps one UTF-16 unit to one UTF-16 unit, so an offset in
 * the folded text is the same offset in the document.
 *
 * - case: lower case, where lower-casing keeps the length (İ stays as it is);
 * - separators: spaces of every kind, tabs, line breaks and hyphens become one space (U+0020), so
 *   "lead-scoring", "lead scoring" and "lead\nscoring" fold alike;
 * - apostrophes: ’ ʼ ‘ become ';
 * - Han: Traditional and Taiwan-variant characters become Simplified (see hanFoldTable.ts), so 銷售漏斗
 *   and 销售漏斗 fold alike.
 */
import { HAN_FROM, HAN_TO } from './hanFoldTable';

export const SEP = 0x20;
/** Written over ignored regions (code, URLs): neither a letter nor a separator, so nothing matches across it. */
export const BLOCK = 0x01;

/** CharCode → folded CharCode, for the whole Basic Multilingual Plane. */
const FOLD = new Uint16Array(0x10000);
/** Bit 1: part of a word (letter, digit, mark). Bit 2: Han ideograph. */
const CLASS = new Uint8Array(0x10000);
export const WORD = 1;
export const HAN = 2;

/**
 * Lower case (where it keeps the length) and classes of every unit of the Basic Multilingual Plane but the
 * surrogates, as each unit has them on its own; `fold` (each unit itself, to begin with) and `cls` are filled
 * in. A server pays for this at every start, so it works on one string of all units rather than on 63,000
 * strings of one unit: classes are the ranges a regular expression matches in it, and only the units that
 * change when lower-cased (about 1,200) are lower-cased one by one.
 */
export function caseAndClass(fold: Uint16Array, cls: Uint8Array): void {
  const units = new Uint16Array(0x10000 - 0x800);
  for (let i = 0; i < units.length; i++) units[i] = i < 0xd800 ? i : i + 0x800;
  const all = unitsString(units, 0, units.length);
  const mark = (re: RegExp, bit: number) => {
    for (const m of all.matchAll(re)) for (let i = m.index!, end = i + m[0].length; i < end; i++) cls[units[i]] |= bit;
  };
  mark(/[\p{L}\p{N}\p{M}]+/gu, WORD);
  mark(/\p{Script=Han}+/gu, HAN);
  for (const m of all.matchAll(/\p{Changes_When_Lowercased}/gu)) {
    const lower = m[0].toLowerCase();
    if (lower.length === 1) fold[units[m.index!]] = lower.charCodeAt(0);
  }
}

(function init() {
  for (let c = 0; c < 0x10000; c++) FOLD[c] = c;
  caseAndClass(FOLD, CLASS);
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x2d, 0x2010, 0x2011, 0x2012, 0xad]) FOLD[c] = SEP;
  for (let c = 0x2000; c <= 0x200a; c++) FOLD[c] = SEP;
  for (const c of [0x2019, 0x2018, 0x02bc]) FOLD[c] = 0x27;
  for (let i = 0; i < HAN_FROM.length; i++) FOLD[HAN_FROM.charCodeAt(i)] = HAN_TO.charCodeAt(i);
  CLASS[0x27] = 0; // apostrophe: not a word character, but allowed inside forms ("lead's")
})();

/** The class bits (WORD, HAN) of every code unit, for loops that test many (the matcher's scan). */
export const CHAR_CLASS: Readonly<Uint8Array> = CLASS;

/** The UTF-16 units [from, to) as a string (in chunks: an argument list has a limit). */
export function unitsString(units: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + 8192)) as unknown as number[]);
  return s;
}
export const foldCode = (c: number): number => FOLD[c];
export const isWordCode = (c: number): boolean => (CLASS[c] & WORD) !== 0;
export const isHanCode = (c: number): boolean => (CLASS[c] & HAN) !== 0;

/** Folds a whole string (for glossary keys and queries). Runs of separators collapse to one. */
export function foldKey(s: string): string {
  // Most strings asked for are folded already (glossary keys, lower-case words): those are their own key.
  let folded = s.charCodeAt(0) !== SEP && s.charCodeAt(s.length - 1) !== SEP;
  for (let i = 0; folded && i < s.length; i++) {
    const c = s.charCodeAt(i);
    folded = FOLD[c] === c && (c !== SEP || s.charCodeAt(i + 1) !== SEP);
  }
  if (folded) return s;
  let out = '';
  let prevSep = true;
  for (let i = 0; i < s.length; i++) {
    const f = FOLD[s.charCodeAt(i)];
    if (f === SEP) {
      if (!prevSep) out += ' ';
      prevSep = true;
    } else {
      out += String.fromCharCode(f);
      prevSep = false;
    }
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/** foldKey(s) written into `out` (which must hold s.length units) as UTF-16 units; returns its length. */
export function foldKeyInto(s: string, out: Uint16Array): number {
  let n = 0;
  let prevSep = true;
  for (let i = 0; i < s.length; i++) {
    const f = FOLD[s.charCodeAt(i)];
    if (f === SEP) {
      if (!prevSep) out[n++] = SEP;
      prevSep = true;
    } else {
      out[n++] = f;
      prevSep = false;
    }
  }
  return n > 0 && out[n - 1] === SEP ? n - 1 : n;
}

/** Folds a document into a Uint16Array of the same length. */
export function foldText(text: string, into?: Uint16Array): Uint16Array {
  const n = text.length;
  const out = into && into.length >= n ? into : new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = FOLD[text.charCodeAt(i)];
  return out;
}

/** Folds text[from, to) into the same positions of `into`. */
export function foldRange(text: string, from: number, to: number, into: Uint16Array): void {
  for (let i = from; i < to; i++) into[i] = FOLD[text.charCodeAt(i)];
}

export const hasHan = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (isHanCode(s.charCodeAt(i))) return true;
  return false;
};
