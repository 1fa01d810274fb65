/**
 * The language server: wires the language service to LSP. It owns documents, settings, the
 * glossary on disk, scheduling and cancellation; every answer comes from the service.
 * Runs inside VS Code (started by client/) or alone: `node dist/server.js --stdio`.
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification,
  InitializeParams, InitializeResult, CancellationToken, LSPErrorCodes, ResponseError,
  ErrorCodes, type Message, type MessageStrategy,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  buildGlossary, getLanguageService, resolveSettings, Settings, formatIssue, LANGS, messages, Glossary, mergeGlossaries,
  newTeamConcept, isLang, foldKey, type CodeActionData, type GlossarySource, type GlossaryIssue, type Lang,
} from './service';
import * as fs from 'fs';
import * as path from 'path';
import { attachHanLexicon, lexiconFile } from './node/hanLexicon';
import {
  builtinGlossaryJson, cacheKey, defaultCacheDir, loadBuiltGlossary, loadBuiltinGlossary, loadCachedGlossary, saveCachedGlossary, type BuiltLoad, type CompiledGlossary,
} from './node/glossaryFiles';
import { addConceptToFileText, findWorkspaceGlossary, MAX_GLOSSARY_BYTES, positionsOf, readWorkspaceGlossary, WORKSPACE_GLOSSARY_NAMES, type IssueWithRange } from './node/workspaceGlossary';
import { createFile, FileRefused, readLimited, readLimitedIfExists, replaceFile, writableText } from './node/files';
import type { ServerContext } from './context';
import { CONCEPT_CAPABILITIES, conceptFeatures } from './concepts';
import { consistencyAcrossFiles } from './consistency';
import { DocumentInfoMethod, GlossaryRequest, type DocumentInfo, type GlossaryParams, type GlossaryResult } from './protocol';
import { TeamConcepts } from './teamConcepts';
import { workspaceFiles } from './workspaceFiles';
import { createDiagnostics } from './diagnostics';

/**
 * The LSP lifecycle, as the specification says: before initialize, requests are refused with ServerNotInitialized
 * (-32002) and notifications dropped (exit excepted); a second initialize, and any request after shutdown, is
 * refused with InvalidRequest; notifications after shutdown are dropped. Messages are looked at before any handler
 * runs; a refused request is handed to REFUSED's handler, which answers with the error.
 */
let lifecycle: 'new' | 'running' | 'shut down' = 'new';
const REFUSED = 'lingo/$refused';
const dropped: string[] = [];
const messageStrategy: MessageStrategy = {
  handleMessage(message: Message, next: (message: Message) => void) {
    const m = message as Message & { id?: number | string | null; method?: unknown; params?: unknown };
    if (typeof m.method !== 'string' || m.method === 'exit') return next(message); // a response, or exit
    const request = m.id !== undefined && m.id !== null;
    if (!request) {
      if (lifecycle === 'running') next(message);
      else dropped.push(`${m.method} (${lifecycle === 'new' ? 'before initialize' : 'after shutdown'})`);
      return;
    }
    let refusal: [number, string] | undefined;
    if (lifecycle === 'new' && m.method !== 'initialize') refusal = [ErrorCodes.ServerNotInitialized, `${m.method} before initialize: the server is not initialized yet`];
    else if (lifecycle === 'shut down') refusal = [ErrorCodes.InvalidRequest, `${m.method} after shutdown: the server is shutting down`];
    else if (lifecycle === 'running' && m.method === 'initialize') refusal = [ErrorCodes.InvalidRequest, 'initialize again: the server is initialized already'];
    if (refusal) return next({ ...m, method: REFUSED, params: { code: refusal[0], message: refusal[1] } } as Message);
    if (m.method === 'initialize') lifecycle = 'running';
    else if (m.method === 'shutdown') lifecycle = 'shut down';
    next(message);
  },
};
const connection = createConnection(ProposedFeatures.all, { messageStrategy });
connection.onRequest(REFUSED, (p: { code: number; message: string }) => new ResponseError(p.code, p.message));
// A change range beyond the last line corrupts TextDocument's line table (positions turn NaN):
// clamp each range to the document, applying the changes one by one as they are relative to each other.
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update(doc, changes, version) {
    for (const c of changes) {
      const r = 'range' in c ? c.range : undefined;
      TextDocument.update(doc, [r ? { ...c, range: { start: doc.positionAt(doc.offsetAt(r.start)), end: doc.positionAt(doc.offsetAt(r.end)) } } : c], version);
    }
    return doc;
  },
});

// ---- the glossary: built-in, with each workspace folder's team glossary merged over it ----------

/**
 * The built-in glossary's domain names. Its concepts are read from disk each time the glossary is composed (at
 * start and when a team glossary or a setting changes), not kept: with a large glossary the parsed file is
 * hundreds of megabytes that the built glossary does not need.
 */
let builtinDomains: CompiledGlossary['domains'] = {};
let folders: string[] = [];
/** Team glossaries may be loaded: false in a workspace VS Code does not trust yet. */
let trusted = true;
let useBuiltin = true;
/** Last good parsed team glossary per file: a broken save keeps the previous one in force. */
const lastGood = new Map<string, GlossarySource>();
const glossaryFilesWithDiagnostics = new Set<string>();

const CACHE_WRITE_DELAY_MS = 1000;
let cacheWrite: ReturnType<typeof setTimeout> | undefined;

/**
 * Builds the glossary from these sources, or loads the build kept from an earlier start with the same sources (a
 * team glossary of a few thousand concepts takes a second or more to build); a new build is kept for the next start. A cache
 * file that cannot be used is named in the log and the glossary is built afresh.
 */
function buildFrom(sources: GlossarySource[]): Glossary {
  const t0 = Date.now();
  clearTimeout(cacheWrite); // a build replaced before it was written is not kept
  const cacheDir = defaultCacheDir();
  const key = cacheDir ? cacheKey(sources, builtinDomains) : '';
  const cached = usable(cacheDir ? loadCachedGlossary(cacheDir, key) : undefined, 'building the glossary afresh');
  if (cached) {
    logLoaded(cached, t0, `cached: ${cached.file}`);
    return cached.glossary;
  }
  const built = buildGlossary(sources, { domains: builtinDomains, trusted: true });
  logLoaded(built, t0);
  // Written once the open documents have been checked: writing 4,000 team concepts takes about 0.2 s.
  if (cacheDir) {
    cacheWrite = setTimeout(() => {
      try {
        const file = saveCachedGlossary(cacheDir, key, built);
        connection.console.info(`Lingo: the built glossary is kept in ${file} for the next start`);
      } catch (e) {
        connection.console.warn(`Lingo: the built glossary could not be kept in ${cacheDir} for the next start: ${(e as Error).message}`);
      }
    }, CACHE_WRITE_DELAY_MS);
  }
  return built.glossary;
}

/** Reads the team glossaries, merges them over the built-in glossary, and publishes their problems in the files themselves. */
/** A glossary with the Chinese vocabulary for word boundaries (read when first needed). */
const withLexicon = (g: Glossary): Glossary => attachHanLexicon(g, lexiconFile(__dirname));

function composeGlossary(): Glossary {
  const workspace: GlossarySource[] = [];
  const read = new Map<string, { uri: string; text: string; issues: IssueWithRange[] }>();
  if (trusted) {
    for (const folder of folders) {
      const file = findWorkspaceGlossary(folder);
      if (!file) continue;
      const uri = pathToFileURL(file).toString();
      const wg = readWorkspaceGlossary(file, documents.get(uri)?.getText(), folder);
      if (wg.source) lastGood.set(file, wg.source);
      const good = lastGood.get(file);
      if (good) workspace.push(good);
      read.set(file, { uri, text: wg.text, issues: wg.issues });
    }
  }
  for (const f of [...lastGood.keys()]) if (!read.has(f)) lastGood.delete(f); // deleted or renamed: built-in takes over
  // The built-in glossary alone (the common case): as built at build time, if that can be used.
  const built = workspace.length === 0 && useBuiltin ? loadBuilt() : undefined;
  let merged: { sources: GlossarySource[]; issues: GlossaryIssue[] } = { sources: [], issues: [] };
  if (!built) {
    const builtin = loadBuiltinGlossary(__dirname);
    builtinDomains = builtin.domains;
    merged = mergeGlossaries(builtin.sources, workspace, useBuiltin);
  }
  for (const [file, r] of read) {
    const mergeIssues = merged.issues.filter((i) => i.file === file).map((i) => ({ ...i, start: 0, end: 0 }));
    publishGlossaryIssues(r.uri, r.text, [...r.issues, ...mergeIssues]);
  }
  const current = new Set([...read.values()].map((r) => r.uri));
  for (const uri of [...glossaryFilesWithDiagnostics]) {
    if (!current.has(uri)) { connection.sendDiagnostics({ uri, diagnostics: [] }); glossaryFilesWithDiagnostics.delete(uri); }
  }
  const glossary = built ?? buildFrom(merged.sources);
  team.set(workspace);
  return glossary;
}

/**
 * The built-in glossary as built at build time (glossary.bin next to glossary.json), or undefined when there is
 * none or it cannot be used (the log says why: stale, damaged, from another build); then it is built from
 * glossary.json.
 */
function loadBuilt(): Glossary | undefined {
  const t0 = Date.now();
  const json = builtinGlossaryJson(__dirname);
  const r = usable(json ? loadBuiltGlossary(json) : undefined, `building the glossary from ${json} instead`);
  if (!r) return undefined;
  builtinDomains = r.glossary.domains;
  logLoaded(r, t0, `built: ${r.file}`);
  return r.glossary;
}

/** A glossary.bin-format file's glossary, or undefined: none, or one that cannot be used (logged, with what is done `instead`). */
function usable(r: BuiltLoad | undefined, instead: string): Exclude<BuiltLoad, { problem: string }> | undefined {
  if (r && 'problem' in r) {
    connection.console.warn(`Lingo: ${r.problem}; ${instead}`);
    return undefined;
  }
  return r;
}

/** Logs a glossary's errors and its size, and since `t0` how long it took to have: built, or loaded `from` a file. */
function logLoaded({ glossary, issues }: { glossary: Glossary; issues: GlossaryIssue[] }, t0: number, from?: string): void {
  for (const i of issues.filter((x) => x.severity === 'error')) connection.console.error(formatIssue(i));
  connection.console.info(`Lingo: ${glossary.concepts.length} concepts, ${glossary.terms.length} terms loaded in ${Date.now() - t0} ms${from ? ` (${from})` : ''}`);
}

function publishGlossaryIssues(uri: string, text: string, issues: IssueWithRange[]): void {
  glossaryFilesWithDiagnostics.add(uri);
  const pos = positionsOf(text); // one line table for all the problems of the file
  connection.sendDiagnostics({
    uri,
    diagnostics: issues.map((i) => ({
      range: { start: pos(i.start), end: pos(i.end) },
      severity: i.severity === 'error' ? 1 : 2,
      source: 'lingo',
      code: 'glossary',
      message: `${i.entry}${i.field ? ` · ${i.field}` : ''}: ${i.message}${i.severity === 'error' && lastGood.has(fileURLToPath(uri)) ? ' (the last valid version of this file stays in force)' : ''}`,
    })),
  });
}

let reloadTimer: ReturnType<typeof setTimeout> | undefined;
function reloadGlossary(): void {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => {
    try {
      service.setGlossary(withLexicon(composeGlossary()));
      files.clear();
    } catch (e) {
      connection.console.error(`Lingo: the glossary could not be reloaded; the previous one stays in force: ${(e as Error).message}`);
      return;
    }
    diagnostics.recheckAll();
    connection.languages.inlayHint.refresh().catch(() => undefined);
    void connection.sendNotification('lingo/glossaryChanged', {});
  }, 50);
}

/** RULES.md as the extension ships it, next to dist/ (where this bundle runs): diagnostics link their rule's section there. */
function rulesDocument(): string | undefined {
  const file = path.join(__dirname, '..', 'RULES.md');
  return fs.existsSync(file) ? pathToFileURL(file).href : undefined;
}

const isGlossaryFile = (uri: string) => WORKSPACE_GLOSSARY_NAMES.some((n) => uri.endsWith('/' + n));
/** Which concepts come from a team glossary, and where each is defined there. */
const team = new TeamConcepts();

let service: ReturnType<typeof getLanguageService>;
let hasConfiguration = false;
let globalSettings: Settings = resolveSettings(undefined);
const docSettings = new Map<string, Promise<Settings>>();

function settingsFor(uri: string): Promise<Settings> {
  if (!hasConfiguration) return Promise.resolve(globalSettings);
  const known = docSettings.get(uri);
  if (known) return known;
  const s: Promise<Settings> = connection.workspace.getConfiguration({ scopeUri: uri, section: 'lingo' }).then(resolveSettings, () => globalSettings);
  docSettings.set(uri, s);
  return s;
}

/** The editor's interface language (InitializeParams.locale), else the preferred language of the settings. */
let locale: Lang | undefined;
const localeLang = (l: string | undefined): Lang | undefined => {
  const x = (l ?? '').toLowerCase();
  if (x.startsWith('zh')) return 'zh-Hant';
  return (['en', 'sv', 'nl', 'pl'] as const).find((c) => x === c || x.startsWith(c + '-'));
};

/** When open documents are checked, and how their problems reach the client. */
const diagnostics = createDiagnostics({
  connection, documents,
  service: () => service,
  settingsFor,
  isGlossaryFile,
  checkGlossaryFile(doc) {
    const wg = readWorkspaceGlossary(fileURLToPath(doc.uri), doc.getText());
    publishGlossaryIssues(doc.uri, wg.text, wg.issues);
  },
  checked(settings) {
    if (settings.consistencyScope !== 'document' || consistency.published) consistency.schedule();
  },
});

const ctx: ServerContext = {
  connection, documents,
  service: () => service,
  settingsFor,
  workspaceSettings: () => (folders.length ? settingsFor(pathToFileURL(folders[0]).toString()) : Promise.resolve(globalSettings)),
  folders: () => folders,
  isGlossaryFile,
  uiLang: () => locale ?? globalSettings.preferredLanguage,
  clamp,
  prepared: diagnostics.prepared,
  diagnostics,
};
/** The workspace's Markdown and text files, scanned when needed and kept per file until they change. */
const files = workspaceFiles(ctx);
const consistency = consistencyAcrossFiles(ctx, files);
let clientCapabilities: InitializeParams['capabilities'] = {};
conceptFeatures(ctx, files, team, () => clientCapabilities);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientCapabilities = params.capabilities;
  locale = localeLang(params.locale);
  hasConfiguration = !!params.capabilities.workspace?.configuration;
  const opts = params.initializationOptions ?? {};
  if (opts.settings) globalSettings = resolveSettings(opts.settings);
  if (opts.workspaceTrusted === false) trusted = false;
  if (opts.settings?.builtinGlossary === false) useBuiltin = false;
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .filter((f) => f.uri.startsWith('file:'))
    .map((f) => fileURLToPath(f.uri));
  service = getLanguageService(withLexicon(composeGlossary()), { rulesDocument: rulesDocument() });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
      codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: true },
      inlayHintProvider: true,
      executeCommandProvider: { commands: ['lingo.addToTeamGlossary'] },
      ...CONCEPT_CAPABILITIES,
      ...diagnostics.initialize(params.capabilities),
    },
    serverInfo: { name: 'lingo-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (dropped.length) connection.console.warn(`Lingo: dropped ${dropped.length} notification(s) sent before initialize, as the protocol says: ${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', …' : ''}`);
  dropped.length = 0;
  files.watch(clientCapabilities);
  if (hasConfiguration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'lingo' }).catch(() => undefined);
    connection.workspace.getConfiguration('lingo').then((c) => {
      const b = c?.builtinGlossary !== false;
      if (b !== useBuiltin) { useBuiltin = b; reloadGlossary(); }
    }, () => undefined);
  }
});

// Team glossary files: changes on disk (watched by the client), saves, and trust granted later.
connection.onDidChangeWatchedFiles((p) => {
  if (p.changes.some((c) => isGlossaryFile(c.uri))) reloadGlossary();
  for (const c of p.changes) files.changed(c.uri, c.type);
  const s = files.settings();
  if (consistency.published || (s && s.consistencyScope !== 'document')) consistency.schedule();
});
documents.onDidSave((e) => { if (isGlossaryFile(e.document.uri)) reloadGlossary(); });
connection.onNotification('lingo/workspaceTrusted', () => { trusted = true; reloadGlossary(); });

connection.onDidChangeConfiguration((change) => {
  docSettings.clear();
  files.clear();
  const b = (change.settings?.lingo ?? change.settings)?.builtinGlossary;
  if (typeof b === 'boolean' && b !== useBuiltin) { useBuiltin = b; reloadGlossary(); }
  if (!hasConfiguration) globalSettings = resolveSettings(change.settings?.lingo ?? change.settings);
  diagnostics.recheckAll();
  connection.languages.inlayHint.refresh().catch(() => undefined);
  // lingo.semanticHighlighting may have changed.
  if (clientCapabilities.workspace?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh().catch(() => undefined);
});

documents.onDidClose((e) => {
  files.closed(e.document);
  if (consistency.published) consistency.schedule();
  docSettings.delete(e.document.uri);
  service.forget(e.document.uri);
});

// ---- requests ----------------------------------------------------------------------------

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/** Runs a request handler for an open document; unknown documents get an empty answer. */
function withDoc<T>(uri: string, token: CancellationToken, empty: T, f: (doc: TextDocument, s: Settings) => T): Promise<T | ResponseError<void>> {
  const doc = documents.get(uri);
  if (!doc) return Promise.resolve(empty);
  return settingsFor(uri).then((s) => (token.isCancellationRequested ? cancelled() : f(doc, s)));
}

connection.onHover((p, token) => withDoc(p.textDocument.uri, token, null, (doc, s) => service.doHover(doc, clamp(doc, p.position), s)));
connection.onCompletion((p, token) => withDoc(p.textDocument.uri, token, { isIncomplete: false, items: [] }, (doc, s) => service.doComplete(doc, clamp(doc, p.position), s)));
connection.onCodeAction((p, token) => withDoc(p.textDocument.uri, token, [], (doc, s) => {
  const range = { start: clamp(doc, p.range.start), end: clamp(doc, p.range.end) };
  const actions = service.doCodeActions(doc, range, s, p.context.only, p.context.diagnostics, resolvesEdits());
  const selected = doc.getText(range).trim();
  const wantsRefactor = !p.context.only || p.context.only.some((k) => 'refactor'.startsWith(k) || k.startsWith('refactor'));
  if (selected && selected.length <= 100 && !selected.includes('\n') && folders.length && trusted && wantsRefactor) {
    const lang = service.documentInfo(doc, s).lang;
    actions.push({
      title: `${messages(lang).addToTeamGlossary}: ${messages(lang).quote(selected)}`,
      kind: 'refactor.rewrite',
      command: { title: messages(lang).addToTeamGlossary, command: 'lingo.addToTeamGlossary', arguments: [{ uri: doc.uri, text: selected, lang }] },
    });
  }
  return actions;
}));

/** The client resolves code actions' edits (codeAction/resolve): quick fixes come without them, made when one is chosen. */
const resolvesEdits = () => !!clientCapabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
connection.onCodeActionResolve(async (action) => {
  const uri = (action.data as CodeActionData | undefined)?.uri;
  const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
  return doc ? service.resolveCodeAction(doc, action, await settingsFor(doc.uri)) : action;
});

/** Writes a selected word or phrase into the team glossary of the document's folder (creating the file if needed). */
connection.onExecuteCommand(async (p) => {
  if (p.command !== 'lingo.addToTeamGlossary') return null;
  const arg = (p.arguments?.[0] ?? {}) as { uri?: string; text?: string; lang?: string };
  if (typeof arg.text !== 'string' || !arg.text.trim() || typeof arg.uri !== 'string' || !isLang(arg.lang)) return null;
  const docPath = arg.uri.startsWith('file:') ? fileURLToPath(arg.uri) : '';
  const folder = folders.filter((f) => docPath.startsWith(f)).sort((a, b) => b.length - a.length)[0] ?? folders[0];
  if (!folder || !trusted) return null;
  const file = findWorkspaceGlossary(folder) ?? path.join(folder, WORKSPACE_GLOSSARY_NAMES[0]);
  const uri = pathToFileURL(file).toString();
  const open = documents.get(uri);
  let read: ReturnType<typeof readLimited> | undefined;
  let text = open?.getText();
  let encode: (t: string) => Buffer = (t) => Buffer.from(t, 'utf8');
  if (!open) {
    try {
      read = readLimitedIfExists(file, { maxBytes: MAX_GLOSSARY_BYTES, root: folder });
      if (read) {
        const w = writableText(read.bytes);
        if ('problem' in w) throw new FileRefused(file, 'encoding', w.problem);
        text = w.text;
        encode = w.encode;
      }
    } catch (e) {
      connection.window.showErrorMessage(`Lingo: ${e instanceof FileRefused ? e.message : `${file} could not be read: ${(e as Error).message}`}`);
      return null;
    }
  }
  const g = service.getGlossary();
  const known = g.matcher.lookup(foldKey(arg.text));
  if (known >= 0 && g.terms[g.matcher.outputs(known)[0]]?.lang === arg.lang) return null; // already a term of this language
  let next: string;
  try {
    next = addConceptToFileText(file, text, newTeamConcept(arg.text.trim(), arg.lang, (id) => g.byId.has(id) || (text ?? '').includes(`"${id}"`)));
  } catch (e) {
    connection.window.showErrorMessage(`Lingo: ${file} could not be updated: ${(e as Error).message}`);
    return null;
  }
  if (open) {
    await connection.workspace.applyEdit({ changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: open.positionAt(open.getText().length) }, newText: next }] } });
  } else {
    // Through a temporary file created exclusively next to it; mode, owner and links kept; an edit made meanwhile is not overwritten.
    try {
      if (read) replaceFile(file, read, encode(next));
      else createFile(file, next);
    } catch (e) {
      const why = e instanceof FileRefused ? `${e.message}; the team glossary was not changed` : (e as NodeJS.ErrnoException).code === 'EEXIST' ? `${file} was created meanwhile; try again` : `${file} could not be written: ${(e as Error).message}`;
      connection.window.showErrorMessage(`Lingo: ${why}`);
      return null;
    }
    reloadGlossary();
  }
  return { file };
});
connection.languages.inlayHint.on((p, token) => withDoc(p.textDocument.uri, token, [], (doc, s) => service.getInlayHints(doc, { start: clamp(doc, p.range.start), end: clamp(doc, p.range.end) }, s)));

/** Positions from a client may lie outside the document; answer for the nearest valid one. */
function clamp(doc: TextDocument, pos: { line: number; character: number }) {
  const line = Math.max(0, Math.min(Number(pos?.line) || 0, doc.lineCount - 1));
  const character = Math.max(0, Number(pos?.character) || 0);
  return doc.positionAt(doc.offsetAt({ line, character }));
}

/** Every term of every language, for the editor's "Search glossary" and "Insert definition…". */
connection.onRequest(GlossaryRequest, (p: GlossaryParams | undefined): GlossaryResult => {
  const g = service.getGlossary();
  const lang = LANGS.find((l) => l === p?.lang) ?? globalSettings.preferredLanguage;
  return {
    langNames: messages(lang).langNames,
    concepts: g.concepts.map((c) => ({
      id: c.id,
      domain: g.domains[c.domain]?.[lang] ?? c.domain,
      langs: Object.fromEntries(Object.entries(c.langs).map(([l, s]) => [l, { definition: s!.definition, terms: s!.terms.map((t) => ({ text: t.text, status: t.status })), acronyms: s!.acronyms.map((a) => ({ text: a.text, expansion: a.expansion })) }])),
    })),
  };
});

connection.onRequest(DocumentInfoMethod, async (p: { uri: string }): Promise<Omit<DocumentInfo, 'uri'> | null> => {
  const doc = documents.get(p.uri);
  if (!doc) return null;
  return service.documentInfo(doc, await settingsFor(p.uri));
});

documents.listen(connection);
connection.listen();
