/**
 * Company termbases as they are: one path of `lingo.glossaries` or the CLI's `--glossary` read into glossary
 * sources, ready to merge over the built-in glossary (mergeGlossaries, in order; the workspace's lingo.glossary.*
 * last). TBX (v2 martif and v3 tbx, TBX-Basic and TBX-Default, DCA and DCT; tbx.ts), CSV (Lingo's columns, or one
 * column per language with a header row; csv.ts), and Lingo's JSON/YAML glossaries. The format comes from the
 * extension, else from the content. Pure Node (no LSP, no vscode): the server may call it from a worker thread.
 *
 * Nothing here throws for bad input: a file that cannot be read is one problem and no sources; an entry that
 * cannot be used is left out with a problem (file:line:col); what the termbase says that Lingo has no place for
 * (a status word, a language, a data category) is counted in `statusReport` with its first place.
 */
import { parse as parseJsonc, printParseErrorCode, ParseErrorCode, type ParseError } from 'jsonc-parser';
import * as path from 'path';
import { validateGlossaryFile, type ConceptData, type DomainNames, type GlossarySource, type Lang } from '../service';
import { importCsv, isLingoCsvHeader, parseCsv, readColumnsCsv, sniffSeparator } from './csv';
import { decodeText, decodeXml, FileRefused, readLimited } from './files';
import { parseGlossaryText } from './glossaryFiles';
import { FileError, filePositions } from './interchange';
import { readTbxTermbase } from './tbx';
import { ConceptIds, domainId, finishConcept, mapLanguage, slug, TermbaseLog, type Pos, type RawConcept, type TermbaseProblem, type UnmappedEntry } from './termbaseVocab';
import { pointerRanges } from './workspaceGlossary';

export type { TermbaseProblem, UnmappedEntry } from './termbaseVocab';
export { mapLanguage, mapStatus } from './termbaseVocab';

export type TermbaseFormat = 'tbx' | 'csv' | 'json' | 'yaml';

export interface TermbaseRead {
  /** The path as given. */
  file: string;
  /** The format it was read as (undefined when the file could not be read). */
  format?: TermbaseFormat;
  /**
   * Glossary sources, to be merged in order after the built-in glossary (mergeGlossaries' `workspace` list): one per
   * subject field (domain) of a TBX or CSV file, each `{ domain, concepts }` valid against the team-glossary schema;
   * a JSON/YAML glossary as it is, less the entries with errors. `file` is the path as given.
   */
  sources: GlossarySource[];
  /** The domains' names as the termbase writes them (subject fields), for DomainNames. */
  domains: DomainNames;
  /** How many concepts the sources hold. */
  concepts: number;
  /** Entries left out and files not read, at their place (at most MAX_PROBLEMS, then one counting the rest). */
  problems: TermbaseProblem[];
  /** What could not be mapped, with counts and the first place (statuses, languages, categories, shortened texts). */
  statusReport: UnmappedEntry[];
}

/** A termbase larger than this is not read (a 50,000-concept TBX in five languages is about 60 MB). */
export const MAX_TERMBASE_BYTES = 256 * 1048576;

/** Reads one glossary path (TBX, CSV, JSON or YAML), within MAX_TERMBASE_BYTES (the CLI). Never throws for bad input. */
export function readGlossaryPathSync(file: string, options: { root?: string } = {}): TermbaseRead {
  const held: { bytes?: Uint8Array } = {};
  try {
    held.bytes = readLimited(file, { maxBytes: MAX_TERMBASE_BYTES, root: options.root }).bytes;
  } catch (e) {
    return unreadable(file, e);
  }
  return readHeld(file, held);
}

function unreadable(file: string, e: unknown): TermbaseRead {
  const message = e instanceof FileRefused ? e.detail : `cannot be read: ${(e as Error).message}`;
  return { file, sources: [], domains: {}, concepts: 0, problems: [{ file, line: 1, col: 1, message, severity: 'error' }], statusReport: [] };
}

/** The format of a file: its extension, else what it starts with. */
export function termbaseFormat(file: string, head: string): TermbaseFormat {
  const ext = path.extname(file).toLowerCase();
  if (['.tbx', '.tbxm', '.mtf', '.xml'].includes(ext)) return 'tbx';
  if (['.csv', '.tsv', '.tab'].includes(ext)) return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('<')) return 'tbx';
  if (s.startsWith('{')) return 'json';
  if (/^(?:#.*\n|---\s*\n)*\s*(?:domain|concepts|builtin)\s*:/m.test(s.slice(0, 2000))) return 'yaml';
  return 'csv';
}

/** Reads a termbase from its bytes (readGlossaryPathSync without the disk: the server's worker, tests). */
export function readGlossaryBytes(file: string, bytes: Uint8Array): TermbaseRead {
  return readHeld(file, { bytes });
}

/** Reads from bytes the holder gives up once they are decoded (a large file's bytes are not kept while it is read). */
function readHeld(file: string, held: { bytes?: Uint8Array }): TermbaseRead {
  const head = ((b) => Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 2048)).toString('utf8'))(held.bytes!);
  const format = termbaseFormat(file, head);
  const log = new TermbaseLog(file);
  const result = (sources: GlossarySource[], domains: DomainNames = {}): TermbaseRead => ({
    file, format, sources, domains,
    concepts: sources.reduce((n, s) => n + ((s.data as { concepts?: unknown[] }).concepts?.length ?? 0), 0),
    problems: log.allProblems(), statusReport: log.report(),
  });
  const decoded = format === 'tbx' ? decodeXml(held.bytes!) : ((d) => (d.encoding ? { text: d.text } : { problem: 'is not UTF-8 or UTF-16 text (save it as UTF-8)' }))(decodeText(held.bytes!));
  held.bytes = undefined;
  if ('problem' in decoded) { log.problem({ line: 1, col: 1 }, decoded.problem); return result([]); }
  const text = decoded.text;
  try {
    if (format === 'json' || format === 'yaml') return result(readLingoFile(file, text, log));
    const raws: RawConcept[] = [];
    let lingoCsv = false;
    if (format === 'tbx') readTbxTermbase(file, text, log, (c) => raws.push(c));
    else {
      const sep = /\.tsv$/i.test(file) ? '\t' : sniffSeparator(text);
      const header = parseCsv(file, text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length), sep)[0];
      if (header && isLingoCsvHeader(header.fields)) lingoCsv = true;
      else readColumnsCsv(file, text, log, (c) => raws.push(c), sep);
    }
    if (lingoCsv) return result(lingoCsvSources(file, text, log));
    const rootLang = format === 'tbx' ? /<(?:\w+:)?(?:martif|tbx)\b[^>]*?\sxml:lang\s*=\s*["']([^"']+)["']/.exec(text.slice(0, 4096))?.[1] : undefined;
    const nameLang = ((r) => (r && 'lang' in r ? r.lang : 'en'))(rootLang ? mapLanguage(rootLang) : undefined);
    const built = assemble(file, raws, log, nameLang);
    return result(built.sources, built.domains);
  } catch (e) {
    if (e instanceof FileError) { log.problem({ line: e.line, col: e.col }, e.detail); return result([]); }
    throw e;
  }
}

/** Gathered concepts as valid sources, one per domain: ids, related links, and the schema's check, entry by entry. */
function assemble(file: string, raws: RawConcept[], log: TermbaseLog, nameLang: Lang): { sources: GlossarySource[]; domains: DomainNames } {
  const stem = slug(path.basename(file).replace(/\.[^.]+$/, ''), 40) || 'termbase';
  const fallbackDomain = domainId(stem, 'termbase');
  const ids = new ConceptIds(/^[a-z0-9]/.test(stem) ? stem : `t-${stem}`);
  const byDomain = new Map<string, { concepts: ConceptData[]; at: Pos[] }>();
  const domains: DomainNames = {};
  const idOf = new Map<string, string>();
  const kept: { c: ConceptData; raw: RawConcept }[] = [];
  raws.forEach((raw, k) => {
    const first = raw.langs.find((l) => l.lang === 'en')?.terms[0]?.text ?? raw.langs[0]?.terms[0]?.text;
    const id = ids.make(raw, first, k);
    const c = finishConcept(raw, id, log);
    if (!c) return;
    if (raw.id !== undefined && !idOf.has(raw.id)) idOf.set(raw.id, id);
    kept.push({ c, raw });
  });
  for (const { c, raw } of kept) {
    if (c.related) {
      c.related = [...new Set(c.related.map((r) => {
        const to = idOf.get(r) ?? idOf.get(r.replace(/^_/, ''));
        if (to) return to;
        if (raw.lingo && /^[a-z0-9][a-z0-9-]*$/.test(r)) return r; // Lingo's own file: a concept of the built-in glossary
        log.note('category', 'crossReference to a concept not in the file', raw.pos, 'left out');
        return '';
      }).filter((r) => r && r !== c.id))];
    }
    const domain = domainId(raw.domain, fallbackDomain);
    if (raw.domain && !domains[domain]) domains[domain] = { [nameLang]: raw.domain };
    let group = byDomain.get(domain);
    if (!group) byDomain.set(domain, group = { concepts: [], at: [] });
    group.concepts.push(c);
    group.at.push(raw.pos);
  }
  const sources: GlossarySource[] = [];
  for (const [domain, g] of byDomain) {
    const data = { domain, concepts: g.concepts };
    const bad = new Set<number>();
    for (const issue of validateGlossaryFile(file, data, 'workspace')) {
      const i = Number(issue.pointer.split('/')[2]);
      if (!Number.isInteger(i) || bad.has(i)) continue;
      bad.add(i);
      log.problem(g.at[i], `${issue.field} ${issue.message}; the entry is left out`);
    }
    if (bad.size) data.concepts = g.concepts.filter((_, i) => !bad.has(i));
    if (data.concepts.length) sources.push({ file, data });
  }
  return { sources, domains };
}

/** Lingo's own CSV columns (lingo glossary export --format csv): read as `lingo glossary import` reads them. */
function lingoCsvSources(file: string, text: string, log: TermbaseLog): GlossarySource[] {
  const imp = importCsv(file, text);
  const sources: GlossarySource[] = [];
  imp.files.forEach((f, fi) => {
    const bad = new Set<number>();
    for (const issue of validateGlossaryFile(file, f, 'workspace')) {
      const i = Number(issue.pointer.split('/')[2]);
      if (!Number.isInteger(i) || bad.has(i)) continue;
      bad.add(i);
      log.problem(imp.positions.get(`${fi}/concepts/${i}`) ?? { line: 1, col: 1 }, `${issue.entry}: ${issue.field} ${issue.message}; the entry is left out`);
    }
    const concepts = f.concepts.filter((_, i) => !bad.has(i));
    if (concepts.length) sources.push({ file, data: { domain: f.domain, concepts } });
  });
  return sources;
}

/** A Lingo glossary in JSON or YAML (a team glossary's shape): entries with schema errors left out, at their place. */
function readLingoFile(file: string, text: string, log: TermbaseLog): GlossarySource[] {
  const { data, issue } = parseGlossaryText(file, text);
  if (issue) {
    const m = /line (\d+), column (\d+)/.exec(issue.field);
    if (!m && !/\.ya?ml$/i.test(file)) {
      // JSON.parse does not always say where: the JSON parser of the settings does.
      const errors: ParseError[] = [];
      parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
      if (errors.length) {
        log.problem(filePositions(text)(errors[0].offset), `is not valid JSON: ${JSON_ERRORS[errors[0].error] ?? printParseErrorCode(errors[0].error)}`);
        return [];
      }
    }
    log.problem({ line: m ? Number(m[1]) : 1, col: m ? Number(m[2]) : 1 }, issue.message);
    return [];
  }
  const issues = validateGlossaryFile(file, data, 'workspace');
  const posAt = filePositions(text);
  const rangeOf = pointerRanges(file, text);
  const at = (pointer: string) => posAt(rangeOf(pointer)[0]);
  const bad = new Set<number>();
  let whole = false;
  for (const i of issues) {
    const k = i.pointer.split('/')[2];
    const entry = i.pointer.startsWith('/concepts/') && /^\d+$/.test(k ?? '') ? Number(k) : undefined;
    if (entry === undefined) {
      log.problem(at(i.pointer), `${i.field} ${i.message}; the file is not used`);
      whole = true;
      continue;
    }
    bad.add(entry);
    log.problem(at(i.pointer), `${i.entry}: ${i.field} ${i.message}; the entry is left out`);
  }
  if (whole) return []; // a problem of the whole file (no "concepts" list, an unknown key)
  if (!bad.size) return [{ file, data }];
  const d = data as { concepts: unknown[] };
  return [{ file, data: { ...d, concepts: d.concepts.filter((_, i) => !bad.has(i)) } }];
}

const JSON_ERRORS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.ValueExpected]: 'a value is missing here',
  [ParseErrorCode.CommaExpected]: 'a comma is missing here',
  [ParseErrorCode.ColonExpected]: 'a colon is missing here',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes is expected here',
  [ParseErrorCode.CloseBraceExpected]: 'a closing } is missing',
  [ParseErrorCode.CloseBracketExpected]: 'a closing ] is missing',
  [ParseErrorCode.EndOfFileExpected]: 'text after the end of the JSON value',
  [ParseErrorCode.InvalidCommentToken]: 'JSON has no comments',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string is not closed',
  [ParseErrorCode.InvalidSymbol]: 'this character is not allowed here',
};

const KIND_WORDS: Record<UnmappedEntry['kind'], string> = {
  status: 'status', language: 'language', category: 'data category', termType: 'term type', shortened: 'shortened', concept: 'entry',
};

/**
 * The report as lines for a terminal: "acme.tbx:14:13 status "Approved by legal" (37 times): read as admitted".
 * Empty when everything was mapped.
 */
export function reportLines(read: TermbaseRead): string[] {
  return read.statusReport.map((e) => `${read.file}:${e.line}:${e.col} ${KIND_WORDS[e.kind]} ${JSON.stringify(e.value)} (${e.count.toLocaleString('en-US')} ${e.count === 1 ? 'time' : 'times'}): ${e.action}`);
}

/** A problem as one line: "acme.tbx:3:5 error: …". */
export const problemLine = (p: TermbaseProblem): string => `${p.file}:${p.line}:${p.col} ${p.severity}: ${p.message}`;
