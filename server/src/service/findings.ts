/**
 * The checks: acronyms used before they are spelled out, one concept named with different terms,
 * deprecated terms and mistranslations. Findings are offsets and words; languageService turns them
 * into LSP diagnostics and code actions.
 */
import type { Analysis, Occurrence } from './analysis';
import { foldKey, isHanCode } from './fold';
import { format, messages } from './l10n';
import { ruleDeclaration, type RuleId } from './declarations';
import { fitTerm, governedCase } from './replace';
import type { Concept, Lang, Term } from './types';
import { conceptLabel, firstIndex, matchCase, ownText, replacementFor, spelledOut, statusRank } from './util';

export interface Edit { start: number; end: number; newText: string }
/**
 * `otherLanguage`: the fix writes a term of this language, which is neither the language of the text it replaces nor
 * the document's (the glossary has no term to use in them). Such a fix is never the preferred one, and
 * `lingo check --fix` leaves it to the writer (autoFixOf).
 */
export interface Fix { title: string; edits: Edit[]; preferred?: boolean; otherLanguage?: Lang }
export interface Finding {
  rule: RuleId;
  start: number;
  end: number;
  message: string;
  related?: { start: number; end: number; message: string }[];
  /** Related information in another document (consistency across files). */
  relatedLocation?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string };
  fixes: Fix[];
  /** The most edits one of its fixes makes, when known without building the fixes ("replace all"). */
  readonly mostEdits?: number;
  /** Its fixes' titles, in the order of `fixes`, without building their edits (a "replace all" fits each place). */
  readonly fixTitles?: FixTitle[];
}

export interface FixTitle { title: string; preferred?: boolean; otherLanguage?: Lang }

/** The fix `lingo check --fix` applies for a finding: the preferred one of a rule declared `autoFix`, unless it writes another language. */
export function autoFixOf(f: Finding): Fix | undefined {
  if (!ruleDeclaration(f.rule)?.autoFix) return undefined;
  const fix = f.fixes.find((x) => x.preferred);
  return fix && !fix.otherLanguage ? fix : undefined;
}

/**
 * "Replace all": the occurrences of one name (`from`) that another name of the concept (`target`) should replace,
 * each written to fit its place (fitTerm). Like the occurrences, it lives on across edits that leave it
 * unchanged: `text` is that of the newest version.
 */
interface ReplaceAll { title: string; from: Term; target: Term; occs: Occurrence[]; text: string; fix?: Fix; otherLanguage?: Lang }

/**
 * The title and the new text of a finding's own fix, made when first asked for: the replacement is inflected
 * to fit the text (fitTerm), which generates the forms of two terms, and most findings are never fixed.
 */
interface MadeFix { title: string; newText: string; otherLanguage?: Lang }
class OwnFix {
  #make: (() => MadeFix) | undefined;
  #made: MadeFix | undefined;
  constructor(make: (() => MadeFix) | undefined) {
    this.#make = make;
  }
  static made(title: string, newText: string): OwnFix {
    const f = new OwnFix(undefined);
    f.#made = { title, newText };
    return f;
  }
  get(): MadeFix {
    if (!this.#made) { this.#made = this.#make!(); this.#make = undefined; }
    return this.#made;
  }
}

/**
 * A finding of this module. Its fixes are built only when asked for: most findings are never fixed, and a
 * "replace all" fix lists every occurrence in the document. They are built from the current positions of
 * the occurrences (which move with edits, see reanalyzeInPlace) and the newest text.
 */
class RuleFinding implements Finding {
  related: { start: number; end: number; message: string }[] | undefined;
  readonly #fix: OwnFix | undefined;
  readonly #all: ReplaceAll | undefined;
  readonly #concept: Concept | undefined;
  // The diagnostic the language service made of this finding, for one document and severity.
  #diagnosticUri: string | undefined = undefined;
  #diagnosticSeverity = 0;
  #diagnostic: unknown = undefined;
  /** The finding moved since its diagnostic was made (see `moveTo`, `inheritDiagnostic`): the diagnostic's range may be out of date. */
  #diagnosticMoved = false;

  constructor(readonly rule: RuleId, public start: number, public end: number, readonly message: string,
    fix: OwnFix | undefined, all?: ReplaceAll, related?: Finding['related'], concept?: Concept) {
    this.#fix = fix;
    this.#all = all;
    this.#concept = concept;
    this.related = related; // always set: one object shape for every finding
  }

  /** The diagnostic stored with `f` for this document and severity by `storeDiagnostic`, if `f` is a finding of this module. */
  static storedDiagnostic(f: Finding, uri: string, severity: number): unknown {
    return f instanceof RuleFinding && f.#diagnosticUri === uri && f.#diagnosticSeverity === severity && !f.#diagnosticMoved ? f.#diagnostic : undefined;
  }

  /** `to`, computed again after an edit as `from` was, takes `from`'s diagnostic as a moved one (its place is checked when used). */
  static inheritDiagnostic(to: Finding, from: RuleFinding): void {
    if (!(to instanceof RuleFinding) || from.#diagnosticUri === undefined) return;
    to.#diagnosticUri = from.#diagnosticUri;
    to.#diagnosticSeverity = from.#diagnosticSeverity;
    to.#diagnostic = from.#diagnostic;
    to.#diagnosticMoved = true;
  }

  /** The diagnostic of `f` from before it moved (an edit before it), for this document and severity: its place may have changed. */
  static movedDiagnostic(f: Finding, uri: string, severity: number): unknown {
    return f instanceof RuleFinding && f.#diagnosticUri === uri && f.#diagnosticSeverity === severity && f.#diagnosticMoved ? f.#diagnostic : undefined;
  }

  /** Stores a diagnostic with a finding of this module (one per finding, replacing any); returns false for other findings. */
  static storeDiagnostic(f: Finding, uri: string, severity: number, diagnostic: unknown): boolean {
    if (!(f instanceof RuleFinding)) return false;
    f.#diagnosticUri = uri;
    f.#diagnosticSeverity = severity;
    f.#diagnostic = diagnostic;
    f.#diagnosticMoved = false;
    return true;
  }

  get mostEdits(): number {
    const n = this.#all?.occs.length ?? 0;
    return n < 2 ? 1 : n;
  }

  /** For inconsistent-term: the concept named in different ways. */
  get concept(): Concept | undefined {
    return this.#concept;
  }

  get fixTitles(): FixTitle[] {
    if (!this.#fix) return [];
    const { title, otherLanguage } = this.#fix.get();
    const own: FixTitle = otherLanguage ? { title, preferred: false, otherLanguage } : { title, preferred: true };
    const all = this.#all;
    return !all || all.occs.length < 2 ? [own] : [own, all.otherLanguage ? { title: all.title, otherLanguage: all.otherLanguage } : { title: all.title }];
  }

  get fixes(): Fix[] {
    if (!this.#fix) return [];
    const { title, newText, otherLanguage } = this.#fix.get();
    const edits = [{ start: this.start, end: this.end, newText }];
    const own: Fix = otherLanguage ? { title, edits, preferred: false, otherLanguage } : { title, edits, preferred: true };
    const all = this.#all;
    if (!all || all.occs.length < 2) return [own];
    // The same written form gets the same text: fitted once. One "replace all" per name and version of the text,
    // shared by the findings of its occurrences.
    if (!all.fix) {
      const fitted = new Map<string, string>();
      const fit = (o: Occurrence) => {
        const written = all.text.slice(o.start, o.end);
        const governed = all.target.lang === 'pl' ? governedCase(all.target.lang, all.text.slice(Math.max(0, o.start - 60), o.start)) : undefined;
        const key = `${written}|${governed ?? ''}`;
        let t = fitted.get(key);
        if (t === undefined) fitted.set(key, (t = fitTerm(written, all.from, all.target, governed)));
        return t;
      };
      all.fix = { title: all.title, edits: all.occs.map((o) => ({ start: o.start, end: o.end, newText: fit(o) })) };
      if (all.otherLanguage) all.fix.otherLanguage = all.otherLanguage;
    }
    return [own, all.fix];
  }

  /**
   * Moves this finding into the next version of the text, in place (the version it was found in is superseded):
   * new offsets and related places. Its diagnostic is then used again only where its lines and columns have not
   * changed (an edit on an earlier line that kept the line count); see diagnostics.ts.
   */
  moveTo(start: number, end: number, related: Finding['related']): void {
    if (start === this.start && end === this.end && related === this.related) return;
    this.start = start;
    this.end = end;
    this.related = related;
    this.#diagnosticMoved = true;
  }

  /**
   * Changes this finding in place: its "replace all" is now over `text`, the newest version, into which its
   * occurrences have moved (the fix built for the older text is dropped).
   */
  setNewestText(text: string): void {
    if (this.#all) { this.#all.text = text; this.#all.fix = undefined; }
  }
}

/**
 * The service's diagnostic of a finding, stored with the finding while it lives: findings before an edit are
 * kept as they were (updateFindings), and so are their lines and columns. Works for findings of this module;
 * `storeDiagnostic` returns false for others (consistency across files), which the caller may remember otherwise.
 */
export const storedDiagnostic = (f: Finding, uri: string, severity: number): unknown => RuleFinding.storedDiagnostic(f, uri, severity);
export const storeDiagnostic = (f: Finding, uri: string, severity: number, diagnostic: unknown): boolean => RuleFinding.storeDiagnostic(f, uri, severity, diagnostic);
export const movedDiagnostic = (f: Finding, uri: string, severity: number): unknown => RuleFinding.movedDiagnostic(f, uri, severity);

export const isAcronymUse = (o: Occurrence): boolean => {
  if (!o.term.acronym) return false;
  for (const t of o.terms) if (!t.acronym) return false;
  return true;
};
/** An acronym that surely is the glossary's (not one that may be something else here: SQL near "query"). */
const isCheckedAcronym = (o: Occurrence): boolean => !o.doubtful && isAcronymUse(o);

/**
 * For each acronym occurrence: is it written together with its expansion, as "Expansion (ACR)" or
 * "ACR (Expansion)"? Returns the concept it is spelled out as, or undefined.
 */
export function spelledOutAs(text: string, occs: Occurrence[], k: number): Concept | undefined {
  const o = occs[k];
  // Cheap test first: an expansion is next to an opening or closing parenthesis.
  let i = o.start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  let j = o.end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  const beforeParen = text[i] === '(' || text[i] === '（';
  const afterParen = text[j] === '(' || text[j] === '（';
  if (!beforeParen && !afterParen) return undefined;
  const concepts = new Set(o.terms.map((t) => t.concept));
  const prev = occs[k - 1], next = occs[k + 1];
  if (prev && !isAcronymUse(prev) && /^\s*[(（]\s*$/.test(text.slice(prev.end, o.start))) {
    const c = prev.terms.find((t) => concepts.has(t.concept))?.concept;
    if (c) return c;
  }
  if (next && !isAcronymUse(next) && /^\s*[(（]\s*$/.test(text.slice(o.end, next.start)) && /^\s*[)）]/.test(text.slice(next.end, next.end + 3))) {
    const c = next.terms.find((t) => concepts.has(t.concept))?.concept;
    if (c) return c;
  }
  // An expansion that is not itself a term ("Marketing Qualified Lead" in a Dutch document).
  const before = text.slice(Math.max(0, o.start - 120), o.start);
  const m = /([^()（）\n]{2,})[(（]\s*$/.exec(before);
  if (m) {
    const key = foldKey(m[1]);
    for (const t of o.terms) {
      for (const s of Object.values(t.concept.langs)) {
        for (const a of s?.acronyms ?? []) if (a.expansion && key.endsWith(foldKey(a.expansion))) return t.concept;
      }
    }
  }
  return undefined;
}

/** The first use of each acronym, where that first use is bare (not spelled out). */
export function acronymUses(text: string, a: Analysis): { occ: Occurrence; index: number }[] {
  const seen = new Map<string, boolean>(); // acronym text → spelled out already
  const out: { occ: Occurrence; index: number }[] = [];
  a.occurrences.forEach((o, k) => {
    if (!isCheckedAcronym(o)) return;
    const key = o.term.text;
    if (seen.has(key)) return; // only the first use of an acronym matters
    const spelled = spelledOutAs(text, a.occurrences, k) !== undefined;
    if (!spelled) out.push({ occ: o, index: k });
    seen.set(key, spelled);
  });
  return out;
}

/** acronym-undefined: the first bare use of each acronym. */
export function acronymFindings(text: string, a: Analysis): Finding[] {
  const lang = a.lang;
  const M = messages(lang);
  const q = M.quote;
  const findings: Finding[] = [];
  for (const { occ } of acronymUses(text, a)) {
    const acr = occ.term.text;
    const full = spelledOut(acr, occ.term.concept, lang);
    findings.push(new RuleFinding('acronym-undefined', occ.start, occ.start + acr.length, format(M.acronymUndefined, q(acr), q(full)), OwnFix.made(format(M.spellOut, q(full)), full)));
  }
  return findings;
}

export function computeFindings(text: string, a: Analysis, enabled: (r: RuleId) => boolean): Finding[] {
  const lang = a.lang;
  let findings: Finding[] = enabled('acronym-undefined') ? acronymFindings(text, a) : [];
  if (enabled('deprecated-term') || enabled('mistranslation')) findings = mergeByPlace(findings, deprecatedFindings(text, a.occurrences, lang).filter((f) => enabled(f.rule)));

  // Lists each in document order: merged, not sorted.
  return mergeByPlace(findings, enabled('inconsistent-term') ? inconsistencies(text, a, lang) : []);
}

/** Two lists of findings, each in document order (byPlace), as one. */
export function mergeByPlace(x: Finding[], y: Finding[]): Finding[] {
  if (!y.length) return x;
  if (!x.length) return y;
  const out: Finding[] = new Array(x.length + y.length);
  let i = 0, j = 0, k = 0;
  while (i < x.length && j < y.length) out[k++] = byPlace(x[i], y[j]) <= 0 ? x[i++] : y[j++];
  while (i < x.length) out[k++] = x[i++];
  while (j < y.length) out[k++] = y[j++];
  return out;
}

/** Document order; on one range, in the order of the rules' ranks (acronym findings before the others). */
const byPlace = (x: Finding, y: Finding) => x.start - y.start || x.end - y.end || ruleDeclaration(x.rule)!.rank - ruleDeclaration(y.rule)!.rank;

/** Are all these terms deprecated? (A loop: a closure per occurrence was most of what the rule allocated.) */
function allDeprecated(terms: Term[]): boolean {
  for (const x of terms) if (x.status !== 'deprecated') return false;
  return true;
}

/** deprecated-term and mistranslation, for these occurrences. */
function deprecatedFindings(text: string, occurrences: Occurrence[], lang: Lang): Finding[] {
  const M = messages(lang);
  const q = M.quote;
  const findings: Finding[] = [];
  for (const o of occurrences) {
    const t = o.term;
    if (o.doubtful || t.status !== 'deprecated' || !allDeprecated(o.terms)) continue;
    const rule: RuleId = t.mistranslation ? 'mistranslation' : 'deprecated-term';
    // Copies, not views on the text: the finding may outlive this version by many edits.
    const original = ownText(text.slice(o.start, o.end));
    const r = replacementFor(t, lang);
    // A term of another language than the one written and the document's is said to be so, in the message and the
    // fix's title; the glossary has none to use in them.
    const other = r && r.lang !== t.lang && r.lang !== lang ? r.lang : undefined;
    // The message names the replacement in its dictionary form; the fix writes it to fit the text.
    const base = !r
      ? format(t.mistranslation ? M.mistranslatedNoReplacement : M.deprecatedNoReplacement, q(original))
      : other
        ? format(t.mistranslation ? M.mistranslatedOtherLanguage : M.deprecatedOtherLanguage, q(original), q(r.text), M.inLanguage[t.lang], M.inLanguage[other])
        : format(t.mistranslation ? M.mistranslatedTerm : M.deprecatedTerm, q(original), q(matchCase(original, r.text)));
    const governed = lang === 'pl' ? governedCase(lang, text.slice(Math.max(0, o.start - 60), o.start)) : undefined;
    const fix = r && new OwnFix(() => {
      const repl = fitTerm(original, t, r.term ?? r.text, governed);
      return other
        ? { title: format(M.replaceWithOtherLanguage, q(repl), M.termLanguage[other]), newText: repl, otherLanguage: other }
        : { title: format(M.replaceWith, q(repl)), newText: repl };
    });
    findings.push(new RuleFinding(rule, o.start, o.end, t.note ? `${base}${M.sentenceGap}${t.note}` : base, fix));
  }
  return findings;
}

export interface Identity { key: string; best: Term; occs: Occurrence[] }

/** Orders the names of one concept for a document in `lang`: its language first, then status, then rank. */
export function better(lang: Lang) {
  return (x: Term, y: Term) => Number(x.lang !== lang) - Number(y.lang !== lang) || statusRank(x) - statusRank(y) || x.rank - y.rank;
}

const identityKeys = new WeakMap<Term, string>();
const identityKey = (t: Term): string => {
  let k = identityKeys.get(t);
  if (k === undefined) identityKeys.set(t, (k = foldKey(t.text)));
  return k;
};

/** The names a document gives each concept (acronyms, deprecated and ambiguous uses left out), grouped by written term. */
export function namesUsed(a: Analysis, lang: Lang, only?: ReadonlySet<Concept>): Map<Concept, Map<string, Identity>> {
  const byConcept = new Map<Concept, Map<string, Identity>>();
  const cmp = better(lang);
  // Occurrences of one key share their list of terms: which name a list is (or none) is worked out once. (In the bench's
  // 100 KB document most lists are met once; in its 1 MB document most are met again.)
  const nameOf = new Map<Term[], Identity | null>();
  const occs = a.occurrences;
  for (let k = 0; k < occs.length; k++) {
    const o = occs[k];
    // A text that names several concepts (潛在客戶: lead or prospect), or that may be the everyday word here,
    // says nothing about consistency; nor does a name glossed by another in parentheses.
    if (o.ambiguous || o.doubtful || (only && !only.has(o.term.concept)) || isGloss(a.text, occs, k)) continue;
    let id = nameOf.get(o.terms);
    if (id === undefined) nameOf.set(o.terms, (id = identityOf(o, byConcept, cmp)));
    if (id) id.occs.push(o);
  }
  return byConcept;
}

/**
 * Is occurrence k a gloss: another name of the concept of the occurrence just before it, in parentheses right
 * after it ("理想客戶輪廓（Ideal Customer Profile）", "opportunity (affärsmöjlighet)")? A writer who glosses a term
 * names one concept once.
 */
export function isGloss(text: string, occs: Occurrence[], k: number): boolean {
  const o = occs[k], prev = occs[k - 1];
  if (!prev || prev.doubtful || !namesConcept(prev.terms, o.term.concept)) return false;
  const between = text.slice(prev.end, o.start);
  if (between.length > 4 || !/^\s*[(（]\s*$/.test(between)) return false;
  return /^\s*[)）]/.test(text.slice(o.end, o.end + 4));
}

function namesConcept(terms: Term[], c: Concept): boolean {
  for (const t of terms) if (t.concept === c) return true;
  return false;
}

/** The name an occurrence gives its concept (made when first met), or null for acronyms and deprecated terms. */
function identityOf(o: Occurrence, byConcept: Map<Concept, Map<string, Identity>>, cmp: (x: Term, y: Term) => number): Identity | null {
  if (isAcronymUse(o) || o.term.status === 'deprecated') return null;
  const c = o.term.concept;
  // The first of the best of the concept's terms that are not acronyms (as a stable sort has them), in one pass.
  let best: Term | undefined;
  if (o.terms.length === 1) best = o.terms[0];
  else for (const t of o.terms) if (t.concept === c && !t.acronym && (!best || cmp(t, best) < 0)) best = t;
  // A colloquial term ("deal" beside "opportunity") is mixed with the formal one freely: it names nothing for
  // consistency. The document's language decides (Polish "ticket" may be colloquial where English "ticket" is not).
  if (!best || best.colloquial) return null;
  const key = identityKey(best);
  let ids = byConcept.get(c);
  if (!ids) byConcept.set(c, (ids = new Map()));
  let id = ids.get(key);
  if (!id) ids.set(key, (id = { key, best, occs: [] }));
  else if (cmp(best, id.best) < 0) id.best = best;
  return id;
}

/** inconsistent-term, for every concept or only these. */
function inconsistencies(text: string, a: Analysis, lang: Lang, only?: ReadonlySet<Concept>): Finding[] {
  const M = messages(lang);
  const q = M.quote;
  const cmp = better(lang);
  const byConcept = namesUsed(a, lang, only);
  const out: Finding[] = [];
  for (const [c, ids] of byConcept) {
    if (ids.size < 2) continue;
    const ranked = sortedInPlace(withoutShortForms([...ids.values()]), (x, y) => cmp(x.best, y.best));
    if (ranked.length < 2) continue;
    const winner = ranked[0];
    const target = winner.best.text;
    const qTarget = q(target);
    const to = winner.best;
    const first = winner.occs[0];
    const label = conceptLabel(c, lang);
    const name = q(label);
    const labelKey = foldKey(label);
    const labelIsTarget = labelKey === foldKey(target);
    const related = [{ start: first.start, end: first.end, message: format(M.inconsistentRelated, q(ownText(text.slice(first.start, first.end)))) }];
    for (let r = 1; r < ranked.length; r++) {
      const loser = ranked[r];
      const from = loser.best;
      // A name of a third language (neither the document's nor the one it replaces): the titles say which.
      const other = to.lang !== from.lang && to.lang !== lang ? to.lang : undefined;
      const all: ReplaceAll = other
        ? { title: format(M.replaceAllOtherLanguage, loser.occs.length, qTarget, M.termLanguage[other]), from, target: to, occs: loser.occs, text, otherLanguage: other }
        : { title: format(M.replaceAll, loser.occs.length, qTarget), from, target: to, occs: loser.occs, text };
      // The same written form gets the same words: build them once (the fix when first asked for). Most names are
      // used once: no map for them.
      const said = loser.occs.length > 1 ? new Map<string, { message: string; fix: OwnFix }>() : undefined;
      for (const o of loser.occs) {
        const original = ownText(text.slice(o.start, o.end)); // a copy: the finding may outlive this version
        const governed = lang === 'pl' ? governedCase(lang, text.slice(Math.max(0, o.start - 60), o.start)) : undefined; // Polish only
        const sayKey = governed ? `${original}|${governed}` : original;
        let w = said?.get(sayKey);
        if (!w) {
          const message = labelIsTarget || labelKey === foldKey(original)
            ? format(M.inconsistentShort, q(original), qTarget)
            : format(M.inconsistent, name, q(original), qTarget);
          w = { message, fix: replaceWith(lang, original, from, to, governed, other) };
          said?.set(sayKey, w);
        }
        out.push(new RuleFinding('inconsistent-term', o.start, o.end, w.message, w.fix, all, related, c));
      }
    }
  }
  return inPlaceOrder(out);
}

/**
 * The fix of one inconsistent name: `to` written in the slot of `original` (a form of `from`), made when first asked
 * for. (A function of its own: a closure made in the loop over occurrences gave each iteration a context object.)
 */
function replaceWith(lang: Lang, original: string, from: Term, to: Term, governed: ReturnType<typeof governedCase>, other: Lang | undefined): OwnFix {
  return new OwnFix(() => {
    const M = messages(lang);
    const repl = fitTerm(original, from, to, governed);
    return other
      ? { title: format(M.replaceWithOtherLanguage, M.quote(repl), M.termLanguage[other]), newText: repl, otherLanguage: other }
      : { title: format(M.replaceWith, M.quote(repl)), newText: repl };
  });
}

/** Sorts a short list in place, stably (insertion sort: Array.prototype.sort allocated its work arrays per list). */
function sortedInPlace<T>(list: T[], cmp: (x: T, y: T) => number): T[] {
  for (let i = 1; i < list.length; i++) {
    const x = list[i];
    let j = i - 1;
    for (; j >= 0 && cmp(list[j], x) > 0; j--) list[j + 1] = list[j];
    list[j + 1] = x;
  }
  return list;
}

/**
 * The names of a concept in a document, without those that are a short form of another one there (see
 * isShortFormOf): "campaign" and "marketing campaign", "ticket" and "support ticket", "contact" and
 * "contactpersoon" are the same name written in full and shortened, which a writer may do; different words
 * ("kans" and "opportunity") are not.
 */
function withoutShortForms(ids: Identity[]): Identity[] {
  if (ids.length < 2) return ids;
  const out: Identity[] = [];
  next: for (const x of ids) {
    for (const y of ids) if (y !== x && isShortFormOf(x.key, y.key)) continue next;
    out.push(x);
  }
  return out;
}

/**
 * Is `short` (a folded term) the long one shortened: its words standing in the long one ("pipeline" in "sales
 * pipeline"), or, as compounding languages and Chinese write, the first or last part of a closed compound
 * ("contact" of "contactpersoon", "pipeline" of "säljpipeline", 漏斗 of 銷售漏斗)? The part must be a word's worth:
 * four letters, or two Chinese characters.
 */
export function isShortFormOf(short: string, long: string): boolean {
  const n = short.length, m = long.length;
  if (m <= n) return false;
  // Its words stand in the long one: `short` at word boundaries of `long` (words are separated by one space).
  for (let at = long.indexOf(short); at >= 0; at = long.indexOf(short, at + 1)) {
    if ((at === 0 || long.charCodeAt(at - 1) === SPACE) && (at + n === m || long.charCodeAt(at + n) === SPACE)) return true;
  }
  const min = isHanCode(short.charCodeAt(0)) ? 2 : 4;
  if (n < min || short.includes(' ')) return false;
  // The compound is one word of the long term (the term may have more words around it), longer than `short`.
  for (let a = 0; a < m; ) {
    let b = long.indexOf(' ', a);
    if (b < 0) b = m;
    if (b - a > n && (long.startsWith(short, a) || long.startsWith(short, b - n))) return true;
    a = b + 1;
  }
  return false;
}

const SPACE = 0x20;

/**
 * Findings on distinct occurrences (no two start at one offset), in document order: their starts and
 * indices packed into one number each and sorted as numbers, without a comparison function.
 */
function inPlaceOrder(fs: Finding[]): Finding[] {
  if (fs.length >= 0x100000) return fs.sort(byPlace);
  const keys = new Float64Array(fs.length);
  for (let i = 0; i < fs.length; i++) keys[i] = fs[i].start * 0x100000 + i;
  keys.sort();
  return Array.from(keys, (k) => fs[k % 0x100000]);
}


/**
 * The findings after an edit (a.edit), from those of the previous version (`prev`, from computeFindings,
 * after `filter`): findings move with the text, and only what the edit can have changed is computed again:
 * - the findings of the concepts whose occurrences the edit replaced (inconsistent-term, deprecated-term,
 *   mistranslation);
 * - the acronym findings, when an acronym was replaced or is near the change (whether an acronym is
 *   spelled out depends on the text around it).
 * Undefined when only a full computation is safe: another occurrence that names several concepts now
 * means another one first. Changes `prev`'s findings in place (as reanalyzeInPlace moves the occurrences):
 * findings move to their new offsets (`moveTo`; those wholly before the edit stay as they are, and so do their
 * diagnostics), and their "replace all" is over the new text from then on (`setNewestText`). A finding computed
 * again as it was inherits the diagnostic of the one it replaces, to be used again where its place is the same.
 */
export function updateFindings(prev: Finding[], a: Analysis, filter: (fs: Finding[]) => Finding[]): Finding[] | undefined {
  const e = a.edit;
  if (!e || e.reordered) return undefined;
  if (e.sameOccurrences && e.delta === 0 && e.at === e.oldEnd) return prev;
  // Old offsets to new: no remaining occurrence covers the edited text, so a start at or after its end
  // moves, and an end after its start.
  const newStart = (x: number) => (x >= e.oldEnd ? x + e.delta : x);
  const newEnd = (x: number) => (x > e.at ? x + e.delta : x);
  // The stretch where occurrences changed, in new offsets.
  let from = e.at, to = e.newEnd;
  for (const o of e.added) { from = Math.min(from, o.start); to = Math.max(to, o.end); }
  for (const o of e.removed) { from = Math.min(from, newStart(o.start)); to = Math.max(to, newEnd(o.end)); }
  const acronymsAgain = e.removed.some(isAcronymUse) || e.added.some(isAcronymUse) || acronymWithin(a.occurrences, from - NEAR_ACRONYM, to + NEAR_ACRONYM);
  const affected = new Set<Concept>();
  for (const o of e.removed) for (const t of o.terms) affected.add(t.concept);
  for (const o of e.added) for (const t of o.terms) affected.add(t.concept);
  // Whether a name is a gloss in parentheses depends on the text between it and its neighbour (isGloss).
  const occs = a.occurrences;
  for (let k = firstIndex(occs.length, (i) => occs[i].end >= e.at - GLOSS_REACH); k < occs.length && occs[k].start <= e.newEnd + GLOSS_REACH; k++) {
    for (const t of occs[k].terms) affected.add(t.concept);
  }
  const removedAt = new Set(e.removed.map((o) => o.start));

  const relatedMoved = new Map<object, Finding['related']>();
  const out: Finding[] = [];
  /** The findings computed again, in document order (their diagnostics may hold for the new ones, see inheritDiagnostic). */
  const dropped: RuleFinding[] = [];
  for (const f of prev) {
    if (!(f instanceof RuleFinding)) throw new Error('updateFindings: not a finding of computeFindings');
    if (f.rule === 'acronym-undefined' ? acronymsAgain : f.rule === 'inconsistent-term' ? affected.has(f.concept!) : removedAt.has(f.start)) { dropped.push(f); continue; }
    let related = f.related;
    if (related) {
      let r = relatedMoved.get(related);
      if (!r) relatedMoved.set(related, (r = related.some((x) => x.end > e.at) ? related.map((x) => ({ ...x, start: newStart(x.start), end: newEnd(x.end) })) : related));
      related = r;
    }
    f.setNewestText(a.text);
    // Findings wholly before the edit stay as they are (their lines and columns have not changed either); the
    // others move with the text, in place (a new object per finding after the edit, per keystroke, was garbage).
    if (f.end > e.at || related !== f.related) f.moveTo(newStart(f.start), newEnd(f.end), related);
    out.push(f);
  }
  const fresh = [
    ...(acronymsAgain ? acronymFindings(a.text, a) : []),
    ...deprecatedFindings(a.text, e.added, a.lang),
    ...(affected.size ? inconsistencies(a.text, a, a.lang, affected) : []),
  ];
  if (!fresh.length) return out;
  const kept = filter(fresh).sort(byPlace);
  // A finding computed again as it was (same rule, place and message) may keep the diagnostic of the one it replaces.
  for (let i = 0, j = 0; i < kept.length && j < dropped.length; ) {
    const f = kept[i], d = dropped[j], ds = newStart(d.start);
    if (ds < f.start) j++;
    else if (ds > f.start) i++;
    else {
      for (let k = j; k < dropped.length && newStart(dropped[k].start) === f.start; k++) {
        const o = dropped[k];
        if (o.rule === f.rule && newEnd(o.end) === f.end && o.message === f.message) { RuleFinding.inheritDiagnostic(f, o); break; }
      }
      i++;
    }
  }
  // Both lists are in document order: merge them.
  return mergeByPlace(out, kept);
}

/** How far from a change the parentheses of a gloss may be (isGloss looks 4 characters each side). */
const GLOSS_REACH = 6;

/** How far from a change an acronym's spelled-out test may look (120 characters back, a term ahead). */
const NEAR_ACRONYM = 300;

function acronymWithin(occs: Occurrence[], from: number, to: number): boolean {
  for (let k = firstIndex(occs.length, (i) => occs[i].end >= from); k < occs.length && occs[k].start <= to; k++) if (isAcronymUse(occs[k])) return true;
  return false;
}
