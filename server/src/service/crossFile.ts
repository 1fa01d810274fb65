/**
 * Consistency across the files of a folder or workspace: where another file names a concept with a
 * term that ranks better for this document's language, this document's name for it is reported.
 * Within one document the 'inconsistent-term' rule speaks; this adds 'inconsistent-across-files'.
 *
 * Each file is summed up once (`fileNames`: the names it gives each concept, with their places), and the
 * summaries are kept by the caller until the file changes; the findings of a whole group of files are then
 * worked out from the summaries in time linear in their size (per concept, the candidate names are ranked
 * once per language of the group, not compared file by file).
 */
import type { Range } from 'vscode-languageserver-types';
import type { RuleId } from './declarations';
import type { Analysis } from './analysis';
import { better, Finding, Fix, namesUsed } from './findings';
import { format, messages } from './l10n';
import { fitTerm } from './replace';
import type { Lang, Term } from './types';

/** A finding in one file about a name in another (`relatedLocation`), with its range in its own file. */
export interface CrossFileFinding extends Finding { range: Range }

type Pos = (offset: number) => { line: number; character: number };

/** One name a file gives a concept: its best term, and where it first occurs. */
interface Name { key: string; best: Term; range: Range }

/** What consistency across files needs of one file: small, and kept until the file changes. */
export interface FileNames {
  uri: string;
  lang: Lang;
  /** Per concept id: the names the file gives it (in the order first met), and every place of its own choice (the best of them). */
  concepts: Map<string, { names: Name[]; mine: Name; occs: { start: number; end: number; range: Range; written: string }[] }>;
}

/**
 * Sums a file up for consistency across files; `pos` gives the line and character of an offset in `text`; `off`
 * says where a control comment switches a rule off (suppress.ts): places where inconsistent-across-files is off are
 * not reported, though the names there still count.
 */
export function fileNames(uri: string, text: string, analysis: Analysis, pos: Pos, off?: (rule: RuleId, offset: number) => boolean): FileNames {
  const lang = analysis.lang;
  const cmp = better(lang);
  const concepts: FileNames['concepts'] = new Map();
  const range = (start: number, end: number): Range => ({ start: pos(start), end: pos(end) });
  for (const [concept, ids] of namesUsed(analysis, lang)) {
    const names: Name[] = [];
    let mine: Name | undefined;
    let mineOccs: { start: number; end: number }[] = [];
    for (const id of ids.values()) {
      const o = id.occs[0];
      const n: Name = { key: id.key, best: id.best, range: range(o.start, o.end) };
      names.push(n);
      if (!mine || cmp(n.best, mine.best) < 0) { mine = n; mineOccs = id.occs; }
    }
    if (!mine) continue;
    const reported = off ? mineOccs.filter((o) => !off('inconsistent-across-files', o.start)) : mineOccs;
    concepts.set(concept.id, { names, mine, occs: reported.map((o) => ({ start: o.start, end: o.end, range: range(o.start, o.end), written: own(text.slice(o.start, o.end)) })) });
  }
  return { uri, lang, concepts };
}

/**
 * A copy of a slice of a text that does not keep the text alive (a longer slice of a string may be a view on
 * it): summaries are kept for thousands of files whose texts are not.
 */
const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

const baseName = (uri: string) => {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try { return decodeURIComponent(last); } catch { return last; }
};

/** A name of a concept in a file of the group, with the file's place in the group (earlier wins a tie). */
interface Candidate { name: Name; file: FileNames; order: number }

/** Findings per URI. `scopeOf` groups files (by folder, or one group for the workspace). */
export function crossFileFindings(files: FileNames[], scopeOf: (uri: string) => string): Map<string, CrossFileFinding[]> {
  const out = new Map<string, CrossFileFinding[]>();
  const groups = new Map<string, FileNames[]>();
  for (const f of files) {
    const k = scopeOf(f.uri);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Every name of every concept in the group, in group order.
    const byConcept = new Map<string, Candidate[]>();
    group.forEach((file, order) => {
      for (const [id, c] of file.concepts) {
        let list = byConcept.get(id);
        if (!list) byConcept.set(id, (list = []));
        for (const name of c.names) list.push({ name, file, order });
      }
    });
    // Per language of the group and concept: the names best first, each written name at most twice (its two best
    // files: a file's own name is never the other one, and a file gives each written name once, so the best other
    // name for any file is among these).
    const ranked = new Map<string, Candidate[]>(); // lang + '\0' + concept id
    const rankedFor = (lang: Lang, id: string): Candidate[] => {
      const k = `${lang}\0${id}`;
      let r = ranked.get(k);
      if (r) return r;
      const cmp = better(lang);
      const all = [...byConcept.get(id)!].sort((x, y) => cmp(x.name.best, y.name.best) || x.order - y.order);
      const seen = new Map<string, number>();
      r = [];
      for (const c of all) {
        const n = seen.get(c.name.key) ?? 0;
        if (n >= 2) continue;
        seen.set(c.name.key, n + 1);
        r.push(c);
      }
      ranked.set(k, r);
      return r;
    };
    for (const f of group) {
      const lang = f.lang;
      const cmp = better(lang);
      const M = messages(lang);
      const list: CrossFileFinding[] = [];
      for (const [id, c] of f.concepts) {
        const mine = c.mine;
        // The best name any other file of the group gives this concept, for this document's language.
        const other = rankedFor(lang, id).find((x) => x.file !== f && x.name.key !== mine.key);
        if (!other || cmp(other.name.best, mine.best) >= 0) continue;
        const from = mine.best, to = other.name.best;
        const otherText = to.text;
        // Only this document's own choice: its other names are already reported within the document.
        for (const o of c.occs) {
          let fixes: Fix[] | undefined;
          list.push({
            rule: 'inconsistent-across-files', start: o.start, end: o.end, range: o.range,
            message: format(M.inconsistentAcrossFiles, M.quote(o.written), M.quote(otherText), baseName(other.file.uri)),
            relatedLocation: { uri: other.file.uri, range: other.name.range, message: format(M.inconsistentRelated, M.quote(otherText)) },
            // Made when asked for: the other name is written to fit this place (fitTerm).
            get fixes(): Fix[] {
              if (!fixes) {
                const repl = fitTerm(o.written, from, to);
                const edits = [{ start: o.start, end: o.end, newText: repl }];
                // A name of a third language (neither this document's nor the one it replaces): the title says which.
                const third = to.lang !== from.lang && to.lang !== lang ? to.lang : undefined;
                fixes = [third
                  ? { title: format(M.replaceWithOtherLanguage, M.quote(repl), M.termLanguage[third]), edits, otherLanguage: third }
                  : { title: format(M.replaceWith, M.quote(repl)), edits, preferred: true }];
              }
              return fixes;
            },
          });
        }
      }
      if (list.length) out.set(f.uri, list);
    }
  }
  return out;
}
