/**
 * The team glossary of a workspace folder: lingo.glossary.json, .yaml or .yml at its root. Read,
 * parsed and checked here; problems come back with ranges in the file, for the editor to show.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { validateGlossaryFile, type GlossaryIssue, type GlossarySource } from '../service';
import { loadYaml, parseGlossaryText } from './glossaryFiles';
import { decodeText, FileRefused, readLimited } from './files';
import { positionAt, positionsOf } from '../service/util';

/** The service's line table, for the callers that map a team glossary's problems to ranges. */
export { positionAt, positionsOf };

/** A team glossary larger than this is refused with a message, not parsed. */
export const MAX_GLOSSARY_BYTES = 5 * 1024 * 1024;

/** Reading a team glossary stops after this long (a file on a stalled network disk). */

export const WORKSPACE_GLOSSARY_NAMES = ['lingo.glossary.json', 'lingo.glossary.yaml', 'lingo.glossary.yml'];

export interface IssueWithRange extends GlossaryIssue { start: number; end: number }

export interface WorkspaceGlossary {
  file: string;
  text: string;
  /** Parsed and valid data, or undefined when the file has errors. */
  source?: GlossarySource;
  issues: IssueWithRange[];
}

/**
 * The team glossary file of a folder, if there is one. A name that is a link is returned too (reading it then
 * says why it is not used when it leads out of the folder or to something that is not a file).
 */
export function findWorkspaceGlossary(folder: string): string | undefined {
  for (const n of WORKSPACE_GLOSSARY_NAMES) {
    const f = path.join(folder, n);
    try { fs.lstatSync(f); return f; } catch { /* not there */ }
  }
  return undefined;
}

/**
 * Offsets [start, end) of the value each JSON pointer names, or of the nearest enclosing value: the text is
 * parsed once, however many pointers are asked for.
 */
export function pointerRanges(file: string, text: string): (pointer: string) => [number, number] {
  const partsOf = (pointer: string) => pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (/\.ya?ml$/i.test(file)) {
    let doc: ReturnType<ReturnType<typeof loadYaml>['parseDocument']> | undefined;
    return (pointer) => {
      doc ??= loadYaml().parseDocument(text);
      const parts = partsOf(pointer);
      for (let n = parts.length; n >= 0; n--) {
        const node = doc.getIn(parts.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node && node.range) return [node.range[0], node.range[1]];
      }
      return [0, 0];
    };
  }
  let tree: ReturnType<typeof parseTree> | null = null;
  return (pointer) => {
    if (tree === null) tree = parseTree(text);
    if (!tree) return [0, 0];
    const parts = partsOf(pointer);
    for (let n = parts.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, parts.slice(0, n));
      if (node) {
        // For an unknown or wrong property, point at its key too.
        const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
        return [start, node.offset + node.length];
      }
    }
    return [0, 0];
  };
}

const lineColOffset = (text: string, field: string): number => {
  const m = /line (\d+), column (\d+)/.exec(field);
  if (!m) return 0;
  let off = 0;
  for (let i = 0; i < Number(m[1]) - 1; i++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) break;
    off = nl + 1;
  }
  return off + Number(m[2]) - 1;
};

/** How deep a glossary may nest arrays and objects: its format needs 7 levels; a file nesting more is refused, not parsed. */
export const MAX_NESTING = 64;

/**
 * How deeply a JSON or YAML text nests brackets (outside strings and comments), counting YAML's "- - x" too;
 * stops counting past `max`. One pass, no recursion.
 */
export function nestingDepth(text: string, yaml: boolean, max = MAX_NESTING): number {
  let depth = 0, deepest = 0;
  let lineDashes = 0, lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ || (yaml && c === 39 /* ' */ && (i === 0 || /[\s[{,:]/.test(text[i - 1])))) {
      // Skip a quoted string ("…" with escapes; YAML '…' with '' as a quote).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (c === 34 && d === 92) { i++; continue; }
        if (d === c) { if (c === 39 && text.charCodeAt(i + 1) === 39) { i++; continue; } break; }
      }
      lineStart = false;
      continue;
    }
    if (yaml && c === 35 /* # */ && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
      lineDashes = 0; lineStart = true;
      continue;
    }
    if (c === 91 || c === 123) { if (++depth > deepest) { deepest = depth; if (deepest + lineDashes > max) return deepest + lineDashes; } }
    else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
    else if (yaml && c === 10) { lineDashes = 0; lineStart = true; continue; }
    else if (yaml && lineStart && (c === 45 /* - */ || c === 63 /* ? */) && /\s/.test(text[i + 1] ?? ' ')) {
      if (deepest < depth + ++lineDashes) { deepest = depth + lineDashes; if (deepest > max) return deepest; }
      continue;
    }
    if (c !== 32 && c !== 9 && c !== 13) lineStart = false;
  }
  return deepest;
}

/** A problem of the whole file (no position in it). */
const fileIssue = (name: string, message: string): IssueWithRange => ({ file: name, entry: '(file)', field: '', message, severity: 'error', pointer: '', start: 0, end: 0 });

/** Reads and checks a team glossary file. Never throws: a missing or broken file is an issue. */
export function readWorkspaceGlossary(file: string, text?: string, root: string = path.dirname(file)): WorkspaceGlossary {
  const name = path.basename(file);
  let content = text;
  if (content === undefined) {
    // Only a regular file inside the workspace folder, at most MAX_GLOSSARY_BYTES (counted while reading), within files.ts's READ_TIMEOUT_MS.
    try {
      const r = readLimited(file, { maxBytes: MAX_GLOSSARY_BYTES, root });
      content = decodeText(r.bytes).text;
    } catch (e) {
      const detail = e instanceof FileRefused
        ? (e.reason === 'large' ? `is more than the ${MAX_GLOSSARY_BYTES / 1048576} MB a team glossary may have; it is not loaded` : e.detail.replace(/it is not read$/, 'it is not loaded'))
        : `cannot be read: ${(e as Error).message}`;
      return { file, text: '', issues: [fileIssue(name, detail)] };
    }
  }
  if (content.length > MAX_GLOSSARY_BYTES) {
    return { file, text: '', issues: [fileIssue(name, `is ${(content.length / 1048576).toFixed(1)} MB, more than the ${MAX_GLOSSARY_BYTES / 1048576} MB a team glossary may have; it is not loaded`)] };
  }
  const depth = nestingDepth(content, /\.ya?ml$/i.test(file));
  if (depth > MAX_NESTING) {
    return { file, text: content, issues: [fileIssue(name, `nests lists and objects more than ${MAX_NESTING} levels deep (a glossary needs 7); it is not loaded`)] };
  }
  try {
    const { data, issue } = parseGlossaryText(name, content);
    if (issue) {
      const at = lineColOffset(content, issue.field);
      return { file, text: content, issues: [{ ...issue, start: at, end: Math.min(content.length, at + 1) }] };
    }
    const rangeOf = pointerRanges(file, content);
    const issues = validateGlossaryFile(name, data, 'workspace').map((i) => {
      const [start, end] = rangeOf(i.pointer);
      return { ...i, start, end };
    });
    return { file, text: content, issues, source: issues.some((i) => i.severity === 'error') ? undefined : { file, data } };
  } catch (e) {
    // A backstop: nesting the count above missed (its guard is for the common forms) must not stop the server.
    if (e instanceof RangeError) return { file, text: content, issues: [fileIssue(name, `nests too deeply to be read (${e.message}); it is not loaded`)] };
    throw e;
  }
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
