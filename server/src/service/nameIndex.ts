/**
 * The name index of workspace symbols and the Glossary view's filter (symbols.ts): every folded name of a glossary
 * — each term's text, then each concept's name — in two strings with indexOf-able separators. Made here from the
 * names, by the one function both the compiled glossary's writer (compiled.ts, which stores the parts so that a
 * loaded glossary reads them instead of folding half a million names) and the search of a glossary without a
 * stored index use: the stored parts are exactly what the search would make.
 */
import { foldKey } from './fold';

/** Between two keys in a part's string. */
export const NAME_SEP = '\n';

/**
 * The folded names of some entries in one string: those whose every character is below U+0100 (one byte a
 * character in a JS string), or the others (two bytes a character: Chinese, Polish, …). One string of all names
 * would be two bytes a character throughout: 13 MB instead of about 8 with 50,000 concepts.
 */
export interface NamePart {
  /** The keys, each followed by NAME_SEP. */
  keys: string;
  /** Where each of the part's entries starts in `keys`, and one past the last (keys.length). */
  starts: Uint32Array;
  /** The entry (term index, or term count + concept index) of each, ascending. */
  entries: Uint32Array;
}

/** The one-byte part, then the two-byte part. */
export type NameIndex = readonly [narrow: NamePart, wide: NamePart];

/** Collects a part's keys in pieces of a thousand names: the names die young, the pieces are joined once. */
class PartBuilder {
  private readonly pieces: string[] = [];
  private piece: string[] = [];
  private readonly starts: number[] = [];
  private readonly entries: number[] = [];
  private at = 0;
  add(entry: number, key: string): void {
    this.starts.push(this.at);
    this.entries.push(entry);
    this.piece.push(key);
    this.at += key.length + 1;
    if (this.piece.length === 1024) this.flush();
  }
  private flush(): void {
    if (this.piece.length) this.pieces.push(this.piece.join(NAME_SEP) + NAME_SEP);
    this.piece = [];
  }
  done(): NamePart {
    this.flush();
    this.starts.push(this.at);
    return { keys: this.pieces.join(''), starts: Uint32Array.from(this.starts), entries: Uint32Array.from(this.entries) };
  }
}

/** Whether every character of `key` is below U+0100. */
export const isNarrow = (key: string): boolean => {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) return false;
  return true;
};

/**
 * A key whose UTF-16 is well formed: a lone surrogate (a broken name, from a JSON "\ud800") becomes U+FFFD, as
 * text decoders make it, so that the stored two-byte part reads back exactly as it was made.
 */
function wellFormed(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < key.length && (key.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { i++; continue; }
    return key.slice(0, i) + '\ufffd' + wellFormed(key.slice(i + 1));
  }
  return key;
}

/** The name index of `count` entries, entry e named `name(e)` (folded here). */
export function makeNameIndex(count: number, name: (e: number) => string): NameIndex {
  const one = new PartBuilder(), two = new PartBuilder();
  for (let e = 0; e < count; e++) {
    const key = foldKey(name(e));
    if (isNarrow(key)) one.add(e, key);
    else two.add(e, wellFormed(key));
  }
  return [one.done(), two.done()];
}
