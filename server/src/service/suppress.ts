/**
 * Inline control in documents, as HTML comments (invisible in rendered Markdown):
 *   <!-- lingo-disable-next-line [rule …] -->   the next line
 *   <!-- lingo-disable [rule …] --> … <!-- lingo-enable [rule …] -->   a block (to the end if never enabled)
 *   <!-- lingo-disable-file [rule …] -->   the whole file
 * Without rule names every rule is off there. Plain-text documents use the same comments (there they are visible).
 */
import { RULES, type RuleId } from './declarations';

interface Span { start: number; end: number; rules: ReadonlySet<string> }

const CONTROL = /<!--\s*lingo-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->/g;

function rulesOf(arg: string): Set<string> {
  const named = arg.split(/[\s,]+/).filter(Boolean);
  return new Set(named.length ? named : RULES);
}

const MARK = 'lingo-';

/** Does the text hold anything that may be a control comment? */
export const mayControl = (text: string): boolean => text.includes(MARK);

/**
 * The same for a new version of a text, from the answer for the old one and where the edit put new text
 * ([at, newEnd) in new offsets): a text without the mark gains one only next to what the edit changed. A
 * search of a few characters instead of the whole document on every keystroke.
 */
export function mayControlAfter(oldMay: boolean, text: string, at: number, newEnd: number): boolean {
  return oldMay ? mayControl(text) : text.slice(Math.max(0, at - MARK.length), newEnd + MARK.length).includes(MARK);
}

/**
 * Returns whether a finding of `rule` at `offset` is switched off by a control comment. `may`: whether
 * the text may hold one (mayControl), when the caller knows.
 */
export function suppressions(text: string, may = mayControl(text)): (rule: RuleId, offset: number) => boolean {
  const spans = may ? controlSpans(text) : [];
  if (!spans.length) return () => false;
  // Per rule, the stretches it is off in, merged and in order: a finding is looked up by its offset (a binary
  // search), not tested against every comment.
  const byRule = new Map<string, { starts: number[]; ends: number[] }>();
  const lists = new Map<string, Span[]>();
  for (const sp of spans) for (const r of sp.rules) { let l = lists.get(r); if (!l) lists.set(r, (l = [])); l.push(sp); }
  for (const [r, list] of lists) {
    const mine = list.sort((x, y) => x.start - y.start);
    const starts: number[] = [], ends: number[] = [];
    for (const sp of mine) {
      const k = ends.length - 1;
      if (k >= 0 && sp.start <= ends[k]) ends[k] = Math.max(ends[k], sp.end);
      else { starts.push(sp.start); ends.push(sp.end); }
    }
    byRule.set(r, { starts, ends });
  }
  return (rule, offset) => {
    const m = byRule.get(rule);
    if (!m) return false;
    // The last stretch that starts at or before the offset.
    let lo = 0, hi = m.starts.length - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (m.starts[mid] <= offset) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return at >= 0 && offset <= m.ends[at];
  };
}

/**
 * Whether an edit of [at, oldEnd) (old offsets) that changed the length by delta leaves every control
 * comment switching off the same stretch of text, moved with it. (False may be too cautious, never wrong.)
 */
export function sameControl(oldText: string, newText: string, at: number, oldEnd: number, delta: number,
  oldMay = mayControl(oldText), newMay = mayControl(newText)): boolean {
  if (!oldMay && !newMay) return true;
  const a = controlSpans(oldText), b = controlSpans(newText);
  const newStart = (x: number) => (x >= oldEnd ? x + delta : x), newEnd = (x: number) => (x > at ? x + delta : x);
  return a.length === b.length && a.every((x, i) => newStart(x.start) === b[i].start && newEnd(x.end) === b[i].end && x.rules.size === b[i].rules.size && [...x.rules].every((r) => b[i].rules.has(r)));
}

function controlSpans(text: string): Span[] {
  if (!mayControl(text)) return [];
  const spans: Span[] = [];
  const open = new Map<string, number>(); // rule → offset where it was disabled
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
    const kind = m[1], rules = rulesOf(m[2]), end = m.index + m[0].length;
    if (kind === 'disable-file') spans.push({ start: 0, end: text.length, rules });
    else if (kind === 'disable-next-line') {
      const lineStart = text.indexOf('\n', end);
      if (lineStart < 0) continue;
      let lineEnd = text.indexOf('\n', lineStart + 1);
      if (lineEnd < 0) lineEnd = text.length;
      spans.push({ start: lineStart + 1, end: lineEnd, rules });
    } else if (kind === 'disable') {
      for (const r of rules) if (!open.has(r)) open.set(r, end);
    } else {
      for (const r of rules) {
        const s = open.get(r);
        if (s !== undefined) { spans.push({ start: s, end: m.index, rules: new Set([r]) }); open.delete(r); }
      }
    }
  }
  for (const [r, s] of open) spans.push({ start: s, end: text.length, rules: new Set([r]) });
  return spans;
}

/** A disable-next-line comment that names rules, and the blanks before its "-->". */
const NEXT_LINE = /<!--\s*lingo-disable-next-line\b([^>]*?)(\s*)-->/g;

/**
 * The edit that switches `rule` off for the line that holds `offset` (offsets; an insertion): a
 * `<!-- lingo-disable-next-line rule -->` on a line of its own above that line, indented as it is (its leading blanks
 * and block-quote markers), ending as its lines end; or, when the line above already holds such a comment for other
 * rules, the rule added to that comment (a second comment line would leave the first one governing only the comment
 * below it).
 */
export function disableLineEdit(text: string, offset: number, rule: RuleId): { start: number; end: number; newText: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const prev = text.slice(prevStart, lineStart - 1);
    let last: RegExpExecArray | undefined;
    NEXT_LINE.lastIndex = 0;
    for (let m = NEXT_LINE.exec(prev); m; m = NEXT_LINE.exec(prev)) last = m;
    if (last && last[1].trim()) {
      const at = prevStart + last.index + last[0].length - 3 - last[2].length;
      return { start: at, end: at, newText: ` ${rule}` };
    }
  }
  const nl = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl);
  const crlf = nl < 0 ? text.includes('\r\n') : text[nl - 1] === '\r';
  const indent = /^[ \t]*(?:>[ \t]?)*/.exec(line)![0];
  return { start: lineStart, end: lineStart, newText: `${indent}<!-- lingo-disable-next-line ${rule} -->${crlf ? '\r\n' : '\n'}` };
}
