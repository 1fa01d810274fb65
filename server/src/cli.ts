/**
 * The command line: the same engine as the editor, for CI and for glossary maintenance.
 * See USAGE below. Exit codes: 0 fine, 1 findings at or above --fail-on (or a stale file with
 * --check), 2 usage errors, unreadable input and glossary errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs as parseArgsOf, type ParseArgsConfig } from 'util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import pkg from '../../package.json';
import {
  autoFixOf, buildGlossary, formatIssue, getLanguageService, resolveSettings, mergeGlossaries,
  type DomainNames, type GlossaryFileData, type GlossaryIssue, type GlossarySource, type LanguageService, type Settings,
} from './service';
import { exportCsv, importCsv } from './node/csv';
import { BUILT_NAME, builtinGlossaryJson, loadBuiltGlossary, loadBuiltinGlossary, readGlossaryFolder, writeCompiledGlossary, type CompiledGlossary } from './node/glossaryFiles';
import { findWorkspaceGlossary, positionsOf, readWorkspaceGlossary } from './node/workspaceGlossary';
import { decodeText, decodeXml, FileRefused, maxDocumentBytes, readLimited, replaceFile, writableText, type ReadFile } from './node/files';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { attachHanLexicon, lexiconFile } from './node/hanLexicon';
import { checkImported, FileError, formatGlossaryFile, writeAtomic, writeFilesAtomic, type Imported } from './node/interchange';
import { glossaryMarkdown } from './node/markdown';
import { differences, documentReport, reportText, type Report } from './node/report';
import { toSarif, type CheckResult } from './node/sarif';
import { exportTbx, importTbx } from './node/tbx';
import { problemLine, readGlossaryPathSync, reportLines } from './node/termbases';
import { walkFiles } from './node/walk';
import { compileGlob, isGlob } from './service/glob';

export { writeAtomic };

const USAGE = `usage: lingo check [paths or globs…] [--format text|json|sarif] [--fail-on error|warning|information]
                   [--fix] [--lang en|sv|nl|pl|zh-Hant] [--glossary PATH]… [--workspace DIR]
       lingo report [paths or globs…] [--format text|json] [--lang xx] [--glossary PATH]… [--workspace DIR]
       lingo glossary validate [--dir glossary]
       lingo glossary compile --out dist/glossary.json [--dir glossary]
       lingo glossary markdown --out glossary/GLOSSARY.md [--dir glossary] [--check]
       lingo glossary export --format tbx|csv --out FILE [--dir glossary]
       lingo glossary import FILE --out-dir DIR [--format tbx|csv] [--schema REF]
Globs (quote them): * and ? within a folder or file name, [a-z] one of a set, {md,txt} one of several,
** any number of folders. Folders are searched for *.md, *.markdown and *.txt files, leaving out hidden
folders, node_modules, dist and out.
--glossary (repeatable): a termbase file (TBX, CSV, JSON or YAML), merged over the built-in glossary in the
order given (the workspace's lingo.glossary.* last), or a glossary folder used instead of the built-in one.`;

class UsageError extends Error {}

/**
 * Every option of every command, for node:util.parseArgs; each command then names the ones it takes (`only`).
 * --glossary may be given several times.
 */
const OPTIONS = {
  format: { type: 'string' }, 'fail-on': { type: 'string' }, fix: { type: 'boolean' }, lang: { type: 'string' },
  glossary: { type: 'string', multiple: true }, workspace: { type: 'string' }, dir: { type: 'string' }, out: { type: 'string' },
  check: { type: 'boolean' }, 'out-dir': { type: 'string' }, schema: { type: 'string' }, help: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** The options as given: a value, true for a switch, or every value of a repeatable option in order. */
type Flags = Map<string, string | true | string[]>;

function parseArgs(argv: string[]): { positional: string[]; flags: Flags } {
  let parsed;
  try {
    parsed = parseArgsOf({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (e) {
    // node:util's words, made ours: "unknown option --x", "--out needs a value".
    const code = (e as NodeJS.ErrnoException).code;
    const name = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${name}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(/does not take an argument/.test((e as Error).message) ? `${name} takes no value` : `${name} needs a value`);
    }
    throw e;
  }
  const flags: Flags = new Map();
  for (const [k, v] of Object.entries(parsed.values)) if (v !== undefined && v !== false) flags.set(k, v as string | true | string[]);
  return { positional: parsed.positionals, flags };
}

function flag(flags: Flags, k: string): string | undefined {
  const v = flags.get(k);
  if (v === true) throw new UsageError(`--${k} needs a value`);
  return Array.isArray(v) ? v[v.length - 1] : v;
}

/** Every value of a repeatable option, in the order given. */
const flagList = (flags: Flags, k: string): string[] => ((v) => (v === undefined ? [] : Array.isArray(v) ? v : v === true ? [] : [v]))(flags.get(k));

function only(flags: Flags, allowed: string[]): void {
  for (const k of flags.keys()) if (!allowed.includes(k)) throw new UsageError(`unknown option --${k}`);
}

function choice(flags: Flags, k: string, allowed: string[], fallback: string): string {
  const v = flag(flags, k) ?? fallback;
  if (!allowed.includes(v)) throw new UsageError(`--${k} must be one of ${allowed.join(', ')}, not "${v}"`);
  return v;
}

// ---- glossary ------------------------------------------------------------------------

function sourceGlossary(dir: string): { compiled: CompiledGlossary; issues: GlossaryIssue[] } {
  if (!fs.existsSync(path.join(dir, 'concepts'))) throw new UsageError(`${dir} is not a glossary folder (it has no concepts/ folder)`);
  const { sources, domains, issues } = readGlossaryFolder(dir);
  const built = buildGlossary(sources, { domains });
  return { compiled: { version: 1, domains, sources }, issues: [...issues, ...built.issues] };
}

/** Prints glossary issues; true when any is an error. */
function reportIssues(issues: GlossaryIssue[]): boolean {
  for (const i of issues) process.stderr.write(`${i.severity}: ${formatIssue(i)}\n`);
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (errors) process.stderr.write(`${errors} error(s) in the glossary\n`);
  return errors > 0;
}

/** The glossary files' data, without the editor-only "$schema" key. */
function fileData(sources: GlossarySource[]): GlossaryFileData[] {
  return sources.map((s) => {
    const { $schema: _, ...data } = s.data as GlossaryFileData & { $schema?: string };
    return data;
  });
}

function glossaryCommand(rest: string[], flags: Flags): number {
  const sub = rest[0];
  if (sub === 'import') return importCommand(rest.slice(1), flags);
  if (!['validate', 'compile', 'markdown', 'export'].includes(sub)) throw new UsageError(`unknown glossary command: ${sub ?? '(none)'}`);
  if (rest.length > 1) throw new UsageError(`unexpected argument: ${rest[1]}`);
  only(flags, ['dir', 'out', 'check', 'format']);
  let compiled: CompiledGlossary;
  if (sub === 'export' && !flags.has('dir') && !fs.existsSync(path.join('glossary', 'concepts'))) {
    compiled = loadBuiltinGlossary(__dirname); // an installed CLI: export the built-in glossary
  } else {
    const src = sourceGlossary(flag(flags, 'dir') ?? 'glossary');
    if (reportIssues(src.issues)) return 2;
    compiled = src.compiled;
  }
  const built = buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true });
  const { glossary } = built;
  switch (sub) {
    case 'validate':
      process.stdout.write(`${glossary.concepts.length} concepts, ${glossary.terms.length} terms: valid\n`);
      return 0;
    case 'compile': {
      const out = flag(flags, 'out') ?? 'dist/glossary.json';
      writeCompiledGlossary(out, compiled, built);
      process.stdout.write(`${out} and ${BUILT_NAME} next to it: ${glossary.concepts.length} concepts, ${glossary.terms.length} terms\n`);
      return 0;
    }
    case 'markdown': {
      const md = glossaryMarkdown(glossary);
      const out = flag(flags, 'out');
      if (flags.has('check')) {
        const current = out && fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
        if (current !== md) { process.stderr.write(`${out} is stale: run npm run glossary:md\n`); return 1; }
        return 0;
      }
      if (out) writeAtomic(out, md); else process.stdout.write(md);
      return 0;
    }
    default: { // export
      const out = flag(flags, 'out');
      if (!out) throw new UsageError('glossary export needs --out FILE');
      const format = choice(flags, 'format', ['tbx', 'csv'], /\.csv$/i.test(out) ? 'csv' : 'tbx');
      const files = fileData(compiled.sources);
      const text = format === 'tbx' ? exportTbx(files) : exportCsv(files);
      writeAtomic(out, text);
      const concepts = files.reduce((n, f) => n + f.concepts.length, 0);
      process.stdout.write(`${out}: ${concepts} concepts in ${files.length} domain(s) as ${format.toUpperCase()}\n`);
      return 0;
    }
  }
}

/** An exchange file larger than this is not read (the whole built-in glossary as TBX is about 2 MB). */
const MAX_IMPORT_BYTES = 256 * 1048576;

function importCommand(rest: string[], flags: Flags): number {
  only(flags, ['out-dir', 'format', 'schema']);
  if (rest.length !== 1) throw new UsageError('glossary import needs exactly one FILE');
  const file = rest[0];
  const outDir = flag(flags, 'out-dir');
  if (!outDir) throw new UsageError('glossary import needs --out-dir DIR');
  const format = choice(flags, 'format', ['tbx', 'csv'], /\.csv$/i.test(file) ? 'csv' : 'tbx');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  let imp: Imported;
  try {
    // Read within limits (a regular file, at most MAX_IMPORT_BYTES); TBX in the encoding it declares, CSV in UTF-8 or UTF-16.
    const bytes = readLimited(file, { maxBytes: MAX_IMPORT_BYTES}).bytes;
    const decoded = format === 'tbx' ? decodeXml(bytes) : ((d) => (d.encoding ? { text: d.text } : { problem: 'is not UTF-8 or UTF-16 text (save it as UTF-8)' }))(decodeText(bytes));
    if ('problem' in decoded) { process.stderr.write(`${file} ${decoded.problem}\n`); return 2; }
    const text = decoded.text;
    imp = format === 'tbx' ? importTbx(file, text) : importCsv(file, text);
  } catch (e) {
    if (e instanceof FileError || e instanceof FileRefused) { process.stderr.write(`${e.message}\n`); return 2; }
    throw e;
  }
  for (const w of imp.warnings) process.stderr.write(`${w}\n`);
  const errors = checkImported(file, imp);
  if (errors.length) {
    for (const e of errors) process.stderr.write(`${e}\n`);
    process.stderr.write(`${errors.length} error(s) in ${file}; nothing written\n`);
    return 2;
  }
  if (!imp.files.length) { process.stderr.write(`${file} holds no concepts; nothing written\n`); return 2; }
  const schema = flag(flags, 'schema');
  const outputs = imp.files.map((f) => ({ path: path.join(outDir, `${f.domain}.json`), text: formatGlossaryFile(f, schema) }));
  writeFilesAtomic(outputs);
  for (const [k, o] of outputs.entries()) process.stdout.write(`${o.path}: ${imp.files[k].concepts.length} concepts\n`);
  return 0;
}

// ---- documents -------------------------------------------------------------------------

/**
 * Expands files, folders and globs into the list of documents to read, in a stable order. A folder gives its
 * Markdown and text files, a glob the files it matches below the folder it starts in (glob.ts), both walked by
 * walk.ts (hidden folders, node_modules, dist and out left out). An argument that names a file or folder is taken
 * as that, even when it holds a character special in globs ("notes [draft].md").
 */
export async function expandPaths(args: string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => { const k = path.resolve(f); if (!seen.has(k)) { seen.add(k); out.push(f); } };
  for (const arg of args.length ? args : ['.']) {
    const norm = arg.split(path.sep).join('/');
    const segs = norm.split('/');
    const k = fs.existsSync(arg) ? -1 : segs.findIndex(isGlob);
    if (k < 0) {
      if (!fs.existsSync(arg)) throw new UsageError(`no such file or folder: ${arg}`);
      if (fs.statSync(arg).isDirectory()) for (const f of await walkFiles(arg)) add(f);
      else add(arg);
      continue;
    }
    const baseSegs = segs.slice(0, k);
    const base = baseSegs.length === 1 && baseSegs[0] === '' ? '/' : baseSegs.join('/') || '.';
    const glob = compileGlob(segs.slice(k).join('/'));
    const before = out.length;
    if (fs.existsSync(base) && fs.statSync(base).isDirectory()) for (const f of await walkFiles(base, { accept: (rel) => glob.matches(rel) })) add(f);
    if (out.length === before) throw new UsageError(`no files match ${arg}`);
  }
  return out;
}

/**
 * The workspace the CLI checks as the editor would: its team glossary (lingo.glossary.json/.yaml)
 * and the lingo.* keys of its .vscode/settings.json. --workspace DIR, else the current folder.
 */
const settingsCache = new Map<string, Record<string, unknown>>();
function workspaceSettings(flags: Flags): Record<string, unknown> {
  const dir = flag(flags, 'workspace') ?? '.';
  const known = settingsCache.get(dir);
  if (known) return known;
  const read = readWorkspaceSettings(dir);
  settingsCache.set(dir, read);
  return read;
}

/** A workspace's .vscode/settings.json larger than this is not read. */
const MAX_SETTINGS_BYTES = 1 << 20;
/** Reading one file stops after this long (a stalled network disk). */

function readWorkspaceSettings(dir: string): Record<string, unknown> {
  const file = path.join(dir, '.vscode', 'settings.json');
  if (!fs.existsSync(file)) return {};
  let text: string;
  try {
    text = decodeText(readLimited(file, { maxBytes: MAX_SETTINGS_BYTES, root: dir}).bytes).text;
  } catch (e) {
    process.stderr.write(`${e instanceof FileRefused ? e.message : `${file} cannot be read: ${(e as Error).message}`}; its lingo settings are ignored\n`);
    return {};
  }
  const errors: ParseError[] = [];
  const all = parseJsonc(text, errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  if (errors.length || !all || typeof all !== 'object') {
    process.stderr.write(`${file}: not valid JSON; its lingo settings are ignored\n`);
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) if (k.startsWith('lingo.')) out[k.slice('lingo.'.length)] = v;
  return out;
}

function settingsFor(flags: Flags, lang: string): Settings {
  // The command line reports every finding: lingo.maxProblems limits what an editor shows.
  const raw = { ...workspaceSettings(flags), maxProblems: 0 };
  return resolveSettings(lang === 'auto' && flags.get('lang') === undefined ? raw : { ...raw, language: lang });
}

/**
 * The glossaries of --glossary, in order: a glossary folder (concepts/*.json, as in this repository) is the base
 * in place of the built-in glossary, as before; a file (TBX, CSV, JSON or YAML: a company termbase) is merged over
 * the base, in the order given. Problems are printed as file:line:col, and what a termbase says that Lingo could
 * not map (statuses, languages, data categories) as a report; a file that cannot be read at all stops the run.
 */
function glossaryPaths(flags: Flags): { folder?: CompiledGlossary; termbases: GlossarySource[]; domains: DomainNames } | undefined {
  let folder: CompiledGlossary | undefined;
  const termbases: GlossarySource[] = [];
  const domains: DomainNames = {};
  let failed = false;
  for (const p of flagList(flags, 'glossary')) {
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      const r = sourceGlossary(p);
      if (reportIssues(r.issues)) { failed = true; continue; }
      folder = r.compiled;
      continue;
    }
    const read = readGlossaryPathSync(p);
    for (const problem of read.problems) process.stderr.write(`${shown(problemLine(problem))}\n`);
    const report = reportLines(read);
    if (report.length) {
      process.stderr.write(`${shown(p)}: ${read.concepts} concepts; not everything in it maps to Lingo:\n`);
      for (const line of report) process.stderr.write(`  ${shown(line)}\n`);
    }
    if (!read.sources.length && read.problems.some((x) => x.severity === 'error')) { failed = true; continue; }
    termbases.push(...read.sources);
    for (const [id, names] of Object.entries(read.domains)) domains[id] ??= names;
  }
  return failed ? undefined : { folder, termbases, domains };
}

function loadService(flags: Flags): LanguageService | undefined {
  const given = glossaryPaths(flags);
  if (!given) return undefined;
  let compiled = given.folder;
  const workspace = flag(flags, 'workspace') ?? '.';
  const team = findWorkspaceGlossary(workspace);
  const teamSources = [];
  if (team) {
    const wg = readWorkspaceGlossary(team, undefined, workspace);
    if (!wg.source) {
      const pos = positionsOf(wg.text);
      for (const i of wg.issues) {
        const at = pos(i.start);
        process.stderr.write(`${team}:${at.line + 1}:${at.character + 1} ${i.severity}: ${i.entry}${i.field ? ` ${i.field}` : ''} ${i.message}\n`);
      }
      return undefined;
    }
    teamSources.push(wg.source);
  }
  const useBuiltin = workspaceSettings(flags).builtinGlossary !== false;
  if (!compiled && !given.termbases.length && !teamSources.length && useBuiltin) {
    // The built-in glossary alone: as built at build time (glossary.bin), unless that cannot be used.
    const json = builtinGlossaryJson(__dirname);
    const built = json ? loadBuiltGlossary(json) : undefined;
    if (built && 'glossary' in built) return getLanguageService(attachHanLexicon(built.glossary, lexiconFile(__dirname)));
    if (built) process.stderr.write(`${built.problem}; building the glossary from ${json} instead\n`);
  }
  compiled ??= loadBuiltinGlossary(__dirname);
  // Built-in (or the folder), then each termbase in order, then the workspace's team glossary last.
  const merged = mergeGlossaries(compiled.sources, [...given.termbases, ...teamSources], useBuiltin);
  if (reportIssues(merged.issues)) return undefined;
  return getLanguageService(attachHanLexicon(buildGlossary(merged.sources, { domains: { ...given.domains, ...compiled.domains }, trusted: true }).glossary, lexiconFile(__dirname)));
}

const openDoc = (file: string, text: string, version = 1) =>
  TextDocument.create('file://' + path.resolve(file), /\.txt$/i.test(file) ? 'plaintext' : /\.(playbook|sla)\.md$/i.test(file) ? 'lingo-playbook' : 'markdown', version, text);

/**
 * A document file: only a regular file (never a device or a named pipe), at most `maxBytes` (counted while
 * reading), in UTF-8 or UTF-16 (a byte-order mark, or UTF-16's zero bytes, says which).
 */
interface DocFile { read: ReadFile; text: string; encode?: (text: string) => Buffer; problem?: string }

function readDoc(file: string, maxBytes: number): DocFile {
  const read = readLimited(file, { maxBytes});
  const w = writableText(read.bytes);
  if ('problem' in w) return { read, text: decodeText(read.bytes).text, problem: w.problem };
  return { read, text: w.text, encode: w.encode };
}

/** A file name as one line of text output: control characters (a newline in a name) escaped, not printed. */
export const shown = (file: string): string =>
  file.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const LEVELS = ['hint', 'information', 'warning', 'error'];
const SEV_NAME = ['', 'error', 'warning', 'information', 'hint'] as const;

interface Change { file: string; line: number; column: number; old: string; new: string }

/** Applies the preferred quick fix of every safe finding; returns the new text and what changed. */
function fixDocument(service: LanguageService, file: string, doc: TextDocument, settings: Settings): { text: string; changes: Change[] } {
  const text = doc.getText();
  const edits: { start: number; end: number; newText: string }[] = [];
  // The preferred quick fix of each finding, as the editor offers it (one pass over the findings: asking for the
  // code actions of each finding in turn would go over all findings once per finding).
  for (const f of service.findings(doc, settings)) {
    // findings() already leaves out rules that are off; a fix into another language is the writer's choice.
    const fix = autoFixOf(f);
    for (const e of fix?.edits ?? []) edits.push({ start: e.start, end: e.end, newText: e.newText });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: typeof edits = [];
  for (const e of edits) if (!kept.length || e.start >= kept[kept.length - 1].end) kept.push(e);
  const parts: string[] = [];
  let at = 0;
  const changes: Change[] = [];
  for (const e of kept) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
    const p = doc.positionAt(e.start);
    changes.push({ file, line: p.line + 1, column: p.character + 1, old: text.slice(e.start, e.end), new: e.newText });
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), changes };
}

function results(service: LanguageService, file: string, doc: TextDocument, settings: Settings): CheckResult[] {
  const findings = service.findings(doc, settings);
  const range = (start: number, end: number) => {
    const s = doc.positionAt(start), e = doc.positionAt(end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  return service.doValidation(doc, settings).map((d, i) => {
    const f = findings[i];
    return {
      file, ...range(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)),
      severity: SEV_NAME[d.severity ?? 1] as CheckResult['severity'],
      rule: String(d.code),
      message: typeof d.message === 'string' ? d.message : (d.message as { value: string }).value,
      related: f?.related?.map((r) => ({ ...range(r.start, r.end), message: r.message })),
      fixes: f?.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ ...range(e.start, e.end), newText: e.newText })) })),
    };
  });
}

/** "2 files checked: 1 warning, 3 information." — counts by severity, most severe first; skipped files named. */
export function summaryLine(checked: number, skipped: number, found: { severity: string }[], unread = 0): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const count = new Map<string, number>();
  for (const r of found) count.set(r.severity, (count.get(r.severity) ?? 0) + 1);
  const bySeverity = [...LEVELS].reverse().map((s) => [s, count.get(s) ?? 0] as const).filter(([, n]) => n > 0);
  const counts = bySeverity.map(([s, n]) => (s === 'information' ? `${n} information` : plural(n, s, `${s}s`)));
  const notes = [skipped ? `${plural(skipped, 'file', 'files')} skipped` : '', unread ? `${plural(unread, 'file', 'files')} not read` : ''].filter(Boolean);
  const head = `${plural(checked, 'file', 'files')} checked${notes.length ? ` (${notes.join(', ')})` : ''}`;
  return `${head}: ${counts.length ? counts.join(', ') : 'no findings'}.`;
}

/** Writes many lines in a few large writes (one write per line is a system call per finding). */
function writeChunks(out: NodeJS.WriteStream, lines: string[]): void {
  for (let i = 0; i < lines.length; i += 4096) out.write(lines.slice(i, i + 4096).join(''));
}

async function check(paths: string[], flags: Flags): Promise<number> {
  only(flags, ['format', 'fail-on', 'fix', 'lang', 'glossary', 'workspace']);
  const fmt = choice(flags, 'format', ['text', 'json', 'sarif'], 'text');
  const failOn = choice(flags, 'fail-on', ['error', 'warning', 'information', 'hint'], 'warning');
  const lang = choice(flags, 'lang', ['auto', 'en', 'sv', 'nl', 'pl', 'zh-Hant'], 'auto');
  const fix = flags.get('fix') === true;
  const settings = settingsFor(flags, lang);
  const files = await expandPaths(paths);
  const fileOrder = new Map(files.map((f, i) => [f, i]));
  const notFixed: { file: string; why: string; count: number }[] = [];
  const service = loadService(flags);
  if (!service) return 2;
  const all: CheckResult[] = [];
  const changes: Change[] = [];
  let skipped = 0;
  const unread: string[] = [];
  // First every file is read, checked and fixed in memory; only then are fixed files written, so that a failure
  // while checking leaves every file as it was. A file that cannot be read or written is reported and skipped;
  // the others are still fixed.
  const toWrite: { file: string; was: ReadFile; data: Buffer; changes: Change[]; results: CheckResult[] }[] = [];
  const maxBytes = maxDocumentBytes(settings.maxFileSizeMB);
  for (const file of files) {
    let d: DocFile;
    try { d = readDoc(file, maxBytes); } catch (e) {
      if (!(e instanceof FileRefused)) throw e;
      if (e.reason === 'large') { process.stderr.write(`${shown(file)}: not checked: it is more than ${settings.maxFileSizeMB} MB (setting lingo.maxFileSizeMB)\n`); skipped++; continue; }
      process.stderr.write(`${shown(e.message)}\n`);
      unread.push(file);
      continue;
    }
    const doc = openDoc(file, d.text);
    const sk = service.skipped(doc, settings);
    if (sk) { process.stderr.write(`${shown(file)}: ${sk.message}\n`); skipped++; continue; }
    if (fix) {
      const r = fixDocument(service, file, doc, settings);
      if (r.changes.length && !d.encode) {
        notFixed.push({ file, why: d.problem!, count: r.changes.length });
      } else if (r.changes.length) {
        const fixedDoc = openDoc(file, r.text, 2);
        toWrite.push({ file, was: d.read, data: d.encode!(r.text), changes: r.changes, results: results(service, file, fixedDoc, settings) });
        service.forget(fixedDoc.uri);
        continue;
      }
    }
    for (const x of results(service, file, doc, settings)) all.push(x);
    service.forget(doc.uri);
  }
  const changeOut = fmt === 'text' ? process.stdout : process.stderr;
  for (const w of toWrite) {
    try {
      replaceFile(w.file, w.was, w.data);
    } catch (e) {
      notFixed.push({ file: w.file, why: e instanceof FileRefused ? e.detail : `could not be written: ${(e as Error).message}`, count: w.changes.length });
      // Not written: its findings are those of the file as it is.
      for (const x of results(service, w.file, openDoc(w.file, decodeText(w.was.bytes).text), settings)) all.push(x);
      continue;
    }
    for (const c of w.changes) { changes.push(c); changeOut.write(`fixed ${shown(c.file)}:${c.line}:${c.column} ${JSON.stringify(c.old)} → ${JSON.stringify(c.new)}\n`); }
    for (const x of w.results) all.push(x);
  }
  all.sort((x, y) => fileOrder.get(x.file)! - fileOrder.get(y.file)!); // stable: each file's findings stay in their order
  // What was not fixed, and why: the file is as it was.
  for (const n of notFixed) changeOut.write(`not fixed ${shown(n.file)} (${n.count} fix(es)): it ${n.why}; it was left as it was\n`);
  if (fix) changeOut.write(`${changes.length} fix(es) in ${new Set(changes.map((c) => c.file)).size} file(s)${notFixed.length ? `; ${notFixed.length} file(s) not fixed` : ''}\n`);
  if (fmt === 'json') {
    const plain = all.map((r) => ({ file: r.file, line: r.startLine, column: r.startColumn, endLine: r.endLine, endColumn: r.endColumn, severity: r.severity, rule: r.rule, message: r.message }));
    process.stdout.write(JSON.stringify(plain, null, 2) + '\n');
  } else if (fmt === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif(all, { version: pkg.version }), null, 2) + '\n');
  } else {
    const lines: string[] = [];
    for (const r of all) lines.push(`${shown(r.file)}:${r.startLine}:${r.startColumn} ${r.severity} ${r.rule} ${r.message}\n`);
    writeChunks(process.stdout, lines);
  }
  // One closing line: what was checked and what was found (on stderr when stdout is JSON or SARIF).
  changeOut.write(summaryLine(files.length - skipped - unread.length, skipped, all, unread.length) + '\n');
  // A file not read, or not fixed when --fix was asked for, is an error of the run: 2, whatever was found.
  if (unread.length || notFixed.length) return 2;
  const threshold = LEVELS.indexOf(failOn);
  return all.some((r) => LEVELS.indexOf(r.severity) >= threshold) ? 1 : 0;
}

async function report(paths: string[], flags: Flags): Promise<number> {
  only(flags, ['format', 'lang', 'glossary', 'workspace']);
  const fmt = choice(flags, 'format', ['text', 'json'], 'text');
  const lang = choice(flags, 'lang', ['auto', 'en', 'sv', 'nl', 'pl', 'zh-Hant'], 'auto');
  const settings = settingsFor(flags, lang);
  const files = await expandPaths(paths);
  const service = loadService(flags);
  if (!service) return 2;
  const documents = [];
  const maxBytes = maxDocumentBytes(settings.maxFileSizeMB);
  for (const file of files) {
    let text: string;
    try { text = readDoc(file, maxBytes).text; } catch (e) {
      if (!(e instanceof FileRefused)) throw e;
      process.stderr.write(`${shown(e.message)}\n`);
      continue;
    }
    const doc = openDoc(file, text);
    const a = service.analyze(doc, settings);
    if (!a) { process.stderr.write(`${file}: ${service.skipped(doc, settings)?.message ?? 'skipped'}\n`); continue; }
    documents.push(documentReport(file, a));
  }
  const r: Report = { documents, differences: differences(documents) };
  process.stdout.write(fmt === 'json' ? JSON.stringify(r, null, 2) + '\n' : reportText(r));
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { positional, flags } = parseArgs(argv);
    const [cmd, ...rest] = positional;
    if (flags.has('help') || !cmd) { process.stdout.write(USAGE + '\n'); return cmd || flags.has('help') ? 0 : 2; }
    if (cmd === 'check') return await check(rest, flags);
    if (cmd === 'report') return await report(rest, flags);
    if (cmd === 'glossary') return glossaryCommand(rest, flags);
    throw new UsageError(`unknown command: ${cmd}`);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`lingo: ${e.message}\n${USAGE}\n`); return 2; }
    if (e instanceof FileError) { process.stderr.write(`${e.message}\n`); return 2; }
    process.stderr.write(`lingo: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `lingo check | head`: a closed pipe ends the output quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
