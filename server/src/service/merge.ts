/**
 * Team glossaries: a workspace file merged over the built-in glossary, before the model is built.
 * By concept id it can add terms, make a term the team's preferred one, deprecate a term (with a
 * replacement), replace a definition, or switch the concept off; other ids are new concepts.
 */
import { foldKey } from './fold';
import type { AcronymData, ConceptData, GlossaryIssue, GlossarySource, Lang, LangSectionData, TermData } from './types';
import { LANGS } from './types';

export interface WorkspaceGlossaryData {
  domain?: string;
  builtin?: boolean;
  concepts: Partial<ConceptData>[];
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Puts `incoming` over `base` by folded text; a preferred incoming term becomes the only preferred one. */
function mergeTerms(base: TermData[], incoming: TermData[]): TermData[] {
  const out = base.map((t) => ({ ...t }));
  for (const t of incoming) {
    const i = out.findIndex((b) => foldKey(b.text) === foldKey(t.text));
    if (i >= 0) out[i] = { ...out[i], ...t };
    else out.push({ ...t });
  }
  const pref = incoming.find((t) => t.status === 'preferred');
  if (pref) {
    const key = foldKey(pref.text);
    for (const t of out) if (t.status === 'preferred' && foldKey(t.text) !== key) t.status = 'admitted';
    out.sort((a, b) => Number(foldKey(b.text) === key) - Number(foldKey(a.text) === key));
  }
  return out;
}

function mergeAcronyms(base: AcronymData[] = [], incoming: AcronymData[] = []): AcronymData[] {
  const out = base.map((a) => ({ ...a }));
  for (const a of incoming) {
    const i = out.findIndex((b) => b.text === a.text);
    if (i >= 0) out[i] = { ...out[i], ...a }; else out.push({ ...a });
  }
  return out;
}

function mergeSection(base: LangSectionData | undefined, inc: LangSectionData): LangSectionData {
  if (!base) return clone(inc);
  return {
    definition: inc.definition ?? base.definition,
    terms: mergeTerms(base.terms, inc.terms ?? []),
    acronyms: mergeAcronyms(base.acronyms, inc.acronyms),
  };
}

/**
 * Merges workspace glossary files over the built-in sources. Returns new sources (the built-in
 * data is not changed) and the semantic problems found (schema problems are reported by
 * validateGlossaryFile). `useBuiltin` false drops the built-in glossary.
 */
export function mergeGlossaries(builtin: GlossarySource[], workspace: GlossarySource[], useBuiltin = true): { sources: GlossarySource[]; issues: GlossaryIssue[] } {
  const issues: GlossaryIssue[] = [];
  const keepBuiltin = useBuiltin && workspace.every((w) => (w.data as WorkspaceGlossaryData)?.builtin !== false);
  // Merging replaces whole concepts in a copy of each concept list and never changes a built-in concept, so the
  // built-in data is shared, not copied (a deep copy of a large glossary costs as much as the glossary).
  const sources: GlossarySource[] = keepBuiltin ? builtin.map((s) => ({ file: s.file, data: { ...(s.data as object), concepts: [...((s.data as { concepts?: ConceptData[] }).concepts ?? [])] } })) : [];
  const where = new Map<string, { source: GlossarySource; index: number }>();
  for (const s of sources) (s.data as { concepts: ConceptData[] }).concepts.forEach((c, index) => where.set(c.id, { source: s, index }));

  // The merge order: the built-in glossary is layer 0, each file after it one more (a termbase read into several
  // sources, one per subject field, is one layer).
  const layers = new Map<string, number>();
  for (const ws of workspace) {
    const layer = layers.get(ws.file) ?? layers.size + 1;
    layers.set(ws.file, layer);
    const data = ws.data as WorkspaceGlossaryData;
    if (!data || !Array.isArray(data.concepts)) continue;
    const added: ConceptData[] = [];
    const inFile = new Set<string>();
    data.concepts.forEach((c, i) => {
      if (!c || typeof c.id !== 'string') return;
      if (inFile.has(c.id)) {
        issues.push({ file: ws.file, entry: c.id, field: 'id', message: 'is used twice in this file; the second entry is left out', severity: 'error', pointer: `/concepts/${i}/id` });
        return;
      }
      inFile.add(c.id);
      const hit = where.get(c.id);
      if (hit) {
        const list = (hit.source.data as { concepts: ConceptData[] }).concepts;
        const base = list[hit.index];
        if (c.disabled) { list[hit.index] = { ...base, disabled: true }; return; }
        const merged: ConceptData = { ...base, name: c.name ?? base.name, related: [...new Set([...(base.related ?? []), ...(c.related ?? [])])], langs: { ...base.langs } };
        for (const l of LANGS) {
          const s = c.langs?.[l as Lang];
          if (s) merged.langs[l] = mergeSection(base.langs[l], s);
        }
        list[hit.index] = merged;
      } else if (c.disabled) {
        // switching off a concept that is not there: nothing to do
      } else if (!c.name || !c.langs || !Object.keys(c.langs).length) {
        issues.push({ file: ws.file, entry: c.id, field: c.name ? 'langs' : 'name', message: 'is required for a concept that is not in the built-in glossary', severity: 'error', pointer: `/concepts/${i}` });
      } else {
        added.push(c as ConceptData);
        where.set(c.id, { source: { file: ws.file, data: { concepts: added } }, index: added.length - 1 });
      }
    });
    if (added.length) sources.push({ file: ws.file, data: { domain: data.domain ?? 'team', concepts: added }, layer });
  }
  return { sources, issues };
}

/** A concept id for a new team term: its words in lower case joined by hyphens ("team-" + code points for Han). */
export function conceptIdFor(text: string): string {
  const key = foldKey(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');
  const ascii = key.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return ascii || 'team-' + [...key].map((c) => c.codePointAt(0)!.toString(36)).join('-').slice(0, 100);
}

/** The concept a team glossary gets for "Add to team glossary": the text as the preferred term of `lang`. */
export function newTeamConcept(text: string, lang: Lang, taken: (id: string) => boolean): ConceptData {
  const base = conceptIdFor(text);
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return { id, name: text, langs: { [lang]: { terms: [{ text, status: 'preferred' }] } } };
}
