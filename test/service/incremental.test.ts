/**
 * Re-analysis after an edit gives exactly what a full analysis of the new text gives: checked with
 * fast-check over real documents (the samples) and random edits of letters, spaces and terms.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { analyze, reanalyze, type Analysis } from '../../server/src/service/analysis';
import { LANGS } from '../../server/src/service/types';
import { builtin, ROOT } from '../helpers';

const OPTS = { fallbackLang: 'en' as const, languages: LANGS, ignore: new Set<string>(), markdown: true };
const SAMPLES = ['en/outbound.playbook.md', 'nl/sales-marketing.sla.md', 'pl/outbound.playbook.md', 'zh-Hant/outbound.playbook.md', 'sv/outbound.playbook.md']
  .map((f) => fs.readFileSync(path.join(ROOT, 'samples', f), 'utf8'));
const INSERTS = ['a', 'e', ' ', 'lead', 'MQL', ' kans', 'opportunity ', 'okazji', '銷售', '漏斗', 'sales funnel', 'ing', 's', 'the '];

const shape = (a: Analysis) => ({ lang: a.lang, ignored: a.ignored, occ: a.occurrences.map((o) => [o.start, o.end, o.terms.map((t) => t.index).join(',')].join(':')) });

describe('incremental re-analysis', () => {
  const { glossary } = builtin();
  it('equals a full analysis after random edits (fast-check)', () => {
    let incremental = 0;
    const seed = Number(process.env.LINGO_PROP_SEED ?? 4242);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SAMPLES.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 12 }), ins: fc.constantFrom(...INSERTS) }), { minLength: 1, maxLength: 8 }),
        (which, edits) => {
          let text = SAMPLES[which];
          let a = analyze(text, glossary, OPTS);
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
            const re = reanalyze(a, text, glossary, OPTS);
            const full = analyze(text, glossary, OPTS);
            if (re) {
              incremental++;
              assert.deepStrictEqual(shape(re), shape(full));
            }
            a = re ?? full;
          }
        },
      ),
      { seed, numRuns: 300 },
    );
    console.log(`      seed ${seed} (LINGO_PROP_SEED), 300 runs, ${incremental} edits re-analysed incrementally`);
    assert.ok(incremental > 200, `only ${incremental} edits took the incremental path`);
  });

  it('falls back to a full analysis when Markdown structure changes', () => {
    const text = 'Every MQL is here.\n\nAnd a lead there.';
    const a = analyze(text, glossary, OPTS);
    assert.strictEqual(reanalyze(a, text.replace('MQL', '`MQL`'), glossary, OPTS), undefined);
    assert.ok(reanalyze(a, text.replace('lead', 'leads'), glossary, OPTS));
  });
});
