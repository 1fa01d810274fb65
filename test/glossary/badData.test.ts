/** Bad team glossary data: a clear message naming file, entry and field, and nothing lost. */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGlossary, getLanguageService, mergeGlossaries } from '../../server/src/service';
import { positionAt, readWorkspaceGlossary } from '../../server/src/node/workspaceGlossary';


const FILE = '/w/lingo.glossary.json';
const concept = (id: string, text: string, status = 'preferred') => ({ id, name: id, langs: { en: { terms: [{ text, status }] } } });
const json = (concepts: unknown[]) => JSON.stringify({ concepts }, null, 2);

/** Reads a team glossary text; merges what is valid over the built-in glossary; returns the messages. */
function load(text: string) {
  const wg = readWorkspaceGlossary(FILE, text);
  const where = (off: number) => { const p = positionAt(text, off); return `${p.line + 1}:${p.character + 1}`; };
  return { wg, messages: wg.issues.map((i) => `${where(i.start)} ${i.entry} ${i.field} ${i.message}`) };
}

describe('bad team glossary files', () => {
  const CASES: [string, string, RegExp][] = [
    ['not JSON', '{\n  "concepts": [\n    { "id": "x", }\n  ]\n}', /^3:\d+ \(file\) line 3, column \d+ is not valid JSON/],
    ['a broken field', json([{ id: 'opportunity', langs: { nl: { terms: [{ text: 'kans', status: 'best' }] } } }]), /^\d+:\d+ opportunity langs\.nl\.terms\[0\]\.status must be one of "preferred", "admitted", "deprecated"$/],
    ['an unknown field', json([{ id: 'opportunity', colour: 'red' }]), /opportunity colour has an unknown field "colour"/],
    ['a term of 10,000 characters', json([concept('long', 'x'.repeat(10000))]), /long langs\.en\.terms\[0\]\.text is too long \(at most 200 characters\)/],
    ['a file of 10 MB', json([concept('big', 'big')]).replace('{', '{' + ' '.repeat(10 * 1024 * 1024)), /\(file\)\s+is 10\.0 MB, more than the 5 MB a team glossary may have/],
  ];
  for (const [what, text, expected] of CASES) {
    it(what, () => {
      const { wg, messages } = load(text);
      assert.strictEqual(wg.source, undefined, 'a broken file is not used');
      assert.ok(messages.some((m) => expected.test(m)), messages.join('\n'));
    });
  }

  it('duplicate ids: the second is reported and left out, the first works', () => {
    const { wg } = load(json([concept('demo-day', 'demo day'), concept('demo-day', 'demo night')]));
    const { sources, issues } = mergeGlossaries([], [wg.source!]);
    assert.deepStrictEqual(issues.map((i) => `${i.entry} ${i.field} ${i.message}`), ['demo-day id is used twice in this file; the second entry is left out']);
    const g = buildGlossary(sources).glossary;
    assert.deepStrictEqual(g.terms.map((t) => t.text), ['demo day']);
  });

  it('terms full of regular-expression characters are plain text', () => {
    const { wg } = load(json([concept('odd', '(.*)+[a-z]?$^ \\d{2}|x')]));
    const { sources } = mergeGlossaries([], [wg.source!]);
    const service = getLanguageService(buildGlossary(sources).glossary);
    const text = 'We track (.*)+[a-z]?$^ \\d{2}|x weekly, not (aaaa)+ or anything else.';
    const doc = TextDocument.create('file:///d.md', 'markdown', 1, text);
    const a = service.analyze(doc)!;
    assert.deepStrictEqual(a.occurrences.map((o) => text.slice(o.start, o.end)), ['(.*)+[a-z]?$^ \\d{2}|x']);
  });
});
