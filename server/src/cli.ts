/**
 * The command line: the same engine as the editor, for CI and for glossary maintenance.
 *   lingo check [paths…] [--format text|json] [--lang xx] [--fail-on warning]
 *   lingo glossary validate | compile --out FILE | markdown --out FILE
 */
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGlossary, formatIssue, getLanguageService, resolveSettings, type GlossaryIssue } from './service';
import { loadBuiltinGlossary, readGlossaryFolder, type CompiledGlossary } from './node/glossaryFiles';
import { glossaryMarkdown } from './node/markdown';

const USAGE = `usage: lingo check [paths…] [--format text|json] [--lang en|sv|nl|pl|zh-Hant] [--fail-on error|warning|information]
       lingo glossary validate [--dir glossary]
       lingo glossary compile --out dist/glossary.json [--dir glossary]
       lingo glossary markdown --out glossary/GLOSSARY.md [--dir glossary] [--check]`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags.set(k, v);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--') && !['check', 'fix'].includes(k)) flags.set(k, argv[++i]);
      else flags.set(k, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

const flag = (flags: Map<string, string | true>, k: string): string | undefined => {
  const v = flags.get(k);
  if (v === true) throw new UsageError(`--${k} needs a value`);
  return v;
};

/** Writes through a temporary file and a rename, so a file is never left half-written. */
export function writeAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function sourceGlossary(dir: string): { compiled: CompiledGlossary; issues: GlossaryIssue[] } {
  const { sources, domains, issues } = readGlossaryFolder(dir);
  const built = buildGlossary(sources, { domains });
  return { compiled: { version: 1, domains, sources }, issues: [...issues, ...built.issues] };
}

function glossaryCommand(sub: string | undefined, flags: Map<string, string | true>): number {
  const dir = flag(flags, 'dir') ?? 'glossary';
  const { compiled, issues } = sourceGlossary(dir);
  for (const i of issues) process.stderr.write(`${i.severity}: ${formatIssue(i)}\n`);
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (errors) {
    process.stderr.write(`${errors} error(s) in the glossary\n`);
    return 2;
  }
  const { glossary } = buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true });
  switch (sub) {
    case 'validate':
      process.stdout.write(`${glossary.concepts.length} concepts, ${glossary.terms.length} terms: valid\n`);
      return 0;
    case 'compile': {
      const out = flag(flags, 'out') ?? 'dist/glossary.json';
      writeAtomic(out, JSON.stringify(compiled));
      process.stdout.write(`${out}: ${glossary.concepts.length} concepts, ${glossary.terms.length} terms\n`);
      return 0;
    }
    case 'markdown': {
      const md = glossaryMarkdown(glossary);
      const out = flag(flags, 'out');
      if (flags.has('check')) {
        const current = out && fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
        if (current !== md) { process.stderr.write(`${out} is stale: run npm run glossary:md\n`); return 1; }
        return 0;
      }
      if (out) writeAtomic(out, md); else process.stdout.write(md);
      return 0;
    }
    default:
      throw new UsageError(`unknown glossary command: ${sub ?? '(none)'}`);
  }
}

function expand(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const n of fs.readdirSync(p).sort()) if (n !== 'node_modules' && !n.startsWith('.')) walk(path.join(p, n));
    } else if (/\.(md|markdown|txt)$/i.test(p)) out.push(p);
  };
  for (const p of paths.length ? paths : ['.']) {
    if (!fs.existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
    walk(p);
  }
  return out;
}

const LEVELS = ['hint', 'information', 'warning', 'error'];
const SEV_NAME = ['', 'error', 'warning', 'information', 'hint'];

function check(paths: string[], flags: Map<string, string | true>): number {
  const fmt = flag(flags, 'format') ?? 'text';
  if (!['text', 'json'].includes(fmt)) throw new UsageError(`unknown format: ${fmt}`);
  const failOn = flag(flags, 'fail-on') ?? 'warning';
  if (!LEVELS.includes(failOn)) throw new UsageError(`unknown severity: ${failOn}`);
  const settings = resolveSettings({ language: flag(flags, 'lang') ?? 'auto' });
  const compiled = loadBuiltinGlossary(__dirname);
  const { glossary } = buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true });
  const service = getLanguageService(glossary);
  const results: { file: string; line: number; column: number; severity: string; rule: string; message: string }[] = [];
  for (const file of expand(paths)) {
    const text = fs.readFileSync(file, 'utf8');
    const doc = TextDocument.create('file://' + path.resolve(file), /\.txt$/i.test(file) ? 'plaintext' : 'markdown', 1, text);
    const sk = service.skipped(doc, settings);
    if (sk) { process.stderr.write(`${file}: ${sk.message}\n`); continue; }
    for (const d of service.doValidation(doc, settings)) {
      results.push({ file, line: d.range.start.line + 1, column: d.range.start.character + 1, severity: SEV_NAME[d.severity ?? 1], rule: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value });
    }
  }
  if (fmt === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else for (const r of results) process.stdout.write(`${r.file}:${r.line}:${r.column} ${r.severity} ${r.rule} ${r.message}\n`);
  const threshold = LEVELS.indexOf(failOn);
  return results.some((r) => LEVELS.indexOf(r.severity) >= threshold) ? 1 : 0;
}

export function main(argv: string[]): number {
  try {
    const { positional, flags } = parseArgs(argv);
    const [cmd, ...rest] = positional;
    if (flags.has('help') || !cmd) { process.stdout.write(USAGE + '\n'); return cmd ? 0 : 2; }
    if (cmd === 'check') return check(rest, flags);
    if (cmd === 'glossary') return glossaryCommand(rest[0], flags);
    throw new UsageError(`unknown command: ${cmd}`);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`lingo: ${e.message}\n${USAGE}\n`); return 2; }
    process.stderr.write(`lingo: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
