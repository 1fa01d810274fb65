/**
 * A built glossary as bytes and back: written at build time (next to dist/glossary.json), so that a server
 * loads the glossary without generating a form or building the automaton.
 *
 * Layout: "LINGOGLB", the format number, the header's length, a checksum of everything after it (u32 each, then
 * 4 bytes of padding), the header (UTF-8 JSON: counts, domains, the build's issues, the distinct inflection
 * hints, each array's name, type and length, and whatever `meta` the writer adds), then the arrays, each at an
 * offset that is a multiple of 8: the matcher's typed arrays as they are, and the model in columns: strings in
 * one UTF-8 pool with offsets, a term's small fields as the number packBits makes, the concept of each term,
 * its rare texts, and completion's prefix index. The arrays after those are cold: the terms of each prefix of the
 * prefix index, the name index of workspace symbols and the Glossary view's filter (nameIndex.ts: the folded names'
 * two parts, the one-byte keys as UTF-8, the two-byte keys as UTF-16LE, their starts and entries), and, last, the
 * definitions (the bulk of the text, in a pool of their own: the cold pool); a loaded glossary reads them from its
 * source when asked for (a completion's bucket; the name index at the first search, let go when idle; a
 * definition for a hover or a completion item): the source may be the bytes, or a file the node layer keeps open,
 * and then none of them is in memory.
 *
 * Loading makes no copy of the arrays (typed views on what the source gave) and one small object per concept
 * and, when first read, per term (read through getters, texts decoded from the pool when asked for), instead
 * of the objects, strings and lists buildGlossary makes: with 50,000 concepts that is most of the memory. A
 * bad file is an error with a message that says what is wrong with it; nothing is half loaded.
 */
import { ACRONYM_BIT, NO_TERMS, PackedTerm, packBits, STATUSES, type ConceptName, type ConceptOutline, type DomainNames, type Glossary } from './glossary';
import type { InflectHints } from './inflect';
import { termPrefixIndex, type TermIndex } from './completion';
import { Matcher, MATCHER_PARTS } from './matcher';
import { makeNameIndex, NAME_SEP, type NameIndex, type NamePart } from './nameIndex';
import type { Concept, GlossaryIssue, Lang, LangSection, Term, TermContext } from './types';
import { LANGS } from './types';
import { firstIndex } from './util';

const MAGIC = 'LINGOGLB';
/** Changes when the layout changes; a file of another format is not read. */
export const COMPILED_FORMAT = 6;

/** A compiled glossary that cannot be used: wrong format, truncated, or changed since it was written. */
export class CompiledGlossaryError extends Error {}

type ArrayType = 'u8' | 'u16' | 'u32' | 'i32';
const CTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;
type AnyArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;
const typeOf = (a: AnyArray): ArrayType => (a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Uint32Array ? 'u32' : 'i32');

interface Header {
  format: number;
  meta: Record<string, unknown>;
  counts: { terms: number; concepts: number; strings: number };
  domains: DomainNames;
  issues: GlossaryIssue[];
  hints: InflectHints[];
  /** The distinct contexts of terms (notIn, notNear, cues); contextTerms and contextIds say which term has which. */
  contexts: TermContext[];
  matcher: { root: number; maxKeyLength: number; targetBits: number; keyCount: number; blockBits: number };
  arrays: [name: string, type: ArrayType, length: number][];
}

/** Where the header begins: after the magic, the format, the header's length and the checksum. */
const HEADER_AT = 24;

/** The arrays of a compiled glossary, by name (see encodeGlossary). */
const MATCHER_ARRAYS = MATCHER_PARTS;
const MODEL_ARRAYS = [
  'stringStart', 'stringBytes', 'termBits', 'moreTerms', 'more', 'termHints', 'conceptStrings', 'conceptTermStart', 'conceptLangs',
  'sectionDefinition', 'relatedStart', 'related', 'seedStart', 'seeds', 'prefixString', 'prefixStart', 'contextTerms', 'contextIds', 'coldStart',
] as const;
/**
 * The cold arrays, last, read from the source only when asked for: the terms of completion's prefix index (a
 * bucket when a completion asks for it: 4.8 MB with 50,000 concepts), the name index (its two parts, read whole
 * at the first search: 13 MB with 50,000 concepts), and the cold pool's bytes (a definition).
 */
const PREFIX_TERMS = 'prefixTerms';
const NAME_ARRAYS = ['narrowKeys', 'narrowStarts', 'narrowEntries', 'wideKeys', 'wideStarts', 'wideEntries'] as const;
const COLD = 'coldBytes';
/** The cold arrays in file order, with their types. */
const COLD_ARRAYS: [string, ArrayType][] = [
  [PREFIX_TERMS, 'u32'], ['narrowKeys', 'u8'], ['narrowStarts', 'u32'], ['narrowEntries', 'u32'], ['wideKeys', 'u16'], ['wideStarts', 'u32'], ['wideEntries', 'u32'], [COLD, 'u8'],
];
const ARRAY_NAMES = [...MATCHER_ARRAYS, ...MODEL_ARRAYS, ...COLD_ARRAYS.map(([n]) => n)];

/**
 * The pieces the cold arrays are read in: below the 128 KB from which glibc's malloc maps a block of its own, whose
 * release raises that limit for every later block (see nameIndex in decodeGlossary).
 */
const PIECE = 64 * 1024;

/** A checksum of 32-bit words, fed piece by piece: any one changed word changes it (each step is a bijection). */
function checksum(words: Int32Array, h = 0x811c9dc5 | 0): number {
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  return h;
}

/** Where a compiled glossary's bytes come from: the bytes themselves, or a file read on demand. */
export interface CompiledSource {
  readonly length: number;
  /**
   * `length` bytes from `offset` (a new array or a view; not changed by the reader afterwards), or, when `into`
   * is given, possibly the first `length` bytes of `into` (a scratch array, used again for the next read).
   */
  read(offset: number, length: number, into?: Uint8Array): Uint8Array;
}

const bytesSource = (b: Uint8Array): CompiledSource => ({ length: b.length, read: (offset, length) => b.subarray(offset, offset + length) });

/** Strings as UTF-8 in one array, string i at bytes[start[i] .. start[i + 1]). */
function stringPool(texts: string[]): { start: Uint32Array; bytes: Uint8Array } {
  const encoder = new TextEncoder();
  const start = new Uint32Array(texts.length + 1);
  let pool = new Uint8Array(1024);
  let used = 0;
  texts.forEach((s, i) => {
    if (pool.length - used < s.length * 3) {
      const bigger = new Uint8Array(Math.max(pool.length * 2, used + s.length * 3));
      bigger.set(pool.subarray(0, used));
      pool = bigger;
    }
    start[i] = used;
    used += encoder.encodeInto(s, pool.subarray(used)).written;
  });
  start[texts.length] = used;
  return { start, bytes: pool.subarray(0, used) };
}

const pad8 = (n: number) => (n + 7) & ~7;

/**
 * The bytes of a built glossary and the issues its build reported. `meta` goes into the header as it is (the
 * node layer records there what the file was compiled from). Throws when the glossary's terms are not laid
 * out as buildGlossary lays them out (concept by concept, language by language, terms before acronyms).
 */
export function encodeGlossary(glossary: Glossary, issues: GlossaryIssue[], meta: Record<string, unknown> = {}): Uint8Array {
  const { terms, concepts } = glossary;
  // Strings: term i's text is string i; the others once each.
  const texts: string[] = terms.map((t) => t.text);
  const ids = new Map<string, number>();
  const str = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) { id = texts.length; texts.push(s); ids.set(s, id); }
    return id;
  };
  const optStr = (s: string | undefined): number => (s === undefined ? -1 : str(s));
  const cold: string[] = []; // definitions: one each, in section order

  // A term's concept is the one whose terms (conceptTermStart) hold it; the terms that have rare texts are listed
  // (moreTerms, ascending), their texts three by three in `more`; a term's inflection hints as their number + 1
  // (0: none), two bytes each while there are fewer than 65,535 of them.
  const termBits = new Int32Array(terms.length), moreTerms: number[] = [];
  const more: number[] = [];
  const hints: InflectHints[] = [], hintIds = new Map<string, number>();
  // Few terms have a context: (term, context) pairs in term order, the distinct contexts in the header.
  const contexts: TermContext[] = [], contextIdOf = new Map<string, number>(), contextTerms: number[] = [], contextIds: number[] = [];
  const termHintOf = new Uint32Array(terms.length);
  const conceptStrings = new Uint32Array(concepts.length * 4), conceptTermStart = new Uint32Array(concepts.length + 1), conceptLangs = new Uint8Array(concepts.length);
  const sectionDefinition: number[] = [], relatedStart = new Uint32Array(concepts.length + 1), related: number[] = [], seedStart = new Uint32Array(concepts.length + 1), seeds: number[] = [];
  let next = 0;
  concepts.forEach((c, ci) => {
    conceptStrings.set([str(c.id), str(c.name), str(c.domain), str(c.file)], ci * 4);
    conceptTermStart[ci] = next;
    LANGS.forEach((lang, li) => {
      const s = c.langs[lang];
      if (!s) return;
      conceptLangs[ci] |= 1 << li;
      sectionDefinition.push(s.definition === undefined ? -1 : cold.push(s.definition) - 1);
      for (const [list, acronym] of [[s.terms, false], [s.acronyms, true]] as const) {
        for (const t of list) {
          if (t.index !== next || terms[next] !== t || t.concept !== c || t.lang !== lang || t.acronym !== acronym) {
            throw new Error(`the glossary cannot be compiled: term "${t.text}" of ${c.id} is not where buildGlossary puts it`);
          }
          termBits[next] = packBits(t.lang, t.status, t.rank, t.acronym, t.loanword, t.mistranslation, t.ambiguous, t.homograph === 'verb', t.colloquial);
          if (t.expansion !== undefined || t.note !== undefined || t.replacement !== undefined) {
            moreTerms.push(next);
            more.push(optStr(t.expansion), optStr(t.note), optStr(t.replacement));
          }
          if (t.context) {
            const key = JSON.stringify(t.context);
            let k = contextIdOf.get(key);
            if (k === undefined) { k = contexts.length; contexts.push(t.context); contextIdOf.set(key, k); }
            contextTerms.push(next);
            contextIds.push(k);
          }
          if (t.inflection) {
            const key = JSON.stringify(t.inflection);
            let h = hintIds.get(key);
            if (h === undefined) { h = hints.length; hints.push(t.inflection); hintIds.set(key, h); }
            termHintOf[next] = h + 1;
          }
          next++;
        }
      }
    });
    relatedStart[ci] = related.length;
    for (const r of c.related) related.push(str(r));
    seedStart[ci] = seeds.length;
    for (const x of c.seeds) seeds.push(str(x));
  });
  if (next !== terms.length) throw new Error(`the glossary cannot be compiled: ${terms.length - next} term(s) belong to no concept section`);
  conceptTermStart[concepts.length] = next;
  relatedStart[concepts.length] = related.length;
  seedStart[concepts.length] = seeds.length;

  // Completion's prefix index, as CompletionIndex would make it at the first completion.
  const prefixIndex = termPrefixIndex(terms);
  const prefixString = new Uint32Array(prefixIndex.size), prefixStart = new Uint32Array(prefixIndex.size + 1), prefixTerms = new Uint32Array([...prefixIndex.values()].reduce((n, l) => n + l.length, 0));
  let p = 0, q = 0;
  for (const [prefix, list] of prefixIndex) {
    prefixString[p] = str(prefix);
    prefixStart[p++] = q;
    prefixTerms.set(list, q);
    q += list.length;
  }
  prefixStart[p] = q;
  // The name index as the search would make it (the same function), its keys as bytes that decode fast and exactly.
  const nt = terms.length;
  const [narrow, wide] = makeNameIndex(nt + concepts.length, (e) => (e < nt ? terms[e].text : concepts[e - nt].name));
  const wideKeys = new Uint16Array(wide.keys.length);
  for (let i = 0; i < wideKeys.length; i++) wideKeys[i] = wide.keys.charCodeAt(i);
  const names: Record<(typeof NAME_ARRAYS)[number], AnyArray> = {
    narrowKeys: new TextEncoder().encode(narrow.keys), narrowStarts: narrow.starts, narrowEntries: narrow.entries,
    wideKeys, wideStarts: wide.starts, wideEntries: wide.entries,
  };
  const hot = stringPool(texts), coldPool = stringPool(cold);
  const { arrays: m, ...matcherHeader } = glossary.matcher.parts();
  const model: Record<(typeof MODEL_ARRAYS)[number], AnyArray> = {
    stringStart: hot.start, stringBytes: hot.bytes, termBits, moreTerms: Uint32Array.from(moreTerms), more: Int32Array.from(more),
    termHints: hints.length < 0xffff ? Uint16Array.from(termHintOf) : termHintOf,
    conceptStrings, conceptTermStart, conceptLangs, sectionDefinition: Int32Array.from(sectionDefinition),
    relatedStart, related: Uint32Array.from(related), seedStart, seeds: Uint32Array.from(seeds),
    prefixString, prefixStart, contextTerms: Uint32Array.from(contextTerms), contextIds: Uint32Array.from(contextIds), coldStart: coldPool.start,
  };
  const all: [string, AnyArray][] = [
    ...MATCHER_ARRAYS.map((n) => [n, m[n]] as [string, AnyArray]), ...MODEL_ARRAYS.map((n) => [n, model[n]] as [string, AnyArray]),
    [PREFIX_TERMS, prefixTerms], ...NAME_ARRAYS.map((n) => [n, names[n]] as [string, AnyArray]), [COLD, coldPool.bytes],
  ];

  let dataBytes = 0;
  for (const [, a] of all) dataBytes = pad8(dataBytes + a.byteLength);
  const data = new Uint8Array(dataBytes);
  let at = 0;
  for (const [, a] of all) {
    data.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = pad8(at + a.byteLength);
  }
  const header: Header = {
    format: COMPILED_FORMAT, meta, counts: { terms: terms.length, concepts: concepts.length, strings: texts.length },
    domains: glossary.domains, issues, hints, contexts, matcher: matcherHeader,
    arrays: all.map(([name, a]) => [name, typeOf(a), a.length]),
  };
  const encoder = new TextEncoder();
  const headerBytes = encoder.encode(JSON.stringify(header));
  const dataStart = pad8(HEADER_AT + headerBytes.length);
  const out = new Uint8Array(dataStart + dataBytes);
  out.set(encoder.encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, COMPILED_FORMAT, true);
  view.setUint32(12, headerBytes.length, true);
  out.set(headerBytes, HEADER_AT);
  out.set(data, dataStart);
  view.setUint32(16, checksum(new Int32Array(out.buffer, HEADER_AT, (out.length - HEADER_AT) / 4)) >>> 0, true);
  return out;
}

/** The header of a compiled glossary (checked: magic, format, length), where its arrays begin, and its checksum. */
function readHeader(source: CompiledSource): { header: Header; dataStart: number; sum: number } {
  const fail = (why: string): never => { throw new CompiledGlossaryError(why); };
  if (source.length < HEADER_AT) fail('it is not a compiled Lingo glossary (it is too short)');
  const start = source.read(0, HEADER_AT);
  if (new TextDecoder().decode(start.subarray(0, 8)) !== MAGIC) fail('it is not a compiled Lingo glossary');
  const view = new DataView(start.buffer, start.byteOffset, start.byteLength);
  const format = view.getUint32(8, true);
  if (format !== COMPILED_FORMAT) fail(`it is in format ${format}, this version of Lingo reads format ${COMPILED_FORMAT}`);
  const headerLength = view.getUint32(12, true);
  if (HEADER_AT + headerLength > source.length) fail('it is truncated (in its header)');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(source.read(HEADER_AT, headerLength))) as Header;
  } catch (e) {
    return fail(`its header is not valid JSON (${(e as Error).message})`);
  }
  if (!header || !Array.isArray(header.arrays) || !header.counts || !header.matcher) fail('its header lacks the list of arrays');
  return { header, dataStart: pad8(HEADER_AT + headerLength), sum: view.getUint32(16, true) };
}

/** What the writer put into the header's `meta` (read without loading the glossary). */
export function compiledMeta(source: Uint8Array | CompiledSource): Record<string, unknown> {
  return readHeader(source instanceof Uint8Array ? bytesSource(source) : source).header.meta ?? {};
}

/**
 * The glossary in `input` (bytes from encodeGlossary, or where to read them), and the issues its build
 * reported. All but the cold arrays is read at once (the arrays are views on what the source gave, which must
 * not change afterwards); the cold ones (prefix buckets, the name index, definitions) are read from the source
 * when asked for, once the whole of it has been checked here. Throws CompiledGlossaryError when the source is
 * not a whole, unchanged compiled glossary of this format (and, from the name index, when what is read later
 * is not what was checked).
 */
export function decodeGlossary(input: Uint8Array | CompiledSource): { glossary: Glossary; issues: GlossaryIssue[] } {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const { header, dataStart, sum } = readHeader(source);
  const fail = (why: string): never => { throw new CompiledGlossaryError(why); };
  // Where each array is; all but the cold pool are read now.
  const where: [name: string, Ctor: (typeof CTORS)[ArrayType], at: number, length: number][] = [];
  let at = dataStart;
  for (const [name, type, length] of header.arrays) {
    const Ctor = CTORS[type];
    if (!Ctor || !Number.isSafeInteger(length) || length < 0) fail(`its array ${name} has an unknown type or length`);
    if (at + length * Ctor.BYTES_PER_ELEMENT > source.length) fail(`it is truncated (in ${name}: ${source.length} bytes, ${at + length * Ctor.BYTES_PER_ELEMENT} needed)`);
    where.push([name, Ctor, at, length]);
    at = pad8(at + length * Ctor.BYTES_PER_ELEMENT);
  }
  if (at !== source.length) fail(`its length is wrong (${source.length} bytes, ${at} expected)`);
  const coldWhere = where.splice(Math.max(0, where.length - COLD_ARRAYS.length));
  COLD_ARRAYS.forEach(([name, type], k) => {
    const w = coldWhere[k];
    if (!w || w[0] !== name || w[1] !== CTORS[type]) fail(`its last ${COLD_ARRAYS.length} arrays are not ${COLD_ARRAYS.map(([n]) => n).join(', ')}`);
  });
  const coldArray = Object.fromEntries(coldWhere.map((w) => [w[0], { at: w[2], length: w[3], bytes: w[3] * w[1].BYTES_PER_ELEMENT }]));
  const prefixTerms = coldWhere[0], cold = coldWhere[coldWhere.length - 1];
  const coldAt = prefixTerms[2], definitionsAt = cold[2];
  let head = source.read(0, coldAt);
  if (head.byteOffset % 8 !== 0) head = head.slice(); // typed views need aligned offsets
  // The checksum of everything after the header's start: the head here, the cold arrays piece by piece.
  let h = checksum(new Int32Array(head.buffer, head.byteOffset + HEADER_AT, (coldAt - HEADER_AT) / 4));
  const scratch = new Uint8Array(PIECE);
  for (let p = coldAt; p < at; p += scratch.length) {
    const piece = source.read(p, Math.min(scratch.length, at - p), scratch);
    h = checksum(piece.byteOffset % 4 === 0 ? new Int32Array(piece.buffer, piece.byteOffset, piece.length / 4) : new Int32Array(piece.slice().buffer), h);
  }
  if (h >>> 0 !== sum) fail('it was changed or damaged after it was written (its checksum does not match)');
  const a: Record<string, AnyArray> = {};
  for (const [name, Ctor, from, length] of where) a[name] = new Ctor(head.buffer as ArrayBuffer, head.byteOffset + from, length);
  for (const name of ARRAY_NAMES) if (!a[name] && !coldArray[name]) fail(`it has no array ${name}`);
  const { terms: nTerms, concepts: nConcepts, strings: nStrings } = header.counts;
  const sizes: [string, number][] = [
    ['stringStart', nStrings + 1], ['termBits', nTerms], ['termHints', nTerms], ['more', (a.moreTerms.length) * 3],
    ['conceptStrings', nConcepts * 4], ['conceptTermStart', nConcepts + 1], ['conceptLangs', nConcepts], ['relatedStart', nConcepts + 1], ['seedStart', nConcepts + 1],
    ['prefixStart', a.prefixString.length + 1], ['contextIds', a.contextTerms.length],
  ];
  for (const [name, n] of sizes) if (a[name].length !== n) fail(`its array ${name} has ${a[name].length} entries, ${n} expected`);
  const named = coldArray.narrowEntries.length + coldArray.wideEntries.length;
  if (named !== nTerms + nConcepts) fail(`its name index has ${named} entries, ${nTerms + nConcepts} expected (one per term and concept)`);
  for (const part of ['narrow', 'wide']) {
    const starts = coldArray[`${part}Starts`].length, entries = coldArray[`${part}Entries`].length;
    if (starts !== entries + 1) fail(`its name index's ${part}Starts has ${starts} entries, ${entries + 1} expected`);
  }
  const coldStart = a.coldStart as Uint32Array;
  if (coldStart[coldStart.length - 1] !== cold[3]) fail(`its ${COLD} has ${cold[3]} bytes, ${coldStart[coldStart.length - 1]} expected`);
  const prefixStart = a.prefixStart as Uint32Array;
  if (prefixStart[prefixStart.length - 1] !== prefixTerms[3]) fail(`its ${PREFIX_TERMS} has ${prefixTerms[3]} entries, ${prefixStart[prefixStart.length - 1]} expected`);
  /** Entries [from, to) of the prefix index's terms, read from the source (a copy where the bytes are not 4-aligned). */
  const readPrefixTerms = (from: number, to: number): Uint32Array => {
    let b = source.read(coldAt + from * 4, (to - from) * 4);
    if (b.byteOffset % 4 !== 0) b = b.slice();
    return new Uint32Array(b.buffer, b.byteOffset, to - from);
  };

  const { targetBits, keyCount, blockBits } = header.matcher;
  if (!Number.isInteger(targetBits) || targetBits < 1 || targetBits > 30 || !Number.isInteger(keyCount) || keyCount < 0 || !Number.isInteger(blockBits) || blockBits < 0 || blockBits > 16) fail('its matcher has no valid layout');
  if (a.edgeBase.length !== ((a.edgeOff.length - 1) >>> blockBits) + 1) fail(`its matcher's edgeBase has ${a.edgeBase.length} entries, ${((a.edgeOff.length - 1) >>> blockBits) + 1} expected`);
  const matcher = Matcher.of(header.matcher, a as Record<(typeof MATCHER_ARRAYS)[number], Uint32Array | Uint16Array>);
  if (!Array.isArray(header.contexts) || (a.contextIds as Uint32Array).some((k) => k >= header.contexts.length)) fail('its term contexts are not all there');
  const table = new Table(a, header.hints.map((x) => Object.freeze(x)), header.contexts, (i) => source.read(definitionsAt + coldStart[i], coldStart[i + 1] - coldStart[i]), readPrefixTerms);
  const concepts = lazyArray(table.conceptLangs.length, (c) => table.concept(c));
  let byId: ConceptIds | undefined;
  const nameIndex = (): NameIndex => {
    // Read in pieces of 64 KB, each array straight into its own memory and the keys decoded piece by piece. A read
    // of a whole array made a transient buffer of up to 6 MB, and once glibc's malloc has freed a block that large
    // it serves every smaller block from its heap and keeps up to twice that size free there (its dynamic mmap and
    // trim thresholds): the long session with 50,000 concepts held about 15 MB more after the first search.
    const scratch = new Uint8Array(PIECE);
    const pieces = (name: string, each: (piece: Uint8Array, at: number) => void): void => {
      const { at: from, bytes } = coldArray[name];
      for (let p = 0; p < bytes; p += PIECE) each(source.read(from + p, Math.min(PIECE, bytes - p), scratch), p);
    };
    const u32 = (name: string): Uint32Array => {
      const out = new Uint32Array(coldArray[name].length);
      const bytes = new Uint8Array(out.buffer);
      pieces(name, (piece, at) => bytes.set(piece, at));
      return out;
    };
    const part = (which: 'narrow' | 'wide', encoding: string): NamePart => {
      const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
      const texts: string[] = [];
      try {
        pieces(`${which}Keys`, (piece) => texts.push(decoder.decode(piece, { stream: true })));
        texts.push(decoder.decode());
      } catch {
        return fail(`its name index is damaged (${which}Keys is not ${encoding})`);
      }
      return checkedPart(which, texts.join(''), u32(`${which}Starts`), u32(`${which}Entries`), nTerms + nConcepts, fail);
    };
    return [part('narrow', 'utf-8'), part('wide', 'utf-16le')];
  };
  const glossary: Glossary = {
    concepts,
    // Made when first asked for (a hover that lists related concepts): an order of the concepts by id, no object
    // per concept (a map of them all made every concept, 15 MB with 50,000).
    get byId() { return (byId ??= new ConceptIds(table, concepts)); },
    terms: lazyArray(table.termBits.length, (t) => table.term(t)),
    matcher,
    domains: header.domains,
    prefixIndex: table.prefixIndex(),
    outline: table.outline(),
    nameIndex,
  };
  return { glossary, issues: header.issues };
}

/** Where `x` is in an ascending array, or -1. */
function indexOfSorted(sorted: Uint32Array, x: number): number {
  const k = firstIndex(sorted.length, (j) => sorted[j] >= x);
  return k < sorted.length && sorted[k] === x ? k : -1;
}

/**
 * A part of the name index as read, checked as the search needs it (a file changed after loading is an error,
 * not a wrong answer): starts rising from 0 to the keys' length, each key ending in NAME_SEP, entries rising
 * below `count`.
 */
function checkedPart(which: string, keys: string, starts: Uint32Array, entries: Uint32Array, count: number, fail: (why: string) => never): NamePart {
  const n = entries.length;
  if (starts[0] !== 0 || starts[n] !== keys.length) fail(`its name index is damaged (${which}Starts does not span its keys)`);
  for (let k = 0; k < n; k++) {
    if (starts[k + 1] <= starts[k] || keys.charCodeAt(starts[k + 1] - 1) !== NAME_SEP.charCodeAt(0)) fail(`its name index is damaged (${which} entry ${k})`);
    if (entries[k] >= count || (k > 0 && entries[k] <= entries[k - 1])) fail(`its name index is damaged (${which}Entries at ${k})`);
  }
  return { keys, starts, entries };
}

/**
 * A read-only array of n items, each got from `make` when read (Table keeps what it made, see Made): a large
 * glossary has half a million terms and 50,000 concepts, most of which a session never reads (the service reaches
 * terms through the matcher's outputs). A proxy, so that indexing, length, iteration and the array methods (which
 * ask for the length and whether an index is there) work; its target is an empty array, whose length the proxy
 * answers (an array given the length n would hold n empty slots: 3.6 MB for half a million terms).
 */
function lazyArray<T>(n: number, make: (i: number) => T): T[] {
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const c = key.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(key);
    return Number.isInteger(i) && i < n && String(i) === key ? i : -1;
  };
  return new Proxy([] as T[], {
    get(target, key, receiver) {
      if (key === 'length') return n;
      const i = index(key);
      return i < 0 ? Reflect.get(target, key, receiver) : make(i);
    },
    has(target, key) {
      return index(key) >= 0 || Reflect.has(target, key);
    },
    set() {
      return false; // read-only, as a built glossary is
    },
  });
}

/**
 * Concepts by id without a map of them: the concept indices in the order of their ids (an array of 4 bytes per
 * concept), searched by halves; a concept is made only when it is found. Iterates in glossary order, as the map
 * buildGlossary makes does.
 */
class ConceptIds implements ReadonlyMap<string, Concept> {
  private readonly order: Uint32Array;
  constructor(private readonly t: Table, private readonly concepts: Concept[]) {
    const n = t.conceptLangs.length;
    const ids = Array.from({ length: n }, (_, c) => t.conceptId(c));
    this.order = Uint32Array.from(ids.keys()).sort((x, y) => (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : x - y));
  }
  private find(id: string): number {
    let lo = 0, hi = this.order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1, c = this.order[mid], x = this.t.conceptId(c);
      if (x === id) return c;
      if (x < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  get size(): number { return this.order.length; }
  get(id: string): Concept | undefined { const c = this.find(id); return c < 0 ? undefined : this.concepts[c]; }
  has(id: string): boolean { return this.find(id) >= 0; }
  *keys(): MapIterator<string> { for (let c = 0; c < this.order.length; c++) yield this.t.conceptId(c); }
  *values(): MapIterator<Concept> { for (let c = 0; c < this.order.length; c++) yield this.concepts[c]; }
  *entries(): MapIterator<[string, Concept]> { for (let c = 0; c < this.order.length; c++) yield [this.t.conceptId(c), this.concepts[c]]; }
  [Symbol.iterator](): MapIterator<[string, Concept]> { return this.entries(); }
  forEach(f: (value: Concept, key: string, map: ReadonlyMap<string, Concept>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) f.call(thisArg, v, k, this);
  }
}

/**
 * The terms (or concepts) made so far, each kept while anything else keeps it: the same object for an index as
 * long as it lives (the service compares terms and concepts by identity, and keys maps by them), made again once
 * nothing keeps it. Requests that read thousands of terms once (completion's candidates, the Glossary view's
 * whole glossary: every term and concept of 50,000 concepts, 140 MB of objects) leave nothing behind; what the
 * open documents' analyses and the caches hold stays. An index whose item is gone is cleared by the registry.
 */
export class Made<T extends object> {
  /** The items made and not known to be gone, by index: a map, since a session has a few thousand of half a million alive. */
  private readonly refs = new Map<number, WeakRef<T>>();
  private readonly gone = new FinalizationRegistry<number>((i) => { if (this.refs.get(i)?.deref() === undefined) this.refs.delete(i); });
  constructor(readonly size: number) {}
  get(i: number): T | undefined {
    return this.refs.get(i)?.deref();
  }
  set(i: number, item: T): T {
    this.refs.set(i, new WeakRef(item));
    this.gone.register(item, i);
    return item;
  }
  /** How many items are alive now. */
  get alive(): number {
    let n = 0;
    for (const r of this.refs.values()) if (r.deref() !== undefined) n++;
    return n;
  }
}

/** The columns of a loaded compiled glossary, which its terms and concepts read. */
class Table {
  readonly stringStart: Uint32Array; readonly stringBytes: Uint8Array;
  readonly termBits: Int32Array; readonly moreTerms: Uint32Array; readonly more: Int32Array; readonly termHints: Uint16Array | Uint32Array;
  readonly conceptStrings: Uint32Array; readonly conceptTermStart: Uint32Array; readonly conceptLangs: Uint8Array; readonly sectionDefinition: Int32Array;
  readonly relatedStart: Uint32Array; readonly related: Uint32Array; readonly seedStart: Uint32Array; readonly seeds: Uint32Array;
  /** Index of each concept's first section in sectionDefinition. */
  readonly sectionStart: Uint32Array;
  /** The terms and concepts made so far that are alive, by index. */
  readonly termItems: Made<Term>;
  readonly conceptItems: Made<Concept>;
  /** UTF-8, keeping a leading U+FEFF: a name that starts with one reads back as it was written. */
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(
    private readonly a: Record<string, AnyArray>, readonly hints: readonly InflectHints[], private readonly contexts: readonly TermContext[],
    private readonly coldBytes: (i: number) => Uint8Array, private readonly prefixTerms: (from: number, to: number) => Uint32Array,
  ) {
    this.stringStart = a.stringStart as Uint32Array; this.stringBytes = a.stringBytes as Uint8Array;
    this.termBits = a.termBits as Int32Array; this.moreTerms = a.moreTerms as Uint32Array; this.more = a.more as Int32Array; this.termHints = a.termHints as Uint16Array | Uint32Array;
    this.conceptStrings = a.conceptStrings as Uint32Array; this.conceptTermStart = a.conceptTermStart as Uint32Array; this.conceptLangs = a.conceptLangs as Uint8Array; this.sectionDefinition = a.sectionDefinition as Int32Array;
    this.relatedStart = a.relatedStart as Uint32Array; this.related = a.related as Uint32Array; this.seedStart = a.seedStart as Uint32Array; this.seeds = a.seeds as Uint32Array;
    this.termItems = new Made(this.termBits.length);
    this.conceptItems = new Made(this.conceptLangs.length);
    this.sectionStart = new Uint32Array(this.conceptLangs.length + 1);
    for (let c = 0; c < this.conceptLangs.length; c++) {
      let m = this.conceptLangs[c], n = 0;
      for (; m; m &= m - 1) n++;
      this.sectionStart[c + 1] = this.sectionStart[c] + n;
    }
  }

  /** Term i: a term as buildGlossary makes it (so the service meets one kind), made from the columns when first read. */
  term(i: number): Term {
    let t = this.termItems.get(i);
    if (!t) {
      const m = this.moreOf(i), h = this.termHints[i] - 1, more = this.more;
      const context = this.contextOf(i);
      const texts = m < 0 ? (context ? { context } : undefined) : { expansion: this.optStr(more[m * 3]), note: this.optStr(more[m * 3 + 1]), replacement: this.optStr(more[m * 3 + 2]), context };
      t = this.termItems.set(i, new PackedTerm(i, this.concept(this.conceptOfTerm(i)), this.str(i), this.termBits[i], h < 0 ? undefined : this.hints[h], texts));
    }
    return t;
  }

  /** The concept of term i: the last whose first term is at or before it (a binary search of conceptTermStart). */
  conceptOfTerm(i: number): number {
    const s = this.conceptTermStart;
    return firstIndex(s.length - 1, (c) => s[c] > i) - 1;
  }

  /** Where term i's rare texts are in `more` (by threes), or -1 (a binary search of the terms that have them). */
  private moreOf(i: number): number {
    return indexOfSorted(this.moreTerms, i);
  }

  /** The context of term i, if it has one (a binary search among the few terms that have one). */
  private contextOf(i: number): TermContext | undefined {
    const k = indexOfSorted(this.a.contextTerms as Uint32Array, i);
    return k < 0 ? undefined : this.contexts[(this.a.contextIds as Uint32Array)[k]];
  }

  concept(i: number): Concept {
    return this.conceptItems.get(i) ?? this.conceptItems.set(i, new CompiledConcept(this, i));
  }

  /** Concept c's id (from the concept, when it has been made). */
  conceptId(c: number): string {
    return this.conceptItems.get(c)?.id ?? this.str(this.conceptStrings[c * 4]);
  }

  /**
   * Completion's prefix index (its map from prefix to bucket made when first asked; a bucket's terms read from the
   * source when asked for), and terms' texts, languages and concepts by index.
   */
  prefixIndex(): TermIndex {
    const strings = this.a.prefixString as Uint32Array, start = this.a.prefixStart as Uint32Array;
    let buckets: Map<string, number> | undefined;
    return {
      get: (prefix) => {
        buckets ??= new Map(Array.from(strings, (s, b) => [this.str(s), b]));
        const b = buckets.get(prefix);
        return b === undefined ? undefined : this.prefixTerms(start[b], start[b + 1]);
      },
      text: (i) => this.termItems.get(i)?.text ?? this.str(i),
      lang: (i) => LANGS[this.termBits[i] & 7],
      rank: (i) => this.termBits[i] >>> 11, // as PackedTerm.rank
      concept: (i) => this.conceptOfTerm(i),
      conceptName: (c) => this.conceptItems.get(c)?.name ?? this.str(this.conceptStrings[c * 4 + 1]),
    };
  }

  /** Concepts' ids, domains and names read from the columns: no concept or term made (the Glossary view's lists). */
  outline(): ConceptOutline {
    return {
      id: (c) => this.conceptId(c),
      domain: (c) => this.conceptItems.get(c)?.domain ?? this.str(this.conceptStrings[c * 4 + 2]),
      names: (c) => {
        const out: ConceptName[] = [];
        for (let t = this.conceptTermStart[c], end = this.conceptTermStart[c + 1]; t < end; t++) {
          const b = this.termBits[t];
          out.push({ text: this.termItems.get(t)?.text ?? this.str(t), lang: LANGS[b & 7], status: STATUSES[(b >> 3) & 3], acronym: (b & ACRONYM_BIT) !== 0 });
        }
        return out;
      },
    };
  }

  /** String i of the pool. */
  str(i: number): string {
    const from = this.stringStart[i], to = this.stringStart[i + 1], b = this.stringBytes;
    if (to - from <= 64) {
      let ascii = true;
      for (let k = from; k < to && ascii; k++) ascii = b[k] < 0x80;
      if (ascii) return String.fromCharCode.apply(null, b.subarray(from, to) as unknown as number[]);
    }
    return this.decoder.decode(b.subarray(from, to));
  }

  optStr(i: number): string | undefined {
    return i < 0 ? undefined : this.str(i);
  }

  /** Definition i, read from the source of the cold pool. */
  definition(i: number): string | undefined {
    return i < 0 ? undefined : this.decoder.decode(this.coldBytes(i));
  }

  strings(ids: Uint32Array, starts: Uint32Array, c: number): string[] {
    return Array.from(ids.subarray(starts[c], starts[c + 1]), (i) => this.str(i));
  }

  /** Concept c's sections, laid out as encodeGlossary checked: by language, its terms, then its acronyms. */
  sections(c: number): Partial<Record<Lang, LangSection>> {
    const out: Partial<Record<Lang, LangSection>> = {};
    const bits = this.termBits, end = this.conceptTermStart[c + 1];
    let t = this.conceptTermStart[c], s = this.sectionStart[c];
    LANGS.forEach((lang, li) => {
      if (!(this.conceptLangs[c] & (1 << li))) return;
      const terms: Term[] = [];
      while (t < end && (bits[t] & 7) === li && !(bits[t] & ACRONYM_BIT)) terms.push(this.term(t++));
      let acronyms = NO_TERMS;
      if (t < end && (bits[t] & 7) === li) {
        acronyms = [];
        while (t < end && (bits[t] & 7) === li) acronyms.push(this.term(t++));
      }
      out[lang] = new CompiledSection(this, this.sectionDefinition[s++], terms, acronyms);
    });
    return out;
  }
}

/** A concept of a compiled glossary, made when first read; its sections made when first asked for. */
class CompiledConcept implements Concept {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
  readonly related: string[];
  readonly seeds: string[];
  readonly file: string;
  private langs_: Partial<Record<Lang, LangSection>> | undefined = undefined;
  constructor(private readonly t: Table, private readonly i: number) {
    const at = i * 4;
    this.id = t.str(t.conceptStrings[at]);
    this.name = t.str(t.conceptStrings[at + 1]);
    this.domain = t.str(t.conceptStrings[at + 2]);
    this.related = t.strings(t.related, t.relatedStart, i);
    this.seeds = t.strings(t.seeds, t.seedStart, i);
    this.file = t.str(t.conceptStrings[at + 3]);
  }
  get langs(): Partial<Record<Lang, LangSection>> { return (this.langs_ ??= this.t.sections(this.i)); }
}

/** A language section of a compiled concept: its definition read from the cold pool each time it is asked for. */
class CompiledSection implements LangSection {
  constructor(private readonly t: Table, private readonly def: number, readonly terms: Term[], readonly acronyms: Term[]) {}
  get definition(): string | undefined { return this.t.definition(this.def); }
}
