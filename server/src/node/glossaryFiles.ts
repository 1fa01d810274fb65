/**
 * Reading glossaries from disk: the built-in one (compiled into dist/glossary.json at build time, or
 * the glossary/ folder of a checkout) and glossary files in JSON or YAML. This is the only place
 * that reads glossary files; the service receives parsed data.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as YAML from 'yaml';
import type { DomainNames, GlossaryIssue, GlossarySource } from '../service';

/** The YAML library, loaded on first use: most glossaries are JSON, and the server starts faster without it. */
export const loadYaml = (): typeof YAML => require('yaml');

export interface CompiledGlossary {
  version: 1;
  domains: DomainNames;
  sources: GlossarySource[];
}

export const COMPILED_NAME = 'glossary.json';

/** Parses one file's text; a syntax error becomes an issue with its line and column. */
export function parseGlossaryText(file: string, text: string): { data?: unknown; issue?: GlossaryIssue } {
  const yaml = /\.ya?ml$/i.test(file);
  try {
    if (!yaml) return { data: JSON.parse(text) };
    const lc = new (loadYaml().LineCounter)();
    const doc = loadYaml().parseDocument(text, { lineCounter: lc });
    if (doc.errors.length) {
      const e = doc.errors[0];
      const { line, col } = lc.linePos(e.pos[0]);
      return { issue: { file, entry: '(file)', field: `line ${line}, column ${col}`, message: `is not valid YAML: ${e.message.split('\n')[0]}`, severity: 'error', pointer: '' } };
    }
    return { data: doc.toJS() };
  } catch (err) {
    const msg = (err as Error).message;
    const m = /position (\d+)/.exec(msg);
    let where = '(file)';
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      where = `line ${line}, column ${pos - before.lastIndexOf('\n')}`;
    }
    return { issue: { file, entry: '(file)', field: where, message: `is not valid ${yaml ? 'YAML' : 'JSON'}: ${msg.replace(/^.*?: /, '')}`, severity: 'error', pointer: '' } };
  }
}

/** Reads the source glossary folder of a checkout: glossary/concepts/*.json and glossary/domains.json. */
export function readGlossaryFolder(dir: string): { sources: GlossarySource[]; domains: DomainNames; issues: GlossaryIssue[] } {
  const issues: GlossaryIssue[] = [];
  const sources: GlossarySource[] = [];
  const conceptsDir = path.join(dir, 'concepts');
  for (const name of fs.readdirSync(conceptsDir).filter((f) => /\.(json|ya?ml)$/i.test(f)).sort()) {
    const file = path.join('glossary', 'concepts', name);
    const { data, issue } = parseGlossaryText(file, fs.readFileSync(path.join(conceptsDir, name), 'utf8'));
    if (issue) issues.push(issue);
    else sources.push({ file, data });
  }
  const domains = JSON.parse(fs.readFileSync(path.join(dir, 'domains.json'), 'utf8')) as DomainNames;
  return { sources, domains, issues };
}

/** Where the built-in glossary is: next to the bundle (dist/glossary.json) or in a checkout. */
export function loadBuiltinGlossary(baseDir: string): CompiledGlossary {
  for (const candidate of [path.join(baseDir, COMPILED_NAME), path.join(baseDir, '..', 'dist', COMPILED_NAME)]) {
    if (fs.existsSync(candidate)) return JSON.parse(fs.readFileSync(candidate, 'utf8')) as CompiledGlossary;
  }
  // A checkout without a build: read the source folder.
  for (let dir = baseDir; ; dir = path.dirname(dir)) {
    const g = path.join(dir, 'glossary');
    if (fs.existsSync(path.join(g, 'concepts'))) {
      const { sources, domains } = readGlossaryFolder(g);
      return { version: 1, domains, sources };
    }
    if (path.dirname(dir) === dir) throw new Error(`The built-in glossary was not found next to ${baseDir}.`);
  }
}
