/**
 * CSV (RFC 4180) export and import of glossary files: one row per term or acronym.
 *
 * Columns: concept_id, domain, concept_name, language, kind (term | acronym), text, status, definition,
 * then the other term fields. Concept fields (domain, name, related, seeds, disabled) are repeated on
 * every row of the concept and the definition on every row of its language; rows that disagree are an
 * error. An empty cell means "not given"; true/false for flags; lists (forms, related, seeds) are
 * separated by "|" (a "|" or "\" inside an item is written "\|", "\\"), and "[]" is an empty list.
 */
import { LANGS, type AcronymData, type ConceptData, type GlossaryFileData, type Lang, type LangSectionData, type TermContext, type TermData } from '../service';
import { FileError, posKey, type Imported, type Pos } from './interchange';

export const CSV_COLUMNS = [
  'concept_id', 'domain', 'concept_name', 'language', 'kind', 'text', 'status', 'definition',
  'expansion', 'loanword', 'mistranslation', 'gender', 'head', 'plural', 'forms', 'inflect', 'ambiguous', 'homograph', 'note', 'replacement',
  'related', 'seeds', 'disabled', 'not_in', 'not_near', 'cues', 'register',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

const ACRONYM_ONLY: Column[] = ['expansion'];
const TERM_ONLY: Column[] = ['loanword', 'mistranslation', 'gender', 'head', 'plural', 'forms', 'inflect', 'homograph', 'replacement', 'register'];

// ---- RFC 4180 ----------------------------------------------------------------------

function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Parses CSV text into records, each with the line it starts on. Throws FileError on malformed quoting. */
export function parseCsv(file: string, input: string): { line: number; fields: string[] }[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: { line: number; fields: string[] }[] = [];
  let line = 1, col = 1, i = 0;
  let fields: string[] = [];
  let cur = '';
  let recordLine = 1;
  const fail = (msg: string, l = line, c = col): never => { throw new FileError(file, l, c, msg); };
  const advance = (ch: string) => { if (ch === '\n') { line++; col = 1; } else col++; };
  let atFieldStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (atFieldStart && ch === '"') {
      const qLine = line, qCol = col;
      i++; advance(ch);
      for (;;) {
        if (i >= text.length) fail('a quoted field is not closed', qLine, qCol);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') { cur += '"'; i += 2; col += 2; continue; }
          i++; advance(c);
          break;
        }
        if (c === '\r' && text[i + 1] === '\n') { cur += '\r\n'; i += 2; line++; col = 1; continue; }
        cur += c; i++; advance(c);
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') fail(`unexpected ${JSON.stringify(next)} after a closing quote (a quote inside a quoted field is written "")`);
      atFieldStart = false;
      continue;
    }
    if (ch === ',') { fields.push(cur); cur = ''; i++; col++; atFieldStart = true; continue; }
    if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n') || ch === '\r') {
      fields.push(cur);
      records.push({ line: recordLine, fields });
      fields = []; cur = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++; col = 1; recordLine = line; atFieldStart = true;
      continue;
    }
    if (ch === '"') fail('a quote inside an unquoted field (quote the whole field and write the quote as "")');
    cur += ch; i++; col++; atFieldStart = false;
  }
  if (!atFieldStart || cur || fields.length) { fields.push(cur); records.push({ line: recordLine, fields }); }
  // Blank lines (a record of one empty field) are skipped.
  return records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
}

// ---- lists and flags -------------------------------------------------------------

export function encodeList(list: string[] | undefined): string {
  if (list === undefined) return '';
  if (!list.length) return '[]';
  return list.map((x) => x.replace(/[\\|]/g, '\\$&').replace(/^\[\]$/, '\\[]')).join('|');
}

export function decodeList(s: string): string[] | undefined {
  if (s === '') return undefined;
  if (s === '[]') return [];
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) cur += s[++i];
    else if (s[i] === '|') { out.push(cur); cur = ''; }
    else cur += s[i];
  }
  out.push(cur);
  return out;
}

const enc = (v: unknown): string => (v === undefined ? '' : String(v));

// ---- export ----------------------------------------------------------------------

/** The context fields of a term or acronym (lists, like forms). */
const contextCells = (t: TermContext): Row => ({ not_in: encodeList(t.notIn), not_near: encodeList(t.notNear), cues: encodeList(t.cues) });
function setContext(t: TermContext, get: (c: Column) => string): void {
  const notIn = decodeList(get('not_in')), notNear = decodeList(get('not_near')), cues = decodeList(get('cues'));
  if (notIn !== undefined) t.notIn = notIn;
  if (notNear !== undefined) t.notNear = notNear;
  if (cues !== undefined) t.cues = cues;
}

export function exportCsv(files: GlossaryFileData[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const f of files) {
    for (const c of f.concepts) {
      const concept: Row = {
        concept_id: c.id, domain: f.domain, concept_name: c.name,
        related: encodeList(c.related), seeds: encodeList(c.seeds), disabled: enc(c.disabled),
      };
      for (const [lang, s] of Object.entries(c.langs) as [Lang, LangSectionData][]) {
        const base: Row = { ...concept, language: lang, definition: enc(s.definition) };
        for (const t of s.terms) {
          rows.push(line({
            ...base, kind: 'term', text: t.text, status: t.status, loanword: enc(t.loanword), mistranslation: enc(t.mistranslation),
            gender: enc(t.gender), head: enc(t.head), plural: enc(t.plural), forms: encodeList(t.forms), inflect: enc(t.inflect),
            ambiguous: enc(t.ambiguous), homograph: enc(t.homograph), note: enc(t.note), replacement: enc(t.replacement), register: enc(t.register), ...contextCells(t),
          }));
        }
        if (s.acronyms?.length === 0) rows.push(line({ ...base, kind: 'acronyms', text: '[]' }));
        for (const a of s.acronyms ?? []) {
          rows.push(line({ ...base, kind: 'acronym', text: a.text, status: enc(a.status), expansion: enc(a.expansion), ambiguous: enc(a.ambiguous), note: enc(a.note), ...contextCells(a) }));
        }
      }
    }
  }
  return rows.join('\r\n') + '\r\n';
}

const line = (r: Row): string => CSV_COLUMNS.map((c) => field(r[c] ?? '')).join(',');

// ---- import ----------------------------------------------------------------------

export function importCsv(file: string, input: string): Imported {
  const records = parseCsv(file, input);
  if (!records.length) throw new FileError(file, 1, 1, 'the file is empty (expected a header row)');
  const header = records[0].fields.map((h) => h.trim());
  const index = new Map<Column, number>();
  header.forEach((h, k) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(h)) throw new FileError(file, records[0].line, 1, `unknown column "${h}" (columns: ${CSV_COLUMNS.join(', ')})`);
    if (index.has(h as Column)) throw new FileError(file, records[0].line, 1, `column "${h}" is given twice`);
    index.set(h as Column, k);
  });
  for (const required of ['concept_id', 'domain', 'language', 'kind', 'text'] as Column[]) {
    if (!index.has(required)) throw new FileError(file, records[0].line, 1, `the header has no "${required}" column`);
  }

  interface Pending { concept: ConceptData; domain: string; row: Row; line: number; defs: Map<Lang, { value: string; line: number }> }
  const concepts = new Map<string, Pending>();
  const order: Pending[] = [];
  const termLines: [Pending, Lang, 'terms' | 'acronyms', number, number][] = [];
  const langLines: [Pending, Lang, number][] = [];

  for (const rec of records.slice(1)) {
    const at = rec.line;
    const fail = (msg: string): never => { throw new FileError(file, at, 1, msg); };
    if (rec.fields.length !== header.length) fail(`the row has ${rec.fields.length} fields; the header has ${header.length}`);
    const row: Row = {};
    for (const [c, k] of index) row[c] = rec.fields[k];
    const get = (c: Column) => row[c] ?? '';
    const bool = (c: Column): boolean | undefined => {
      const v = get(c).trim();
      if (v === '') return undefined;
      if (v !== 'true' && v !== 'false') fail(`${c} must be true, false or empty, not ${JSON.stringify(v)}`);
      return v === 'true';
    };
    const id = get('concept_id');
    if (!id) fail('concept_id is empty');
    const lang = get('language') as Lang;
    if (!(LANGS as readonly string[]).includes(lang)) fail(`language "${lang}" is not one of ${LANGS.join(', ')}`);
    const kind = get('kind');
    if (!['term', 'acronym', 'acronyms'].includes(kind)) fail(`kind must be "term" or "acronym", not ${JSON.stringify(kind)}`);

    let p = concepts.get(id);
    if (!p) {
      const concept: ConceptData = { id, name: get('concept_name') } as ConceptData;
      const related = decodeList(get('related'));
      if (related) concept.related = related;
      const seeds = decodeList(get('seeds'));
      if (seeds) concept.seeds = seeds;
      const disabled = bool('disabled');
      if (disabled !== undefined) concept.disabled = disabled;
      concept.langs = {};
      p = { concept, domain: get('domain'), row, line: at, defs: new Map() };
      concepts.set(id, p);
      order.push(p);
    } else {
      for (const c of ['domain', 'concept_name', 'related', 'seeds', 'disabled'] as Column[]) {
        if ((p.row[c] ?? '') !== get(c)) fail(`${c} of concept "${id}" is ${JSON.stringify(get(c))} here but ${JSON.stringify(p.row[c] ?? '')} on line ${p.line}`);
      }
    }
    let sec = p.concept.langs[lang];
    const def = get('definition');
    if (!sec) {
      sec = { terms: [] };
      if (def !== '') sec.definition = def;
      p.concept.langs[lang] = sec;
      p.defs.set(lang, { value: def, line: at });
      langLines.push([p, lang, at]);
    } else if (p.defs.get(lang)!.value !== def) {
      fail(`the ${lang} definition of concept "${id}" differs from the one on line ${p.defs.get(lang)!.line} (repeat it unchanged on every row of the language)`);
    }

    if (kind === 'acronyms') {
      if (get('text') !== '[]') fail('kind "acronyms" is only used with text "[]" (an empty acronym list)');
      sec.acronyms ??= [];
      continue;
    }
    const text = get('text');
    if (kind === 'acronym') {
      for (const c of TERM_ONLY) if (get(c) !== '') fail(`${c} is a term field; it is not used on an acronym row`);
      const a: AcronymData = { text };
      if (get('expansion') !== '') a.expansion = get('expansion');
      if (get('status') !== '') a.status = get('status') as AcronymData['status'];
      const amb = bool('ambiguous');
      if (amb !== undefined) a.ambiguous = amb;
      if (get('note') !== '') a.note = get('note');
      setContext(a, get);
      sec.acronyms ??= [];
      termLines.push([p, lang, 'acronyms', sec.acronyms.length, at]);
      sec.acronyms.push(a);
    } else {
      for (const c of ACRONYM_ONLY) if (get(c) !== '') fail(`${c} is an acronym field; it is not used on a term row`);
      if (get('status') === '') fail(`term "${text}" has no status (preferred, admitted or deprecated)`);
      const t: TermData = { text, status: get('status') as TermData['status'] };
      const set = <K extends keyof TermData>(k: K, v: TermData[K] | undefined) => { if (v !== undefined) t[k] = v; };
      set('loanword', bool('loanword'));
      set('mistranslation', bool('mistranslation'));
      if (get('gender') !== '') t.gender = get('gender');
      const head = get('head').trim();
      if (head !== '') {
        if (!/^\d+$/.test(head)) fail(`head must be a whole number, not ${JSON.stringify(head)}`);
        t.head = Number(head);
      }
      if (get('plural') !== '') t.plural = get('plural');
      set('forms', decodeList(get('forms')));
      set('inflect', bool('inflect'));
      set('ambiguous', bool('ambiguous'));
      if (get('homograph') !== '') t.homograph = get('homograph') as TermData['homograph'];
      if (get('register') !== '') t.register = get('register') as TermData['register'];
      if (get('note') !== '') t.note = get('note');
      if (get('replacement') !== '') t.replacement = get('replacement');
      setContext(t, get);
      termLines.push([p, lang, 'terms', sec.terms.length, at]);
      sec.terms.push(t);
    }
  }

  const files: GlossaryFileData[] = [];
  const byDomain = new Map<string, number>();
  const where = new Map<Pending, { fi: number; ci: number }>();
  for (const p of order) {
    let fi = byDomain.get(p.domain);
    if (fi === undefined) { fi = files.length; byDomain.set(p.domain, fi); files.push({ domain: p.domain, concepts: [] }); }
    where.set(p, { fi, ci: files[fi].concepts.length });
    files[fi].concepts.push(p.concept);
  }
  const positions = new Map<string, Pos>();
  for (const p of order) { const w = where.get(p)!; positions.set(posKey(w.fi, `/concepts/${w.ci}`), { line: p.line, col: 1 }); }
  for (const [p, lang, l] of langLines) { const w = where.get(p)!; positions.set(posKey(w.fi, `/concepts/${w.ci}/langs/${lang}`), { line: l, col: 1 }); }
  for (const [p, lang, list, k, l] of termLines) { const w = where.get(p)!; positions.set(posKey(w.fi, `/concepts/${w.ci}/langs/${lang}/${list}/${k}`), { line: l, col: 1 }); }
  return { files, positions, warnings: [] };
}
