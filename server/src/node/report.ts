/**
 * `lingo report`: which concepts each document uses, with which terms and how often, and the concepts
 * that files of the set (in the same language) name with different terms.
 */
import type { Analysis, Lang, Status } from '../service';

/** A term of the glossary as one document uses it; `written`: how the document writes it (inflected, in other case, in Simplified characters), most frequent first. */
export interface TermUse { text: string; lang: Lang; status: Status; acronym: boolean; count: number; written: { text: string; count: number }[] }
export interface ConceptUse { id: string; name: string; domain: string; count: number; terms: TermUse[] }
export interface DocumentReport { file: string; lang: Lang; concepts: ConceptUse[] }
export interface Difference {
  id: string;
  name: string;
  /** The language of the documents compared. */
  lang: Lang;
  terms: { text: string; status: Status; files: { file: string; count: number }[] }[];
}
export interface Report { documents: DocumentReport[]; differences: Difference[] }

export function documentReport(file: string, a: Analysis): DocumentReport {
  const byConcept = new Map<string, ConceptUse>();
  for (const o of a.occurrences) {
    const t = o.term;
    let c = byConcept.get(t.concept.id);
    if (!c) byConcept.set(t.concept.id, (c = { id: t.concept.id, name: t.concept.name, domain: t.concept.domain, count: 0, terms: [] }));
    c.count++;
    let u = c.terms.find((x) => x.text === t.text && x.lang === t.lang && x.acronym === t.acronym);
    if (!u) c.terms.push((u = { text: t.text, lang: t.lang, status: t.status, acronym: t.acronym, count: 0, written: [] }));
    u.count++;
    const as = a.text.slice(o.start, o.end).replace(/\s+/g, ' ');
    const w = u.written.find((x) => x.text === as);
    if (w) w.count++; else u.written.push({ text: as, count: 1 });
  }
  const concepts = [...byConcept.values()].sort((x, y) => y.count - x.count || x.id.localeCompare(y.id));
  for (const c of concepts) {
    c.terms.sort((x, y) => y.count - x.count || x.text.localeCompare(y.text));
    for (const u of c.terms) u.written.sort((x, y) => y.count - x.count || x.text.localeCompare(y.text));
  }
  return { file, lang: a.lang, concepts };
}

/** Concepts that documents of one language name with more than one (full, non-acronym) term, across at least two files. */
export function differences(docs: DocumentReport[]): Difference[] {
  const groups = new Map<string, { id: string; name: string; lang: Lang; terms: Map<string, { text: string; status: Status; files: { file: string; count: number }[] }> }>();
  for (const d of docs) {
    for (const c of d.concepts) {
      for (const t of c.terms) {
        if (t.acronym) continue;
        const key = `${c.id}\u0000${d.lang}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { id: c.id, name: c.name, lang: d.lang, terms: new Map() }));
        let e = g.terms.get(t.text);
        if (!e) g.terms.set(t.text, (e = { text: t.text, status: t.status, files: [] }));
        const f = e.files.find((x) => x.file === d.file);
        if (f) f.count += t.count; else e.files.push({ file: d.file, count: t.count });
      }
    }
  }
  const out: Difference[] = [];
  for (const g of groups.values()) {
    if (g.terms.size < 2) continue;
    const files = new Set([...g.terms.values()].flatMap((t) => t.files.map((f) => f.file)));
    if (files.size < 2) continue;
    const terms = [...g.terms.values()].sort((x, y) => total(y) - total(x) || x.text.localeCompare(y.text));
    out.push({ id: g.id, name: g.name, lang: g.lang, terms });
  }
  return out.sort((x, y) => x.lang.localeCompare(y.lang) || x.id.localeCompare(y.id));
}

const total = (t: { files: { count: number }[] }) => t.files.reduce((s, f) => s + f.count, 0);

export function reportText(r: Report): string {
  const lines: string[] = [];
  for (const d of r.documents) {
    lines.push(`${d.file} (${d.lang}): ${d.concepts.length} concept(s)`);
    for (const c of d.concepts) {
      // The term as the document writes it; the glossary's form beside it where the document writes it otherwise.
      const terms = c.terms.map((t) => {
        const asWritten = t.written.map((w) => `"${w.text}" ×${w.count}`).join(', ');
        const other = t.written.some((w) => w.text !== t.text) ? ` (glossary: ${t.text})` : '';
        return `${asWritten}${other}${t.acronym ? ' (acronym)' : ''}${t.status === 'deprecated' ? ' (deprecated)' : ''}${t.lang !== d.lang ? ` [${t.lang}]` : ''}`;
      });
      lines.push(`  ${c.id} (${c.name}): ${terms.join(', ')}`);
    }
  }
  lines.push('');
  if (!r.differences.length) lines.push('No concept is named differently across the files.');
  else {
    lines.push('Named differently across files:');
    for (const d of r.differences) {
      const terms = d.terms.map((t) => `"${t.text}" in ${t.files.map((f) => `${f.file} (${f.count})`).join(', ')}`);
      lines.push(`  ${d.id} (${d.name}, ${d.lang}): ${terms.join('; ')}`);
    }
  }
  return lines.join('\n') + '\n';
}
