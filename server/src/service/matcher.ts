/**
 * A compact automaton over the folded surface forms of every term (the keys), walked once over the
 * folded text.
 *
 * It is the minimal acyclic automaton of the keys (a DAFSA): a trie in which equal endings are
 * shared, so "-acja/-acji/-ację" or "-ing/-ings" are stored once for all the words that have them.
 * Built incrementally from the sorted keys (Daciuk, Mihov, Watson & Watson 2000): only the path of
 * the last key is open; a state is frozen, or replaced by an equal frozen one, once no later key can
 * pass through it.
 *
 * States can no longer carry what a key names (a shared state ends many keys), so keys are numbered
 * instead: a key's number is its rank among all keys, the sum of the `skip` of the edges on its path
 * (a minimal perfect hash). What key k names (term indices) is outputs(k).
 *
 * Layout (no object per state): state s's edges are edgeChar/edgeLink[start(s) .. start(s+1)), sorted by
 * character, where start(s) is edgeBase[s >>> blockBits] + edgeOff[s]: a 4-byte base per 64 states and a 2-byte
 * offset per state (blockBits 6; 0, a base per state, if 64 states ever had 65,536 edges or more); an edge's link is its target state in the low `targetBits` bits and its skip above
 * them (most skips are 0 or small: a skip too large for its bits is the all-ones value, and is found in
 * bigEdges/bigSkips); whether a key ends at s is bit s of `final`; the root's edges are also in dense tables
 * indexed by character. What key k names is stored once per run of keys that name the same (keys in order are
 * mostly forms of one term): bit k of keyStarts says a run starts at k, and the run's value is in keyValues.
 * With 50,000 concepts this is 37 MB where separate target, skip and per-key arrays took 61 MB.
 *
 * The cost of a scan depends on the text and on the length of the longest term, not on how many
 * terms there are.
 */
import { BLOCK, CHAR_CLASS, HAN, SEP, WORD, foldKeyInto } from './fold';

const WORD_OR_HAN = WORD | HAN;

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array;
type TypedCtor<T extends Typed> = { new (length: number): T; new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number };
/** ES2024 resizable ArrayBuffers (Node 20), not in this project's ES2022 library. */
type Resizable = ArrayBuffer & { resize(byteLength: number): void; readonly maxByteLength: number };
type ResizableCtor = new (byteLength: number, options: { maxByteLength: number }) => Resizable;
const makeResizable = 'resize' in ArrayBuffer.prototype ? (max: number) => new (ArrayBuffer as unknown as ResizableCtor)(0, { maxByteLength: max }) : undefined;

/**
 * A growing typed array for the build. Once large, it lives on a resizable ArrayBuffer: it grows in place
 * (no copy; untouched capacity takes no memory) and gives its memory back at once when freed, without waiting
 * for the garbage collector, so that the build's peak memory is what it holds, not that plus discarded copies.
 * Small ones (most, with a small glossary) are plain arrays: a resizable buffer costs system calls.
 */
export class Column<T extends Typed> {
  a: T;
  private buf: Resizable | undefined;

  /**
   * `resizable` false: plain arrays only, copied as they grow (where resizable buffers are missing); `minResizable`:
   * the size in bytes from which a resizable buffer is used.
   */
  constructor(private readonly Ctor: TypedCtor<T>, capacity = 1024, private readonly resizable = makeResizable !== undefined, private readonly minResizable = 1 << 18) {
    this.a = this.alloc(capacity);
  }

  private alloc(capacity: number): T {
    const bytes = capacity * this.Ctor.BYTES_PER_ELEMENT;
    this.buf = undefined;
    if (this.resizable && makeResizable && bytes >= this.minResizable) {
      // Address space is reserved, not memory: reserve four times what is asked, so that growing rarely needs
      // a new buffer (and a copy).
      let max = 1 << 20;
      while (max < bytes * 4 && max < 2 ** 33) max *= 2;
      this.buf = makeResizable(Math.max(max, bytes));
      this.buf.resize(bytes);
      return new this.Ctor(this.buf);
    }
    return new this.Ctor(capacity);
  }

  /** Makes room for `need` elements; returns the array (a new one if it moved). */
  ensure(need: number): T {
    if (need <= this.a.length) return this.a;
    let n = this.a.length;
    while (n < need) n = Math.ceil(n * 1.5) + 16;
    const bytes = n * this.Ctor.BYTES_PER_ELEMENT;
    if (this.buf && bytes <= this.buf.maxByteLength) this.buf.resize(bytes); // the view tracks the length
    else {
      const old = this.a, oldBuf = this.buf;
      this.a = this.alloc(n);
      this.a.set(old as never);
      oldBuf?.resize(0);
    }
    return this.a;
  }

  /** The first n elements, in an array of their own; the column is freed. */
  take(n: number): T {
    const out = this.a.slice(0, n) as T;
    this.free();
    return out;
  }

  free(): void {
    this.buf?.resize(0);
    this.buf = undefined;
    this.a = new this.Ctor(0);
  }
}

const HIGH = 0x80000000;

/** The arrays of a matcher (Matcher.parts), in the order a compiled glossary stores them. */
export const MATCHER_PARTS = ['edgeBase', 'edgeOff', 'final', 'edgeChar', 'edgeLink', 'bigEdges', 'bigSkips', 'keyStarts', 'keyValues', 'multi'] as const;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Keys that begin with one byte: key i is bytes[starts[i] .. starts[i+1]). */
class KeyGroup {
  bytes = new Column(Uint8Array, 4096);
  starts = new Column(Uint32Array, 256);
  payloads = new Column(Uint32Array, 256);
  n = 0;
  nBytes = 0;

  free(): void {
    this.bytes.free();
    this.starts.free();
    this.payloads.free();
  }
}

/**
 * Collects keys (folded text) with what each names (a payload, a term index), then builds the
 * Matcher. Keys are stored packed, one byte per ASCII character (each UTF-16 unit is written as
 * UTF-8 would write it as a code point, which keeps the order of the units), grouped by their first
 * byte, and sorted with a radix sort: no string per key. The automaton is built group by group in
 * byte order, and each group's memory is given back once its keys are in: the keys and the automaton
 * are not all in memory at once.
 */
export class MatcherBuilder {
  private groups: (KeyGroup | undefined)[] = [];
  private maxKey = 0;
  private scratch = new Uint16Array(64);

  /** key must already be folded (see foldKey). */
  add(key: string, payload: number): void {
    if (key.length > this.scratch.length) this.scratch = new Uint16Array(key.length * 2);
    for (let i = 0; i < key.length; i++) this.scratch[i] = key.charCodeAt(i);
    this.addUnits(this.scratch, key.length, payload);
  }

  /** Folds `text` (as foldKey does) and adds it. */
  addText(text: string, payload: number): void {
    if (text.length > this.scratch.length) this.scratch = new Uint16Array(text.length * 2);
    this.addUnits(this.scratch, foldKeyInto(text, this.scratch), payload);
  }

  private addUnits(units: Uint16Array, len: number, payload: number): void {
    if (len === 0) return;
    if (len > this.maxKey) this.maxKey = len;
    const u0 = units[0];
    const first = u0 < 0x80 ? u0 : u0 < 0x800 ? 0xc0 | (u0 >> 6) : 0xe0 | (u0 >> 12);
    const g = (this.groups[first] ??= new KeyGroup());
    const b = g.bytes.ensure(g.nBytes + 3 * len);
    let at = g.nBytes;
    for (let i = 0; i < len; i++) {
      const u = units[i];
      if (u < 0x80) b[at++] = u;
      else if (u < 0x800) {
        b[at++] = 0xc0 | (u >> 6);
        b[at++] = 0x80 | (u & 0x3f);
      } else {
        b[at++] = 0xe0 | (u >> 12);
        b[at++] = 0x80 | ((u >> 6) & 0x3f);
        b[at++] = 0x80 | (u & 0x3f);
      }
    }
    const starts = g.starts.ensure(g.n + 2);
    g.payloads.ensure(g.n + 1)[g.n] = payload;
    starts[g.n] = g.nBytes;
    g.n++;
    g.nBytes = at;
    starts[g.n] = at;
  }

  /** The indices of a group's keys in key order (equal keys in the order they were added); `tmp` is scratch. */
  private static sorted(bytes: Uint8Array, starts: Uint32Array, n: number, order: Uint32Array, tmp: Uint32Array): Uint32Array {
    for (let i = 0; i < n; i++) order[i] = i;
    const counts: Uint32Array[] = [];
    /** Key a before key b, both known to be equal before byte d. */
    const less = (a: number, b: number, d: number): boolean => {
      const pa = starts[a] + d, ea = starts[a + 1], pb = starts[b] + d, eb = starts[b + 1];
      for (let i = 0; ; i++) {
        if (pa + i === ea) return pb + i !== eb || a < b; // a ended: a shorter key first, equal keys as added
        if (pb + i === eb) return false;
        const x = bytes[pa + i], y = bytes[pb + i];
        if (x !== y) return x < y;
      }
    };
    // Most significant byte first; counting distributes stably, so equal keys keep the order they were added in.
    const sort = (lo: number, hi: number, d: number): void => {
      if (hi - lo <= 32) {
        for (let i = lo + 1; i < hi; i++) {
          const k = order[i];
          let j = i - 1;
          while (j >= lo && less(k, order[j], d)) { order[j + 1] = order[j]; j--; }
          order[j + 1] = k;
        }
        return;
      }
      const cnt = (counts[d] ??= new Uint32Array(258));
      cnt.fill(0);
      // Bucket of a key: 0 if it has ended, else its byte d + 1.
      for (let i = lo; i < hi; i++) {
        const k = order[i], p = starts[k] + d;
        cnt[(p < starts[k + 1] ? bytes[p] + 1 : 0) + 1]++;
      }
      for (let b = 1; b < 258; b++) cnt[b] += cnt[b - 1];
      for (let i = lo; i < hi; i++) {
        const k = order[i], p = starts[k] + d;
        tmp[lo + cnt[p < starts[k + 1] ? bytes[p] + 1 : 0]++] = k;
      }
      order.set(tmp.subarray(lo, hi), lo);
      // Now bucket b is [cnt[b-1], cnt[b]); bucket 0 (keys that ended) is in order already.
      for (let b = 1, s = cnt[0]; b < 257; b++) {
        const e = cnt[b];
        if (e - s > 1) sort(lo + s, lo + e, d + 1);
        s = e;
      }
    };
    sort(0, n, 0);
    return order;
  }

  /**
   * Builds the matcher; the builder is left empty. `targetBits`: at least that many bits of each edge's link for
   * its target (a test leaves few for the skip, so that most skips are looked up among the large ones).
   */
  build(options: { targetBits?: number } = {}): Matcher {
    const maxKey = this.maxKey;

    // Frozen states.
    const stFinalCol = new Column(Uint8Array), stEdgeStartCol = new Column(Uint32Array), stCountCol = new Column(Uint32Array);
    const edCharCol = new Column(Uint16Array), edTargetCol = new Column(Uint32Array), edSkipCol = new Column(Uint32Array);
    let stFinal = stFinalCol.a, stEdgeStart = stEdgeStartCol.a, stCount = stCountCol.a;
    let edChar = edCharCol.a, edTarget = edTargetCol.a, edSkip = edSkipCol.a;
    let nStates = 0, nEdges = 0;
    // Register of frozen states by content: open addressing, state id + 1 (0: empty).
    let tableCol = new Column(Int32Array, 1 << 12);
    let table = tableCol.a;
    const hashOf = (final: number, chars: ArrayLike<number>, targets: ArrayLike<number>, from: number, to: number): number => {
      let h = final ? 0x5bd1e995 : 0x27d4eb2f;
      for (let e = from; e < to; e++) {
        h = Math.imul(h ^ chars[e], 0x9e3779b1);
        h = Math.imul(h ^ targets[e], 0x85ebca6b);
        h ^= h >>> 15;
      }
      return h >>> 0;
    };
    const insert = (t: Int32Array, id: number, h: number) => {
      const mask = t.length - 1;
      let slot = h & mask;
      while (t[slot] !== 0) slot = (slot + 1) & mask;
      t[slot] = id + 1;
    };

    // The open path: the state at depth d is the one reached by the first d units of the last key.
    const openFinal = new Uint8Array(maxKey + 1), openN = new Uint32Array(maxKey + 1);
    const openChars: number[][] = [], openTargets: number[][] = [];
    for (let d = 0; d <= maxKey; d++) { openChars.push([]); openTargets.push([]); }

    /** Freezes the open state at depth d: returns an equal frozen state, or freezes it as a new one. */
    const freeze = (d: number): number => {
      const final = openFinal[d], chars = openChars[d], targets = openTargets[d], m = openN[d];
      const h = hashOf(final, chars, targets, 0, m);
      const mask = table.length - 1;
      for (let slot = h & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
        const id = table[slot] - 1, s = stEdgeStart[id];
        if (stFinal[id] !== final || stEdgeStart[id + 1] - s !== m) continue;
        let e = 0;
        while (e < m && edChar[s + e] === chars[e] && edTarget[s + e] === targets[e]) e++;
        if (e === m) return id;
      }
      const id = nStates++;
      if (nStates >= stEdgeStart.length) {
        stFinal = stFinalCol.ensure(nStates + 1);
        stEdgeStart = stEdgeStartCol.ensure(nStates + 1);
        stCount = stCountCol.ensure(nStates + 1);
      }
      if (nEdges + m > edChar.length) {
        edChar = edCharCol.ensure(nEdges + m);
        edTarget = edTargetCol.ensure(nEdges + m);
        edSkip = edSkipCol.ensure(nEdges + m);
      }
      stFinal[id] = final;
      let skip = final;
      for (let e = 0; e < m; e++) {
        edChar[nEdges + e] = chars[e];
        edTarget[nEdges + e] = targets[e];
        edSkip[nEdges + e] = skip;
        skip += stCount[targets[e]];
      }
      stCount[id] = skip;
      nEdges += m;
      stEdgeStart[nStates] = nEdges;
      if (nStates * 2 > table.length) {
        const bigger = new Column(Int32Array, table.length * 2);
        for (let s = 0; s < nStates; s++) insert(bigger.a, s, hashOf(stFinal[s], edChar, edTarget, stEdgeStart[s], stEdgeStart[s + 1]));
        tableCol.free();
        tableCol = bigger;
        table = bigger.a;
      } else insert(table, id, h);
      return id;
    };
    const freezeDownTo = (depth: number, from: number) => {
      for (let d = from; d > depth; d--) openTargets[d - 1][openN[d - 1] - 1] = freeze(d);
    };

    // What each key names: one term inline, or several in `multi` (flagged by the high bit: the offset of
    // their count, then the terms).
    const keyOutCol = new Column(Uint32Array), multiCol = new Column(Uint32Array, 16);
    let keyOut = keyOutCol.a, multi = multiCol.a;
    let nKeys = 0, nMulti = 0, lastMulti = -1;
    const run: number[] = []; // the payloads of the last key
    const flush = () => {
      if (run.length === 0) return;
      run.sort((a, b) => a - b);
      let m = 1;
      for (let i = 1; i < run.length; i++) if (run[i] !== run[m - 1]) run[m++] = run[i];
      keyOut = keyOutCol.ensure(nKeys + 1);
      if (m === 1) keyOut[nKeys++] = run[0];
      else if (lastMulti >= 0 && multi[lastMulti] === m && run.every((x, i) => i >= m || multi[lastMulti + 1 + i] === x)) {
        keyOut[nKeys++] = HIGH | lastMulti; // the same terms as the key before: one list, and one run of keys
      } else {
        lastMulti = nMulti;
        multi = multiCol.ensure(nMulti + 1 + m);
        multi[nMulti] = m;
        for (let i = 0; i < m; i++) multi[nMulti + 1 + i] = run[i];
        keyOut[nKeys++] = HIGH | nMulti;
        nMulti += 1 + m;
      }
      run.length = 0;
    };
    let cur = new Uint16Array(maxKey), prev = new Uint16Array(maxKey);
    let prevLen = 0;
    const orderCol = new Column(Uint32Array), tmpCol = new Column(Uint32Array);
    for (let first = 0; first < this.groups.length; first++) {
      const g = this.groups[first];
      if (!g) continue;
      const bytes = g.bytes.a, starts = g.starts.a, payloads = g.payloads.a;
      const order = MatcherBuilder.sorted(bytes, starts, g.n, orderCol.ensure(g.n), tmpCol.ensure(g.n));
      for (let r = 0; r < g.n; r++) {
        const k = order[r];
        // Decode the key.
        let len = 0;
        for (let p = starts[k], end = starts[k + 1]; p < end; ) {
          const b = bytes[p];
          if (b < 0x80) { cur[len++] = b; p++; }
          else if (b < 0xe0) { cur[len++] = ((b & 0x1f) << 6) | (bytes[p + 1] & 0x3f); p += 2; }
          else { cur[len++] = ((b & 0x0f) << 12) | ((bytes[p + 1] & 0x3f) << 6) | (bytes[p + 2] & 0x3f); p += 3; }
        }
        let common = 0;
        while (common < len && common < prevLen && cur[common] === prev[common]) common++;
        if (common === len && len === prevLen) {
          run.push(payloads[k]); // the same key again, for another term (or again for the same one)
          continue;
        }
        flush();
        run.push(payloads[k]);
        freezeDownTo(common, prevLen);
        for (let d = common; d < len; d++) {
          const m = openN[d]++;
          openChars[d][m] = cur[d];
          openTargets[d][m] = 0; // set when the state below is frozen
          openFinal[d + 1] = 0;
          openN[d + 1] = 0;
        }
        openFinal[len] = 1;
        [cur, prev] = [prev, cur];
        prevLen = len;
      }
      g.free();
      this.groups[first] = undefined;
    }
    flush();
    freezeDownTo(0, prevLen);
    const root = freeze(0);
    // The working arrays go before the results are copied out, one at a time.
    for (const c of [orderCol, tmpCol, tableCol, stCountCol]) c.free();
    this.groups = [];
    this.maxKey = 0;
    const final = new Uint32Array((nStates + 31) >>> 5);
    for (let s = 0; s < nStates; s++) if (stFinal[s]) final[s >>> 5] |= 1 << (s & 31);
    stFinalCol.free();
    // Targets and skips in one word per edge.
    if (nStates > 1 << 30) throw new Error(`the glossary has too many forms (${nStates} automaton states)`);
    const targetBits = Math.min(30, Math.max(options.targetBits ?? 1, 32 - Math.clz32(Math.max(1, nStates - 1))));
    const sat = 2 ** (32 - targetBits) - 1;
    const edgeLink = new Uint32Array(nEdges);
    const big: number[] = [];
    edTarget = edTargetCol.a;
    edSkip = edSkipCol.a;
    for (let e = 0; e < nEdges; e++) {
      const skip = edSkip[e];
      edgeLink[e] = (edTarget[e] + Math.min(skip, sat) * 2 ** targetBits) >>> 0;
      if (skip >= sat) big.push(e, skip);
    }
    edTargetCol.free();
    edSkipCol.free();
    const bigEdges = new Uint32Array(big.length / 2), bigSkips = new Uint32Array(big.length / 2);
    for (let i = 0; i < bigEdges.length; i++) { bigEdges[i] = big[2 * i]; bigSkips[i] = big[2 * i + 1]; }
    // What keys name, once per run of keys that name the same.
    keyOut = keyOutCol.a;
    const keyStarts = new Uint32Array((nKeys + 31) >>> 5);
    let nValues = 0;
    for (let k = 0; k < nKeys; k++) {
      if (k > 0 && keyOut[k] === keyOut[k - 1]) continue;
      keyStarts[k >>> 5] |= 1 << (k & 31);
      keyOut[nValues++] = keyOut[k]; // in place: nValues <= k
    }
    const starts = compactStarts(stEdgeStartCol.take(nStates + 1));
    return new Matcher(
      root, starts.edgeBase, starts.edgeOff, starts.blockBits, final, edCharCol.take(nEdges), edgeLink, bigEdges, bigSkips,
      keyStarts, keyOutCol.take(nValues), multiCol.take(nMulti), maxKey, targetBits, nKeys,
    );
  }
}

/**
 * Where each state's edges start (edgeStart, one per state and one past the last) as a base per block of 64
 * states and a 16-bit offset per state; a base per state when a block's offsets do not fit 16 bits.
 */
export function compactStarts(edgeStart: Uint32Array): { edgeBase: Uint32Array; edgeOff: Uint16Array; blockBits: number } {
  for (const blockBits of [6, 0]) {
    const edgeBase = new Uint32Array(((edgeStart.length - 1) >>> blockBits) + 1), edgeOff = new Uint16Array(edgeStart.length);
    let fits = true;
    for (let s = 0; s < edgeStart.length && fits; s++) {
      const b = s >>> blockBits;
      if ((s & ((1 << blockBits) - 1)) === 0) edgeBase[b] = edgeStart[s];
      const off = edgeStart[s] - edgeBase[b];
      edgeOff[s] = off;
      fits = off <= 0xffff;
    }
    if (fits) return { edgeBase, edgeOff, blockBits };
  }
  throw new Error('matcher: unreachable'); // with a base per state every offset is 0
}

export class Matcher {
  private readonly rootTarget = new Int32Array(0x10000).fill(-1);
  private readonly rootSkip = new Uint32Array(0x10000);
  /**
   * The second step of a walk when both characters are ASCII (most of a European text): the state after
   * c1 c2 at [c1 * 128 + c2] (-1 if none) and that edge's skip, instead of a search among c1's edges.
   */
  private readonly second = new Int32Array(128 * 128).fill(-1);
  private readonly secondSkip = new Uint32Array(128 * 128);

  /** An edge's target is link & targetMask, its skip link >>> targetBits unless that is `sat` (see bigSkip). */
  private readonly targetMask: number;
  private readonly sat: number;
  /** The number of runs that start before each word of keyStarts (made when loaded: 1 bit in 32 of keyStarts). */
  private readonly keyRank: Uint32Array;

  constructor(
    private readonly root: number,
    private readonly edgeBase: Uint32Array,
    private readonly edgeOff: Uint16Array,
    private readonly blockBits: number,
    private readonly final: Uint32Array,
    private readonly edgeChar: Uint16Array,
    private readonly edgeLink: Uint32Array,
    private readonly bigEdges: Uint32Array,
    private readonly bigSkips: Uint32Array,
    private readonly keyStarts: Uint32Array,
    private readonly keyValues: Uint32Array,
    private readonly multi: Uint32Array,
    /** Length of the longest key: a match never covers more non-separator characters than this. */
    readonly maxKeyLength: number,
    private readonly targetBits: number,
    /** Distinct keys: key numbers are 0 .. keyCount - 1. */
    readonly keyCount: number,
  ) {
    this.targetMask = 2 ** targetBits - 1;
    this.sat = 2 ** (32 - targetBits) - 1;
    this.keyRank = new Uint32Array(keyStarts.length + 1);
    for (let w = 0; w < keyStarts.length; w++) this.keyRank[w + 1] = this.keyRank[w] + popcount(keyStarts[w]);
    this.cands = new Int32Array(2 * (maxKeyLength + 1));
    for (let e = this.start(root), end = this.start(root + 1); e < end; e++) {
      const c1 = edgeChar[e], s1 = this.target(e);
      this.rootTarget[c1] = s1;
      this.rootSkip[c1] = this.skip(e);
      if (c1 >= 128) continue;
      for (let f = this.start(s1), end1 = this.start(s1 + 1); f < end1; f++) {
        if (edgeChar[f] >= 128) continue;
        this.second[(c1 << 7) | edgeChar[f]] = this.target(f);
        this.secondSkip[(c1 << 7) | edgeChar[f]] = this.skip(f);
      }
    }
  }

  /** Where state s's edges start (s up to the number of states: one past the last edge). */
  private start(s: number): number {
    return this.edgeBase[s >>> this.blockBits] + this.edgeOff[s];
  }

  private target(e: number): number {
    return this.edgeLink[e] & this.targetMask;
  }

  private skip(e: number): number {
    const s = this.edgeLink[e] >>> this.targetBits;
    return s === this.sat ? this.bigSkip(e) : s;
  }

  /** The skip of an edge whose skip did not fit its link: searched by halves among the few such edges. */
  private bigSkip(e: number): number {
    const edges = this.bigEdges;
    let lo = 0, hi = edges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] === e) return this.bigSkips[mid];
      if (edges[mid] < e) lo = mid + 1;
      else hi = mid - 1;
    }
    throw new Error(`matcher: edge ${e} has no skip`);
  }

  /** What the matcher is made of, for a compiled glossary (new Matcher(...) of the same parts is the same matcher). */
  parts(): { root: number; maxKeyLength: number; targetBits: number; keyCount: number; blockBits: number; arrays: Record<(typeof MATCHER_PARTS)[number], Uint32Array | Uint16Array> } {
    const { root, maxKeyLength, targetBits, keyCount, blockBits, edgeBase, edgeOff, final, edgeChar, edgeLink, bigEdges, bigSkips, keyStarts, keyValues, multi } = this;
    return { root, maxKeyLength, targetBits, keyCount, blockBits, arrays: { edgeBase, edgeOff, final, edgeChar, edgeLink, bigEdges, bigSkips, keyStarts, keyValues, multi } };
  }

  /** The matcher of `parts()` (typed arrays as they are: no copy). */
  static of(p: { root: number; maxKeyLength: number; targetBits: number; keyCount: number; blockBits: number }, a: Record<(typeof MATCHER_PARTS)[number], Uint32Array | Uint16Array>): Matcher {
    const u = (k: (typeof MATCHER_PARTS)[number]) => a[k] as Uint32Array;
    return new Matcher(p.root, u('edgeBase'), a.edgeOff as Uint16Array, p.blockBits, u('final'), a.edgeChar as Uint16Array, u('edgeLink'), u('bigEdges'), u('bigSkips'), u('keyStarts'), u('keyValues'), u('multi'), p.maxKeyLength, p.targetBits, p.keyCount);
  }

  /** States of the automaton. */
  get nodeCount(): number {
    return this.edgeOff.length - 1;
  }

  /** Bytes held by the typed arrays. */
  get byteSize(): number {
    return this.rootTarget.byteLength + this.rootSkip.byteLength + this.second.byteLength + this.secondSkip.byteLength + this.keyRank.byteLength
      + Object.values(this.parts().arrays).reduce((n, a) => n + a.byteLength, 0);
  }

  /** What key number `key` names: term indices, ascending. */
  outputs(key: number): Uint32Array {
    const w = key >>> 5, bits = this.keyStarts[w] & (0xffffffff >>> (31 - (key & 31)));
    const run = this.keyRank[w] + popcount(bits) - 1;
    const v = this.keyValues[run];
    if (!(v & HIGH)) return this.keyValues.subarray(run, run + 1);
    const at = v & ~HIGH;
    return this.multi.subarray(at + 1, at + 1 + this.multi[at]);
  }

  /** The edge of `state` labelled c, or -1. */
  private edge(state: number, c: number): number {
    let lo = this.start(state), hi = this.start(state + 1) - 1;
    const chars = this.edgeChar;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = chars[mid];
      if (m === c) return mid;
      if (m < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Looks up a folded key exactly; returns its key number or -1. */
  lookup(key: string): number {
    if (key.length === 0) return -1;
    let state = this.rootTarget[key.charCodeAt(0)];
    if (state < 0) return -1;
    let k = this.rootSkip[key.charCodeAt(0)];
    for (let i = 1; i < key.length; i++) {
      const e = this.edge(state, key.charCodeAt(i));
      if (e < 0) return -1;
      state = this.target(e);
      k += this.skip(e);
    }
    return this.final[state >>> 5] & (1 << (state & 31)) ? k : -1;
  }

  /**
   * Candidate (key, end) pairs of the scan's current position, reused across positions and scans. A walk
   * from the root is a prefix of some key, so it meets at most maxKeyLength key ends: the array never grows
   * (a field that is never set again keeps the scan's compiled code valid).
   */
  private readonly cands: Int32Array;

  /**
   * Leftmost-longest, non-overlapping matches in folded[from, to). A match starts and ends at word
   * boundaries, except next to Han characters (Chinese has no spaces). Runs of separators in the
   * text match the single space of a key. `take` is offered each match (with its key number),
   * longest first, and returns whether it takes it (a verb use or a lower-case acronym is refused);
   * the scan then continues after the match it took. It stops early at the first position it stands
   * on (one where a match may start) at or after `stopAt` that `stop` (when given) accepts, and
   * returns that position.
   */
  scan(folded: Uint16Array, from: number, to: number, take: (start: number, end: number, key: number) => boolean, stopAt = Infinity, stop?: (i: number) => boolean): number {
    const n = to;
    const rootTarget = this.rootTarget, rootSkip = this.rootSkip, final = this.final, edgeBase = this.edgeBase, edgeOff = this.edgeOff, bb = this.blockBits, edgeChar = this.edgeChar;
    const edgeLink = this.edgeLink, targetMask = this.targetMask, targetBits = this.targetBits, sat = this.sat, cls = CHAR_CLASS, second = this.second, secondSkip = this.secondSkip;
    const cands = this.cands;
    let i = from;
    while (i < n) {
      if (i >= stopAt && (stop === undefined || stop(i))) return i;
      const c = folded[i];
      // Inside a word (after a letter that is not Han, at a letter that is not Han): no match starts here.
      if (c === SEP || c === BLOCK || (i > 0 && (cls[folded[i - 1]] & WORD_OR_HAN) === WORD && (cls[c] & HAN) === 0)) { i++; continue; }
      let state = rootTarget[c];
      if (state < 0) { i++; continue; }
      let key = rootSkip[c];
      let j = i + 1;
      let nc = 0;
      for (;;) {
        if (final[state >>> 5] & (1 << (state & 31))) {
          // A match ends at a word boundary: not before a letter that is not Han, unless it ends with a Han one.
          if (j >= n || (cls[folded[j]] & WORD_OR_HAN) !== WORD || (cls[folded[j - 1]] & HAN) !== 0) {
            cands[nc++] = key;
            cands[nc++] = j;
          }
        }
        if (j >= n) break;
        const d = folded[j];
        if (j === i + 1 && (c | d) < 128) {
          const t = second[(c << 7) | d];
          if (t < 0) break;
          state = t;
          key += secondSkip[(c << 7) | d];
        } else {
          // The edge labelled d: a binary search among the state's edges, sorted by label.
          let lo = edgeBase[state >>> bb] + edgeOff[state], hi = edgeBase[(state + 1) >>> bb] + edgeOff[state + 1] - 1, e = -1;
          while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            const m = edgeChar[mid];
            if (m === d) { e = mid; break; }
            if (m < d) lo = mid + 1;
            else hi = mid - 1;
          }
          if (e < 0) break;
          const link = edgeLink[e], skip = link >>> targetBits;
          state = link & targetMask;
          key += skip === sat ? this.bigSkip(e) : skip;
        }
        j++;
        if (d === SEP) while (j < n && folded[j] === SEP) j++;
      }
      let matched = false;
      for (let k = nc - 2; k >= 0; k -= 2) {
        const end = cands[k + 1];
        if (take(i, end, cands[k])) {
          i = end;
          matched = true;
          break;
        }
      }
      if (!matched) {
        i++;
        // The rest of a word that is not Han starts nothing: stand next where a match may start.
        if ((cls[c] & WORD_OR_HAN) === WORD) {
          while (i < n) {
            const k = cls[folded[i]];
            if (k & HAN) break;
            i++;
            if ((k & WORD_OR_HAN) !== WORD) break;
          }
        }
      }
    }
    return n;
  }
}
