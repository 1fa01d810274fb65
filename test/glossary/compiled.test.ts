/**
 * The compiled glossary (encodeGlossary / decodeGlossary): what a server loads must answer exactly like what
 * buildGlossary built from the same sources — every term and concept field, the automaton, every form's key,
 * scans, the build's issues and the service's answers — and a damaged or foreign file must be refused with a
 * message, never half loaded.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  buildGlossary, decodeGlossary, encodeGlossary, compiledMeta, CompiledGlossaryError, COMPILED_FORMAT, getLanguageService, mergeGlossaries, resolveSettings, termForms, foldKey,
  findConcepts, type Concept, type Glossary, type GlossaryIssue, type GlossarySource, type Lang, type Term,
} from '../../server/src/service';
import { makeNameIndex, type NameIndex } from '../../server/src/service/nameIndex';
import { CompletionIndex } from '../../server/src/service/completion';
import { foldText, isHanCode } from '../../server/src/service/fold';
import { CACHE_KEEP, cacheKey, defaultCacheDir, loadCachedGlossary, readGlossaryFolder, saveCachedGlossary } from '../../server/src/node/glossaryFiles';
import { generateGlossary } from '../bench/genGlossary';
import { ROOT, tempDir } from '../helpers';

const SEED = Number(process.env.LINGO_PROP_SEED ?? 7031) | 0;

const termFacts = (t: Term) => ({
  index: t.index, concept: t.concept.id, lang: t.lang, text: t.text, status: t.status, rank: t.rank, acronym: t.acronym, expansion: t.expansion,
  loanword: t.loanword, mistranslation: t.mistranslation, ambiguous: t.ambiguous, homograph: t.homograph, note: t.note, replacement: t.replacement,
  inflection: t.inflection, context: t.context, colloquial: t.colloquial, forms: termForms(t),
});
const conceptFacts = (c: Concept) => ({
  id: c.id, name: c.name, domain: c.domain, related: c.related, seeds: c.seeds, file: c.file,
  langs: Object.entries(c.langs).map(([l, s]) => [l, 'definition' in s!, s!.definition, s!.terms.map((t) => t.index), s!.acronyms.map((t) => t.index)]),
});

/** Every key of every form, and a scan over text made of the glossary's own forms and words around them. */
function matcherFacts(g: Glossary, text: string) {
  const keys = g.terms.flatMap((t) => termForms(t).map((f) => {
    const k = g.matcher.lookup(foldKey(f));
    return [k, k < 0 ? [] : [...g.matcher.outputs(k)]];
  }));
  const folded = foldText(text);
  const scan: number[][] = [];
  g.matcher.scan(folded, 0, folded.length, (start, end, key) => { scan.push([start, end, key]); return key % 3 !== 0; });
  return { keys, scan, nodes: g.matcher.nodeCount, keyCount: g.matcher.keyCount, maxKeyLength: g.matcher.maxKeyLength };
}

function assertSame(built: { glossary: Glossary; issues: GlossaryIssue[] }, loaded: { glossary: Glossary; issues: GlossaryIssue[] }, text: string): void {
  const b = built.glossary, l = loaded.glossary;
  assert.deepStrictEqual(loaded.issues, built.issues);
  assert.deepStrictEqual(l.domains, b.domains);
  assert.strictEqual(l.terms.length, b.terms.length);
  for (let i = 0; i < b.terms.length; i++) assert.deepStrictEqual(termFacts(l.terms[i]), termFacts(b.terms[i]));
  assert.deepStrictEqual(l.concepts.map(conceptFacts), b.concepts.map(conceptFacts));
  assert.deepStrictEqual([...l.byId.keys()], [...b.byId.keys()]);
  // The same objects wherever the model links them (the service compares concepts by identity).
  for (const t of l.terms) assert.strictEqual(l.byId.get(t.concept.id), t.concept);
  for (const c of l.concepts) for (const s of Object.values(c.langs)) for (const t of [...s!.terms, ...s!.acronyms]) assert.strictEqual(l.terms[t.index], t);
  const bp = b.matcher.parts(), lp = l.matcher.parts();
  assert.deepStrictEqual({ ...lp, arrays: Object.fromEntries(Object.entries(lp.arrays).map(([k, v]) => [k, Array.from(v)])) }, { ...bp, arrays: Object.fromEntries(Object.entries(bp.arrays).map(([k, v]) => [k, Array.from(v)])) });
  assert.deepStrictEqual(matcherFacts(l, text), matcherFacts(b, text));
  // Completion's candidates, from the prefix index the compiled glossary brings and from the one made from the terms.
  assert.ok(l.prefixIndex && !b.prefixIndex);
  const bi = new CompletionIndex(b), li = new CompletionIndex(l);
  const typed = new Set(b.terms.flatMap((t) => foldKey(t.text).split(' ').flatMap((w) => [w.slice(0, 1), w.slice(0, 2), w.slice(0, 3), w.slice(0, 4)])));
  for (const x of typed) assert.deepStrictEqual(li.bucket(x), bi.bucket(x), x);
  // Each bucket holds terms with a word that starts with its prefix (Han: that holds the character): a completion of
  // exactly that prefix reads none of their texts to know it.
  for (const prefix of new Set([...typed].map((x) => li.bucket(x).prefix))) {
    for (const i of li.bucket(prefix).terms) {
      const key = bi.key(i);
      assert.ok(isHanCode(prefix.charCodeAt(0)) ? key.includes(prefix) : (' ' + key).includes(' ' + prefix), `${prefix}: ${key}`);
    }
  }
  for (const t of b.terms) assert.deepStrictEqual([li.key(t.index), li.lang(t.index), li.term(t.index).index], [bi.key(t.index), bi.lang(t.index), t.index]);
}

/** A full garbage collection (V8's, exposed for the test), and time for finalizers to run. */
async function collect(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r));
    gc();
  }
}

const roundTrip = (built: { glossary: Glossary; issues: GlossaryIssue[] }) => decodeGlossary(encodeGlossary(built.glossary, built.issues, { from: 'test' }));

/** Text of the glossary's forms (every 7th term), inflected and not, between a few common words. */
const textOf = (g: Glossary) => g.terms.filter((t) => t.index % 7 === 0).map((t, i) => `${['The', 'och', 'een', 'oraz', '的'][i % 5]} ${termForms(t)[i % termForms(t).length]}${i % 4 ? ',' : '.'}`).join(' ');

describe('compiled glossary', function () {
  this.timeout(120000);
  const { sources, domains } = readGlossaryFolder(path.join(ROOT, 'glossary'));

  it('answers like buildGlossary for the built-in glossary (trusted, as the server builds it)', () => {
    const built = buildGlossary(sources, { domains, trusted: true });
    const loaded = roundTrip(built);
    assertSame(built, loaded, textOf(built.glossary));
  });

  it('answers like buildGlossary with 3,000 generated concepts, whose terms overlap the built-in ones (issues)', () => {
    const built = buildGlossary([...sources, ...generateGlossary(3000)], { domains, trusted: true });
    assert.ok(built.issues.length > 0, 'the test needs overlap issues');
    assertSame(built, roundTrip(built), textOf(built.glossary));
  });

  it('gives the language service the same answers (diagnostics, hover, completion, inlay hints)', () => {
    const built = buildGlossary([...sources, ...generateGlossary(500)], { domains, trusted: true });
    const loaded = roundTrip(built);
    const a = getLanguageService(built.glossary), b = getLanguageService(loaded.glossary);
    const settings = resolveSettings({ maxProblems: 0 });
    const dir = path.join(ROOT, 'samples');
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(md|txt)$/.test(f) && f.includes(path.sep));
    assert.ok(files.length >= 3);
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8') + '\n\n' + textOf(built.glossary).slice(0, 20000);
      const doc = TextDocument.create(`file:///samples/${f}`, 'markdown', 1, text);
      const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
      assert.deepStrictEqual(plain(b.doValidation(doc, settings)), plain(a.doValidation(doc, settings)), f);
      assert.deepStrictEqual(plain(b.getInlayHints(doc, { start: doc.positionAt(0), end: doc.positionAt(text.length) }, settings)), plain(a.getInlayHints(doc, { start: doc.positionAt(0), end: doc.positionAt(text.length) }, settings)), f);
      for (let off = 3; off < text.length; off += 997) {
        const p = doc.positionAt(off);
        assert.deepStrictEqual(plain(b.doHover(doc, p, settings)), plain(a.doHover(doc, p, settings)), `${f} hover at ${off}`);
        assert.deepStrictEqual(plain(b.doComplete(doc, p, settings)), plain(a.doComplete(doc, p, settings)), `${f} completion at ${off}`);
      }
    }
  });

  it('answers like buildGlossary for random glossaries and team glossaries merged over them (property)', () => {
    const generated = generateGlossary(200, 99);
    const concepts = (generated[0].data as { concepts: { id: string }[] }).concepts;
    const word = fc.array(fc.constantFrom('a', 'b', 'ą', 'ö', 'ij', '系', '統', 'CRM', ' ', '-'), { minLength: 1, maxLength: 5 }).map((a) => a.join('').trim()).filter((s) => /[^\s-]/.test(s));
    const termArb = fc.record({ text: word, status: fc.constantFrom('preferred', 'admitted', 'deprecated'), ambiguous: fc.boolean(), note: fc.option(word, { nil: undefined }), gender: fc.option(fc.constantFrom('m', 'f', 'n'), { nil: undefined }) }, { requiredKeys: ['text', 'status'] });
    const teamConcept = fc.record({
      id: fc.oneof(fc.constantFrom(...concepts.slice(0, 20).map((c) => c.id)), fc.constantFrom('team-a', 'team-b', 'team-c')),
      name: word,
      related: fc.array(fc.constantFrom('team-a', 'nowhere', concepts[0].id), { maxLength: 2 }),
      disabled: fc.boolean(),
      langs: fc.record({
        en: fc.record({ definition: fc.option(word, { nil: undefined }), terms: fc.array(termArb, { minLength: 1, maxLength: 3 }), acronyms: fc.array(fc.record({ text: fc.constantFrom('CRM', 'MQL', 'ABC'), expansion: fc.option(word, { nil: undefined }) }), { maxLength: 2 }) }),
        pl: fc.record({ terms: fc.array(termArb, { minLength: 1, maxLength: 2 }) }),
      }, { requiredKeys: [] }),
    }, { requiredKeys: ['id', 'name', 'langs'] });
    fc.assert(fc.property(fc.subarray(concepts.map((_, i) => i)), fc.array(teamConcept, { maxLength: 6 }), fc.boolean(), (keep, team, useBuiltin) => {
      const base: GlossarySource[] = [...sources.slice(0, 2), { file: 'generated.json', data: { domain: 'generated', concepts: keep.map((i) => concepts[i]) } }];
      const merged = mergeGlossaries(base, [{ file: 'lingo.glossary.json', data: { concepts: team } }], useBuiltin);
      const built = buildGlossary(merged.sources, { domains });
      assertSame(built, roundTrip(built), textOf(built.glossary));
    }), { seed: SEED, numRuns: 40, endOnFailure: true });
  });

  it('reads definitions from its source when they are asked for, not when it loads', () => {
    const built = buildGlossary(sources, { domains, trusted: true });
    const bytes = encodeGlossary(built.glossary, built.issues);
    const live = bytes.slice();
    const loaded = decodeGlossary({ length: live.length, read: (offset, length) => live.subarray(offset, offset + length) });
    assertSame(built, loaded, textOf(built.glossary));
    // What the source holds at the definitions' place once loaded is what a definition reads.
    const definitions = new TextEncoder().encode(built.glossary.concepts.flatMap((c) => Object.values(c.langs).map((s) => s!.definition ?? '')).join(''));
    assert.ok(definitions.length > 1000);
    const at = live.length - ((8 - (definitions.length % 8)) % 8) - definitions.length;
    assert.deepStrictEqual(live.subarray(at, at + definitions.length), definitions);
    live.fill(0x58, at, at + definitions.length);
    const s = Object.values(loaded.glossary.concepts[0].langs)[0]!;
    assert.match(s.definition!, /^X+$/);
  });

  it('keeps a term or concept only while something else keeps it, the same object while it lives', async () => {
    const loaded = roundTrip(buildGlossary(sources, { domains, trusted: true })).glossary;
    const n = loaded.terms.length;
    // Every term and concept read once, as the Glossary view's request does; only one of them kept.
    const read = () => loaded.concepts.flatMap((c) => Object.values(c.langs).flatMap((s) => [...s!.terms, ...s!.acronyms])).map((t) => new WeakRef(t));
    const refs = read();
    const kept = loaded.terms[n - 1];
    assert.strictEqual(refs.length, n);
    await collect();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    assert.ok(alive <= 60, `${alive} of ${n} terms are still there`); // the one kept and its concept's (and some V8 may hold a while)
    assert.strictEqual(loaded.terms[n - 1], kept);
    assert.strictEqual(loaded.byId.get(kept.concept.id), kept.concept);
    assert.ok(kept.concept.langs[kept.lang]!.terms.concat(kept.concept.langs[kept.lang]!.acronyms).includes(kept));
  });

  it("completion of a compiled glossary keeps a bounded number of terms' folded texts", () => {
    const loaded = roundTrip(buildGlossary([...sources, ...generateGlossary(3000)], { domains, trusted: true })).glossary;
    const index = new CompletionIndex(loaded);
    assert.ok(loaded.terms.length > CompletionIndex.MAX_KEYS);
    for (let i = 0; i < loaded.terms.length; i++) index.key(i);
    assert.ok(index.keptKeys > 0 && index.keptKeys <= CompletionIndex.MAX_KEYS, String(index.keptKeys));
    assert.strictEqual(index.key(7), foldKey(loaded.terms[7].text));
  });

  it('keeps what the writer records in its header', () => {
    const built = buildGlossary(sources.slice(0, 1), { domains, trusted: true });
    const bytes = encodeGlossary(built.glossary, built.issues, { source: 'abc', n: 3 });
    assert.deepStrictEqual(compiledMeta(bytes), { source: 'abc', n: 3 });
  });

  describe('the name index (workspace symbols, the Glossary view\'s filter), stored and read when asked for', () => {
    // Names whose folded keys hold what a decoder may get wrong: Latin-1 letters and C1 controls (U+0080–U+009F,
    // which a 'latin1' TextDecoder reads as windows-1252 by the WHATWG spec), a byte-order mark first in the
    // two-byte part (which a decoder drops unless told not to), and a lone surrogate (which no decoder keeps).
    const odd: GlossarySource = { file: 'odd.json', data: { domain: 'odd', concepts: [
      { id: 'odd-latin', name: 'Odd \u0085 one', langs: { en: { terms: [{ text: 'caf\u00e9 \u0080\u009f\u00ff', status: 'preferred' }] } } },
      { id: 'odd-bom', name: 'Odd BOM', langs: { pl: { terms: [{ text: '\ufeffłódź', status: 'preferred' }] } } },
      { id: 'odd-surrogate', name: 'Odd surrogate', langs: { 'zh-Hant': { terms: [{ text: '\ud800商機報告', status: 'preferred' }] } } },
    ] } };
    const built = buildGlossary([odd, ...sources, ...generateGlossary(1000)], { domains, trusted: true });
    const bytes = encodeGlossary(built.glossary, built.issues);
    const loaded = decodeGlossary(bytes).glossary;
    const plainIndex = (ix: NameIndex) => ix.map((p) => ({ keys: p.keys, starts: Array.from(p.starts), entries: Array.from(p.entries) }));

    it('reads back exactly the parts the search makes, whatever the characters', () => {
      const { terms, concepts } = built.glossary;
      const made = makeNameIndex(terms.length + concepts.length, (e) => (e < terms.length ? terms[e].text : concepts[e - terms.length].name));
      assert.ok(/[\u0080-\u009f]/.test(made[0].keys) && /[\u00a0-\u00ff]/.test(made[0].keys), 'the one-byte part has C1 and Latin-1 letters');
      assert.ok(made[1].keys.startsWith('\ufeffłódź') && made[1].keys.includes('\ufffd商'), 'the two-byte part starts with a BOM and has the lone surrogate made U+FFFD');
      assert.ok(loaded.nameIndex && !built.glossary.nameIndex);
      assert.deepStrictEqual(plainIndex(loaded.nameIndex()), plainIndex(made));
    });

    // [query, asked language, a concept it finds]
    const cases: [string, Lang, string][] = [
      ['affärsmöjlighet', 'sv', 'opportunity'], ['å', 'sv', 'reseller'], ['säljtratt', 'en', 'sales-funnel'],
      ['kans', 'nl', 'opportunity'], ['é', 'en', 'odd-latin'], ['café \u0080', 'en', 'odd-latin'], ['\u0085', 'en', 'odd-latin'],
      ['ł', 'pl', 'odd-bom'], ['łódź', 'en', 'odd-bom'], ['szansa sprzedaży', 'pl', 'opportunity'],
      ['商機', 'zh-Hant', 'opportunity'], ['商机', 'zh-Hant', 'opportunity'], ['销售漏斗', 'en', 'sales-funnel'], ['機報告', 'zh-Hant', 'odd-surrogate'],
      ['MQL', 'pl', 'marketing-qualified-lead'], ['Sales Opportunity', 'en', 'opportunity'], ['odd surrogate', 'sv', 'odd-surrogate'],
    ];
    for (const [query, lang, id] of cases) {
      it(`finds ${JSON.stringify(query)} (${lang}) as the built glossary does`, () => {
        // The names as the built glossary has them, but for a lone surrogate: the compiled glossary's string pool is
        // UTF-8, so such a name reads back with U+FFFD (as it did before the name index was stored).
        const name = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
        const answer = (g: Glossary) => findConcepts(g, query, lang, 2000).map((m) => [m.concept.id, name(m.name), m.lang]);
        const want = answer(built.glossary);
        assert.ok(want.some(([c]) => c === id), `${id} not among ${want.map(([c]) => c).join(', ')}`);
        assert.deepStrictEqual(answer(loaded), want);
      });
    }

    /** Where array `name` of a compiled glossary is, and its length in bytes (from its header). */
    function arrayAt(b: Uint8Array, name: string): { at: number; bytes: number } {
      const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
      const headerLength = view.getUint32(12, true);
      const header = JSON.parse(new TextDecoder().decode(b.subarray(24, 24 + headerLength))) as { arrays: [string, string, number][] };
      const size = { u8: 1, u16: 2, u32: 4, i32: 4 } as Record<string, number>;
      let at = (24 + headerLength + 7) & ~7;
      for (const [n, type, length] of header.arrays) {
        if (n === name) return { at, bytes: length * size[type] };
        at = (at + length * size[type] + 7) & ~7;
      }
      throw new Error(`no array ${name}`);
    }

    // A file changed after it was loaded (the node layer reads the cold arrays from the open file): a clear error at the search.
    const damaged: [string, string, (b: Uint8Array, at: number, n: number) => void, RegExp][] = [
      ['one-byte keys that are not UTF-8', 'narrowKeys', (b, at) => { b[at] = 0xff; }, /name index is damaged \(narrowKeys is not utf-8\)/],
      ['two-byte keys with a lone surrogate', 'wideKeys', (b, at) => { b[at] = 0x00; b[at + 1] = 0xdc; }, /name index is damaged \(wideKeys is not utf-16le\)/],
      ['starts out of order', 'narrowStarts', (b, at) => { b[at + 4 * 5 + 3] = 0x7f; }, /name index is damaged \(narrow entry 4\)/],
      ['an entry beyond the last concept', 'wideEntries', (b, at, n) => { b[at + n - 1] = 0xff; }, /name index is damaged \(wideEntries at \d+\)/],
    ];
    for (const [what, name, damage, why] of damaged) {
      it(`is a clear error at the search when damaged after loading: ${what}`, () => {
        const live = bytes.slice();
        const g = decodeGlossary({ length: live.length, read: (offset, length) => live.subarray(offset, offset + length) }).glossary;
        const { at, bytes: n } = arrayAt(live, name);
        damage(live, at, n);
        assert.throws(() => findConcepts(g, 'kans', 'nl'), (e: unknown) => e instanceof CompiledGlossaryError && why.test((e as Error).message));
      });
    }

    it('is refused at loading when a byte of it changed in the file', () => {
      const b = bytes.slice();
      b[arrayAt(b, 'narrowStarts').at + 9] ^= 1;
      assert.throws(() => decodeGlossary(b), (e: unknown) => e instanceof CompiledGlossaryError && /checksum does not match/.test((e as Error).message));
    });
  });

  describe('refuses a file that is not a whole, unchanged compiled glossary of this format', () => {
    const built = buildGlossary(sources.slice(0, 3), { domains, trusted: true });
    const bytes = encodeGlossary(built.glossary, built.issues);
    const refused = (b: Uint8Array, why: RegExp) => assert.throws(() => decodeGlossary(b), (e: unknown) => e instanceof CompiledGlossaryError && why.test((e as Error).message));

    it('any one byte changed (property)', () => {
      fc.assert(fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const b = bytes.slice();
        b[at] ^= x;
        refused(b, /./);
      }), { seed: SEED, numRuns: 300 });
    });
    it('truncated anywhere (property)', () => {
      fc.assert(fc.property(fc.nat(bytes.length - 1), (len) => refused(bytes.slice(0, len), /truncated|not a compiled|length|header/)), { seed: SEED, numRuns: 200 });
    });
    it('another format, or not a compiled glossary at all', () => {
      const b = bytes.slice();
      new DataView(b.buffer).setUint32(8, COMPILED_FORMAT + 1, true);
      refused(b, new RegExp(`format ${COMPILED_FORMAT + 1}, this version of Lingo reads format ${COMPILED_FORMAT}`));
      refused(new TextEncoder().encode(JSON.stringify({ version: 1, sources: [] })), /not a compiled Lingo glossary/);
    });
    it('loads from bytes that do not start at an aligned offset', () => {
      const shifted = new Uint8Array(bytes.length + 3);
      shifted.set(bytes, 3);
      assertSame(built, decodeGlossary(shifted.subarray(3)), textOf(built.glossary));
    });
  });
});

describe('kept builds of team glossaries (the cache folder)', () => {
  const team = (term: string): GlossarySource => ({ file: '/w/lingo.glossary.json', data: { concepts: [{ id: 'team-x', name: 'X', langs: { en: { terms: [{ text: term, status: 'preferred' }] } } }] } });

  it('names a build by its sources, concept by concept, and by the domain names', () => {
    const k = cacheKey([team('kickoff call')], {});
    assert.match(k, /^[0-9a-f]{40}$/);
    assert.strictEqual(cacheKey([team('kickoff call')], {}), k);
    assert.notStrictEqual(cacheKey([team('kickoff calls')], {}), k);
    assert.notStrictEqual(cacheKey([{ ...team('kickoff call'), file: '/v/lingo.glossary.json' }], {}), k);
    assert.notStrictEqual(cacheKey([team('kickoff call')], { sales: { en: 'Sales' } } as unknown as Parameters<typeof cacheKey>[1]), k);
  });

  it('loads what it kept, answering like the build; keeps the newest CACHE_KEEP; refuses a file under another name', () => {
    const dir = path.join(tempDir('cache'), 'lingo');
    const keys: string[] = [];
    for (let i = 0; i <= CACHE_KEEP; i++) {
      const sources = [team(`kickoff call ${'x'.repeat(i)}`.trim())];
      const built = buildGlossary(sources, { trusted: true });
      const key = cacheKey(sources, {});
      keys.push(key);
      const file = saveCachedGlossary(dir, key, built);
      fs.utimesSync(file, new Date(), new Date(Date.now() + i * 1000)); // newer each time, whatever the clock's grain
      const loaded = loadCachedGlossary(dir, key);
      assert.ok(loaded && !('problem' in loaded), loaded && 'problem' in loaded ? loaded.problem : 'not kept');
      assert.deepStrictEqual(loaded.glossary.terms.map(termFacts), built.glossary.terms.map(termFacts));
    }
    const names = fs.readdirSync(dir).sort();
    assert.deepStrictEqual(names, keys.slice(1).map((k) => `glossary-${k}.bin`).sort(), 'the oldest build is dropped');
    assert.strictEqual(loadCachedGlossary(dir, keys[0]), undefined);
    fs.renameSync(path.join(dir, `glossary-${keys[1]}.bin`), path.join(dir, `glossary-${keys[0]}.bin`));
    const wrong = loadCachedGlossary(dir, keys[0]);
    assert.ok(wrong && 'problem' in wrong && wrong.problem.endsWith(`glossary-${keys[0]}.bin is not the build it is named after`), wrong && 'problem' in wrong ? wrong.problem : 'loaded');
  });

  const cases: [string, NodeJS.ProcessEnv, string | undefined][] = [
    ['LINGO_CACHE_DIR', { LINGO_CACHE_DIR: '/c/mine', XDG_CACHE_HOME: '/x' }, '/c/mine'],
    ['LINGO_CACHE_DIR=off', { LINGO_CACHE_DIR: 'off', XDG_CACHE_HOME: '/x' }, undefined],
    ['LINGO_CACHE_DIR empty', { LINGO_CACHE_DIR: '' }, undefined],
    ['XDG_CACHE_HOME', { XDG_CACHE_HOME: '/x' }, path.join('/x', 'lingo')],
    ['nothing set', {}, path.join(os.homedir(), '.cache', 'lingo')],
  ];
  for (const [what, env, expected] of cases) {
    it(`keeps builds in the folder given by ${what}`, () => assert.strictEqual(defaultCacheDir(env), expected));
  }
});
