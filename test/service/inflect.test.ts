import * as assert from 'assert';
import { inflect, inflectTagged, SLOT_ORDER, type InflectHints, type InflectLang } from '../../server/src/service/inflect';
import { builtin } from '../helpers';

/** [lang, text, hints, forms that must be included, forms that must not be included] */
type Case = [InflectLang, string, InflectHints, string[], string[]];

function check(cases: Case[]): void {
  for (const [lang, text, hints, must, mustNot] of cases) {
    it(`${lang} ${text}${Object.keys(hints).length ? ' ' + JSON.stringify(hints) : ''}`, () => {
      const forms = inflect(lang, text, hints);
      assert.strictEqual(forms[0], text, 'the text itself comes first');
      assert.strictEqual(new Set(forms).size, forms.length, 'forms are distinct');
      const missing = must.filter((f) => !forms.includes(f));
      assert.deepStrictEqual(missing, [], `missing from: ${forms.join(', ')}`);
      const wrong = mustNot.filter((f) => forms.includes(f));
      assert.deepStrictEqual(wrong, [], `should not generate`);
    });
  }
}

describe('inflect', () => {
  describe('Polish', () => {
    check([
      ['pl', 'okazja', { gender: 'f' },
        ['okazji', 'okazję', 'okazją', 'okazjo', 'okazje', 'okazjom', 'okazjami', 'okazjach'], ['okazjy', 'okazjai']],
      // adjectives before and after the head, head given
      ['pl', 'kwalifikowany lead marketingowy', { gender: 'm3', head: 1 },
        ['kwalifikowanych leadów marketingowych', 'kwalifikowanego leada marketingowego', 'kwalifikowanego leadu marketingowego',
          'kwalifikowanym leadem marketingowym', 'kwalifikowanym leadzie marketingowym', 'kwalifikowane leady marketingowe',
          'kwalifikowanymi leadami marketingowymi'],
        ['kwalifikowany leada marketingowy', 'kwalifikowani leady marketingowi']],
      // same term, head found without the hint
      ['pl', 'kwalifikowany lead marketingowy', { gender: 'm3' }, ['kwalifikowanemu leadowi marketingowemu'], []],
      // adjective after the head, then a prepositional phrase that stays
      ['pl', 'lead zakwalifikowany przez marketing', { gender: 'm3', head: 0 },
        ['leada zakwalifikowanego przez marketing', 'leady zakwalifikowane przez marketing', 'leadów zakwalifikowanych przez marketing'],
        ['leadów zakwalifikowanych przez marketingu', 'leadów zakwalifikowanych przez marketingów']],
      // genitive complements stay as they are
      ['pl', 'koszt pozyskania klienta', { gender: 'm3' },
        ['kosztu pozyskania klienta', 'koszty pozyskania klienta', 'kosztów pozyskania klienta', 'koszcie pozyskania klienta'],
        ['kosztu pozyskania klienty', 'kosztu pozyskaniu klienta']],
      ['pl', 'wskaźnik konwersji', { gender: 'm3' },
        ['wskaźnika konwersji', 'wskaźniki konwersji', 'wskaźnikiem konwersji'], ['wskaźnika konwersjiego', 'wskaźnika konwersjego']],
      ['pl', 'kanał sprzedaży', { gender: 'm3' }, ['kanału sprzedaży', 'kanale sprzedaży', 'kanałów sprzedaży'], ['kanału sprzedażego']],
      // m1: personal plural and accusative = genitive
      ['pl', 'przedstawiciel handlowy', { gender: 'm1' },
        ['przedstawiciela handlowego', 'przedstawiciele handlowi', 'przedstawicieli handlowych', 'przedstawicielom handlowym'],
        ['przedstawiciele handlowe']],
      ['pl', 'kluczowy klient', { gender: 'm1' },
        ['kluczowi klienci', 'kluczowych klientów', 'kluczowym kliencie', 'kluczowemu klientowi'], ['kluczowe klienty']],
      ['pl', 'specjalista', { gender: 'm1' }, ['specjalisty', 'specjaliście', 'specjaliści', 'specjalistów'], ['specjalisci']],
      ['pl', 'handlowiec', { gender: 'm1' }, ['handlowca', 'handlowcem', 'handlowcy', 'handlowców'], ['handlowieca']],
      // k → c, fleeting e, soft and foreign -ia stems
      ['pl', 'marka', { gender: 'f' }, ['marki', 'marce', 'markę', 'marek', 'markach'], ['markie']],
      ['pl', 'strategia marketingowa', {},
        ['strategii marketingowej', 'strategię marketingową', 'strategie marketingowe', 'strategiach marketingowych'], ['strategi']],
      ['pl', 'sprzedaż bezpośrednia', { gender: 'f' },
        ['sprzedaży bezpośredniej', 'sprzedażą bezpośrednią', 'sprzedaży bezpośrednich'], []],
      ['pl', 'lejek sprzedażowy', { gender: 'm3' }, ['lejka sprzedażowego', 'lejki sprzedażowe', 'lejków sprzedażowych'], ['lejeka sprzedażowego']],
      // t → ci, r → rz in the locative; o → ó in the genitive plural
      ['pl', 'oferta', { gender: 'f' }, ['ofercie', 'ofert'], []],
      ['pl', 'partner', { gender: 'm1' }, ['partnerze', 'partnerzy', 'partnerów'], []],
      ['pl', 'umowa', { gender: 'f' }, ['umowie', 'umów'], []],
      ['pl', 'przychód', { gender: 'm3' }, ['przychodu', 'przychodzie', 'przychody'], ['przychódu']],
      ['pl', 'zamówienie', { gender: 'n' }, ['zamówienia', 'zamówieniu', 'zamówieniem', 'zamówień'], []],
      ['pl', 'wartość klienta', { gender: 'f' }, ['wartości klienta', 'wartością klienta', 'wartościach klienta'], ['wartoście klienta']],
      // m3 genitive -a/-u, but never another common word
      ['pl', 'wynik', { gender: 'm3' }, ['wyniku', 'wyniki'], ['wynika']],
      ['pl', 'cel sprzedażowy', { gender: 'm3' }, ['celu sprzedażowego', 'cele sprzedażowe', 'celów sprzedażowych'], ['cela sprzedażowego', 'celi sprzedażowych']],
      ['pl', 'zysk', { gender: 'm3' }, ['zysku'], ['zyska']],
      // hints: plural replaces the rule, forms added, inflect false
      ['pl', 'Szansa sprzedaży', { gender: 'f', plural: 'Szanse sprzedaży' },
        ['Szansy sprzedaży', 'Szanse sprzedaży', 'Szans sprzedaży'], []],
      ['pl', 'CRM', {}, [], ['CRMu', 'CRM-u']],
      ['pl', 'lejek', { inflect: false, forms: ['lejka'] }, ['lejka'], ['lejku']],
    ]);
  });

  describe('Swedish', () => {
    check([
      ['sv', 'prospekt', { gender: 'n' }, ['prospektet', 'prospekten', 'prospekts', 'prospektets', 'prospektens'], ['prospekter']],
      ['sv', 'säljtratt', { gender: 'c' }, ['säljtratten', 'säljtrattar', 'säljtrattarna', 'säljtrattens', 'säljtrattarnas'], ['säljtratter']],
      ['sv', 'lead', { gender: 'n' }, ['leadet', 'leads', 'leaden', 'leadets'], ['leader', 'leadar']],
      ['sv', 'säljare', { gender: 'c' }, ['säljaren', 'säljarna', 'säljares', 'säljarens'], ['säljarer']],
      ['sv', 'kundresa', { gender: 'c' }, ['kundresan', 'kundresor', 'kundresorna'], []],
      ['sv', 'möte', { gender: 'n' }, ['mötet', 'möten', 'mötena'], []],
      ['sv', 'kampanj', { gender: 'c' }, ['kampanjen', 'kampanjer', 'kampanjerna'], []],
      ['sv', 'nyckel', { gender: 'c' }, ['nyckeln', 'nycklar', 'nycklarna'], []],
      ['sv', 'erbjudande', {}, ['erbjudandet', 'erbjudanden', 'erbjudandena'], []],
      ['sv', 'strategi', { gender: 'c' }, ['strategin', 'strategier', 'strategierna'], []],
      ['sv', 'marknadskvalificerat lead',
        { gender: 'n', plural: 'marknadskvalificerade leads', forms: ['marknadskvalificerade leadet'] },
        ['marknadskvalificerat leadet', 'marknadskvalificerade leads', 'marknadskvalificerade leadsen', 'marknadskvalificerade leadet'], []],
      ['sv', 'KPI', {}, ['KPI:n', 'KPI:er', 'KPI:erna'], []],
    ]);
  });

  describe('Dutch', () => {
    check([
      ['nl', 'kans', { gender: 'de' }, ['kansen', 'kansje', 'kansjes'], ['kanss']],
      ['nl', 'lead', { gender: 'de' }, ['leads'], ['leaden']],
      ['nl', 'klant', { gender: 'de' }, ['klanten', 'klantje', 'klantjes'], ['klants']],
      ['nl', 'stad', { gender: 'de', plural: 'steden' }, ['steden'], ['stadden']],
      ['nl', 'prospect', { gender: 'de' }, ['prospects'], []],
      ['nl', 'categorie', { gender: 'de' }, ['categorieën'], []],
      ['nl', 'organisatie', { gender: 'de' }, ['organisaties'], ['organisatieën']],
      ['nl', 'offerte', { gender: 'de' }, ['offertes', 'offertetje'], []],
      ['nl', 'kanaal', { gender: 'het' }, ['kanalen', 'kanaaltje'], ['kanaalen']],
      ['nl', 'prijs', { gender: 'de' }, ['prijzen', 'prijsje'], []],
      ['nl', 'bon', { gender: 'de' }, ['bonnen', 'bonnetje'], ['bonen']],
      ['nl', 'team', { gender: 'het' }, ['teams', 'teampje'], []],
      ['nl', 'demo', { gender: 'de' }, ["demo's"], []],
      ['nl', 'sales funnel', { gender: 'de' }, ['sales funnels'], []],
    ]);
  });

  describe('English', () => {
    check([
      ['en', 'lead', {}, ['leads', "lead's", "leads'"], []],
      ['en', 'opportunity', {}, ['opportunities', "opportunity's", "opportunities'"], ['opportunitys']],
      ['en', 'sales funnel', {}, ['sales funnels', "sales funnel's", "sales funnels'"], ['saless funnel']],
      ['en', 'Sales Funnel', {}, ['Sales Funnels', "Sales Funnel's"], []],
      ['en', 'business', {}, ['businesses', "business's"], ['businesss']],
      ['en', 'cost per lead', { head: 0 }, ['costs per lead'], ['cost per leads']],
      ['en', 'KPI', {}, ['KPIs'], []],
      ['en', 'person', { plural: 'people' }, ['people', "people's"], ['persons']],
    ]);
  });

  describe('Chinese and hints', () => {
    check([
      ['zh-Hant', '行銷合格潛在客戶', {}, [], []],
      ['zh-Hant', '潛在客戶', { forms: ['潛客'] }, ['潛客'], []],
      ['en', 'lead', { inflect: false }, [], ['leads']],
    ]);
    it('zh-Hant returns only the text', () => {
      assert.deepStrictEqual(inflect('zh-Hant', '行銷合格潛在客戶'), ['行銷合格潛在客戶']);
    });
  });
});

describe('inflectTagged', () => {
  it('gives the forms inflect() gives, each with its slots, for every term of the glossary', () => {
    for (const t of builtin().glossary.terms) {
      if (t.acronym) continue;
      const tagged = inflectTagged(t.lang, t.text, t.inflection);
      assert.deepStrictEqual([...new Set(tagged.map((x) => x.form))].sort(), [...new Set(inflect(t.lang, t.text, t.inflection))].sort(), `${t.lang} ${t.text}`);
      assert.deepStrictEqual(tagged[0], { form: t.text, slot: SLOT_ORDER[t.lang][0] });
      for (const x of tagged) if (x.slot !== undefined) assert.ok(SLOT_ORDER[t.lang].includes(x.slot), `${x.form}: ${x.slot}`);
    }
  });

  /** [language, text, hints, form, its slots] */
  const SLOTS: [InflectLang, string, InflectHints, string, string[]][] = [
    ['pl', 'okazja', { gender: 'f' }, 'okazji', ['sg.gen', 'sg.dat', 'sg.loc', 'pl.gen']],
    ['pl', 'okazja', { gender: 'f', plural: 'okazje' }, 'okazje', ['pl.nom', 'pl.voc', 'pl.acc']],
    ['pl', 'klient', { gender: 'm1' }, 'klientów', ['pl.gen', 'pl.acc']],
    ['pl', 'landing page', { gender: 'm3', inflect: false, forms: ["landing page'a"] }, "landing page'a", ['sg.gen']],
    ['sv', 'prospekt', { gender: 'n' }, 'prospekt', ['sg.indef', 'pl.indef']],
    ['sv', 'affärsmöjlighet', { gender: 'c', plural: 'affärsmöjligheter' }, 'affärsmöjligheterna', ['pl.def']],
    ['sv', 'opportunity', { gender: 'c', plural: 'opportunities', forms: ['opportunityn'] }, 'opportunityn', ['sg.def']],
    ['nl', 'kans', {}, 'kansjes', ['dim.pl']],
    ['en', 'sales qualified lead', {}, "sales qualified leads'", ['pl.poss']],
    // glossary forms the rules do not make: by the words they leave as written, by an added ending
    ['pl', 'pytanie odkrywcze', { gender: 'n', head: 0, forms: ['pytań odkrywczych'] }, 'pytań odkrywczych', ['pl.gen']],
    ['pl', 'podróż kupującego', { gender: 'f', head: 0, plural: 'podróże kupujących', forms: ['podróży kupujących'] }, 'podróży kupujących', ['pl.gen']],
    ['sv', 'deal', { gender: 'c', plural: 'deals', forms: ['dealar', 'dealarna'] }, 'dealarna', ['pl.def']],
    ['sv', 'mästare', { gender: 'c', plural: 'mästare', forms: ['mästarna'] }, 'mästarna', ['pl.def']],
  ];
  for (const [lang, text, hints, form, slots] of SLOTS) {
    it(`${lang} ${text}: ${form} is ${slots.join(', ')}`, () => {
      assert.deepStrictEqual(inflectTagged(lang, text, hints).filter((x) => x.form === form).map((x) => x.slot), slots);
    });
  }

  /** [language, text, hints, slot, forms to find, forms to write] */
  const WRITE: [InflectLang, string, InflectHints, string, string[], string[]][] = [
    // a Swedish compound with an English first part: no English plural to write
    ['sv', 'outboundförsäljning', { gender: 'c' }, 'pl.indef', ['outboundförsäljnings'], ['outboundförsäljningar']],
    ['sv', 'lead', { gender: 'n', plural: 'leads' }, 'pl.indef', ['leads'], ['leads']],
    ['nl', 'dealbescherming', {}, 'pl', ['dealbeschermings'], ['dealbeschermingen', 'dealbeschermings']],
    // a Polish complement in the plural, as in the term's plural
    ['pl', 'typ leada', { gender: 'm3', head: 0, plural: 'typy leadów' }, 'pl.dat', ['typom leada'], ['typom leadów']],
  ];
  for (const [lang, text, hints, slot, find, write] of WRITE) {
    it(`${lang} ${text}, ${slot}: ${find.join(', ')} found, ${write.join(', ')} written`, () => {
      const of = (purpose: 'find' | 'write') => inflectTagged(lang, text, hints, purpose).filter((x) => x.slot === slot).map((x) => x.form);
      assert.deepStrictEqual(of('find'), find);
      assert.deepStrictEqual(of('write'), write);
    });
  }
});
