/**
 * Property tests (fast-check) of the concept features on hostile text: every range lies in its document, semantic
 * tokens are well formed (in order, one line each, on the terms' text), and a rename edits only occurrences of its
 * concept, each once, in files of the new term's language, leaving every other character as it was.
 *
 *   LINGO_PROP_SEED=42 LINGO_PROP_RUNS=2000 npx mocha out/test/robust/concepts.test.js
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/service';
import { builtin, settings } from '../helpers';
import { HOSTILE, MARKDOWN, PUNCT, WORDS } from './gen';

const SEED = Number(process.env.LINGO_PROP_SEED ?? 7031) | 0;
const RUNS = Number(process.env.LINGO_PROP_RUNS ?? 1000);
const params = { seed: SEED, numRuns: RUNS, endOnFailure: false };

const { glossary, service } = builtin();
let n = 0;
const mkDoc = (text: string) => TextDocument.create(`file:///prop/concepts${++n}.md`, 'markdown', 1, text);
const TERMS = [...new Set(glossary.terms.map((t) => t.text))];

/** Terms, their upper-case forms, words of every language, punctuation, Markdown, hostile characters. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TERMS) },
  { weight: 1, arbitrary: fc.constantFrom(...TERMS).map((t) => t.toUpperCase()) },
  { weight: 4, arbitrary: fc.constantFrom(...Object.values(WORDS).flat()) },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const text = fc.array(fc.tuple(piece, fc.constantFrom('', ' ', ' ', '\n', '\r\n', '\n  ')).map(([p, s]) => p + s), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));

function insideDoc(doc: TextDocument, p: Position): boolean {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= doc.lineCount) return false;
  return doc.offsetAt(p) - doc.offsetAt({ line: p.line, character: 0 }) === p.character;
}
function checkRange(doc: TextDocument, r: Range, what: string) {
  assert.ok(insideDoc(doc, r.start) && insideDoc(doc, r.end) && doc.offsetAt(r.start) < doc.offsetAt(r.end), `${what}: ${JSON.stringify(r)} in ${JSON.stringify(doc.getText())}`);
}

describe('concept features: properties (fast-check)', function () {
  this.timeout(180000);
  before(() => console.log(`      fast-check seed ${SEED} (LINGO_PROP_SEED), ${RUNS} runs per property (LINGO_PROP_RUNS)`));

  it('keeps highlights, references, the concept at a position and prepareRename inside the document', () => {
    fc.assert(fc.property(text, fc.nat(), (t, k) => {
      const doc = mkDoc(t);
      const s = settings();
      const pos = doc.positionAt(k % (t.length + 1));
      const at = service.conceptAt(doc, pos, s);
      const hs = service.findDocumentHighlights(doc, pos, s);
      const refs = service.references(doc, pos, s);
      const prep = service.prepareRename(doc, pos, s);
      assert.strictEqual(!!at, hs.length > 0);
      assert.strictEqual(!!at, !('error' in prep));
      assert.deepStrictEqual(refs.map((r) => r.range), hs.map((h) => h.range));
      if (at) {
        checkRange(doc, at.range, 'concept at');
        assert.ok(hs.some((h) => JSON.stringify(h.range) === JSON.stringify(at.range)), 'the occurrence under the cursor is highlighted');
        if (!('error' in prep)) assert.strictEqual(prep.placeholder, doc.getText(prep.range));
      } else if ('error' in prep) assert.ok(prep.error.length > 10);
      for (const h of hs) checkRange(doc, h.range, 'highlight');
    }), params);
  });

  it('encodes semantic tokens in order, one line each, on non-blank term text', () => {
    fc.assert(fc.property(text, (t) => {
      const doc = mkDoc(t);
      const { data } = service.semanticTokens(doc, settings());
      assert.strictEqual(data.length % 5, 0);
      let line = 0, char = 0, prevEnd = -1;
      const occs = service.analyze(doc, settings())?.occurrences ?? []; // none in a file that is not checked
      for (let i = 0; i < data.length; i += 5) {
        const [dl, dc, len, type, mods] = data.slice(i, i + 5);
        line += dl;
        char = dl ? dc : char + dc;
        const start = doc.offsetAt({ line, character: char });
        assert.strictEqual(doc.positionAt(start).character, char, 'token starts inside its line');
        assert.ok(len > 0 && doc.positionAt(start + len).line === line, `token ${JSON.stringify(t.slice(start, start + len))} crosses a line`);
        assert.ok(start >= prevEnd, 'tokens overlap or are out of order');
        prevEnd = start + len;
        assert.strictEqual(type, 0);
        assert.ok(mods > 0 && mods < 1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.length);
        const s = t.slice(start, start + len);
        assert.ok(s.trim() === s && s.length, `token ${JSON.stringify(s)} has blanks at its ends`);
        assert.ok(occs.some((o) => o.start <= start && start + len <= o.end), `token ${JSON.stringify(s)} is no term's text`);
      }
    }), params);
  });

  it('renames only occurrences of the concept, each once, in files of the new term\'s language', () => {
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), (texts, k, j) => {
      const docs = texts.map(mkDoc);
      const s = settings();
      // A file that does not look like text has no index (it is not checked).
      const indexes = docs.map((d) => service.conceptIndex(d, s, false)).filter((x) => x !== undefined);
      const withTerms = indexes.filter((x) => x.concepts.size);
      if (!withTerms.length) return;
      const ix = withTerms[k % withTerms.length];
      const [id, occs] = [...ix.concepts][j % ix.concepts.size];
      const concept = glossary.byId.get(id)!;
      // Every name of the concept, in every language, as the new name in turn.
      for (const term of Object.values(concept.langs).flatMap((sec) => [...sec!.terms, ...sec!.acronyms])) {
        const r = service.renameEdits({ concept, newName: term.text, lang: ix.lang, at: { uri: ix.uri, range: occs[0].range } }, indexes);
        if ('error' in r) {
          assert.strictEqual(term.status, 'deprecated', `${term.text}: ${r.error}`);
          continue;
        }
        for (const [uri, edits] of Object.entries(r.changes)) {
          const f = indexes.find((x) => x.uri === uri)!;
          assert.strictEqual(f.lang, r.term.lang, 'a file of another language is edited');
          const doc = docs.find((d) => d.uri === uri)!;
          const places = new Set((f.concepts.get(id) ?? []).map((o) => JSON.stringify(o.range)));
          let at = -1;
          for (const e of edits) {
            assert.ok(places.has(JSON.stringify(e.range)), `an edit that is no occurrence of ${id}: ${JSON.stringify(doc.getText(e.range))}`);
            assert.ok(doc.offsetAt(e.range.start) >= at, 'edits overlap or are out of order');
            at = doc.offsetAt(e.range.end);
            assert.notStrictEqual(e.newText, doc.getText(e.range));
          }
          // Everything between the edits is kept.
          const out = TextDocument.applyEdits(doc, edits);
          let from = 0, o = 0;
          for (const e of edits) {
            const keep = doc.getText().slice(from, doc.offsetAt(e.range.start));
            assert.strictEqual(out.slice(o, o + keep.length), keep);
            o += keep.length + e.newText.length;
            from = doc.offsetAt(e.range.end);
          }
          assert.strictEqual(out.slice(o), doc.getText().slice(from));
        }
      }
    }), params);
  });
});
