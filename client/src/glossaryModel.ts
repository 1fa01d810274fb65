/**
 * What the Glossary view shows, as plain data (no `vscode` here, so tests run it in-process): domains, each with
 * its concepts named in one language, and the filter that keeps the concepts with a matching term, acronym or
 * expansion in any language. Queries and terms are folded as the server folds text (`foldKey`: case,
 * separators, apostrophes, Traditional and Simplified Chinese alike), and accents are dropped as well, so "affarsmojlighet",
 * "szansa sprzedazowa" and 销售漏斗 find what they mean.
 */
import { foldKey } from '../../server/src/service/fold';
import type { GlossaryResult, Lang } from '../../server/src/protocol';
import { LANG_CODES } from './ui';

export type GlossaryConcept = GlossaryResult['concepts'][number];
type Section = NonNullable<GlossaryConcept['langs'][Lang]>;

export interface ConceptRow {
  id: string;
  /** The concept's name in the view's language (its first preferred term there). */
  label: string;
  /** Its other names: acronyms and other terms in that language; with a filter, the term that matched. */
  description: string;
  /** The definition in the view's language, when there is one. */
  definition?: string;
}
export interface DomainRow { name: string; concepts: ConceptRow[] }

/** Folded for matching: as the server folds, then without accents (ł has none to drop: it is written l). */
export function searchKey(s: string): string {
  return foldKey(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');
}

/** The section a concept is named from: the asked language, else English, else the first it has. */
export function sectionFor(c: GlossaryConcept, lang: Lang): { lang: Lang; section: Section } | undefined {
  for (const l of [lang, 'en' as Lang, ...LANG_CODES]) {
    const section = c.langs[l];
    if (section && (section.terms.length || section.acronyms.length)) return { lang: l, section };
  }
  return undefined;
}

/** The concept's name in `lang`: its first preferred term, else its first term that is not deprecated, else an acronym. */
export function conceptName(c: GlossaryConcept, lang: Lang): string {
  const s = sectionFor(c, lang)?.section;
  if (!s) return c.id;
  return (s.terms.find((t) => t.status === 'preferred') ?? s.terms.find((t) => t.status !== 'deprecated') ?? s.terms[0])?.text ?? s.acronyms[0]?.text ?? c.id;
}

/** Every name of a concept that a filter can match, the view's language first: [text, language]. */
function names(c: GlossaryConcept, lang: Lang): [string, Lang][] {
  const out: [string, Lang][] = [];
  for (const l of [lang, ...LANG_CODES.filter((x) => x !== lang)]) {
    const s = c.langs[l];
    if (!s) continue;
    for (const t of s.terms) out.push([t.text, l]);
    for (const a of s.acronyms) {
      out.push([a.text, l]);
      if (a.expansion) out.push([a.expansion, l]);
    }
  }
  return out;
}

/**
 * The name a query matches best: the whole name, else a name with a word that begins with the query, else any
 * name that holds it; among equals, the first (the view language's names come first).
 */
function bestHit<K extends { key: string }>(keys: K[], q: string): K | undefined {
  let best: K | undefined;
  let rank = 3;
  for (const k of keys) {
    const at = k.key.indexOf(q);
    if (at < 0) continue;
    const r = k.key.length === q.length ? 0 : at === 0 || k.key[at - 1] === ' ' ? 1 : 2;
    if (r < rank) { best = k; rank = r; if (r === 0) break; }
  }
  return best;
}

export interface GlossaryIndex {
  /** Domains (sorted by name) and their concepts (sorted by label): all of them, or those that match `query`. */
  rows(query?: string): { domains: DomainRow[]; matches: number };
}

/**
 * An index of one `lingo/glossary` answer for the view's language `lang`; `langNames` names the languages in
 * descriptions ("kans (Dutch)"). Building it folds every name once; filtering is a substring test per concept.
 */
export function glossaryIndex(g: GlossaryResult, lang: Lang, collator = new Intl.Collator(lang)): GlossaryIndex {
  const entries = g.concepts.map((c) => {
    const all = names(c, lang);
    const label = conceptName(c, lang);
    const home = sectionFor(c, lang);
    const others = home
      ? [...home.section.acronyms.map((a) => a.text), ...home.section.terms.filter((t) => t.status !== 'deprecated').map((t) => t.text)]
          .filter((x, i, arr) => x !== label && arr.indexOf(x) === i)
      : [];
    return {
      concept: c,
      label,
      plain: others.slice(0, 3).join(', ') + (others.length > 3 ? ', …' : ''),
      definition: home?.section.definition,
      keys: all.map(([text, l]) => ({ text, lang: l, key: searchKey(text) })),
    };
  });
  return {
    rows(query) {
      const q = query ? searchKey(query) : '';
      const byDomain = new Map<string, ConceptRow[]>();
      let matches = 0;
      for (const e of entries) {
        let description = e.plain;
        if (q) {
          const hit = bestHit(e.keys, q);
          if (!hit) continue;
          // Say which name matched when the label does not show it: "kans (Dutch)".
          if (!searchKey(e.label).includes(q)) description = hit.lang === lang ? hit.text : `${hit.text} (${g.langNames[hit.lang]})`;
        }
        matches++;
        const row: ConceptRow = { id: e.concept.id, label: e.label, description, definition: e.definition };
        const list = byDomain.get(e.concept.domain);
        if (list) list.push(row);
        else byDomain.set(e.concept.domain, [row]);
      }
      const domains = [...byDomain].map(([name, concepts]) => ({ name, concepts: concepts.sort((a, b) => collator.compare(a.label, b.label)) }));
      domains.sort((a, b) => collator.compare(a.name, b.name));
      return { domains, matches };
    },
  };
}
