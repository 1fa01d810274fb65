/**
 * The build of a glossary with company termbases (lingo.glossaries): read each termbase (termbases.ts), merge the built-in
 * glossary, the termbases in order and the workspace's team glossaries last, build, and keep the build in the cache
 * folder. It runs in a worker thread (glossaryWorker.ts), so a termbase of 50,000 concepts never blocks the
 * server; the result comes back in the glossary.bin format (a file in the cache folder, or its bytes).
 * No LSP here: what it reports are plain data.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildGlossary, encodeGlossary, mergeGlossaries, type DomainNames, type GlossaryIssue, type GlossarySource } from '../service';
import { builtinGlossaryJson, ENGINE, loadBuiltinGlossary, loadCachedGlossary, saveCachedGlossary } from './glossaryFiles';
import { FileRefused, readLimited, writeFilesAtomic } from './files';
import { MAX_TERMBASE_BYTES, problemLine, readGlossaryBytes, reportLines } from './termbases';

/** Reading a termbase gives up after this long (a stalled network disk). */
const TERMBASE_READ_TIMEOUT_MS = 120_000;

export interface TermbaseBuildRequest {
  /** Where the bundle runs: the built-in glossary is next to it. */
  baseDir: string;
  useBuiltin: boolean;
  /** lingo.glossaries: absolute paths, merged in this order. */
  termbases: string[];
  /** The workspace's team glossaries (their last good versions), merged last. */
  workspace: GlossarySource[];
  /** The cache folder (the build is kept there under `key`), if any. */
  cacheDir?: string;
  /** Where the last good copy of each termbase is kept (the cache folder, or a private temporary folder). */
  lastGoodDir?: string;
  key: string;
}

/** What became of one termbase. */
export interface TermbaseOutcome {
  file: string;
  /** Its problems, each "file:line:col: message" or "file: entry · field: message"; the entries concerned are left out. */
  problems: string[];
  /** What could not be mapped (status words, languages, data categories), one line each. */
  report: string[];
  /** Why the file could not be used at all (then its last good copy, if there is one, stands in). */
  unreadable?: string;
  /** The last copy that could be read stands in for the file. */
  fromLastGood?: boolean;
  concepts: number;
}

export interface TermbaseBuildResult {
  /** The build in the glossary.bin format: a file of the cache folder, or (no cache folder) its bytes. */
  file?: string;
  bytes?: Uint8Array;
  termbases: TermbaseOutcome[];
  /** The build's and the merge's issues (the team files' merge issues are shown in those files). */
  issues: GlossaryIssue[];
  ms: { read: number; build: number; total: number };
}

export type BuildProgress = (percentage: number, message?: string) => void;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/** `~` and `~/…` as the user's home folder; a relative path against `folder`. */
export function resolveGlossaryPath(p: string, folder: string | undefined): string {
  let q = p.trim();
  if (q === '~' || q.startsWith('~/') || q.startsWith('~\\')) q = path.join(os.homedir(), q.slice(1));
  return path.resolve(folder ?? process.cwd(), q);
}

/**
 * The name of the build of these sources, without reading the termbases: this build of Lingo, the built-in
 * glossary file, each termbase's path, size and modification time, and the team glossaries' content.
 */
export function termbaseCacheKey(r: Omit<TermbaseBuildRequest, 'key' | 'cacheDir' | 'lastGoodDir'>): string {
  const hash = createHash('sha1').update(`termbases 1\0${ENGINE}\0${r.useBuiltin}\0`);
  const stamp = (f: string | undefined) => {
    if (!f) return 'none';
    try { const st = fs.statSync(f); return `${st.size}:${st.mtimeMs}:${st.ino}`; } catch { return 'missing'; }
  };
  hash.update(`${stamp(builtinGlossaryJson(r.baseDir))}\0`);
  for (const t of r.termbases) hash.update(`${t}\0${stamp(t)}\0`);
  for (const s of r.workspace) hash.update(`${s.file}\0${JSON.stringify(s.data)}\0`);
  return hash.digest('hex');
}

/** The copy of a termbase's last good version. */
const lastGoodCopy = (cacheDir: string, file: string) => path.join(cacheDir, `termbase-${sha1(file)}${path.extname(file).toLowerCase()}`);

/**
 * Reads one termbase (TBX, CSV, JSON or YAML: termbases.ts) into sources. Entries that cannot be used are left out
 * with a problem (file:line:col); a file with nothing usable and an error is unreadable.
 */
export function readTermbase(file: string, bytes: Uint8Array): { sources: GlossarySource[]; domains: DomainNames; problems: string[]; report: string[]; unreadable?: string } {
  const r = readGlossaryBytes(file, bytes);
  const error = r.problems.find((p) => p.severity === 'error');
  if (!r.sources.length && error) return { sources: [], domains: {}, problems: [], report: [], unreadable: problemLine(error) };
  return { sources: r.sources, domains: r.domains, problems: r.problems.map(problemLine), report: reportLines(r) };
}

/** The copy was written after the file last changed, at its size: the same bytes (no need to write 60 MB again). */
function copyIsCurrent(file: string, copy: string, size: number): boolean {
  try {
    const c = fs.statSync(copy), f = fs.statSync(file);
    return c.size === size && f.size === size && c.mtimeMs > f.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Reads a termbase, or its last good copy when it cannot be read now (a good read replaces that copy).
 */
function readWithLastGood(file: string, dir: string | undefined): { sources: GlossarySource[]; domains: DomainNames; outcome: TermbaseOutcome } {
  let r: ReturnType<typeof readTermbase>;
  let bytes: Uint8Array | undefined;
  try {
    bytes = readLimited(file, { maxBytes: MAX_TERMBASE_BYTES, timeoutMs: TERMBASE_READ_TIMEOUT_MS }).bytes;
    r = readTermbase(file, bytes);
  } catch (e) {
    r = { sources: [], domains: {}, problems: [], report: [], unreadable: e instanceof FileRefused ? e.message : `${file} cannot be read: ${(e as Error).message}` };
  }
  const count = (s: GlossarySource[]) => s.reduce((n, x) => n + ((x.data as { concepts?: unknown[] })?.concepts?.length ?? 0), 0);
  const outcome: TermbaseOutcome = { file, problems: r.problems, report: r.report, unreadable: r.unreadable, concepts: count(r.sources) };
  const copy = dir ? lastGoodCopy(dir, file) : undefined;
  if (!r.unreadable) {
    if (copy && bytes && !copyIsCurrent(file, copy, bytes.length)) {
      try { fs.mkdirSync(dir!, { recursive: true, mode: 0o700 }); writeFilesAtomic([{ path: copy, text: bytes }]); } catch { /* kept next time */ }
    }
    return { sources: r.sources, domains: r.domains, outcome };
  }
  if (copy && fs.existsSync(copy)) {
    try {
      const last = readTermbase(file, fs.readFileSync(copy));
      if (!last.unreadable) return { sources: last.sources, domains: last.domains, outcome: { ...outcome, fromLastGood: true, concepts: count(last.sources) } };
    } catch { /* no usable copy */ }
  }
  return { sources: [], domains: {}, outcome };
}

/** Reads, merges and builds; keeps the build in the cache folder. Never throws for a bad termbase: that is an outcome. */
export function runTermbaseBuild(req: TermbaseBuildRequest, progress: BuildProgress = () => undefined): TermbaseBuildResult {
  const t0 = Date.now();
  const termbases: GlossarySource[] = [];
  let domains: DomainNames = {};
  const outcomes: TermbaseOutcome[] = [];
  req.termbases.forEach((file, i) => {
    progress(Math.round((40 * i) / req.termbases.length), path.basename(file));
    const r = readWithLastGood(file, req.lastGoodDir ?? req.cacheDir);
    const { sources, outcome } = r;
    domains = { ...domains, ...r.domains };
    termbases.push(...sources);
    outcomes.push(outcome);
  });
  const builtin = loadBuiltinGlossary(req.baseDir);
  const merged = mergeGlossaries(builtin.sources, [...termbases, ...req.workspace], req.useBuiltin);
  const tRead = Date.now();
  progress(45);
  // The termbases' subject fields by the names they give them; the built-in domains keep their five languages.
  const built = buildGlossary(merged.sources, { domains: { ...domains, ...builtin.domains }, trusted: true });
  const tBuild = Date.now();
  progress(85);
  const issues = [...merged.issues, ...built.issues];
  const result: TermbaseBuildResult = { termbases: outcomes, issues, ms: { read: tRead - t0, build: tBuild - tRead, total: 0 } };
  let kept = false;
  if (req.cacheDir) {
    try {
      result.file = saveCachedGlossary(req.cacheDir, req.key, { glossary: built.glossary, issues });
      kept = true;
    } catch { /* given as bytes instead */ }
  }
  if (!kept) result.bytes = encodeGlossary(built.glossary, issues, { engine: ENGINE, source: req.key });
  progress(100);
  result.ms.total = Date.now() - t0;
  return result;
}

/** The kept build of `key`, if there is a usable one (used at start and when nothing changed: no worker needed). */
export const loadKeptBuild = (cacheDir: string | undefined, key: string) => (cacheDir ? loadCachedGlossary(cacheDir, key) : undefined);
