/**
 * The language server: wires the language service to LSP. It owns documents, settings, the
 * glossary on disk, scheduling and cancellation; every answer comes from the service.
 * Runs inside VS Code (started by client/) or alone: `node dist/server.js --stdio`.
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification,
  InitializeParams, InitializeResult, CancellationToken, LSPErrorCodes, ResponseError, ShowMessageNotification, MessageType,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGlossary, getLanguageService, resolveSettings, Settings, formatIssue, LANGS, messages, Glossary } from './service';
import { loadBuiltinGlossary } from './node/glossaryFiles';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

function loadGlossary(): Glossary {
  const t0 = Date.now();
  const compiled = loadBuiltinGlossary(__dirname);
  const { glossary, issues } = buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true });
  for (const i of issues.filter((x) => x.severity === 'error')) connection.console.error(formatIssue(i));
  connection.console.info(`Lingo: ${glossary.concepts.length} concepts, ${glossary.terms.length} terms loaded in ${Date.now() - t0} ms`);
  return glossary;
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

connection.onInitialize((params: InitializeParams): InitializeResult => {
  hasConfiguration = !!params.capabilities.workspace?.configuration;
  if (params.initializationOptions?.settings) globalSettings = resolveSettings(params.initializationOptions.settings);
  service = getLanguageService(loadGlossary());
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      inlayHintProvider: true,
      executeCommandProvider: undefined,
    },
    serverInfo: { name: 'lingo-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (hasConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'lingo' }).catch(() => undefined);
});

connection.onDidChangeConfiguration((change) => {
  docSettings.clear();
  if (!hasConfiguration) globalSettings = resolveSettings(change.settings?.lingo ?? change.settings);
  for (const d of documents.all()) schedule(d, 0);
  connection.languages.inlayHint.refresh().catch(() => undefined);
});

// ---- diagnostics: debounced per document, newest version wins ----------------------------

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const notified = new Set<string>();

function schedule(doc: TextDocument, delay: number): void {
  clearTimeout(timers.get(doc.uri));
  timers.set(doc.uri, setTimeout(() => { timers.delete(doc.uri); void validate(doc.uri); }, delay));
}

async function validate(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const settings = await settingsFor(uri);
  if (documents.get(uri)?.version !== doc.version) return; // a newer change will validate
  const skipped = service.skipped(doc, settings);
  if (skipped) {
    if (!notified.has(uri)) {
      notified.add(uri);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${decodeURIComponent(uri.split('/').pop() ?? uri)}: ${skipped.message}` });
    }
    connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
  } else {
    notified.delete(uri);
    connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.doValidation(doc, settings) });
  }
  void connection.sendNotification('lingo/documentInfo', { uri, ...service.documentInfo(doc, settings) });
}

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document, 150));
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  docSettings.delete(e.document.uri);
  service.forget(e.document.uri);
  connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
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
connection.onCodeAction((p, token) => withDoc(p.textDocument.uri, token, [], (doc, s) => service.doCodeActions(doc, { start: clamp(doc, p.range.start), end: clamp(doc, p.range.end) }, s, p.context.only)));
connection.languages.inlayHint.on((p, token) => withDoc(p.textDocument.uri, token, [], (doc, s) => service.getInlayHints(doc, { start: clamp(doc, p.range.start), end: clamp(doc, p.range.end) }, s)));

/** Positions from a client may lie outside the document; answer for the nearest valid one. */
function clamp(doc: TextDocument, pos: { line: number; character: number }) {
  const line = Math.max(0, Math.min(Number(pos?.line) || 0, doc.lineCount - 1));
  const character = Math.max(0, Number(pos?.character) || 0);
  return doc.positionAt(doc.offsetAt({ line, character }));
}

/** Every term of every language, for the editor's "Search glossary" and "Insert definition…". */
connection.onRequest('lingo/glossary', (p: { lang?: string } | undefined) => {
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

connection.onRequest('lingo/documentInfo', async (p: { uri: string }) => {
  const doc = documents.get(p.uri);
  if (!doc) return null;
  return service.documentInfo(doc, await settingsFor(p.uri));
});

documents.listen(connection);
connection.listen();
