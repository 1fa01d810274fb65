/**
 * Property tests (fast-check) on the in-process language service: planted terms are found at
 * their exact range, no range lies outside its document, quick fixes change only what they name
 * and converge without corrupting the text, code actions made from diagnostics' data equal those made from the
 * findings, and "Disable … for this line" takes its diagnostics away.
 *
 *   LINGO_PROP_SEED=42 LINGO_PROP_RUNS=2000 npx mocha out/test/robust/properties.test.js
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { foldKey } from '../../server/src/service/fold';
import { termForms } from '../../server/src/service/glossary';
import { builtin, settings } from '../helpers';
import { HOSTILE, MARKDOWN, PUNCT, WORDS } from './gen';

const SEED = Number(process.env.LINGO_PROP_SEED ?? 7031) | 0;
const RUNS = Number(process.env.LINGO_PROP_RUNS ?? 1000);
const params = { seed: SEED, numRuns: RUNS, endOnFailure: false };

const { glossary, service } = builtin();
let n = 0;
const mkDoc = (text: string) => TextDocument.create(`file:///prop/doc${++n}.md`, 'markdown', 1, text);

// ---- vocabulary -------------------------------------------------------------------------------

const termWords = new Set<string>();
const termChars = new Set<string>();
for (const t of glossary.terms) for (const f of [t.text, ...(t.acronym ? [] : termForms(t))]) {
  for (const w of foldKey(f).split(/[\s\-/]+/)) if (w) termWords.add(w);
  for (const ch of f) if (/\p{Script=Han}/u.test(ch)) termChars.add(ch);
}
/** Filler words that are no glossary word (so they cannot join a planted term into a longer one). */
const FILLERS = [...new Set([...Object.values(WORDS).flat(), 'a', 'i', 'e', 'o', 'y', 'u', 's', 'x', 'och', 'en', 'het', 'w', 'z', 'na', 'and', 'of', 'we', 'is'])]
  .filter((w) => !termWords.has(foldKey(w)) && ![...w].some((ch) => termChars.has(ch)) && service.analyze(mkDoc(w), settings())!.occurrences.length === 0);
/** Separators that carry no Markdown meaning. */
const SEPARATORS = [' ', '  ', ', ', '. ', '; ', ': ', ' – ', ' — ', '! ', '? ', '\n', '\n\n', ' “', '” ', ' «', '» ', '，', '。', '、', '\u00a0', '\u3000'];
/**
 * Terms that are found wherever they stand: not verb homographs, not shadowed by one, and not excluded by words
 * around them (a term with notIn or notNear, or written alike with one, may meet its words among the fillers).
 */
const homographs = new Set(glossary.terms.filter((t) => t.homograph).map((t) => foldKey(t.text)));
const excludable = new Set(glossary.terms.filter((t) => t.context?.notIn?.length || t.context?.notNear?.length).map((t) => foldKey(t.text)));
const PLANTABLE = glossary.terms.filter((t) => !homographs.has(foldKey(t.text)) && !excludable.has(foldKey(t.text)));
const TERMS = [...new Set(glossary.terms.map((t) => t.text))];

const printParams = () => console.log(`      fast-check seed ${SEED} (LINGO_PROP_SEED), ${RUNS} runs per property (LINGO_PROP_RUNS); ${FILLERS.length} filler words, ${PLANTABLE.length} plantable terms`);

// ---- arbitraries ------------------------------------------------------------------------------

const filler = fc.constantFrom(...FILLERS);
const separator = fc.constantFrom(...SEPARATORS);
const words = fc.array(fc.tuple(filler, separator).map(([w, s]) => w + s), { maxLength: 12 }).map((a) => a.join(''));

/** Hostile text: terms, words of many scripts, Markdown, control characters, lone surrogates. */
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TERMS) },
  { weight: 2, arbitrary: fc.constantFrom(...TERMS).map((t) => t.toUpperCase()) },
  { weight: 4, arbitrary: fc.constantFrom(...Object.values(WORDS).flat()) },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const hostileText = fc.array(fc.tuple(piece, fc.constantFrom('', ' ', ' ', '\n')).map(([p, s]) => p + s), { maxLength: 50 }).map((a) => a.join(''));

/** Prose that is mostly terms and acronyms, so that findings and fixes are common. */
const prose = fc.array(fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TERMS) },
  { weight: 3, arbitrary: filler },
), { minLength: 1, maxLength: 25 }).chain((ws) => fc.array(separator, { minLength: ws.length, maxLength: ws.length }).map((ss) => ws.map((w, i) => w + ss[i]).join('')));

// ---- helpers ----------------------------------------------------------------------------------

function insideDoc(doc: TextDocument, p: Position): boolean {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= doc.lineCount) return false;
  const lineStart = doc.offsetAt({ line: p.line, character: 0 });
  return doc.offsetAt(p) - lineStart === p.character;
}
function checkRange(doc: TextDocument, r: Range, what: string) {
  assert.ok(insideDoc(doc, r.start) && insideDoc(doc, r.end), `${what}: ${JSON.stringify(r)} outside the document (${doc.lineCount} lines)`);
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: ${JSON.stringify(r)} ends before it starts`);
}
const whole = (doc: TextDocument): Range => ({ start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) });

/** Applies edits by offsets (independently of the library), checking they do not overlap. */
function applyByOffsets(doc: TextDocument, edits: TextEdit[]): { text: string; kept: string[] } {
  const text = doc.getText();
  const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
  let out = '', at = 0;
  const kept: string[] = [];
  for (const s of spans) {
    assert.ok(s.start >= at, `overlapping edits ${JSON.stringify(edits)}`);
    kept.push(text.slice(at, s.start));
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  kept.push(text.slice(at));
  return { text: out + text.slice(at), kept };
}

/** A "Disable … for this line": one insertion, of a control comment or of a rule name into one. */
function isDisable(doc: TextDocument, a: CodeAction): boolean {
  const edits = a.edit?.changes?.[doc.uri] ?? [];
  return edits.length === 1 && doc.offsetAt(edits[0].range.start) === doc.offsetAt(edits[0].range.end) &&
    (/^[ \t>]*<!-- lingo-disable-next-line [a-z-]+ -->\r?\n$/.test(edits[0].newText) || /^ [a-z-]+$/.test(edits[0].newText));
}

// ---- properties -------------------------------------------------------------------------------

describe('service properties (fast-check)', function () {
  this.timeout(120000);
  before(printParams);

  it('finds a term planted anywhere at its exact range', () => {
    fc.assert(fc.property(words, fc.constantFrom(...PLANTABLE.map((t) => t.index)), fc.nat(), separator, separator, words, (pre, index, k, s1, s2, post) => {
      const term = glossary.terms[index];
      const forms = termForms(term);
      const surface = term.acronym ? term.text : [term.text, ...forms][k % (forms.length + 1)];
      const text = pre + s1 + surface + s2 + post;
      const start = pre.length + s1.length, end = start + surface.length;
      // An inflected form counts in its own language (and English ones everywhere), the term as written in any; a
      // loanword in its own language.
      const own = (surface === term.text && !term.loanword) || term.lang === 'en' || term.acronym;
      const a = service.analyze(mkDoc(text), settings(own ? {} : { language: term.lang }))!;
      const at = a.occurrences.filter((o) => o.start < end && o.end > start);
      assert.deepStrictEqual(at.map((o) => text.slice(o.start, o.end)), [surface], `${JSON.stringify(surface)} planted in ${JSON.stringify(text)}${own ? '' : ` (a ${term.lang} document)`}`);
      assert.ok(at[0].terms.some((t) => t.concept === term.concept), `${surface}: ${at[0].terms.map((t) => t.concept.id)} lacks ${term.concept.id}`);
    }), params);
  });

  it('keeps every range inside the document (diagnostics, hover, inlay hints, completion, code actions)', () => {
    fc.assert(fc.property(hostileText, fc.nat(), (text, k) => {
      const doc = mkDoc(text);
      const s = settings();
      const diags = service.doValidation(doc, s);
      for (const d of diags) {
        checkRange(doc, d.range, `diagnostic ${d.code}`);
        for (const r of d.relatedInformation ?? []) checkRange(doc, r.location.range, 'related information');
      }
      const pos = doc.positionAt(text.length ? k % (text.length + 1) : 0);
      const h = service.doHover(doc, pos, s);
      if (h?.range) checkRange(doc, h.range, 'hover');
      for (const hint of service.getInlayHints(doc, whole(doc), s)) assert.ok(insideDoc(doc, hint.position), `inlay hint at ${JSON.stringify(hint.position)}`);
      for (const item of service.doComplete(doc, pos, s).items) {
        const e = item.textEdit as TextEdit | undefined;
        if (e) checkRange(doc, e.range, `completion ${item.label}`);
      }
      for (const a of service.doCodeActions(doc, whole(doc), s)) for (const e of a.edit?.changes?.[doc.uri] ?? []) checkRange(doc, e.range, `code action ${a.title}`);
    }), params);
  });

  it('applies every quick fix only within the ranges it names, each on flagged text', () => {
    fc.assert(fc.property(prose, (text) => {
      const doc = mkDoc(text);
      const diags = service.doValidation(doc, settings());
      const actions = service.doCodeActions(doc, whole(doc), settings()).filter((a) => !isDisable(doc, a));
      for (const a of actions) {
        const edits = a.edit!.changes![doc.uri];
        assert.ok(edits.length > 0, `${a.title}: no edits`);
        const { text: out, kept } = applyByOffsets(doc, edits);
        assert.strictEqual(TextDocument.applyEdits(doc, edits), out, a.title);
        // What lies between the edits is kept, in order.
        let from = 0;
        for (const k of kept) { const i = out.indexOf(k, from); assert.ok(i >= 0, `${a.title} changed text outside its edits`); from = i + k.length; }
        for (const e of edits) {
          const s = doc.offsetAt(e.range.start), t = doc.offsetAt(e.range.end);
          assert.ok(diags.some((d) => doc.offsetAt(d.range.start) <= s && t <= doc.offsetAt(d.range.end)), `${a.title}: edit ${JSON.stringify(text.slice(s, t))} is not on a flagged range`);
          assert.notStrictEqual(e.newText, text.slice(s, t), `${a.title}: edit changes nothing`);
        }
      }
    }), params);
  });

  it('makes the same code actions from the diagnostics\' data as from the findings', () => {
    fc.assert(fc.property(prose, fc.nat(), (text, k) => {
      const doc = mkDoc(text);
      const diags = service.doValidation(doc, settings());
      const d = diags[k % Math.max(1, diags.length)];
      for (const r of d ? [whole(doc), d.range] : [whole(doc)]) {
        const from = doc.offsetAt(r.start), to = doc.offsetAt(r.end);
        const under = diags.filter((x) => doc.offsetAt(x.range.end) >= from && doc.offsetAt(x.range.start) <= to);
        assert.deepStrictEqual(service.doCodeActions(doc, r, settings(), undefined, under), service.doCodeActions(doc, r, settings()));
      }
    }), params);
  });

  it('"Disable … for this line" inserts only a comment and takes its diagnostics away', () => {
    fc.assert(fc.property(prose, (text) => {
      const doc = mkDoc(text);
      const diags = service.doValidation(doc, settings());
      const disables = service.doCodeActions(doc, whole(doc), settings(), undefined, diags).filter((a) => isDisable(doc, a));
      assert.strictEqual(disables.length, new Set(diags.map((d) => `${d.range.start.line}|${d.code}`)).size, 'one per line and rule');
      for (const a of disables) {
        const [e] = a.edit!.changes![doc.uri];
        const at = doc.offsetAt(e.range.start);
        const out = TextDocument.applyEdits(doc, [e]);
        assert.strictEqual(out.slice(0, at) + out.slice(at + e.newText.length), text, 'only an insertion');
        const after = TextDocument.create(doc.uri, 'markdown', doc.version + 1, out);
        const left = new Set(service.doValidation(after, settings()).map((d) => `${d.code}@${doc.offsetAt(d.range.start) >= at ? doc.offsetAt(d.range.start) - e.newText.length : doc.offsetAt(d.range.start)}`));
        for (const d of a.diagnostics!) {
          const start = doc.offsetAt(d.range.start);
          assert.ok(!left.has(`${d.code}@${start}`), `${a.title}: ${d.code} at ${start} is still reported in ${JSON.stringify(out)}`);
        }
      }
    }), params);
  });

  it('converges when preferred fixes are applied and re-validated, without nesting text', () => {
    fc.assert(fc.property(prose, (text) => {
      let doc = mkDoc(text);
      const start = service.doValidation(doc, settings()).length;
      const applied: string[] = [];
      for (let round = 0; ; round++) {
        const actions = service.doCodeActions(doc, whole(doc), settings()).filter((a) => a.isPreferred);
        if (!actions.length) break;
        assert.ok(round <= 2 * start + 4, `fixes do not converge after ${round} rounds: ${JSON.stringify(doc.getText())} (applied ${JSON.stringify(applied)})`);
        const edits = actions[0].edit!.changes![doc.uri];
        applied.push(...edits.map((e) => e.newText));
        doc = TextDocument.create(doc.uri, 'markdown', doc.version + 1, TextDocument.applyEdits(doc, edits));
      }
      const out = doc.getText().toLowerCase();
      for (const a of applied) {
        const m = /^(.+) \((.+)\)$/.exec(a);
        if (!m) continue;
        const [expansion, acr] = [m[1].toLowerCase(), m[2].toLowerCase()];
        assert.ok(!out.includes(`${expansion} (${expansion}`) && !out.includes(`(${expansion} (${acr}))`), `nested expansion in ${JSON.stringify(doc.getText())}`);
      }
    }), params);
  });
});
