/**
 * Section 10 of npm run bench: loading company termbases (lingo.glossaries) in the server's worker thread, over LSP.
 * For a termbase (the 50,000-concept TBX of genTbx.ts, and the small TBX fixture): the time from `initialize` to the
 * glossary with the termbase in force (lingo/glossaryChanged), the hovers answered meanwhile (a built-in term,
 * asked 20 ms after each answer: p50, p99, max, how many), and a second start with the same cache
 * folder (the kept build, no worker). Beside it, the same build in process: how long the server would not answer
 * if it built on its own thread.
 *
 *   node --expose-gc out/bench/bench.js --termbase [--quick]   (this section alone; --quick: 10,000 concepts)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { runTermbaseBuild } from '../../server/src/node/glossaryBuild';
import { cachedTbx } from './genTbx';
import { BenchClient } from './lsp';
import { fmtMs, now, percentile } from './util';

export interface TermbaseFigures {
  termbase: string;
  megabytes: number;
  concepts?: number;
  /** initialize sent → lingo/glossaryChanged (the termbase in force), ms. */
  loadMs: number;
  /** The same on a second start with the cache folder of the first: the kept build, loaded without a worker (initialize's round trip). */
  keptLoadMs: number;
  hovers: number;
  hoverP50: number;
  hoverP99: number;
  hoverMax: number;
  /** The build on the bench's own thread (read, merge, build, encode): what a server without the worker would block. */
  inProcessMs: number;
  progress: boolean;
}

/** Hovers are asked this often during the load. */
const HOVER_EVERY_MS = 20;
const DOC = 'Every lead counts. The lead goes to sales.\n';

async function loadOnce(serverJs: string, termbase: string, cacheDir: string, dir: string): Promise<{ loadMs: number; hovers: number[]; concepts?: number; progress: boolean }> {
  const c = new BenchClient(serverJs, { LINGO_CACHE_DIR: cacheDir, LINGO_DEBOUNCE_MS: '0' });
  const root = pathToFileURL(dir).toString();
  const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
  const t0 = now();
  try {
    await c.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'w' }], capabilities: { window: { workDoneProgress: true } }, initializationOptions: { settings: { glossaries: [termbase] } } });
    const init = now();
    c.notify('initialized', {});
    // A kept build of the same sources is loaded at initialize, on the server's own thread: in force at once.
    if (c.notes.some((n) => n.method === 'window/logMessage' && /\(cached: /.test(n.params.message))) {
      const m = c.notes.map((n) => /(\d+) concepts, \d+ terms loaded/.exec(n.method === 'window/logMessage' ? n.params.message : '')).filter(Boolean).pop();
      return { loadMs: init - t0, hovers: [], concepts: m ? Number(m[1]) : undefined, progress: false };
    }
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DOC } });
    const loaded = c.waitFor('lingo/glossaryChanged', () => true, Number(process.env.LINGO_BENCH_TERMBASE_MS ?? 600000));
    let done = false;
    loaded.then(() => { done = true; }, () => { done = true; });
    const hovers: number[] = [];
    while (!done) {
      const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 7 } });
      if (!done) hovers.push(h.ms);
      await new Promise((resolve) => setTimeout(resolve, HOVER_EVERY_MS)); // a person moving the mouse, not a flood
    }
    const at = (await loaded).at;
    const m = c.notes.map((n) => /(\d+) concepts, \d+ terms loaded/.exec(n.method === 'window/logMessage' ? n.params.message : '')).filter(Boolean).pop();
    const progress = c.notes.some((n) => n.method === '$/progress' && n.params.value?.kind === 'begin');
    return { loadMs: at - t0, hovers, concepts: m ? Number(m[1]) : undefined, progress };
  } catch (e) {
    throw new Error(`${(e as Error).message}; the server said: ${c.notes.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message).join(' | ')} ${c.stderr}`, { cause: e });
  } finally {
    c.proc.kill();
  }
}

export async function termbaseLoad(serverJs: string, termbases: string[], log: (s: string) => void): Promise<TermbaseFigures[]> {
  const figures: TermbaseFigures[] = [];
  for (const termbase of termbases) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingo-bench-tb-'));
    const cacheDir = path.join(dir, 'cache');
    fs.writeFileSync(path.join(dir, 'doc.md'), DOC);
    try {
      const t = now();
      runTermbaseBuild({ baseDir: path.dirname(serverJs), useBuiltin: true, termbases: [termbase], workspace: [], key: 'bench' });
      const inProcessMs = now() - t;
      const first = await loadOnce(serverJs, termbase, cacheDir, dir);
      const kept = await loadOnce(serverJs, termbase, cacheDir, dir);
      const hv = first.hovers.length ? first.hovers : [NaN];
      const f: TermbaseFigures = {
        termbase: path.basename(termbase), megabytes: fs.statSync(termbase).size / 1048576, concepts: first.concepts,
        loadMs: first.loadMs, keptLoadMs: kept.loadMs, hovers: first.hovers.length,
        hoverP50: percentile(hv, 50), hoverP99: percentile(hv, 99), hoverMax: Math.max(...hv), inProcessMs, progress: first.progress,
      };
      log(`termbase ${f.termbase}: in force after ${fmtMs(f.loadMs)} ms (worker), ${f.hovers} hovers meanwhile, p99 ${fmtMs(f.hoverP99)} ms; kept build ${fmtMs(f.keptLoadMs)} ms; in process ${fmtMs(f.inProcessMs)} ms`);
      figures.push(f);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

export function termbaseReport(figures: TermbaseFigures[]): string {
  const rows = figures.map((f) => [f.termbase, f.megabytes.toFixed(1), f.concepts ?? '—', fmtMs(f.loadMs), f.progress ? 'yes' : 'no', f.hovers, fmtMs(f.hoverP50), fmtMs(f.hoverP99), fmtMs(f.hoverMax), fmtMs(f.keptLoadMs), fmtMs(f.inProcessMs)]);
  const head = ['termbase', 'MB', 'concepts in force', 'load in worker ms', 'progress', 'hovers meanwhile', 'hover p50', 'hover p99', 'hover max', 'second start (kept build) ms', 'same build in process ms'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) => r.map((x, i) => String(x).padEnd(widths[i])).join('  ');
  return ['10. Termbases (lingo.glossaries) over LSP: initialize → the termbase in force (built in the worker thread), hovers on a built-in term meanwhile, one 20 ms after each answer (ms); a second start with the same cache folder; the same build in process (what the server would block)',
    line(head), ...rows.map(line)].join('\n');
}

/** The termbases the section measures: the small fixture, and the generated TBX of `n` concepts. */
export function benchTermbases(root: string, n: number): string[] {
  const big = cachedTbx(n, 'v2', root);
  return [path.join(root, 'test', 'fixtures', 'termbases', 'acme-v2.tbx'), big];
}
