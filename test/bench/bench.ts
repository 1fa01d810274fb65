/**
 * npm run bench: performance figures for the language service, the LSP server and a textlint
 * baseline. Prints tables and writes every figure to test-output/bench.json. See BENCHMARKS.md.
 *
 *   node --expose-gc out/bench/bench.js [--quick] [--no-textlint] [--profile]
 *   node --expose-gc out/bench/bench.js --concepts   (only the concept features, section 7)
 *   node --expose-gc out/bench/bench.js --workspace  (only references over a workspace of 2,000 files, section 8)
 *   node --expose-gc out/bench/bench.js --lsp-path [--profile] [--server=other/dist/server.js]
 *                                                    (only the LSP path beside the in-process check, section 9)
 *   node --expose-gc out/bench/bench.js --termbase   (only termbases loaded in the worker, section 10; --quick: 10,000 concepts)
 *   node --expose-gc out/bench/bench.js --session [--quick] [--steps N] [--no-view]  (only the long session: an hour of use, compressed)
 *
 * The same bundle is also the child process of the memory, textlint and profile measurements
 * (first argument "child-mem", "child-textlint", "child-profile").
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGlossary, getLanguageService, resolveSettings, termForms, type Glossary, type GlossarySource, type DomainNames } from '../../server/src/service';
import { BUILT_NAME, loadBuiltGlossary, writeCompiledGlossary } from '../../server/src/node/glossaryFiles';
import { attachHanLexicon, lexiconFile } from '../../server/src/node/hanLexicon';
import { BenchClient, threadCpuMs } from './lsp';
import { documents } from './corpus';
import { generateGlossary, terminologyTerms } from './genGlossary';
import { workspaceReferences, type WorkspaceFigures } from './workspace';
import { benchTermbases, termbaseLoad, termbaseReport, type TermbaseFigures } from './termbaseLoad';
import { lspPath, type KeystrokeFigures, type LspPathFigures } from './lspPath';
import { longSession, SESSION_TARGET_MB, type SessionFigures } from './session';
import { Rng, editOffsets, measure, median, percentile, procMemory, now, MB, fmtMs, fmtMB, fmtX } from './util';

const ROOT = path.resolve(__dirname, '..', '..');
/** Generated inputs, kept for reruns (LINGO_BENCH_CACHE: another folder, e.g. one that no other checkout shares). */
const CACHE = process.env.LINGO_BENCH_CACHE ? path.resolve(process.env.LINGO_BENCH_CACHE) : path.join(ROOT, '.cache', 'bench');
const OUT = path.join(ROOT, 'test-output');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const KB = 1024;
const SIZES = [10 * KB, 100 * KB, 1 * MB, 5 * MB];
const SIZE_NAMES = new Map([[10 * KB, '10 KB'], [100 * KB, '100 KB'], [1 * MB, '1 MB'], [5 * MB, '5 MB']]);
const GLOSSARIES = [0, 1000, 10000, 50000]; // 0 = the built-in glossary alone
const gname = (n: number) => (n === 0 ? 'built-in' : `${n.toLocaleString('en')} + built-in`);
/** A full check: every diagnostic (no lingo.maxProblems limit). */
const SETTINGS = resolveSettings({ maxFileSizeMB: 50, maxProblems: 0 });
/** What the server does with default settings: at most 1,000 problems per document (lingo.maxProblems). */
const EDITOR_SETTINGS = resolveSettings({ maxFileSizeMB: 50 });

interface Compiled { version: 1; domains: DomainNames; sources: GlossarySource[] }
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const log = (s: string) => process.stderr.write(s + '\n');

function builtinCompiled(): Compiled {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'glossary.json'), 'utf8')) as Compiled;
}

function compiledFor(n: number, builtin: Compiled): Compiled {
  return n === 0 ? builtin : { version: 1, domains: builtin.domains, sources: [...builtin.sources, ...generateGlossary(n)] };
}

/** The glossary files as the server finds them: glossary.json and, next to it, glossary.bin (as npm run build writes them). */
const glossaryFile = (n: number) => (n === 0 ? path.join(ROOT, 'dist', 'glossary.json') : path.join(CACHE, `glossary-${n}`, 'glossary.json'));
const builtFile = (n: number) => path.join(path.dirname(glossaryFile(n)), BUILT_NAME);
const docFile = (size: number) => path.join(CACHE, `doc-${size}.md`);

let sink = 0;
function bareLoop(text: string): number {
  let s = 0;
  for (let i = 0; i < text.length; i++) s += text.charCodeAt(i);
  return s;
}

/** Random occurrence offsets of a document's terms, for hover and completion requests. */
function termOffsets(g: Glossary, text: string, count: number, seed: number): { hover: number[]; complete: number[] } {
  const svc = getLanguageService(g);
  const doc = TextDocument.create('file:///bench/offsets.md', 'markdown', 1, text);
  const occ = svc.analyze(doc, SETTINGS)!.occurrences;
  const r = new Rng(seed);
  const hover: number[] = [], complete: number[] = [];
  for (let i = 0; i < count; i++) {
    const o = occ[r.int(occ.length)];
    hover.push(o.start + r.int(o.end - o.start));
    complete.push(o.start + Math.min(o.end - o.start, 2 + r.int(3)));
  }
  return { hover, complete };
}

/** The pause before each measured LSP keystroke, so that the server is idle when it arrives. */
const KEY_PAUSE_MS = 50;

/** What the concept features cost (issue 18), in process, with a glossary as the server holds it, on the 1 MB document. */
interface ConceptFig {
  n: number; label: string;
  /**
   * findConcepts: the first search (reading the name index from glossary.bin, or making it for a glossary without
   * one) and its heap; then queries of 1 to 6 letters; then the heap once the index is let go (releaseSearchIndex,
   * as the server does when idle) and the first search after that.
   */
  searchFirstMs: number; searchHeapMB: number; queryP50: number; queryP99: number; shortQueryP50: number; shortQueryP99: number;
  releasedHeapMB: number; searchAgainMs: number;
  /** A file's concept index, from its cached analysis; semantic tokens of the whole document and of 100 lines; highlights. */
  indexMs: number; indexOccurrences: number; tokensMs: number; tokensRangeMs: number; highlightP50: number; highlightP99: number;
}

function conceptFigures(n: number, glossary: Glossary, text: string): ConceptFig {
  const svc = getLanguageService(glossary);
  const doc = TextDocument.create('file:///bench/concepts.md', 'markdown', 1, text);
  svc.analyze(doc, SETTINGS);
  const time = (f: () => void) => { const t = now(); f(); return now() - t; };
  // Queries: the starts of random terms' words (2 to 6 letters, as typed), and single letters.
  const r = new Rng(11);
  const queries: string[] = [];
  while (queries.length < 200) {
    const words = glossary.terms[r.int(glossary.terms.length)].text.split(' ');
    const w = words[r.int(words.length)];
    if (w.length >= 2) queries.push(w.slice(0, 2 + r.int(Math.min(5, w.length - 1))));
  }
  const short = 'aeiostnrlc'.split('');
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const searchFirstMs = time(() => svc.findConcepts('pipeline', 'en', 100));
  gc();
  const searchHeapMB = (process.memoryUsage().heapUsed - heap0) / MB;
  for (const q of queries.slice(0, 20)) svc.findConcepts(q, 'en', 100);
  const qs = queries.map((q) => time(() => JSON.stringify(svc.findConcepts(q, 'en', 100).map((m) => m.concept.id))));
  const ss = short.map((q) => time(() => JSON.stringify(svc.findConcepts(q, 'en', 100).map((m) => m.concept.id))));
  svc.releaseSearchIndex();
  gc();
  const releasedHeapMB = (process.memoryUsage().heapUsed - heap0) / MB;
  const searchAgainMs = time(() => svc.findConcepts('pipeline', 'en', 100));
  let indexOccurrences = 0;
  const index = measure(() => { const ix = svc.conceptIndex(doc, SETTINGS, true)!; indexOccurrences = [...ix.concepts.values()].reduce((k, l) => k + l.length, 0); }, { warmup: 2, minRuns: 5, minMs: 300 });
  const tokens = measure(() => { JSON.stringify(svc.semanticTokens(doc, SETTINGS)); }, { warmup: 2, minRuns: 5, minMs: 300 });
  const mid = Math.floor(doc.lineCount / 2);
  const tokensRange = measure(() => { JSON.stringify(svc.semanticTokens(doc, SETTINGS, { start: { line: mid, character: 0 }, end: { line: mid + 100, character: 0 } })); }, { warmup: 5, minRuns: 20, minMs: 200 });
  const offs = termOffsets(glossary, text, 200, 13).hover;
  for (const o of offs.slice(0, 20)) svc.findDocumentHighlights(doc, doc.positionAt(o), SETTINGS);
  const hs = offs.map((o) => time(() => JSON.stringify(svc.findDocumentHighlights(doc, doc.positionAt(o), SETTINGS))));
  svc.forget(doc.uri);
  return {
    n, label: gname(n), searchFirstMs, searchHeapMB, queryP50: percentile(qs, 50), queryP99: percentile(qs, 99), shortQueryP50: percentile(ss, 50), shortQueryP99: percentile(ss, 99), releasedHeapMB, searchAgainMs,
    indexMs: index.median, indexOccurrences, tokensMs: tokens.median, tokensRangeMs: tokensRange.median, highlightP50: percentile(hs, 50), highlightP99: percentile(hs, 99),
  };
}

function conceptTable(figs: ConceptFig[]): string {
  return table(['glossary', 'first search ms', 'search heap MB', 'query p50', 'p99', '1 letter p50', 'p99', 'heap after release MB', 'search again ms', 'index 1 MB ms', 'occurrences', 'tokens 1 MB ms', 'tokens 100 lines ms', 'highlights p50', 'p99'],
    figs.map((c) => [c.label, fmtMs(c.searchFirstMs), c.searchHeapMB.toFixed(1), fmtMs(c.queryP50), fmtMs(c.queryP99), fmtMs(c.shortQueryP50), fmtMs(c.shortQueryP99), c.releasedHeapMB.toFixed(1), fmtMs(c.searchAgainMs), fmtMs(c.indexMs), c.indexOccurrences, fmtMs(c.tokensMs), fmtMs(c.tokensRangeMs), fmtMs(c.highlightP50), fmtMs(c.highlightP99)]));
}

/** The glossary.bin of glossary n as the server loads it, written first when the cache has none of this build. */
function ensureBuilt(n: number, builtin: Compiled): void {
  const loaded = n === 0 ? undefined : loadBuiltGlossary(glossaryFile(n));
  if (n === 0 || (loaded && !('problem' in loaded))) return;
  const compiled = compiledFor(n, builtin);
  writeCompiledGlossary(glossaryFile(n), compiled, buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true }));
}

/** The long session: an hour of use compressed, against the server with glossary n (see session.ts). */
const sessionSteps = (argv: string[], quick: boolean): number => {
  const k = argv.indexOf('--steps');
  return k >= 0 ? Number(argv[k + 1]) : quick ? 600 : 3000;
};

function sessionTable(figs: SessionFigures[]): string {
  return table(['glossary', 'steps', 'minutes', 'start RSS MB', 'peak RSS MB', 'peak during', 'peak outside the Glossary view MB', 'end RSS MB', 'RSS by tenths of the session (MB)', 'Glossary view ms', 'hover p99', 'compl. p99', 'keystroke p50', 'p99', 'server CPU s', `< ${SESSION_TARGET_MB} MB`],
    figs.map((f) => [f.glossary, f.steps, (f.seconds / 60).toFixed(1), fmtMB(f.startRss), fmtMB(f.peakHwm), f.peakDuring, fmtMB(f.peakOutsideView), fmtMB(f.endRss), f.deciles.map(fmtMB).join(' '), f.glossaryViewMs === undefined ? '—' : f.glossaryViewMs < 0 ? 'failed' : fmtMs(f.glossaryViewMs), fmtMs(f.hoverP99), fmtMs(f.completionP99), fmtMs(f.keystrokeP50), fmtMs(f.keystrokeP99), f.cpuSeconds === undefined ? '—' : f.cpuSeconds.toFixed(1), f.met ? 'MET' : 'MISSED']));
}

const sessionLine = (f: SessionFigures) => `   ${f.glossary}: ${Object.entries(f.counts).map(([k, v]) => `${v} ${k}`).join(', ')}; ${f.met ? 'MET' : 'MISSED'}: ${f.reason}`;

/** --session: only the long session, with 50,000 generated concepts (the built-in glossary with --quick). */
async function sessionOnly(argv: string[]): Promise<void> {
  fs.mkdirSync(CACHE, { recursive: true });
  const quick = argv.includes('--quick');
  const builtin = builtinCompiled();
  const builtinGlossary = buildGlossary(builtin.sources, { domains: builtin.domains, trusted: true }).glossary;
  const n = quick ? 0 : 50000;
  ensureBuilt(n, builtin);
  const f = await longSession(gname(n) + (argv.includes('--no-view') ? ', no Glossary view' : ''), serverCopy(n), builtinGlossary, sessionSteps(argv, quick), log, !argv.includes('--no-view'));
  console.log(`Long session: an hour of use, compressed (LSP, one server, documents of 10 KB to 1 MB in five languages; node ${process.version}, load average ${os.loadavg()[0].toFixed(1)})\n${sessionTable([f])}\n${sessionLine(f)}`);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'bench-session.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, session: f }, null, 2));
}

/**
 * --concepts: only the figures of the concept features, for the built-in glossary and 50,000 generated concepts
 * (each loaded from its glossary.bin, written first if the cache does not have it).
 */
function conceptsOnly(): void {
  fs.mkdirSync(CACHE, { recursive: true });
  const builtin = builtinCompiled();
  const builtinGlossary = buildGlossary(builtin.sources, { domains: builtin.domains, trusted: true }).glossary;
  const text = documents(builtinGlossary, [10 * KB, 100 * KB, 1 * MB]).get(1 * MB)!;
  const figs: ConceptFig[] = [];
  for (const n of [0, 50000]) {
    let loaded = loadBuiltGlossary(glossaryFile(n));
    if (n !== 0 && (!loaded || 'problem' in loaded)) { // not there, or from another build of the service
      const compiled = compiledFor(n, builtin);
      writeCompiledGlossary(glossaryFile(n), compiled, buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true }));
      loaded = loadBuiltGlossary(glossaryFile(n));
    }
    if (!loaded || 'problem' in loaded) throw new Error(`the bench cannot load ${builtFile(n)}: ${loaded ? loaded.problem : 'it is not there'}`);
    figs.push(conceptFigures(n, attachHanLexicon(loaded.glossary, lexiconFile(path.join(ROOT, 'dist'))), text));
    log(`concepts ${gname(n)} done`);
  }
  console.log(`Concept features (in process, glossary.bin loaded as the server does, 1 MB document; node ${process.version}, load average ${os.loadavg()[0].toFixed(1)})\n${conceptTable(figs)}`);
}

// ---------------------------------------------------------------------------------------------
// children

/**
 * One fresh process: the glossary as the server gets it ("load": glossary.bin, through loadBuiltGlossary, as the
 * server does when no team glossary applies) or built from glossary.json ("build": parse and buildGlossary, as the
 * server does with a team glossary, or when glossary.bin cannot be used), then one full check of 1 MB.
 */
function childMem(how: string, glossaryPath: string, docPath: string): void {
  // The parsed JSON is not kept once the glossary is built (the server does not keep it either).
  const { glossary, times } = ((t0: number) => {
    if (how === 'load') {
      const r = loadBuiltGlossary(glossaryPath);
      if (!r || 'problem' in r) throw new Error(r ? r.problem : `no ${BUILT_NAME} next to ${glossaryPath}`);
      return { glossary: r.glossary, times: { loadMs: now() - t0 } };
    }
    const compiled = JSON.parse(fs.readFileSync(glossaryPath, 'utf8')) as Compiled;
    const t1 = now();
    const { glossary } = buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true });
    return { glossary, times: { parseMs: t1 - t0, buildMs: now() - t1 } };
  })(now());
  const t2 = now();
  const svc = getLanguageService(glossary);
  const text = fs.readFileSync(docPath, 'utf8');
  const doc = TextDocument.create('file:///bench/mem.md', 'markdown', 1, text);
  const diags = svc.doValidation(doc, SETTINGS);
  const t3 = now();
  const peak = procMemory();
  gc();
  const after = process.memoryUsage();
  const settled = procMemory();
  process.stdout.write(JSON.stringify({
    ...times, firstCheckMs: t3 - t2, diagnostics: diags.length, concepts: glossary.concepts.length, terms: glossary.terms.length,
    trieNodes: glossary.matcher.nodeCount, trieBytes: glossary.matcher.byteSize,
    peakRss: peak?.hwm, rssAfterGc: settled?.rss, heapUsedAfterGc: after.heapUsed, externalAfterGc: after.external + after.arrayBuffers,
  }));
}

async function childTextlint(termsPath: string, docPath: string): Promise<void> {
  // textlint and the rule are ES modules loaded from node_modules (not bundled).
  const dynImport = new Function('s', 'return import(s)') as (s: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  // The rule is an ES module that textlint's config loader does not resolve ("terminology" is not
  // found), so the descriptor is built by hand: textlint's built-in Markdown plugin and the rule.
  const { createLinter } = await dynImport('textlint');
  const { TextlintKernelDescriptor } = await dynImport('@textlint/kernel');
  const markdown = (await dynImport('@textlint/textlint-plugin-markdown')).default;
  const rule = (await dynImport('textlint-rule-terminology')).default;
  const dir = fs.mkdtempSync(path.join(CACHE, 'textlint-'));
  const terms = JSON.parse(fs.readFileSync(termsPath, 'utf8'));
  const t0 = now();
  const descriptor = new TextlintKernelDescriptor({
    rules: [{ ruleId: 'terminology', rule: rule.default ?? rule, options: { defaultTerms: false, terms } }],
    plugins: [{ pluginId: '@textlint/textlint-plugin-markdown', plugin: markdown.default ?? markdown, options: true }],
    filterRules: [],
  });
  const linter = createLinter({ descriptor, cwd: dir });
  const t1 = now();
  const text = fs.readFileSync(docPath, 'utf8');
  const result = await linter.lintText(text, path.join(dir, 'doc.md'));
  const t2 = now();
  fs.rmSync(dir, { recursive: true, force: true });
  const rules = new Set(result.messages.map((m: { ruleId: string }) => m.ruleId));
  process.stdout.write(JSON.stringify({ setupMs: t1 - t0, lintMs: t2 - t1, messages: result.messages.length, rules: [...rules], terms: terms.length }));
}

/** Runs f under the V8 profiler (node:inspector) and writes the .cpuprofile. */
async function profiled(file: string, f: () => void): Promise<void> {
  const session = new inspector.Session();
  session.connect();
  const post = (m: string, p?: object) => new Promise<any>((res, rej) => session.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r)))); // eslint-disable-line @typescript-eslint/no-explicit-any
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  f();
  const { profile } = await post('Profiler.stop');
  fs.writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}

/** Profiles one operation (what = "check" | "complete" | "hover" | "keystroke" | "build") into `file`; setup is not profiled. */
async function childProfile(file: string, what: string, n: number, size: number): Promise<void> {
  const compiled = JSON.parse(fs.readFileSync(glossaryFile(n), 'utf8')) as Compiled;
  const build = () => buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true }).glossary;
  if (what === 'build') return profiled(file, () => void build());
  const g = build();
  const svc = getLanguageService(g);
  const text = fs.readFileSync(docFile(size), 'utf8');
  const uri = 'file:///bench/profile.md';
  let v = 1;
  if (what === 'check') {
    for (let i = 0; i < 2; i++) { svc.forget(uri); svc.doValidation(TextDocument.create(uri, 'markdown', v++, text), SETTINGS); }
    return profiled(file, () => {
      const t0 = now();
      while (now() - t0 < 5000) { svc.forget(uri); svc.doValidation(TextDocument.create(uri, 'markdown', v++, text), SETTINGS); }
    });
  }
  const doc = TextDocument.create(uri, 'markdown', v, text);
  svc.doValidation(doc, SETTINGS);
  if (what === 'complete' || what === 'hover') {
    const { hover, complete } = termOffsets(g, text, 400, 3);
    return profiled(file, () => {
      const t0 = now();
      for (let k = 0; now() - t0 < 5000; k++) {
        if (what === 'complete') JSON.stringify(svc.doComplete(doc, doc.positionAt(complete[k % 400]), SETTINGS));
        else JSON.stringify(svc.doHover(doc, doc.positionAt(hover[k % 400]), SETTINGS));
      }
    });
  }
  const edits = editOffsets(text, 1000, 5);
  return profiled(file, () => {
    const t0 = now();
    for (let k = 0; now() - t0 < 5000; k++) {
      const p = doc.positionAt(edits[k % edits.length]);
      TextDocument.update(doc, [{ range: { start: p, end: p }, text: 'x' }], ++v);
      JSON.stringify(svc.doValidation(doc, EDITOR_SETTINGS));
    }
  });
}

/** Top functions by self time of a .cpuprofile. */
function topFunctions(file: string, count = 12): { fn: string; selfPct: number; selfMs: number }[] {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  let total = 0;
  for (const node of p.nodes) {
    const us = self.get(node.id) ?? 0;
    total += us;
    const cf = node.callFrame;
    const file_ = cf.url ? path.basename(cf.url.replace(/^file:\/\//, '')) : '';
    const key = `${cf.functionName || '(anonymous)'} ${file_ ? `${file_}:${cf.lineNumber + 1}` : ''}`.trim();
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  return [...byFn].sort((a, b) => b[1] - a[1]).slice(0, count).map(([fn, us]) => ({ fn, selfPct: (100 * us) / total, selfMs: us / 1000 }));
}

// ---------------------------------------------------------------------------------------------
// the benchmark

interface LspFigures {
  glossary: string; coldStartMs: number[]; coldStartMedianMs: number; initializeMs: number; serverLoadLog?: string;
  hoverP50: number; hoverP99: number; completionP50: number; completionP99: number;
  keystrokeWallMedianMs: number; keystrokeWallP99Ms: number; keystrokeBackToBackMedianMs: number; keystrokeBackToBackP99Ms: number;
  diagnostics: number; peakRss?: number; rss?: number;
}

async function lspRun(label: string, serverJs: string, text: string, offsets: { hover: number[]; complete: number[] }, coldRuns: number): Promise<LspFigures> {
  const uri = 'file:///bench/lsp-doc.md';
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  const cold: number[] = [];
  let client: BenchClient | undefined;
  let initializeMs = 0;
  for (let run = 0; run < coldRuns; run++) {
    if (client) await client.shutdown();
    client = new BenchClient(serverJs);
    const init = await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } } }, 120000);
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const d = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 120000);
    cold.push(d.at - client.spawnedAt);
    initializeMs = init.at - client.spawnedAt;
  }
  const c = client!;
  const diagnostics = c.notes.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === 1).pop()!.params.diagnostics.length;
  const loadLog = c.notes.map((n) => (n.method === 'window/logMessage' ? String(n.params.message) : '')).find((m) => /loaded in/.test(m));
  const td = { uri };
  const hov: number[] = [], comp: number[] = [];
  for (let i = 0; i < 20; i++) await c.request('textDocument/hover', { textDocument: td, position: doc.positionAt(offsets.hover[i]) }); // warm-up
  for (const off of offsets.hover) hov.push((await c.request('textDocument/hover', { textDocument: td, position: doc.positionAt(off) })).ms);
  for (let i = 0; i < 20; i++) await c.request('textDocument/completion', { textDocument: td, position: doc.positionAt(offsets.complete[i]) });
  for (const off of offsets.complete) comp.push((await c.request('textDocument/completion', { textDocument: td, position: doc.positionAt(off) })).ms);
  const mem = procMemory(c.proc.pid!);
  await c.shutdown();
  // One-character edits: didChange → publishDiagnostics of that version, with the debounce switched off
  // (LINGO_DEBOUNCE_MS=0), so that the figure is the server's own time plus the transport.
  const k = new BenchClient(serverJs, { LINGO_DEBOUNCE_MS: '0' });
  await k.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } } }, 120000);
  k.notify('initialized', {});
  const kdoc = TextDocument.create(uri, 'markdown', 1, text);
  k.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await k.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 120000);
  // After 10 edits of warm-up (the keystroke path is compiled by then), two series. "One keystroke" is
  // measured on a server that has finished with the previous one (a pause of KEY_PAUSE_MS before each edit;
  // typing with the debounce leaves 150 ms or more between checks); back to back, the next edit follows the
  // previous diagnostics at once. The first edit of each series is not counted either.
  let version = 1;
  const series = async (offsets: number[], pauseMs: number) => {
    const keys: number[] = [];
    for (const off of offsets) {
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      const p = kdoc.positionAt(off);
      TextDocument.update(kdoc, [{ range: { start: p, end: p }, text: 'x' }], ++version);
      const v = version;
      const t = now();
      k.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: p, end: p }, text: 'x' }] });
      const d = await k.waitFor('textDocument/publishDiagnostics', (q) => q.uri === uri && q.version === v, 60000);
      keys.push(d.at - t);
    }
    keys.shift();
    return keys;
  };
  await series(editOffsets(text, 10, 13), 0);
  const keys = await series(editOffsets(text, 31, 11), KEY_PAUSE_MS);
  const backToBack = await series(editOffsets(text, 31, 12), 0);
  await k.shutdown();
  return {
    glossary: label, coldStartMs: cold, coldStartMedianMs: median(cold), initializeMs, serverLoadLog: loadLog,
    hoverP50: percentile(hov, 50), hoverP99: percentile(hov, 99), completionP50: percentile(comp, 50), completionP99: percentile(comp, 99),
    keystrokeWallMedianMs: median(keys), keystrokeWallP99Ms: percentile(keys, 99),
    keystrokeBackToBackMedianMs: median(backToBack), keystrokeBackToBackP99Ms: percentile(backToBack, 99),
    diagnostics, peakRss: mem?.hwm, rss: mem?.rss,
  };
}

function runChild(args: string[], timeoutMs: number, nodeArgs: string[] = []): { ok: boolean; out?: any; ms: number; timedOut: boolean; err?: string } { // eslint-disable-line @typescript-eslint/no-explicit-any
  const t = now();
  const r = spawnSync(process.execPath, [...nodeArgs, __filename, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * MB, killSignal: 'SIGKILL' });
  const ms = now() - t;
  const timedOut = r.error !== undefined && /ETIMEDOUT/.test(String((r.error as NodeJS.ErrnoException).code));
  if (r.status !== 0) return { ok: false, ms, timedOut, err: (r.stderr || String(r.error)).slice(-2000) };
  return { ok: true, out: JSON.parse(r.stdout), ms, timedOut };
}

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ') + ' |';
  return [line(head), '|' + w.map((x, i) => (i === 0 ? ':' : '') + '-'.repeat(x + 1) + (i === 0 ? '-' : ':')).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}

/**
 * CPU profiles (node --cpu-prof) of the slow paths, each in its own process, written to
 * test-output/profiles/; needs the glossary and document files a bench run left in .cache/bench.
 */
function runProfiles(big: number): Record<string, { fn: string; selfPct: number; selfMs: number }[]> {
  const profiles: Record<string, { fn: string; selfPct: number; selfMs: number }[]> = {};
  const pdir = path.join(OUT, 'profiles');
  fs.rmSync(pdir, { recursive: true, force: true });
  fs.mkdirSync(pdir, { recursive: true });
  const jobs: [string, string, number, number][] = [
    ['check-builtin-1MB', 'check', 0, 1 * MB], ['keystroke-builtin-1MB', 'keystroke', 0, 1 * MB], [`check-${big}-1MB`, 'check', big, 1 * MB],
    [`complete-${big}-1MB`, 'complete', big, 1 * MB], [`hover-${big}-1MB`, 'hover', big, 1 * MB], [`build-${big}`, 'build', big, 1 * MB],
  ];
  for (const [name, what, n, size] of jobs) {
    if (!fs.existsSync(glossaryFile(n)) || !fs.existsSync(docFile(size))) { log(`profile ${name}: run the bench first (no ${glossaryFile(n)})`); continue; }
    const r = runChild(['child-profile', path.join(pdir, `${name}.cpuprofile`), what, String(n), String(size)], 600000);
    if (!r.ok) { log(`profile ${name} failed: ${r.err}`); continue; }
    profiles[name] = topFunctions(path.join(pdir, `${name}.cpuprofile`));
    log(`profile ${name}: done`);
  }
  return profiles;
}

/**
 * A copy of the server bundle next to glossary `n`'s glossary.json and glossary.bin, which it then loads: copied
 * first, so that a concurrent `npm run build` (which empties dist/) cannot pull them away mid-run.
 */
function serverCopy(n: number): string {
  const dir = path.join(CACHE, `server-${n}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(SERVER, path.join(dir, 'server.js'));
  fs.copyFileSync(glossaryFile(n), path.join(dir, 'glossary.json'));
  fs.copyFileSync(builtFile(n), path.join(dir, BUILT_NAME));
  return path.join(dir, 'server.js');
}

function workspaceReport(ws: WorkspaceFigures[]): string {
  const f = ws[0];
  return [`8. References over a workspace of ${f.files.toLocaleString('en')} Markdown files (${f.megabytes.toFixed(1)} MB, generated in a temporary folder; built-in glossary; LSP over stdio, client-side round trips)`,
    table(['client', 'first scan ms', 'references median ms', 'references p95 ms', 'locations', 'after a file changed ms'],
      ws.map((w) => [w.client, fmtMs(w.firstScanMs), fmtMs(w.referencesMedianMs), fmtMs(w.referencesP95Ms), w.locationsMedian, fmtMs(w.afterChangeMs)]))].join('\n');
}

function workspaceTargets(ws: WorkspaceFigures[]): { target: string; value: string; met: boolean }[] {
  return ws.map((w) => ({ target: `references over ${w.files.toLocaleString('en')} files < 1 s after the first scan (p95; client ${w.client})`, value: `${fmtMs(w.referencesP95Ms)} ms`, met: w.referencesP95Ms < 1000 }));
}

/** Issue 19: a large termbase loads off the main thread with progress, and hovers are answered while it loads. */
function termbaseTargets(tb: TermbaseFigures[]): { target: string; value: string; met: boolean }[] {
  const big = tb[tb.length - 1];
  if (!big) return [];
  return [
    { target: `${big.termbase}: loads in the worker with progress shown`, value: `${fmtMs(big.loadMs)} ms${big.progress ? ', progress' : ', no progress'}`, met: big.progress && big.concepts !== undefined },
    { target: `${big.termbase}: hovers answered during the load, p99 < 5 ms`, value: `${big.hovers} hovers, p99 ${fmtMs(big.hoverP99)} ms`, met: big.hovers > 0 && big.hoverP99 < 5 },
  ];
}

type LspPath = { sizes: LspPathFigures[]; keystroke: KeystrokeFigures };

function lspPathReport(f: LspPath): string {
  return ['9. The LSP path beside the engine (issue 19): built-in glossary, server with LINGO_DEBOUNCE_MS=0; in process: doValidation of a fresh version (at most 1,000 diagnostics, as the server publishes), and with JSON.stringify; over LSP: didOpen of a new document → its publishDiagnostics (push), or → the answer to textDocument/diagnostic sent right after it (pull); a pull with the previous resultId (unchanged); medians',
    table(['document', 'in-process ms', '+ JSON ms', 'diagnostics', 'JSON KB', 'LSP push ms', 'push ÷ in-process', 'LSP pull ms', 'pull ÷ in-process', 'pull unchanged ms', '| CPU ms: in process', 'server, push', 'server, pull'],
      f.sizes.map((x) => [x.size, fmtMs(x.inProcessMs), fmtMs(x.inProcessJsonMs), x.diagnostics, (x.jsonBytes / 1024).toFixed(0), fmtMs(x.pushOpenMs), fmtX(x.pushOpenMs / x.inProcessMs), fmtMs(x.pullOpenMs), fmtX(x.pullOpenMs / x.inProcessMs), fmtMs(x.pullUnchangedMs), fmtMs(x.inProcessCpuMs), fmtMs(x.pushServerCpuMs), fmtMs(x.pullServerCpuMs)])),
    '', `   one keystroke in ${f.sizes.at(-1)?.size ?? '1 MB'} (idle server, ${f.sizes.at(-1)?.size ?? '1 MB'} open): didChange → publishDiagnostics median ${fmtMs(f.keystroke.pushMedianMs)} ms (p90 ${fmtMs(f.keystroke.pushP90Ms)}); didChange → pulled diagnostics (with the previous resultId) median ${fmtMs(f.keystroke.pullMedianMs)} ms (p90 ${fmtMs(f.keystroke.pullP90Ms)}; ${f.keystroke.pullUnchanged} of ${f.keystroke.pulls} answered unchanged); in process (update + doValidation + JSON) ${fmtMs(f.keystroke.inProcessMedianMs)} ms, allocating ${f.keystroke.inProcessAllocatedMB.toFixed(1)} MB; server CPU per keystroke: push ${fmtMs(f.keystroke.pushServerCpuMs)} ms, pull ${fmtMs(f.keystroke.pullServerCpuMs)} ms`,
    '   (CPU ms: time on the CPU of the main thread, /proc/<pid>/schedstat: what the work costs when other processes share the cores; the wall times include waiting for them.)',
  ].join('\n');
}

/** Issue 19's targets for the LSP path, each with what it was measured against. */
function lspPathTargets(f: LspPath): { target: string; value: string; met: boolean }[] {
  const mb = f.sizes.find((x) => x.size === '1 MB'), kb = f.sizes.find((x) => x.size === '100 KB');
  const out: { target: string; value: string; met: boolean }[] = [];
  if (mb) {
    const best = Math.min(mb.pushOpenMs, mb.pullOpenMs);
    out.push({ target: '1 MB over LSP (didOpen → diagnostics, push or pull) ≤ 1.5× the in-process check', value: `push ${fmtX(mb.pushOpenMs / mb.inProcessMs)}, pull ${fmtX(mb.pullOpenMs / mb.inProcessMs)} (${fmtMs(best)} ms against ${fmtMs(mb.inProcessMs)} ms)`, met: best <= 1.5 * mb.inProcessMs });
  }
  if (kb) {
    const best = Math.min(kb.pushOpenMs, kb.pullOpenMs);
    out.push({ target: '100 KB over LSP (didOpen → diagnostics) < 4 ms', value: `${fmtMs(best)} ms (in process ${fmtMs(kb.inProcessMs)} ms: the engine alone ${kb.inProcessMs < 4 ? 'fits' : 'does not fit'})`, met: best < 4 });
  }
  const k = Math.min(f.keystroke.pushMedianMs, f.keystroke.pullMedianMs);
  out.push({ target: 'one keystroke in 1 MB over LSP < 10 ms median', value: `push ${fmtMs(f.keystroke.pushMedianMs)} ms, pull ${fmtMs(f.keystroke.pullMedianMs)} ms (in process ${fmtMs(f.keystroke.inProcessMedianMs)} ms)`, met: k < 10 });
  return out;
}

/** The service as the server has it: the built-in glossary from glossary.bin, the Chinese vocabulary, links to RULES.md. */
function serverLikeService(): ReturnType<typeof getLanguageService> {
  const loaded = loadBuiltGlossary(glossaryFile(0));
  if (!loaded || 'problem' in loaded) throw new Error(`the bench cannot load ${builtFile(0)}: ${loaded ? loaded.problem : 'it is not there'}`);
  return getLanguageService(attachHanLexicon(loaded.glossary, lexiconFile(path.join(ROOT, 'dist'))), { rulesDocument: `file://${path.join(ROOT, 'RULES.md')}` });
}

const LSP_PATH_SIZES = [10 * KB, 100 * KB, 1 * MB];

/**
 * --engine: only the in-process check of section 9's 100 KB and 1 MB documents as the server makes it
 * (doValidation of a fresh version, at most 1,000 diagnostics), its CPU time and its JSON per diagnostic; with
 * --profile, a CPU profile of a 5-second loop over each (node:inspector) in /tmp or --profile-dir=.
 */
async function engineOnly(builtinGlossary: Glossary, profileDir?: string): Promise<void> {
  const svc = serverLikeService();
  const texts = documents(builtinGlossary, [100 * KB, 1 * MB]);
  const rows: (string | number)[][] = [];
  let v = 0;
  for (const [size, text] of texts) {
    const uri = `file:///bench/engine-${size}.md`;
    const check = () => { svc.forget(uri); return svc.doValidation(TextDocument.create(uri, 'markdown', ++v, text), EDITOR_SETTINGS); };
    const opts = { warmup: 5, minRuns: size > 500_000 ? 15 : 40, minMs: 2000, maxRuns: 400 };
    const cpu0 = threadCpuMs('self');
    const m = measure(() => void check(), opts);
    const cpuMs = (threadCpuMs('self') - cpu0) / (m.runs.length + opts.warmup);
    const diags = check();
    const bytes = Buffer.byteLength(JSON.stringify(diags));
    rows.push([SIZE_NAMES.get(size)!, m.median.toFixed(2), cpuMs.toFixed(2), diags.length, (bytes / 1024).toFixed(0), (bytes / Math.max(1, diags.length)).toFixed(0)]);
    if (profileDir) {
      const file = path.join(profileDir, `engine-${SIZE_NAMES.get(size)!.replace(' ', '')}.cpuprofile`);
      await profiled(file, () => { const t0 = now(); while (now() - t0 < 5000) check(); });
      console.log(['', `profile ${file}`, table(['function', 'self %', 'self ms'], topFunctions(file, 30).map((x) => [x.fn, x.selfPct.toFixed(1), x.selfMs.toFixed(0)]))].join('\n'));
    }
    svc.forget(uri);
  }
  console.log([`node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`, table(['document', 'median ms', 'CPU ms', 'diagnostics', 'JSON KB (UTF-8)', 'JSON bytes each'], rows)].join('\n'));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const withTextlint = !argv.includes('--no-textlint');
  const textlintFull = argv.includes('--textlint-full');
  const profileOnly = argv.includes('--profile-only');
  const withProfile = argv.includes('--profile') || profileOnly;
  if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run npm run build first');
  if (!(globalThis as { gc?: unknown }).gc) log('(run with node --expose-gc for steadier figures)');
  fs.mkdirSync(CACHE, { recursive: true });
  fs.mkdirSync(OUT, { recursive: true });
  const started = now();
  const loadBefore = os.loadavg()[0];
  const glossaries = quick ? [0, 1000, 10000] : GLOSSARIES;
  const sizes = quick ? SIZES.slice(0, 3) : SIZES;

  if (profileOnly) {
    const profiles = runProfiles(quick ? 10000 : 50000);
    for (const [name, fns] of Object.entries(profiles)) console.log(['', name, table(['function', 'self %', 'self ms'], fns.map((f) => [f.fn, f.selfPct.toFixed(1), f.selfMs.toFixed(0)]))].join('\n'));
    fs.writeFileSync(path.join(OUT, 'profiles.json'), JSON.stringify(profiles, null, 2));
    return;
  }
  if (argv.includes('--termbase')) {
    const tb = await termbaseLoad(SERVER, benchTermbases(ROOT, quick ? 10000 : 50000), log);
    console.log([termbaseReport(tb), '', 'Targets', table(['target', 'measured', ''], termbaseTargets(tb).map((x) => [x.target, x.value, x.met ? 'met' : 'MISSED']))].join('\n'));
    fs.writeFileSync(path.join(OUT, 'bench-termbase.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, termbases: tb }, null, 2));
    return;
  }
  const builtin = builtinCompiled();
  const builtinGlossary = buildGlossary(builtin.sources, { domains: builtin.domains, trusted: true }).glossary;
  if (argv.includes('--workspace')) {
    const ws = await workspaceReferences(serverCopy(0), builtinGlossary, log);
    const report = [workspaceReport(ws), '', 'Targets', table(['target', 'measured', ''], workspaceTargets(ws).map((x) => [x.target, x.value, x.met ? 'met' : 'MISSED']))].join('\n');
    console.log(report);
    fs.writeFileSync(path.join(OUT, 'bench-workspace.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, workspace: ws }, null, 2));
    return;
  }
  if (argv.includes('--engine')) {
    await engineOnly(builtinGlossary, argv.includes('--profile') ? (argv.find((a) => a.startsWith('--profile-dir='))?.slice('--profile-dir='.length) ?? '/tmp') : undefined);
    return;
  }
  if (argv.includes('--lsp-path')) {
    const texts = documents(builtinGlossary, LSP_PATH_SIZES);
    // --profile: the servers run under node --cpu-prof; their profiles go to test-output/profiles/lsp-path/.
    const pdir = argv.includes('--profile') ? path.join(OUT, 'profiles', 'lsp-path') : undefined;
    if (pdir) { fs.rmSync(pdir, { recursive: true, force: true }); fs.mkdirSync(pdir, { recursive: true }); }
    // --server=<dist/server.js of another build> (its glossary.json and glossary.bin next to it): to compare builds.
    const other = argv.find((a) => a.startsWith('--server='))?.slice('--server='.length);
    const f = await lspPath(other ? path.resolve(other) : serverCopy(0), serverLikeService(), EDITOR_SETTINGS, LSP_PATH_SIZES.map((size) => ({ size: SIZE_NAMES.get(size)!, text: texts.get(size)! })), log, pdir);
    if (pdir) {
      for (const file of fs.readdirSync(pdir)) {
        console.log(['', `profile ${file}`, table(['function', 'self %', 'self ms'], topFunctions(path.join(pdir, file), 25).map((x) => [x.fn, x.selfPct.toFixed(1), x.selfMs.toFixed(0)]))].join('\n'));
      }
    }
    const report = [`node ${process.version}, load average ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end`, '', lspPathReport(f), '', 'Targets', table(['target', 'measured', ''], lspPathTargets(f).map((x) => [x.target, x.value, x.met ? 'met' : 'MISSED']))].join('\n');
    console.log(report);
    fs.writeFileSync(path.join(OUT, 'bench-lsp-path.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, lspPath: f }, null, 2));
    return;
  }
  const docs = documents(builtinGlossary, sizes);
  // Each document is built by extending the smaller one; read back from its file it is one flat string, as a
  // server receives a document (the bare loop over a concatenated string ran at half speed now and then).
  for (const [size, text] of docs) {
    fs.writeFileSync(docFile(size), text);
    docs.set(size, fs.readFileSync(docFile(size), 'utf8'));
  }
  const doc1MB = docs.get(1 * MB)!;
  log(`documents: ${sizes.map((s) => `${SIZE_NAMES.get(s)} = ${docs.get(s)!.length.toLocaleString('en')} chars`).join(', ')}`);

  // 2. The bare loop, per document. It is compiled before it is timed, over a short text: compiled in the middle
  // of its first long run instead (on-stack replacement), V8 sometimes keeps code that runs at half speed, and
  // the loop took 1.7 or 3.3 ms per MB from one run to the next.
  const short = doc1MB.slice(0, 2000);
  for (let i = 0; i < 3000; i++) sink += bareLoop(short);
  const bare = new Map<number, number>();
  for (const size of sizes) bare.set(size, measure(() => { sink += bareLoop(docs.get(size)!); }, { warmup: 5, minRuns: 15, minMs: 500, maxRuns: 500 }).median);

  // 1. Full checks, per glossary and document; in-process hover, completion and keystroke on 1 MB.
  interface GFig {
    n: number; label: string; concepts: number; terms: number; forms: number; buildMs: number;
    check: Record<string, { medianMs: number; runs: number; diagnostics: number; occurrences: number; mbPerS: number; xBare: number }>;
    inProcess: { hoverP50: number; hoverP99: number; completionP50: number; completionP99: number; keystrokeMedianMs: number; keystrokeP99Ms: number; keystrokeAllMedianMs: number; keystrokeAllP99Ms: number };
  }
  const gfigs: GFig[] = [];
  const concepts: ConceptFig[] = [];
  { // Global warm-up, so that the first glossary measured does not pay for the JIT.
    const svc = getLanguageService(builtinGlossary);
    const t0 = now();
    for (let v = 1; now() - t0 < 3000; v++) { svc.forget('file:///bench/warm.md'); svc.doValidation(TextDocument.create('file:///bench/warm.md', 'markdown', v, docs.get(100 * KB)!), SETTINGS); }
  }
  const lspOffsets = new Map<number, { hover: number[]; complete: number[] }>();
  for (const n of glossaries) {
    let compiled: Compiled | undefined = compiledFor(n, builtin);
    gc();
    const tb = now();
    let built: ReturnType<typeof buildGlossary> | undefined = buildGlossary(compiled.sources, { domains: compiled.domains, trusted: true });
    const buildMs = now() - tb;
    // The files the server loads, written by the code npm run build uses (dist/ has the built-in glossary's).
    if (n !== 0) writeCompiledGlossary(glossaryFile(n), compiled, built);
    if (n === 10000) fs.writeFileSync(path.join(CACHE, 'terminology-10000.json'), JSON.stringify(terminologyTerms(compiled.sources, 10000)));
    const fig: GFig = {
      n, label: gname(n), concepts: built.glossary.concepts.length, terms: built.glossary.terms.length, forms: built.glossary.terms.reduce((s, t) => s + termForms(t).length, 0), buildMs,
      check: {}, inProcess: undefined as unknown as GFig['inProcess'],
    };
    // Everything below measures the glossary as the server holds it: loaded from glossary.bin (as built at build
    // time, or kept from an earlier start with a team glossary). The glossary data and the objects of the build
    // are dropped first (the server never has them together with a loaded glossary): alive, they made every
    // garbage collection during the checks walk ~400 MB more with 50,000 concepts. Counting the forms above made
    // 4 million strings, collected here too.
    /* eslint-disable no-useless-assignment -- dropped so that the garbage collector frees them */
    compiled = undefined;
    built = undefined;
    /* eslint-enable no-useless-assignment */
    const loaded = loadBuiltGlossary(glossaryFile(n));
    if (!loaded || 'problem' in loaded) throw new Error(`the bench cannot load ${builtFile(n)}: ${loaded ? loaded.problem : 'it is not there'}`);
    // With the Chinese vocabulary, as the server has it.
    const glossary = attachHanLexicon(loaded.glossary, lexiconFile(path.join(ROOT, 'dist')));
    const svc = getLanguageService(glossary);
    gc();
    let version = 0;
    for (const size of sizes) {
      const text = docs.get(size)!;
      const uri = `file:///bench/doc-${size}.md`;
      let diagnostics = 0;
      const big = size >= 5 * MB;
      // forget(): otherwise the service would carry the previous version's findings over (the text is the same).
      const m = measure(() => { svc.forget(uri); diagnostics = svc.doValidation(TextDocument.create(uri, 'markdown', ++version, text), SETTINGS).length; }, { warmup: big ? 1 : 3, minRuns: big ? 3 : 5, minMs: big ? 0 : 400, maxRuns: 400 });
      svc.forget(uri);
      const occurrences = svc.analyze(TextDocument.create(uri, 'markdown', ++version, text), SETTINGS)!.occurrences.length;
      fig.check[SIZE_NAMES.get(size)!] = { medianMs: m.median, runs: m.runs.length, diagnostics, occurrences, mbPerS: Buffer.byteLength(text) / MB / (m.median / 1000), xBare: m.median / bare.get(size)! };
      svc.forget(uri);
      log(`check ${gname(n)} ${SIZE_NAMES.get(size)}: ${fmtMs(m.median)} ms (${m.runs.length} runs), ${diagnostics} diagnostics`);
    }
    // In-process hover / completion / keystroke on 1 MB.
    {
      const offs = termOffsets(glossary, doc1MB, 400, 3);
      if (n === 0 || n === 50000 || (quick && n === 10000)) lspOffsets.set(n, termOffsets(glossary, doc1MB, 300, 9));
      const doc = TextDocument.create('file:///bench/inproc.md', 'markdown', 1, doc1MB);
      svc.doValidation(doc, SETTINGS);
      const time = (f: () => void) => { const t = now(); f(); return now() - t; };
      for (let i = 0; i < 30; i++) { svc.doHover(doc, doc.positionAt(offs.hover[i]), SETTINGS); svc.doComplete(doc, doc.positionAt(offs.complete[i]), SETTINGS); }
      const hov = offs.hover.map((o) => time(() => JSON.stringify(svc.doHover(doc, doc.positionAt(o), SETTINGS))));
      const comp = offs.complete.map((o) => time(() => JSON.stringify(svc.doComplete(doc, doc.positionAt(o), SETTINGS))));
      // Keystrokes: as the server publishes them (at most 1,000, lingo.maxProblems), and every diagnostic.
      const keystrokes = (settings: typeof SETTINGS, seed: number) => {
        const keys: number[] = [];
        let v = 1;
        const kdoc = TextDocument.create(`file:///bench/keys-${seed}.md`, 'markdown', 1, doc1MB);
        svc.doValidation(kdoc, settings);
        for (const off of editOffsets(doc1MB, 40, seed)) {
          keys.push(time(() => {
            const p = kdoc.positionAt(off);
            TextDocument.update(kdoc, [{ range: { start: p, end: p }, text: 'x' }], ++v);
            JSON.stringify(svc.doValidation(kdoc, settings));
          }));
        }
        keys.splice(0, 10); // warm-up: the first glossary's keystrokes would otherwise include compiling the keystroke path
        svc.forget(kdoc.uri);
        return keys;
      };
      const keys = keystrokes(EDITOR_SETTINGS, 5), keysAll = keystrokes(SETTINGS, 6);
      fig.inProcess = { hoverP50: percentile(hov, 50), hoverP99: percentile(hov, 99), completionP50: percentile(comp, 50), completionP99: percentile(comp, 99), keystrokeMedianMs: median(keys), keystrokeP99Ms: percentile(keys, 99), keystrokeAllMedianMs: median(keysAll), keystrokeAllP99Ms: percentile(keysAll, 99) };
    }
    gfigs.push(fig);
    concepts.push(conceptFigures(n, glossary, doc1MB));
  }

  // 5. Memory and load time: child processes per glossary (load glossary.bin as the server does, or build from
  // glossary.json; then one check of 1 MB).
  const mem: Record<string, unknown>[] = [];
  for (const n of glossaries) {
    const child = (how: string) => {
      const r = runChild(['child-mem', how, glossaryFile(n), docFile(1 * MB)], 300000, ['--expose-gc']);
      if (!r.ok) throw new Error(`memory child (${how}) for ${gname(n)} failed: ${r.err}`);
      return r.out;
    };
    const load = child('load'), build = child('build');
    mem.push({ n, label: gname(n), ...load, jsonBytes: fs.statSync(glossaryFile(n)).size, builtBytes: fs.statSync(builtFile(n)).size, build });
    log(`memory ${gname(n)}: load ${fmtMs(load.loadMs)} ms, peak RSS ${fmtMB(load.peakRss)} MB; build ${fmtMs(build.buildMs)} ms, peak RSS ${fmtMB(build.peakRss)} MB`);
  }

  // 4. LSP against dist/server.js; a copy of the bundle next to a generated glossary.json and glossary.bin loads that glossary instead.
  const lsp: LspFigures[] = [];
  const lspGlossaries = quick ? [0] : [0, 50000];
  for (const n of lspGlossaries) {
    const serverJs = serverCopy(n);
    const f = await lspRun(gname(n), serverJs, doc1MB, lspOffsets.get(n)!, n === 0 ? 5 : 1);
    lsp.push(f);
    if (!/\(built: /.test(f.serverLoadLog ?? '')) log(`lsp ${gname(n)}: WARNING: the server did not load ${BUILT_NAME}: ${f.serverLoadLog ?? '(no load message)'}`);
    log(`lsp ${gname(n)}: cold ${fmtMs(f.coldStartMedianMs)} ms, hover p99 ${fmtMs(f.hoverP99)}, completion p99 ${fmtMs(f.completionP99)}, keystroke ${fmtMs(f.keystrokeWallMedianMs)} ms wall`);
  }

  // 9. The LSP path beside the in-process check (issue 19), built-in glossary, 10 KB to 1 MB.
  const lspPathFigs = await lspPath(serverCopy(0), serverLikeService(), EDITOR_SETTINGS, LSP_PATH_SIZES.map((size) => ({ size: SIZE_NAMES.get(size)!, text: docs.get(size)! })), log);
  // The long session: an hour of use, compressed: one server with the largest glossary through thousands of steps, RSS sampled.
  const sessions = [await longSession(gname(lspGlossaries[lspGlossaries.length - 1]), serverCopy(lspGlossaries[lspGlossaries.length - 1]), builtinGlossary, sessionSteps(argv, quick), log)];

  // 8. References over a workspace of 2,000 generated files (a temporary folder), with the built-in glossary.
  const ws = await workspaceReferences(serverCopy(0), builtinGlossary, log);

  // 10. Termbases (lingo.glossaries): the 50,000-concept TBX loaded in the server's worker thread, hovers meanwhile.
  const tb = await termbaseLoad(SERVER, benchTermbases(ROOT, quick ? 10000 : 50000), log);

  // 3. textlint + textlint-rule-terminology with the 10,000 generated concepts' term list.
  const textlint: Record<string, unknown>[] = [];
  if (withTextlint && glossaries.includes(10000)) {
    const ours = gfigs.find((g) => g.n === 10000)!;
    let prev: { size: number; ms: number } | undefined;
    for (const size of [100 * KB, 1 * MB]) {
      const name = SIZE_NAMES.get(size)!;
      const oursMs = ours.check[name].medianMs;
      // textlint's cost is linear in the text: measure 1 MB only when that should take ≤ 2 minutes
      // (--textlint-full: always), otherwise extrapolate from 100 KB and say so.
      if (prev && (quick || (!textlintFull && (prev.ms * size) / prev.size > 120000))) {
        const est = (prev.ms * size) / prev.size;
        textlint.push({ size: name, lintMs: est, extrapolated: true, oursMs, ratio: est / oursMs });
        log(`textlint ${name}: extrapolated ${fmtMs(est)} ms`);
        continue;
      }
      const cap = textlintFull ? 900000 : 300000;
      const r = runChild(['child-textlint', path.join(CACHE, 'terminology-10000.json'), docFile(size)], cap);
      if (r.ok) {
        textlint.push({ size: name, ...r.out, extrapolated: false, oursMs, ratio: r.out.lintMs / oursMs });
        prev = { size, ms: r.out.lintMs };
        log(`textlint ${name}: ${fmtMs(r.out.lintMs)} ms, ${r.out.messages} messages`);
      } else if (r.timedOut && prev) {
        const est = (prev.ms * size) / prev.size;
        textlint.push({ size: name, lintMs: est, extrapolated: true, cappedAtMs: cap, oursMs, ratio: est / oursMs });
      } else throw new Error(`textlint child failed: ${r.err}`);
    }
  }

  // 6. What senses cost: the full check of 1 MB with the built-in glossary as it is (context of terms, Chinese word
  // boundaries) and the same glossary without them (no notIn, notNear, cues; no vocabulary), as Lingo checked before
  // it knew senses. Measured in turn, in this process, after a warm-up of each.
  const senses = (() => {
    const strip = (sources: GlossarySource[]): GlossarySource[] => JSON.parse(JSON.stringify(sources, (k, v) => (k === 'notIn' || k === 'notNear' || k === 'cues' ? undefined : v)));
    const withSenses = attachHanLexicon(buildGlossary(builtin.sources, { domains: builtin.domains, trusted: true }).glossary, lexiconFile(path.join(ROOT, 'dist')));
    const without = buildGlossary(strip(builtin.sources), { domains: builtin.domains, trusted: true }).glossary;
    const svcs = [getLanguageService(withSenses), getLanguageService(without)];
    let v = 0;
    const once = (svc: ReturnType<typeof getLanguageService>) => { svc.forget('file:///bench/senses.md'); return svc.doValidation(TextDocument.create('file:///bench/senses.md', 'markdown', ++v, doc1MB), SETTINGS).length; };
    const diagnostics = svcs.map(once);
    for (let i = 0; i < 5; i++) svcs.forEach(once);
    const times: number[][] = [[], []];
    for (let round = 0; round < 15; round++) svcs.forEach((svc, k) => { gc(); const t0 = now(); once(svc); times[k].push(now() - t0); });
    const [withMs, withoutMs] = times.map(median);
    const occurrences = svcs.map((svc) => svc.analyze(TextDocument.create('file:///bench/senses.md', 'markdown', v, doc1MB), SETTINGS)?.occurrences.length ?? 0);
    return { withMs, withoutMs, ratio: withMs / withoutMs, diagnostics, occurrences };
  })();
  log(`senses: 1 MB ${fmtMs(senses.withMs)} ms with, ${fmtMs(senses.withoutMs)} ms without (${fmtX(senses.ratio)})`);

  // Targets.
  const g0 = gfigs.find((g) => g.n === 0)!;
  const g50 = gfigs.find((g) => g.n === 50000);
  const m50 = mem.find((m) => m.n === 50000) as { peakRss: number } | undefined;
  const l0 = lsp.find((l) => l.glossary === gname(0))!;
  const l50 = lsp.find((l) => l.glossary === gname(50000));
  const targets: { target: string; value: string; met: boolean | undefined }[] = [];
  const t = (target: string, value: number | undefined, limit: number, unit: string, cmp: 'lt' | 'ge' = 'lt') =>
    targets.push({ target, value: value === undefined ? 'not measured' : `${unit === '×' ? fmtX(value) : fmtMs(value) + ' ' + unit}`, met: value === undefined ? undefined : cmp === 'lt' ? value <= limit : value >= limit });
  t('1 MB, built-in glossary: full check ≤ 10× the bare loop', g0.check['1 MB'].xBare, 10, '×');
  if (g50) for (const s of sizes) t(`${SIZE_NAMES.get(s)}: 50,000 concepts ≤ 1.5× the built-in glossary`, g50.check[SIZE_NAMES.get(s)!].medianMs / g0.check[SIZE_NAMES.get(s)!].medianMs, 1.5, '×');
  for (const tl of textlint as { size: string; ratio: number; extrapolated: boolean }[]) t(`${tl.size}: ≥ 1,000× faster than textlint-rule-terminology (10,000 terms)${tl.extrapolated ? ' (textlint extrapolated)' : ''}`, tl.ratio, 1000, '×', 'ge');
  t('hover p99 < 5 ms, 50,000 concepts (LSP)', l50?.hoverP99, 5, 'ms');
  t('completion p99 < 20 ms, 50,000 concepts (LSP)', l50?.completionP99, 20, 'ms');
  t('one keystroke in 1 MB → fresh diagnostics < 30 ms (LSP didChange → publishDiagnostics, no debounce, idle server)', l0.keystrokeWallMedianMs, 30, 'ms');
  t('one keystroke in 1 MB → fresh diagnostics < 30 ms (in-process update + doValidation + JSON, at most 1,000)', g0.inProcess.keystrokeMedianMs, 30, 'ms');
  t('one keystroke in 1 MB → every diagnostic afresh < 30 ms (in-process, lingo.maxProblems 0)', g0.inProcess.keystrokeAllMedianMs, 30, 'ms');
  t('cold start (spawn → first publishDiagnostics, 1 MB open) < 300 ms', l0.coldStartMedianMs, 300, 'ms');
  t('peak RSS < 200 MB with 50,000 concepts (glossary.bin loaded as the server does, 1 MB checked)', m50 ? m50.peakRss / MB : undefined, 200, 'MB');
  if (l50?.peakRss) t('server peak RSS < 200 MB with 50,000 concepts (LSP, 1 MB open)', l50.peakRss / MB, 200, 'MB');
  for (const f of sessions) t(`server peak RSS < ${SESSION_TARGET_MB} MB over an hour of use compressed, ${f.glossary} (long session)`, f.peakHwm / MB, SESSION_TARGET_MB, 'MB');
  t('1 MB, built-in glossary: full check with senses ≤ 1.3× without (section 6)', senses.ratio, 1.3, '×');
  targets.push(...workspaceTargets(ws));
  targets.push(...lspPathTargets(lspPathFigs));
  targets.push(...termbaseTargets(tb));

  // Profiles of the misses (optional: --profile).
  const profiles = withProfile ? runProfiles(glossaries[glossaries.length - 1]) : {};

  // Report.
  const out: string[] = [];
  const sname = sizes.map((s) => SIZE_NAMES.get(s)!);
  out.push(`Lingo benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}; load average ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end (other processes make figures noisy). Every time is a median after warm-up unless marked p50/p99.`);
  out.push('', 'Documents: ' + sizes.map((s) => `${SIZE_NAMES.get(s)} (${docs.get(s)!.length.toLocaleString('en')} chars)`).join(', '));
  out.push('', '1. Full check (doValidation, fresh version) — ms', table(['glossary', 'concepts', 'terms', 'forms', ...sname], gfigs.map((g) => [g.label, g.concepts, g.terms, g.forms, ...sname.map((s) => fmtMs(g.check[s].medianMs))])));
  out.push('', '   throughput — MB/s', table(['glossary', ...sname], gfigs.map((g) => [g.label, ...sname.map((s) => g.check[s].mbPerS.toFixed(1))])));
  out.push('', '   vs built-in on the same document', table(['glossary', ...sname], gfigs.map((g) => [g.label, ...sname.map((s) => fmtX(g.check[s].medianMs / g0.check[s].medianMs))])));
  out.push('', '   diagnostics / term occurrences', table(['glossary', ...sname], gfigs.map((g) => [g.label, ...sname.map((s) => `${g.check[s].diagnostics} / ${g.check[s].occurrences}`)])));
  out.push('', '2. Bare charCodeAt loop (sum of char codes) — ms, and the full check as a multiple of it', table(['', ...sname], [['bare loop', ...sizes.map((s) => fmtMs(bare.get(s)))], ...gfigs.map((g) => [g.label, ...sname.map((s) => fmtX(g.check[s].xBare))])]));
  if (textlint.length) out.push('', '3. textlint + textlint-rule-terminology, 10,000 terms (one run each) vs Lingo with 10,000 generated concepts + built-in', table(['document', 'textlint ms', 'textlint messages', 'Lingo ms', 'Lingo faster by'], (textlint as { size: string; lintMs: number; messages?: number; extrapolated: boolean; oursMs: number; ratio: number }[]).map((x) => [x.size, fmtMs(x.lintMs) + (x.extrapolated ? ' (extrapolated)' : ''), x.messages ?? '—', fmtMs(x.oursMs), fmtX(x.ratio)])));
  out.push('', '4. LSP over stdio, dist/server.js, 1 MB document open (client-side round trips)', table(['glossary', 'initialize', 'cold start', 'hover p50', 'hover p99', 'compl. p50', 'compl. p99', 'keystroke median', 'keystroke p99', 'back to back: median', 'p99', 'diagnostics', 'peak RSS MB'], lsp.map((l) => [l.glossary, fmtMs(l.initializeMs), fmtMs(l.coldStartMedianMs), fmtMs(l.hoverP50), fmtMs(l.hoverP99), fmtMs(l.completionP50), fmtMs(l.completionP99), fmtMs(l.keystrokeWallMedianMs), fmtMs(l.keystrokeWallP99Ms), fmtMs(l.keystrokeBackToBackMedianMs), fmtMs(l.keystrokeBackToBackP99Ms), l.diagnostics, fmtMB(l.peakRss)])));
  out.push('', '   in-process on the same 1 MB document (service calls + JSON.stringify of the answer)', table(['glossary', 'hover p50', 'hover p99', 'compl. p50', 'compl. p99', 'keystroke median', 'keystroke p99', 'keystroke, all diagnostics: median', 'p99'], gfigs.map((g) => [g.label, fmtMs(g.inProcess.hoverP50), fmtMs(g.inProcess.hoverP99), fmtMs(g.inProcess.completionP50), fmtMs(g.inProcess.completionP99), fmtMs(g.inProcess.keystrokeMedianMs), fmtMs(g.inProcess.keystrokeP99Ms), fmtMs(g.inProcess.keystrokeAllMedianMs), fmtMs(g.inProcess.keystrokeAllP99Ms)])));
  type MemFig = { n: number; label: string; loadMs: number; firstCheckMs: number; peakRss: number; rssAfterGc: number; heapUsedAfterGc: number; trieBytes: number; jsonBytes: number; builtBytes: number; build: { parseMs: number; buildMs: number; firstCheckMs: number; peakRss: number; rssAfterGc: number } };
  out.push('', '5. Memory and glossary load, a fresh process each: load glossary.bin as the server does (no team glossary) and check 1 MB once; or parse glossary.json, build it (with a team glossary, or when glossary.bin cannot be used) and check 1 MB once',
    table(['glossary', 'glossary.json MB', 'glossary.bin MB', 'load ms', 'first check ms', 'peak RSS MB', 'RSS after GC MB', 'heap after GC MB', 'matcher MB', '| build: parse ms', 'build ms', 'first check ms', 'peak RSS MB', 'RSS after GC MB', 'in-process build ms'],
      (mem as MemFig[]).map((m) => [m.label, (m.jsonBytes / MB).toFixed(1), (m.builtBytes / MB).toFixed(1), fmtMs(m.loadMs), fmtMs(m.firstCheckMs), fmtMB(m.peakRss), fmtMB(m.rssAfterGc), fmtMB(m.heapUsedAfterGc), (m.trieBytes / MB).toFixed(1),
        fmtMs(m.build.parseMs), fmtMs(m.build.buildMs), fmtMs(m.build.firstCheckMs), fmtMB(m.build.peakRss), fmtMB(m.build.rssAfterGc), fmtMs(gfigs.find((g) => g.n === m.n)!.buildMs)])));
  out.push('', '6. Senses: full check of 1 MB, built-in glossary, with its terms\' context and Chinese word boundaries, and without them (as before Lingo knew senses); medians of 15 runs taken in turn', table(['', 'ms', 'diagnostics', 'term occurrences'], [
    ['with senses', fmtMs(senses.withMs), senses.diagnostics[0], senses.occurrences[0]],
    ['without', fmtMs(senses.withoutMs), senses.diagnostics[1], senses.occurrences[1]],
    ['ratio', fmtX(senses.ratio), '', ''],
  ]));
  out.push('', '7. Concept features (issue 18), in process on the 1 MB document: findConcepts (workspace symbols) — the first search reads the name index from glossary.bin — with 200 queries of 2 to 6 letters and 10 of one letter, then the heap once the index is let go and the first search after; a file\'s concept index from its cached analysis; semantic tokens; document highlights', conceptTable(concepts));
  out.push('', workspaceReport(ws));
  out.push('', lspPathReport(lspPathFigs));
  out.push('', termbaseReport(tb));
  out.push('', `Long session: an hour of use, compressed (LSP, one server, ${sessions[0].steps} steps: typing, pasting, hovers, completions, quick-fix menus, documents of 10 KB to 1 MB in five languages opened and closed, the Glossary view, glossary reloads; RSS sampled every 100 ms)`, sessionTable(sessions), ...sessions.map(sessionLine));
  out.push('', 'Targets', table(['target', 'measured', ''], targets.map((x) => [x.target, x.value, x.met === undefined ? '—' : x.met ? 'met' : 'MISSED'])));
  if (Object.keys(profiles).length) {
    out.push('', 'CPU profiles (self time, test-output/profiles/*.cpuprofile)');
    for (const [name, fns] of Object.entries(profiles)) out.push('', name, table(['function', 'self %', 'self ms'], fns.map((f) => [f.fn, f.selfPct.toFixed(1), f.selfMs.toFixed(0)])));
  }
  out.push('', `Bench took ${((now() - started) / 1000).toFixed(0)} s.`);
  const report = out.join('\n');
  console.log(report);
  fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify({
    date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: { start: loadBefore, end: os.loadavg()[0] }, quick,
    documents: sizes.map((s) => ({ size: SIZE_NAMES.get(s), bytes: Buffer.byteLength(docs.get(s)!), chars: docs.get(s)!.length })),
    bareLoopMs: Object.fromEntries(sizes.map((s) => [SIZE_NAMES.get(s), bare.get(s)])),
    glossaries: gfigs, concepts, textlint, lsp, memory: mem, workspace: ws, termbases: tb, lspPath: lspPathFigs, sessions, targets, profiles, sink,
  }, null, 2));
  fs.writeFileSync(path.join(OUT, 'bench.txt'), report + '\n');
}

const mode = process.argv[2];
if (mode === 'child-mem') childMem(process.argv[3], process.argv[4], process.argv[5]);
else if (mode === 'child-textlint') childTextlint(process.argv[3], process.argv[4]).catch((e) => { console.error(e); process.exit(1); });
else if (mode === 'child-profile') childProfile(process.argv[3], process.argv[4], Number(process.argv[5]), Number(process.argv[6])).then(() => process.stdout.write('{}'), (e) => { console.error(e); process.exit(1); });
else if (process.argv.includes('--concepts')) conceptsOnly();
else if (process.argv.includes('--session')) sessionOnly(process.argv.slice(2)).catch((e) => { console.error(e); process.exit(1); });
else main().catch((e) => { console.error(e); process.exit(1); });

