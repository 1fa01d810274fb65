/**
 * A compact trie over the folded surface forms of every term, walked once over the folded text.
 *
 * Layout (no object per node): node n's edges are edgeChar/edgeNode[edgeStart[n] .. edgeStart[n+1]),
 * sorted by character; the root's edges are also in a dense table indexed by character. What a
 * node's key names (term indices) is outData[outStart[n] .. outStart[n+1]).
 *
 * The cost of a scan depends on the text and on the length of the longest term, not on how many
 * terms there are.
 */
import { BLOCK, SEP, isHanCode, isWordCode } from './fold';

class GrowInt32 {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): number {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n] = v;
    return this.n++;
  }
}

export class MatcherBuilder {
  private keys: string[] = [];
  private payloads: number[] = [];

  /** key must already be folded (see foldKey). */
  add(key: string, payload: number): void {
    if (key.length === 0) return;
    this.keys.push(key);
    this.payloads.push(payload);
  }

  build(): Matcher {
    const order = this.keys.map((_, i) => i).sort((x, y) => (this.keys[x] < this.keys[y] ? -1 : this.keys[x] > this.keys[y] ? 1 : this.payloads[x] - this.payloads[y]));
    // 1. First-child / next-sibling trie, built in key order: a new child is always the last one.
    const ch = new GrowInt32(), first = new GrowInt32(), last = new GrowInt32(), next = new GrowInt32();
    const outHead = new GrowInt32(); // per node: index into outs list chain, -1 none
    const outVal = new GrowInt32(), outNext = new GrowInt32(), outTail = new GrowInt32();
    const newNode = (c: number) => { ch.push(c); first.push(-1); last.push(-1); next.push(-1); outHead.push(-1); return outTail.push(-1); };
    newNode(0);
    let prevKey = '';
    const path: number[] = [0];
    for (const i of order) {
      const key = this.keys[i];
      let common = 0;
      while (common < key.length && common < prevKey.length && key.charCodeAt(common) === prevKey.charCodeAt(common)) common++;
      path.length = common + 1;
      let node = path[common];
      for (let d = common; d < key.length; d++) {
        const child = newNode(key.charCodeAt(d));
        if (last.a[node] < 0) first.a[node] = child;
        else next.a[last.a[node]] = child;
        last.a[node] = child;
        path.push(child);
        node = child;
      }
      const p = this.payloads[i];
      let seen = false;
      for (let o = outHead.a[node]; o >= 0; o = outNext.a[o]) if (outVal.a[o] === p) seen = true;
      if (!seen) {
        const o = outVal.push(p);
        outNext.push(-1);
        if (outHead.a[node] < 0) outHead.a[node] = o;
        else outNext.a[outTail.a[node]] = o;
        outTail.a[node] = o;
      }
      prevKey = key;
    }
    // 2. Breadth-first renumbering into the compact layout.
    const count = ch.n;
    const edgeStart = new Uint32Array(count + 1), edgeChar = new Uint16Array(count), edgeNode = new Uint32Array(count);
    const outStart = new Uint32Array(count + 1), outData = new Uint32Array(outVal.n);
    const queue = new Int32Array(count);
    queue[0] = 0;
    let head = 0, tail = 1, edges = 0, outs = 0;
    while (head < tail) {
      const old = queue[head];
      const id = head++;
      edgeStart[id] = edges;
      outStart[id] = outs;
      for (let o = outHead.a[old]; o >= 0; o = outNext.a[o]) outData[outs++] = outVal.a[o];
      for (let c = first.a[old]; c >= 0; c = next.a[c]) {
        edgeChar[edges] = ch.a[c];
        edgeNode[edges] = tail; // children are numbered in the order they are queued
        edges++;
        queue[tail++] = c;
      }
    }
    edgeStart[count] = edges;
    outStart[count] = outs;
    let maxKey = 0;
    for (const k of this.keys) if (k.length > maxKey) maxKey = k.length;
    return new Matcher(edgeStart, edgeChar.subarray(0, edges), edgeNode.subarray(0, edges), outStart, outData, maxKey);
  }
}

export class Matcher {
  private readonly root = new Int32Array(0x10000).fill(-1);

  constructor(
    private readonly edgeStart: Uint32Array,
    private readonly edgeChar: Uint16Array,
    private readonly edgeNode: Uint32Array,
    private readonly outStart: Uint32Array,
    private readonly outData: Uint32Array,
    /** Length of the longest key: a match never covers more non-separator characters than this. */
    readonly maxKeyLength: number,
  ) {
    for (let e = edgeStart[0]; e < edgeStart[1]; e++) this.root[edgeChar[e]] = edgeNode[e];
  }

  get nodeCount(): number {
    return this.edgeStart.length - 1;
  }

  /** Bytes held by the typed arrays. */
  get byteSize(): number {
    return this.root.byteLength + this.edgeStart.byteLength + this.edgeChar.byteLength + this.edgeNode.byteLength + this.outStart.byteLength + this.outData.byteLength;
  }

  outputs(node: number): Uint32Array {
    return this.outData.subarray(this.outStart[node], this.outStart[node + 1]);
  }

  private child(node: number, c: number): number {
    if (node === 0) return this.root[c];
    let lo = this.edgeStart[node], hi = this.edgeStart[node + 1] - 1;
    const chars = this.edgeChar;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = chars[mid];
      if (m === c) return this.edgeNode[mid];
      if (m < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Looks up a folded key exactly; returns the node or -1. */
  lookup(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length && node >= 0; i++) node = this.child(node, key.charCodeAt(i));
    return node >= 0 && this.outStart[node + 1] > this.outStart[node] ? node : -1;
  }

  /**
   * Leftmost-longest, non-overlapping matches in folded[from, to). A match starts and ends at word
   * boundaries, except next to Han characters (Chinese has no spaces). Runs of separators in the
   * text match the single space of a key. `take` is offered each match, longest first, and returns
   * whether it takes it (a verb use or a lower-case acronym is refused); the scan then continues
   * after the match it took.
   */
  scan(folded: Uint16Array, from: number, to: number, take: (start: number, end: number, node: number) => boolean, stop?: (i: number) => boolean): number {
    const n = to;
    const root = this.root, outStart = this.outStart;
    let i = from;
    const cands: number[] = [];
    while (i < n) {
      if (stop && stop(i)) return i;
      const c = folded[i];
      if (c === SEP || c === BLOCK) { i++; continue; }
      if (i > 0) {
        const p = folded[i - 1];
        if (isWordCode(p) && !isHanCode(p) && !isHanCode(c)) { i++; continue; }
      }
      let node = root[c];
      if (node < 0) { i++; continue; }
      let j = i + 1;
      cands.length = 0;
      for (;;) {
        if (outStart[node + 1] > outStart[node]) {
          const next = j < n ? folded[j] : SEP;
          if (!isWordCode(next) || isHanCode(next) || isHanCode(folded[j - 1])) cands.push(node, j);
        }
        if (j >= n) break;
        const d = folded[j];
        const child = this.child(node, d);
        if (child < 0) break;
        node = child;
        j++;
        if (d === SEP) while (j < n && folded[j] === SEP) j++;
      }
      let matched = false;
      for (let k = cands.length - 2; k >= 0; k -= 2) {
        const end = cands[k + 1];
        if (take(i, end, cands[k])) {
          i = end;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
    return n;
  }
}
