/**
 * Diagnostics after an edit (one keystroke, a paste) equal those of a fresh check of the new text, while the
 * diagnostics of findings the edit did not change or move are the very objects of the check before (which is what
 * lets the server answer a pull `unchanged`). Each case: a text where ⟦…⟧ marks the replaced stretch (⟦⟧ or `|`
 * an insertion point) and the text put there.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service';
import { builtin, settings } from '../helpers';

const EN = 'Every MQL is reviewed, and each SDR calls.\nOur outreach sequence starts. The MQL waits.\n\nA cadence is an outreach sequence; the SDR owns it.\nEvery MQL and SDR, again.';
const SV = 'Varje MQL följs upp, och varje SDR ringer.\nVår säljtratt växer. Vår sales funnel också.\n\nEn MQL väntar på en SDR.\nVarje MQL och säljtratt igen.';
const NL = 'Elke MQL telt, en elke SLA ook.\nElke opportunity telt. Een kans van een klant hier.\n\nEn een kans van een klant daar, met een MQL.\nElke SLA en MQL weer.';
const PL = 'Każdy MQL i każdy CRM.\nKażda szansa sprzedaży i okazja sprzedażowa.\n\nLejek sprzedaży i lejek sprzedażowy, oraz MQL.\nKażdy typ ołowiu i CRM znowu.';
const ZH = '每個 MQL 都有評分，CRM 也是。\n銷售漏斗與銷售管道。\n\n商機和銷售機會，還有 MQL。\n转化率和 CRM 再次出現。';

/** [case, text with ⟦replaced⟧ (⟦⟧: an insertion point), inserted text] */
const CASES: [string, string, string][] = [
  ['insert a letter in a word on the first line', range(EN, 'Every', ''), 'x'],
  ['insert inside a term', range(EN, 'Our outr', ''), 'x'],
  ['delete a letter of an acronym', range(EN, 'the S', 'D'), ''],
  ['delete across two lines and a term', range(EN, 'each ', 'SDR calls.\nOur outreach'), ''],
  ['paste lines in the middle', range(EN, 'waits.\n', ''), 'New line with an MQL.\nAnd a Sales Development Representative (SDR).\n'],
  ['paste a term that spells an acronym out', range(EN, 'Every ', ''), 'Marketing Qualified Lead ('],
  ['insert at the start', range(EN, '', ''), 'Lead: '],
  ['insert at the end', range(EN, EN, ''), '\nOne more MQL.'],
  ['delete the last character', range(EN, EN.slice(0, -1), '.'), ''],
  ['a line break splits a line', range(EN, 'Our outreach sequence starts.', ''), '\n'],
  ['a space joins two lines', range(EN, 'calls.', '\n'), ' '],
  ['an edit on the last line', range(EN, 'Every MQL and', ''), ' every'],
  ['sv: insert inside a term', range(SV, 'Vår säljt', ''), 'x'],
  ['sv: paste across lines', range(SV, 'Vår sales ', 'funnel också.\n\nEn'), 'tratt.\nEn'],
  ['nl: replace a word by a term', range(NL, 'daar, met een ', 'MQL'), 'opportunity'],
  ['nl: edit on the first line', range(NL, 'Elke MQL', ''), ' grote'],
  ['pl: insert in a word', range(PL, 'Każdy', ''), 'x'],
  ['pl: delete a line break', range(PL, 'okazja sprzedażowa.', '\n'), ''],
  ['zh-Hant: insert inside a term', range(ZH, '銷售', ''), '的'],
  ['zh-Hant: paste Simplified text', range(ZH, '商機和', ''), '销售漏斗，'],
  ['CRLF: insert in a line', range(EN.replace(/\n/g, '\r\n'), 'Our outr', ''), 'x'],
  ['CRLF: insert between CR and LF', range(EN.replace(/\n/g, '\r\n'), 'calls.\r', ''), 'x'],
  ['CRLF: paste CRLF lines', range(EN.replace(/\n/g, '\r\n'), 'waits.\r\n', ''), 'A lead.\r\nAn SDR.\r\n'],
];

/** `text` with ⟦replaced⟧ marked where it first follows `before` (replaced '': an insertion point after `before`). */
function range(text: string, before: string, replaced: string): string {
  const i = text.indexOf(before + replaced);
  assert.ok(i >= 0, before + replaced);
  const s = i + before.length;
  return text.slice(0, s) + '⟦' + replaced + '⟧' + text.slice(s + replaced.length);
}

let n = 0;
/** Opens the unmarked text, checks it, applies the edit (positions in UTF-16, as LSP has them) and checks again. */
function edited(marked: string, inserted: string, s = settings()) {
  const { service } = builtin();
  const from = marked.indexOf('⟦'), to = marked.indexOf('⟧') - 1;
  const text = marked.replace('⟦', '').replace('⟧', '');
  const doc = TextDocument.create(`file:///test/keys${++n}.md`, 'markdown', 1, text);
  const before = service.doValidation(doc, s);
  const range = { start: doc.positionAt(from), end: doc.positionAt(to) };
  TextDocument.update(doc, [{ range, text: inserted }], 2);
  const after = service.doValidation(doc, s);
  const fresh = TextDocument.create(`file:///test/keys-fresh${n}.md`, 'markdown', 1, doc.getText());
  const expected = wire(service.doValidation(fresh, s), fresh.uri, doc.uri);
  service.forget(fresh.uri);
  service.forget(doc.uri);
  return { before, after, expected, editLine: range.start.line, editEndLine: range.end.line, linesAdded: inserted.split('\n').length - 1 - (range.end.line - range.start.line) };
}

/** Diagnostics as the client gets them; a fresh document's URI (in related places) written as the edited one's. */
const wire = (ds: Diagnostic[], uri = '', as = ''): unknown => JSON.parse(uri ? JSON.stringify(ds).replaceAll(JSON.stringify(uri), JSON.stringify(as)) : JSON.stringify(ds));

describe('diagnostics after an edit', () => {
  let reused = 0;
  for (const [name, marked, inserted] of CASES) {
    it(`${name}: as a fresh check, and the untouched ones are the same objects`, () => {
      for (const s of [settings(), settings({ maxProblems: 2 })]) {
        const { before, after, expected, editLine, linesAdded } = edited(marked, inserted, s);
        assert.deepStrictEqual(wire(after), expected);
        // A diagnostic on a line before the edit, or after it when no line came or went, whose finding is still
        // there as it was (same range, message and related places), is the object of the check before.
        for (const d of after) {
          const old = before.find((b) => JSON.stringify(b) === JSON.stringify(d));
          const untouched = d.range.end.line < editLine || (linesAdded === 0 && d.range.start.line > editLine);
          if (old && untouched && d.code !== undefined) { assert.strictEqual(d, old, `${d.message} at line ${d.range.start.line}`); reused++; }
        }
      }
    });
  }

  it('the cases above kept diagnostics (the test of sameness is not empty)', () => assert.ok(reused > 40, String(reused)));

  it('an edit that changes no finding gives the same list of objects', () => {
    const { after, before } = edited(range(EN, 'the SDR owns', ''), ' really');
    assert.strictEqual(after.length, before.length);
    after.forEach((d, i) => assert.strictEqual(d, before[i]));
  });

  it('documents edited in turn: each check as a fresh one, and only the one edited last keeps its folded texts', () => {
    const { service, glossary } = builtin();
    const other = getLanguageService(glossary); // checks the fresh copies: an analysis in `service` is a document analysed last
    const docs = [EN, SV, NL].map((text) => TextDocument.create(`file:///test/turns${++n}.md`, 'markdown', 1, text));
    for (const d of docs) service.doValidation(d, settings());
    // Each document twice in a row (its second edit writes into the spare of its first), then the next one.
    for (let round = 0; round < 2; round++) {
      for (const d of docs) {
        for (let k = 0; k < 2; k++) {
          const at = d.positionAt(d.getText().indexOf(' ') + 1);
          TextDocument.update(d, [{ range: { start: at, end: at }, text: 'x' }], d.version + 1);
          const fresh = TextDocument.create(`file:///test/turns-fresh${++n}.md`, 'markdown', 1, d.getText());
          assert.deepStrictEqual(wire(service.doValidation(d, settings())), wire(other.doValidation(fresh, settings()), fresh.uri, d.uri), `${d.uri}, round ${round}`);
          other.forget(fresh.uri);
        }
        const kept = docs.map((o) => { const a = service.analyze(o, settings())!; return [a.folded !== undefined, a.previousFolded !== undefined]; });
        assert.deepStrictEqual(kept, docs.map((o) => [o === d, o === d]), `${d.uri}, round ${round}`);
      }
    }
    for (const d of docs) service.forget(d.uri);
  });

  it('an edit that moves the findings on its line gives them new ranges, the others stay', () => {
    const { after, before } = edited(range(EN, 'calls.\n', ''), 'So ');
    assert.strictEqual(after.length, before.length);
    const moved = after.filter((d, i) => d !== before[i]);
    assert.ok(moved.length > 0 && moved.every((d) => d.range.start.line === 1), JSON.stringify(moved.map((d) => d.range)));
    assert.ok(after.some((d, i) => d === before[i] && d.range.start.line > 1), 'a diagnostic on a later line is the same object');
  });
});
