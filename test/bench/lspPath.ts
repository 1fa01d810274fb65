/**
 * The LSP path beside the engine (issue 19): the same documents checked in process (doValidation on a fresh
 * version, at most 1,000 diagnostics as the server publishes with default settings) and over real LSP against
 * the server bundle with LINGO_DEBOUNCE_MS=0: didOpen → publishDiagnostics (push), didOpen → the answer to
 * textDocument/diagnostic (pull), a pull answered `unchanged`, and one keystroke in 1 MB both ways. Each open is
 * of a new URI (closed again after), timed from the moment its message is written (the client's JSON of the
 * document is made before) to the moment the answer has arrived and been parsed.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, Settings } from '../../server/src/service';
import { BenchClient, threadCpuMs } from './lsp';
import { editOffsets, measure, median, now, percentile } from './util';

export interface LspPathFigures {
  size: string;
  chars: number;
  /** In process: doValidation of a fresh version (the analysis and diagnostics), and with JSON.stringify of them. */
  inProcessMs: number;
  inProcessJsonMs: number;
  diagnostics: number;
  /** Bytes of the diagnostics' JSON. */
  jsonBytes: number;
  pushOpenMs: number;
  pullOpenMs: number;
  pullUnchangedMs: number;
  /** CPU time of the main thread: in process per check, and the server's per open (push, pull). */
  inProcessCpuMs: number;
  pushServerCpuMs: number;
  pullServerCpuMs: number;
  runs: number;
}

export interface KeystrokeFigures { pushMedianMs: number; pushP90Ms: number; pullMedianMs: number; pullP90Ms: number; inProcessMedianMs: number; pushServerCpuMs: number; pullServerCpuMs: number;
  /** In process: MB allocated by one keystroke (update + doValidation + JSON; heap and array buffers), median. */
  inProcessAllocatedMB: number;
  /** Of the pulls after a keystroke (`pulls`), how many were answered `unchanged` (no diagnostic among those shown changed). */
  pullUnchanged: number; pulls: number }

const INIT_PUSH = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } };
const INIT_PULL = { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {}, publishDiagnostics: { relatedInformation: true } } };
const KEY_PAUSE_MS = 50;
const KEYSTROKES = 40;

async function start(serverJs: string, pull: boolean, nodeArgs: string[]): Promise<BenchClient> {
  const c = new BenchClient(serverJs, { LINGO_DEBOUNCE_MS: '0' }, nodeArgs);
  await c.request('initialize', { processId: process.pid, rootUri: null, capabilities: pull ? INIT_PULL : INIT_PUSH }, 120000);
  c.notify('initialized', {});
  return c;
}

let serial = 0;
/** Opens a new document and resolves with the ms from writing didOpen to its diagnostics (pushed, or pulled right after). */
async function openOnce(c: BenchClient, text: string, pull: boolean): Promise<{ ms: number; uri: string; resultId?: string; count: number }> {
  const uri = `file:///bench/lsp-path-${++serial}.md`;
  const frame = c.frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
  const t = now();
  c.write(frame);
  if (pull) {
    const r = await c.request('textDocument/diagnostic', { textDocument: { uri } });
    return { ms: r.at - t, uri, resultId: r.result.resultId, count: r.result.items.length };
  }
  const n = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
  return { ms: n.at - t, uri, count: n.params.diagnostics.length };
}

async function close(c: BenchClient, uri: string, pull: boolean): Promise<void> {
  c.notify('textDocument/didClose', { textDocument: { uri } });
  if (!pull) await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0 && p.version === undefined);
  else await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }); // the close has been handled
}

/** Section 9: per document, in process and over LSP (push and pull). */
/** `profileDir`: the servers run under node --cpu-prof and write their profiles there when they exit. */
export async function lspPath(serverJs: string, svc: LanguageService, settings: Settings, docs: { size: string; text: string }[], log: (s: string) => void, profileDir?: string): Promise<{ sizes: LspPathFigures[]; keystroke: KeystrokeFigures }> {
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const push = await start(serverJs, false, nodeArgs);
  const pull = await start(serverJs, true, nodeArgs);
  const sizes: LspPathFigures[] = [];
  let version = 0;
  // LINGO_BENCH_KEYS_ONLY=1: only the keystroke (to profile it: LINGO_BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/…").
  const keysOnly = process.env.LINGO_BENCH_KEYS_ONLY === '1';
  for (const { size, text } of keysOnly ? [] : docs) {
    const uri = `file:///bench/in-process-${size}.md`;
    let diagnostics = 0, jsonBytes = 0;
    const big = text.length > 500_000;
    const opts = { warmup: 3, minRuns: big ? 15 : 30, minMs: 1000, maxRuns: 200 };
    const cpu0 = threadCpuMs('self');
    const inProcess = measure(() => { svc.forget(uri); diagnostics = svc.doValidation(TextDocument.create(uri, 'markdown', ++version, text), settings).length; }, opts);
    const inProcessCpuMs = (threadCpuMs('self') - cpu0) / (inProcess.runs.length + opts.warmup);
    const inProcessJson = measure(() => { svc.forget(uri); jsonBytes = JSON.stringify(svc.doValidation(TextDocument.create(uri, 'markdown', ++version, text), settings)).length; }, opts);
    svc.forget(uri);
    const runs = big ? 15 : 30;
    const series = async (c: BenchClient, isPull: boolean) => {
      const times: number[] = [], cpu: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        const c0 = c.cpuMs();
        const r = await openOnce(c, text, isPull);
        const c1 = c.cpuMs();
        if (r.count !== diagnostics) log(`lsp path ${size}: ${isPull ? 'pulled' : 'pushed'} ${r.count} diagnostics, in process ${diagnostics}`);
        if (i >= 3) { times.push(r.ms); cpu.push(c1 - c0); } // the first ones compile the path
        await close(c, r.uri, isPull);
      }
      return { ms: median(times), cpu: median(cpu) };
    };
    const pushed = await series(push, false);
    const pulled = await series(pull, true);
    const pushOpenMs = pushed.ms, pullOpenMs = pulled.ms;
    // Unchanged: a document pulled once, asked again with its resultId.
    const first = await openOnce(pull, text, true);
    const unchanged: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await pull.request('textDocument/diagnostic', { textDocument: { uri: first.uri }, previousResultId: first.resultId });
      if (r.result.kind !== 'unchanged') log(`lsp path ${size}: a pull with the previous resultId answered ${r.result.kind}`);
      unchanged.push(r.ms);
    }
    await close(pull, first.uri, true);
    sizes.push({ size, chars: text.length, inProcessMs: inProcess.median, inProcessJsonMs: inProcessJson.median, diagnostics, jsonBytes, pushOpenMs, pullOpenMs, pullUnchangedMs: median(unchanged), inProcessCpuMs, pushServerCpuMs: pushed.cpu, pullServerCpuMs: pulled.cpu, runs });
    log(`lsp path ${size}: in process ${inProcess.median.toFixed(1)} ms (CPU ${inProcessCpuMs.toFixed(1)}), push ${pushOpenMs.toFixed(1)} ms (server CPU ${pushed.cpu.toFixed(1)}), pull ${pullOpenMs.toFixed(1)} ms (server CPU ${pulled.cpu.toFixed(1)}), unchanged ${median(unchanged).toFixed(2)} ms`);
  }

  // One keystroke in the largest document: a one-character edit → its diagnostics, after a pause (an idle server).
  const text = docs[docs.length - 1].text;
  const keystrokes = async (c: BenchClient, isPull: boolean) => {
    const opened = await openOnce(c, text, isPull);
    const uri = opened.uri;
    // A pull names the result it has (as VS Code does): one the edit did not change is answered `unchanged`.
    let resultId = opened.resultId;
    let unchanged = 0;
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    const offsets = editOffsets(text, KEYSTROKES, isPull ? 21 : 22);
    const times: number[] = [], cpu: number[] = [];
    for (const off of offsets) {
      await new Promise((r) => setTimeout(r, KEY_PAUSE_MS));
      const p = doc.positionAt(off);
      TextDocument.update(doc, [{ range: { start: p, end: p }, text: 'x' }], doc.version + 1);
      const v = doc.version;
      const c0 = c.cpuMs();
      const t = now();
      c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: p, end: p }, text: 'x' }] });
      if (isPull) {
        const r = await c.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId });
        times.push(r.at - t);
        if (r.result.kind === 'unchanged') unchanged++;
        resultId = r.result.resultId;
      } else {
        const n = await c.waitFor('textDocument/publishDiagnostics', (q) => q.uri === uri && q.version === v);
        times.push(n.at - t);
      }
      cpu.push(c.cpuMs() - c0);
    }
    await close(c, uri, isPull);
    return { times: times.slice(10), cpu: median(cpu.slice(10)), unchanged }; // warm-up
  };
  const pushKeys = await keystrokes(push, false);
  const pullKeys = await keystrokes(pull, true);
  // The same edits in process: TextDocument.update + doValidation (at most 1,000) + JSON.stringify.
  const kdoc = TextDocument.create('file:///bench/in-process-keys.md', 'markdown', 1, text);
  svc.doValidation(kdoc, settings);
  const inKeys: number[] = [], garbage: number[] = [];
  const key = (off: number) => {
    const p = kdoc.positionAt(off);
    TextDocument.update(kdoc, [{ range: { start: p, end: p }, text: 'x' }], kdoc.version + 1);
    JSON.stringify(svc.doValidation(kdoc, settings));
  };
  for (const off of editOffsets(text, 40, 22)) {
    const t = now();
    key(off);
    inKeys.push(now() - t);
  }
  // What one keystroke allocates (heap and array buffers), after a full collection, in keystrokes during which no
  // collection ran (the others are not counted): what the server's collector has to take back per keystroke.
  const allocated = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const gc = (globalThis as { gc?: () => void }).gc;
  for (const off of gc ? editOffsets(text, 20, 23) : []) {
    gc!();
    const a0 = allocated();
    key(off);
    const a1 = allocated();
    if (a1 > a0) garbage.push((a1 - a0) / 1e6);
  }
  svc.forget(kdoc.uri);
  await push.shutdown();
  await pull.shutdown();
  const keystroke = {
    pushMedianMs: median(pushKeys.times), pushP90Ms: percentile(pushKeys.times, 90), pullMedianMs: median(pullKeys.times), pullP90Ms: percentile(pullKeys.times, 90), inProcessMedianMs: median(inKeys.slice(10)),
    pushServerCpuMs: pushKeys.cpu, pullServerCpuMs: pullKeys.cpu, pullUnchanged: pullKeys.unchanged, pulls: KEYSTROKES, inProcessAllocatedMB: garbage.length ? median(garbage) : NaN,
  };
  log(`lsp path keystroke: push ${keystroke.pushMedianMs.toFixed(1)} ms, pull ${keystroke.pullMedianMs.toFixed(1)} ms, in process ${keystroke.inProcessMedianMs.toFixed(1)} ms (allocating ${keystroke.inProcessAllocatedMB.toFixed(2)} MB), server CPU push ${keystroke.pushServerCpuMs.toFixed(1)} ms, pull ${keystroke.pullServerCpuMs.toFixed(1)} ms; ${keystroke.pullUnchanged} of ${keystroke.pulls} pulls unchanged`);
  return { sizes, keystroke };
}
