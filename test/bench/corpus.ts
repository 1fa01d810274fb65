/**
 * Realistic mixed-language Markdown for the benchmark, generated deterministically from sentence
 * templates in the five languages. The slots are filled with real glossary terms in their
 * inflected forms (the forms buildGlossary generated for the built-in glossary), acronyms (some
 * spelled out, most not), code spans, links, URLs; sections also have lists, tables, fenced code
 * and the odd HTML comment, so every ignored-region path of the service runs.
 */
import { termForms, type Glossary, type Lang, type Term } from '../../server/src/service';
import { Rng } from './util';

/** {T} a term form, {A} an acronym, {S} "Expansion (ACR)", {C} a code span, {L} a Markdown link, {U} a bare URL. */
const TEMPLATES: Record<Lang, string[]> = {
  en: [
    'Every {T} in the {T} must be reviewed by the {A} team before the quarterly business review.',
    'We track the {T} and the {T} for each account, and report them in {C} every Monday.',
    'When a {T} reaches the {T} stage, the owner updates the {A} and books a follow-up within two days.',
    'See {L} for how the {T} is calculated; the {A} is the number the board looks at.',
    'Our {S} target for this quarter depends on the {T} of the {T}.',
    'The {T} of each {T} is exported nightly from {U} into the data warehouse.',
    'If the {T} drops below the threshold, the {A} owner must explain it in the weekly pipeline meeting.',
    'Sales and marketing agree on the definition of a {T} before any campaign starts.',
  ],
  sv: [
    'Varje {T} i {T} ska granskas av {A}-teamet före den kvartalsvisa genomgången.',
    'Vi följer upp {T} och {T} för varje konto och rapporterar dem i {C} varje måndag.',
    'När en {T} når steget {T} uppdaterar ägaren {A} och bokar ett uppföljningsmöte inom två dagar.',
    'Se {L} för hur {T} beräknas; {A} är siffran som styrelsen tittar på.',
    'Vårt mål för {S} det här kvartalet beror på {T} och {T}.',
    'Alla {T} exporteras varje natt från {U} till datalagret.',
    'Om {T} sjunker under gränsen måste ansvarig för {A} förklara det på veckomötet.',
  ],
  nl: [
    'Elke {T} in de {T} wordt door het {A}-team beoordeeld voor de kwartaalreview.',
    'We volgen de {T} en de {T} voor elk account en rapporteren ze elke maandag in {C}.',
    'Als een {T} de fase {T} bereikt, werkt de eigenaar de {A} bij en plant binnen twee dagen een vervolg.',
    'Zie {L} voor hoe de {T} wordt berekend; de {A} is het getal waar het bestuur naar kijkt.',
    'Onze doelstelling voor {S} dit kwartaal hangt af van de {T} van de {T}.',
    'De {T} van elke {T} wordt elke nacht vanuit {U} naar het datawarehouse geëxporteerd.',
    'Als de {T} onder de drempel zakt, moet de eigenaar van de {A} het in het wekelijkse overleg uitleggen.',
  ],
  pl: [
    'Każdy {T} w {T} musi zostać sprawdzony przez zespół {A} przed przeglądem kwartalnym.',
    'Śledzimy {T} oraz {T} dla każdego konta i raportujemy je w {C} w każdy poniedziałek.',
    'Gdy {T} osiąga etap {T}, właściciel aktualizuje {A} i w ciągu dwóch dni umawia kolejne spotkanie.',
    'Zobacz {L}, aby dowiedzieć się, jak liczony jest {T}; {A} to liczba, na którą patrzy zarząd.',
    'Nasz cel dla {S} w tym kwartale zależy od {T} i {T}.',
    'Dane o {T} dla każdego {T} są co noc eksportowane z {U} do hurtowni danych.',
    'Jeśli {T} spadnie poniżej progu, właściciel {A} musi to wyjaśnić na cotygodniowym spotkaniu.',
  ],
  'zh-Hant': [
    '每一個{T}在進入{T}之前，都必須由{A}團隊在季度業務檢討前審核。',
    '我們追蹤每個帳戶的{T}和{T}，並每週一在{C}中回報。',
    '當{T}進入{T}階段時，負責人會更新{A}，並在兩天內安排後續會議。',
    '請參閱{L}了解{T}的計算方式；{A}是董事會關注的數字。',
    '本季的{S}目標取決於{T}與{T}。',
    '每個{T}的資料每晚從 {U} 匯出到資料倉儲。',
    '如果{T}低於門檻，{A}負責人必須在每週會議上說明原因。',
  ],
};

const HEADINGS: Record<Lang, string[]> = {
  en: ['Pipeline review', 'Lead handling', 'Forecasting', 'Account planning', 'Customer success'],
  sv: ['Pipelinegenomgång', 'Hantering av leads', 'Prognoser', 'Kontoplanering'],
  nl: ['Pipelinereview', 'Opvolging van leads', 'Forecasting', 'Accountplanning'],
  pl: ['Przegląd lejka', 'Obsługa leadów', 'Prognozowanie', 'Planowanie kont'],
  'zh-Hant': ['銷售管道檢討', '潛在客戶處理', '業績預測', '客戶規劃'],
};

const CODE = ['`lead_score`', '`crm.sync()`', '`SELECT mql FROM funnel`', '`pipeline.csv`', '`--dry-run`', '`ARR`'];
const URLS = ['https://example.com/crm/pipeline', 'https://wiki.example.org/sales/playbook#mql', 'https://example.com/reports?q=churn&period=q3', 'www.example.net/funnel'];
/** Languages of the sections, by weight: mostly English, as in a team's mixed playbook. */
const SECTION_LANGS: Lang[] = ['en', 'en', 'en', 'sv', 'nl', 'pl', 'zh-Hant'];

interface Pools { forms: string[]; acronyms: Term[] }

function pools(glossary: Glossary): Record<Lang, Pools> {
  const out = {} as Record<Lang, Pools>;
  for (const lang of ['en', 'sv', 'nl', 'pl', 'zh-Hant'] as Lang[]) out[lang] = { forms: [], acronyms: [] };
  for (const t of glossary.terms) {
    const p = out[t.lang];
    if (t.acronym) { p.acronyms.push(t); continue; }
    // Text mostly uses a concept's preferred term, as written and inflected; the other terms of a
    // concept (admitted, deprecated, mistranslations) turn up now and then, as written.
    if (t.rank === 0) {
      p.forms.push(t.text, t.text, t.text, t.text);
      for (const f of termForms(t)) if (f !== t.text && !/[A-Z]{2}/.test(f)) p.forms.push(f);
    } else p.forms.push(t.text);
  }
  return out;
}

export class CorpusWriter {
  private r: Rng;
  private p: Record<Lang, Pools>;
  private section = 0;
  /** `langs`: the languages of the sections (by weight); a team's mixed playbook, mostly English, by default. */
  constructor(glossary: Glossary, seed = 7, private readonly langs: readonly Lang[] = SECTION_LANGS) {
    this.r = new Rng(seed);
    this.p = pools(glossary);
  }

  private fill(lang: Lang, tpl: string): string {
    const r = this.r, p = this.p[lang];
    return tpl.replace(/\{([TASCLU])\}/g, (_, k: string) => {
      switch (k) {
        case 'T': return r.pick(p.forms);
        case 'A': return r.pick(p.acronyms).text;
        case 'S': { const a = r.pick(p.acronyms); return `${a.expansion ?? a.concept.name} (${a.text})`; }
        case 'C': return r.pick(CODE);
        case 'L': { const t = r.pick(p.forms); return `[${t}](https://example.com/glossary/${encodeURIComponent(t.replace(/\s+/g, '-'))})`; }
        default: return r.pick(URLS);
      }
    });
  }

  private paragraph(lang: Lang): string {
    const n = 3 + this.r.int(4);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.fill(lang, this.r.pick(TEMPLATES[lang])));
    return out.join(lang === 'zh-Hant' ? '' : ' ');
  }

  /** One Markdown section (a heading, paragraphs, maybe a list, a table, fenced code, a comment). */
  nextSection(): string {
    const r = this.r;
    const lang = r.pick(this.langs);
    const parts: string[] = [`## ${r.pick(HEADINGS[lang])} ${++this.section}`];
    const paras = 2 + r.int(3);
    for (let i = 0; i < paras; i++) parts.push(this.paragraph(lang));
    if (r.chance(0.4)) parts.push([0, 1, 2].map(() => `- ${this.fill(lang, r.pick(TEMPLATES[lang]))}`).join('\n'));
    if (r.chance(0.15)) {
      const p = this.p[lang];
      parts.push(`| ${lang} | value |\n| --- | --- |\n| ${r.pick(p.forms)} | 42 |\n| ${r.pick(p.acronyms).text} | 7% |`);
    }
    if (r.chance(0.15)) parts.push('```yaml\nstage: mql\nowner: sdr\n# the lead becomes an SQL after discovery\nthreshold: 60\n```');
    if (r.chance(0.05)) parts.push('<!-- TODO: check the churn numbers with finance -->');
    return parts.join('\n\n') + '\n\n';
  }
}

/** Documents of the given sizes; each is a prefix-extension of the same deterministic stream. */
export function documents(glossary: Glossary, sizes: number[]): Map<number, string> {
  const w = new CorpusWriter(glossary);
  const out = new Map<number, string>();
  let text = '# Revenue playbook\n\n';
  let bytes = Buffer.byteLength(text);
  for (const size of [...sizes].sort((a, b) => a - b)) {
    const parts = [text];
    while (bytes < size) {
      const s = w.nextSection();
      parts.push(s);
      bytes += Buffer.byteLength(s);
    }
    text = parts.join('');
    out.set(size, text);
  }
  return out;
}
