/**
 * The language server: wires the language service to LSP. It owns documents, settings, the
 * glossary on disk, scheduling and cancellation; every answer comes from the service.
 * Runs inside VS Code (started by client/) or alone: `node dist/server.js --stdio`.
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification,
  InitializeParams, InitializeResult, CancellationToken, LSPErrorCodes, ResponseError, ShowMessageNotification, MessageType,
  ErrorCodes, type Message, type MessageStrategy,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'url';
import { getLanguageService, resolveSettings, Settings, LANGS, messages, type CodeActionData, type Lang } from './service';
import * as fs from 'fs';
import * as path from 'path';
import { readWorkspaceGlossary } from './node/workspaceGlossary';
import { GlossaryHost, glossarySettings, isGlossaryFile, termbaseWatcher, workDoneProgress } from './glossaryHost';
import { ADD_TO_TEAM_GLOSSARY, addToTeamGlossary, addToTeamGlossaryAction } from './teamGlossaryEdit';
import type { ServerContext } from './context';
import { CONCEPT_CAPABILITIES, conceptFeatures } from './concepts';
import { consistencyAcrossFiles } from './consistency';
import { DocumentInfoMethod, GlossaryRequest, type DocumentInfo, type GlossaryParams, type GlossaryResult } from './protocol';
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

// ---- the glossary: built-in, with each workspace folder's team glossary merged over it (glossaryHost.ts) ----------

let folders: string[] = [];
const host = new GlossaryHost({
  baseDir: __dirname,
  console: connection.console,
  sendDiagnostics: (p) => connection.sendDiagnostics(p),
  documentText: (uri) => documents.get(uri)?.getText(),
  folders: () => folders,
  uiLang: () => locale ?? globalSettings.preferredLanguage,
  showMessage: (type, message) => void connection.sendNotification(ShowMessageNotification.type, { type: type === 'error' ? MessageType.Error : MessageType.Warning, message }),
  progress: (title) => (clientCapabilities.window?.workDoneProgress ? workDoneProgress(connection, title) : undefined),
  watch: termbaseWatcher(connection, () => clientCapabilities),
});
host.onDidChange((glossary) => {
  service.setGlossary(glossary);
  files.clear();
  diagnostics.recheckAll();
  connection.languages.inlayHint.refresh().catch(() => undefined);
  void connection.sendNotification('lingo/glossaryChanged', {});
});
const reloadGlossary = () => host.reload();
const team = host.team;
/** "Add to team glossary" (teamGlossaryEdit.ts): only in a trusted workspace; a file written on disk reloads the glossary. */
const teamEdit = { trusted: () => host.trusted, written: reloadGlossary };

/** RULES.md as the extension ships it, next to dist/ (where this bundle runs): diagnostics link their rule's section there. */
function rulesDocument(): string | undefined {
  const file = path.join(__dirname, '..', 'RULES.md');
  return fs.existsSync(file) ? pathToFileURL(file).href : undefined;
}


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
    host.publishIssues(doc.uri, wg.text, wg.issues);
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
  if (opts.workspaceTrusted === false) host.trusted = false;
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .filter((f) => f.uri.startsWith('file:'))
    .map((f) => fileURLToPath(f.uri));
  if (opts.settings) Object.assign(host, glossarySettings([{ settings: opts.settings, folder: folders[0] }]));
  service = getLanguageService(host.compose(), { rulesDocument: rulesDocument() });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
      codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: true },
      inlayHintProvider: true,
      executeCommandProvider: { commands: [ADD_TO_TEAM_GLOSSARY] },
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
  host.startWatching();
  if (hasConfiguration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'lingo' }).catch(() => undefined);
    configureGlossary();
  }
});

/** lingo.builtinGlossary and lingo.glossaries (each folder's, relative paths from it) for the glossary host. */
function configureGlossary(): void {
  const scopes = folders.length ? folders : [undefined];
  connection.workspace.getConfiguration(scopes.map((f) => ({ scopeUri: f && pathToFileURL(f).toString(), section: 'lingo' }))).then(
    (cs: unknown[]) => host.configure(glossarySettings(cs.map((settings, i) => ({ settings, folder: scopes[i] })))),
    () => undefined,
  );
}

// Team glossary files and termbases: changes on disk (watched by the client), saves, and trust granted later.
connection.onDidChangeWatchedFiles((p) => {
  if (p.changes.some((c) => host.isWatched(c.uri))) reloadGlossary();
  for (const c of p.changes) files.changed(c.uri, c.type);
  const s = files.settings();
  if (consistency.published || (s && s.consistencyScope !== 'document')) consistency.schedule();
});
documents.onDidSave((e) => { if (isGlossaryFile(e.document.uri)) reloadGlossary(); });
connection.onNotification('lingo/workspaceTrusted', () => host.trust());
connection.onShutdown(() => host.dispose()); // a build under way ends with its worker

connection.onDidChangeConfiguration((change) => {
  docSettings.clear();
  files.clear();
  if (hasConfiguration) configureGlossary();
  else {
    globalSettings = resolveSettings(change.settings?.lingo ?? change.settings);
    host.configure(glossarySettings([{ settings: change.settings?.lingo ?? change.settings, folder: folders[0] }]));
  }
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
  const add = wantsRefactor ? addToTeamGlossaryAction(ctx, teamEdit, doc, selected, () => service.documentInfo(doc, s).lang) : undefined;
  if (add) actions.push(add);
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
connection.onExecuteCommand((p) => (p.command === ADD_TO_TEAM_GLOSSARY ? addToTeamGlossary(ctx, teamEdit, p.arguments?.[0]) : null));
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
