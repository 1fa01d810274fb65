/** mulberry32: a tiny, fast, seedable PRNG shared by the benchmark and the robustness tests, so a run can be repeated from its seed. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  range(lo: number, hi: number): number { return lo + this.int(hi - lo + 1); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(a: readonly T[]): T { return a[this.int(a.length)]; }
  /** Picks a key of `w` with probability proportional to its weight. */
  weighted<K extends string>(w: Record<K, number>): K {
    const entries = Object.entries(w) as [K, number][];
    let r = this.next() * entries.reduce((s, [, x]) => s + x, 0);
    for (const [k, x] of entries) if ((r -= x) < 0) return k;
    return entries[entries.length - 1][0];
  }
}
