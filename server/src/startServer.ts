/**
 * One language server on one connection: `startServer` makes every piece of its state (open documents, settings,
 * the glossary host, diagnostics, the workspace scan, concept features) and wires the handlers; nothing is kept at
 * module level, so one process can serve several connections (the tests do), and `dispose` ends one alone.
 * server.ts, the entry, starts one over stdio or IPC.
 */
import {
  TextDocuments, TextDocumentSyncKind, InitializeParams, InitializeResult, CancellationToken, LSPErrorCodes, ResponseError,
  ShowMessageNotification, MessageType, type Connection, type MessageStrategy,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'url';
import * as fs from 'fs';
import * as path from 'path';
import { getLanguageService, LANGS, messages, type CodeActionData, type LanguageService, type Settings } from './service';
import { readWorkspaceGlossary } from './node/workspaceGlossary';
import { GlossaryHost, isGlossaryFile, termbaseWatcher, workDoneProgress } from './glossaryHost';
import { ADD_TO_TEAM_GLOSSARY, addToTeamGlossary, addToTeamGlossaryAction } from './teamGlossaryEdit';
import type { ServerContext } from './context';
import { CONCEPT_CAPABILITIES, conceptFeatures } from './concepts';
import { consistencyAcrossFiles } from './consistency';
import { DocumentInfoMethod, GlossaryRequest, type DocumentInfo, type GlossaryParams, type GlossaryResult } from './protocol';
import { workspaceFiles } from './workspaceFiles';
import { createDiagnostics } from './diagnostics';
import { createLifecycle } from './lifecycle';
import { serverSettings } from './serverSettings';

export interface StartOptions {
  /**
   * Where the bundle's files are (dist/: the built-in glossary, the Chinese vocabulary, the glossary worker;
   * RULES.md next to it, which diagnostics link to).
   */
  baseDir: string;
  /** Told the number of concepts of each glossary that comes into force (the entry sets V8's memory flags by it). */
  onGlossary?: (concepts: number) => void;
}

/** A connection made with the server's message strategy (the LSP lifecycle of this connection, lifecycle.ts). */
export type Connect = (options: { messageStrategy: MessageStrategy }) => Connection;

export interface LingoServer {
  readonly connection: Connection;
  /** Ends this server alone: its timers, a glossary build under way, its connection. */
  dispose(): void;
}

/**
 * Starts a language server on the connection `connect` makes (given the lifecycle's message strategy, which
 * createConnection takes), and listens on it.
 */
export function startServer(connect: Connect, options: StartOptions): LingoServer {
  const lifecycle = createLifecycle();
  const connection = connect({ messageStrategy: lifecycle.messageStrategy });
  lifecycle.install(connection);
  const { baseDir } = options;

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

  let folders: string[] = [];
  let clientCapabilities: InitializeParams['capabilities'] = {};
  let service: LanguageService;

  // ---- the glossary: built-in, with each workspace folder's team glossary merged over it (glossaryHost.ts) --------
  const host = new GlossaryHost({
    baseDir,
    console: connection.console,
    sendDiagnostics: (p) => connection.sendDiagnostics(p),
    documentText: (uri) => documents.get(uri)?.getText(),
    folders: () => folders,
    uiLang: () => settings.uiLang(),
    showMessage: (type, message) => void connection.sendNotification(ShowMessageNotification.type, { type: type === 'error' ? MessageType.Error : MessageType.Warning, message }),
    progress: (title) => (clientCapabilities.window?.workDoneProgress ? workDoneProgress(connection, title) : undefined),
    watch: termbaseWatcher(connection, () => clientCapabilities),
  });
  const settings = serverSettings(connection, { folders: () => folders, glossary: host });
  const { settingsFor } = settings;
  host.onDidChange((glossary) => {
    options.onGlossary?.(glossary.concepts.length);
    service.setGlossary(glossary);
    files.clear();
    diagnostics.recheckAll();
    connection.languages.inlayHint.refresh().catch(() => undefined);
    void connection.sendNotification('lingo/glossaryChanged', {});
  });
  const reloadGlossary = () => host.reload();
  /** "Add to team glossary" (teamGlossaryEdit.ts): only in a trusted workspace; a file written on disk reloads the glossary. */
  const teamEdit = { trusted: () => host.trusted, written: reloadGlossary };

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
    checked(s) {
      if (s.consistencyScope !== 'document' || consistency.published) consistency.schedule();
    },
  });

  const ctx: ServerContext = {
    connection, documents,
    service: () => service,
    settingsFor,
    workspaceSettings: settings.workspaceSettings,
    folders: () => folders,
    isGlossaryFile,
    uiLang: settings.uiLang,
    clamp,
    prepared: diagnostics.prepared,
    diagnostics,
  };
  /** The workspace's Markdown and text files, scanned when needed and kept per file until they change. */
  const files = workspaceFiles(ctx);
  const consistency = consistencyAcrossFiles(ctx, files);
  const concepts = conceptFeatures(ctx, files, host.team, () => clientCapabilities);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities;
    if (params.initializationOptions?.workspaceTrusted === false) host.trusted = false;
    folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .filter((f) => f.uri.startsWith('file:'))
      .map((f) => fileURLToPath(f.uri));
    settings.initialize(params);
    const glossary = host.compose();
    options.onGlossary?.(glossary.concepts.length);
    service = getLanguageService(glossary, { rulesDocument: rulesDocument(baseDir) });
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
    const dropped = lifecycle.takeDropped();
    if (dropped.length) connection.console.warn(`Lingo: dropped ${dropped.length} notification(s) sent before initialize, as the protocol says: ${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', …' : ''}`);
    files.watch(clientCapabilities);
    host.startWatching();
    settings.initialized();
  });

  // Team glossary files and termbases: changes on disk (watched by the client), saves, and trust granted later.
  connection.onDidChangeWatchedFiles((p) => {
    if (p.changes.some((c) => host.isWatched(c.uri))) reloadGlossary();
    for (const c of p.changes) files.changed(c.uri, c.type);
    const s = files.settings();
    if (consistency.published || (s && s.consistencyScope !== 'document')) consistency.schedule();
  });
  documents.onDidSave((e) => { if (isGlossaryFile(e.document.uri)) reloadGlossary(); });
  connection.onNotification('lingo/workspaceTrusted', () => host.trust());
  connection.onShutdown(() => { host.dispose(); concepts.dispose(); }); // a build under way ends with its worker; the search's idle timer is cleared

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change);
    files.clear();
    diagnostics.recheckAll();
    connection.languages.inlayHint.refresh().catch(() => undefined);
    // lingo.semanticHighlighting may have changed.
    if (clientCapabilities.workspace?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh().catch(() => undefined);
  });

  documents.onDidClose((e) => {
    files.closed(e.document);
    if (consistency.published) consistency.schedule();
    settings.forget(e.document.uri);
    service.forget(e.document.uri);
  });

  // ---- requests --------------------------------------------------------------------------------------------------

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

  /** The whole glossary in one answer, for clients of earlier versions: the VS Code client asks for pieces (protocol.ts). */
  connection.onRequest(GlossaryRequest, (p: GlossaryParams | undefined): GlossaryResult => {
    const g = service.getGlossary();
    const lang = LANGS.find((l) => l === p?.lang) ?? settings.global().preferredLanguage;
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

  const listening = documents.listen(connection);
  connection.listen();

  let disposed = false;
  return {
    connection,
    dispose() {
      if (disposed) return;
      disposed = true;
      diagnostics.dispose();
      consistency.dispose();
      concepts.dispose();
      host.dispose();
      listening.dispose();
      connection.dispose();
    },
  };
}

/** Positions from a client may lie outside the document; answer for the nearest valid one. */
function clamp(doc: TextDocument, pos: { line: number; character: number }) {
  const line = Math.max(0, Math.min(Number(pos?.line) || 0, doc.lineCount - 1));
  const character = Math.max(0, Number(pos?.character) || 0);
  return doc.positionAt(doc.offsetAt({ line, character }));
}

/** RULES.md as the extension ships it, next to dist/: diagnostics link their rule's section there. */
function rulesDocument(baseDir: string): string | undefined {
  const file = path.join(baseDir, '..', 'RULES.md');
  return fs.existsSync(file) ? pathToFileURL(file).href : undefined;
}
