/**
 * Test helpers: the built-in glossary loaded from glossary/ (built once), documents written with
 * the cursor marked by `|`, the service's answers reduced to plain data that reads well in a
 * table of cases, and temporary folders that the run removes (`tempDir`, tempDirs.ts).
 */
import * as assert from 'assert';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGlossary, getLanguageService, resolveSettings, SEMANTIC_TOKENS_LEGEND, type Glossary, type Lang, type LanguageService, type Settings } from '../server/src/service';
import { readGlossaryFolder } from '../server/src/node/glossaryFiles';
import { attachHanLexicon, lexiconFile } from '../server/src/node/hanLexicon';
// Temporary folders: tempDir(), and in a mocha run the check that the run leaves none behind (tempDirs.ts).
export { tempDir } from './tempDirs';

export const ROOT = path.resolve(__dirname, '..', '..');

let cached: { glossary: Glossary; service: LanguageService } | undefined;
export function builtin(): { glossary: Glossary; service: LanguageService } {
  if (!cached) {
    const { sources, domains } = readGlossaryFolder(path.join(ROOT, 'glossary'));
    const { glossary } = buildGlossary(sources, { domains });
    attachHanLexicon(glossary, lexiconFile(path.join(ROOT, 'dist')));
    cached = { glossary, service: getLanguageService(glossary) };
  }
  return cached;
}

let n = 0;
/** A document from text where `|` marks the cursor (written `||` for a literal bar). */
export function docAt(marked: string, languageId = 'markdown'): { doc: TextDocument; offset: number } {
  const offset = marked.indexOf('|');
  const text = offset < 0 ? marked : marked.slice(0, offset) + marked.slice(offset + 1);
  return { doc: TextDocument.create(`file:///test/doc${++n}.md`, languageId, 1, text), offset: Math.max(0, offset) };
}

export const settings = (s: Record<string, unknown> = {}): Settings => resolveSettings(s);

/** Markdown of the hover at `|`, or undefined. */
export function hover(marked: string, s: Record<string, unknown> = {}): string | undefined {
  const { doc, offset } = docAt(marked);
  const h = builtin().service.doHover(doc, doc.positionAt(offset), settings(s));
  return h ? (h.contents as { value: string }).value : undefined;
}

export interface Diag { rule: string; text: string; message: string; related?: string[] }
export function diagnostics(text: string, s: Record<string, unknown> = {}, languageId = 'markdown'): Diag[] {
  const doc = TextDocument.create(`file:///test/diag${++n}.md`, languageId, 1, text);
  return builtin().service.doValidation(doc, settings(s)).map((d) => ({
    rule: String(d.code),
    text: text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)),
    message: typeof d.message === 'string' ? d.message : d.message.value,
    related: d.relatedInformation?.map((r) => text.slice(doc.offsetAt(r.location.range.start), doc.offsetAt(r.location.range.end))),
  }));
}

/** [matched text, concept id] of every term found. */
export function found(text: string, s: Record<string, unknown> = {}, languageId = 'markdown'): [string, string][] {
  const doc = TextDocument.create(`file:///test/found${++n}.md`, languageId, 1, text);
  const a = builtin().service.analyze(doc, settings(s));
  return (a?.occurrences ?? []).map((o) => [text.slice(o.start, o.end), o.term.concept.id]);
}

/** [matched text, every concept it can name] of every term found. */
export function foundAll(text: string, s: Record<string, unknown> = {}): [string, string[]][] {
  const doc = TextDocument.create(`file:///test/found${++n}.md`, 'markdown', 1, text);
  const a = builtin().service.analyze(doc, settings(s));
  return (a?.occurrences ?? []).map((o) => [text.slice(o.start, o.end), [...new Set(o.terms.map((t) => t.concept.id))]]);
}

export function detected(text: string): string | undefined {
  const doc = TextDocument.create(`file:///test/lang${++n}.md`, 'markdown', 1, text);
  return builtin().service.analyze(doc, settings())?.lang;
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(doc: TextDocument, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  return TextDocument.applyEdits(doc, edits);
}

/** Code actions offered at `|` (titles), and the text after applying the one titled `apply`. */
export function quickFixes(marked: string, apply?: string, s: Record<string, unknown> = {}): { titles: string[]; result?: string } {
  const { doc, offset } = docAt(marked);
  const pos = doc.positionAt(offset);
  const actions = builtin().service.doCodeActions(doc, { start: pos, end: pos }, settings(s));
  const titles = actions.map((a) => a.title);
  const chosen = apply ? actions.find((a) => a.title === apply) : undefined;
  const result = chosen ? applyEdits(doc, chosen.edit!.changes![doc.uri]) : undefined;
  return { titles, result };
}

export function completions(marked: string, s: Record<string, unknown> = {}) {
  const { doc, offset } = docAt(marked);
  return builtin().service.doComplete(doc, doc.positionAt(offset), settings(s)).items;
}

export function inlayHints(text: string, s: Record<string, unknown> = {}): { after: string; label: string }[] {
  const doc = TextDocument.create(`file:///test/hint${++n}.md`, 'markdown', 1, text);
  const end = doc.positionAt(text.length);
  return builtin().service.getInlayHints(doc, { start: { line: 0, character: 0 }, end }, settings(s)).map((h) => ({
    after: text.slice(Math.max(0, doc.offsetAt(h.position) - 12), doc.offsetAt(h.position)),
    label: String(h.label),
  }));
}

// ---- concepts (issue 18) ------------------------------------------------------------------------------------

/** The text of each range of a document. */
const textsOf = (doc: TextDocument, ranges: { start: { line: number; character: number }; end: { line: number; character: number } }[]) =>
  ranges.map((r) => doc.getText(r));

/** Texts of the document highlights at `|`. */
export function highlights(marked: string, s: Record<string, unknown> = {}, service = builtin().service): string[] {
  const { doc, offset } = docAt(marked);
  return textsOf(doc, service.findDocumentHighlights(doc, doc.positionAt(offset), settings(s)).map((h) => h.range));
}

/** Texts of the references at `|` within the document. */
export function references(marked: string, s: Record<string, unknown> = {}): string[] {
  const { doc, offset } = docAt(marked);
  const locations = builtin().service.references(doc, doc.positionAt(offset), settings(s));
  assert.ok(locations.every((l) => l.uri === doc.uri));
  return textsOf(doc, locations.map((l) => l.range));
}

/** What prepareRename at `|` answers: the text of its range and the placeholder, or the refusal. */
export function prepareRename(marked: string, s: Record<string, unknown> = {}): { text: string; placeholder: string } | { error: string } {
  const { doc, offset } = docAt(marked);
  const r = builtin().service.prepareRename(doc, doc.positionAt(offset), settings(s));
  return 'error' in r ? r : { text: doc.getText(r.range), placeholder: r.placeholder };
}

/**
 * Files of a workspace by name (one of them marks the cursor with `|`): their documents (URI file:///ws/<name>)
 * and concept indexes, and the document with the cursor.
 */
export function workspace(files: Record<string, string>, s: Record<string, unknown> = {}, service = builtin().service) {
  const docs = new Map<string, TextDocument>();
  let cursor: { doc: TextDocument; offset: number } | undefined;
  for (const [name, marked] of Object.entries(files)) {
    const offset = marked.indexOf('|');
    const text = offset < 0 ? marked : marked.slice(0, offset) + marked.slice(offset + 1);
    const doc = TextDocument.create(`file:///ws/${name}`, 'markdown', 1, text);
    docs.set(name, doc);
    if (offset >= 0) cursor = { doc, offset };
  }
  const st = settings(s);
  // The file with the cursor is open (kept), the others as if read from disk.
  const indexes = [...docs.values()].map((d) => service.conceptIndex(d, st, d === cursor?.doc)!);
  const nameOf = (uri: string) => uri.slice('file:///ws/'.length);
  return { docs, cursor, indexes, settings: st, nameOf };
}

/** Renames the concept at `|` to `newName` over the files: each file's text after the edit, or the refusal. */
export function rename(files: Record<string, string>, newName: string, s: Record<string, unknown> = {}): Record<string, string> | { error: string } {
  const service = builtin().service;
  const ws = workspace(files, s);
  const { doc, offset } = ws.cursor!;
  const at = service.conceptAt(doc, doc.positionAt(offset), ws.settings);
  assert.ok(at, 'the cursor is on no term');
  const lang = service.analyze(doc, ws.settings)!.lang;
  const r = service.renameEdits({ concept: at.concept, newName, lang, at: { uri: doc.uri, range: at.range } }, ws.indexes);
  if ('error' in r) return r;
  const out: Record<string, string> = {};
  for (const [name, d] of ws.docs) out[name] = r.changes[d.uri] ? applyEdits(d, r.changes[d.uri]) : d.getText();
  return out;
}

/** A decoded semantic token: the text it covers, its line and character, and its modifiers by name. */
export type Token = [text: string, line: number, character: number, modifiers: string];

/** Semantic tokens of a text, decoded from LSP's relative five-integer form (all, or those meeting `range`, line numbers). */
export function semanticTokens(text: string, s: Record<string, unknown> = {}, lines?: [number, number]): Token[] {
  const doc = TextDocument.create(`file:///test/tokens${++n}.md`, 'markdown', 1, text);
  const service = builtin().service;
  const range = lines && { start: { line: lines[0], character: 0 }, end: { line: lines[1], character: 0 } };
  const { data } = service.semanticTokens(doc, settings(s), range);
  assert.strictEqual(data.length % 5, 0);
  const out: Token[] = [];
  let line = 0, character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, mods] = data.slice(i, i + 5);
    line += dl;
    character = dl ? dc : character + dc;
    assert.strictEqual(SEMANTIC_TOKENS_LEGEND.tokenTypes[type], 'lingoTerm');
    const start = doc.offsetAt({ line, character });
    assert.strictEqual(doc.positionAt(start + length).line, line, 'a token crosses a line');
    const names = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, b) => mods & (1 << b));
    out.push([text.slice(start, start + length), line, character, names.join(' ')]);
  }
  return out;
}

/** Workspace symbols for a query over files by name: [name, file, text at its location, container]. */
export function workspaceSymbols(query: string, lang: Lang, files: Record<string, string>, limit?: number): [string, string, string, string][] {
  const service = builtin().service;
  const ws = workspace(files);
  return service.workspaceSymbols(query, lang, ws.indexes, limit).map((x) => {
    const name = ws.nameOf(x.location.uri);
    return [x.name, name, ws.docs.get(name)!.getText(x.location.range), x.containerName ?? ''];
  });
}
