/**
 * What diagnostics carry for their quick fixes (data, a link to the rule's documentation), code actions made from
 * that data, and "Disable … for this line", per language.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import {
  crossFileFindings, getLanguageService, messages, ruleDeclaration, type CodeActionData, type DiagnosticData, type Lang,
} from '../../server/src/service';
import { builtin, settings } from '../helpers';

const { glossary, service } = builtin();
const S = settings();
let n = 0;
const open = (text: string, languageId = 'markdown', version = 1) =>
  TextDocument.create(`file:///test/actions${++n}.${languageId === 'plaintext' ? 'txt' : 'md'}`, languageId, version, text);
const whole = (doc: TextDocument): Range => ({ start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) });
const apply = (doc: TextDocument, a: CodeAction) => TextDocument.applyEdits(doc, a.edit!.changes![doc.uri]);
/** A value as it goes over the wire (JSON leaves out what is undefined). */
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x));
/** The text each diagnostic names. */
const named = (doc: TextDocument, ds: Diagnostic[]) => ds.map((d) => `${d.code}:${doc.getText(d.range)}`);

/** One document per language, with the rule it breaks. */
const DOCS: [Lang, string, string][] = [
  ['en', 'Every MQL is reviewed within two days by the sales team.', 'acronym-undefined'],
  ['sv', 'Varje MQL ska följas upp inom två dagar av säljaren.', 'acronym-undefined'],
  ['nl', 'Elke opportunity wordt opgevolgd. Een kans gaat terug, en nog een kans ook, en de accountmanager moet dat melden.', 'inconsistent-term'],
  ['pl', 'Każdy typ ołowiu musi być opisany w umowie i sprawdzony w ciągu miesiąca.', 'mistranslation'],
  ['zh-Hant', '每個產品合格鉛都要在兩個工作天內跟進。', 'mistranslation'],
];
/** More findings: several per line, several rules on one place, a "replace all". */
const MORE = [
  'Elke MQL wordt besproken in de sales pijplijn.\nElke opportunity telt.\nEen kans en nog een kans gaan terug.',
  '# Plan\n\n- Every MQL is scored.\n  Each SQL goes to sales.\n\n> Every CRM record is checked.',
];

describe('diagnostic data', () => {
  for (const [lang, text, rule] of DOCS) {
    it(`${lang}: each diagnostic carries what identifies its finding: its rule (code), and in data version, place and text; no fixes`, () => {
      const doc = open(text);
      const ds = service.doValidation(doc, S);
      const fs = service.findings(doc, S);
      assert.ok(ds.some((d) => d.code === rule), `no ${rule}`);
      assert.deepStrictEqual(ds.map((d) => [d.code, d.data]), fs.map((f): [string, DiagnosticData] => [f.rule, [1, f.start, f.end, text.slice(f.start, f.end)]]));
    });
  }

  it('code actions name the client\'s own diagnostics, and are those made without them, for the whole text and for each diagnostic', () => {
    for (const text of [...DOCS.map((d) => d[1]), ...MORE]) {
      const doc = open(text);
      const ds = service.doValidation(doc, S);
      const ranges = [whole(doc), ...ds.map((d) => d.range)];
      for (const r of ranges) {
        const overlapping = ds.filter((d) => doc.offsetAt(d.range.end) >= doc.offsetAt(r.start) && doc.offsetAt(d.range.start) <= doc.offsetAt(r.end));
        // The client's copies (as they come over the wire): the actions name these objects.
        const copies: Diagnostic[] = JSON.parse(JSON.stringify(overlapping));
        const actions = service.doCodeActions(doc, r, S, undefined, copies);
        assert.deepStrictEqual(wire(actions), wire(service.doCodeActions(doc, r, S)), `${text} ${JSON.stringify(r)}`);
        for (const a of actions) for (const d of a.diagnostics!) assert.ok(copies.includes(d), `${a.title}: not the client's diagnostic`);
      }
    }
  });

  it('data of another version, or of a text changed without a new version, names nothing: the fixes are those of the findings', () => {
    const text = DOCS[2][1];
    const doc = open(text);
    const old = service.doValidation(doc, S);
    const later = TextDocument.create(doc.uri, 'markdown', 2, `Vandaag: ${text}`);
    const r = whole(later);
    assert.deepStrictEqual(service.doCodeActions(later, r, S, undefined, old), service.doCodeActions(later, r, S));
    const sameVersion = TextDocument.create(doc.uri, 'markdown', 1, text.replace('Een kans', 'Een Kans'));
    assert.deepStrictEqual(service.doCodeActions(sameVersion, r, S, undefined, old), service.doCodeActions(sameVersion, whole(sameVersion), S));
    // The fixes apply to the new text: 'Vandaag: ' moved everything by 9 characters.
    const fix = service.doCodeActions(later, r, S, undefined, old).find((a) => a.isPreferred)!;
    assert.strictEqual(apply(later, fix), `Vandaag: ${text.replace('Een kans', 'Een opportunity')}`);
  });

  it('a rule turned off since gets no quick fix', () => {
    const doc = open('Elke MQL wordt besproken in de sales pijplijn.');
    const ds = service.doValidation(doc, S);
    const off = settings({ rules: { 'deprecated-term': 'off' } });
    const actions = service.doCodeActions(doc, whole(doc), off, undefined, ds);
    assert.deepStrictEqual(actions, service.doCodeActions(doc, whole(doc), off));
    assert.ok(actions.length > 0 && actions.every((a) => a.diagnostics!.every((d) => d.code === 'acronym-undefined')));
  });

  it('data that is not the service\'s own names nothing, and breaks nothing', () => {
    const doc = open(DOCS[0][1]);
    const [d] = service.doValidation(doc, S);
    const data = d.data as DiagnosticData;
    const [version, start, end, text] = data;
    const broken: [unknown, unknown][] = [
      [undefined, d.code], [null, d.code], ['data', d.code], [42, d.code], [[], d.code], [{ version, start, end, text }, d.code], [data, 'spelling'], [data, undefined],
      [[version, -1, end, text], d.code], [[version, start, 10 ** 6, text], d.code], [[version, 9, 3, text], d.code], [[version, start, end, 'ABC'], d.code],
      [[version, start, end, 7], d.code], [['1', start, end, text], d.code], [[version, 1.5, end, text], d.code], [[...data, 0], d.code],
    ];
    const expected = service.doCodeActions(doc, whole(doc), S);
    for (const [x, code] of broken) {
      const actions = service.doCodeActions(doc, whole(doc), S, undefined, [{ ...d, code: code as string, data: x }]);
      assert.deepStrictEqual(actions.map((a) => ({ ...a, diagnostics: a.diagnostics!.map((y) => y.data) })), expected.map((a) => ({ ...a, diagnostics: a.diagnostics!.map((y) => y.data) })), JSON.stringify([x, code]));
    }
  });

  it('after an edit, every diagnostic has data of the new version, and the "replace all" of an unmoved one reaches the moved places', () => {
    const doc = open('Elke opportunity telt.\n\nEen kans van een klant hier.\n\nEn een kans van een klant daar.');
    service.doValidation(doc, S);
    TextDocument.update(doc, [{ range: { start: { line: 2, character: 28 }, end: { line: 2, character: 28 } }, text: ' En nog meer tekst.' }], 2);
    const ds = service.doValidation(doc, S);
    assert.deepStrictEqual(ds.map((d) => (d.data as DiagnosticData)[0]), [2, 2]);
    const all = service.doCodeActions(doc, ds[0].range, S, undefined, [ds[0]]).find((a) => a.title.startsWith('Alle 2'))!;
    assert.strictEqual(apply(doc, all), 'Elke opportunity telt.\n\nEen opportunity van een klant hier. En nog meer tekst.\n\nEn een opportunity van een klant daar.');
  });
});

describe('code actions resolved when chosen (codeAction/resolve)', () => {
  /** The actions as a client that resolves gets them, each resolved: what a client that does not resolve gets. */
  const resolvedAll = (doc: TextDocument, r: Range, ds?: Diagnostic[]) =>
    service.doCodeActions(doc, r, S, undefined, ds, true).map((a) => (a.edit ? a : service.resolveCodeAction(doc, JSON.parse(JSON.stringify(a)), S)));
  const strip = (a: CodeAction) => ({ ...a, data: undefined });

  it('fixes come with their title and data, without edits; resolved, each is the fix a client that does not resolve gets', () => {
    for (const text of [...DOCS.map((d) => d[1]), ...MORE]) {
      const doc = open(text);
      const ds = service.doValidation(doc, S);
      const lazy = service.doCodeActions(doc, whole(doc), S, undefined, ds, true);
      const eager = service.doCodeActions(doc, whole(doc), S, undefined, ds);
      assert.deepStrictEqual(lazy.map((a) => a.title), eager.map((a) => a.title), text);
      const fixes = lazy.filter((a) => !a.edit);
      assert.ok(fixes.length > 0, text);
      for (const a of fixes) assert.deepStrictEqual(Object.keys(a.data as CodeActionData).sort(), ['end', 'fix', 'rule', 'start', 'text', 'uri', 'version'], a.title);
      assert.deepStrictEqual(wire(resolvedAll(doc, whole(doc), ds).map(strip)), wire(eager.map(strip)), text);
    }
  });

  it('a "replace all" is fitted to each place only when resolved', () => {
    const doc = open(DOCS[2][1]);
    const ds = service.doValidation(doc, S);
    const lazy = service.doCodeActions(doc, whole(doc), S, undefined, ds, true);
    const all = lazy.find((a) => a.title.startsWith('Alle 2'))!;
    assert.strictEqual(all.edit, undefined);
    assert.strictEqual(apply(doc, service.resolveCodeAction(doc, all, S)), DOCS[2][1].replace(/kans/g, 'opportunity'));
  });

  it('an action of another version, of text changed since, or with data that is not the service\'s own, is given back as it came, with no edit', () => {
    const text = DOCS[2][1];
    const doc = open(text);
    const ds = service.doValidation(doc, S);
    const [a] = service.doCodeActions(doc, ds[0].range, S, undefined, ds, true).filter((x) => !x.edit);
    const later = TextDocument.create(doc.uri, 'markdown', 2, `Vandaag: ${text}`);
    assert.deepStrictEqual(service.resolveCodeAction(later, a, S), a);
    const sameVersion = TextDocument.create(doc.uri, 'markdown', 1, text.replace('Een kans', 'Een Kans'));
    assert.deepStrictEqual(service.resolveCodeAction(sameVersion, a, S), a);
    const data = a.data as CodeActionData;
    for (const x of [undefined, null, 'x', { ...data, fix: 9 }, { ...data, fix: '0' }, { ...data, uri: 'file:///other.md' }, { ...data, rule: 'spelling' }, { ...data, start: data.start + 1 }]) {
      const broken = { ...a, data: x };
      assert.deepStrictEqual(service.resolveCodeAction(doc, broken, S), broken, JSON.stringify(x));
    }
  });
});

describe('rule documentation links', () => {
  it('each diagnostic links its rule\'s section of the rules document the service is given', () => {
    const linked = getLanguageService(glossary, { rulesDocument: 'file:///ext/RULES.md' });
    for (const [, text, rule] of DOCS) {
      const ds = linked.doValidation(open(text), S);
      assert.ok(ds.some((d) => d.code === rule));
      for (const d of ds) assert.deepStrictEqual(d.codeDescription, { href: `file:///ext/RULES.md#${d.code}` });
    }
  });
  it('without a rules document, diagnostics have no link', () => {
    for (const d of service.doValidation(open(DOCS[0][1]), S)) assert.strictEqual(d.codeDescription, undefined);
  });
});

describe('Disable … for this line', () => {
  const TITLES: [Lang, string][] = [
    ['en', 'Disable the “Acronym not spelled out” check for this line'],
    ['sv', 'Stäng av kontrollen ”Förkortning inte utskriven” för den här raden'],
    ['nl', 'Controle ‘Inconsistente term’ uitschakelen voor deze regel'],
    ['pl', 'Wyłącz regułę „Błędne tłumaczenie” w tym wierszu'],
    ['zh-Hant', '在此行停用「誤譯」檢查'],
  ];
  for (const [lang, title] of TITLES) {
    it(`${lang}: is offered after the rule's own fixes, in the document's language`, () => {
      const text = DOCS.find((d) => d[0] === lang)![1];
      const doc = open(text);
      const [d] = service.doValidation(doc, S);
      const titles = service.doCodeActions(doc, d.range, S, undefined, [d]).map((a) => a.title);
      assert.strictEqual(titles[titles.length - 1], title);
      assert.ok(titles.length >= 2, 'the own fixes first');
    });
  }

  /** [what, text, rule of the diagnostic disabled, the text after the quick fix, language id]. */
  const CASES: [string, string, string, string, string?][] = [
    ['on the first line', 'Every MQL is reviewed.', 'acronym-undefined',
      '<!-- lingo-disable-next-line acronym-undefined -->\nEvery MQL is reviewed.'],
    ['on a later line', 'Our plan.\n\nEvery MQL is reviewed.\nThe end.', 'acronym-undefined',
      'Our plan.\n\n<!-- lingo-disable-next-line acronym-undefined -->\nEvery MQL is reviewed.\nThe end.'],
    ['indented as the line is', '- First item of the plan.\n  Every MQL is reviewed.', 'acronym-undefined',
      '- First item of the plan.\n  <!-- lingo-disable-next-line acronym-undefined -->\n  Every MQL is reviewed.'],
    ['within a block quote', '> Every MQL is reviewed.', 'acronym-undefined',
      '> <!-- lingo-disable-next-line acronym-undefined -->\n> Every MQL is reviewed.'],
    ['with the lines\' own line breaks', 'Our plan.\r\nEvery MQL is reviewed.\r\n', 'acronym-undefined',
      'Our plan.\r\n<!-- lingo-disable-next-line acronym-undefined -->\r\nEvery MQL is reviewed.\r\n'],
    ['added to the comment already above the line', '<!-- lingo-disable-next-line deprecated-term -->\nEvery MQL is reviewed.', 'acronym-undefined',
      '<!-- lingo-disable-next-line deprecated-term acronym-undefined -->\nEvery MQL is reviewed.'],
    ['in plain text, with the same comment', 'Our plan.\nEvery MQL is reviewed.', 'acronym-undefined',
      'Our plan.\n<!-- lingo-disable-next-line acronym-undefined -->\nEvery MQL is reviewed.', 'plaintext'],
    ['nl: on a line with two rules, only the one chosen', 'Elke MQL wordt besproken in de sales pijplijn.', 'deprecated-term',
      '<!-- lingo-disable-next-line deprecated-term -->\nElke MQL wordt besproken in de sales pijplijn.'],
    ['pl', 'Każdy typ ołowiu musi być opisany w umowie.', 'mistranslation',
      '<!-- lingo-disable-next-line mistranslation -->\nKażdy typ ołowiu musi być opisany w umowie.'],
    ['zh', '計畫如下。\n每個產品合格鉛都要在兩個工作天內跟進。', 'mistranslation',
      '計畫如下。\n<!-- lingo-disable-next-line mistranslation -->\n每個產品合格鉛都要在兩個工作天內跟進。'],
  ];
  for (const [what, text, rule, expected, languageId] of CASES) {
    it(`${what}: writes the comment, changes nothing else, and the problem is gone`, () => {
      const doc = open(text, languageId);
      const ds = service.doValidation(doc, S);
      const d = ds.find((x) => x.code === rule)!;
      const action = service.doCodeActions(doc, d.range, S, undefined, [d]).find((a) => a.title === disableTitle(doc, rule))!;
      assert.deepStrictEqual(action.diagnostics, [d]);
      const after = apply(doc, action);
      assert.strictEqual(after, expected);
      const again = open(after, languageId);
      const left = named(again, service.doValidation(again, S));
      assert.deepStrictEqual(left, named(doc, ds).filter((x) => x !== `${rule}:${doc.getText(d.range)}`), 'the others stay');
    });
  }

  it('one per line and rule, for every diagnostic of the rule there; both rules of a line can be disabled in turn', () => {
    const doc = open('Elke opportunity telt.\nEen kans en nog een kans gaan terug, en de MQL ook.');
    const ds = service.doValidation(doc, S);
    assert.deepStrictEqual(named(doc, ds), ['inconsistent-term:kans', 'inconsistent-term:kans', 'acronym-undefined:MQL']);
    const disables = service.doCodeActions(doc, whole(doc), S, undefined, ds).filter((a) => a.title.startsWith('Controle'));
    assert.deepStrictEqual(disables.map((a) => [a.title, a.diagnostics!.length]), [
      ['Controle ‘Inconsistente term’ uitschakelen voor deze regel', 2], ['Controle ‘Afkorting niet uitgeschreven’ uitschakelen voor deze regel', 1]]);
    const once = open(apply(doc, disables[0]));
    const rest = service.doValidation(once, S);
    const second = service.doCodeActions(once, whole(once), S, undefined, rest).find((a) => a.title.startsWith('Controle'))!;
    const twice = open(apply(once, second));
    assert.strictEqual(twice.getText(), 'Elke opportunity telt.\n<!-- lingo-disable-next-line inconsistent-term acronym-undefined -->\nEen kans en nog een kans gaan terug, en de MQL ook.');
    assert.deepStrictEqual(service.doValidation(twice, S), []);
  });

  it('also for a finding across files: the comment takes it away', () => {
    const scoped = getLanguageService(glossary);
    const a = open('Elke opportunity krijgt een eigenaar binnen een dag.');
    const across = (b: TextDocument) => {
      const found = crossFileFindings([scoped.consistencyNames(a, S, true)!, scoped.consistencyNames(b, S, true)!], () => 'team').get(b.uri) ?? [];
      scoped.setCrossFileFindings(b.uri, b.version, found);
      return scoped.doValidation(b, S);
    };
    const b = open('Een kans zonder eigenaar gaat terug naar marketing.');
    const [d] = across(b);
    assert.strictEqual(d.code, 'inconsistent-across-files');
    const action = scoped.doCodeActions(b, d.range, S, undefined, [d]).find((x) => x.title === disableTitle(b, 'inconsistent-across-files'))!;
    const b2 = TextDocument.create(b.uri, 'markdown', 2, apply(b, action));
    assert.strictEqual(b2.getText(), '<!-- lingo-disable-next-line inconsistent-across-files -->\nEen kans zonder eigenaar gaat terug naar marketing.');
    assert.deepStrictEqual(across(b2), []);
  });
});

/** The title of "Disable … for this line" for a rule, in a document's language. */
function disableTitle(doc: TextDocument, rule: string): string {
  const lang = service.analyze(doc, S)!.lang;
  const M = messages(lang);
  return M.disableForLine.replace('{0}', M.quote(ruleDeclaration(rule)!.text[lang].title));
}
