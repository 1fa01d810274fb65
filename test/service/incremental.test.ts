/**
 * Re-analysis after an edit gives exactly what a full analysis of the new text gives: checked with
 * fast-check over real documents (the samples) and random edits of letters, spaces and terms.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { analyze, reanalyzeInPlace, type Analysis } from '../../server/src/service/analysis';
import { computeFindings, updateFindings, type Finding } from '../../server/src/service/findings';
import { LANGS } from '../../server/src/service/types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveSettings } from '../../server/src/service';
import { builtin, ROOT } from '../helpers';

const OPTS = { fallbackLang: 'en' as const, languages: LANGS, ignore: new Set<string>(), markdown: true };
const SAMPLES = ['en/outbound.playbook.md', 'nl/sales-marketing.sla.md', 'pl/outbound.playbook.md', 'zh-Hant/outbound.playbook.md', 'sv/outbound.playbook.md']
  .map((f) => fs.readFileSync(path.join(ROOT, 'samples', f), 'utf8'));
const INSERTS = ['a', 'e', ' ', 'lead', 'MQL', ' kans', 'opportunity ', 'okazji', '銷售', '漏斗', 'sales funnel', 'ing', 's', 'the '];
/** Edits that change Markdown structure: code, links, URLs, comments, line breaks, fences. */
const STRUCTURE = ['`', '\n', '\n\n', '](', 'https://x.org/', '@', '<!-- ', ' -->', '```\n', '[a]: ', '<b>', '(MQL)', 'Marketing Qualified Lead (', '<!-- lingo-disable-next-line -->\n', '<!-- lingo-disable inconsistent-term -->'];

/** Findings with their fixes, which are built when asked for. */
const plain = (fs: Finding[]) => fs.map((f) => ({ rule: f.rule, start: f.start, end: f.end, message: f.message, related: f.related, fixes: f.fixes }));
const shape = (a: Analysis) => ({ lang: a.lang, ignored: a.ignored, occ: a.occurrences.map((o) => [o.start, o.end, o.terms.map((t) => t.index).join(',')].join(':')) });

describe('incremental re-analysis', () => {
  const { glossary } = builtin();
  it('equals a full analysis after random edits (fast-check)', () => {
    let incremental = 0;
    const seed = Number(process.env.LINGO_PROP_SEED ?? 4242);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SAMPLES.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 12 }), ins: fc.constantFrom(...INSERTS, ...STRUCTURE) }), { minLength: 1, maxLength: 8 }),
        (which, edits) => {
          let text = SAMPLES[which];
          let a = analyze(text, glossary, OPTS);
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
            const re = reanalyzeInPlace(a, text, glossary, OPTS);
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
    assert.ok(incremental > 500, `only ${incremental} edits took the incremental path`);
  });

  it('updates the findings after an edit exactly as a fresh check finds them (fast-check)', () => {
    let updated = 0, changed = 0, recomputed = 0;
    const seed = Number(process.env.LINGO_PROP_SEED ?? 4242);
    const all = () => true;
    const same = (fs: Finding[]) => fs;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SAMPLES.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 6 }), ins: fc.constantFrom(...INSERTS, ...STRUCTURE, 'x', '') }), { minLength: 1, maxLength: 6 }),
        (which, edits) => {
          let text = SAMPLES[which];
          let a = analyze(text, glossary, OPTS);
          let findings = computeFindings(text, a, all);
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
            const re = reanalyzeInPlace(a, text, glossary, OPTS);
            const fresh = computeFindings(text, analyze(text, glossary, OPTS), all);
            const next = re && updateFindings(findings, re, same);
            if (next) {
              updated++;
              if (!re.edit!.sameOccurrences) changed++;
              assert.deepStrictEqual(plain(next), plain(fresh));
            } else recomputed++;
            // Findings refer to the occurrences of the analysis they were computed from, which moves on.
            a = re ?? analyze(text, glossary, OPTS);
            findings = next ?? computeFindings(text, a, all);
          }
        },
      ),
      { seed, numRuns: 250 },
    );
    console.log(`      seed ${seed}, 250 runs: findings updated ${updated} times (${changed} after an edit that changed terms), computed afresh ${recomputed} times`);
    assert.ok(updated > 300 && changed > 100, `findings were updated only ${updated} times, ${changed} after a changed term`);
  });

  it('the service gives after every edit what a fresh check gives, with control comments in the text (fast-check)', () => {
    const { service } = builtin();
    const seed = Number(process.env.LINGO_PROP_SEED ?? 4242);
    const s = resolveSettings({ maxProblems: 0 });
    let n = 0;
    const withComments = SAMPLES.map((t) => {
      const lines = t.split('\n');
      lines.splice(Math.floor(lines.length / 3), 0, '<!-- lingo-disable-next-line -->');
      lines.splice(Math.floor((2 * lines.length) / 3), 0, '<!-- lingo-disable inconsistent-term -->');
      return lines.join('\n');
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SAMPLES.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 6 }), ins: fc.constantFrom(...INSERTS, ...STRUCTURE, 'x', '') }), { minLength: 1, maxLength: 6 }),
        (which, edits) => {
          const doc = TextDocument.create(`file:///test/edited${++n}.md`, 'markdown', 1, withComments[which]);
          service.findings(doc, s);
          for (const e of edits) {
            const at = doc.positionAt(Math.floor(e.at * doc.getText().length));
            const end = doc.positionAt(doc.offsetAt(at) + e.del);
            TextDocument.update(doc, [{ range: { start: at, end }, text: e.ins }], doc.version + 1);
            const fresh = TextDocument.create(`file:///test/fresh${n}.md`, 'markdown', 1, doc.getText());
            assert.deepStrictEqual(plain(service.findings(doc, s)), plain(service.findings(fresh, s)));
            service.forget(fresh.uri);
          }
          service.forget(doc.uri);
        },
      ),
      { seed, numRuns: 150 },
    );
  });

  it('an edit that completes or breaks a control comment is seen, though only the edited stretch is searched for one', () => {
    const { service } = builtin();
    const s = resolveSettings({ maxProblems: 0 });
    const body = '\n\nEvery lead is an MQL. A prospect is a lead, and so is every Lead.\n';
    // [text before, offset of the edit, characters deleted, inserted text, rules that must remain]
    const cases: [string, string, number, string][] = [
      ['<!-- ling -->', '<!-- ling', 0, 'o-disable'],
      ['<!-- lingXo-disable -->', '<!-- ling', 1, ''],
      ['<!-- lingo-disable -->', '<!-- lingo', 1, ''],
      ['<!-- lingo-disablx -->', '<!-- lingo-disabl', 1, 'e'],
    ];
    let n = 0;
    for (const [head, before, del, ins] of cases) {
      const doc = TextDocument.create(`file:///test/control${++n}.md`, 'markdown', 1, head + body);
      service.findings(doc, s);
      const at = doc.positionAt(before.length);
      TextDocument.update(doc, [{ range: { start: at, end: doc.positionAt(before.length + del) }, text: ins }], 2);
      const fresh = TextDocument.create(`file:///test/control-fresh${n}.md`, 'markdown', 1, doc.getText());
      const expected = plain(service.findings(fresh, s));
      assert.deepStrictEqual(plain(service.findings(doc, s)), expected, doc.getText());
      // The cases switch checking off or on: one side of each has no findings at all.
      assert.ok((expected.length === 0) !== (plain(service.findings(TextDocument.create(`file:///test/control-old${n}.md`, 'markdown', 1, head + body), s)).length === 0), head);
    }
  });

  it('computes again only what an edit can have changed', () => {
    const text = 'Every lead is a lead. One MQL here, and a prospect there. A Marketing Qualified Lead is next.';
    const a0 = analyze(text, glossary, OPTS);
    const f = computeFindings(text, a0, () => true);
    const edit = (from: string, to: string) => reanalyzeInPlace(analyze(text, glossary, OPTS), text.replace(from, to), glossary, OPTS)!;
    const grown = edit('Every lead', 'Every leads');
    assert.strictEqual(grown.edit?.sameOccurrences, false, 'a term changed');
    let asked: Finding[] = [];
    const near = edit('One MQL', 'Onx MQL');
    const moved = updateFindings(f, near, (fs) => (asked = fs))!;
    assert.deepStrictEqual(asked.map((x) => x.rule), ['acronym-undefined'], 'near an acronym, the acronym findings come afresh');
    assert.deepStrictEqual(plain(moved), plain(computeFindings(near.text, analyze(near.text, glossary, OPTS), () => true)));
  });

  it('a change that keeps the version number still gets findings of the new text (the LSP fuzzer sends such changes)', () => {
    const { service } = builtin();
    const doc = TextDocument.create('file:///test/same-version.md', 'markdown', 1, 'Elke opportunity telt.\n\nEen kans van een klant telt ook, en nog een kans van een klant.\n\nEn een kans van een klant.');
    assert.strictEqual(service.doValidation(doc).length, 3);
    TextDocument.update(doc, [{ text: 'Elke opportunity telt.\n\nEen kans van een klant telt ook.' }], 1);
    const fresh = TextDocument.create('file:///test/other.md', 'markdown', 1, doc.getText());
    assert.deepStrictEqual(service.doValidation(doc).map((d) => [d.range, d.message]), service.doValidation(fresh).map((d) => [d.range, d.message]));
  });

  it('an edit of Markdown structure finds the ignored regions afresh; a long edit or another language means a full analysis', () => {
    const text = 'Every MQL is here.\n\nAnd a lead there, and an opportunity.';
    const a = () => analyze(text, glossary, OPTS);
    for (const next of [text.replace('MQL', '`MQL`'), text.replace('a lead', '`a lead'), text.replace('\n\nAnd', '\nAnd'), text.replace('there', '<!-- there')]) {
      const re = reanalyzeInPlace(a(), next, glossary, OPTS);
      assert.ok(re, next);
      assert.deepStrictEqual(shape(re), shape(analyze(next, glossary, OPTS)), next);
    }
    assert.strictEqual(reanalyzeInPlace(a(), text.replace('here', 'here ' + 'x'.repeat(2000)), glossary, OPTS), undefined, 'a long edit');
    assert.strictEqual(reanalyzeInPlace(a(), 'Elke kans telt. Een opportunity is een kans.', glossary, OPTS), undefined, 'another language');
  });

});
