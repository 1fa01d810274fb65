/**
 * What the Glossary view shows, as plain data (no `vscode` here, so tests run it in-process): domains, each with
 * its concepts named in one language; with a filter, only the concepts the server found for it
 * (`lingo/findConcepts`: any term, acronym or name in any language, folded as the server folds text: case,
 * separators, apostrophes, Simplified Chinese as Traditional), each described by the name that matched.
 */
import type { FindConceptsResult, GlossaryResult, Lang } from '../../server/src/protocol';
import { LANG_CODES } from './l10n';

export type GlossaryConcept = GlossaryResult['concepts'][number];
type Section = NonNullable<GlossaryConcept['langs'][Lang]>;

export interface ConceptRow {
  id: string;
  /** The concept's name in the view's language (its first preferred term there). */
  label: string;
  /** Its other names: acronyms and other terms in that language; with a filter, the name that matched. */
  description: string;
  /** The definition in the view's language, when there is one. */
  definition?: string;
}
export interface DomainRow { name: string; concepts: ConceptRow[] }

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

export interface GlossaryIndex {
  /**
   * Domains (sorted by name) and their concepts (sorted by label): all of them, or those the server `found` for
   * `query`.
   */
  rows(found?: FindConceptsResult, query?: string): { domains: DomainRow[]; matches: number };
}

/**
 * The rows of one `lingo/glossary` answer in the view's language `lang` (`langNames` names the languages in
 * descriptions: "kans (Dutch)").
 */
export function glossaryIndex(g: GlossaryResult, lang: Lang, collator = new Intl.Collator(lang)): GlossaryIndex {
  const entries = new Map(g.concepts.map((c) => {
    const label = conceptName(c, lang);
    const home = sectionFor(c, lang);
    const others = home
      ? [...home.section.acronyms.map((a) => a.text), ...home.section.terms.filter((t) => t.status !== 'deprecated').map((t) => t.text)]
          .filter((x, i, arr) => x !== label && arr.indexOf(x) === i)
      : [];
    return [c.id, { concept: c, label, plain: others.slice(0, 3).join(', ') + (others.length > 3 ? ', …' : ''), definition: home?.section.definition }] as const;
  }));
  return {
    rows(found, query = '') {
      const q = query.trim().toLocaleLowerCase(lang);
      const byDomain = new Map<string, ConceptRow[]>();
      const add = (e: NonNullable<ReturnType<typeof entries.get>>, description: string) => {
        const row: ConceptRow = { id: e.concept.id, label: e.label, description, definition: e.definition };
        const list = byDomain.get(e.concept.domain);
        if (list) list.push(row);
        else byDomain.set(e.concept.domain, [row]);
      };
      if (!found) for (const e of entries.values()) add(e, e.plain);
      else {
        const seen = new Set<string>();
        for (const m of found) {
          const e = entries.get(m.id);
          if (!e || seen.has(m.id)) continue;
          seen.add(m.id);
          // Say which name matched when the label does not show the query: "kans (Dutch)"; the concept's own name
          // needs no language.
          const label = e.label.toLocaleLowerCase(lang);
          const shown = label === m.name.toLocaleLowerCase(lang) || (q.length > 0 && label.includes(q));
          add(e, shown ? e.plain : !m.lang || m.lang === lang ? m.name : `${m.name} (${g.langNames[m.lang]})`);
        }
      }
      let matches = 0;
      const domains = [...byDomain].map(([name, concepts]) => {
        matches += concepts.length;
        return { name, concepts: concepts.sort((a, b) => collator.compare(a.label, b.label)) };
      });
      domains.sort((a, b) => collator.compare(a.name, b.name));
      return { domains, matches };
    },
  };
}
