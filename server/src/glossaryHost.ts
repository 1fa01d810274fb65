/**
 * The glossary host: which glossary is in force. It reads the built-in glossary and each workspace folder's team
 * glossary (lingo.glossary.json/.yaml), merges them, builds the result (or loads a build kept in the cache folder,
 * or the built-in glossary as built at build time), shows team files' problems in the files themselves, keeps the
 * last good version of a broken team file in force, and tells its listeners when a new glossary is in force.
 * With company termbases (lingo.glossaries) the build runs in a worker thread (glossaryWorker.ts), with progress in
 * the editor; until it is done the glossary in force stays (at start: the built-in one, with the team glossaries).
 * No module-level state: the server makes one per connection.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Worker } from 'worker_threads';
import { DidChangeWatchedFilesNotification, type ClientCapabilities, type Connection, type Disposable, type PublishDiagnosticsParams, type WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { buildGlossary, decodeGlossary, format, formatIssue, issueSummary, mergeGlossaries, messages, type Glossary, type GlossaryIssue, type GlossarySource, type Lang } from './service';
import { attachHanLexicon, lexiconFile } from './node/hanLexicon';
import {
  builtinGlossaryJson, cacheKey, defaultCacheDir, loadBuiltGlossary, loadBuiltinGlossary, loadCachedGlossary, saveCachedGlossary,
  type BuiltLoad, type CompiledGlossary,
} from './node/glossaryFiles';
import { findWorkspaceGlossary, positionsOf, readWorkspaceGlossary, WORKSPACE_GLOSSARY_NAMES, type IssueWithRange } from './node/workspaceGlossary';
import { loadKeptBuild, resolveGlossaryPath, runTermbaseBuild, termbaseCacheKey, type TermbaseBuildRequest, type TermbaseBuildResult } from './node/glossaryBuild';
import { TeamConcepts } from './teamConcepts';
import type { WorkerMessage } from './glossaryWorker';

/** What the host needs of the server: its log, diagnostics for team files, the open documents and the folders. */
export interface GlossaryHostOptions {
  /** Where the bundle runs (dist/): the built-in glossary and the Chinese vocabulary are next to it. */
  baseDir: string;
  console: { info(message: string): void; warn(message: string): void; error(message: string): void };
  sendDiagnostics(params: PublishDiagnosticsParams): void;
  /** The text of an open document, if it is open (a team glossary being edited is read from the editor). */
  documentText(uri: string): string | undefined;
  /** The workspace folders' paths. */
  folders(): string[];
  /** The language of the editor's interface: of the progress title and the messages about termbases. */
  uiLang(): Lang;
  /** A message for the user (a termbase with problems). */
  showMessage(type: 'error' | 'warning', message: string): void;
  /** Progress in the editor, when it can show it. */
  progress?(title: string): Progress | undefined;
  /** Watch these files (the termbases): their changes come back through `isWatched` and `reload`. */
  watch?(files: string[]): void;
}

export interface Progress { report(percentage: number, message?: string): void; done(): void }

/** A build in a worker thread: superseded (ended) by a newer one. */
interface Building { key: string; worker?: Worker; progress?: Progress; ended: boolean }

/** A team glossary file (lingo.glossary.json/.yaml): not a document to check. */
export const isGlossaryFile = (uri: string): boolean => WORKSPACE_GLOSSARY_NAMES.some((n) => uri.endsWith('/' + n));

/** What was read of a team glossary file: its problems are shown in it. */
interface TeamFileRead { uri: string; text: string; issues: IssueWithRange[] }

/** At most this many problems of one termbase are written to the log. */
const MAX_LOGGED_PROBLEMS = 200;

/**
 * The temporary folders that the hosts of this process made (`lingo-termbases-*`: the termbases' last good copies when
 * no cache folder is used), and only those. Each is removed when its host is disposed (`shutdown`); whatever is left
 * when the process ends (`exit` without `shutdown`, the client's process gone, stdin closed) is removed on the way
 * out, and so at SIGTERM, SIGINT or SIGHUP when nothing else handles the signal: the folders go, then the signal ends
 * the process as it would have.
 */
const temps = new Set<string>();
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
let handled: NodeJS.Signals[] = [];

function removeDir(dir: string): void {
  try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 }); } catch { /* nothing more to do on the way out */ }
}

function removeTemps(): void {
  for (const dir of temps) removeDir(dir);
  temps.clear();
  unwatchExit();
}

function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return; // another handler decides what it does (then `exit` removes them)
  removeTemps();
  process.kill(process.pid, signal); // unhandled now: the signal's own effect
}

function watchExit(): void {
  process.on('exit', removeTemps);
  handled = SIGNALS.filter((s) => process.listenerCount(s) === 0);
  for (const s of handled) process.on(s, onSignal);
}

function unwatchExit(): void {
  process.removeListener('exit', removeTemps);
  for (const s of handled) process.removeListener(s, onSignal);
  handled = [];
}

/** A new temporary folder of this process, removed at the latest when the process ends. */
function makeTemp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingo-termbases-'));
  if (!temps.size) watchExit();
  temps.add(dir);
  return dir;
}

/** Removes a temporary folder of this process now. */
function releaseTemp(dir: string): void {
  removeDir(dir);
  temps.delete(dir);
  if (!temps.size) unwatchExit();
}

/** A reload waits this long, so that several changes at once (a save and its file event) make one reload. */
const RELOAD_DELAY_MS = 50;
/** A new build is written to the cache folder this long after it is in force, once the open documents are checked. */
const CACHE_WRITE_DELAY_MS = 1000;

export class GlossaryHost {
  /** Team glossaries may be loaded: false in a workspace VS Code does not trust yet. */
  trusted = true;
  /** lingo.builtinGlossary. */
  useBuiltin = true;
  /** lingo.glossaries: absolute paths of the termbases, merged in this order. */
  termbases: string[] = [];
  /** Which concepts come from a team glossary, and where each is defined there. */
  readonly team = new TeamConcepts();

  /**
   * The built-in glossary's domain names. Its concepts are read from disk each time the glossary is composed (at
   * start and when a team glossary or a setting changes), not kept: with a large glossary the parsed file is
   * hundreds of megabytes that the built glossary does not need.
   */
  private builtinDomains: CompiledGlossary['domains'] = {};
  /** Last good parsed team glossary per file: a broken save keeps the previous one in force. */
  private readonly lastGood = new Map<string, GlossarySource>();
  private readonly filesWithDiagnostics = new Set<string>();
  private readonly listeners: ((glossary: Glossary) => void)[] = [];
  private cacheWrite: ReturnType<typeof setTimeout> | undefined;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** The name of the termbase build in force (none: no termbases); a reload with the same sources changes nothing. */
  private inForce: string | undefined;
  private building: Building | undefined;
  /** The issues of the termbase build in force (the team files' merge issues among them, shown in those files). */
  private mergeIssues: GlossaryIssue[] = [];
  /** Messages about termbases shown already (file and problems): each is shown once. */
  private readonly shown = new Set<string>();

  constructor(private readonly o: GlossaryHostOptions) {}

  /** Called with each glossary that comes into force after a reload (not the first, which `compose` returns). */
  onDidChange(listener: (glossary: Glossary) => void): void {
    this.listeners.push(listener);
  }

  /**
   * The glossary of the workspace now, composed at once (at start). With termbases not built before, that is the
   * glossary without them, and their build starts in the worker.
   */
  compose(): Glossary {
    return this.withLexicon(this.composeGlossary(true)!);
  }

  /**
   * Composes the glossary again shortly (coalescing changes that come together); the previous one stays on failure,
   * and while termbases are built in the worker.
   */
  reload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      let glossary: Glossary | undefined;
      try {
        glossary = this.composeGlossary(false);
      } catch (e) {
        this.o.console.error(`Lingo: the glossary could not be reloaded; the previous one stays in force: ${(e as Error).message}`);
        return;
      }
      if (glossary) this.changed(this.withLexicon(glossary));
    }, RELOAD_DELAY_MS);
  }

  /** Sets lingo.builtinGlossary; reloads when it changed. */
  setUseBuiltin(use: boolean): void {
    this.configure({ useBuiltin: use });
  }

  /** Sets lingo.builtinGlossary and lingo.glossaries (absolute paths); reloads when either changed. */
  configure(c: { useBuiltin?: boolean; termbases?: string[] }): void {
    let changed = false;
    if (c.useBuiltin !== undefined && c.useBuiltin !== this.useBuiltin) { this.useBuiltin = c.useBuiltin; changed = true; }
    if (c.termbases && c.termbases.join('\0') !== this.termbases.join('\0')) {
      this.termbases = [...c.termbases];
      this.o.watch?.(this.termbases);
      changed = true;
    }
    if (changed) this.reload();
  }

  /** Starts watching the termbases set before `initialized` (from initializationOptions). */
  startWatching(): void {
    if (this.termbases.length) this.o.watch?.(this.termbases);
  }

  /** A file whose change reloads the glossary: a team glossary or a termbase. */
  isWatched(uri: string): boolean {
    if (isGlossaryFile(uri)) return true;
    if (!uri.startsWith('file:') || !this.termbases.length) return false;
    try {
      const file = path.resolve(fileURLToPath(uri));
      return this.termbases.some((t) => path.resolve(t) === file);
    } catch {
      return false;
    }
  }

  /** Ends a build under way and removes the temporary folder (the server is shutting down). */
  dispose(): void {
    clearTimeout(this.reloadTimer);
    const stopped = this.endBuild();
    const temp = this.temp;
    if (!temp) return;
    this.temp = undefined;
    releaseTemp(temp);
    // A worker that was writing a last good copy there may have made the folder again before it stopped.
    void stopped?.then(() => removeDir(temp), () => removeDir(temp));
  }

  /**
   * Without a cache folder: a private temporary folder for the termbases' last good copies (made when first needed;
   * removed by dispose, or when the process ends: `temps`).
   */
  private temp: string | undefined;
  private tempDir(): string | undefined {
    try { return (this.temp ??= makeTemp()); } catch { return undefined; }
  }

  private changed(glossary: Glossary): void {
    for (const l of this.listeners) l(glossary);
  }

  /** The workspace became trusted: its team glossaries are read now. */
  trust(): void {
    this.trusted = true;
    this.reload();
  }

  /** Shows a team glossary's problems in the file itself. */
  publishIssues(uri: string, text: string, issues: IssueWithRange[]): void {
    this.filesWithDiagnostics.add(uri);
    const pos = positionsOf(text); // one line table for all the problems of the file
    this.o.sendDiagnostics({
      uri,
      diagnostics: issues.map((i) => ({
        range: { start: pos(i.start), end: pos(i.end) },
        severity: i.severity === 'error' ? 1 : 2,
        source: 'lingo',
        code: 'glossary',
        message: `${i.entry}${i.field ? ` · ${i.field}` : ''}: ${i.message}${i.severity === 'error' && this.lastGood.has(fileURLToPath(uri)) ? ' (the last valid version of this file stays in force)' : ''}`,
      })),
    });
  }

  /** A glossary with the Chinese vocabulary for word boundaries (read when first needed). */
  private withLexicon(g: Glossary): Glossary {
    return attachHanLexicon(g, lexiconFile(this.o.baseDir));
  }

  /**
   * Reads the team glossaries, merges them over the built-in glossary (and the termbases), and publishes their
   * problems in the files themselves. Undefined when the glossary in force stays: termbases being built in the
   * worker, or nothing changed.
   */
  private composeGlossary(start: boolean): Glossary | undefined {
    const { workspace, read } = this.readTeamFiles();
    const termbases = this.trusted ? this.termbases : [];
    if (!termbases.length) {
      this.endBuild();
      this.inForce = undefined;
      return this.composeWithout(workspace, read);
    }
    const cacheDir = defaultCacheDir();
    const request: Omit<TermbaseBuildRequest, 'key'> = { baseDir: this.o.baseDir, useBuiltin: this.useBuiltin, termbases, workspace, cacheDir, lastGoodDir: cacheDir ?? this.tempDir() };
    const key = termbaseCacheKey(request);
    if (key === this.inForce || key === this.building?.key) {
      this.publishTeamIssues(read, this.mergeIssues);
      return undefined; // the same sources as the glossary in force, or as the build under way
    }
    const t0 = Date.now();
    const kept = this.usable(loadKeptBuild(request.cacheDir, key), 'building the glossary afresh');
    if (kept) {
      this.endBuild();
      this.logLoaded(kept, t0, `cached: ${kept.file}`);
      this.publishTeamIssues(read, (this.mergeIssues = kept.issues));
      this.team.set(workspace);
      this.inForce = key;
      return kept.glossary;
    }
    this.startBuild({ ...request, key }, read);
    // Until the build is done: the glossary in force, or at start the glossary without the termbases.
    return start ? this.composeWithout(workspace, read) : undefined;
  }

  /** The team glossaries of the folders (their last good versions) and what was read of each file. */
  private readTeamFiles(): { workspace: GlossarySource[]; read: Map<string, TeamFileRead> } {
    const workspace: GlossarySource[] = [];
    const read = new Map<string, TeamFileRead>();
    if (this.trusted) {
      for (const folder of this.o.folders()) {
        const file = findWorkspaceGlossary(folder);
        if (!file) continue;
        const uri = pathToFileURL(file).toString();
        const wg = readWorkspaceGlossary(file, this.o.documentText(uri), folder);
        if (wg.source) this.lastGood.set(file, wg.source);
        const good = this.lastGood.get(file);
        if (good) workspace.push(good);
        read.set(file, { uri, text: wg.text, issues: wg.issues });
      }
    }
    for (const f of [...this.lastGood.keys()]) if (!read.has(f)) this.lastGood.delete(f); // deleted or renamed: built-in takes over
    return { workspace, read };
  }

  /** Each team file's problems in the file, with those of the merge (`mergeIssues` of any file); files no longer read are cleared. */
  private publishTeamIssues(read: Map<string, TeamFileRead>, mergeIssues: GlossaryIssue[]): void {
    for (const [file, r] of read) {
      const ofFile = mergeIssues.filter((i) => i.file === file).map((i) => ({ ...i, start: 0, end: 0 }));
      this.publishIssues(r.uri, r.text, [...r.issues, ...ofFile]);
    }
    const current = new Set([...read.values()].map((r) => r.uri));
    for (const uri of [...this.filesWithDiagnostics]) {
      if (!current.has(uri)) { this.o.sendDiagnostics({ uri, diagnostics: [] }); this.filesWithDiagnostics.delete(uri); }
    }
  }

  /** The built-in glossary with the team glossaries merged over it, built on this thread (no termbases). */
  private composeWithout(workspace: GlossarySource[], read: Map<string, TeamFileRead>): Glossary {
    // The built-in glossary alone (the common case): as built at build time, if that can be used.
    const built = workspace.length === 0 && this.useBuiltin ? this.loadBuilt() : undefined;
    let merged: { sources: GlossarySource[]; issues: GlossaryIssue[] } = { sources: [], issues: [] };
    if (!built) {
      const builtin = loadBuiltinGlossary(this.o.baseDir);
      this.builtinDomains = builtin.domains;
      merged = mergeGlossaries(builtin.sources, workspace, this.useBuiltin);
    }
    this.publishTeamIssues(read, merged.issues);
    const glossary = built ?? this.buildFrom(merged.sources);
    this.team.set(workspace);
    return glossary;
  }

  // ---- the build with termbases, in a worker thread ----------------------------------------------------------

  /** Starts the build of `request` in a worker (superseding one under way); its glossary comes into force when done. */
  private startBuild(request: TermbaseBuildRequest, read: Map<string, TeamFileRead>): void {
    this.endBuild();
    const names = request.termbases.map((f) => path.basename(f)).join(', ');
    const b: Building = { key: request.key, ended: false };
    this.building = b;
    b.progress = this.o.progress?.(format(messages(this.o.uiLang()).loadingTermbase, names));
    const t0 = Date.now();
    this.o.console.info(`Lingo: loading the termbases ${request.termbases.join(', ')} in a worker thread`);
    const finish = (r: TermbaseBuildResult | { failed: string }) => {
      if (b.ended) return; // superseded
      this.endBuild();
      if ('failed' in r) {
        this.o.console.error(`Lingo: the glossary with the termbases could not be built; the previous one stays in force: ${r.failed}`);
        return;
      }
      let glossary: Glossary;
      try {
        glossary = this.loadResult(request, r, t0);
      } catch (e) {
        this.o.console.error(`Lingo: the glossary with the termbases could not be loaded; the previous one stays in force: ${(e as Error).message}`);
        return;
      }
      this.publishTeamIssues(read, (this.mergeIssues = r.issues));
      this.team.set(request.workspace);
      this.inForce = request.key;
      this.changed(this.withLexicon(glossary));
    };
    const script = path.join(this.o.baseDir, 'glossaryWorker.js');
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: request });
    } catch (e) {
      // No worker (the bundle is missing): built here, after the messages waiting now are answered.
      this.o.console.warn(`Lingo: no worker thread (${(e as Error).message}); building the glossary with the termbases here`);
      setImmediate(() => {
        if (b.ended) return;
        let r: TermbaseBuildResult | { failed: string };
        try { r = runTermbaseBuild(request, (pct, m) => b.progress?.report(pct, m)); } catch (err) { r = { failed: (err as Error).message }; }
        finish(r);
      });
      return;
    }
    b.worker = worker;
    let answered = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') b.progress?.report(m.percentage, m.message);
      else { answered = true; finish(m.type === 'done' ? m.result : { failed: m.message }); }
    });
    worker.on('error', (e) => { answered = true; finish({ failed: e.stack ?? e.message }); });
    worker.on('exit', (code) => { if (!answered) finish({ failed: `the worker thread ended (exit code ${code})` }); });
  }

  /** Ends the build under way, if any (its worker, its progress); resolves when its worker has stopped. */
  private endBuild(): Promise<unknown> | undefined {
    const b = this.building;
    if (!b) return undefined;
    b.ended = true;
    this.building = undefined;
    b.progress?.done();
    return b.worker?.terminate();
  }

  /** The glossary of a finished build (from the cache folder, or its bytes); logs it and tells the user of termbase problems once. */
  private loadResult(request: TermbaseBuildRequest, r: TermbaseBuildResult, t0: number): Glossary {
    const here = Date.now();
    let loaded: { glossary: Glossary; issues: GlossaryIssue[] } | undefined;
    if (r.file) {
      const kept = loadKeptBuild(request.cacheDir, request.key);
      if (kept && !('problem' in kept)) loaded = kept;
      else if (kept) throw new Error(kept.problem);
    }
    if (!loaded) {
      if (!r.bytes) throw new Error('the worker gave no glossary');
      loaded = decodeGlossary(r.bytes);
    }
    this.reportTermbases(r);
    this.logLoaded({ glossary: loaded.glossary, issues: r.issues }, t0, `termbases read in ${r.ms.read} ms, built in ${r.ms.build} ms in a worker thread${r.file ? `, kept in ${r.file}` : ''}; ${Date.now() - here} ms on the server's thread to load it`);
    return loaded.glossary;
  }

  /** Logs each termbase's problems, and tells the user once per file and state. */
  private reportTermbases(r: TermbaseBuildResult): void {
    const m = messages(this.o.uiLang());
    for (const t of r.termbases) {
      const name = path.basename(t.file);
      if (t.unreadable) this.o.console.error(`Lingo: ${t.unreadable}${t.fromLastGood ? ' (its last good version stays in force)' : ' (it is not used)'}`);
      for (const p of t.problems.slice(0, MAX_LOGGED_PROBLEMS)) this.o.console.warn(`Lingo: ${p}`);
      if (t.problems.length > MAX_LOGGED_PROBLEMS) this.o.console.warn(`Lingo: … and ${t.problems.length - MAX_LOGGED_PROBLEMS} more problems in ${t.file}`);
      for (const line of t.report) this.o.console.info(`Lingo: ${line}`);
      this.o.console.info(`Lingo: ${t.file}: ${t.concepts} concepts${t.fromLastGood ? ' (its last good version)' : ''}`);
      const state = `${t.file}\0${t.unreadable ?? ''}\0${t.fromLastGood}\0${t.problems.length}\0${t.problems[0] ?? ''}`;
      if ((!t.unreadable && !t.problems.length) || this.shown.has(state)) continue;
      this.shown.add(state);
      if (t.unreadable) this.o.showMessage('error', format(t.fromLastGood ? m.termbaseUnreadableKept : m.termbaseUnreadable, m.quote(name)));
      else this.o.showMessage('warning', format(m.termbaseProblems, m.quote(name), t.problems.length));
    }
  }

  /**
   * Builds the glossary from these sources, or loads the build kept from an earlier start with the same sources (a
   * team glossary of a few thousand concepts takes a second or more to build); a new build is kept for the next
   * start. A cache file that cannot be used is named in the log and the glossary is built afresh.
   */
  private buildFrom(sources: GlossarySource[]): Glossary {
    const t0 = Date.now();
    clearTimeout(this.cacheWrite); // a build replaced before it was written is not kept
    const cacheDir = defaultCacheDir();
    const key = cacheDir ? cacheKey(sources, this.builtinDomains) : '';
    const cached = this.usable(cacheDir ? loadCachedGlossary(cacheDir, key) : undefined, 'building the glossary afresh');
    if (cached) {
      this.logLoaded(cached, t0, `cached: ${cached.file}`);
      return cached.glossary;
    }
    const built = buildGlossary(sources, { domains: this.builtinDomains, trusted: true });
    this.logLoaded(built, t0);
    // Written once the open documents have been checked: writing 4,000 team concepts takes about 0.2 s.
    if (cacheDir) {
      this.cacheWrite = setTimeout(() => {
        try {
          const file = saveCachedGlossary(cacheDir, key, built);
          this.o.console.info(`Lingo: the built glossary is kept in ${file} for the next start`);
        } catch (e) {
          this.o.console.warn(`Lingo: the built glossary could not be kept in ${cacheDir} for the next start: ${(e as Error).message}`);
        }
      }, CACHE_WRITE_DELAY_MS);
    }
    return built.glossary;
  }

  /**
   * The built-in glossary as built at build time (glossary.bin next to glossary.json), or undefined when there is
   * none or it cannot be used (the log says why: stale, damaged, from another build); then it is built from
   * glossary.json.
   */
  private loadBuilt(): Glossary | undefined {
    const t0 = Date.now();
    const json = builtinGlossaryJson(this.o.baseDir);
    const r = this.usable(json ? loadBuiltGlossary(json) : undefined, `building the glossary from ${json} instead`);
    if (!r) return undefined;
    this.builtinDomains = r.glossary.domains;
    this.logLoaded(r, t0, `built: ${r.file}`);
    return r.glossary;
  }

  /** A glossary.bin-format file's glossary, or undefined: none, or one that cannot be used (logged, with what is done `instead`). */
  private usable(r: BuiltLoad | undefined, instead: string): Exclude<BuiltLoad, { problem: string }> | undefined {
    if (r && 'problem' in r) {
      this.o.console.warn(`Lingo: ${r.problem}; ${instead}`);
      return undefined;
    }
    return r;
  }

  /** Logs a glossary's errors and its size, and since `t0` how long it took to have: built, or loaded `from` a file. */
  private logLoaded({ glossary, issues }: { glossary: Glossary; issues: GlossaryIssue[] }, t0: number, from?: string): void {
    for (const i of issues.filter((x) => x.severity === 'error')) this.o.console.error(formatIssue(i));
    // Overlaps and overrides, summed up: one line each, not thousands.
    for (const line of issueSummary(issues)) this.o.console.info(`Lingo: ${line}`);
    this.o.console.info(`Lingo: ${glossary.concepts.length} concepts, ${glossary.terms.length} terms loaded in ${Date.now() - t0} ms${from ? ` (${from})` : ''}`);
  }
}

// ---- what the host asks of the connection ---------------------------------------------------------------------

/**
 * Progress in the editor (window/workDoneProgress/create, then $/progress begin, report, end): begun once the
 * creation is answered (not at all when the build ended first); reports at most every 100 ms, and the last one.
 */
export function workDoneProgress(connection: Connection, title: string): Progress {
  let reporter: WorkDoneProgressServerReporter | undefined;
  let ended = false;
  let last: { percentage: number; message?: string } | undefined;
  let sent = 0;
  const send = () => {
    if (!reporter || !last) return;
    sent = Date.now();
    if (last.message === undefined) reporter.report(last.percentage);
    else reporter.report(last.percentage, last.message);
    last = undefined;
  };
  connection.window.createWorkDoneProgress().then((r) => {
    if (ended) return;
    reporter = r;
    r.begin(title, 0, undefined, false);
    send();
  }, () => undefined);
  return {
    report(percentage, message) {
      last = { percentage, message };
      if (Date.now() - sent >= 100) send();
    },
    done() {
      if (ended) return;
      ended = true;
      send();
      reporter?.done();
    },
  };
}

/**
 * Watches the termbases through the client (workspace/didChangeWatchedFiles, registered again when the list changes):
 * each as a pattern relative to its folder when the client takes such patterns (files outside the workspace too),
 * else as its absolute path.
 */
export function termbaseWatcher(connection: Connection, capabilities: () => ClientCapabilities): (files: string[]) => void {
  let registration: Promise<Disposable | undefined> = Promise.resolve(undefined);
  return (files) => {
    const caps = capabilities().workspace?.didChangeWatchedFiles;
    if (!caps?.dynamicRegistration) return;
    const relative = !!caps.relativePatternSupport;
    const previous = registration;
    registration = previous.then((d) => {
      d?.dispose();
      if (!files.length) return undefined;
      const watchers = files.map((f) => ({
        globPattern: relative ? { baseUri: pathToFileURL(path.dirname(f)).toString(), pattern: path.basename(f) } : f.split(path.sep).join('/'),
      }));
      return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e) => {
        connection.console.warn(`Lingo: the termbases cannot be watched; they are read again when the settings or a team glossary change: ${(e as Error).message}`);
        return undefined;
      });
    });
  };
}

/**
 * lingo.builtinGlossary (of the first scope: it is a window setting) and lingo.glossaries from the `lingo` settings
 * of each workspace folder, a relative path resolved from its folder, `~` as the home folder; each path once, in order.
 */
export function glossarySettings(scopes: { settings: unknown; folder?: string }[]): { useBuiltin: boolean; termbases: string[] } {
  const lingo = (s: unknown) => (s && typeof s === 'object' ? s as { builtinGlossary?: unknown; glossaries?: unknown } : {});
  const termbases: string[] = [];
  for (const { settings, folder } of scopes) {
    const list = lingo(settings).glossaries;
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      if (typeof p !== 'string' || !p.trim()) continue;
      const file = resolveGlossaryPath(p, folder);
      if (!termbases.includes(file)) termbases.push(file);
    }
  }
  return { useBuiltin: lingo(scopes[0]?.settings).builtinGlossary !== false, termbases };
}
