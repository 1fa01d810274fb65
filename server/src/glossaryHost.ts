/**
 * The glossary host: which glossary is in force. It reads the built-in glossary and each workspace folder's team
 * glossary (lingo.glossary.json/.yaml), merges them, builds the result (or loads a build kept in the cache folder,
 * or the built-in glossary as built at build time), shows team files' problems in the files themselves, keeps the
 * last good version of a broken team file in force, and tells its listeners when a new glossary is in force.
 * No module-level state: the server makes one per connection.
 */
import { fileURLToPath, pathToFileURL } from 'url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { buildGlossary, formatIssue, mergeGlossaries, type Glossary, type GlossaryIssue, type GlossarySource } from './service';
import { attachHanLexicon, lexiconFile } from './node/hanLexicon';
import {
  builtinGlossaryJson, cacheKey, defaultCacheDir, loadBuiltGlossary, loadBuiltinGlossary, loadCachedGlossary, saveCachedGlossary,
  type BuiltLoad, type CompiledGlossary,
} from './node/glossaryFiles';
import { findWorkspaceGlossary, positionsOf, readWorkspaceGlossary, WORKSPACE_GLOSSARY_NAMES, type IssueWithRange } from './node/workspaceGlossary';
import { TeamConcepts } from './teamConcepts';

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
}

/** A team glossary file (lingo.glossary.json/.yaml): not a document to check. */
export const isGlossaryFile = (uri: string): boolean => WORKSPACE_GLOSSARY_NAMES.some((n) => uri.endsWith('/' + n));

/** A reload waits this long, so that several changes at once (a save and its file event) make one reload. */
const RELOAD_DELAY_MS = 50;
/** A new build is written to the cache folder this long after it is in force, once the open documents are checked. */
const CACHE_WRITE_DELAY_MS = 1000;

export class GlossaryHost {
  /** Team glossaries may be loaded: false in a workspace VS Code does not trust yet. */
  trusted = true;
  /** lingo.builtinGlossary. */
  useBuiltin = true;
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

  constructor(private readonly o: GlossaryHostOptions) {}

  /** Called with each glossary that comes into force after a reload (not the first, which `compose` returns). */
  onDidChange(listener: (glossary: Glossary) => void): void {
    this.listeners.push(listener);
  }

  /** The glossary of the workspace now, composed at once (at start). */
  compose(): Glossary {
    return this.withLexicon(this.composeGlossary());
  }

  /** Composes the glossary again shortly (coalescing changes that come together); the previous one stays on failure. */
  reload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      let glossary: Glossary;
      try {
        glossary = this.compose();
      } catch (e) {
        this.o.console.error(`Lingo: the glossary could not be reloaded; the previous one stays in force: ${(e as Error).message}`);
        return;
      }
      for (const l of this.listeners) l(glossary);
    }, RELOAD_DELAY_MS);
  }

  /** Sets lingo.builtinGlossary; reloads when it changed. */
  setUseBuiltin(use: boolean): void {
    if (use === this.useBuiltin) return;
    this.useBuiltin = use;
    this.reload();
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

  /** Reads the team glossaries, merges them over the built-in glossary, and publishes their problems in the files themselves. */
  private composeGlossary(): Glossary {
    const workspace: GlossarySource[] = [];
    const read = new Map<string, { uri: string; text: string; issues: IssueWithRange[] }>();
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
    // The built-in glossary alone (the common case): as built at build time, if that can be used.
    const built = workspace.length === 0 && this.useBuiltin ? this.loadBuilt() : undefined;
    let merged: { sources: GlossarySource[]; issues: GlossaryIssue[] } = { sources: [], issues: [] };
    if (!built) {
      const builtin = loadBuiltinGlossary(this.o.baseDir);
      this.builtinDomains = builtin.domains;
      merged = mergeGlossaries(builtin.sources, workspace, this.useBuiltin);
    }
    for (const [file, r] of read) {
      const mergeIssues = merged.issues.filter((i) => i.file === file).map((i) => ({ ...i, start: 0, end: 0 }));
      this.publishIssues(r.uri, r.text, [...r.issues, ...mergeIssues]);
    }
    const current = new Set([...read.values()].map((r) => r.uri));
    for (const uri of [...this.filesWithDiagnostics]) {
      if (!current.has(uri)) { this.o.sendDiagnostics({ uri, diagnostics: [] }); this.filesWithDiagnostics.delete(uri); }
    }
    const glossary = built ?? this.buildFrom(merged.sources);
    this.team.set(workspace);
    return glossary;
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
    this.o.console.info(`Lingo: ${glossary.concepts.length} concepts, ${glossary.terms.length} terms loaded in ${Date.now() - t0} ms${from ? ` (${from})` : ''}`);
  }
}
