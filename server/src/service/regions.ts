/**
 * The parts of a document that are not prose and where no term is looked for: front matter, fenced
 * code, code spans, HTML comments and tags, URLs, e-mail addresses, link targets and link reference
 * definitions. Returned as flat [start, end) pairs, in order.
 */

/** A URL (what is left out of prose); see urls(). */
export const URL_RE = /\b(?:(?:https?|ftp|mailto|file):\/?\/?|www\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]/gi;
/** URL_RE at one position. */
const URL_AT = new RegExp(URL_RE.source, 'iy');
const SCHEMES = ['https', 'http', 'ftp', 'mailto', 'file'];

/** Is text[at, at + word.length) the lower-case ASCII `word`, in any case? */
function isWordAt(text: string, at: number, word: string): boolean {
  if (at < 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(at + i);
    if (c !== word.charCodeAt(i) && !(c >= 0x41 && c <= 0x5a && (c | 0x20) === word.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * URLs: what URL_RE finds, tried only where a scheme ends in ":" or "www" is followed by "." (found with
 * indexOf) instead of at every h, f, m and w of the text.
 */
function urls(text: string, out: number[]): void {
  const starts: number[] = [];
  for (let c = text.indexOf(':'); c >= 0; c = text.indexOf(':', c + 1)) {
    for (const s of SCHEMES) if (isWordAt(text, c - s.length, s)) starts.push(c - s.length);
  }
  for (let d = text.indexOf('.'); d >= 0; d = text.indexOf('.', d + 1)) if (isWordAt(text, d - 3, 'www')) starts.push(d - 3);
  starts.sort((x, y) => x - y);
  let done = 0;
  for (const s of starts) {
    if (s < done) continue;
    URL_AT.lastIndex = s;
    const m = URL_AT.exec(text);
    if (m) out.push(s, (done = s + m[0].length));
  }
}

/** An e-mail address's domain, from just after the "@". */
const DOMAIN_RE = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
/** A character of an e-mail address's local part. */
const LOCAL_RE = /^[\p{L}\p{N}._%+-]$/u;

export function findIgnoredRegions(text: string, markdown: boolean): number[] {
  const out: number[] = [];
  if (markdown) markdownBlocks(text, out);
  if (text.includes('://') || text.includes('www.') || text.includes('mailto:')) urls(text, out);
  if (text.includes('@')) emails(text, out);
  return normalise(out);
}

/**
 * E-mail addresses: what /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu finds, found from each "@"
 * instead (that expression, tried at every position, takes 0.2 s per MB).
 */
function emails(text: string, out: number[]): void {
  let done = 0; // where the previous address ended: the next one's local part starts at or after it
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    DOMAIN_RE.lastIndex = at + 1;
    const domain = DOMAIN_RE.exec(text);
    if (!domain) continue;
    let start = at;
    while (start > done) {
      const low = text.charCodeAt(start - 1);
      const width = low >= 0xdc00 && low <= 0xdfff && start - 2 >= done && isHighSurrogate(text.charCodeAt(start - 2)) ? 2 : 1;
      if (!LOCAL_RE.test(text.slice(start - width, start))) break;
      start -= width;
    }
    if (start === at) continue;
    done = at + 1 + domain[0].length;
    out.push(start, done);
  }
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** Sorts and merges overlapping pairs. */
function normalise(pairs: number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) idx.push(i);
  idx.sort((a, b) => pairs[a] - pairs[b]);
  const out: number[] = [];
  for (const i of idx) {
    const s = pairs[i], e = pairs[i + 1];
    if (out.length && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return out;
}

function markdownBlocks(text: string, out: number[]): void {
  const n = text.length;
  const special = nextSpecial(text);
  let pos = 0;
  // Front matter: --- (YAML) or +++ (TOML) on the first line, up to the closing line.
  const fm = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (fm) {
    const close = new RegExp(`\\n(?:${fm[1] === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*(?:\\r?\\n|$)`, 'g');
    close.lastIndex = fm[0].length - 1;
    const m = close.exec(text);
    const end = m ? m.index + m[0].length : n;
    out.push(0, end);
    pos = end;
  }
  let fence: { ch: string; len: number; start: number } | null = null;
  let paraStart = pos; // inline constructs do not cross blank lines
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let k = pos, indent = 0;
    while (k < eol && (text[k] === ' ' || text[k] === '\t') && indent < 4) { k++; indent++; }
    const c = text[k];
    if (fence) {
      if (c === fence.ch) {
        let len = 0;
        while (text[k + len] === fence.ch) len++;
        if (len >= fence.len && isBlank(text, k + len, eol)) {
          out.push(fence.start, eol);
          fence = null;
          paraStart = eol + 1;
        }
      }
    } else if ((c === '`' || c === '~') && indent < 4) {
      let len = 0;
      while (text[k + len] === c) len++;
      if (len >= 3 && !(c === '`' && text.slice(k + len, eol).includes('`'))) {
        inline(text, paraStart, pos, out, special);
        fence = { ch: c, len, start: pos };
      }
    } else if (c === '[' && indent < 4 && /^\[[^\]\n]+\]:[ \t]*\S/.test(text.slice(k, Math.min(eol, k + 1000)))) {
      inline(text, paraStart, pos, out, special);
      out.push(pos, eol);
      paraStart = eol + 1;
    } else if (isBlank(text, k, eol)) {
      inline(text, paraStart, pos, out, special);
      paraStart = eol + 1;
    }
    pos = eol + 1;
  }
  if (fence) out.push(fence.start, n);
  else if (paraStart < n) inline(text, paraStart, n, out, special);
}

const NON_BLANK = /\S/g;

/** Is text[from, to) only white space (what trim() removes)? */
function isBlank(text: string, from: number, to: number): boolean {
  if (from >= to) return true;
  NON_BLANK.lastIndex = from;
  const m = NON_BLANK.exec(text);
  return !m || m.index >= to;
}

const SPECIAL = /[`<\]]/g;

/**
 * Where the next character that may start an inline construct (` < ]) is, at or after a position. Asked with
 * positions that only grow, it searches each stretch of text once: a search that went past a paragraph is
 * the answer for the following ones too.
 */
function nextSpecial(text: string): (from: number) => number {
  let searchedFrom = 0, found = -1;
  return (from) => {
    if (from >= searchedFrom && from <= found) return found;
    SPECIAL.lastIndex = from;
    const m = SPECIAL.exec(text);
    searchedFrom = from;
    found = m ? m.index : text.length;
    return found;
  };
}

/** Code spans, HTML comments and tags, autolinks and link targets inside one paragraph [from, to). */
function inline(text: string, from: number, to: number, out: number[], special: (from: number) => number): void {
  let i = from;
  while (i < to) {
    i = special(i);
    if (i >= to) break;
    const c = text.charCodeAt(i);
    if (c === 0x60 /* ` */) {
      let len = 1;
      while (text.charCodeAt(i + len) === 0x60) len++;
      const run = '`'.repeat(len);
      let j = text.indexOf(run, i + len);
      while (j >= 0 && j < to && text.charCodeAt(j + len) === 0x60) {
        let k = j;
        while (text.charCodeAt(k) === 0x60) k++;
        j = text.indexOf(run, k);
      }
      if (j >= 0 && j < to) {
        out.push(i, j + len);
        i = j + len;
      } else i += len;
    } else if (c === 0x3c /* < */) {
      if (text.startsWith('<!--', i)) {
        const j = text.indexOf('-->', i + 4);
        const end = j < 0 ? to : j + 3;
        out.push(i, end);
        i = end;
        continue;
      }
      const m = /^<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?|[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.exec(text.slice(i, Math.min(to, i + 2000)));
      if (m) {
        out.push(i, i + m[0].length);
        i += m[0].length;
      } else i++;
    } else if (c === 0x5d /* ] */ && text.charCodeAt(i + 1) === 0x28 /* ( */) {
      let depth = 0, j = i + 1;
      for (; j < to; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
        else if (d === 0x0a) break;
      }
      if (j < to && text.charCodeAt(j) === 0x29) {
        out.push(i + 2, j);
        i = j + 1;
      } else i += 2;
    } else i++;
  }
}
