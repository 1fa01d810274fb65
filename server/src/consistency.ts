/**
 * Consistency across the files of a folder or the workspace (lingo.consistencyScope): from the summaries the
 * workspace scan keeps per file (see workspaceFiles.ts), the findings of crossFile.ts, published for open
 * documents with all their findings and for files on disk only when they change.
 */
import { fileURLToPath } from 'url';
import type { ServerContext } from './context';
import { crossFileFindings, type FileNames } from './service';
import type { WorkspaceFiles } from './workspaceFiles';

export interface Consistency {
  /** Runs soon (debounced): after a check, a file event, a closed document. */
  schedule(): void;
  /** Whether findings across files are published (they must be withdrawn when the scope goes back to documents). */
  readonly published: boolean;
  /** Cancels a pending run (the server is disposed). */
  dispose(): void;
}

export function consistencyAcrossFiles(ctx: ServerContext, files: WorkspaceFiles): Consistency {
  const crossPublished = new Set<string>(); // URIs with cross-file findings published
  /** What was last published for a file on disk (not open): sent again only when it changes. */
  const diskPublished = new Map<string, string>();
  /**
   * What was last set for an open document (its version and findings across files): it is published again only
   * when that changed. Each open of a file is a new document object, which starts afresh. (A client that pulls
   * diagnostics is asked to pull again, and each pull schedules this check: republishing unchanged findings would
   * never end.)
   */
  const openPublished = new WeakMap<object, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  async function run(): Promise<void> {
    const t0 = Date.now();
    const settings = await ctx.workspaceSettings();
    const scope = settings.consistencyScope;
    const snap = scope === 'document' ? undefined : await files.snapshot();
    const list = snap?.files ?? [];
    const summaries: FileNames[] = [];
    for (const f of list) if (f.value?.names) summaries.push(f.value.names);
    const folders = ctx.folders();
    const rootOf = (uri: string) => {
      const p = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
      return folders.filter((f) => p.startsWith(f)).sort((a, b) => b.length - a.length)[0] ?? '';
    };
    const found = crossFileFindings(summaries, scope === 'folder' ? (uri) => uri.slice(0, uri.lastIndexOf('/')) : rootOf);
    const touched = new Set([...crossPublished, ...found.keys()]);
    crossPublished.clear();
    const service = ctx.service();
    for (const uri of touched) {
      const findings = found.get(uri) ?? [];
      if (findings.length) crossPublished.add(uri);
      const open = ctx.documents.get(uri);
      if (open) {
        service.setCrossFileFindings(uri, open.version, findings);
        // Open documents get all their findings, when these changed.
        const sig = `${open.version}|${JSON.stringify(findings.map((f) => [f.rule, f.start, f.end, f.message, f.relatedLocation]))}`;
        if (openPublished.get(open) !== sig) {
          openPublished.set(open, sig);
          await ctx.diagnostics.republish(uri);
        }
        diskPublished.delete(uri);
      } else {
        // Files on disk only what the workspace check adds, and only when that changed.
        service.setCrossFileFindings(uri, 0, []);
        const diagnostics = service.diagnosticsOf(findings, await ctx.settingsFor(uri));
        const sig = JSON.stringify(diagnostics);
        if (diskPublished.get(uri) === sig) continue;
        if (diagnostics.length) diskPublished.set(uri, sig); else diskPublished.delete(uri);
        ctx.diagnostics.pushFile(uri, diagnostics);
      }
    }
    if (snap && list.length) ctx.connection.console.log(`Lingo: consistency across ${list.length} files (${snap.made} read or analysed) in ${Date.now() - t0} ms`);
  }

  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => { run().catch((e) => { if (!disposed) ctx.connection.console.error(`Lingo: consistency across files failed: ${(e as Error).message}`); }); }, 300);
    },
    get published() { return crossPublished.size > 0; },
    // A run under way when the server is disposed ends quietly (the connection is gone).
    dispose() { disposed = true; clearTimeout(timer); },
  };
}
