/**
 * The checks: acronyms used before they are spelled out, one concept named with different terms,
 * deprecated terms and mistranslations. Findings are offsets and words; languageService turns them
 * into LSP diagnostics and code actions.
 */
import type { Analysis, Occurrence } from './analysis';
import { foldKey } from './fold';
import { format, messages } from './l10n';
import type { RuleId } from './settings';
import type { Concept, Lang, Term } from './types';
import { conceptLabel, matchCase, replacementOf, spelledOut, statusRank } from './util';

export interface Edit { start: number; end: number; newText: string }
export interface Fix { title: string; edits: Edit[]; preferred?: boolean }
export interface Finding {
  rule: RuleId;
  start: number;
  end: number;
  message: string;
  related?: { start: number; end: number; message: string }[];
  /** Related information in another document (consistency across files). */
  relatedLocation?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string };
  fixes: Fix[];
}

export const isAcronymUse = (o: Occurrence): boolean => o.terms.every((t) => t.acronym);

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
    if (!isAcronymUse(o)) return;
    const key = o.term.text;
    const spelled = spelledOutAs(text, a.occurrences, k) !== undefined;
    if (seen.get(key)) return;
    if (spelled) { seen.set(key, true); return; }
    if (!seen.has(key)) out.push({ occ: o, index: k });
    seen.set(key, false);
  });
  return out;
}

export function computeFindings(text: string, a: Analysis, enabled: (r: RuleId) => boolean): Finding[] {
  const lang = a.lang;
  const M = messages(lang);
  const q = M.quote;
  const findings: Finding[] = [];

  if (enabled('acronym-undefined')) {
    for (const { occ } of acronymUses(text, a)) {
      const acr = occ.term.text;
      const full = spelledOut(acr, occ.term.concept, lang);
      findings.push({
        rule: 'acronym-undefined', start: occ.start, end: occ.start + acr.length,
        message: format(M.acronymUndefined, q(acr), q(full)),
        fixes: [{ title: format(M.spellOut, q(full)), edits: [{ start: occ.start, end: occ.start + acr.length, newText: full }], preferred: true }],
      });
    }
  }

  if (enabled('deprecated-term') || enabled('mistranslation')) {
    for (const o of a.occurrences) {
      const t = o.term;
      if (t.status !== 'deprecated' || o.terms.some((x) => x.status !== 'deprecated')) continue;
      const rule: RuleId = t.mistranslation ? 'mistranslation' : 'deprecated-term';
      if (!enabled(rule)) continue;
      const original = text.slice(o.start, o.end);
      const repl = matchCase(original, replacementOf(t));
      const base = format(t.mistranslation ? M.mistranslatedTerm : M.deprecatedTerm, q(original), q(repl));
      findings.push({
        rule, start: o.start, end: o.end, message: t.note ? `${base}${M.sentenceGap}${t.note}` : base,
        fixes: [{ title: format(M.replaceWith, q(repl)), edits: [{ start: o.start, end: o.end, newText: repl }], preferred: true }],
      });
    }
  }

  if (enabled('inconsistent-term')) findings.push(...inconsistencies(text, a, lang));
  return findings.sort((x, y) => x.start - y.start || x.end - y.end);
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
export function namesUsed(a: Analysis, lang: Lang): Map<Concept, Map<string, Identity>> {
  const byConcept = new Map<Concept, Map<string, Identity>>();
  const cmp = better(lang);
  for (const o of a.occurrences) {
    if (isAcronymUse(o) || o.term.status === 'deprecated') continue;
    // A text that names several concepts (潛在客戶: lead or prospect) says nothing about consistency.
    if (o.ambiguous) continue;
    const c = o.term.concept;
    const terms = o.terms.length === 1 ? o.terms : o.terms.filter((t) => t.concept === c && !t.acronym).sort(cmp);
    const key = identityKey(terms[0]);
    let ids = byConcept.get(c);
    if (!ids) byConcept.set(c, (ids = new Map()));
    const id = ids.get(key);
    if (id) {
      id.occs.push(o);
      if (cmp(terms[0], id.best) < 0) id.best = terms[0];
    } else ids.set(key, { key, best: terms[0], occs: [o] });
  }
  return byConcept;
}

function inconsistencies(text: string, a: Analysis, lang: Lang): Finding[] {
  const M = messages(lang);
  const q = M.quote;
  const cmp = better(lang);
  const byConcept = namesUsed(a, lang);
  const out: Finding[] = [];
  for (const [c, ids] of byConcept) {
    if (ids.size < 2) continue;
    const ranked = [...ids.values()].sort((x, y) => cmp(x.best, y.best));
    const winner = ranked[0];
    const target = winner.best.text;
    const first = winner.occs[0];
    const name = q(conceptLabel(c, lang));
    const related = [{ start: first.start, end: first.end, message: format(M.inconsistentRelated, q(text.slice(first.start, first.end))) }];
    for (const loser of ranked.slice(1)) {
      const allEdits = loser.occs.map((o) => ({ start: o.start, end: o.end, newText: matchCase(text.slice(o.start, o.end), target) }));
      const replaceAll: Fix | undefined = loser.occs.length > 1 ? { title: format(M.replaceAll, loser.occs.length, q(target)), edits: allEdits } : undefined;
      // The same written form gets the same words: build them once.
      const said = new Map<string, { message: string; title: string; repl: string }>();
      loser.occs.forEach((o, k) => {
        const original = text.slice(o.start, o.end);
        let w = said.get(original);
        if (!w) {
          const repl = allEdits[k].newText;
          const label = conceptLabel(c, lang);
          const message = foldKey(label) === foldKey(target) || foldKey(label) === foldKey(original)
            ? format(M.inconsistentShort, q(original), q(target))
            : format(M.inconsistent, name, q(original), q(target));
          said.set(original, (w = { message, title: format(M.replaceWith, q(repl)), repl }));
        }
        const fixes: Fix[] = [{ title: w.title, edits: [{ start: o.start, end: o.end, newText: w.repl }], preferred: true }];
        if (replaceAll) fixes.push(replaceAll);
        out.push({ rule: 'inconsistent-term', start: o.start, end: o.end, message: w.message, related, fixes });
      });
    }
  }
  return out;
}

