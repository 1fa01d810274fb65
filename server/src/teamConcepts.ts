/**
 * The concepts of the team glossaries (lingo.glossary.json/.yaml): which file each comes from (or is changed by),
 * and where its entry is in that file, for go to definition and the concept card. An entry is found by its id in
 * the file as it is now (the editor's text when the file is open), so the place is right after edits too.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { Location } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeText, readLimited } from './node/files';
import { parseGlossaryText } from './node/glossaryFiles';
import { MAX_GLOSSARY_BYTES, pointerRanges, positionsOf } from './node/workspaceGlossary';
import type { GlossarySource } from './service';

export class TeamConcepts {
  /** Concept id → the team glossary file it is in (the last one, when several folders have it). */
  private files = new Map<string, string>();

  /** The team glossaries in force (merged over the built-in glossary in this order). */
  set(sources: GlossarySource[]): void {
    this.files.clear();
    for (const s of sources) {
      const concepts = (s.data as { concepts?: unknown })?.concepts;
      if (!Array.isArray(concepts)) continue;
      for (const c of concepts) {
        const id = (c as { id?: unknown })?.id;
        if (typeof id === 'string' && s.file) this.files.set(id, s.file);
      }
    }
  }

  has(id: string): boolean { return this.files.has(id); }

  /** The entry of concept `id` in its team glossary file, or undefined when no team file has it (or it cannot be read now). */
  locate(id: string, documents: TextDocuments<TextDocument>): Location | undefined {
    const file = this.files.get(id);
    if (!file) return undefined;
    const uri = pathToFileURL(file).toString();
    let text = documents.get(uri)?.getText();
    if (text === undefined) {
      try {
        text = decodeText(readLimited(file, { maxBytes: MAX_GLOSSARY_BYTES, root: path.dirname(file) }).bytes).text;
      } catch {
        return undefined;
      }
    }
    const [start, end] = entryRange(file, text, id);
    const pos = positionsOf(text);
    return { uri, range: { start: pos(start), end: pos(end) } };
  }
}

/** Offsets of concept `id`'s entry in a team glossary's text: the whole entry, or its id when the text does not parse now. */
export function entryRange(file: string, text: string, id: string): [number, number] {
  const { data } = parseGlossaryText(path.basename(file), text);
  const concepts = (data as { concepts?: unknown } | undefined)?.concepts;
  const k = Array.isArray(concepts) ? concepts.findIndex((c) => (c as { id?: unknown })?.id === id) : -1;
  if (k >= 0) return pointerRanges(file, text)(`/concepts/${k}`);
  // A file being edited that does not parse: where its id is written ("id": "x", id: x, id: 'x').
  const m = new RegExp(`["']?id["']?\\s*:\\s*["']?${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?(?=[\\s,}]|$)`, 'm').exec(text);
  return m ? [m.index, m.index + m[0].length] : [0, 0];
}
