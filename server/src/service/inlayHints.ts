/**
 * Inlay hints: an acronym's expansion after its first use that is not spelled out, within the room VS Code gives
 * the hints of a line.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { DocumentCache } from './documentCache';
import { isAcronymUse, spelledOutAs } from './findings';
import type { Settings } from './settings';
import { expansionOf, section } from './util';

export class InlayHints {
  constructor(private readonly cache: DocumentCache) {}

  getInlayHints(doc: TextDocument, range: Range, settings: Settings): InlayHint[] {
    const e = this.cache.get(doc, settings);
    if (!e) return [];
    const text = doc.getText();
    // Whole lines: VS Code's limit (editor.inlayHints.maximumLength) is for all the hints of a line together.
    const fromLine = range.start.line, toLine = range.end.line;
    const hinted = new Set<string>();
    const hints: InlayHint[] = [];
    const occs = e.analysis.occurrences;
    const lang = e.analysis.lang;
    let line = -1, roomOnLine = 0;
    occs.forEach((o, k) => {
      if (o.doubtful || !isAcronymUse(o) || hinted.has(o.term.text)) return;
      if (spelledOutAs(text, occs, k)) return;
      hinted.add(o.term.text);
      const position = doc.positionAt(o.end);
      if (position.line < fromLine || position.line > toLine) return;
      if (position.line !== line) { line = position.line; roomOnLine = HINT_MAX; }
      const label = fitHint(expansionOf(o.term.text, o.term.concept, lang), roomOnLine);
      if (!label) return; // no room left on this line: the hover has the expansion
      roomOnLine -= label.length;
      const s = section(o.term.concept, lang).section;
      hints.push({ position, label, paddingLeft: true, tooltip: s.definition ? { kind: MarkupKind.Markdown, value: s.definition } : undefined });
    });
    return hints;
  }
}

/**
 * VS Code shows at most 43 characters of inlay hints per line (editor.inlayHints.maximumLength, for all the hints of
 * the line together) and cuts the rest in the middle of a word. A hint is "(expansion)" within the room left on
 * its line, shortened at a word boundary with "…" when the expansion is longer; undefined when too little room is
 * left for a readable hint (fewer than 12 characters), so that nothing is cut by the editor.
 */
export const HINT_MAX = 43;
const HINT_MIN = 12;
export function fitHint(expansion: string, room = HINT_MAX): string | undefined {
  if (expansion.length + 2 <= room) return `(${expansion})`;
  if (room < HINT_MIN) return undefined;
  const fit = room - 3; // the parentheses and the ellipsis
  const cut = expansion.lastIndexOf(' ', fit);
  const head = expansion.slice(0, cut > fit / 2 ? cut : fit).replace(/[\s,;:–-]+$/, '');
  return `(${head}…)`;
}
