/**
 * Diagnostics of open documents: when a document is checked and how its problems reach the client. A check is
 * debounced per document (the newest version wins; an open is checked at once), a large document is analysed in
 * slices shared with the requests that need its analysis, and the result is published (push,
 * textDocument/publishDiagnostics) or kept for the client to pull (textDocument/diagnostic with a resultId), as
 * the client's capabilities say: never both for the same document. Team glossary files are not documents to
 * check: their problems are shown by the glossary's own check (`checkGlossaryFile`), pushed.
 */
import {
  DocumentDiagnosticReportKind, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification,
  type CancellationToken, type Connection, type Diagnostic, type DiagnosticServerCancellationData, type DocumentDiagnosticReport, type InitializeParams, type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentInfoMethod, type DocumentInfo } from './protocol';
import { sameRange, type Glossary, type LanguageService, type Settings } from './service';

/** Checks wait this long after the last change (LINGO_DEBOUNCE_MS: for benchmarks, which time the check itself). */
export const DEBOUNCE_MS = (() => {
  const ms = Number(process.env.LINGO_DEBOUNCE_MS ?? 150);
  return Number.isFinite(ms) && ms >= 0 ? ms : 150;
})();

export interface DiagnosticsHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service(): LanguageService;
  settingsFor(uri: string): Promise<Settings>;
  isGlossaryFile(uri: string): boolean;
  /** Checks an open team glossary file and shows its problems in it . */
  checkGlossaryFile(doc: TextDocument): void;
  /** After a document was checked with these settings: consistency across files may have to run again. */
  checked(settings: Settings): void;
}

export interface Diagnostics {
  /** Declares pull diagnostics in the server's capabilities when the client can pull (call from onInitialize). */
  initialize(capabilities: InitializeParams['capabilities']): { diagnosticProvider?: { interFileDependencies: boolean; workspaceDiagnostics: boolean } };
  /** Whether the client pulls diagnostics (textDocument/diagnostic) rather than being sent them. */
  readonly pull: boolean;
  /**
   * Resolves once the document's analysis (for these settings) is made — a large document's in slices, answering
   * other requests in between, shared by a check and the requests on the same version — with false when a newer
   * version came meanwhile.
   */
  prepared(doc: TextDocument, settings: Settings): Promise<boolean>;
  /**
   * Checks every open document again (the glossary or the settings changed): pushed anew, or, for a client that
   * pulls, every resultId forgotten and the client asked to pull again (workspace/diagnostic/refresh).
   */
  recheckAll(): void;
  /**
   * A document's diagnostics changed without a new version (findings across files): published again, or pulled
   * again on the client's next request (which it is asked for).
   */
  republish(uri: string): Promise<void>;
  /** Diagnostics of a file that is not open (findings across files): always pushed, the only way for it. */
  pushFile(uri: string, diagnostics: Diagnostic[]): void;
  /** Cancels the pending checks and refresh (the server is disposed). */
  dispose(): void;
}

export function createDiagnostics(host: DiagnosticsHost): Diagnostics {
  const { connection, documents } = host;
  let pull = false;
  let refreshSupport = false;
  /** A pending check per document: a timer, or (with no delay) an immediate. */
  const timers = new Map<string, { cancel(): void }>();
  /** Documents whose "too large or binary" notice was shown (once, until they can be checked again). */
  const notified = new Set<string>();
  /** URIs that have pushed diagnostics in the client (a file on disk, in pull mode: cleared when it opens). */
  const pushed = new Set<string>();
  let disposed = false;

  function schedule(doc: TextDocument, delay: number): void {
    timers.get(doc.uri)?.cancel();
    const run = () => {
      timers.delete(doc.uri);
      // A failure here would be an unhandled rejection, which ends the process: log it instead.
      // (After dispose the connection is gone too: a check that was under way then ends quietly.)
      validate(doc.uri).catch((e) => { if (!disposed) connection.console.error(`Lingo: checking ${doc.uri} failed: ${e instanceof Error ? e.stack : String(e)}`); });
    };
    // setTimeout(…, 0) waits at least a millisecond; an immediate runs as soon as pending messages are read.
    if (delay > 0) { const t = setTimeout(run, delay); timers.set(doc.uri, { cancel: () => clearTimeout(t) }); }
    else { const t = setImmediate(run); timers.set(doc.uri, { cancel: () => clearImmediate(t) }); }
  }

  /** Analyses under way, by URI: a check and a request on the same version share one. */
  const preparing = new Map<string, { version: number; settings: Settings; done: Promise<boolean> }>();
  function prepared(doc: TextDocument, settings: Settings): Promise<boolean> {
    const p = preparing.get(doc.uri);
    if (p && p.version === doc.version && p.settings === settings) return p.done;
    const steps = host.service().prepare(doc, settings);
    // A document analysed in one step (the common case: small, or re-analysed after an edit) needs no waiting.
    const first = steps.next();
    if (first.done) return Promise.resolve(true);
    const done = (async () => {
      for (let r: IteratorResult<void, void> = first; !r.done; r = steps.next()) {
        await new Promise((resolve) => setImmediate(resolve));
        if (documents.get(doc.uri)?.version !== doc.version) return false;
      }
      return true;
    })();
    const entry = { version: doc.version, settings, done };
    preparing.set(doc.uri, entry);
    const forget = () => { if (preparing.get(doc.uri) === entry) preparing.delete(doc.uri); };
    done.then(forget, forget);
    return done;
  }

  /**
   * The document's diagnostics, for this version and settings (a skipped document has none; its notice is shown
   * once), and the document information the status bar shows, sent after them.
   */
  function diagnosticsOf(doc: TextDocument, settings: Settings): Diagnostic[] {
    const service = host.service();
    const skipped = service.skipped(doc, settings);
    let diagnostics: Diagnostic[] = [];
    if (skipped) {
      if (!notified.has(doc.uri)) {
        notified.add(doc.uri);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${fileName(doc.uri)}: ${skipped.message}` });
      }
    } else {
      notified.delete(doc.uri);
      diagnostics = service.doValidation(doc, settings);
    }
    return diagnostics;
  }

  function afterCheck(doc: TextDocument, settings: Settings): void {
    void connection.sendNotification(DocumentInfoMethod, { uri: doc.uri, ...host.service().documentInfo(doc, settings) } satisfies DocumentInfo);
    host.checked(settings);
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const settings = await host.settingsFor(uri);
    if (documents.get(uri)?.version !== doc.version) return; // a newer change will validate
    if (!(await prepared(doc, settings))) return; // a newer change will validate
    connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsOf(doc, settings) });
    afterCheck(doc, settings);
  }

  // ---- pull: textDocument/diagnostic ----------------------------------------------------------------------

  /**
   * What each answered pull was about: the same text (the same string: TextDocument makes a new one per
   * change), settings object (made anew when the settings change), glossary and findings across files give the
   * same diagnostics, answered `unchanged`; and the diagnostics answered: after an edit, the same list (the
   * service keeps the Diagnostic objects of findings the edit did not change or move) is answered `unchanged` too.
   */
  interface Answered { id: string; text: string; settings: Settings; glossary: Glossary; cross: number; items: Diagnostic[] }
  const answered = new Map<string, Answered>();
  /** Findings across files of each document: counted up when they change (see republish). */
  const crossGeneration = new Map<string, number>();
  let nextResultId = 1;

  /**
   * A pull the client cancelled, typically because the document changed or was saved meanwhile. retriggerRequest
   * must be true: vscode-languageclient cancels a pull to ask again once it returns, and `false` makes it drop that
   * second pull, leaving the diagnostics of the older version in the Problems panel.
   */
  const cancelled = () => new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.RequestCancelled, 'cancelled', { retriggerRequest: true });
  /** When each document last changed (not opened): a pull waits for typing to pause, as a pushed check does. */
  const lastChange = new Map<string, number>();
  async function pullDiagnostics(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> {
    for (;;) {
      const doc = documents.get(uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (host.isGlossaryFile(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] }; // its problems are pushed
      // While typing goes on the client cancels this request and asks again (DEBOUNCE_MS: as for pushed checks).
      const wait = (lastChange.get(uri) ?? -Infinity) + DEBOUNCE_MS - performance.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        if (token.isCancellationRequested) return cancelled();
        continue;
      }
      const settings = await host.settingsFor(uri);
      if (token.isCancellationRequested) return cancelled();
      if (documents.get(uri)?.version !== doc.version || !(await prepared(doc, settings))) continue; // a newer version: answer for it
      if (token.isCancellationRequested) return cancelled();
      const glossary = host.service().getGlossary();
      const cross = crossGeneration.get(uri) ?? 0;
      const last = answered.get(uri);
      if (last && last.id === previousResultId && last.text === doc.getText() && last.settings === settings && last.glossary === glossary && last.cross === cross) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.id };
      }
      const items = diagnosticsOf(doc, settings);
      if (last && last.id === previousResultId && sameDiagnostics(last.items, items)) {
        answered.set(uri, { ...last, text: doc.getText(), settings, glossary, cross });
        afterCheck(doc, settings);
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.id };
      }
      const id = String(nextResultId++);
      answered.set(uri, { id, text: doc.getText(), settings, glossary, cross, items });
      afterCheck(doc, settings);
      return { kind: DocumentDiagnosticReportKind.Full, resultId: id, items };
    }
  }

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Asks the client to pull again (soon: several causes at once make one request), when it can be asked. */
  function refresh(): void {
    if (!refreshSupport) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => { connection.languages.diagnostics.refresh().catch(() => undefined); }, 20);
  }

  connection.languages.diagnostics.on((p, token) => pullDiagnostics(p.textDocument.uri, p.previousResultId, token));

  // ---- documents ------------------------------------------------------------------------------------------

  /** The document being opened: TextDocuments fires onDidChangeContent right after onDidOpen, which must not debounce it. */
  let opening: TextDocument | undefined;
  documents.onDidOpen((e) => {
    opening = e.document;
    const uri = e.document.uri;
    if (pull && pushed.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] }); // it is pulled from now on
    if (!host.isGlossaryFile(uri) && !pull) schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    const opened = e.document === opening;
    opening = undefined;
    if (host.isGlossaryFile(e.document.uri)) {
      // Show problems while typing (once typing pauses, as for documents); the glossary itself changes on save.
      scheduleGlossaryCheck(e.document, opened ? 0 : DEBOUNCE_MS);
    } else if (!opened) {
      if (pull) lastChange.set(e.document.uri, performance.now());
      else schedule(e.document, DEBOUNCE_MS); // an open is already scheduled at once
    }
  });
  /** Checks an open team glossary file and shows its problems in it. */
  function scheduleGlossaryCheck(doc: TextDocument, delay: number): void {
    timers.get(doc.uri)?.cancel();
    const t = setTimeout(() => {
      timers.delete(doc.uri);
      const now = documents.get(doc.uri);
      if (now) host.checkGlossaryFile(now);
    }, delay);
    timers.set(doc.uri, { cancel: () => clearTimeout(t) });
  }
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    timers.get(uri)?.cancel();
    timers.delete(uri);
    answered.delete(uri);
    lastChange.delete(uri);
    crossGeneration.delete(uri);
    // A pulled document's diagnostics go with it in the client; pushed ones are withdrawn.
    if (!pull || host.isGlossaryFile(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  return {
    initialize(capabilities) {
      pull = !!capabilities.textDocument?.diagnostic;
      refreshSupport = pull && !!capabilities.workspace?.diagnostics?.refreshSupport;
      // interFileDependencies: findings across files (lingo.consistencyScope) make one file's diagnostics depend on others.
      return pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {};
    },
    get pull() { return pull; },
    prepared,
    recheckAll() {
      if (pull) { answered.clear(); refresh(); return; }
      for (const d of documents.all()) if (!host.isGlossaryFile(d.uri)) schedule(d, 0);
    },
    async republish(uri) {
      const doc = documents.get(uri);
      if (!doc) return;
      if (pull) {
        crossGeneration.set(uri, (crossGeneration.get(uri) ?? 0) + 1);
        refresh();
        return;
      }
      connection.sendDiagnostics({ uri, version: doc.version, diagnostics: host.service().doValidation(doc, await host.settingsFor(uri)) });
    },
    pushFile(uri, diagnostics) {
      if (diagnostics.length) pushed.add(uri); else pushed.delete(uri);
      connection.sendDiagnostics({ uri, diagnostics });
    },
    dispose() {
      disposed = true;
      for (const t of timers.values()) t.cancel();
      timers.clear();
      clearTimeout(refreshTimer);
    },
  };
}

/**
 * Whether two lists of diagnostics are the same: the same objects (the service's diagnostic of a finding lives on
 * while the finding does), or, for those made per check (the notice of how many more problems there are), alike.
 */
function sameDiagnostics(a: Diagnostic[], b: Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x === y) continue;
    if (x.data !== undefined || y.data !== undefined || x.code !== undefined || y.code !== undefined || x.message !== y.message || x.severity !== y.severity
      || !sameRange(x.range, y.range)) return false;
  }
  return true;
}

/** The last path segment of a URI, decoded when it can be (a malformed %-escape must not throw). */
function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try { return decodeURIComponent(last); } catch { return last; }
}
