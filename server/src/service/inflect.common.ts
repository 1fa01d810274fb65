/** What the languages' inflection (inflect.<lang>.ts) shares: hints, the forms made with their slots, word helpers. */

export type InflectLang = 'en' | 'sv' | 'nl' | 'pl' | 'zh-Hant';

export interface InflectHints {
  /** sv "c"/"n"; nl "de"/"het"; pl "m1"/"m2"/"m3"/"f"/"n". */
  gender?: string;
  /** 0-based index of the head noun among the words of the term. */
  head?: number;
  /** Nominative plural of the whole term, where the rules fail. */
  plural?: string;
  /** Extra forms, always included. */
  forms?: string[];
  /** false: the term never changes form. */
  inflect?: boolean;
}

/** Forms in the order made, each with the number of its slot (SLOT_NAMES; a form may come again in another slot). */
export interface Tagged { f: string[]; s: number[] }

export const tagged = (): Tagged => ({ f: [], s: [] });

export function add(out: Tagged, form: string, slot: number): void {
  out.f.push(form);
  out.s.push(slot);
}

export function addAll(out: Tagged, forms: readonly string[], slot: number): void {
  for (const f of forms) add(out, f, slot);
}

export const VOWELS = 'aeiouyąęóåäöéë';

export function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

export function syllables(w: string): number {
  return (w.match(/[aeiouyąęóåäöéë]+/g) ?? []).length;
}

/** "KPI", "CRM": all capitals (and at least two letters). */
export function isAcronym(w: string): boolean {
  return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
}

/** Words with digits or other non-letters (B2B, 24/7) are never inflected. */
export function isPlainWord(w: string): boolean {
  return w !== '' && !/[\d\s_.,:;/\\()[\]{}&+@#%!?*"=<>|~^$]|^['’-]/.test(w);
}

/** Copies the casing of `orig` onto a form computed in lower case. */
export function restoreCase(orig: string, form: string): string {
  if (orig === orig.toLowerCase()) return form;
  if (isAcronym(orig)) return form.toUpperCase();
  let i = 0;
  const n = Math.min(orig.length, form.length);
  while (i < n && orig[i].toLowerCase() === form[i]) i++;
  return orig.slice(0, i) + form.slice(i);
}

/** Replaces the longest matching suffix from a table of [ending, replacement]. */
export function replaceSuffix(w: string, table: ReadonlyArray<readonly [string, string]>): string | null {
  for (const [from, to] of table) {
    if (w.endsWith(from)) return w.slice(0, w.length - from.length) + to;
  }
  return null;
}

/** Longest suffix of `w` found in a suffix → value map (suffixes of 1..6 chars). */
export function lookupSuffix<T>(w: string, table: ReadonlyMap<string, T>): T | undefined {
  for (let n = Math.min(6, w.length); n >= 1; n--) {
    const v = table.get(w.slice(w.length - n));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The last syllable of a word: its last vowels with the consonants around them ("outboundförsäljning" → "ning"). */
export function lastSyllable(w: string): string {
  return /[^aeiouyåäöéë]*[aeiouyåäöéë]+[^aeiouyåäöéë]*$/.exec(w)?.[0] ?? w;
}

/**
 * A word inflector for sv/nl/en: lower-case word → its other forms with their slots (into `out`), given the
 * plural hint's word, or (gender FROM_PLURAL) the forms it derives from a given plural. `writing`: see ruleForms.
 */
export type WordInflector = (lower: string, orig: string, gender: string | undefined, pluralHint: string | undefined, out: Tagged, writing: boolean) => void;

/**
 * sv/nl/en: only the head (by default the last word) changes; the words
 * before and after it stay as written.
 */
export function inflectHeadOnly(text: string, hints: InflectHints, fn: WordInflector, writing: boolean, out: Tagged): void {
  const words = text.split(' ');
  const head = validHead(hints.head, words) ?? words.length - 1;
  const word = words[head];
  if (!word || !isPlainWord(word)) return;
  let pluralHead: string | undefined;
  if (hints.plural) {
    const pw = hints.plural.split(' ');
    pluralHead = pw.length === words.length ? pw[head] : pw[pw.length - 1];
  }
  const lower = word.toLowerCase();
  const forms = tagged();
  fn(lower, word, hints.gender, pluralHead?.toLowerCase(), forms, writing);
  forms.f.forEach((f, i) => {
    // The word itself (in another slot) as written.
    const cased = f === lower ? word : isAcronym(word) ? f : restoreCase(word, f);
    const ws = words.slice();
    ws[head] = cased;
    add(out, ws.join(' '), forms.s[i]);
  });
  // Forms derived from the plural hint replace the head of the hint itself.
  if (hints.plural && pluralHead !== undefined) {
    const pw = hints.plural.split(' ');
    const hi = pw.length === words.length ? head : pw.length - 1;
    const derived = tagged();
    fn(pluralHead.toLowerCase(), pluralHead, FROM_PLURAL, undefined, derived, writing);
    derived.f.forEach((f, i) => {
      const ws = pw.slice();
      ws[hi] = restoreCase(pluralHead!, f);
      add(out, ws.join(' '), derived.s[i]);
    });
  }
}

export function validHead(head: number | undefined, words: string[]): number | undefined {
  return head !== undefined && Number.isInteger(head) && head >= 0 && head < words.length ? head : undefined;
}

/** Marker so that a word inflector returns the forms it derives from a given plural. */
export const FROM_PLURAL = '\u0000plural';
