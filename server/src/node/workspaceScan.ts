/**
 * The Markdown and text files of the workspace folders, and what was made from each of them, kept until the file
 * changes. Walked with fs.promises, pausing between files so that the server keeps answering; a newer scan
 * supersedes an older one (the older one stops at its next pause and its callers get the newer one's answer).
 *
 * What is kept per file (`T`) is made by the caller from a TextDocument: an open document as the editor has it, or
 * a file on disk read within limits (readLimited: a regular file, inside its folder, up to a size). Each is kept
 * with what it was made from — the version of an open document, the modification time and size of a file on disk
 * — and made again only when that changes. When the client watches the files (`watching`), the folders are walked
 * once and then kept up to date by its events (`changed`); otherwise each scan walks them again and compares each
 * file's time and size.
 *
 * No LSP here: the server gives the open documents, the summariser, the log and the progress display.
 */
import { promises as fsp, type Stats } from 'fs';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeText, FileRefused, readLimited } from './files';
import { DOCUMENT_FILE, walkFiles } from './walk';

/** At most this many files of the workspace are looked at. */
export const MAX_FILES = 2000;
/** Files stated at once. */
const STAT_BATCH = 64;

/** How a scan makes what is kept of each file (asked for once per scan: settings may have changed). */
export interface Summariser<T> {
  /** An open document, as the editor has it. */
  open(doc: TextDocument): T | undefined;
  /** A file read from disk (not kept by the caller: a text of thousands). */
  disk(doc: TextDocument): T | undefined;
  /** Files on disk larger than this many bytes are not read (their summary is undefined). */
  maxBytes: number;
}

/** A progress display: shown when a scan takes long (see ScanHooks.progress). */
export interface ScanProgress {
  report(done: number, total: number): void;
  done(): void;
}

export interface ScanHooks<T> {
  folders(): string[];
  /** The open documents the scan includes, as the editor has them (team glossary files left out). */
  openDocuments(): TextDocument[];
  summariser(): Promise<Summariser<T>>;
  log(message: string): void;
  /** Starts a progress display (called once a scan has taken `progressAfterMs`). */
  progress?(): ScanProgress;
  progressAfterMs?: number;
}

/** One file of the workspace and what is kept of it. */
export interface ScannedFile<T> {
  uri: string;
  /** The open document, when the file is open. */
  open?: TextDocument;
  value: T | undefined;
}

export interface Snapshot<T> {
  /** In walk order (folders as given, each folder's entries in name order), then open documents outside the folders. */
  files: ScannedFile<T>[];
  /** How many files were read or open documents summed up afresh for it. */
  made: number;
  ms: number;
}

interface Listed { uri: string; path: string; root: string; stat?: Stats }
interface Kept<T> { stamp: string; value: T | undefined }

/** Thrown inside a superseded scan, which then hands its callers the newer scan's answer. */
class Superseded extends Error {}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceScan<T> {
  /** What is kept per URI, with what it was made from (`v<version>` or `m<mtime>:<size>`). */
  private kept = new Map<string, Kept<T>>();
  /** The files found by the last walk (when `watching`, kept up to date by `changed`). */
  private listed: Listed[] | undefined;
  /** Files on disk to look at again (changed on disk, or closed in the editor). */
  private stale = new Set<string>();
  /** Bumped by `clear` (what is kept no longer holds) and by files appearing or disappearing (walk again). */
  private generation = 0;
  /** Bumped by every change a running scan may have missed. */
  private changes = 0;
  private treeChanged = false;
  private running: { generation: number; changes: number; result: Promise<Snapshot<T>> } | undefined;
  private shown: ScanProgress | undefined;
  /** The client reports changes to the files (workspace/didChangeWatchedFiles): no need to walk every time. */
  watching = false;

  constructor(private readonly hooks: ScanHooks<T>) {}

  /** What is kept no longer holds (the glossary or the settings changed): every file is made again. */
  clear(): void {
    this.kept.clear();
    this.generation++;
    this.changes++;
  }

  /** A file (or folder) changed on disk: 1 created, 2 changed, 3 deleted (LSP FileChangeType). */
  changed(uri: string, type: number): void {
    if (type === 2 && !DOCUMENT_FILE.test(uri)) return;
    if (type === 2) this.stale.add(uri);
    else this.treeChanged = true; // created or deleted: a file, or a folder with files in it
    this.changes++;
  }

  /** A document was closed: its file on disk is what counts again. */
  closed(uri: string): void {
    this.stale.add(uri);
    this.changes++;
  }

  /** The files of the workspace and what is kept of each, brought up to date (shared with a scan under way that saw every change). */
  snapshot(): Promise<Snapshot<T>> {
    const r = this.running;
    if (r && r.generation === this.generation && r.changes === this.changes) return r.result;
    const run = { generation: this.generation, changes: this.changes, result: undefined as unknown as Promise<Snapshot<T>> };
    this.running = run;
    run.result = this.run(run).then(
      (s) => { if (this.running === run) this.finish(); return s; },
      (e) => {
        if (e instanceof Superseded) return this.snapshot();
        if (this.running === run) this.finish();
        throw e;
      },
    );
    return run.result;
  }

  private finish(): void {
    this.running = undefined;
    this.shown?.done();
    this.shown = undefined;
  }

  private async run(run: { generation: number; changes: number }): Promise<Snapshot<T>> {
    const t0 = Date.now();
    let done = 0, total = 0;
    const progressTimer = this.hooks.progress && !this.shown
      ? setTimeout(() => { if (this.running === run && !this.shown) { this.shown = this.hooks.progress!(); this.shown.report(done, total); } }, this.hooks.progressAfterMs ?? 500)
      : undefined;
    // Stop when a newer scan runs, or what is kept was cleared (then a newer scan takes over).
    const check = () => { if (this.running !== run || this.generation !== run.generation) throw new Superseded(); };
    try {
      const summariser = await this.hooks.summariser();
      check();
      // The files: walked again unless the client's events keep the last walk true.
      let listed = this.listed;
      if (!listed || !this.watching || this.treeChanged) {
        // Changes from here on are seen by the next scan; a walk left unfinished is done again.
        this.treeChanged = false;
        this.stale.clear();
        this.listed = undefined;
        listed = await this.walk(check);
        this.listed = listed;
      } else if (this.stale.size) {
        const byUri = new Map(listed.map((f) => [f.uri, f]));
        for (const uri of [...this.stale]) {
          const f = byUri.get(uri);
          if (f) {
            try { f.stat = await fsp.stat(f.path); } catch { f.stat = undefined; }
            check();
          }
          this.stale.delete(uri);
        }
      }
      check();
      const open = new Map(this.hooks.openDocuments().map((d) => [d.uri, d]));
      total = listed.length;
      let made = 0;
      for (const f of listed) {
        done++;
        if (open.has(f.uri) || !f.stat) continue;
        const stamp = `m${f.stat.mtimeMs}:${f.stat.size}`;
        if (this.kept.get(f.uri)?.stamp === stamp) continue;
        const value = f.stat.size <= summariser.maxBytes ? this.read(f, summariser) : undefined;
        check(); // made with this scan's summariser: kept only if what is kept was not cleared meanwhile
        this.kept.set(f.uri, { stamp, value });
        made++;
        this.shown?.report(done, total);
        await pause();
        check();
      }
      this.shown?.report(total, total);
      // Open documents as the editor has them: in walk order where they are on disk, then the others.
      const files: ScannedFile<T>[] = [];
      const present = new Set<string>();
      const add = (uri: string, doc: TextDocument | undefined) => {
        present.add(uri);
        if (!doc) {
          const k = this.kept.get(uri);
          if (k && k.stamp.startsWith('m')) files.push({ uri, value: k.value });
          return;
        }
        const stamp = `v${doc.version}`;
        let k = this.kept.get(uri);
        if (!k || k.stamp !== stamp) {
          k = { stamp, value: summariser.open(doc) };
          this.kept.set(uri, k);
          made++;
        }
        files.push({ uri, open: doc, value: k.value });
      };
      for (const f of listed) if (f.stat || open.has(f.uri)) add(f.uri, open.get(f.uri));
      for (const [uri, doc] of open) if (!present.has(uri)) add(uri, doc);
      for (const uri of this.kept.keys()) if (!present.has(uri)) this.kept.delete(uri); // gone from the workspace
      return { files, made, ms: Date.now() - t0 };
    } finally {
      clearTimeout(progressTimer);
    }
  }

  /** A file on disk, read within limits and summed up; undefined (and logged) when it cannot be read. */
  private read(f: Listed, summariser: Summariser<T>): T | undefined {
    try {
      // Only regular files inside the folder, read within limits (see files.ts).
      const r = readLimited(f.path, { maxBytes: summariser.maxBytes, root: f.root });
      const doc = TextDocument.create(f.uri, /\.txt$/i.test(f.path) ? 'plaintext' : 'markdown', 0, decodeText(r.bytes).text);
      return summariser.disk(doc);
    } catch (e) {
      this.hooks.log(`Lingo: the workspace scan leaves out ${e instanceof FileRefused ? e.message : `${f.path}: ${(e as Error).message}`}`);
      return undefined;
    }
  }

  /**
   * The Markdown and text files of the folders (walk.ts: hidden folders, SKIPPED_FOLDERS and links left out), up
   * to MAX_FILES, depth first in name order; files with their status. Pauses after each folder.
   */
  private async walk(check: () => void): Promise<Listed[]> {
    const out: Listed[] = [];
    for (const root of this.hooks.folders()) {
      if (out.length >= MAX_FILES) break;
      const found = await walkFiles(root, { maxFiles: MAX_FILES - out.length, afterFolder: async () => { check(); await pause(); } });
      const files = found.map((full): Listed => ({ uri: pathToFileURL(full).toString(), path: full, root }));
      for (let i = 0; i < files.length; i += STAT_BATCH) {
        await Promise.all(files.slice(i, i + STAT_BATCH).map(async (f) => { try { f.stat = await fsp.stat(f.path); } catch { /* vanished: left out */ } }));
        check();
      }
      out.push(...files.filter((f) => f.stat));
    }
    return out;
  }
}

