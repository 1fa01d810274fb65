/**
 * The one glob matcher: `lingo.fileLanguages` (settings.ts) and the command line's globs (cli.ts) both use it.
 * Pure, and linear in the pattern times the path (no regular expression: a setting cannot make it hang).
 *
 * Paths are '/'-separated and matched case-sensitively. In a pattern:
 * - `*` is any run of characters within one folder or file name (never '/'), the empty run included;
 * - `?` is one character, not '/';
 * - `[abc]`, `[a-z]` is one character of the set, `[!abc]` or `[^abc]` one not in it (never '/'); a `[` with no
 *   `]` after it is itself;
 * - `{md,txt}` is one of the alternatives, which may hold globs and braces of their own; a `{` with no `,` before
 *   its `}` is itself;
 * - `**` as a whole part of the path (`**∕`, `∕**∕`, `∕**` or the whole pattern) is any number of folders, none
 *   included (`docs/**∕*.md` matches `docs/a.md` and `docs/x/y/a.md`); elsewhere `**` is `*`;
 * - every other character is itself (there is no escape character).
 * `matchesEnd` also lets the pattern match the end of the path from the start of a folder or file name
 * (`contracts/*.md` matches `/home/ann/work/contracts/a.md`, `a.md` matches `/w/a.md` but not `/w/ba.md`).
 */

/** At most this many patterns are made from one pattern's braces; the braces after that are taken as written. */
const MAX_ALTERNATIVES = 256;

type Token =
  | { kind: 'char'; c: string }
  | { kind: 'one' }
  | { kind: 'set'; ranges: string[]; negated: boolean }
  | { kind: 'star' }
  /** `**∕`: nothing, or anything that ends with '/'. */
  | { kind: 'folders' }
  /** `**` at the end: anything. */
  | { kind: 'rest' };

export interface Glob {
  /** Whether the whole path matches. */
  matches(path: string): boolean;
  /** Whether the path or an end of it that starts a folder or file name matches. */
  matchesEnd(path: string): boolean;
}

/** A pattern made ready to match many paths. */
export function compileGlob(pattern: string): Glob {
  const alternatives = expandBraces(pattern).map(tokenize);
  return {
    matches: (path) => alternatives.some((t) => run(t, path, false)),
    matchesEnd: (path) => alternatives.some((t) => run(t, path, true)),
  };
}

/** Whether the whole '/'-separated path matches the pattern. */
export const globMatches = (pattern: string, path: string): boolean => compileGlob(pattern).matches(path);

/** Whether the path, or an end of it that starts a folder or file name, matches the pattern. */
export const globMatchesEnd = (pattern: string, path: string): boolean => compileGlob(pattern).matchesEnd(path);

/** Whether a command-line argument is meant as a glob: it holds a character that is special in a pattern. */
export const isGlob = (arg: string): boolean => /[*?[{]/.test(arg);

/** The patterns a pattern's braces stand for, first brace first: `a{b,c{d,e}}` → `ab`, `acd`, `ace`. */
function expandBraces(pattern: string): string[] {
  const out: string[] = [];
  const todo = [pattern];
  while (todo.length) {
    const p = todo.pop()!;
    const b = out.length + todo.length < MAX_ALTERNATIVES ? firstBraces(p) : undefined;
    if (!b) { out.push(p); continue; }
    const [open, close, commas] = b;
    const parts = [...commas, close].map((end, k) => p.slice(k ? commas[k - 1] + 1 : open + 1, end));
    for (let k = parts.length - 1; k >= 0; k--) todo.push(p.slice(0, open) + parts[k] + p.slice(close + 1));
  }
  return out;
}

/** The first `{` that has a `,` of its own before its matching `}`: where it opens, closes and its commas. */
function firstBraces(p: string): [number, number, number[]] | undefined {
  for (let open = p.indexOf('{'); open >= 0; open = p.indexOf('{', open + 1)) {
    const commas: number[] = [];
    let depth = 0;
    for (let i = open + 1; i < p.length; i++) {
      const c = p[i];
      if (c === '{') depth++;
      else if (c === '}' && depth) depth--;
      else if (c === '}') { if (commas.length) return [open, i, commas]; break; }
      else if (c === ',' && !depth) commas.push(i);
    }
  }
  return undefined;
}

function tokenize(p: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      let j = i;
      while (p[j + 1] === '*') j++;
      const whole = j > i && (i === 0 || p[i - 1] === '/') && (j + 1 === p.length || p[j + 1] === '/');
      if (whole && j + 1 === p.length) out.push({ kind: 'rest' });
      else if (whole) { out.push({ kind: 'folders' }); j++; } // takes its '/'
      else if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
      i = j;
    } else if (c === '?') out.push({ kind: 'one' });
    else if (c === '[' && classEnd(p, i) > 0) {
      const end = classEnd(p, i);
      let k = i + 1;
      const negated = p[k] === '!' || p[k] === '^';
      if (negated) k++;
      const ranges: string[] = [];
      for (; k < end; k++) {
        if (p[k + 1] === '-' && k + 2 < end) { ranges.push(p[k] + p[k + 2]); k += 2; }
        else ranges.push(p[k] + p[k]);
      }
      out.push({ kind: 'set', ranges, negated });
      i = end;
    } else out.push({ kind: 'char', c });
  }
  return out;
}

/** Where the class opened at `open` closes (a `]` right after `[`, `[!` or `[^` is a member), or -1. */
function classEnd(p: string, open: number): number {
  let k = open + 1;
  if (p[k] === '!' || p[k] === '^') k++;
  return k < p.length ? p.indexOf(']', k + 1) : -1;
}

const inSet = (t: { ranges: string[]; negated: boolean }, c: string): boolean =>
  c !== '/' && t.ranges.some((r) => r[0] <= c && c <= r[1]) !== t.negated;

/** The pattern's tokens over the path, as the set of path positions reached so far: O(tokens × path). */
function run(tokens: Token[], path: string, fromAnyName: boolean): boolean {
  const n = path.length;
  let cur = new Uint8Array(n + 1);
  cur[0] = 1;
  if (fromAnyName) for (let p = 0; p < n; p++) if (path[p] === '/') cur[p + 1] = 1;
  for (const t of tokens) {
    const next = new Uint8Array(n + 1);
    let reach = 0;
    switch (t.kind) {
      case 'star':
        for (let p = 0; p <= n; p++) {
          if (cur[p]) reach = 1;
          else if (path[p - 1] === '/') reach = 0;
          next[p] = reach;
        }
        break;
      case 'folders':
        for (let p = 0; p <= n; p++) {
          next[p] = cur[p] || (reach && path[p - 1] === '/') ? 1 : 0;
          if (cur[p]) reach = 1;
        }
        break;
      case 'rest':
        for (let p = 0; p <= n; p++) next[p] = reach ||= cur[p];
        break;
      default:
        for (let p = 0; p < n; p++) {
          if (!cur[p]) continue;
          const c = path[p];
          if (t.kind === 'char' ? c === t.c : t.kind === 'one' ? c !== '/' : inSet(t, c)) next[p + 1] = 1;
        }
    }
    cur = next;
  }
  return cur[n] === 1;
}
