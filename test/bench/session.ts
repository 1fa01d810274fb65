/**
 * An hour of use, compressed (issue 19): one server over real LSP, with the glossary it is given, through a
 * seeded session of thousands of steps — typing and deleting words, pasting paragraphs, hovers, completions,
 * quick-fix menus, documents of 10 KB to 1 MB in the five languages opened and closed (at most four open at
 * once), the Glossary view (its domains, pages of concepts, a filter, cards: `glossaryView`), and the glossary reloaded now and then. The
 * server's resident memory (VmRSS of /proc/<pid>/status) is sampled every 100 ms, each sample with the step
 * under way; printed: RSS at the start (the first document checked), its peak (VmHWM), at the end (after ten
 * seconds idle), and whether the peak stays under the target, with the step at the peak and the growth.
 * (`withView` false, --no-view: without the Glossary view.) The server runs with LINGO_DEBOUNCE_MS=0 and each step waits for its answer (an edit for its diagnostics), so
 * that every keystroke is checked: more work per minute than a person gives it.
 */
import type { Glossary, Lang } from '../../server/src/service';
import { CorpusWriter } from './corpus';
import { BenchClient } from './lsp';
import * as fs from 'fs';
import { MB, Rng, now, percentile, procMemory } from './util';

/** CPU seconds a process has used (user + system, every thread: its garbage collector's too), from /proc/<pid>/stat. */
function procCpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime: fields 14 and 15, in clock ticks (100 a second)
  } catch {
    return undefined;
  }
}

const KB = 1024;
const LANGS: Lang[] = ['en', 'sv', 'nl', 'pl', 'zh-Hant'];
const SIZES = [10 * KB, 50 * KB, 200 * KB, 1 * MB];
const MAX_OPEN = 4;
export const SESSION_TARGET_MB = 200;

type Step = 'type' | 'delete' | 'paste' | 'hover' | 'completion' | 'codeAction' | 'open' | 'close' | 'glossaryView' | 'reload';
const WEIGHTS: Record<Exclude<Step, 'glossaryView' | 'reload' | 'delete'>, number> = { type: 45, paste: 3, hover: 25, completion: 15, codeAction: 5, open: 4, close: 3 };

export interface SessionFigures {
  glossary: string;
  steps: number;
  counts: Partial<Record<Step, number>>;
  seconds: number;
  documents: { lang: Lang; bytes: number }[];
  /** RSS (bytes) after the first document's diagnostics; highest sample and VmHWM; after the session and ten idle seconds (V8's memory reducer starts after eight). */
  startRss: number; peakSampled: number; peakHwm: number; endRss: number;
  /** The step under way at the highest sample. */
  peakDuring: string;
  /** RSS after each tenth of the session (bytes). */
  deciles: number[];
  hoverP99: number; completionP99: number; keystrokeP50: number; keystrokeP99: number;
  /** The server's CPU time through the session (seconds, every thread): what memory flags cost shows here. */
  cpuSeconds?: number;
  /** The Glossary view's requests (`glossaryView`, ms; -1: one failed). */
  glossaryViewMs?: number;
  /** The highest sample outside that request. */
  peakOutsideView: number;
  met: boolean;
  reason: string;
}

/** Documents of each size in each language (sections of that language only), from `glossary`'s terms. */
function sessionDocuments(glossary: Glossary): { lang: Lang; text: string }[] {
  const out: { lang: Lang; text: string }[] = [];
  LANGS.forEach((lang, k) => {
    const w = new CorpusWriter(glossary, 101 + k, [lang]);
    let text = `# Playbook (${lang})\n\n`;
    let bytes = Buffer.byteLength(text);
    const parts = [text];
    for (const size of SIZES) {
      while (bytes < size) {
        const s = w.nextSection();
        parts.push(s);
        bytes += Buffer.byteLength(s);
      }
      text = parts.join('');
      out.push({ lang, text });
    }
  });
  return out;
}

interface OpenDoc { uri: string; text: string; version: number; lang: Lang; terms: number[] }

/** Offsets of letters that start a word (a letter after a non-letter), for edits and completions. */
function wordStart(text: string, r: Rng): number {
  for (let tries = 0; tries < 200; tries++) {
    const i = 1 + r.int(text.length - 2);
    if (/\p{L}/u.test(text[i]) && !/\p{L}/u.test(text[i - 1])) return i;
  }
  return text.length >> 1;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0, last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; last = i; }
  return { line, character: offset - last - 1 };
}

function offsetAt(text: string, p: { line: number; character: number }): number {
  let at = 0;
  for (let l = 0; l < p.line; l++) at = text.indexOf('\n', at) + 1;
  return at + p.character;
}

/**
 * The Glossary view used as a person would: the domains, the three largest opened (a page of 500 each, named in
 * Swedish), "Show 500 more…" twice in the largest, a one-letter filter (at most 1,001 concepts with their rows)
 * and a longer one, and the cards of two concepts.
 */
async function glossaryView(c: BenchClient): Promise<void> {
  const domains = (await c.request('lingo/glossaryDomains', { lang: 'en' }, 120000)).result as { domains: { id: string; count: number }[] };
  const largest = [...domains.domains].sort((a, b) => b.count - a.count).slice(0, 3);
  const opened: string[] = [];
  for (const d of largest) {
    const page = (await c.request('lingo/glossaryConcepts', { domain: d.id, lang: 'sv', offset: 0, limit: 500 }, 120000)).result as { concepts: { id: string }[] };
    opened.push(...page.concepts.slice(0, 1).map((x) => x.id));
  }
  for (let k = 1; k <= 2; k++) await c.request('lingo/glossaryConcepts', { domain: largest[0].id, lang: 'sv', offset: 500 * k, limit: 500 }, 120000);
  for (const query of ['a', 'pipeline']) await c.request('lingo/findConcepts', { query, lang: 'sv', limit: 1001, rows: true }, 120000);
  for (const id of opened.slice(0, 2)) await c.request('lingo/concept', { id, lang: 'en' }, 120000);
}

/**
 * Runs the session against `serverJs` (a server bundle next to the glossary to measure), `steps` steps, the
 * documents written from `corpusGlossary`'s terms.
 */
export async function longSession(label: string, serverJs: string, corpusGlossary: Glossary, steps: number, log: (s: string) => void, withView = true): Promise<SessionFigures> {
  const docs = sessionDocuments(corpusGlossary);
  const r = new Rng(19);
  const c = new BenchClient(serverJs, { LINGO_DEBOUNCE_MS: '0' });
  const pid = c.proc.pid!;
  const samples: { t: number; rss: number; what: string }[] = [];
  let what = 'initialize';
  const timer = setInterval(() => { const m = procMemory(pid); if (m) samples.push({ t: now(), rss: m.rss, what }); }, 100);
  const t0 = now();
  const counts: Partial<Record<Step, number>> = {};
  const hovers: number[] = [], completions: number[] = [], keys: number[] = [];
  const open: OpenDoc[] = [];
  let serial = 0;
  let viewMs: number | undefined;
  try {
    await c.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } } }, 120000);
    c.notify('initialized', {});
    /** Waits for the diagnostics of `d`'s current version; keeps their places (term occurrences, for hovers). */
    const diagnosed = async (d: OpenDoc) => {
      const n = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === d.uri && p.version === d.version, 120000);
      d.terms = (n.params.diagnostics as { range: { start: { line: number; character: number } } }[]).slice(0, 200).map((x) => offsetAt(d.text, x.range.start));
      c.clearNotes();
      return n;
    };
    const openDoc = async (k: number) => {
      const { lang, text } = docs[k];
      const d: OpenDoc = { uri: `file:///session/${lang}-${k}-${++serial}.md`, text, version: 1, lang, terms: [] };
      c.notify('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'markdown', version: 1, text } });
      open.push(d);
      await diagnosed(d);
    };
    const change = async (d: OpenDoc, start: number, end: number, insert: string) => {
      const range = { start: positionAt(d.text, start), end: positionAt(d.text, end) };
      d.text = d.text.slice(0, start) + insert + d.text.slice(end);
      d.version++;
      const t = now();
      c.notify('textDocument/didChange', { textDocument: { uri: d.uri, version: d.version }, contentChanges: [{ range, text: insert }] });
      await diagnosed(d);
      keys.push(now() - t);
    };
    what = 'open';
    await openDoc(LANGS.length * SIZES.length - 1 - r.int(LANGS.length) * SIZES.length); // a 1 MB document first
    await new Promise((res) => setTimeout(res, 500));
    const startRss = procMemory(pid)!.rss;
    for (let step = 0; step < steps; step++) {
      let s: Step = r.weighted(WEIGHTS);
      if (step === Math.floor(steps / 3) && withView) s = 'glossaryView';
      else if (step > 0 && step % Math.max(50, Math.floor(steps / 6)) === 0) s = 'reload';
      if (s === 'close' && open.length <= 1) s = 'open';
      if (s === 'open' && open.length >= MAX_OPEN) s = 'close';
      what = s;
      const d = open[r.int(open.length)];
      switch (s) {
        case 'type': { // a word typed character by character, and deleted again one time in three
          const at = wordStart(d.text, r);
          const word = r.pick(['pipeline ', 'leads ', 'lejek ', 'kundresa ', 'klantreis ', '銷售漏斗', 'forecast ', 'MQL ']);
          for (let i = 0; i < word.length; i++) await change(d, at + i, at + i, word[i]);
          if (r.chance(0.33)) {
            what = 'delete';
            counts.delete = (counts.delete ?? 0) + 1;
            for (let i = word.length; i > 0; i--) await change(d, at + i - 1, at + i, '');
          }
          break;
        }
        case 'paste': { // a paragraph from another document
          const src = docs[r.int(docs.length)].text;
          const from = r.int(Math.max(1, src.length - 2000));
          const at = wordStart(d.text, r);
          await change(d, at, at, src.slice(from, from + 500 + r.int(1500)));
          break;
        }
        case 'hover': {
          const at = d.terms.length && r.chance(0.8) ? d.terms[r.int(d.terms.length)] + 1 : wordStart(d.text, r) + 1;
          hovers.push((await c.request('textDocument/hover', { textDocument: { uri: d.uri }, position: positionAt(d.text, at) })).ms);
          break;
        }
        case 'completion': {
          const at = wordStart(d.text, r) + 2 + r.int(3);
          completions.push((await c.request('textDocument/completion', { textDocument: { uri: d.uri }, position: positionAt(d.text, Math.min(at, d.text.length)) })).ms);
          break;
        }
        case 'codeAction': {
          const at = d.terms.length ? d.terms[r.int(d.terms.length)] : 0;
          const p = positionAt(d.text, at);
          await c.request('textDocument/codeAction', { textDocument: { uri: d.uri }, range: { start: p, end: p }, context: { diagnostics: [] } });
          break;
        }
        case 'open': await openDoc(r.int(docs.length)); break;
        case 'close': {
          const k = r.int(open.length);
          c.notify('textDocument/didClose', { textDocument: { uri: open[k].uri } });
          open.splice(k, 1);
          break;
        }
        case 'glossaryView': { // what the Glossary view asks (client/src/concepts.ts), never the whole glossary
          const t = now();
          viewMs = await glossaryView(c).then(() => now() - t, () => -1);
          break;
        }
        case 'reload': // what a team glossary saved, or trust granted, does: the glossary composed and loaded again
          c.notify('lingo/workspaceTrusted', {});
          await c.waitFor('lingo/glossaryChanged', () => true, 120000);
          c.clearNotes();
          break;
      }
      counts[s] = (counts[s] ?? 0) + 1;
      if ((step + 1) % Math.max(1, Math.floor(steps / 10)) === 0) log(`session ${label}: ${step + 1}/${steps} steps, RSS ${(procMemory(pid)!.rss / MB).toFixed(0)} MB`);
    }
    what = 'idle';
    await new Promise((res) => setTimeout(res, 10000));
    const end = procMemory(pid)!;
    const cpuSeconds = procCpuSeconds(pid);
    clearInterval(timer);
    await c.shutdown();
    const seconds = (now() - t0) / 1000;
    let peak = samples[0];
    for (const x of samples) if (x.rss > peak.rss) peak = x;
    const after = samples.filter((x) => x.t >= samples[0].t);
    const deciles = Array.from({ length: 10 }, (_, i) => after[Math.min(after.length - 1, Math.floor(((i + 1) * after.length) / 10) - 1)].rss);
    const limit = SESSION_TARGET_MB * MB;
    const met = end.hwm < limit;
    const why: string[] = [];
    if (!met) {
      why.push(`peak ${(end.hwm / MB).toFixed(0)} MB (highest sample ${(peak.rss / MB).toFixed(0)} MB, during "${peak.what}")`);
      if (end.rss >= limit) why.push(`still ${(end.rss / MB).toFixed(0)} MB at the end, ${((end.rss - startRss) / MB).toFixed(0)} MB more than at the start`);
      if (startRss >= limit) why.push(`already ${(startRss / MB).toFixed(0)} MB with the first document checked`);
    }
    return {
      glossary: label, steps, counts, seconds, documents: docs.map((x) => ({ lang: x.lang, bytes: Buffer.byteLength(x.text) })),
      startRss, peakSampled: peak.rss, peakHwm: end.hwm, endRss: end.rss, peakDuring: peak.what, deciles,
      glossaryViewMs: viewMs, peakOutsideView: Math.max(0, ...samples.filter((x) => x.what !== 'glossaryView').map((x) => x.rss)),
      cpuSeconds, hoverP99: percentile(hovers, 99), completionP99: percentile(completions, 99), keystrokeP50: percentile(keys, 50), keystrokeP99: percentile(keys, 99),
      met, reason: met ? `peak ${(end.hwm / MB).toFixed(0)} MB` : why.join('; '),
    };
  } finally {
    clearInterval(timer);
    if (c.proc.exitCode === null) c.proc.kill();
  }
}
