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
import { looksTraditional, mapLanguage, mapStatus, type RawConcept, type RawLang, type RawTerm, type TermbaseLog } from './termbaseVocab';

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

/** A CSV record: its fields, the line it starts on, and the column each field starts at. */
export interface CsvRecord { line: number; fields: string[]; cols: number[] }

/**
 * Parses CSV text into records, each with the line it starts on. Throws FileError on malformed quoting.
 * `sep` is the field separator (",", ";" or a tab).
 */
export function parseCsv(file: string, input: string, sep = ','): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let line = 1, col = 1, i = 0;
  let fields: string[] = [];
  let cols: number[] = [1];
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
      if (next !== undefined && next !== sep && next !== '\n' && next !== '\r') fail(`unexpected ${JSON.stringify(next)} after a closing quote (a quote inside a quoted field is written "")`);
      atFieldStart = false;
      continue;
    }
    if (ch === sep) { fields.push(cur); cur = ''; i++; col++; cols.push(col); atFieldStart = true; continue; }
    if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n') || ch === '\r') {
      fields.push(cur);
      records.push({ line: recordLine, fields, cols });
      fields = []; cols = [1]; cur = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++; col = 1; recordLine = line; atFieldStart = true;
      continue;
    }
    if (ch === '"') fail('a quote inside an unquoted field (quote the whole field and write the quote as "")');
    cur += ch; i++; col++; atFieldStart = false;
  }
  if (!atFieldStart || cur || fields.length) { fields.push(cur); records.push({ line: recordLine, fields, cols }); }
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

// ---- termbases: one column per language ---------------------------------------------------------

/** The separator of a CSV text: the one of ",", ";" and tab found most often in its first line (outside quotes). */
export function sniffSeparator(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  return counts['\t'] > counts[','] && counts['\t'] >= counts[';'] ? '\t' : counts[';'] > counts[','] ? ';' : ',';
}

/** Whether a header row is Lingo's own columns (lingo glossary export --format csv). */
export const isLingoCsvHeader = (header: string[]): boolean => ['concept_id', 'language', 'kind', 'text'].every((c) => header.map((h) => h.trim()).includes(c));

type ColumnRole =
  | { role: 'terms' | 'definition' | 'status' | 'note' | 'forbidden' | 'acronyms'; lang: Lang }
  | { role: 'id' | 'domain' | 'note' | 'status' | 'definition' }
  | { role: 'skip'; kind: 'language' | 'category'; why: string };

const FIELD_WORDS: Record<string, 'definition' | 'status' | 'note' | 'forbidden' | 'acronyms'> = {
  definition: 'definition', def: 'definition', description: 'definition', definitie: 'definition', definicja: 'definition', 定義: 'definition',
  status: 'status', usage: 'status', 'term status': 'status', administrativestatus: 'status', normativeauthorization: 'status',
  note: 'note', notes: 'note', comment: 'note', comments: 'note', remark: 'note', remarks: 'note', anteckning: 'note', opmerking: 'note', uwagi: 'note', 備註: 'note',
  forbidden: 'forbidden', 'do not use': 'forbidden', 'do not translate': 'forbidden',
  acronym: 'acronyms', acronyms: 'acronyms', abbreviation: 'acronyms', abbreviations: 'acronyms',
};
const CONCEPT_WORDS: Record<string, 'id' | 'domain' | 'note' | 'status' | 'definition'> = {
  id: 'id', 'concept id': 'id', 'entry id': 'id', entryid: 'id', 'term id': 'id', 'concept': 'id',
  domain: 'domain', subject: 'domain', 'subject field': 'domain', subjectfield: 'domain', 'entry domain': 'domain', 'entry subject': 'domain', category: 'domain',
  note: 'note', notes: 'note', comment: 'note', comments: 'note', remarks: 'note', 'entry note': 'note',
  status: 'status', 'term status': 'status', usage: 'status', administrativestatus: 'status', normativeauthorization: 'status',
  definition: 'definition', description: 'definition', 'entry definition': 'definition',
};

/** What a header cell names: a language's terms ("en", "English", "sv-SE", "Polski"), a field of a language ("definition_en", "en definition", "English_Def", "Status (nl)"), a field of the concept, or nothing Lingo uses. */
function columnRole(header: string): ColumnRole {
  const h = header.trim();
  const words = h.toLowerCase().replace(/[_\s]+/g, ' ').trim();
  const asLang = (s: string): ColumnRole | undefined => {
    const r = mapLanguage(s);
    if (!r) return undefined;
    if ('lang' in r) return { role: 'terms', lang: r.lang };
    if ('other' in r) return { role: 'skip', kind: 'language', why: 'not a language Lingo checks; left out' };
    if ('simplified' in r) return { role: 'skip', kind: 'language', why: 'Simplified Chinese left out: Lingo writes Traditional Chinese, whose terms match Simplified text too' };
    return { role: 'terms', lang: 'zh-Hant' }; // "Chinese": decided by the characters below
  };
  if (CONCEPT_WORDS[words]) return { role: CONCEPT_WORDS[words] };
  const whole = asLang(h);
  if (whole) return whole;
  const split = /^(.+?)\s*\((.+)\)$/.exec(h) ?? /^(.+?)[\s_:]+(\S+)$/.exec(h);
  if (split) {
    for (const [a, b] of [[split[1], split[2]], [split[2], split[1]]]) {
      const field = FIELD_WORDS[b.toLowerCase().replace(/[_\s]+/g, ' ').trim()];
      const lang = asLang(a);
      if (field && lang) return lang.role === 'terms' ? { role: field, lang: lang.lang } : lang;
    }
    // "German (Germany)", "English (United States)": a language name with a region.
    const named = asLang(split[1]);
    if (named && /\(/.test(h)) return named;
  }
  return { role: 'skip', kind: 'category', why: 'not a column Lingo reads; left out' };
}

const yes = (v: string) => /^(true|yes|y|1|x|ja|tak|是|✓|forbidden|do not use)$/i.test(v.trim());

/**
 * A termbase as CSV with one column per language and a header row ("en,sv,nl", "English;Svenska;Polski",
 * "sv-SE", "Chinese (Traditional)"…): one concept per row (rows with the same id are one concept). A language's
 * cell may hold several terms separated by "|" or ";" or line breaks (the first preferred unless a status says
 * otherwise). Optional columns: definition, status, note, forbidden and acronym per language ("definition_en",
 * "en definition", "English_Def", "Status (sv)"), and id, domain (subject), note, status, definition for the row.
 */
export function readColumnsCsv(file: string, input: string, log: TermbaseLog, onConcept: (c: RawConcept) => void, sep = sniffSeparator(input)): void {
  const records = parseCsv(file, input, sep);
  if (!records.length) throw new FileError(file, 1, 1, 'the file is empty (expected a header row)');
  const header = records[0];
  const roles = header.fields.map((h, k) => {
    const r = columnRole(h);
    if (r.role === 'skip') log.note(r.kind, h.trim() || `(column ${k + 1})`, { line: header.line, col: header.cols[k] }, r.why);
    return r;
  });
  const firstLang = roles.find((r): r is { role: 'terms'; lang: Lang } => r.role === 'terms')?.lang;
  if (!firstLang) throw new FileError(file, header.line, 1, `the header row names no language Lingo checks (en, sv, nl, pl, zh-Hant or their names: English, Svenska, Nederlands, Polski, 繁體中文…); it has ${header.fields.map((h) => JSON.stringify(h.trim())).join(', ')}`);
  const chineseByChars = header.fields.some((h, k) => roles[k].role === 'terms' && (roles[k] as { lang: Lang }).lang === 'zh-Hant' && (mapLanguage(h) as { zh?: true } | undefined)?.zh);
  const byId = new Map<string, RawConcept>();
  const emitted: RawConcept[] = [];
  for (const rec of records.slice(1)) {
    const at = (k: number): Pos => ({ line: rec.line, col: rec.cols[k] ?? 1 });
    if (rec.fields.length > header.fields.length && rec.fields.slice(header.fields.length).some((f) => f.trim())) {
      log.problem(at(header.fields.length), `the row has ${rec.fields.length} fields; the header has ${header.fields.length}: the extra fields are left out`, 'warning');
    }
    const cell = (k: number) => rec.fields[k] ?? '';
    const rowOf = (role: string) => roles.findIndex((r) => r.role === role && !('lang' in r));
    const idCol = rowOf('id'), domainCol = rowOf('domain'), noteCol = rowOf('note'), statusCol = rowOf('status'), defCol = rowOf('definition');
    const id = idCol >= 0 ? cell(idCol).trim() : '';
    let raw = id ? byId.get(id) : undefined;
    if (!raw) {
      raw = { id: id || undefined, pos: at(0), related: [], langs: [] };
      if (domainCol >= 0 && cell(domainCol).trim()) raw.domain = cell(domainCol).trim();
      if (id) byId.set(id, raw);
      emitted.push(raw);
    }
    const sec = (lang: Lang, k: number): RawLang => {
      let s = raw!.langs.find((l) => l.lang === lang);
      if (!s) raw!.langs.push(s = { lang, pos: at(k), terms: [] });
      return s;
    };
    const langField = (role: string, lang: Lang) => roles.findIndex((r) => r.role === role && 'lang' in r && r.lang === lang);
    roles.forEach((r, k) => {
      if (!('lang' in r)) return;
      const v = cell(k);
      if (!v.trim()) return;
      if (r.role === 'terms' || r.role === 'acronyms') {
        const sk = langField('status', r.lang), fk = langField('forbidden', r.lang), nk = langField('note', r.lang);
        const statusText = fk >= 0 && yes(cell(fk)) ? 'deprecated' : sk >= 0 && cell(sk).trim() ? cell(sk) : statusCol >= 0 && cell(statusCol).trim() ? cell(statusCol) : undefined;
        const statusAt = fk >= 0 && yes(cell(fk)) ? at(fk) : sk >= 0 && cell(sk).trim() ? at(sk) : at(statusCol);
        // A note of the row (no language's column) is written in the termbase's source language: the first language's.
        const note = nk >= 0 && cell(nk).trim() ? cell(nk) : noteCol >= 0 && cell(noteCol).trim() && r.lang === firstLang ? cell(noteCol) : undefined;
        const texts = v.split(/\s*(?:\||;|\r?\n)\s*/).filter((t) => t.trim());
        const s = sec(r.lang, k);
        texts.forEach((text, n) => {
          const t: RawTerm = { text, pos: at(k), acronym: r.role === 'acronyms' };
          // A status for the cell: "preferred" is its first term's; any other, every term's.
          if (statusText !== undefined && (n === 0 || mapStatus(statusText) !== 'preferred')) t.status = { value: statusText, pos: statusAt };
          else if (statusText !== undefined) t.status = { value: 'admitted', pos: statusAt };
          if (note !== undefined && n === 0) t.note = note;
          s.terms.push(t);
        });
      } else if (r.role === 'definition') {
        const s = sec(r.lang, k);
        if (s.definition === undefined) s.definition = v;
      }
    });
    if (defCol >= 0 && cell(defCol).trim()) {
      // A definition in no language's column: the first language's (the termbase's source language).
      const s = raw.langs.find((l) => l.lang === firstLang);
      if (s && s.definition === undefined) s.definition = cell(defCol);
    }
  }
  for (const c of emitted) finishRow(c);
  if (records.length === 1) log.problem({ line: header.line, col: 1 }, 'the file has a header row and no terms', 'warning');

  function finishRow(c: RawConcept): void {
    if (chineseByChars) {
      const zh = c.langs.find((l) => l.lang === 'zh-Hant');
      if (zh && !looksTraditional(zh.terms.map((t) => t.text))) {
        c.langs = c.langs.filter((l) => l !== zh);
        log.note('language', 'Chinese (Simplified characters)', zh.pos, 'Simplified Chinese left out: Lingo writes Traditional Chinese, whose terms match Simplified text too');
      }
    }
    onConcept(c);
  }
}
