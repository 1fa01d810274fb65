/**
 * Ignored regions: e-mail addresses are found from each "@" rather than by one regular expression tried at
 * every position (0.2 s per MB); they must be exactly what that expression finds. And the service's own line
 * table must place offsets exactly as TextDocument does.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findIgnoredRegions, URL_RE } from '../../server/src/service/regions';
import { lineStarts, positionAt, positionIn, positionsIn, positionsOf } from '../../server/src/service/util';

/** The definition: what the search from each "@" replaces. */
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function byExpression(text: string): number[] {
  const out: number[] = [];
  EMAIL_RE.lastIndex = 0;
  for (let m = EMAIL_RE.exec(text); m; m = EMAIL_RE.exec(text)) {
    const [s, e] = [m.index, m.index + m[0].length];
    // findIgnoredRegions merges touching regions
    if (out.length && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return out;
}

describe('ignored regions: e-mail addresses', () => {
  const cases: [string, string[]][] = [
    ['Write to mql.lead@example.com today.', ['mql.lead@example.com']],
    ['ansvarig: anna.berg@företag.se, kopia till sdr@företag.se', ['anna.berg@företag.se', 'sdr@företag.se']],
    ['業務@公司.台灣', ['業務@公司.台灣']],
    ['a@b.c@d.e', ['a@b.c']],
    ['@handle and x@localhost and me@.com', []],
    ['𝐚𝐛@x.io', ['𝐚𝐛@x.io']],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () => {
      const r = findIgnoredRegions(text, false);
      const got: string[] = [];
      for (let i = 0; i < r.length; i += 2) got.push(text.slice(r[i], r[i + 1]));
      assert.deepStrictEqual(got, expected);
    });
  }

  it('finds exactly what the regular expression finds (fast-check)', () => {
    const char = fc.constantFrom('a', 'Z', '1', '.', '@', '@', '-', '_', '%', '+', ' ', 'é', '中', '𝐚', '\uD835', '\uDC00', '!', ',');
    fc.assert(fc.property(fc.array(char, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      assert.deepStrictEqual(findIgnoredRegions(text, false), byExpression(text), JSON.stringify(text));
    }), { numRuns: 5000, seed: Number(process.env.LINGO_PROP_SEED ?? 4242) });
  });
});

describe('ignored regions: URLs', () => {
  /** The definition: the expression tried at every position (in a text that has "://", "www." or "mailto:"). */
  function byExpression(text: string): number[] {
    const out: number[] = [];
    if (!/:\/\/|www\.|mailto:/.test(text)) return out;
    const re = new RegExp(URL_RE.source, 'gi');
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
    return out;
  }
  it('finds exactly what the regular expression finds (fast-check)', () => {
    const piece = fc.constantFrom('http', 'HTTPS', 'hTtP', 'ftp', 'mailto', 'File', 'www', 'WwW', ':', '://', ':/', '.', 'x', 'a.b', ' ', ')', '"', 'ß', 'K', '\u212a', '/p?q=1', ',', 'shttp');
    fc.assert(fc.property(fc.array(piece, { maxLength: 25 }).map((a) => a.join('')), (text) => {
      assert.deepStrictEqual(findIgnoredRegions(text, false), byExpression(text).length ? normalised(byExpression(text)) : [], JSON.stringify(text));
    }), { numRuns: 5000, seed: Number(process.env.LINGO_PROP_SEED ?? 4242) });
  });
});

/** Sorted pairs with overlapping and touching ones merged, as findIgnoredRegions gives them. */
function normalised(pairs: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    if (out.length && pairs[i] <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], pairs[i + 1]);
    else out.push(pairs[i], pairs[i + 1]);
  }
  return out;
}

describe('line starts and positions', () => {
  it('give the positions TextDocument gives, for any line breaks (fast-check)', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\r', '中', '😀', '\r\r\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), fc.array(fc.integer({ min: -2, max: 80 }), { maxLength: 10 }), (text, offsets) => {
      const doc = TextDocument.create('file:///t.md', 'markdown', 1, text);
      const starts = lineStarts(text);
      const inOrder = positionsIn(starts, text); // remembers its last line: asked in any order, still exact
      const lazy = positionsOf(text); // the same table, made at the first offset asked for
      for (const o of [...offsets, 0, text.length, ...offsets.slice().sort((x, y) => x - y)]) {
        assert.deepStrictEqual(positionIn(starts, text, o), doc.positionAt(o), `${JSON.stringify(text)} @ ${o}`);
        assert.deepStrictEqual(inOrder(o), doc.positionAt(o), `${JSON.stringify(text)} @ ${o} (with a hint)`);
        assert.deepStrictEqual(lazy(o), doc.positionAt(o), `${JSON.stringify(text)} @ ${o} (positionsOf)`);
        assert.deepStrictEqual(positionAt(text, o), doc.positionAt(o), `${JSON.stringify(text)} @ ${o} (positionAt)`);
      }
    }), { numRuns: 3000, seed: Number(process.env.LINGO_PROP_SEED ?? 4242) });
  });
});
