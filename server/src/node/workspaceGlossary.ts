/**
 * The team glossary of a workspace folder: lingo.glossary.json, .yaml or .yml at its root. Read,
 * parsed and checked here; problems come back with ranges in the file, for the editor to show.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { validateGlossaryFile, type GlossaryIssue, type GlossarySource } from '../service';
import { loadYaml, parseGlossaryText } from './glossaryFiles';

/** A team glossary larger than this is refused with a message, not parsed. */
export const MAX_GLOSSARY_BYTES = 5 * 1024 * 1024;

export const WORKSPACE_GLOSSARY_NAMES = ['lingo.glossary.json', 'lingo.glossary.yaml', 'lingo.glossary.yml'];

export interface IssueWithRange extends GlossaryIssue { start: number; end: number }

export interface WorkspaceGlossary {
  file: string;
  text: string;
  /** Parsed and valid data, or undefined when the file has errors. */
  source?: GlossarySource;
  issues: IssueWithRange[];
}

/** Line and character (0-based) of an offset in a text. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0, start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', start)) { line++; start = nl + 1; }
  return { line, character: Math.max(0, offset - start) };
}

export function findWorkspaceGlossary(folder: string): string | undefined {
  for (const n of WORKSPACE_GLOSSARY_NAMES) {
    const f = path.join(folder, n);
    if (fs.existsSync(f)) return f;
  }
  return undefined;
}

/** Offsets [start, end) of the value a JSON pointer names, or of the nearest enclosing value. */
export function rangeOfPointer(file: string, text: string, pointer: string): [number, number] {
  const parts = pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (/\.ya?ml$/i.test(file)) {
    const doc = loadYaml().parseDocument(text);
    for (let n = parts.length; n >= 0; n--) {
      const node = doc.getIn(parts.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && node.range) return [node.range[0], node.range[1]];
    }
    return [0, 0];
  }
  const tree = parseTree(text);
  if (!tree) return [0, 0];
  for (let n = parts.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, parts.slice(0, n));
    if (node) {
      // For an unknown or wrong property, point at its key too.
      const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return [start, node.offset + node.length];
    }
  }
  return [0, 0];
}

const lineColOffset = (text: string, field: string): number => {
  const m = /line (\d+), column (\d+)/.exec(field);
  if (!m) return 0;
  const lines = text.split('\n');
  let off = 0;
  for (let i = 0; i < Number(m[1]) - 1 && i < lines.length; i++) off += lines[i].length + 1;
  return off + Number(m[2]) - 1;
};

/** Reads and checks a team glossary file. Never throws: a missing or broken file is an issue. */
export function readWorkspaceGlossary(file: string, text?: string): WorkspaceGlossary {
  const name = path.basename(file);
  let content = text;
  if (content === undefined) {
    try { content = fs.readFileSync(file, 'utf8'); } catch (e) {
      return { file, text: '', issues: [{ file: name, entry: '(file)', field: '', message: `cannot be read: ${(e as Error).message}`, severity: 'error', pointer: '', start: 0, end: 0 }] };
    }
  }
  if (content.length > MAX_GLOSSARY_BYTES) {
    return { file, text: '', issues: [{ file: name, entry: '(file)', field: '', message: `is ${(content.length / 1048576).toFixed(1)} MB, more than the ${MAX_GLOSSARY_BYTES / 1048576} MB a team glossary may have; it is not loaded`, severity: 'error', pointer: '', start: 0, end: 0 }] };
  }
  const { data, issue } = parseGlossaryText(name, content);
  if (issue) {
    const at = lineColOffset(content, issue.field);
    return { file, text: content, issues: [{ ...issue, start: at, end: Math.min(content.length, at + 1) }] };
  }
  const issues = validateGlossaryFile(name, data, 'workspace').map((i) => {
    const [start, end] = rangeOfPointer(file, content!, i.pointer);
    return { ...i, start, end };
  });
  return { file, text: content, issues, source: issues.some((i) => i.severity === 'error') ? undefined : { file, data } };
}

/** The text of a team glossary file after adding `concept`: formatted, and valid as before. */
export function addConceptToFileText(file: string, text: string | undefined, concept: object): string {
  if (/\.ya?ml$/i.test(file)) {
    const doc = loadYaml().parseDocument(text && text.trim() ? text : 'concepts: []\n');
    if (!doc.has('concepts')) doc.set('concepts', []);
    doc.addIn(['concepts'], doc.createNode(concept));
    return String(doc);
  }
  const data = text && text.trim() ? (JSON.parse(text) as { concepts?: object[] }) : { $schema: 'https://lingo-terms.dev/schema/workspace-glossary.schema.json', concepts: [] };
  (data.concepts ??= []).push(concept);
  return JSON.stringify(data, null, 2) + '\n';
}
