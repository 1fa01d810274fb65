/**
 * Test helpers: the built-in glossary loaded from glossary/ (built once), documents written with
 * the cursor marked by `|`, and the service's answers reduced to plain data that reads well in a
 * table of cases.
 */
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGlossary, getLanguageService, resolveSettings, type Glossary, type LanguageService, type Settings } from '../server/src/service';
import { readGlossaryFolder } from '../server/src/node/glossaryFiles';
import { attachHanLexicon, lexiconFile } from '../server/src/node/hanLexicon';

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
