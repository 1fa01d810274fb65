/**
 * What the Glossary view shows, as plain data (no `vscode` here, so tests run it in-process). The view asks the
 * server for what it shows, never the whole glossary: the domains with their counts (`lingo/glossaryDomains`),
 * then an open domain's concepts a page at a time (`lingo/glossaryConcepts`, sorted by name; "Show 500 more…"
 * asks for the next page). With a filter, the concepts the server found (`lingo/findConcepts` with rows: any term,
 * acronym or name in any language, folded as the server folds text: case, separators, apostrophes, Simplified
 * Chinese as Traditional), at most FILTER_LIMIT, each described by the name that matched, in their domains.
 */
import type { FindConceptsResult, GlossaryConceptRow, GlossaryDomainsResult, Lang } from '../../server/src/protocol';

/** How many concepts a domain shows at first, and how many more at each "Show 500 more…". */
export const PAGE = 500;
/** The most concepts a filter shows (the view asks for one more, to know whether there are more). */
export const FILTER_LIMIT = 1000;

export interface ConceptRow {
  id: string;
  /** The concept's name in the view's language (its first preferred term there). */
  label: string;
  /** Its other names: acronyms and other terms in that language; with a filter, the name that matched. */
  description: string;
}
export interface DomainRow {
  /** The domain as `lingo/glossaryConcepts` takes it. */
  id: string;
  name: string;
  /** How many concepts it has (with a filter: how many were found in it). */
  count: number;
}

/** A concept's row from the server's: its other names, three at most, and "…" when it has more. */
export function conceptRow(r: GlossaryConceptRow): ConceptRow {
  return { id: r.id, label: r.name, description: r.others.slice(0, 3).join(', ') + (r.others.length > 3 ? ', …' : '') };
}

/** The domains as the server sorted them (by name in the editor's language), each with its count. */
export function domainRows(d: GlossaryDomainsResult): DomainRow[] {
  return d.domains.map((x) => ({ id: x.id, name: x.name, count: x.count }));
}

/** What a domain shows: the concepts loaded (or found) so far, up to `shown`, and how many more "Show … more" adds. */
export function visible(concepts: ConceptRow[], total: number, shown = concepts.length): { concepts: ConceptRow[]; more: number } {
  const rows = concepts.slice(0, shown);
  return { concepts: rows, more: Math.min(PAGE, total - rows.length) };
}

export interface Filtered {
  domains: (DomainRow & { concepts: ConceptRow[] })[];
  /** How many concepts are shown (at most FILTER_LIMIT). */
  matches: number;
  /** The server found more than FILTER_LIMIT. */
  more: boolean;
}

/**
 * The rows of what the server `found` for `query` (with rows, in `lang`): each concept once, in its domain
 * (domains as `domains` names and orders them), sorted by label; `langNames` names the languages in descriptions
 * ("kans (Dutch)").
 */
export function filteredRows(found: FindConceptsResult, domains: GlossaryDomainsResult, lang: Lang, query: string, collator = new Intl.Collator(lang)): Filtered {
  const q = query.trim().toLocaleLowerCase(lang);
  const byDomain = new Map<string, ConceptRow[]>();
  const seen = new Set<string>();
  let matches = 0;
  for (const m of found) {
    if (!m.row || m.domain === undefined || seen.has(m.id)) continue;
    if (matches === FILTER_LIMIT) return finish(true);
    seen.add(m.id);
    matches++;
    const row = conceptRow(m.row);
    // Say which name matched when the label does not show the query: "kans (Dutch)"; the concept's own name
    // needs no language.
    const label = row.label.toLocaleLowerCase(lang);
    const shown = label === m.name.toLocaleLowerCase(lang) || (q.length > 0 && label.includes(q));
    if (!shown) row.description = !m.lang || m.lang === lang ? m.name : `${m.name} (${domains.langNames[m.lang]})`;
    const list = byDomain.get(m.domain);
    if (list) list.push(row);
    else byDomain.set(m.domain, [row]);
  }
  return finish(false);

  function finish(more: boolean): Filtered {
    const order = new Map(domains.domains.map((d, i) => [d.id, i]));
    const rows = [...byDomain].map(([id, concepts]) => ({
      id, name: domains.domains[order.get(id) ?? -1]?.name ?? id, count: concepts.length,
      concepts: concepts.sort((a, b) => collator.compare(a.label, b.label)),
    }));
    rows.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || collator.compare(a.name, b.name));
    return { domains: rows, matches, more };
  }
}
