/**
 * "Add to team glossary": the code action offered on a selected word or phrase, and its command, which writes the
 * selection as a new concept into the team glossary of the document's folder (creating lingo.glossary.json if
 * there is none). An open glossary file is changed through the editor (workspace/applyEdit); one on disk through a
 * temporary file created exclusively next to it (files.ts replaceFile/createFile).
 */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { CodeAction } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { foldKey, isLang, messages, newTeamConcept, type Lang } from './service';
import { addConceptToFileText, findWorkspaceGlossary, MAX_GLOSSARY_BYTES, WORKSPACE_GLOSSARY_NAMES } from './node/workspaceGlossary';
import { createFile, FileRefused, readLimited, readLimitedIfExists, replaceFile, writableText } from './node/files';
import type { ServerContext } from './context';

export const ADD_TO_TEAM_GLOSSARY = 'lingo.addToTeamGlossary';

export interface TeamGlossaryEditOptions {
  /** Team glossaries may be written: false in a workspace VS Code does not trust yet. */
  trusted(): boolean;
  /** The glossary on disk changed (a file written, not an open one): reload it. */
  written(): void;
}

/** The "Add to team glossary" code action for a selection, when one is offered (a short phrase on one line). */
export function addToTeamGlossaryAction(ctx: ServerContext, o: TeamGlossaryEditOptions, doc: TextDocument, selected: string, lang: () => Lang): CodeAction | undefined {
  const text = selected.trim();
  if (!text || text.length > 100 || text.includes('\n') || !ctx.folders().length || !o.trusted()) return undefined;
  const l = lang();
  const m = messages(l);
  return {
    title: `${m.addToTeamGlossary}: ${m.quote(text)}`,
    kind: 'refactor.rewrite',
    command: { title: m.addToTeamGlossary, command: ADD_TO_TEAM_GLOSSARY, arguments: [{ uri: doc.uri, text, lang: l }] },
  };
}

/** The command: writes the selection into the team glossary of the document's folder. Answers `{ file }`, or null when nothing was written. */
export async function addToTeamGlossary(ctx: ServerContext, o: TeamGlossaryEditOptions, argument: unknown): Promise<{ file: string } | null> {
  const { connection, documents } = ctx;
  const arg = (argument ?? {}) as { uri?: string; text?: string; lang?: string };
  if (typeof arg.text !== 'string' || !arg.text.trim() || typeof arg.uri !== 'string' || !isLang(arg.lang)) return null;
  const folders = ctx.folders();
  const docPath = arg.uri.startsWith('file:') ? fileURLToPath(arg.uri) : '';
  const folder = folders.filter((f) => docPath.startsWith(f)).sort((a, b) => b.length - a.length)[0] ?? folders[0];
  if (!folder || !o.trusted()) return null;
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
  const g = ctx.service().getGlossary();
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
    o.written();
  }
  return { file };
}
