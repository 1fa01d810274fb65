/**
 * The Glossary view's answers in-process (glossaryView.ts): a compiled glossary read through its outline (no
 * concept made) answers exactly as the glossary buildGlossary made, in every language; a generated glossary with
 * one large domain pages through it in order, each concept once.
 */
import * as assert from 'assert';
import { buildGlossary, decodeGlossary, domainConcepts, encodeGlossary, glossaryDomains, type Glossary, type Lang } from '../../server/src/service';
import { generateGlossary } from '../bench/genGlossary';
import { builtin } from '../helpers';

const LANGS: Lang[] = ['en', 'sv', 'nl', 'pl', 'zh-Hant'];
const compiled = (g: Glossary) => decodeGlossary(encodeGlossary(g, [])).glossary;

/** Every page of every domain of `g` in `lang`, pages of `size`. */
function everyPage(g: Glossary, lang: Lang, size: number) {
  return glossaryDomains(g, lang).domains.map((d) => {
    const rows = [];
    for (let offset = 0; ; offset += size) {
      const p = domainConcepts(g, d.id, lang, offset, size);
      assert.strictEqual(p.total, d.count);
      rows.push(...p.concepts);
      if (p.concepts.length < size) break;
    }
    return { domain: d, rows };
  });
}

describe('the Glossary view\'s answers (glossaryView.ts)', () => {
  const built = builtin().glossary;
  const loaded = compiled(built);

  it('a compiled glossary has an outline; the built one has none', () => {
    assert.ok(loaded.outline && !built.outline);
  });

  for (const lang of LANGS) {
    it(`${lang}: the compiled glossary answers as the built one, domains and every page`, () => {
      assert.deepStrictEqual(glossaryDomains(loaded, lang), glossaryDomains(built, lang));
      assert.deepStrictEqual(everyPage(loaded, lang, 40), everyPage(built, lang, 40));
      const all = everyPage(built, lang, 1000).flatMap((x) => x.rows.map((r) => r.id));
      assert.strictEqual(new Set(all).size, built.concepts.length);
    });
  }

  it('a domain of 3,000 generated concepts: pages of 500 in name order, each concept once', () => {
    const sources = generateGlossary(5000).map((s, k) => ({ ...s, data: { ...(s.data as object), domain: k < 3 ? 'large' : 'small' } }));
    const g = compiled(buildGlossary(sources, { trusted: true }).glossary);
    const d = glossaryDomains(g, 'pl').domains;
    assert.deepStrictEqual(d.map((x) => [x.id, x.count]), [['large', 3000], ['small', 2000]]);
    const rows = everyPage(g, 'pl', 500)[0].rows;
    assert.strictEqual(rows.length, 3000);
    assert.strictEqual(new Set(rows.map((r) => r.id)).size, 3000);
    const names = rows.map((r) => r.name);
    assert.deepStrictEqual(names, [...names].sort(new Intl.Collator('pl').compare));
    assert.strictEqual(domainConcepts(g, 'large', 'pl', 0, 5000).concepts.length, 1000, 'at most 1,000 a page');
  });
});
