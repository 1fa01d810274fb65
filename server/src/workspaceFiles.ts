/**
 * The workspace's Markdown and text files for the server: one asynchronous scan (node/workspaceScan.ts) whose
 * per-file summaries serve both consistency across files and the concept features, each file read once for both.
 * Kept fresh by the client's file events (a watcher registered when the client can) and the document events;
 * shows progress when a scan takes long and the client can show it.
 */
import { DidChangeWatchedFilesNotification, type ClientCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from './context';
import { maxDocumentBytes } from './node/files';
import { WorkspaceScan, type ScanProgress, type Snapshot } from './node/workspaceScan';
import { messages, type ConceptIndex, type FileNames, type Settings } from './service';

/** What is kept of each file of the workspace. */
export interface FileSummary {
  /** For consistency across files (crossFile.ts). */
  names: FileNames | undefined;
  /** For the concept features: the concepts the file uses, and where (references.ts). */
  index: ConceptIndex | undefined;
}

/**
 * A scan that takes longer than this shows progress (LINGO_PROGRESS_AFTER_MS: for tests, which make it show on a
 * small workspace).
 */
const PROGRESS_AFTER_MS = (() => {
  const ms = Number(process.env.LINGO_PROGRESS_AFTER_MS ?? 500);
  return Number.isFinite(ms) && ms >= 0 ? ms : 500;
})();

export const WATCHED_FILES = '**/*.{md,markdown,txt}';

export interface WorkspaceFiles {
  /** Every file of the workspace with its summary, up to date (waits for the scan). */
  snapshot(): Promise<Snapshot<FileSummary>>;
  /** The settings the last scan summed the files up with. */
  settings(): Settings | undefined;
  /** The glossary or the settings changed: every summary is made again. */
  clear(): void;
  /** After `initialized`: watch the files when the client can register a watcher. */
  watch(capabilities: ClientCapabilities): void;
  changed(uri: string, type: number): void;
  closed(doc: TextDocument): void;
}

export function workspaceFiles(ctx: ServerContext): WorkspaceFiles {
  let settings: Settings | undefined;
  let progressSupported = false;
  const scan = new WorkspaceScan<FileSummary>({
    folders: ctx.folders,
    openDocuments: () => ctx.documents.all().filter((d) => !ctx.isGlossaryFile(d.uri)),
    async summariser() {
      const s = await ctx.workspaceSettings();
      settings = s;
      // Open documents with their own settings, as their check analysed them (files on disk: the workspace's).
      const open = ctx.documents.all();
      const own = new Map(await Promise.all(open.map(async (d) => [d.uri, await ctx.settingsFor(d.uri)] as const)));
      const service = ctx.service();
      return {
        open(doc) {
          const ds = own.get(doc.uri) ?? s;
          return { names: service.consistencyNames(doc, ds, true), index: service.conceptIndex(doc, ds, true) };
        },
        // Both from one analysis of the file (the service keeps it for this TextDocument object).
        disk: (doc) => ({ names: service.consistencyNames(doc, s, false), index: service.conceptIndex(doc, s, false) }),
        maxBytes: maxDocumentBytes(s.maxFileSizeMB),
      };
    },
    log: (m) => ctx.connection.console.info(m),
    progressAfterMs: PROGRESS_AFTER_MS,
    progress: () => (progressSupported ? showProgress(ctx) : { report() {}, done() {} }),
  });
  return {
    snapshot: () => scan.snapshot(),
    settings: () => settings,
    clear: () => scan.clear(),
    watch(capabilities) {
      progressSupported = !!capabilities.window?.workDoneProgress;
      if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
      ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES }] })
        .then(() => { scan.watching = true; }, (e) => ctx.connection.console.warn(`Lingo: the workspace's files cannot be watched; each scan reads the folders again: ${(e as Error).message}`));
    },
    changed: (uri, type) => scan.changed(uri, type),
    closed: (doc) => scan.closed(doc.uri),
  };
}

/**
 * Progress of a scan in the editor (window/workDoneProgress/create, then $/progress begin, report, end): begun
 * once the creation is answered; reports in between are sent at most every 100 ms.
 */
function showProgress(ctx: ServerContext): ScanProgress {
  let reporter: { report(percentage: number, message?: string): void; done(): void } | undefined;
  let ended = false;
  let last = { done: 0, total: 0 };
  let sent = 0;
  let pending = false;
  const send = () => {
    if (!reporter || !last.total) return;
    sent = Date.now();
    pending = false;
    reporter.report(Math.floor((100 * last.done) / last.total), `${last.done}/${last.total}`);
  };
  ctx.connection.window.createWorkDoneProgress().then((r) => {
    if (ended) return; // over before the editor answered: nothing to show
    reporter = r;
    r.begin(messages(ctx.uiLang()).readingWorkspace, 0, undefined, false);
    send();
  }, () => undefined);
  return {
    report(done, total) {
      last = { done, total };
      pending = true;
      if (Date.now() - sent >= 100) send();
    },
    done() {
      ended = true;
      if (pending) send(); // the last figure (all files) before the end
      reporter?.done();
    },
  };
}
