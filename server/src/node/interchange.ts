/**
 * What the glossary exchange formats (TBX, CSV) share: errors with a file position, checking imported
 * data against the glossary schema (reporting each problem at the line it came from), writing the
 * per-domain JSON files in the repository's style; writing files (all or nothing) is files.ts's, re-exported here.
 */
import { positionsOf } from '../service/util';
import { buildGlossary, validateGlossaryFile, type AcronymData, type ConceptData, type GlossaryFileData, type LangSectionData, type TermData } from '../service';

export interface Pos { line: number; col: number }

/** An error in an input file, printed as file:line:col message. */
export class FileError extends Error {
  constructor(readonly file: string, readonly line: number, readonly col: number, readonly detail: string) {
    super(`${file}:${line}:${col} ${detail}`);
  }
}

/** Data read from an exchange file, with where each concept and term came from (by JSON pointer per file). */
export interface Imported {
  files: GlossaryFileData[];
  /** files[i] + JSON pointer → position in the source file. */
  positions: Map<string, Pos>;
  /** Things that were read but not kept (data categories this schema has no place for). */
  warnings: string[];
}

export const posKey = (fileIndex: number, pointer: string) => `${fileIndex}${pointer}`;

/**
 * Checks imported data like a glossary folder is checked: the schema per domain file, then the links
 * between files (a concept id used twice, an unknown related concept). Returns errors as
 * "file:line:col message" with the position of the nearest concept or term.
 */
export function checkImported(source: string, imp: Imported): string[] {
  const errors: string[] = [];
  const where = (fileIndex: number, pointer: string): string => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const pos = imp.positions.get(posKey(fileIndex, p));
      if (pos) return `${source}:${pos.line}:${pos.col}`;
      if (!p) return `${source}:1:1`;
    }
  };
  imp.files.forEach((f, i) => {
    for (const issue of validateGlossaryFile(`${f.domain}.json`, f)) {
      errors.push(`${where(i, issue.pointer)} ${issue.entry}: ${issue.field} ${issue.message}`);
    }
  });
  if (errors.length) return errors;
  const { issues } = buildGlossary(imp.files.map((f) => ({ file: `${f.domain}.json`, data: f })));
  for (const issue of issues) {
    if (issue.severity !== 'error') continue;
    const fi = imp.files.findIndex((f) => `${f.domain}.json` === issue.file);
    errors.push(`${where(fi, issue.pointer)} ${issue.entry}: ${issue.field} ${issue.message}`);
  }
  return errors;
}

// ---- canonical key order and formatting ------------------------------------

const TERM_KEYS: (keyof TermData)[] = ['text', 'status', 'loanword', 'mistranslation', 'gender', 'head', 'plural', 'forms', 'inflect', 'ambiguous', 'homograph', 'register', 'note', 'replacement', 'notIn', 'notNear', 'cues'];
const ACRONYM_KEYS: (keyof AcronymData)[] = ['text', 'expansion', 'status', 'ambiguous', 'note', 'notIn', 'notNear', 'cues'];

function pick<T extends object>(o: T, keys: (keyof T)[]): T {
  const out = {} as T;
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  for (const k of Object.keys(o) as (keyof T)[]) if (!(k in out) && o[k] !== undefined) out[k] = o[k];
  return out;
}

export function orderConcept(c: ConceptData): ConceptData {
  const langs: ConceptData['langs'] = {};
  for (const [lang, s] of Object.entries(c.langs) as [keyof ConceptData['langs'], LangSectionData][]) {
    const sec: LangSectionData = { terms: [] };
    if (s.definition !== undefined) sec.definition = s.definition;
    sec.terms = s.terms.map((t) => pick(t, TERM_KEYS));
    if (s.acronyms !== undefined) sec.acronyms = s.acronyms.map((a) => pick(a, ACRONYM_KEYS));
    langs[lang] = sec;
  }
  const out: ConceptData = { id: c.id, name: c.name } as ConceptData;
  if (c.related !== undefined) out.related = c.related;
  if (c.seeds !== undefined) out.seeds = c.seeds;
  if (c.disabled !== undefined) out.disabled = c.disabled;
  out.langs = langs;
  return out;
}

/** A domain file as the repository writes them: two-space indents, one term or acronym per line. */
export function formatGlossaryFile(data: GlossaryFileData, schemaRef?: string): string {
  const j = (v: unknown) => JSON.stringify(v);
  const lines: string[] = ['{'];
  if (schemaRef) lines.push(`  "$schema": ${j(schemaRef)},`);
  lines.push(`  "domain": ${j(data.domain)},`, '  "concepts": [');
  data.concepts.forEach((raw, ci) => {
    const c = orderConcept(raw);
    const props: string[] = [`      "id": ${j(c.id)}`, `      "name": ${j(c.name)}`];
    if (c.related) props.push(`      "related": ${j(c.related).replace(/","/g, '", "')}`);
    if (c.seeds) props.push(`      "seeds": ${j(c.seeds).replace(/","/g, '", "')}`);
    if (c.disabled !== undefined) props.push(`      "disabled": ${j(c.disabled)}`);
    const langs = Object.entries(c.langs).map(([lang, s]) => {
      const sp: string[] = [];
      if (s!.definition !== undefined) sp.push(`          "definition": ${j(s!.definition)}`);
      const list = (name: string, items: object[]) => items.length
        ? `          "${name}": [\n${items.map((t) => `            ${oneLine(t)}`).join(',\n')}\n          ]`
        : `          "${name}": []`;
      sp.push(list('terms', s!.terms));
      if (s!.acronyms) sp.push(list('acronyms', s!.acronyms));
      return `        ${j(lang)}: {\n${sp.join(',\n')}\n        }`;
    });
    props.push(`      "langs": {\n${langs.join(',\n')}\n      }`);
    lines.push(`    {\n${props.join(',\n')}\n    }${ci < data.concepts.length - 1 ? ',' : ''}`);
  });
  lines.push('  ]', '}', '');
  return lines.join('\n');
}

const oneLine = (o: object): string => '{' + Object.entries(o).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v).replace(/","/g, '", "')}`).join(', ') + '}';

// ---- writing -----------------------------------------------------------------

export { writeAtomic, writeFilesAtomic } from './files';

/** Line and column (1-based) of offsets in a text, from the service's line table (made once per text). */
export function filePositions(text: string): (offset: number) => Pos {
  const at = positionsOf(text);
  return (offset) => { const p = at(offset); return { line: p.line + 1, col: p.character + 1 }; };
}
