/**
 * A company termbase as termbase tools export it, generated: N concepts (50,000 for the benchmark) of realistic
 * multiword sales and marketing terms in English, Swedish, Dutch, Polish and Traditional Chinese, built from
 * aligned vocabularies (scope × subject × head: "regional renewal forecast", "regional förnyelseprognos",
 * "regionale verlengingsprognose", "regionalna prognoza odnowień", "區域續約預測"), with grammatical gender for the
 * inflecting languages (Lingo generates the inflected forms), admitted synonyms, deprecated terms with notes,
 * acronyms, definitions, subject fields, and statuses in the tools' vocabularies (administrativeStatus,
 * normativeAuthorization, Preferred/Permitted/Forbidden/approved/proposed/new/rejected/do not use, a few unmapped
 * values and terms without status). Some concepts carry German and Simplified Chinese sections (left out by the
 * reader). Two flavours: TBX v2 (martif, termEntry, langSet, tig/ntig, xml:lang en-US…, transaction history as
 * MultiTerm writes it) and TBX v3 (tbx, conceptEntry, langSec, termSec, DCA style). Seeded: the same arguments
 * always give the same bytes.
 *
 *   node out/test/bench/genTbx.js [concepts=50000] [v2|v3] [out]   (default out: .cache/bench/termbase-N-v2.tbx)
 *   cachedTbx(50000, 'v2')                                          (the path; generated when missing)
 */
import * as fs from 'fs';
import * as path from 'path';
import { Rng } from '../rng';

export type TbxFlavour = 'v2' | 'v3';
export interface GenTbxOptions { concepts: number; flavour: TbxFlavour; seed?: number }

type G = 'c' | 'n';
type NlG = 'de' | 'het';
type PlG = 'm' | 'f' | 'n';
/** A head noun: en, sv (gender), nl (gender), pl (gender), zh; an English synonym and an English word to avoid. */
type Head = [string, string, G, string, NlG, string, PlG, string, string?, string?];
const HEADS: Head[] = [
  ['report', 'rapport', 'c', 'rapport', 'het', 'raport', 'm', '報告', 'summary', 'write-up'],
  ['forecast', 'prognos', 'c', 'prognose', 'de', 'prognoza', 'f', '預測', 'projection', 'guesstimate'],
  ['target', 'mål', 'n', 'doelstelling', 'de', 'cel', 'm', '目標', 'goal'],
  ['policy', 'policy', 'c', 'beleid', 'het', 'polityka', 'f', '政策', 'rulebook'],
  ['budget', 'budget', 'c', 'budget', 'het', 'budżet', 'm', '預算', undefined, 'pot'],
  ['dashboard', 'översikt', 'c', 'dashboard', 'het', 'pulpit', 'm', '儀表板', 'overview', 'cockpit'],
  ['template', 'mall', 'c', 'sjabloon', 'het', 'szablon', 'm', '範本', 'pattern'],
  ['workflow', 'arbetsflöde', 'n', 'workflow', 'de', 'obieg', 'm', '工作流程'],
  ['review', 'granskning', 'c', 'beoordeling', 'de', 'przegląd', 'm', '審查', 'assessment'],
  ['score', 'poäng', 'c', 'score', 'de', 'wynik', 'm', '評分', 'rating'],
  ['plan', 'plan', 'c', 'plan', 'het', 'plan', 'm', '計畫'],
  ['campaign', 'kampanj', 'c', 'campagne', 'de', 'kampania', 'f', '行銷活動', undefined, 'blitz'],
  ['agreement', 'avtal', 'n', 'overeenkomst', 'de', 'umowa', 'f', '協議', 'arrangement'],
  ['discount', 'rabatt', 'c', 'korting', 'de', 'rabat', 'm', '折扣', 'reduction', 'giveaway'],
  ['quota', 'kvot', 'c', 'quotum', 'het', 'norma', 'f', '配額', 'allocation'],
  ['process', 'process', 'c', 'proces', 'het', 'proces', 'm', '流程', 'procedure'],
  ['analysis', 'analys', 'c', 'analyse', 'de', 'analiza', 'f', '分析', 'study'],
  ['strategy', 'strategi', 'c', 'strategie', 'de', 'strategia', 'f', '策略', 'approach', 'game plan'],
  ['metric', 'mått', 'n', 'meetwaarde', 'de', 'wskaźnik', 'm', '指標', 'measure'],
  ['calendar', 'kalender', 'c', 'kalender', 'de', 'kalendarz', 'm', '行事曆', 'schedule'],
  ['checklist', 'checklista', 'c', 'checklist', 'de', 'lista', 'f', '檢查清單'],
  ['playbook', 'handbok', 'c', 'draaiboek', 'het', 'podręcznik', 'm', '作戰手冊', 'handbook'],
  ['survey', 'enkät', 'c', 'enquête', 'de', 'ankieta', 'f', '問卷調查', 'questionnaire', 'poll'],
  ['audit', 'revision', 'c', 'audit', 'de', 'audyt', 'm', '稽核', 'inspection'],
  ['portal', 'portal', 'c', 'portaal', 'het', 'portal', 'm', '入口網站', 'hub'],
  ['newsletter', 'nyhetsbrev', 'n', 'nieuwsbrief', 'de', 'biuletyn', 'm', '電子報', 'bulletin'],
  ['pipeline', 'pipeline', 'c', 'pijplijn', 'de', 'lejek', 'm', '管道'],
  ['invoice', 'faktura', 'c', 'factuur', 'de', 'faktura', 'f', '發票', 'bill'],
  ['contract', 'kontrakt', 'n', 'contract', 'het', 'kontrakt', 'm', '合約'],
  ['meeting', 'möte', 'n', 'vergadering', 'de', 'spotkanie', 'n', '會議', 'session', 'huddle'],
  ['training', 'utbildning', 'c', 'training', 'de', 'szkolenie', 'n', '培訓', 'course'],
  ['catalogue', 'katalog', 'c', 'catalogus', 'de', 'katalog', 'm', '型錄', 'catalog'],
  ['roadmap', 'färdplan', 'c', 'roadmap', 'de', 'harmonogram', 'm', '路線圖', 'timeline'],
  ['proposal', 'förslag', 'n', 'voorstel', 'het', 'propozycja', 'f', '提案', 'pitch'],
  ['committee', 'kommitté', 'c', 'commissie', 'de', 'komitet', 'm', '委員會', 'board'],
  ['guideline', 'riktlinje', 'c', 'richtlijn', 'de', 'zasada', 'f', '準則', 'rule'],
  ['scorecard', 'styrkort', 'n', 'scorecard', 'de', 'karta', 'f', '計分卡'],
  ['benchmark', 'riktmärke', 'n', 'benchmark', 'de', 'wzorzec', 'm', '基準', 'yardstick'],
  ['kit', 'paket', 'n', 'pakket', 'het', 'zestaw', 'm', '套件', 'pack'],
  ['programme', 'program', 'n', 'programma', 'het', 'program', 'm', '方案', 'program', 'scheme'],
  ['dataset', 'datamängd', 'c', 'dataset', 'de', 'zbiór', 'm', '資料集'],
  ['briefing', 'genomgång', 'c', 'briefing', 'de', 'odprawa', 'f', '簡報會'],
  ['threshold', 'tröskel', 'c', 'drempel', 'de', 'próg', 'm', '門檻', 'cut-off'],
  ['register', 'register', 'n', 'register', 'het', 'rejestr', 'm', '登記簿', 'log'],
  ['allowance', 'ersättning', 'c', 'vergoeding', 'de', 'dodatek', 'm', '津貼', 'stipend'],
];

/** A subject: en modifier, sv compound prefix, nl compound prefix, pl genitive, zh. */
type Subject = [string, string, string, string, string];
const SUBJECTS: Subject[] = [
  ['sales', 'försäljnings', 'verkoop', 'sprzedaży', '銷售'],
  ['renewal', 'förnyelse', 'verlengings', 'odnowień', '續約'],
  ['partner', 'partner', 'partner', 'partnerów', '夥伴'],
  ['pricing', 'prissättnings', 'prijs', 'cen', '定價'],
  ['lead', 'lead', 'lead', 'leadów', '潛在客戶'],
  ['churn', 'kundbortfalls', 'klantverloop', 'odpływu klientów', '流失'],
  ['onboarding', 'introduktions', 'onboarding', 'wdrożenia', '導入'],
  ['channel', 'kanal', 'kanaal', 'kanału', '通路'],
  ['brand', 'varumärkes', 'merk', 'marki', '品牌'],
  ['content', 'innehålls', 'content', 'treści', '內容'],
  ['event', 'evenemangs', 'evenement', 'wydarzeń', '活動'],
  ['account', 'konto', 'account', 'kont', '帳戶'],
  ['customer', 'kund', 'klant', 'klientów', '客戶'],
  ['territory', 'distrikts', 'regio', 'regionów', '區域'],
  ['commission', 'provisions', 'commissie', 'prowizji', '佣金'],
  ['quote', 'offert', 'offerte', 'ofert', '報價'],
  ['order', 'order', 'bestel', 'zamówień', '訂單'],
  ['product', 'produkt', 'product', 'produktu', '產品'],
  ['marketing', 'marknadsförings', 'marketing', 'marketingu', '行銷'],
  ['support', 'support', 'support', 'wsparcia', '支援'],
  ['subscription', 'prenumerations', 'abonnements', 'subskrypcji', '訂閱'],
  ['retention', 'kvarhållnings', 'retentie', 'retencji', '留存'],
  ['expansion', 'expansions', 'expansie', 'ekspansji', '擴展'],
  ['procurement', 'inköps', 'inkoop', 'zakupów', '採購'],
  ['loyalty', 'lojalitets', 'loyaliteits', 'lojalności', '忠誠度'],
  ['webinar', 'webbinarie', 'webinar', 'webinarów', '網路研討會'],
  ['advertising', 'annons', 'advertentie', 'reklamy', '廣告'],
  ['demo', 'demo', 'demo', 'prezentacji', '展示'],
  ['referral', 'rekommendations', 'doorverwijzings', 'poleceń', '推薦'],
  ['trade show', 'mäss', 'beurs', 'targów', '展覽'],
  ['email', 'e-post', 'e-mail', 'mailingu', '電子郵件'],
  ['forecasting', 'prognos', 'prognose', 'prognozowania', '預估'],
];

/** A scope: en adjective, sv (common form), nl (uninflected, inflected), pl (masculine), zh. */
type Scope = [string, string, string, string, string, string];
const SCOPES: Scope[] = [
  ['regional', 'regional', 'regionaal', 'regionale', 'regionalny', '區域性'],
  ['annual', 'årlig', 'jaarlijks', 'jaarlijkse', 'roczny', '年度'],
  ['monthly', 'månatlig', 'maandelijks', 'maandelijkse', 'miesięczny', '每月'],
  ['global', 'global', 'wereldwijd', 'wereldwijde', 'globalny', '全球'],
  ['strategic', 'strategisk', 'strategisch', 'strategische', 'strategiczny', '策略性'],
  ['digital', 'digital', 'digitaal', 'digitale', 'cyfrowy', '數位'],
  ['internal', 'intern', 'intern', 'interne', 'wewnętrzny', '內部'],
  ['external', 'extern', 'extern', 'externe', 'zewnętrzny', '外部'],
  ['preliminary', 'preliminär', 'voorlopig', 'voorlopige', 'wstępny', '初步'],
  ['final', 'slutlig', 'definitief', 'definitieve', 'ostateczny', '最終'],
  ['national', 'nationell', 'nationaal', 'nationale', 'krajowy', '全國'],
  ['local', 'lokal', 'lokaal', 'lokale', 'lokalny', '在地'],
  ['central', 'central', 'centraal', 'centrale', 'centralny', '中央'],
  ['joint', 'gemensam', 'gezamenlijk', 'gezamenlijke', 'wspólny', '聯合'],
  ['automated', 'automatiserad', 'geautomatiseerd', 'geautomatiseerde', 'zautomatyzowany', '自動化'],
  ['customised', 'anpassad', 'aangepast', 'aangepaste', 'spersonalizowany', '客製化'],
  ['approved', 'godkänd', 'goedgekeurd', 'goedgekeurde', 'zatwierdzony', '核准'],
  ['shared', 'delad', 'gedeeld', 'gedeelde', 'współdzielony', '共享'],
  ['integrated', 'integrerad', 'geïntegreerd', 'geïntegreerde', 'zintegrowany', '整合'],
  ['consolidated', 'konsoliderad', 'geconsolideerd', 'geconsolideerde', 'skonsolidowany', '合併'],
  ['mobile', 'mobil', 'mobiel', 'mobiele', 'mobilny', '行動'],
  ['tactical', 'taktisk', 'tactisch', 'tactische', 'taktyczny', '戰術性'],
  ['operational', 'operativ', 'operationeel', 'operationele', 'operacyjny', '營運'],
  ['commercial', 'kommersiell', 'commercieel', 'commerciële', 'handlowy', '商業'],
  ['standardised', 'standardiserad', 'gestandaardiseerd', 'gestandaardiseerde', 'ustandaryzowany', '標準化'],
  ['detailed', 'detaljerad', 'gedetailleerd', 'gedetailleerde', 'szczegółowy', '詳細'],
  ['simplified', 'förenklad', 'vereenvoudigd', 'vereenvoudigde', 'uproszczony', '簡化'],
  ['temporary', 'tillfällig', 'tijdelijk', 'tijdelijke', 'tymczasowy', '臨時'],
  ['updated', 'uppdaterad', 'bijgewerkt', 'bijgewerkte', 'zaktualizowany', '更新'],
  ['revised', 'reviderad', 'herzien', 'herziene', 'poprawiony', '修訂'],
  ['European', 'europeisk', 'Europees', 'Europese', 'europejski', '歐洲'],
  ['Nordic', 'nordisk', 'Noords', 'Noordse', 'nordycki', '北歐'],
  ['Asian', 'asiatisk', 'Aziatisch', 'Aziatische', 'azjatycki', '亞洲'],
  ['quarterly', 'kvartalsvis', 'driemaandelijks', 'driemaandelijkse', 'kwartalny', '季度'],
  ['standard', 'ordinarie', 'standaard', 'standaard', 'standardowy', '標準'],
];

const TEAMS = ['sales operations', 'marketing', 'partner', 'finance', 'customer success', 'brand', 'revenue operations', 'field sales'];
const PERIODS = ['quarter', 'month', 'half-year', 'planning cycle', 'fiscal year'];
const SV_TEAMS = ['säljteamet', 'marknadsavdelningen', 'partnerteamet', 'ekonomiavdelningen', 'kundteamet'];

/** Swedish neuter adjective: regional → regionalt, godkänd → godkänt, anpassad → anpassat. */
const svNeuter = (a: string) => (/ad$/.test(a) ? a.replace(/d$/, 't') : /nd$/.test(a) ? a.replace(/d$/, 't') : /[^aeiouyåäö]t$/.test(a) ? a : a + 't');
/** Polish adjective agreeing with its noun: regionalny → regionalna / regionalne; europejski → europejska / europejskie. */
const plAdj = (a: string, g: PlG) => (g === 'm' ? a : /i$/.test(a) ? a.replace(/i$/, g === 'f' ? 'a' : 'ie') : a.replace(/y$/, g === 'f' ? 'a' : 'e'));
/** Dutch compound: a hyphen where two vowels would meet ("campagne-analyse"). */
const nlJoin = (a: string, b: string) => (/[aeiou]$/.test(a) && /^[aeiouéë]/.test(b) ? `${a}-${b}` : a + b);
const svJoin = (a: string, b: string) => (a.endsWith(b[0]) && a.length > 1 && a[a.length - 2] === b[0] ? a.slice(0, -1) + b : a + b);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Status words as the tools write them, per style: [preferred, admitted, deprecated]. */
const STATUS_STYLES: { category: string; words: [string[], string[], string[]] }[] = [
  { category: 'administrativeStatus', words: [['preferredTerm-admn-sts'], ['admittedTerm-admn-sts'], ['deprecatedTerm-admn-sts', 'supersededTerm-admn-sts']] },
  { category: 'normativeAuthorization', words: [['preferredTerm', 'standardizedTerm', 'legalTerm'], ['admittedTerm'], ['deprecatedTerm', 'supersededTerm']] },
  { category: 'administrativeStatus', words: [['Preferred', 'approved', 'Approved'], ['Permitted', 'proposed', 'new'], ['Forbidden', 'rejected', 'do not use']] },
];
/** Values no tool vocabulary maps: the reader counts them in its report. */
const ODD_STATUSES = ['Needs review', 'On hold', 'Legal check pending'];

interface Term { text: string; status: 0 | 1 | 2; gender?: string; acronym?: boolean; note?: string; odd?: string; word?: string }
interface Lang { tag: string; terms: Term[]; definition?: string; category?: string }

/** The concepts, one at a time: each a subject field and its language sections. */
export function* concepts(opts: GenTbxOptions): Generator<{ id: string; subject: string; langs: Lang[] }> {
  const r = new Rng(opts.seed ?? 19);
  const combos = SCOPES.length * SUBJECTS.length * HEADS.length;
  if (opts.concepts > combos) throw new Error(`at most ${combos} concepts`);
  // A random walk over all scope × subject × head combinations without repeats: a permutation by a stride coprime to their count.
  let stride = Math.floor(combos * 0.618) | 1;
  while (gcd(stride, combos) !== 1) stride += 2;
  const acronyms = new Set<string>();
  const v2 = opts.flavour === 'v2';
  for (let k = 0; k < opts.concepts; k++) {
    const combo = (k * stride + 7) % combos;
    const head = HEADS[combo % HEADS.length];
    const subject = SUBJECTS[Math.floor(combo / HEADS.length) % SUBJECTS.length];
    const scope = SCOPES[Math.floor(combo / HEADS.length / SUBJECTS.length)];
    const [enH, svH, svG, nlH, nlG, plH, plG, zhH, enAlt, enBad] = head;
    const style = STATUS_STYLES[r.int(STATUS_STYLES.length)];
    const en = `${scope[0]} ${subject[0]} ${enH}`;
    const enTerms: Term[] = [{ text: en, status: 0 }];
    if (enAlt && r.chance(0.3)) enTerms.push({ text: `${scope[0]} ${subject[0]} ${enAlt}`, status: 1 });
    if (enBad && r.chance(0.25)) enTerms.push({ text: `${scope[0]} ${subject[0]} ${enBad}`, status: 2, note: r.pick(['Too informal for customer-facing copy.', 'Dropped in the 2024 style guide.', 'Reads as internal jargon; use the preferred term.']) });
    if (r.chance(0.04)) {
      const a = en.split(/[\s-]+/).map((w) => w[0].toUpperCase()).join('');
      if (!acronyms.has(a)) { acronyms.add(a); enTerms.push({ text: a, status: 1, acronym: true }); }
    }
    const svT = svJoin(subject[1], svH);
    const svA = svG === 'n' ? svNeuter(scope[1]) : scope[1];
    const langs: Lang[] = [
      { tag: v2 ? r.pick(['en-US', 'en-US', 'en-GB']) : 'en', terms: enTerms },
      { tag: v2 ? 'sv-SE' : 'sv', terms: [{ text: `${svA} ${svT}`, status: 0, gender: svG === 'c' ? 'common' : 'neuter' }] },
      { tag: v2 ? r.pick(['nl-NL', 'nl-NL', 'nl-BE']) : 'nl', terms: [{ text: `${nlG === 'de' ? scope[3] : scope[2]} ${nlJoin(subject[2], nlH)}`, status: 0, gender: nlG === 'de' ? 'common' : 'neuter' }] },
      { tag: v2 ? 'pl-PL' : 'pl', terms: [{ text: `${plAdj(scope[4], plG)} ${plH} ${subject[3]}`, status: 0, gender: { m: 'masculine', f: 'feminine', n: 'neuter' }[plG] }] },
      { tag: v2 ? r.pick(['zh-TW', 'zh-TW', 'zh-Hant', 'zh-HK']) : 'zh-Hant', terms: [{ text: scope[5] + subject[4] + zhH, status: 0 }] },
    ];
    if (r.chance(0.35)) {
      langs[0].definition = `The ${scope[0].toLowerCase()} ${enH} that the ${r.pick(TEAMS)} team keeps for ${subject[0]} work and reviews every ${r.pick(PERIODS)}.`;
    }
    if (r.chance(0.15)) langs[1].definition = `Används av ${r.pick(SV_TEAMS)} och ses över varje ${r.pick(['kvartal', 'månad', 'halvår', 'budgetår'])}.`;
    // Statuses: the style's words; a few odd values; some termbases leave the status out.
    for (const l of langs) for (const t of l.terms) if (r.chance(0.01)) t.odd = r.pick(ODD_STATUSES);
    if (v2 && r.chance(0.05)) langs.push({ tag: 'de-DE', terms: [{ text: `${scope[0]} ${subject[0]}-${enH}`.replace(/^\w/, (c) => c.toUpperCase()), status: 0 }] });
    if (v2 && r.chance(0.03)) langs.push({ tag: 'zh-CN', terms: [{ text: scope[5] + subject[4] + zhH, status: 0 }] });
    for (const l of langs) {
      l.category = style.category;
      for (const t of l.terms) t.word = t.odd ?? (r.chance(0.02) ? undefined : r.pick(style.words[t.status]));
    }
    yield { id: v2 ? `_${100000 + k}` : `c${100000 + k}`, subject: `${subject[0][0].toUpperCase()}${subject[0].slice(1)}`, langs };
  }
}

function gcd(a: number, b: number): number { return b ? gcd(b, a % b) : a; }

/** The TBX text in pieces (one concept each), to write a large file without holding it. */
export function* tbxChunks(opts: GenTbxOptions): Generator<string> {
  const v2 = opts.flavour === 'v2';
  yield v2
    ? '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif type="TBX" xml:lang="en-US">\n<martifHeader><fileDesc><sourceDesc><p>Generated termbase (Lingo benchmark)</p></sourceDesc></fileDesc></martifHeader>\n<text>\n<body>\n'
    : '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n<tbxHeader><fileDesc><sourceDesc><p>Generated termbase (Lingo benchmark)</p></sourceDesc></fileDesc></tbxHeader>\n<text>\n<body>\n';
  const [entry, lang, term] = v2 ? ['termEntry', 'langSet', 'tig'] : ['conceptEntry', 'langSec', 'termSec'];
  let day = 0;
  for (const c of concepts(opts)) {
    const out: string[] = [`<${entry} id="${c.id}">`, `<descrip type="subjectField">${esc(c.subject)}</descrip>`];
    if (v2) {
      day = (day + 1) % 900;
      const d = new Date(Date.UTC(2022, 0, 1) + day * 86400000).toISOString().slice(0, 10);
      out.push(`<transacGrp><transac type="transactionType">origination</transac><date>${d}</date></transacGrp>`);
    }
    for (const l of c.langs) {
      out.push(`<${lang} xml:lang="${l.tag}">`);
      if (l.definition) out.push(v2 ? `<descripGrp><descrip type="definition">${esc(l.definition)}</descrip><admin type="source">Style guide</admin></descripGrp>` : `<descrip type="definition">${esc(l.definition)}</descrip>`);
      for (const t of l.terms) {
        const notes = [`<term>${esc(t.text)}</term>`];
        if (t.word) notes.push(`<termNote type="${l.category}">${esc(t.word)}</termNote>`);
        if (t.acronym) notes.push('<termNote type="termType">acronym</termNote>');
        notes.push('<termNote type="partOfSpeech">noun</termNote>');
        if (t.gender) notes.push(`<termNote type="grammaticalGender">${t.gender}</termNote>`);
        if (t.note) notes.push(`<note>${esc(t.note)}</note>`);
        // TBX v2 tools write ntig (a termGrp) now and then; v3 has one shape.
        if (v2 && t.status === 2) out.push(`<ntig><termGrp>${notes.join('')}</termGrp></ntig>`);
        else out.push(`<${term}>${notes.join('')}</${term}>`);
      }
      out.push(`</${lang}>`);
    }
    out.push(`</${entry}>\n`);
    yield out.join('\n');
  }
  yield v2 ? '</body>\n</text>\n</martif>\n' : '</body>\n</text>\n</tbx>\n';
}

/** Writes the TBX to `file` (through a temporary name, so a half-written file is never taken for a whole one). */
export function writeTbx(file: string, opts: GenTbxOptions): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  let bytes = 0;
  try {
    let buf: string[] = [];
    let n = 0;
    for (const chunk of tbxChunks(opts)) {
      buf.push(chunk);
      n += chunk.length;
      if (n > 1 << 20) { bytes += fs.writeSync(fd, buf.join('')); buf = []; n = 0; }
    }
    bytes += fs.writeSync(fd, buf.join(''));
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  return bytes;
}

export const ROOT = path.resolve(__dirname, '../../..');

/** The generated termbase of `n` concepts in .cache/bench/ (not checked in), written when it is not there. */
export function cachedTbx(n = 50000, flavour: TbxFlavour = 'v2', root = ROOT): string {
  const file = path.join(root, '.cache', 'bench', `termbase-${n}-${flavour}.tbx`);
  if (!fs.existsSync(file)) writeTbx(file, { concepts: n, flavour });
  return file;
}

// Run as a script (node out/test/bench/genTbx.js), not when bundled into another one (the bench), where
// require.main === module holds for the bundle.
if (require.main === module && /genTbx\.js$/.test(process.argv[1] ?? '')) {
  const n = Number(process.argv[2] ?? 50000);
  const flavour = (process.argv[3] ?? 'v2') as TbxFlavour;
  const out = process.argv[4] ?? path.join(ROOT, '.cache', 'bench', `termbase-${n}-${flavour}.tbx`);
  const t0 = Date.now();
  const bytes = writeTbx(out, { concepts: n, flavour });
  process.stdout.write(`${out}: ${n} concepts, ${(bytes / 1048576).toFixed(1)} MB of TBX ${flavour} in ${Date.now() - t0} ms\n`);
}
