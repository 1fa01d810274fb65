/**
 * The matcher (a minimal automaton with numbered keys) against a naive reference: a map of keys
 * and a scan that tries every key at every position. Random keys share prefixes and endings (a
 * small alphabet), so states are merged and key numbers are sums over shared paths.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { BLOCK, SEP, foldKey, isHanCode, isWordCode } from '../../server/src/service/fold';
import { termForms } from '../../server/src/service/glossary';
import { Column, MatcherBuilder, compactStarts, type Matcher } from '../../server/src/service/matcher';
import { builtin } from '../helpers';

const SEED = Number(process.env.LINGO_PROP_SEED ?? 7031) | 0;
const params = { seed: SEED, numRuns: 300, endOnFailure: false };

/** Folded characters: Latin, Polish, Han, a separator, an apostrophe, a non-word character and the blocked mark. */
const CHARS = ['a', 'b', 'c', 'ą', 'ł', '中', '文', ' ', "'", '.', '\u0001'];
const keyChar = fc.constantFrom(...CHARS.slice(0, 9));
const normal = (s: string) => s.replace(/ +/g, ' ').trim();
const keyArb = fc.array(keyChar, { minLength: 1, maxLength: 7 }).map((a) => normal(a.join('')));
const entries = fc.array(fc.tuple(keyArb, fc.nat(12)), { maxLength: 60 });
const noise = fc.array(fc.constantFrom(...CHARS, ' ', ' ', 'a', 'b'), { maxLength: 6 }).map((a) => a.join(''));
/** Text of keys (their spaces written as runs of separators) and noise. */
const textOf = (list: [string, number][]) => fc.array(fc.oneof(noise, fc.tuple(fc.constantFrom('', ...list.map((e) => e[0])), fc.integer({ min: 1, max: 3 })).map(([k, n]) => k.replace(/ /g, ' '.repeat(n)))), { maxLength: 12 }).map((a) => a.join(''));
const entriesAndText = entries.chain((list) => fc.tuple(fc.constant(list), textOf(list)));

/** `narrow`: two bits of each edge's link for its skip, so that most skips are the large ones looked up apart. */
function build(list: [string, number][], narrow = false): { m: Matcher; ref: Map<string, number[]> } {
  const b = new MatcherBuilder();
  const ref = new Map<string, number[]>();
  for (const [k, p] of list) {
    b.add(k, p);
    if (!k) continue;
    const ps = ref.get(k) ?? [];
    if (!ps.includes(p)) ps.push(p);
    ref.set(k, ps.sort((x, y) => x - y));
  }
  return { m: b.build(narrow ? { targetBits: 30 } : {}), ref };
}

const units = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

/** Where `key` matches folded text at i (runs of separators in the text match one space of the key), or -1. */
function matchAt(key: string, f: Uint16Array, i: number): number {
  let j = i;
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(k);
    if (j >= f.length || f[j] !== c) return -1;
    j++;
    if (c === SEP) while (j < f.length && f[j] === SEP) j++;
  }
  return j;
}

/** The scan's contract, the slow way. Returns every offer as "start-end:payloads" with whether it was taken. */
function refScan(ref: Map<string, number[]>, f: Uint16Array, take: (start: number, end: number, payloads: number[]) => boolean): string[] {
  const log: string[] = [];
  for (let i = 0; i < f.length; ) {
    const c = f[i];
    if (c === SEP || c === BLOCK || (i > 0 && isWordCode(f[i - 1]) && !isHanCode(f[i - 1]) && !isHanCode(c))) { i++; continue; }
    const cands: [string, number][] = [];
    for (const key of ref.keys()) {
      const end = matchAt(key, f, i);
      if (end < 0) continue;
      const next = end < f.length ? f[end] : SEP;
      if (!isWordCode(next) || isHanCode(next) || isHanCode(f[end - 1])) cands.push([key, end]);
    }
    cands.sort((x, y) => y[0].length - x[0].length);
    let matched = false;
    for (const [key, end] of cands) {
      const ok = take(i, end, ref.get(key)!);
      log.push(`${i}-${end}:${ref.get(key)!.join(',')}${ok ? ' taken' : ''}`);
      if (ok) { i = end; matched = true; break; }
    }
    if (!matched) i++;
  }
  return log;
}

/** Refuses some offers, so that shorter candidates are tried too. */
const takeRule = (start: number, end: number, payloads: ArrayLike<number>) => (start * 7 + end * 3 + payloads[0]) % 4 !== 0;

describe('matcher (minimal automaton) against a naive reference', () => {
  it('numbers the distinct keys 0 .. n-1 in key order and finds what each names', () => {
    fc.assert(fc.property(entries, fc.array(keyArb, { maxLength: 20 }), fc.boolean(), (list, probes, narrow) => {
      const { m, ref } = build(list, narrow);
      const sorted = [...ref.keys()].sort();
      assert.strictEqual(m.keyCount, sorted.length);
      sorted.forEach((k, rank) => {
        assert.strictEqual(m.lookup(k), rank, JSON.stringify(k));
        assert.deepStrictEqual([...m.outputs(rank)], ref.get(k));
      });
      for (const p of probes) if (!ref.has(p)) assert.strictEqual(m.lookup(p), -1, JSON.stringify(p));
      assert.strictEqual(m.maxKeyLength, Math.max(0, ...sorted.map((k) => k.length)));
    }), params);
  });

  it('scans exactly like trying every key at every position', () => {
    fc.assert(fc.property(entriesAndText, fc.nat(80), fc.boolean(), ([list, text], from, narrow) => {
      const { m, ref } = build(list, narrow);
      const f = units(text);
      const expected = refScan(ref, f, takeRule);
      const got: string[] = [];
      const stop = m.scan(f, 0, f.length, (start, end, key) => {
        const ok = takeRule(start, end, m.outputs(key));
        got.push(`${start}-${end}:${[...m.outputs(key)].join(',')}${ok ? ' taken' : ''}`);
        return ok;
      });
      assert.strictEqual(stop, f.length);
      assert.deepStrictEqual(got, expected, JSON.stringify(text));
      // Stopping and resuming where it stopped gives the same result.
      const at = Math.min(from, f.length);
      const parts: string[] = [];
      const log = (start: number, end: number, key: number) => {
        const ok = takeRule(start, end, m.outputs(key));
        parts.push(`${start}-${end}:${[...m.outputs(key)].join(',')}${ok ? ' taken' : ''}`);
        return ok;
      };
      const stopped = m.scan(f, 0, f.length, log, at);
      m.scan(f, stopped, f.length, log);
      assert.deepStrictEqual(parts, expected, `${JSON.stringify(text)} stopped at ${stopped}`);
    }), params);
  });

  it('keeps an empty key out, and builds with no keys at all', () => {
    const { m } = build([['', 1]]);
    assert.strictEqual(m.keyCount, 0);
    assert.strictEqual(m.lookup('a'), -1);
    assert.strictEqual(m.scan(units('a b'), 0, 3, () => assert.fail('no key, no match')), 3);
  });

  it('knows every form of every built-in term, naming that term', () => {
    const { glossary } = builtin();
    const seen = new Set<number>();
    for (const t of glossary.terms) for (const f of termForms(t)) {
      const k = glossary.matcher.lookup(foldKey(f));
      assert.ok(k >= 0 && [...glossary.matcher.outputs(k)].includes(t.index), `${t.text}: ${f}`);
      seen.add(k);
    }
    assert.strictEqual(seen.size, glossary.matcher.keyCount, 'every key is a form of some term');
  });
});

describe('matcher build columns', () => {
  for (const resizable of [true, false]) {
    it(`grow keeping what they hold, and hand over an exact copy (${resizable ? 'plain, then a resizable buffer' : 'plain arrays'})`, () => {
      const c = new Column(Uint32Array, 4, resizable, 4096);
      for (let i = 0; i < 100000; i++) {
        const a = c.ensure(i + 1);
        a[i] = i * 7;
      }
      assert.ok(c.a.length >= 100000);
      const out = c.take(100000);
      assert.strictEqual(out.length, 100000);
      assert.ok(out.every((v, i) => v === i * 7));
      assert.strictEqual(c.a.length, 0, 'freed');
      assert.strictEqual(c.ensure(3).length >= 3, true, 'usable again');
    });
  }
});

describe("matcher: where each state's edges start", () => {
  const startsOf = (c: ReturnType<typeof compactStarts>) => Array.from(c.edgeOff, (off, s) => c.edgeBase[s >>> c.blockBits] + off);
  const cases: [what: string, edgeStart: number[], blockBits: number][] = [
    ['no state', [0], 6],
    ['a few states', [0, 2, 2, 5, 9], 6],
    ['blocks of 64 states, each offset under 65,536', Array.from({ length: 300 }, (_, s) => s * 1000), 6],
    ['a state with 70,000 edges: a base per state', [0, 3, 70003, 70004, 70010], 0],
  ];
  for (const [what, edgeStart, blockBits] of cases) {
    it(`${what}: blockBits ${blockBits}, the same starts`, () => {
      const c = compactStarts(Uint32Array.from(edgeStart));
      assert.strictEqual(c.blockBits, blockBits);
      assert.deepStrictEqual(startsOf(c), edgeStart);
    });
  }
});
