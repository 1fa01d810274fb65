/**
 * Rename: the concept under the cursor gets one name in a language, across the document or the workspace. The new
 * name is any form of a term of the concept in any language; every occurrence in the files of that term's language
 * becomes that term, written to fit (case, and inflection: replace.ts); other languages and code are untouched.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtin, prepareRename, rename, settings, workspace } from '../helpers';

describe('prepare rename', () => {
  /** [document with cursor, the range's text and placeholder, or the refusal] */
  const CASES: [string, { text: string; placeholder: string } | { error: string }][] = [
    ['Every |Opportunity in the pipeline has an owner in the CRM.', { text: 'Opportunity', placeholder: 'Opportunity' }],
    ['Every opportunity has an owner; each |MQL goes to sales within two days.', { text: 'MQL', placeholder: 'MQL' }],
    ['Varje affärsmöjlighet i |pipelinen har en ägare, och säljaren följer upp den varje vecka.', { text: 'pipelinen', placeholder: 'pipelinen' }],
    ['Elke |Kansen in de pipeline heeft een eigenaar in het CRM.', { text: 'Kansen', placeholder: 'Kansen' }],
    ['Handlowiec zamyka |szansę sprzedażową w CRM, gdy klient podpisze umowę.', { text: 'szansę sprzedażową', placeholder: 'szansę sprzedażową' }],
    ['每個|商機都有負責人，業務也會在 CRM 中更新銷售機會的階段。', { text: '商機', placeholder: '商機' }],
    ['每个商机都有负责人，业务也会在 CRM 中更新|销售机会的阶段。', { text: '销售机会', placeholder: '销售机会' }],
    // A doubtful occurrence (possibly the everyday word) can be renamed: the person renaming it says it is the term.
    ['Dat is een |kans voor ons.', { text: 'kans', placeholder: 'kans' }],
    // Not on a term: a sentence in the document's language.
    ['Every opportunity in the pipeline |has an owner in the CRM.', { error: 'Put the cursor on a glossary term to rename it.' }],
    ['Varje affärsmöjlighet i pipelinen har en |ägare, och säljaren följer upp den varje vecka.', { error: 'Ställ markören på en term från ordlistan för att byta namn på den.' }],
    ['Elke kans in de pipeline heeft een |eigenaar in het CRM.', { error: 'Zet de cursor op een term uit de woordenlijst om die te hernoemen.' }],
    ['Każda szansa sprzedażowa w lejku ma właściciela, a handlowiec |zamyka ją w CRM.', { error: 'Aby zmienić nazwę, ustaw kursor na terminie ze słowniczka.' }],
    ['每個商機都有負責人，業務也會|在 CRM 中更新。', { error: '請將游標移到詞彙表中的術語上，再重新命名。' }],
    // In code, a URL or a link target.
    ['The field `oppor|tunity` holds the id of each opportunity in the CRM.', { error: 'Lingo renames only terms in the text, not code, links or addresses.' }],
    ['Elke kans in de pipeline heeft een eigenaar in het CRM. Zie https://example.com/op|portunity hier.', { error: 'Lingo hernoemt alleen termen in de tekst, geen code, links of adressen.' }],
    ['Handlowiec zamyka szansę sprzedażową w [CRM](https://crm.example.com/sz|ansa), gdy klient podpisze umowę.', { error: 'Lingo zmienia tylko terminy w tekście, nie kod, linki ani adresy.' }],
  ];
  for (const [marked, want] of CASES) {
    it(marked.slice(0, 60), () => assert.deepStrictEqual(prepareRename(marked), want));
  }

  it('refuses a file that is not checked, saying why', () => {
    const doc = TextDocument.create('file:///test/big.md', 'markdown', 1, `opportunity ${'x'.repeat(1024 * 1024)}`);
    const r = builtin().service.prepareRename(doc, { line: 0, character: 2 }, settings({ maxFileSizeMB: 1 }));
    assert.ok('error' in r && /over the 1 MB limit/.test(r.error), JSON.stringify(r));
  });
});

interface Row {
  /** The files by name; one marks the cursor with `|`. */
  files: Record<string, string>;
  newName: string;
  /** Each file's text after the rename (all files), or the refusal. */
  want: Record<string, string> | { error: string };
}

const ROWS: [string, Row][] = [
  ['nl: unifies the concept in the Dutch files of the workspace; the English file keeps its own name', {
    files: {
      'a.md': 'Elke |kans in de pipeline heeft een eigenaar; elke opportunity in het CRM ook.',
      'b.md': 'De Opportunity gaat naar de volgende fase in het CRM; de accountmanager volgt de deal op.',
      'c.md': 'Every opportunity in the pipeline has an owner in the CRM.',
    },
    newName: 'verkoopkans',
    want: {
      'a.md': 'Elke verkoopkans in de pipeline heeft een eigenaar; elke verkoopkans in het CRM ook.',
      'b.md': 'De Verkoopkans gaat naar de volgende fase in het CRM; de accountmanager volgt de verkoopkans op.',
      'c.md': 'Every opportunity in the pipeline has an owner in the CRM.',
    },
  }],
  ['nl: the new name may be typed in any form; forms of it already there stay', {
    files: { 'a.md': 'Elke |kans in de pipeline heeft een eigenaar in het CRM; de verkoopkansen ook.' },
    newName: 'Verkoopkansen',
    want: { 'a.md': 'Elke verkoopkans in de pipeline heeft een eigenaar in het CRM; de verkoopkansen ook.' },
  }],
  ['nl: plurals stay plural', {
    files: { 'a.md': 'Alle |kansen in de pipeline hebben een eigenaar in het CRM, net als de deals van vorig jaar.' },
    newName: 'verkoopkans',
    want: { 'a.md': 'Alle verkoopkansen in de pipeline hebben een eigenaar in het CRM, net als de verkoopkansen van vorig jaar.' },
  }],
  ['nl: doubtful occurrences stay, but for the one renamed', {
    files: { 'a.md': 'Dat is een |kans voor ons. Ook dat is een kans voor hen.\n\nElke opportunity in het CRM heeft een eigenaar.' },
    newName: 'verkoopkans',
    want: { 'a.md': 'Dat is een verkoopkans voor ons. Ook dat is een kans voor hen.\n\nElke verkoopkans in het CRM heeft een eigenaar.' },
  }],
  ['nl: doubtful occurrences stay when the rename starts elsewhere', {
    files: { 'a.md': 'Dat is een kans voor ons. Ook dat is een kans voor hen.\n\nElke |opportunity in het CRM heeft een eigenaar.' },
    newName: 'verkoopkans',
    want: { 'a.md': 'Dat is een kans voor ons. Ook dat is een kans voor hen.\n\nElke verkoopkans in het CRM heeft een eigenaar.' },
  }],
  ['nl: code is untouched', {
    files: { 'a.md': 'Elke |kans in de pipeline heeft een eigenaar in het CRM; het veld heet `opportunity`.' },
    newName: 'verkoopkans',
    want: { 'a.md': 'Elke verkoopkans in de pipeline heeft een eigenaar in het CRM; het veld heet `opportunity`.' },
  }],
  ['nl: a name glossed in parentheses keeps its gloss', {
    files: { 'a.md': 'Elke |kans (opportunity) in de pipeline heeft een eigenaar in het CRM; de deal ook.' },
    newName: 'verkoopkans',
    want: { 'a.md': 'Elke verkoopkans (opportunity) in de pipeline heeft een eigenaar in het CRM; de verkoopkans ook.' },
  }],
  ['nl: …and stays when its gloss is the new name already', {
    files: { 'a.md': 'Elke |kans (opportunity) in de pipeline heeft een eigenaar in het CRM; de deal ook.' },
    newName: 'opportunity',
    want: { 'a.md': 'Elke kans (opportunity) in de pipeline heeft een eigenaar in het CRM; de opportunity ook.' },
  }],
  ['en: to an acronym; the spelled-out form with it stays', {
    files: { 'a.md': 'Each |marketing qualified lead (MQL) goes to sales, and the marketing qualified lead is scored.' },
    newName: 'MQL',
    want: { 'a.md': 'Each marketing qualified lead (MQL) goes to sales, and the MQL is scored.' },
  }],
  ['en: from an acronym, in the term\'s own case', {
    files: { 'a.md': 'Each marketing qualified lead (MQL) goes to sales, and every |MQL is scored.' },
    newName: 'marketing qualified lead',
    want: { 'a.md': 'Each marketing qualified lead (MQL) goes to sales, and every marketing qualified lead is scored.' },
  }],
  ['en: in the case each occurrence is written in', {
    files: { 'a.md': 'Every |deal in the pipeline has an owner in the CRM. Every Deal is in the CRM. OPP COUNT: see the CRM.' },
    newName: 'OPPORTUNITY',
    want: { 'a.md': 'Every opportunity in the pipeline has an owner in the CRM. Every Opportunity is in the CRM. OPPORTUNITY COUNT: see the CRM.' },
  }],
  ['en: plurals stay plural', {
    files: { 'a.md': 'Each |Deal in the pipeline has an owner in the CRM, and all deals are reviewed weekly.' },
    newName: 'opportunity',
    want: { 'a.md': 'Each Opportunity in the pipeline has an owner in the CRM, and all opportunities are reviewed weekly.' },
  }],
  ['en: a name of another language renames the files of that language only', {
    files: {
      'a.md': 'Every |deal in the pipeline has an owner in the CRM.',
      'b.md': 'Elke kans in de pipeline heeft een eigenaar in het CRM.',
    },
    newName: 'verkoopkans',
    want: { 'a.md': 'Every deal in the pipeline has an owner in the CRM.', 'b.md': 'Elke verkoopkans in de pipeline heeft een eigenaar in het CRM.' },
  }],
  ['sv: to the preferred term', {
    files: { 'a.md': 'Varje |deal i pipelinen har en ägare i CRM-systemet och säljaren följer upp den varje vecka.' },
    newName: 'affärsmöjlighet',
    want: { 'a.md': 'Varje affärsmöjlighet i pipelinen har en ägare i CRM-systemet och säljaren följer upp den varje vecka.' },
  }],
  ['sv: definite forms stay definite', {
    files: { 'a.md': 'Varje |opportunity i pipelinen har en ägare i CRM-systemet, och opportunityn följs upp varje vecka.' },
    newName: 'affärsmöjlighet',
    want: { 'a.md': 'Varje affärsmöjlighet i pipelinen har en ägare i CRM-systemet, och affärsmöjligheten följs upp varje vecka.' },
  }],
  ['pl: nominative to nominative', {
    files: { 'a.md': 'Każda |szansa sprzedaży w lejku ma właściciela w CRM i wartość w prognozie.' },
    newName: 'szansa sprzedażowa',
    want: { 'a.md': 'Każda szansa sprzedażowa w lejku ma właściciela w CRM i wartość w prognozie.' },
  }],
  ['pl: each case kept, across files', {
    files: {
      'a.md': 'Każda |szansa sprzedaży w lejku ma właściciela w CRM i wartość w prognozie.',
      'b.md': 'Handlowiec zamyka szansę sprzedaży w CRM, gdy klient podpisze umowę. Szczegóły szansy sprzedaży są w CRM.',
    },
    newName: 'szansa sprzedażowa',
    want: {
      'a.md': 'Każda szansa sprzedażowa w lejku ma właściciela w CRM i wartość w prognozie.',
      'b.md': 'Handlowiec zamyka szansę sprzedażową w CRM, gdy klient podpisze umowę. Szczegóły szansy sprzedażowej są w CRM.',
    },
  }],
  ['pl: instrumental and locative plural', {
    files: { 'a.md': 'Handlowiec pracuje nad |okazjami sprzedażowymi w CRM i rozmawia o okazjach sprzedażowych na spotkaniu z klientem.' },
    newName: 'szansa sprzedażowa',
    want: { 'a.md': 'Handlowiec pracuje nad szansami sprzedażowymi w CRM i rozmawia o szansach sprzedażowych na spotkaniu z klientem.' },
  }],
  ['sv: definite plural and genitive', {
    files: { 'a.md': 'Säljaren går igenom |affärerna i pipelinen och affärens värde i CRM-systemet varje vecka.' },
    newName: 'affärsmöjlighet',
    want: { 'a.md': 'Säljaren går igenom affärsmöjligheterna i pipelinen och affärsmöjlighetens värde i CRM-systemet varje vecka.' },
  }],
  ['nl: from an English plural to a Dutch one', {
    files: { 'a.md': 'Alle |opportunities in de pipeline hebben een eigenaar in het CRM.' },
    newName: 'verkoopkans',
    want: { 'a.md': 'Alle verkoopkansen in de pipeline hebben een eigenaar in het CRM.' },
  }],
  ['en: possessives', {
    files: { 'a.md': "The |deal's owner updates the CRM, and the opportunities' stages are reviewed weekly." },
    newName: 'opportunity',
    want: { 'a.md': "The opportunity's owner updates the CRM, and the opportunities' stages are reviewed weekly." },
  }],
  ['zh-Hant: a gloss in full-width parentheses stays', {
    files: { 'a.md': '每個|銷售機會（商機）都有負責人，業務也會在 CRM 中更新業務機會的階段。' },
    newName: '商機',
    want: { 'a.md': '每個銷售機會（商機）都有負責人，業務也會在 CRM 中更新商機的階段。' },
  }],
  ['zh-Hant: Simplified input is its Traditional term', {
    files: { 'a.md': '每個|銷售機會都有負責人，業務也會在 CRM 中更新業務機會的階段。' },
    newName: '商机',
    want: { 'a.md': '每個商機都有負責人，業務也會在 CRM 中更新商機的階段。' },
  }],
  // Refusals, in the language of the document the rename is asked in, with the names to choose from there.
  ['en: not a name of the concept', {
    files: { 'a.md': 'Every |opportunity in the pipeline has an owner in the CRM.' },
    newName: 'chance',
    want: { error: '“chance” is not a name for “opportunity” in the glossary. Rename to one of: opportunity, sales opportunity, deal, opp.' },
  }],
  ['en: a name of another concept', {
    files: { 'a.md': 'Every |opportunity in the pipeline has an owner in the CRM.' },
    newName: 'funnel',
    want: { error: 'In the glossary, “funnel” is a name for “sales funnel”, not for “opportunity”. Rename to one of: opportunity, sales opportunity, deal, opp.' },
  }],
  ['sv: another concept called so', {
    files: { 'a.md': 'Varje |affärsmöjlighet i pipelinen har en ägare i CRM-systemet, och säljaren följer upp den varje vecka.' },
    newName: 'lead',
    want: { error: 'I ordlistan är ”lead” ett annat begrepp, inte ”affärsmöjlighet”. Välj något av dessa: affärsmöjlighet, opportunity, deal, affär, opp.' },
  }],
  ['nl: not a name of the concept', {
    files: { 'a.md': 'Elke |kans in de pipeline heeft een eigenaar in het CRM.' },
    newName: 'mogelijkheid',
    want: { error: '‘mogelijkheid’ is in de woordenlijst geen naam voor ‘opportunity’. Kies een van deze: opportunity, deal, verkoopkans, saleskans, kans.' },
  }],
  ['pl: a term to avoid', {
    files: { 'a.md': 'Każda |szansa sprzedażowa w lejku ma właściciela w CRM.' },
    newName: 'okazja',
    want: { error: 'Według słowniczka dla pojęcia „szansa sprzedażowa” należy unikać nazwy „okazja”. Wybierz jedną z nazw: szansa sprzedażowa, szansa sprzedaży, szansa, deal, transakcja, okazja sprzedażowa, opportunity.' },
  }],
  ['zh-Hant: not a name of the concept', {
    files: { 'a.md': '每個|商機都有負責人，業務也會在 CRM 中更新階段。' },
    newName: '機會',
    want: { error: '在詞彙表中，「機會」不是「商機」的名稱。請改用下列其中之一：商機、銷售機會、業務機會、案子。' },
  }],
];

describe('rename', () => {
  for (const [title, row] of ROWS) {
    it(title, () => {
      assert.deepStrictEqual(rename(row.files, row.newName), row.want);
    });
  }

  it('edits exactly the occurrences, one undoable edit per file', () => {
    const ws = workspace({
      'a.md': 'Elke |kans in de pipeline heeft een eigenaar.\nElke opportunity in het CRM ook.',
      'b.md': 'De deal gaat naar de volgende fase in het CRM.',
      'c.md': 'De verkoopkans gaat naar de volgende fase in het CRM.',
    });
    const service = builtin().service;
    const concept = builtin().glossary.byId.get('opportunity')!;
    const r = service.renameEdits({ concept, newName: 'verkoopkans', lang: 'nl' }, ws.indexes);
    assert.ok(!('error' in r));
    assert.strictEqual(r.term.lang, 'nl');
    assert.deepStrictEqual(Object.keys(r.changes).map(ws.nameOf), ['a.md', 'b.md']);
    assert.deepStrictEqual(r.changes['file:///ws/a.md'], [
      { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } }, newText: 'verkoopkans' },
      { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 16 } }, newText: 'verkoopkans' },
    ]);
  });

  it('resolves a name in the asking document\'s language first, then English', () => {
    const { glossary, service } = builtin();
    const concept = glossary.byId.get('opportunity')!;
    const termOf = (newName: string, lang: 'en' | 'sv' | 'nl' | 'pl' | 'zh-Hant') => {
      const r = service.renameEdits({ concept, newName, lang }, []);
      return 'error' in r ? r.error : `${r.term.text}/${r.term.lang}`;
    };
    assert.strictEqual(termOf('opportunity', 'nl'), 'opportunity/nl');
    assert.strictEqual(termOf('opportunities', 'sv'), 'opportunity/sv');
    assert.strictEqual(termOf('Opportunity', 'zh-Hant'), 'opportunity/en');
    assert.strictEqual(termOf('  deal ', 'pl'), 'deal/pl');
    assert.strictEqual(termOf('affärsmöjligheterna', 'en'), 'affärsmöjlighet/sv');
  });
});
