/**
 * The one walk of folders on disk: the workspace scan of the server (workspaceScan.ts) and the command line's
 * folders and globs (cli.ts) both list files with it, so both leave out the same folders.
 */
import { promises as fsp, type Dirent } from 'fs';
import * as path from 'path';

/** Folders never walked, besides hidden ones (a name that starts with a dot: .git, .vscode, .github …). */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', 'dist', 'out'];
/** The documents Lingo checks: Markdown and plain text. */
export const DOCUMENT_FILE = /\.(md|markdown|txt)$/i;

export interface WalkOptions {
  /** Which files to list, by their path relative to the folder walked ('/'-separated); default: DOCUMENT_FILE. */
  accept?: (relative: string) => boolean;
  /** At most this many files are listed (the walk stops there). */
  maxFiles?: number;
  /** Called after each folder is read: a caller may pause there, or stop the walk by throwing. */
  afterFolder?: () => void | Promise<void>;
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The files below `root` that `accept` takes, depth first, each folder's entries in name order (folders where they
 * fall among the files), as paths joined to `root`. Hidden files and folders and SKIPPED_FOLDERS are left out (not
 * `root` itself, which the caller chose), as are links (a link is not followed) and folders that cannot be read.
 */
export async function walkFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const accept = options.accept ?? ((rel: string) => DOCUMENT_FILE.test(rel));
  const max = options.maxFiles ?? Infinity;
  const out: string[] = [];
  const visit = async (dir: string, rel: string): Promise<void> => {
    let entries: Dirent[];
    try { entries = await fsp.readdir(dir, { withFileTypes: true }); } catch { return; }
    await options.afterFolder?.();
    for (const e of entries.sort(byName)) {
      if (out.length >= max) return;
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) { if (!SKIPPED_FOLDERS.includes(e.name)) await visit(path.join(dir, e.name), r); }
      else if (e.isFile() && accept(r)) out.push(path.join(dir, e.name));
    }
  };
  await visit(root, '');
  return out;
}
