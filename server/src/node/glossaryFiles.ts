/**
 * Reading glossaries from disk: the built-in one (compiled into dist/glossary.json at build time, with the
 * glossary built from it in dist/glossary.bin, or the glossary/ folder of a checkout) and glossary files in
 * JSON or YAML. This is the only place that reads glossary files; the service receives parsed data.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as YAML from 'yaml';
import { buildGlossary, compiledMeta, decodeGlossary, encodeGlossary, type CompiledSource, type DomainNames, type Glossary, type GlossaryIssue, type GlossarySource } from '../service';
import { writeFilesAtomic } from './files';
import { positionAt } from '../service/util';

/** The YAML library, loaded on first use: most glossaries are JSON, and the server starts faster without it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would load it at start
export const loadYaml = (): typeof YAML => require('yaml');

export interface CompiledGlossary {
  version: 1;
  domains: DomainNames;
  sources: GlossarySource[];
}

export const COMPILED_NAME = 'glossary.json';
/** The built glossary, next to glossary.json: loads without generating forms or building the automaton. */
export const BUILT_NAME = 'glossary.bin';

declare const __LINGO_ENGINE__: string | undefined;
/**
 * Which build of the service this is (build.mjs sets it to a hash of server/src/service): a glossary.bin holds
 * forms the service's code generated, so only the build that wrote it reads it. "unbundled" when run from out/.
 */
export const ENGINE = typeof __LINGO_ENGINE__ === 'string' ? __LINGO_ENGINE__ : 'unbundled';

/** Parses one file's text; a syntax error becomes an issue with its line and column. */
export function parseGlossaryText(file: string, text: string): { data?: unknown; issue?: GlossaryIssue } {
  const yaml = /\.ya?ml$/i.test(file);
  try {
    if (!yaml) return { data: JSON.parse(text) };
    const lc = new (loadYaml().LineCounter)();
    const doc = loadYaml().parseDocument(text, { lineCounter: lc });
    if (doc.errors.length) {
      const e = doc.errors[0];
      const { line, col } = lc.linePos(e.pos[0]);
      return { issue: { file, entry: '(file)', field: `line ${line}, column ${col}`, message: `is not valid YAML: ${e.message.split('\n')[0]}`, severity: 'error', pointer: '' } };
    }
    return { data: doc.toJS() };
  } catch (err) {
    const msg = (err as Error).message;
    const m = /position (\d+)/.exec(msg);
    let where = '(file)';
    if (m) {
      const { line, character } = positionAt(text, Number(m[1]));
      where = `line ${line + 1}, column ${character + 1}`;
    }
    return { issue: { file, entry: '(file)', field: where, message: `is not valid ${yaml ? 'YAML' : 'JSON'}: ${msg.replace(/^.*?: /, '')}`, severity: 'error', pointer: '' } };
  }
}

/** Reads the source glossary folder of a checkout: glossary/concepts/*.json and glossary/domains.json. */
export function readGlossaryFolder(dir: string): { sources: GlossarySource[]; domains: DomainNames; issues: GlossaryIssue[] } {
  const issues: GlossaryIssue[] = [];
  const sources: GlossarySource[] = [];
  const conceptsDir = path.join(dir, 'concepts');
  for (const name of fs.readdirSync(conceptsDir).filter((f) => /\.(json|ya?ml)$/i.test(f)).sort()) {
    const file = path.join('glossary', 'concepts', name);
    const { data, issue } = parseGlossaryText(file, fs.readFileSync(path.join(conceptsDir, name), 'utf8'));
    if (issue) issues.push(issue);
    else sources.push({ file, data });
  }
  const domains = JSON.parse(fs.readFileSync(path.join(dir, 'domains.json'), 'utf8')) as DomainNames;
  return { sources, domains, issues };
}

/** Where the built-in glossary is: next to the bundle (dist/glossary.json) or in a checkout. */
export function loadBuiltinGlossary(baseDir: string): CompiledGlossary {
  const json = builtinGlossaryJson(baseDir);
  if (json) return JSON.parse(fs.readFileSync(json, 'utf8')) as CompiledGlossary;
  // A checkout without a build: read the source folder.
  for (let dir = baseDir; ; dir = path.dirname(dir)) {
    const g = path.join(dir, 'glossary');
    if (fs.existsSync(path.join(g, 'concepts'))) {
      const { sources, domains } = readGlossaryFolder(g);
      return { version: 1, domains, sources };
    }
    if (path.dirname(dir) === dir) throw new Error(`The built-in glossary was not found next to ${baseDir}.`);
  }
}

const sha1 = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('hex');

/** The SHA-1 of a file, read in pieces (a generated glossary.json can be tens of megabytes). */
function fileSha1(file: string): string {
  const hash = createHash('sha1');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Writes `compiled` to `out` (glossary.json) and the glossary built from it next to it (glossary.bin, which
 * records this build and the SHA-1 of that glossary.json), both or neither. Returns the build.
 */
export function writeCompiledGlossary(
  out: string, compiled: CompiledGlossary,
  /** The build of `compiled` (trusted), when the caller has it already. */
  built = buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true }),
): { glossary: Glossary; issues: GlossaryIssue[] } {
  const json = JSON.stringify(compiled);
  const bin = encodeGlossary(built.glossary, built.issues, { engine: ENGINE, source: sha1(json) });
  writeFilesAtomic([{ path: out, text: json }, { path: path.join(path.dirname(out), BUILT_NAME), text: bin }]);
  return built;
}

export type BuiltLoad = { glossary: Glossary; issues: GlossaryIssue[]; file: string } | { problem: string };

/**
 * Closes the file of a loaded glossary.bin once nothing can read it: its source, which the glossary's terms,
 * concepts and prefix index reach (a concept or an index may outlive the glossary object).
 */
const openFiles = new FinalizationRegistry<number>((fd) => { try { fs.closeSync(fd); } catch { /* closed already */ } });

const BLOCK = 1 << 12;

/**
 * A glossary.bin as a CompiledSource: read once from the start when loading, and later its definitions, from the
 * file kept open (so that they are never all in memory; a file replaced or deleted since, as a build does, is still
 * the one that was checked), through a few cached 4 KB blocks (reading every definition in order, as the
 * "Search glossary" list does, reads each block once; a completion list, scattered definitions, reads little).
 */
function fileSource(fd: number, length: number): CompiledSource {
  const blocks = new Map<number, Uint8Array>();
  const readAt = (into: Uint8Array, position: number) => {
    for (let at = 0, n; at < into.length; at += n) {
      if ((n = fs.readSync(fd, into, at, into.length - at, position + at)) === 0) throw new Error(`it ended at ${position + at} bytes`);
    }
    return into;
  };
  const block = (b: number): Uint8Array => {
    let data = blocks.get(b);
    if (data) {
      blocks.delete(b); // most recently used last
    } else {
      data = readAt(new Uint8Array(Math.min(BLOCK, length - b * BLOCK)), b * BLOCK);
      if (blocks.size >= 64) blocks.delete(blocks.keys().next().value!);
    }
    blocks.set(b, data);
    return data;
  };
  return {
    length,
    read(offset, n, into) {
      if (into && into.length >= n) return readAt(into.subarray(0, n), offset);
      if (n > BLOCK) return readAt(new Uint8Array(n), offset); // loading: straight into one array
      const first = Math.floor(offset / BLOCK), last = Math.floor((offset + n - 1) / BLOCK);
      if (first === last) return block(first).subarray(offset - first * BLOCK, offset - first * BLOCK + n);
      const out = new Uint8Array(n);
      for (let b = first; b <= last; b++) {
        const d = block(b), from = Math.max(offset, b * BLOCK), to = Math.min(offset + n, b * BLOCK + d.length);
        out.set(d.subarray(from - b * BLOCK, to - b * BLOCK), from - offset);
      }
      return out;
    },
  };
}

/**
 * The glossary built at build time from the glossary.json at `json` (glossary.bin next to it), when it is there,
 * whole, written by this build and from that very glossary.json. Undefined when there is no glossary.bin; a
 * problem (naming the file) when there is one that cannot be used: then build from glossary.json instead.
 */
export function loadBuiltGlossary(json: string): BuiltLoad | undefined {
  const bin = path.join(path.dirname(json), BUILT_NAME);
  // The same files as at the last load, whose glossary is still in use (the server reloads the glossary when a
  // team glossary changes, or trust is granted: often the built-in one again): that glossary, not a second copy
  // of it (with 50,000 concepts 60 MB more until the first is collected, and the SHA-1 of a 60 MB glossary.json).
  const stamp = fileStamp(json) + '|' + fileStamp(bin);
  const last = lastBuilt.get(json);
  const same = last?.stamp === stamp ? last.glossary.deref() : undefined;
  if (same && last) return { glossary: same, issues: last.issues, file: last.file };
  const r = loadBinFile(bin, (file, source) => {
    if (source !== fileSha1(json)) return `${file} is stale: it was not built from the ${COMPILED_NAME} next to it`;
    return undefined;
  });
  if (r && !('problem' in r)) lastBuilt.set(json, { stamp, glossary: new WeakRef(r.glossary), issues: r.issues, file: r.file });
  return r;
}

/** The last glossary loaded from each glossary.json's glossary.bin, while it lives, with the files' stamps then. */
const lastBuilt = new Map<string, { stamp: string; glossary: WeakRef<Glossary>; issues: GlossaryIssue[]; file: string }>();
const fileStamp = (file: string): string => {
  try {
    const st = fs.statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return 'none';
  }
};

/**
 * A glossary.bin-format file, if it exists: its glossary, or a problem naming the file when it cannot be used
 * (damaged, from another build, or whatever `check` says of the source it records).
 */
function loadBinFile(file: string, check: (file: string, source: unknown) => string | undefined): BuiltLoad | undefined {
  if (!fs.existsSync(file)) return undefined;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const source = fileSource(fd, fs.fstatSync(fd).size);
    const meta = compiledMeta(source);
    if (meta.engine !== ENGINE) return { problem: `${file} was written by another build of Lingo (${String(meta.engine)}; this is ${ENGINE})` };
    const problem = check(file, meta.source);
    if (problem) return { problem };
    const loaded = decodeGlossary(source);
    openFiles.register(source, fd);
    fd = undefined; // the glossary's now
    return { ...loaded, file };
  } catch (e) {
    return { problem: `${file} cannot be used: ${(e as Error).message}` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

// ---- built glossaries of team glossaries, kept between starts ---------------------------------------------------

/**
 * With a team glossary the server builds the glossary from the built-in sources and the team's (4,000 team
 * concepts, a 4.8 MB file: about 1.3 s); the build is kept in a cache folder in the glossary.bin format, so that
 * the next start with the same glossaries loads it instead (about 0.1 s). One file
 * per content, named by the SHA-1 of this build of Lingo, the sources and the domain names; the newest
 * CACHE_KEEP files are kept.
 */
export const CACHE_KEEP = 4;

/** The name of the cached build of these sources. */
export function cacheKey(sources: GlossarySource[], domains: DomainNames): string {
  const hash = createHash('sha1').update(ENGINE).update('\0').update(JSON.stringify(domains));
  // Concept by concept: one string of a whole 50,000-concept glossary would be over 100 MB.
  for (const { file, data, layer } of sources) {
    const { concepts, ...rest } = (data ?? {}) as { concepts?: unknown };
    hash.update('\0').update(file).update('\0').update(JSON.stringify(rest)).update(`\0${layer ?? 0}`);
    for (const c of Array.isArray(concepts) ? concepts : [concepts]) hash.update('\n').update(JSON.stringify(c) ?? 'undefined');
  }
  return hash.digest('hex');
}

const cacheFile = (dir: string, key: string) => path.join(dir, `glossary-${key}.bin`);

/** The cached build of the sources named `key`, if there is one; a problem (naming the file) if it cannot be used. */
export function loadCachedGlossary(dir: string, key: string): BuiltLoad | undefined {
  return loadBinFile(cacheFile(dir, key), (file, source) => (source === key ? undefined : `${file} is not the build it is named after`));
}

/** Keeps a build in the cache folder (made private to the user if it is new) and drops all but the newest CACHE_KEEP. */
export function saveCachedGlossary(dir: string, key: string, built: { glossary: Glossary; issues: GlossaryIssue[] }): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = cacheFile(dir, key);
  writeFilesAtomic([{ path: file, text: encodeGlossary(built.glossary, built.issues, { engine: ENGINE, source: key }) }]);
  const kept = fs.readdirSync(dir).filter((f) => /^glossary-[0-9a-f]{40}\.bin$/.test(f))
    .map((f) => ({ f: path.join(dir, f), t: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const old of kept.slice(CACHE_KEEP)) {
    if (old.f === file) continue;
    try { fs.rmSync(old.f, { force: true }); } catch { /* in use by another server (Windows): dropped on a later start */ }
  }
  return file;
}

/** The cache folder: LINGO_CACHE_DIR ("off": none), else the user's cache folder (XDG_CACHE_HOME, LOCALAPPDATA or ~/.cache). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.LINGO_CACHE_DIR;
  if (set !== undefined) return set === '' || set === 'off' ? undefined : set;
  return path.join(env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || path.join(os.homedir(), '.cache'), 'lingo');
}

/** Where the built-in glossary.json is (next to the bundle, or in dist/ of a checkout), if it is anywhere. */
export function builtinGlossaryJson(baseDir: string): string | undefined {
  return [path.join(baseDir, COMPILED_NAME), path.join(baseDir, '..', 'dist', COMPILED_NAME)].find((f) => fs.existsSync(f));
}
