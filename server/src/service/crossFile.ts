/**
 * Consistency across the files of a folder or workspace: where another file names a concept with a
 * term that ranks better for this document's language, this document's name for it is reported.
 * Within one document the 'inconsistent-term' rule speaks; this adds 'inconsistent-across-files'.
 */
import type { Analysis } from './analysis';
import { better, Finding, namesUsed } from './findings';
import { format, messages } from './l10n';
import { matchCase } from './util';

export interface FileAnalysis { uri: string; text: string; analysis: Analysis }
export interface CrossFileFinding extends Finding { relatedUri: string }

const baseName = (uri: string) => {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try { return decodeURIComponent(last); } catch { return last; }
};

/** Findings per URI. `scopeOf` groups files (by folder, or one group for the workspace). */
export function crossFileFindings(files: FileAnalysis[], scopeOf: (uri: string) => string): Map<string, CrossFileFinding[]> {
  const out = new Map<string, CrossFileFinding[]>();
  const groups = new Map<string, FileAnalysis[]>();
  for (const f of files) {
    const k = scopeOf(f.uri);
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const names = group.map((f) => ({ f, used: namesUsed(f.analysis, f.analysis.lang) }));
    for (const { f, used } of names) {
      const lang = f.analysis.lang;
      const cmp = better(lang);
      const M = messages(lang);
      const list: CrossFileFinding[] = [];
      for (const [concept, ids] of used) {
        const mine = [...ids.values()].sort((x, y) => cmp(x.best, y.best))[0];
        // The best name any other file of the group gives this concept, for this document's language.
        let other: { key: string; text: string; uri: string; start: number; end: number; best: typeof mine.best } | undefined;
        for (const g of names) {
          if (g.f === f) continue;
          for (const id of g.used.get(concept)?.values() ?? []) {
            if (id.key === mine.key) continue;
            if (!other || cmp(id.best, other.best) < 0) other = { key: id.key, text: id.best.text, uri: g.f.uri, start: id.occs[0].start, end: id.occs[0].end, best: id.best };
          }
        }
        if (!other || cmp(other.best, mine.best) >= 0) continue;
        // Only this document's own choice: its other names are already reported within the document.
        for (const o of mine.occs) {
          const written = f.text.slice(o.start, o.end);
          const repl = matchCase(written, other.text);
          list.push({
            rule: 'inconsistent-across-files', start: o.start, end: o.end, relatedUri: other.uri,
            message: format(M.inconsistentAcrossFiles, M.quote(written), M.quote(other.text), baseName(other.uri)),
            related: [{ start: other.start, end: other.end, message: format(M.inconsistentRelated, M.quote(other.text)) }],
            fixes: [{ title: format(M.replaceWith, M.quote(repl)), edits: [{ start: o.start, end: o.end, newText: repl }], preferred: true }],
          });
        }
      }
      if (list.length) out.set(f.uri, list);
    }
  }
  return out;
}
