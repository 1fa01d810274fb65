import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completions, docAt } from '../helpers';

describe('completion', () => {
  const CASES: [string, string, string][] = [
    ['en', 'We review every lead sco|', 'lead scoring'],
    ['en', 'Our sales fun|', 'sales funnel'],
    ['sv', 'Vi bygger en säljtr|', 'säljtratt'],
    ['nl', 'Elke oppo|', 'opportunity'],
    ['pl', 'Każdy lejek sprze|', 'lejek sprzedażowy'],
    ['zh', '我們的銷售漏|', '銷售漏斗'],
  ];
  for (const [lang, marked, label] of CASES) {
    it(`${lang}: ${marked}`, () => {
      const items = completions(marked);
      assert.ok(items.some((i) => i.label === label), items.map((i) => i.label).join(', '));
    });
  }
  it('replaces the words of the term already typed, not only the last one', () => {
    const marked = 'Each marketing qual|';
    const item = completions(marked).find((i) => i.label === 'marketing qualified lead');
    assert.ok(item, 'no item');
    const { doc } = docAt(marked);
    const edit = item!.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    assert.strictEqual(TextDocument.applyEdits(doc, [edit]), 'Each marketing qualified lead');
  });
  it('completes a term of several words from the first letter of its next word', () => {
    assert.ok(completions('Hand every marketing q|').some((i) => i.label === 'marketing qualified lead'));
  });
  it('needs two letters', () => assert.deepStrictEqual(completions('A l|'), []));
  it('is fuzzy', () => assert.ok(completions('leed scoring|').some((i) => i.label === 'lead scoring')));
  it('puts the document language first', () => {
    const items = completions('Varje lead ska följas upp av säljaren inom två dagar. Vår säljtr|');
    assert.strictEqual(items[0].label, 'säljtratt');
  });
  it('offers the term with its definition, and an acronym with its expansion', () => {
    const items = completions('Each MQ|');
    const acr = items.find((i) => i.label.startsWith('MQL →'));
    assert.ok(acr, items.map((i) => i.label).join(', '));
    assert.strictEqual((acr!.textEdit as { newText: string }).newText, 'Marketing Qualified Lead (MQL)');
    const def = completions('Each sales fun|').find((i) => i.label === 'sales funnel …');
    assert.ok(def && (def.textEdit as { newText: string }).newText.startsWith('sales funnel ('));
    assert.ok((def!.documentation as { value: string }).value.length > 20);
  });
});
