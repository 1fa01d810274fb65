/**
 * Diagnostics of open documents: when a document is checked and how its problems reach the client. A check is
 * debounced per document (the newest version wins; an open is checked at once), a large document is analysed in
 * slices shared with the requests that need its analysis, and the result is published
 * (textDocument/publishDiagnostics). Team glossary files are not documents to check: their problems are shown by
 * the glossary's own check (`checkGlossaryFile`).
 */
import {
  MessageType, ShowMessageNotification, type Connection, type Diagnostic, type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentInfoMethod, type DocumentInfo } from './protocol';
import type { LanguageService, Settings } from './service';

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
  /**
   * Resolves once the document's analysis (for these settings) is made — a large document's in slices, answering
   * other requests in between, shared by a check and the requests on the same version — with false when a newer
   * version came meanwhile.
   */
  prepared(doc: TextDocument, settings: Settings): Promise<boolean>;
  /**
   * Checks every open document again (the glossary or the settings changed).
   */
  recheckAll(): void;
  /**
   * A document's diagnostics changed without a new version (findings across files): published again.
   */
  republish(uri: string): Promise<void>;
  /** Diagnostics of a file that is not open (findings across files). */
  pushFile(uri: string, diagnostics: Diagnostic[]): void;
}

export function createDiagnostics(host: DiagnosticsHost): Diagnostics {
  const { connection, documents } = host;
  /** A pending check per document: a timer, or (with no delay) an immediate. */
  const timers = new Map<string, { cancel(): void }>();
  /** Documents whose "too large or binary" notice was shown (once, until they can be checked again). */
  const notified = new Set<string>();

  function schedule(doc: TextDocument, delay: number): void {
    timers.get(doc.uri)?.cancel();
    const run = () => {
      timers.delete(doc.uri);
      // A failure here would be an unhandled rejection, which ends the process: log it instead.
      validate(doc.uri).catch((e) => connection.console.error(`Lingo: checking ${doc.uri} failed: ${e instanceof Error ? e.stack : String(e)}`));
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

  // ---- documents ------------------------------------------------------------------------------------------

  /** The document being opened: TextDocuments fires onDidChangeContent right after onDidOpen, which must not debounce it. */
  let opening: TextDocument | undefined;
  documents.onDidOpen((e) => {
    opening = e.document;
    const uri = e.document.uri;
    if (!host.isGlossaryFile(uri)) schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    const opened = e.document === opening;
    opening = undefined;
    if (host.isGlossaryFile(e.document.uri)) {
      // Show problems while typing (once typing pauses, as for documents); the glossary itself changes on save.
      scheduleGlossaryCheck(e.document, opened ? 0 : DEBOUNCE_MS);
    } else if (!opened) schedule(e.document, DEBOUNCE_MS); // an open is already scheduled at once
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
    connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  return {
    prepared,
    recheckAll() {
      for (const d of documents.all()) if (!host.isGlossaryFile(d.uri)) schedule(d, 0);
    },
    async republish(uri) {
      const doc = documents.get(uri);
      if (!doc) return;
      connection.sendDiagnostics({ uri, version: doc.version, diagnostics: host.service().doValidation(doc, await host.settingsFor(uri)) });
    },
    pushFile(uri, diagnostics) {
      connection.sendDiagnostics({ uri, diagnostics });
    },
  };
}

/** The last path segment of a URI, decoded when it can be (a malformed %-escape must not throw). */
function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try { return decodeURIComponent(last); } catch { return last; }
}
