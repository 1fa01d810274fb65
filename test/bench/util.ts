/** Small helpers shared by the benchmark: a seeded random generator, timing and statistics. */
import * as fs from 'fs';

import { Rng } from '../rng';
export { Rng };

export const now = (): number => performance.now();

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * Runs f `warmup` times untimed, then at least `minRuns` times and until `minMs` have passed (at
 * most `maxRuns`); returns the median and every sample.
 */
export function measure(f: () => void, opts: { warmup?: number; minRuns?: number; maxRuns?: number; minMs?: number } = {}): { median: number; runs: number[] } {
  const { warmup = 2, minRuns = 5, maxRuns = 50, minMs = 300 } = opts;
  for (let i = 0; i < warmup; i++) f();
  const runs: number[] = [];
  const t0 = now();
  while (runs.length < minRuns || (now() - t0 < minMs && runs.length < maxRuns)) {
    const t = now();
    f();
    runs.push(now() - t);
  }
  return { median: median(runs), runs };
}

/** Peak and current resident set size of a process, in bytes, from /proc (Linux). */
export function procMemory(pid: number | 'self' = 'self'): { rss: number; hwm: number } | undefined {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

export const MB = 1024 * 1024;
export const fmtMs = (ms: number | undefined): string => (ms === undefined || !Number.isFinite(ms) ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const fmtMB = (b: number | undefined): string => (b === undefined || !Number.isFinite(b) ? '—' : (b / MB).toFixed(0));
export const fmtX = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) + '×' : x.toFixed(1) + '×');

/** Random offsets inside prose words (a letter before and after), for one-character edits. */
export function editOffsets(text: string, count: number, seed: number): number[] {
  const r = new Rng(seed);
  const out: number[] = [];
  while (out.length < count) {
    const i = 1 + r.int(text.length - 2);
    if (/[a-z]/.test(text[i - 1]) && /[a-z]/.test(text[i])) out.push(i);
  }
  return out;
}
