/**
 * Builds the glossary model from parsed glossary files: validates each file, links concepts,
 * generates every surface form of every term (inflections, acronym suffixes, joined compounds) and
 * compiles them into one Matcher. A broken entry is reported and left out; the rest loads.
 */
import { foldKey, hasHan } from './fold';
import { clearInflectionCache, inflect, type InflectHints } from './inflect';
import type { TermIndex } from './completion';
import { MatcherBuilder, Matcher } from './matcher';
import type { NameIndex } from './nameIndex';
import type { HanLexicon } from './senses';
import type { AcronymData, Concept, ConceptData, GlossaryIssue, GlossarySource, Lang, Status, Term, TermContext, TermData } from './types';
import { LANGS } from './types';
import { validateGlossaryFile } from './validate';

export type DomainNames = Record<string, Partial<Record<Lang, string>>>;

export interface Glossary {
  concepts: Concept[];
  /** Concepts by id (a compiled glossary answers without a map of them all). */
  byId: ReadonlyMap<string, Concept>;
  terms: Term[];
  matcher: Matcher;
  domains: DomainNames;
  /** Completion's prefix index and terms by index (see CompletionIndex), when the glossary brings them made (a compiled glossary does). */
  prefixIndex?: TermIndex;
  /** A general Chinese vocabulary, for word boundaries around Chinese terms (senses.ts); without it a Chinese term matches wherever its characters stand. */
  lexicon?: HanLexicon;
  /** What a concept is called, by its index, without making it, when the glossary can tell (a compiled one: the Glossary view's lists). */
  outline?: ConceptOutline;
  /** The name index of workspace symbols and the Glossary view's filter (symbols.ts), read when asked for, when the glossary brings it made (a compiled one does). */
  nameIndex?: () => NameIndex;
}

/** A concept's names as the Glossary view reads them: each term and acronym in section order (by language; terms, then acronyms). */
export interface ConceptName { text: string; lang: Lang; status: Status; acronym: boolean }
export interface ConceptOutline {
  id(c: number): string;
  domain(c: number): string;
  names(c: number): ConceptName[];
}

/** Endings written after an acronym in running text: MQLs, MQL's, KPI:er, MQL-e, KPI-ów. */
const ACRONYM_SUFFIXES = ['s', "'s", ':s', ':er', ':erna', ':en', ':et', ':n', '-s', '-y', '-ów', '-a', '-u', '-em', '-ie', '-e', '-i', '-om', '-ami', '-ach', '-owi'];

/** The acronyms of the many sections that have none: one shared, frozen empty list. */
export const NO_TERMS = Object.freeze([]) as unknown as Term[];

export interface BuildOptions {
  domains?: DomainNames;
  /** Skip schema validation (the built-in glossary is validated when it is compiled). */
  trusted?: boolean;
}

export function buildGlossary(sources: GlossarySource[], options: BuildOptions = {}): { glossary: Glossary; issues: GlossaryIssue[] } {
  const issues: GlossaryIssue[] = [];
  const concepts: Concept[] = [];
  const byId = new Map<string, Concept>();
  const terms: Term[] = [];

  // The layer of each term (its source's place in the merge order), when there are several layers.
  const layerOf: number[] = [];
  let layered = false;
  for (const { file, data, layer = 0 } of sources) {
    const before = terms.length;
    if (layer) layered = true;
    const schemaIssues = options.trusted ? [] : validateGlossaryFile(file, data);
    issues.push(...schemaIssues);
    const file_ = data as { domain?: unknown; concepts?: unknown };
    if (!file_ || typeof file_ !== 'object' || !Array.isArray(file_.concepts)) continue;
    const domain = typeof file_.domain === 'string' ? file_.domain : 'general';
    const broken = new Set(schemaIssues.map((i) => i.pointer.split('/')[2]).filter((x) => x !== undefined));
    file_.concepts.forEach((raw: ConceptData, i: number) => {
      if (broken.has(String(i))) return; // reported above; the entry is left out
      if (raw.disabled) return;
      if (byId.has(raw.id)) {
        issues.push({ file, entry: raw.id, field: 'id', message: `is used twice (also in ${byId.get(raw.id)!.file}); the second entry is left out`, severity: 'error', pointer: `/concepts/${i}/id` });
        return;
      }
      const concept: Concept = { id: raw.id, name: raw.name, domain, related: raw.related ?? [], seeds: raw.seeds ?? [], file, langs: {} };
      for (const lang of LANGS) {
        const s = raw.langs[lang];
        if (!s) continue;
        // Arrays made by map() are exactly as long as they need to be (push() leaves room for 17).
        const sectionTerms = s.terms.map((t, rank) => makeTerm(terms, concept, lang, t, rank));
        const acronyms = s.acronyms?.length ? s.acronyms.map((a, k) => makeAcronym(terms, concept, lang, a, s.terms.length + k, sectionTerms[0]?.text)) : NO_TERMS;
        concept.langs[lang] = { definition: s.definition, terms: sectionTerms, acronyms };
      }
      concepts.push(concept);
      byId.set(concept.id, concept);
    });
    for (let k = before; k < terms.length; k++) layerOf[k] = layer;
  }

  // Links.
  for (const c of concepts) {
    if (c.related.every((r) => byId.has(r))) continue;
    c.related = c.related.filter((r) => {
      if (byId.has(r)) return true;
      issues.push({ file: c.file, entry: c.id, field: 'related', message: `names an unknown concept "${r}"`, severity: 'warning', pointer: '' });
      return false;
    });
  }

  // A later glossary's term written like an earlier one's takes the text over: the earlier term stays in its concept
  // but is not found (left out of the matcher).
  const overridden = layered ? overrides(terms, layerOf, issues) : undefined;

  // Forms are generated term by term straight into the builder: none of them is kept.
  const builder = new MatcherBuilder();
  for (const t of terms) if (!overridden?.has(t.index)) for (const f of termForms(t)) builder.addText(f, t.index);
  clearInflectionCache();
  const matcher = builder.build();

  // Terms written alike (same folded text, both acronyms or both not) in different concepts. A term's text is
  // one of its keys, so the key number groups them: no map of strings for half a million terms.
  const n = terms.length;
  const byKey = new Float64Array(n);
  for (const t of terms) {
    const k = matcher.lookup(foldKey(t.text));
    byKey[t.index] = ((k < 0 ? matcher.keyCount : k) * 2 + (t.acronym ? 1 : 0)) * n + t.index;
  }
  byKey.sort();
  const overlaps: [number, GlossaryIssue][] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && Math.floor(byKey[j] / n) === Math.floor(byKey[i] / n)) j++;
    if (j - i > 1) {
      const list = Array.from(byKey.subarray(i, j), (x) => terms[x % n]).filter((t) => !overridden?.has(t.index));
      const ids = new Set(list.map((t) => t.concept.id));
      if (ids.size > 1 && list.some((t) => !t.ambiguous)) {
        const t = list.find((x) => !x.ambiguous)!;
        overlaps.push([list[0].index, { file: t.concept.file, entry: t.concept.id, field: `langs.${t.lang}.${t.acronym ? 'acronyms' : 'terms'}`, message: `"${t.text}" also names ${[...ids].filter((i) => i !== t.concept.id).join(', ')}; mark it "ambiguous": true in each concept if that is intended`, severity: 'warning', pointer: '', kind: 'overlap' }]);
      }
    }
    i = j;
  }
  overlaps.sort((x, y) => x[0] - y[0]);
  for (const [, issue] of overlaps) issues.push(issue);
  return { glossary: { concepts, byId, terms, matcher, domains: options.domains ?? {} }, issues };
}

/** 32-bit FNV-1a of a string. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The terms a term of a later layer takes over: written alike (the same folded text, both acronyms or both not), in
 * another concept, of an earlier layer, where the later layer's term is not marked ambiguous (marked, both stay, as
 * within one layer). Each is reported once, as an 'override' warning on the later concept. Found by a hash of each
 * folded text, sorted with the term's index as numbers: no map of strings.
 */
function overrides(terms: Term[], layerOf: number[], issues: GlossaryIssue[]): Set<number> {
  const out = new Set<number>();
  const found: [number, GlossaryIssue][] = [];
  const n = terms.length;
  if (n >= 2 ** 20) return out; // hash × index would not fit in a double's 53 bits
  const keys = new Float64Array(n);
  for (const t of terms) keys[t.index] = ((fnv(foldKey(t.text)) ^ (t.acronym ? 0x5bd1e995 : 0)) >>> 0) * 2 ** 20 + t.index;
  keys.sort();
  for (let i = 0; i < n; ) {
    const h = Math.floor(keys[i] / 2 ** 20);
    let j = i + 1;
    while (j < n && Math.floor(keys[j] / 2 ** 20) === h) j++;
    if (j - i > 1) {
      // Same hash: the same text, or (rarely) another one with the same hash.
      const byText = new Map<string, Term[]>();
      for (let k = i; k < j; k++) {
        const t = terms[keys[k] % 2 ** 20];
        const key = `${t.acronym ? 1 : 0}${foldKey(t.text)}`;
        const list = byText.get(key);
        if (list) list.push(t); else byText.set(key, [t]);
      }
      for (const list of byText.values()) {
        if (list.length < 2 || list.every((t) => t.concept === list[0].concept)) continue;
        const top = Math.max(...list.map((t) => layerOf[t.index]));
        const winner = list.find((t) => layerOf[t.index] === top && !t.ambiguous);
        const lower = list.filter((t) => layerOf[t.index] < top && t.concept !== winner?.concept);
        if (!winner || !lower.length) continue;
        for (const t of lower) out.add(t.index);
        const ids = [...new Set(lower.map((t) => t.concept.id))];
        found.push([winner.index, {
          file: winner.concept.file, entry: winner.concept.id, field: `langs.${winner.lang}.${winner.acronym ? 'acronyms' : 'terms'}`,
          message: `"${winner.text}" is also a term of ${ids.join(', ')} in an earlier glossary; this one, the later, is found there`,
          severity: 'warning', pointer: '', kind: 'override',
        }]);
      }
    }
    i = j;
  }
  found.sort((x, y) => x[0] - y[0]);
  for (const [, issue] of found) issues.push(issue);
  return out;
}

function makeTerm(terms: Term[], concept: Concept, lang: Lang, t: TermData, rank: number): Term {
  const status = t.mistranslation ? 'deprecated' : t.status;
  const bits = packBits(lang, status, rank, false, !!t.loanword, !!t.mistranslation, !!t.ambiguous, t.homograph === 'verb', t.register === 'colloquial');
  const context = contextOf(t);
  const term = new PackedTerm(terms.length, concept, t.text, bits, inflectionHints(t), t.note === undefined && t.replacement === undefined && !context ? undefined : { note: t.note, replacement: t.replacement, context });
  terms.push(term);
  return term;
}

export const STATUSES: readonly Status[] = ['preferred', 'admitted', 'deprecated'];

/** A term's small fields in one number (as PackedTerm reads them; also the column of a compiled glossary). */
export function packBits(lang: Lang, status: Status, rank: number, acronym: boolean, loanword: boolean, mistranslation: boolean, ambiguous: boolean, verb: boolean, colloquial = false): number {
  return (LANGS.indexOf(lang) & 7) | ((STATUSES.indexOf(status) & 3) << 3) | (+acronym << 5) | (+loanword << 6) | (+mistranslation << 7) | (+ambiguous << 8) | (+verb << 9) | (+colloquial << 10) | (rank << 11);
}

/** The bit of an acronym in packBits. */
export const ACRONYM_BIT = 1 << 5;

/**
 * A Term as the model holds it: its small fields packed into one number and its rare texts in one optional
 * object, read through getters. A large glossary has half a million terms; an object of 6 fields instead of
 * 15 is 30 MB less with 50,000 concepts. (A compiled glossary makes the same objects from its columns.)
 */
export class PackedTerm implements Term {
  constructor(
    readonly index: number,
    readonly concept: Concept,
    readonly text: string,
    private readonly bits: number,
    readonly inflection: InflectHints | undefined,
    private readonly more: { expansion?: string; note?: string; replacement?: string; context?: TermContext } | undefined,
  ) {}
  get lang(): Lang { return LANGS[this.bits & 7]; }
  get status(): Status { return STATUSES[(this.bits >> 3) & 3]; }
  get acronym(): boolean { return (this.bits & ACRONYM_BIT) !== 0; }
  get loanword(): boolean { return (this.bits & (1 << 6)) !== 0; }
  get mistranslation(): boolean { return (this.bits & (1 << 7)) !== 0; }
  get ambiguous(): boolean { return (this.bits & (1 << 8)) !== 0; }
  get homograph(): 'verb' | undefined { return this.bits & (1 << 9) ? 'verb' : undefined; }
  get colloquial(): boolean { return (this.bits & (1 << 10)) !== 0; }
  get rank(): number { return this.bits >>> 11; }
  get expansion(): string | undefined { return this.more?.expansion; }
  get note(): string | undefined { return this.more?.note; }
  get replacement(): string | undefined { return this.more?.replacement; }
  get context(): TermContext | undefined { return this.more?.context; }
}

/** The entry's context fields (notIn, notNear, cues) that say anything, or undefined. */
function contextOf(t: TermData | AcronymData): TermContext | undefined {
  const c: TermContext = {};
  if (t.notIn?.length) c.notIn = t.notIn;
  if (t.notNear?.length) c.notNear = t.notNear;
  if (t.cues?.length) c.cues = t.cues;
  return c.notIn || c.notNear || c.cues ? c : undefined;
}

/** Hints that are only a gender, a head or "do not inflect" (most are): one shared object per combination. */
const sharedHints = new Map<string, InflectHints>();

/** The hints inflect() reads, when the entry gives any. */
function inflectionHints(t: TermData): InflectHints | undefined {
  if (t.gender === undefined && t.head === undefined && t.plural === undefined && t.forms === undefined && t.inflect === undefined) return undefined;
  const h: InflectHints = {};
  if (t.gender !== undefined) h.gender = t.gender;
  if (t.head !== undefined) h.head = t.head;
  if (t.plural !== undefined) h.plural = t.plural;
  if (t.forms !== undefined) h.forms = t.forms;
  if (t.inflect !== undefined) h.inflect = t.inflect;
  if (h.plural !== undefined || h.forms !== undefined) return h;
  const key = `${h.gender}|${h.head}|${h.inflect}`;
  let shared = sharedHints.get(key);
  if (!shared) sharedHints.set(key, (shared = Object.freeze(h)));
  return shared;
}

function makeAcronym(terms: Term[], concept: Concept, lang: Lang, a: AcronymData, rank: number, preferred?: string): Term {
  const bits = packBits(lang, a.status ?? 'preferred', rank, true, false, false, !!a.ambiguous, false);
  const expansion = a.expansion ?? preferred;
  const context = contextOf(a);
  const term = new PackedTerm(terms.length, concept, a.text, bits, undefined, expansion === undefined && a.note === undefined && !context ? undefined : { expansion, note: a.note, context });
  terms.push(term);
  return term;
}

/** Traditional (Taiwan) words and the Traditional spelling that folds to their Simplified form. */
const PHRASE_VARIANTS: [string, string][] = [['計畫', '計劃'], ['規畫', '規劃'], ['企畫', '企劃'], ['策畫', '策劃'], ['回覆', '回復'], ['答覆', '答復']];

/**
 * Every surface form the matcher knows for a term (inflections, variants; for acronyms the endings
 * written after them), the text itself first. Computed afresh on each call (the glossary keeps no
 * form lists: with large glossaries they are millions of strings), always the same for a term.
 */
export function termForms(term: Term): string[] {
  if (term.acronym) return [term.text, ...(hasHan(term.text) ? [] : ACRONYM_SUFFIXES.map((s) => term.text + s))];
  const h = term.inflection;
  const forms = new Set<string>(h?.inflect === false ? [term.text] : inflect(term.lang, term.text, h));
  for (const f of h?.forms ?? []) forms.add(f);
  if (hasHan(term.text)) {
    // Taiwan spellings whose Simplified form is another character than the one folding gives (計畫 is 计划, not 计画;
    // 回覆 is 回复): the variant folds to what Simplified text writes.
    for (const f of [...forms]) for (const [tw, alt] of PHRASE_VARIANTS) if (f.includes(tw)) forms.add(f.split(tw).join(alt));
    // Mixed scripts: "CRM系統" is also written "CRM 系統".
    for (const f of [...forms]) {
      const spaced = f.replace(/([A-Za-z0-9])(?=\p{Script=Han})|(\p{Script=Han})(?=[A-Za-z0-9])/gu, '$1$2 ');
      if (spaced !== f) forms.add(spaced);
    }
  } else {
    // Closed compounds: "lead scoring" is also written "leadscoring".
    for (const f of [...forms]) if (/[ -]/.test(f)) forms.add(f.replace(/[ -]+/g, ''));
  }
  return [...forms];
}

/** Whether `written` (as in the document) is an acronym term as written, with or without one of its endings ("MQL-e"). */
export function isAcronymAsWritten(term: Term, written: string): boolean {
  if (written === term.text) return true;
  return !hasHan(term.text) && written.startsWith(term.text) && ACRONYM_SUFFIXES.includes(written.slice(term.text.length));
}
