/** The checks and their quick fixes, per language. */
import * as assert from 'assert';
import { builtin, diagnostics, quickFixes, inlayHints } from '../helpers';
import { fitHint, HINT_MAX } from '../../server/src/service/inlayHints';

describe('acronyms', () => {
  const UNDEFINED: [string, string, string][] = [
    ['en', 'Every MQL is reviewed within two days by the sales team.', 'MQL'],
    ['sv', 'Varje MQL ska följas upp inom två dagar av säljaren.', 'MQL'],
    ['nl', 'Elke MQL moet binnen twee dagen worden opgevolgd door sales.', 'MQL'],
    ['pl', 'Każdy MQL musi zostać obsłużony w ciągu dwóch dni przez dział sprzedaży.', 'MQL'],
    ['zh', '每個MQL都必須在兩個工作天內由業務團隊跟進。', 'MQL'],
  ];
  for (const [lang, text, acr] of UNDEFINED) {
    it(`${lang}: flags ${acr} used before it is spelled out`, () => {
      const d = diagnostics(text).filter((x) => x.rule === 'acronym-undefined');
      assert.deepStrictEqual(d.map((x) => x.text), [acr]);
    });
  }

  it('accepts an acronym spelled out at its first use, and later bare uses', () => {
    const text = 'Every Marketing Qualified Lead (MQL) is reviewed within two days. Each MQL then becomes a lead for sales.';
    assert.deepStrictEqual(diagnostics(text).filter((x) => x.rule === 'acronym-undefined'), []);
  });
  it('accepts "ACR (expansion)"', () => {
    assert.deepStrictEqual(diagnostics('An MQL (marketing qualified lead) goes to sales within two days.').filter((x) => x.rule === 'acronym-undefined'), []);
  });
  it('flags only the first bare use', () => {
    assert.strictEqual(diagnostics('MQL one. MQL two. MQL three and the team must act.').filter((x) => x.rule === 'acronym-undefined').length, 1);
  });

  const FIXES: [string, string, string][] = [
    ['en', 'Every |MQL is reviewed within two days by the sales team.', 'Every Marketing Qualified Lead (MQL) is reviewed within two days by the sales team.'],
    ['nl', 'Elke |MQL moet binnen twee dagen worden opgevolgd door sales.', 'Elke marketing qualified lead (MQL) moet binnen twee dagen worden opgevolgd door sales.'],
    ['pl', 'Każdy |MQL musi zostać obsłużony w ciągu dwóch dni przez dział sprzedaży.', 'Każdy kwalifikowany lead marketingowy (MQL) musi zostać obsłużony w ciągu dwóch dni przez dział sprzedaży.'],
    ['sv', 'Varje |MQL ska följas upp inom två dagar av säljaren.', 'Varje marknadskvalificerat lead (MQL) ska följas upp inom två dagar av säljaren.'],
  ];
  for (const [lang, marked, expected] of FIXES) {
    it(`${lang}: quick fix spells the acronym out in the document's language`, () => {
      const { titles } = quickFixes(marked);
      assert.ok(titles.length > 0, 'no quick fix');
      const { result } = quickFixes(marked, titles.find((t) => t.includes('(MQL)')));
      assert.strictEqual(result, expected);
    });
  }

  it('shows the expansion as an inlay hint after the first bare use', () => {
    assert.deepStrictEqual(inlayHints('Every MQL is reviewed. Every MQL again.\nWe track the SQL rate of each team.'),
      [{ after: 'Every MQL', label: '(Marketing Qualified Lead)' }, { after: 'rack the SQL', label: '(Sales Qualified Lead)' }]);
  });
  it('keeps the inlay hints of a line within the 43 characters VS Code shows, cutting at a word', () => {
    assert.strictEqual(fitHint('Marketing Qualified Lead'), '(Marketing Qualified Lead)');
    assert.strictEqual(fitHint('umowa o gwarantowanym poziomie usług pomiędzy działami'), '(umowa o gwarantowanym poziomie usług…)');
    assert.ok(fitHint('x'.repeat(80))!.length <= HINT_MAX);
    assert.strictEqual(fitHint('Sales Qualified Lead', 9), undefined, 'too little room: no hint');
    // Two acronyms on one line share the room; on lines of their own each is whole.
    const oneLine = inlayHints('Every record in the CRM is checked, and the lead becomes an SQL soon.').map((h) => h.label);
    assert.ok(oneLine.join('').length <= HINT_MAX, JSON.stringify(oneLine));
    assert.strictEqual(oneLine[0], '(Customer Relationship Management)');
    assert.deepStrictEqual(inlayHints('Every record in the CRM is checked.\nThen the lead becomes an SQL soon.').map((h) => h.label), ['(Customer Relationship Management)', '(Sales Qualified Lead)']);
    const { glossary } = builtin();
    for (const t of glossary.terms.filter((x) => x.acronym)) {
      const label = inlayHints(`${t.text} ${t.text}`, { language: t.lang })[0]?.label;
      if (label) assert.ok(label.length <= HINT_MAX, `${t.text} (${t.lang}): ${label}`);
    }
  });

  it('shows no inlay hint for a spelled-out acronym', () => {
    assert.deepStrictEqual(inlayHints('Every Marketing Qualified Lead (MQL) is reviewed by the team.'), []);
  });
  it('zh: full-width parentheses spell an acronym out, and the fix writes them', () => {
    assert.deepStrictEqual(diagnostics('每位銷售開發代表（SDR）每天打五十通電話，SDR 也要在兩天內跟進。').filter((x) => x.rule === 'acronym-undefined'), []);
    const marked = '每位|SDR每天都必須打五十通電話，並在兩個工作天內跟進。';
    const { titles } = quickFixes(marked);
    assert.strictEqual(quickFixes(marked, titles[0]).result, '每位銷售開發代表（SDR）每天都必須打五十通電話，並在兩個工作天內跟進。');
  });
  it('shows the hint in the document language', () => {
    assert.deepStrictEqual(inlayHints('Każdy MQL musi zostać obsłużony w ciągu dwóch dni przez dział sprzedaży.').map((h) => h.label), ['(kwalifikowany lead marketingowy)']);
  });
});

describe('consistency', () => {
  it('nl: "opportunity" and "kans" in one SLA', () => {
    const text = 'Elke opportunity wordt binnen twee dagen opgevolgd. Een kans die niet wordt opgevolgd, gaat terug naar marketing en de accountmanager moet dat melden.';
    const d = diagnostics(text).filter((x) => x.rule === 'inconsistent-term');
    assert.deepStrictEqual(d.map((x) => [x.text, x.related]), [['kans', ['opportunity']]]);
    assert.match(d[0].message, /‘kans’.*‘opportunity’/);
  });
  it('sv: "säljtratt" and "sales funnel" in one playbook', () => {
    const text = 'Vår säljtratt har fyra steg. Varje sales funnel ska granskas varje vecka av säljchefen och det är viktigt att vi gör det.';
    const d = diagnostics(text).filter((x) => x.rule === 'inconsistent-term');
    assert.deepStrictEqual(d.map((x) => x.text), ['sales funnel']);
  });
  it('pl: inflected forms of two terms', () => {
    const text = 'Każda szansa sprzedażowa ma właściciela, a nowe okazje sprzedażowe trzeba opisać w ciągu dwóch dni.';
    const d = diagnostics(text).filter((x) => x.rule === 'inconsistent-term');
    assert.deepStrictEqual(d.map((x) => x.text), ['okazje sprzedażowe']);
  });
  it('a text that names two concepts (潛在客戶: lead or prospect) is left out of the check', () => {
    assert.deepStrictEqual(diagnostics('每個潛在客戶都要評分，準客戶則由業務在兩個工作天內跟進。').filter((x) => x.rule === 'inconsistent-term'), []);
  });
  it('a loanword the language admits is no inconsistency on its own', () => {
    assert.deepStrictEqual(diagnostics('Elke lead wordt binnen twee dagen opgevolgd en iedere lead krijgt een eigenaar van het team.').filter((x) => x.rule === 'inconsistent-term'), []);
  });
  it('inflected forms of one term are one term', () => {
    assert.deepStrictEqual(diagnostics('Elke kans telt. Alle kansen worden binnen twee dagen opgevolgd door het team.').filter((x) => x.rule === 'inconsistent-term'), []);
  });

  it('quick fixes: replace this one, replace all', () => {
    const marked = 'Elke opportunity wordt opgevolgd. Een |kans gaat terug, en nog een kans ook, en de accountmanager moet dat melden.';
    const { titles } = quickFixes(marked);
    assert.deepStrictEqual(titles, ['Vervangen door ‘opportunity’', 'Alle 2 in dit document vervangen door ‘opportunity’', 'Controle ‘Inconsistente term’ uitschakelen voor deze regel']);
    assert.strictEqual(quickFixes(marked, titles[0]).result, 'Elke opportunity wordt opgevolgd. Een opportunity gaat terug, en nog een kans ook, en de accountmanager moet dat melden.');
    assert.strictEqual(quickFixes(marked, titles[1]).result, 'Elke opportunity wordt opgevolgd. Een opportunity gaat terug, en nog een opportunity ook, en de accountmanager moet dat melden.');
  });
});

describe('deprecated terms and mistranslations', () => {
  const CASES: [string, string, string, string][] = [
    ['zh', '我們的|特別提款權每天要打五十通電話，並在兩個工作天內跟進。', 'mistranslation', '我們的銷售開發代表每天要打五十通電話，並在兩個工作天內跟進。'],
    ['zh', '每個|產品合格鉛都要在兩個工作天內跟進。', 'mistranslation', '每個產品合格潛在客戶都要在兩個工作天內跟進。'],
    ['pl', 'Każdy |typ ołowiu musi być opisany w umowie i sprawdzony w ciągu miesiąca.', 'mistranslation', 'Każdy typ leada musi być opisany w umowie i sprawdzony w ciągu miesiąca.'],
  ];
  for (const [lang, marked, rule, expected] of CASES) {
    it(`${lang}: ${marked.slice(0, 30)}`, () => {
      const d = diagnostics(marked.replace('|', '')).filter((x) => x.rule === rule);
      assert.strictEqual(d.length, 1, JSON.stringify(d));
      const { titles } = quickFixes(marked);
      assert.strictEqual(quickFixes(marked, titles[0]).result, expected);
    });
  }
});

describe('settings', () => {
  it('a rule set to off reports nothing', () => {
    assert.deepStrictEqual(diagnostics('Every MQL is reviewed within two days by the team.', { rules: { 'acronym-undefined': 'off' } }), []);
  });
  it('ignored words are never reported', () => {
    assert.deepStrictEqual(diagnostics('Every MQL is reviewed within two days by the team.', { ignoreWords: ['mql'] }), []);
  });
  it('only the chosen languages are checked', () => {
    const text = 'Elke opportunity wordt binnen twee dagen opgevolgd. Een kans die niet wordt opgevolgd, gaat terug naar marketing.';
    assert.deepStrictEqual(diagnostics(text, { languages: ['nl'] }).filter((x) => x.rule === 'inconsistent-term').length, 1);
    assert.deepStrictEqual(diagnostics(text, { languages: ['sv'] }), []);
  });
  it('shows at most lingo.maxProblems problems, the last a notice of how many more there are, in the document language', () => {
    const text = 'Elke opportunity telt. ' + Array.from({ length: 6 }, () => 'Een kans van een klant telt ook.').join(' ');
    assert.strictEqual(diagnostics(text, { maxProblems: 0 }).length, 6);
    const d = diagnostics(text, { maxProblems: 4 });
    assert.deepStrictEqual(d.map((x) => `${x.rule}:${x.text}`), ['inconsistent-term:kans', 'inconsistent-term:kans', 'inconsistent-term:kans', 'undefined:kans']);
    assert.strictEqual(d[3].message, 'Nog 3 meldingen vanaf hier worden niet getoond: per document worden er ten hoogste 4 getoond (instelling lingo.maxProblems).');
    assert.strictEqual(diagnostics(text, { maxProblems: 6 }).length, 6, 'at the limit: all of them, no notice');
    assert.strictEqual(diagnostics(text).length, 6, 'the default limit is 1,000');
  });
  it('offers quick fixes only for the problems it shows (lingo.maxProblems)', () => {
    const text = 'Elke opportunity telt. ' + Array.from({ length: 6 }, () => 'Een kans van een klant telt ook.').join(' ');
    const at = (k: number) => { const i = text.split('kans', k).join('kans').length; return text.slice(0, i + 2) + '|' + text.slice(i + 2); };
    assert.ok(quickFixes(at(3), undefined, { maxProblems: 4 }).titles.length > 0, 'the third "kans" is shown: it has fixes');
    assert.deepStrictEqual(quickFixes(at(4), undefined, { maxProblems: 4 }).titles, [], 'the fourth is only counted in the notice');
    assert.ok(quickFixes(at(4), undefined, { maxProblems: 0 }).titles.length > 0, 'with no limit it has fixes too');
  });
  it('a fixed language decides the language of messages', () => {
    const d = diagnostics('Every MQL is reviewed within two days by the sales team.', { language: 'sv' });
    assert.match(d[0].message, /används innan/);
  });
});

describe('inline control comments', () => {
  const rules = (text: string) => diagnostics(text).map((d) => `${d.rule}:${d.text}`);
  it('disables every rule for the next line', () => {
    assert.deepStrictEqual(rules('<!-- lingo-disable-next-line -->\nEvery MQL is reviewed.\nEach SQL too, and the team must act.'), ['acronym-undefined:SQL']);
  });
  it('disables named rules for a block, until enabled again', () => {
    const text = 'Elke opportunity telt.\n<!-- lingo-disable inconsistent-term -->\nEen kans van een klant telt ook.\n<!-- lingo-enable inconsistent-term -->\nNog een kans, en de accountmanager moet dat melden.';
    assert.deepStrictEqual(rules(text), ['inconsistent-term:kans']);
    assert.strictEqual(diagnostics(text).length, 1);
    assert.match(diagnostics(text)[0].message, /kans/);
  });
  it('disables rules for the whole file', () => {
    assert.deepStrictEqual(rules('Every MQL and SQL.\n<!-- lingo-disable-file acronym-undefined -->'), []);
  });
  it('leaves other rules alone', () => {
    assert.deepStrictEqual(rules('<!-- lingo-disable-file inconsistent-term -->\nEvery MQL is reviewed by the team.'), ['acronym-undefined:MQL']);
  });
});
