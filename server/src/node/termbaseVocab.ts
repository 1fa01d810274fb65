/**
 * What company termbases write, read as Lingo's: statuses in the termbase tools' own words (TBX
 * administrativeStatus and normativeAuthorization, MultiTerm / memoQ / Acrolinx / Smartling / Phrase picklists),
 * language tags and language names, and the concepts the readers (tbx.ts, csv.ts) gather, made into valid
 * ConceptData: a preferred term first, long texts shortened, what could not be used counted in a report with
 * the first place it was seen. Pure (no I/O); termbases.ts reads the files.
 */
import { foldKey, type AcronymData, type ConceptData, type Lang, type Status, type TermData } from '../service';

export interface Pos { line: number; col: number }

/** A problem of a termbase file at a place in it: an entry left out, a file that cannot be read. */
export interface TermbaseProblem { file: string; line: number; col: number; message: string; severity: 'error' | 'warning' }

/**
 * What a termbase holds that Lingo could not use as it is, counted: a status value with no Lingo status, a
 * language Lingo does not check, a data category or column with no place in a Lingo glossary, texts shortened.
 * `line`/`col` is the first place it was seen; `action` says in a few words what was done instead.
 */
export interface UnmappedEntry {
  kind: 'status' | 'language' | 'category' | 'termType' | 'shortened' | 'concept';
  value: string;
  count: number;
  line: number;
  col: number;
  action: string;
}

/** How many problems one file reports one by one; the rest are counted in a last problem. */
export const MAX_PROBLEMS = 200;

/** Problems and the report of one file, as a reader finds them. */
export class TermbaseLog {
  readonly problems: TermbaseProblem[] = [];
  private readonly entries = new Map<string, UnmappedEntry>();
  private dropped = 0;
  constructor(readonly file: string) {}

  problem(at: Pos, message: string, severity: TermbaseProblem['severity'] = 'error'): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ file: this.file, line: at.line, col: at.col, message, severity });
    else this.dropped++;
  }

  /** Counts one thing not used as it is (by kind and value); the first place is kept. */
  note(kind: UnmappedEntry['kind'], value: string, at: Pos, action: string): void {
    const key = `${kind}\0${value}`;
    const e = this.entries.get(key);
    if (e) e.count++;
    else this.entries.set(key, { kind, value, count: 1, line: at.line, col: at.col, action });
  }

  /** The problems, with a last one counting those not listed. */
  allProblems(): TermbaseProblem[] {
    if (!this.dropped) return this.problems;
    const last = this.problems[this.problems.length - 1];
    return [...this.problems, { file: this.file, line: last.line, col: last.col, message: `and ${this.dropped} more problem(s) like these`, severity: last.severity }];
  }

  /** The report, in the order things were first seen. */
  report(): UnmappedEntry[] {
    return [...this.entries.values()];
  }
}

// ---- statuses ------------------------------------------------------------------------

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/[\s_\-–.’']+/g, ' ').trim();

/**
 * Status words → Lingo statuses. TBX: administrativeStatus (…-admn-sts) and normativeAuthorization (ISO 12620:
 * standardized, preferred, admitted, deprecated, superseded, legal, regulated). A legal or regulated term is the
 * one the law or a regulator prescribes: preferred. A superseded term was replaced: deprecated. A proposed or new
 * term (Acrolinx, Phrase, memoQ candidates) is in use but not yet approved: admitted, so it never raises a
 * warning and is not pushed over the approved term. Rejected (Acrolinx, Phrase): a reviewer ruled it out: deprecated.
 * The tools' own words in the five languages Lingo speaks, and in German and French, which many termbases use.
 */
const STATUS_WORDS: Record<Status, string[]> = {
  preferred: [
    'preferredTerm-admn-sts', 'preferredTerm', 'preferred', 'preferred term', 'standardizedTerm-admn-sts', 'standardizedTerm',
    'standardized', 'standardised', 'legalTerm-admn-sts', 'legalTerm', 'legal', 'regulatedTerm-admn-sts', 'regulatedTerm', 'regulated',
    'approved', 'valid', 'recommended', 'mandatory', 'required', 'use', 'authorized', 'authorised', 'released', 'main term', 'head term',
    'föredragen', 'föredragen term', 'rekommenderad', 'godkänd', 'voorkeur', 'voorkeursterm', 'aanbevolen', 'goedgekeurd',
    'preferowany', 'zalecany', 'zatwierdzony', '首選', '首選詞', '推薦', '建議', '核准', '首选', '推荐', '批准',
    'bevorzugt', 'empfohlen', 'freigegeben', 'préféré', 'privilégié', 'recommandé', 'approuvé',
  ],
  admitted: [
    'admittedTerm-admn-sts', 'admittedTerm', 'admitted', 'admitted term', 'permitted', 'allowed', 'acceptable', 'accepted', 'tolerated',
    'proposed', 'new', 'candidate', 'draft', 'pending', 'unreviewed', 'in review', 'provisional', 'alternative', 'synonym', 'variant',
    'secondary', 'tillåten', 'accepterad', 'föreslagen', 'ny', 'toegestaan', 'toegelaten', 'voorgesteld', 'nieuw',
    'dopuszczalny', 'dopuszczony', 'proponowany', 'nowy', '允許', '可用', '容許', '提議', '新', '允许', '提议',
    'zugelassen', 'erlaubt', 'vorgeschlagen', 'neu', 'admis', 'autorisé', 'proposé', 'nouveau',
  ],
  deprecated: [
    'deprecatedTerm-admn-sts', 'deprecatedTerm', 'deprecated', 'supersededTerm-admn-sts', 'supersededTerm', 'superseded',
    'forbidden', 'prohibited', 'do not use', "don't use", 'dont use', 'not allowed', 'not permitted', 'rejected', 'obsolete',
    'outdated', 'avoid', 'banned', 'blocked', 'blacklisted', 'incorrect', 'wrong', 'not recommended', 'discouraged', 'retired', 'legacy',
    'förbjuden', 'avrådd', 'undvik', 'använd inte', 'föråldrad', 'verboden', 'afgeraden', 'niet gebruiken', 'verouderd', 'afgekeurd',
    'zakazany', 'niezalecany', 'niedozwolony', 'nie używać', 'przestarzały', 'odrzucony', '禁用', '禁止', '不建議', '勿用', '棄用', '淘汰',
    '不建议', '弃用', 'verboten', 'abgelehnt', 'veraltet', 'nicht verwenden', 'interdit', 'déconseillé', 'rejeté', 'obsolète', 'à éviter',
  ],
};
const STATUS_OF = new Map<string, Status>();
for (const [status, words] of Object.entries(STATUS_WORDS) as [Status, string[]][]) for (const w of words) STATUS_OF.set(norm(w), status);

/** The Lingo status a termbase's status word means (any case, spacing, hyphens or underscores), if it means one. */
export const mapStatus = (value: string): Status | undefined => STATUS_OF.get(norm(value));

/** The data categories (TBX types, DCT element names, CSV columns) that hold a term's status, strongest first. */
export const STATUS_CATEGORIES = ['administrativeStatus', 'normativeAuthorization', 'usageStatus', 'termStatus', 'status', 'usage'];

// ---- languages --------------------------------------------------------------------------

/** A language tag or name as Lingo reads it: one of its languages, Simplified Chinese, another language, or none. */
export type LangRead = { lang: Lang } | { simplified: true } | { zh: true } | { other: string } | undefined;

const NAMES: Record<string, Lang | 'zh-Hans' | 'zh'> = {
  english: 'en', engelska: 'en', engels: 'en', angielski: 'en', 英文: 'en', 英語: 'en', 英语: 'en', englisch: 'en', anglais: 'en',
  swedish: 'sv', svenska: 'sv', zweeds: 'sv', szwedzki: 'sv', 瑞典文: 'sv', 瑞典語: 'sv', schwedisch: 'sv', suédois: 'sv',
  dutch: 'nl', flemish: 'nl', nederlands: 'nl', vlaams: 'nl', nederländska: 'nl', holenderski: 'nl', niderlandzki: 'nl', 荷蘭文: 'nl', 荷蘭語: 'nl', niederländisch: 'nl', néerlandais: 'nl',
  polish: 'pl', polski: 'pl', polska: 'pl', pools: 'pl', 波蘭文: 'pl', 波蘭語: 'pl', polnisch: 'pl', polonais: 'pl',
  'traditional chinese': 'zh-Hant', 'chinese traditional': 'zh-Hant', 'chinese (traditional)': 'zh-Hant', 'chinese (taiwan)': 'zh-Hant',
  'chinese (hong kong)': 'zh-Hant', 'chinese taiwan': 'zh-Hant', 'chinese (trad.)': 'zh-Hant', 繁體中文: 'zh-Hant', 正體中文: 'zh-Hant', '中文（繁體）': 'zh-Hant', '中文(繁體)': 'zh-Hant',
  'simplified chinese': 'zh-Hans', 'chinese simplified': 'zh-Hans', 'chinese (simplified)': 'zh-Hans', 'chinese (prc)': 'zh-Hans', 'chinese (china)': 'zh-Hans', 简体中文: 'zh-Hans', '中文（简体）': 'zh-Hans', '中文(简体)': 'zh-Hans',
  chinese: 'zh', 中文: 'zh',
};
/** Other languages' names, so that a column named so is counted as a language Lingo does not check. */
const OTHER_NAMES = new Set(['german', 'deutsch', 'french', 'français', 'francais', 'spanish', 'español', 'italian', 'italiano', 'portuguese', 'português',
  'japanese', '日本語', 'korean', '한국어', 'russian', 'русский', 'danish', 'dansk', 'norwegian', 'norsk', 'finnish', 'suomi', 'czech', 'čeština',
  'hungarian', 'magyar', 'turkish', 'türkçe', 'arabic', 'hebrew', 'greek', 'romanian', 'ukrainian', 'thai', 'vietnamese', 'indonesian', 'hindi']);

/**
 * A language tag (xml:lang: en, en-US, en_GB, sv-SE, nl-BE, pl-PL, zh-TW, zh-Hant-HK, zh-CN, zh-Hans…) or a language
 * name (English, Svenska, "Chinese (Traditional)", 繁體中文…). Traditional Chinese: zh-Hant and the regions that
 * write it (TW, HK, MO); Simplified: zh-Hans and CN, SG, MY. A bare "zh" or "Chinese" says neither (`zh`): the
 * reader decides by the characters.
 */
export function mapLanguage(raw: string): LangRead {
  const s = raw.trim();
  if (!s) return undefined;
  const lower = s.toLowerCase().replace(/_/g, '-');
  const named = NAMES[lower] ?? NAMES[lower.replace(/\s+/g, ' ')];
  if (named) return named === 'zh-Hans' ? { simplified: true } : named === 'zh' ? { zh: true } : { lang: named };
  if (OTHER_NAMES.has(lower)) return { other: s };
  const m = /^([a-z]{2,3})(?:-([a-z0-9]{1,8}))*$/.exec(lower);
  if (!m) return undefined;
  const [primary, ...rest] = lower.split('-');
  if (primary === 'en' || primary === 'eng') return { lang: 'en' };
  if (primary === 'sv' || primary === 'swe') return { lang: 'sv' };
  if (primary === 'nl' || primary === 'nld' || primary === 'dut') return { lang: 'nl' };
  if (primary === 'pl' || primary === 'pol') return { lang: 'pl' };
  if (primary === 'zh' || primary === 'zho' || primary === 'chi' || primary === 'cmn' || primary === 'yue') {
    if (rest.includes('hant') || rest.some((r) => ['tw', 'hk', 'mo'].includes(r))) return { lang: 'zh-Hant' };
    if (rest.includes('hans') || rest.some((r) => ['cn', 'sg', 'my'].includes(r))) return { simplified: true };
    return { zh: true };
  }
  return { other: s };
}

/** Whether Chinese text is written in Traditional characters: some character folds to another (Simplified) one. */
export function looksTraditional(texts: string[]): boolean {
  return texts.some((t) => [...t].some((c) => /\p{Script=Han}/u.test(c) && foldKey(c) !== c));
}

// ---- ids and domains ----------------------------------------------------------------------

/** A text as a Lingo id (lower-case letters, digits, hyphens), or '' when nothing is left. */
export function slug(s: string, max = 100): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
}

// ---- concepts, as the readers gather them -------------------------------------------------------

export interface RawTerm {
  text: string;
  pos: Pos;
  acronym: boolean;
  /** The status word as written, and where. */
  status?: { value: string; pos: Pos };
  note?: string;
  /** Lingo's own fields (x-lingo- categories, Lingo CSV columns), kept as they are. */
  lingo?: Partial<TermData> & Partial<AcronymData>;
}

export interface RawLang { lang: Lang; pos: Pos; definition?: string; terms: RawTerm[] }

export interface RawConcept {
  /** The concept id as the file gives it (or none). */
  id?: string;
  pos: Pos;
  /** Subject field as written. */
  domain?: string;
  name?: string;
  related: string[];
  langs: RawLang[];
  /** The file is Lingo's own (x-lingo- categories, Lingo's CSV columns): ids kept as they are. */
  lingo?: Partial<ConceptData>;
}

/** The schema's limits (workspace-glossary.schema.json). */
const LIMITS = { text: 200, definition: 1000, note: 300, name: 200 };

/** A text cut to `max` characters at a word end, with an ellipsis. */
function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

const ORDER: Record<Status, number> = { preferred: 0, admitted: 1, deprecated: 2 };

/**
 * A string of its own. Texts read from a termbase are slices of the whole file's text, and V8 keeps the whole text
 * (140 MB for 70 MB of TBX in two-byte characters) alive while one slice of it lives: the glossary keeps copies.
 */
export const own = (s: string): string => (s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8'));

/**
 * Makes a gathered concept valid Lingo data, or undefined (counted) when no language of Lingo's is left with a term.
 * Statuses are mapped (a term without one: the first of its language preferred, the others admitted; a value with no
 * Lingo status: admitted, counted); the preferred term comes first; a language of only acronyms uses them as terms;
 * texts over the schema's limits are shortened (definitions, notes) or left out (terms), counted.
 */
export function finishConcept(raw: RawConcept, id: string, log: TermbaseLog): ConceptData | undefined {
  const langs: ConceptData['langs'] = {};
  for (const l of raw.langs) {
    const terms: TermData[] = [];
    const acronyms: AcronymData[] = [];
    const seen = new Set<string>();
    let first = true;
    for (const t of l.terms) {
      const text = own(t.text.replace(/\s+/g, ' ').trim());
      if (!text) { log.note('concept', 'empty term', t.pos, 'left out'); continue; }
      if (text.length > LIMITS.text) { log.problem(t.pos, `the term "${text.slice(0, 40)}…" is longer than ${LIMITS.text} characters; it is left out`, 'warning'); continue; }
      const key = `${t.acronym ? 'a' : 't'}${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let status: Status | undefined;
      if (t.status) {
        status = mapStatus(t.status.value);
        if (!status) log.note('status', t.status.value.trim(), t.status.pos, 'read as admitted');
      } else if (t.lingo?.status) status = t.lingo.status;
      const note = t.note !== undefined ? noteText(t.note, t.pos, log) : undefined;
      if (t.acronym) {
        const a: AcronymData = { text, ...(t.lingo as AcronymData | undefined) };
        if (status) a.status = status; else delete a.status;
        if (note !== undefined) a.note = note;
        acronyms.push(a);
      } else {
        const data: TermData = { text, status: status ?? (t.status ? 'admitted' : first ? 'preferred' : 'admitted'), ...(t.lingo as TermData | undefined) };
        data.text = text;
        data.status = status ?? (t.status ? 'admitted' : first ? 'preferred' : 'admitted');
        if (!t.status && !t.lingo?.status) log.note('status', '(none)', t.pos, 'first term of a language read as preferred, the others as admitted');
        if (note !== undefined) data.note = note;
        terms.push(data);
        first = false;
      }
    }
    if (!terms.length && acronyms.length) {
      // A language of only short forms: they are its terms (Lingo needs a full term in every language).
      for (const a of acronyms.splice(0)) terms.push({ text: a.text, status: a.status ?? (terms.length ? 'admitted' : 'preferred'), ...(a.note !== undefined ? { note: a.note } : {}) });
    }
    if (!terms.length) continue;
    terms.sort((a, b) => ORDER[a.status] - ORDER[b.status]); // stable: the termbase's order within a status
    const sec: ConceptData['langs'][Lang] = { terms };
    if (l.definition !== undefined && l.definition.trim()) sec.definition = own(longText(l.definition.replace(/\s+/g, ' ').trim(), LIMITS.definition, 'definition', l.pos, log));
    if (acronyms.length) sec.acronyms = acronyms;
    langs[l.lang] = sec;
  }
  if (!Object.keys(langs).length) {
    log.note('concept', 'no term in a language Lingo checks', raw.pos, 'concept left out');
    return undefined;
  }
  const firstTerm = (langs.en ?? Object.values(langs)[0]!).terms[0].text;
  const concept: ConceptData = { id, name: own(shorten((raw.name ?? firstTerm).trim() || firstTerm, LIMITS.name)) } as ConceptData;
  const lingo = raw.lingo ?? {};
  if (raw.related.length || lingo.related) concept.related = [...new Set(raw.related)];
  if (lingo.seeds) concept.seeds = lingo.seeds;
  if (lingo.disabled !== undefined) concept.disabled = lingo.disabled;
  concept.langs = langs;
  return concept;
}

function noteText(s: string, at: Pos, log: TermbaseLog): string | undefined {
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? own(longText(t, LIMITS.note, 'note', at, log)) : undefined;
}

function longText(s: string, max: number, what: string, at: Pos, log: TermbaseLog): string {
  if (s.length <= max) return s;
  log.note('shortened', what, at, `cut to ${max} characters`);
  return shorten(s, max);
}

/**
 * Ids for one file's concepts: a Lingo file's own ids as they are; another tool's ids (numbers, GUIDs, "c123"),
 * which would clash between two termbases, prefixed with the file's name ("acme-c123"); a concept without one
 * named by its first term. Unique within the file (a second "-2").
 */
export class ConceptIds {
  private readonly used = new Set<string>();
  constructor(private readonly prefix: string) {}
  make(raw: RawConcept, firstTerm: string | undefined, index: number): string {
    const own = raw.lingo && raw.id && /^[a-z0-9][a-z0-9-]*$/.test(raw.id) ? raw.id : undefined;
    let base = own ?? `${this.prefix}-${slug(raw.id ?? '') || slug(firstTerm ?? '') || String(index + 1)}`.slice(0, 110);
    if (!/^[a-z0-9]/.test(base)) base = `t${base}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** A domain id for a subject field ("Sales & Marketing" → "sales-marketing"), or the fallback. */
export function domainId(subject: string | undefined, fallback: string): string {
  const s = slug(subject ?? '', 60);
  return /^[a-z]/.test(s) ? s : s ? `d-${s}` : fallback;
}
