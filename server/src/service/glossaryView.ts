/**
 * The Glossary view's answers, a piece at a time (protocol.ts `lingo/glossaryDomains`, `lingo/glossaryConcepts`):
 * the domains with how many concepts each has, and a domain's concepts a page at a time, sorted by their names in
 * a language, each with its name and its other names there. No definitions and no other language: the card asks
 * for one concept's (`lingo/concept`). With 50,000 concepts the whole glossary as one answer was 53 MB of JSON.
 *
 * Per glossary (while it lives) this keeps each domain's concepts as numbers, and each order asked for (domain ×
 * language) as numbers: no concept object, no string. A compiled glossary's concepts are read through its
 * outline (ids, domains and names from its columns), so that listing or sorting a domain of 30,000 concepts makes
 * none of their objects.
 */
import { GLOSSARY_PAGE_MAX, type GlossaryConceptRow, type GlossaryDomainsResult } from '../protocol';
import type { ConceptName, Glossary } from './glossary';
import { messages } from './l10n';
import type { Concept, Lang } from './types';
import { LANGS } from './types';

/** The most concepts one page gives, whatever the request asks. */
const MAX_PAGE = GLOSSARY_PAGE_MAX;

/** A concept's names in section order (by language; terms, then acronyms), from its sections. */
function namesOf(c: Concept): ConceptName[] {
  const out: ConceptName[] = [];
  for (const lang of LANGS) {
    const s = c.langs[lang];
    if (!s) continue;
    for (const t of s.terms) out.push({ text: t.text, lang, status: t.status, acronym: false });
    for (const a of s.acronyms) out.push({ text: a.text, lang, status: a.status, acronym: true });
  }
  return out;
}

/**
 * The row of a concept with these names in `lang`: named from that language's names, else English's, else the
 * first language's that has any; the name its first preferred term, else its first term that is not deprecated,
 * else its first term, else an acronym; the other names its acronyms and terms that are not deprecated.
 */
function rowOf(id: string, names: ConceptName[], lang: Lang): GlossaryConceptRow {
  let home: ConceptName[] = [];
  for (const l of [lang, 'en' as Lang, ...LANGS]) {
    home = names.filter((n) => n.lang === l);
    if (home.length) break;
  }
  const terms = home.filter((n) => !n.acronym);
  const name = (terms.find((t) => t.status === 'preferred') ?? terms.find((t) => t.status !== 'deprecated') ?? terms[0] ?? home[0])?.text ?? id;
  const others: string[] = [];
  for (const x of [...home.filter((n) => n.acronym), ...terms.filter((t) => t.status !== 'deprecated')]) {
    if (x.text !== name && !others.includes(x.text)) others.push(x.text);
  }
  return { id, name, others };
}

/** The Glossary view's row of a concept in `lang`: its name, and its acronyms and other terms there that are not deprecated. */
export const conceptRow = (c: Concept, lang: Lang): GlossaryConceptRow => rowOf(c.id, namesOf(c), lang);

/** The row of concept i of the glossary, without making the concept when the glossary has an outline. */
function rowAt(glossary: Glossary, i: number, lang: Lang): GlossaryConceptRow {
  const o = glossary.outline;
  return o ? rowOf(o.id(i), o.names(i), lang) : conceptRow(glossary.concepts[i], lang);
}

interface ViewIndex {
  /** Each domain's concepts, by index in glossary.concepts (glossary order). */
  byDomain: Map<string, Uint32Array>;
  /** Orders asked for: `${domain}\0${lang}` → the domain's concepts sorted by name in lang. */
  sorted: Map<string, Uint32Array>;
}

const indexes = new WeakMap<Glossary, ViewIndex>();

function viewIndex(glossary: Glossary): ViewIndex {
  let ix = indexes.get(glossary);
  if (ix) return ix;
  const lists = new Map<string, number[]>();
  const concepts = glossary.concepts;
  for (let i = 0; i < concepts.length; i++) {
    const d = glossary.outline ? glossary.outline.domain(i) : concepts[i].domain;
    const list = lists.get(d);
    if (list) list.push(i);
    else lists.set(d, [i]);
  }
  ix = { byDomain: new Map([...lists].map(([d, list]) => [d, Uint32Array.from(list)])), sorted: new Map() };
  indexes.set(glossary, ix);
  return ix;
}

const domainName = (glossary: Glossary, d: string, lang: Lang) => glossary.domains[d]?.[lang] ?? glossary.domains[d]?.en ?? d;

/** The domains (sorted by name in `lang`), each with how many concepts it has, and the languages' names in `lang`. */
export function glossaryDomains(glossary: Glossary, lang: Lang): GlossaryDomainsResult {
  const collator = new Intl.Collator(lang);
  const domains = [...viewIndex(glossary).byDomain].map(([id, list]) => ({ id, name: domainName(glossary, id, lang), count: list.length }));
  domains.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return { langNames: messages(lang).langNames, total: glossary.concepts.length, domains };
}

/**
 * `limit` concepts of a domain from `offset` on (at most MAX_PAGE), sorted by their names in `lang`, and how many
 * the domain has. An unknown domain has none.
 */
export function domainConcepts(glossary: Glossary, domain: string, lang: Lang, offset = 0, limit = MAX_PAGE): { total: number; concepts: GlossaryConceptRow[] } {
  const ix = viewIndex(glossary);
  const list = ix.byDomain.get(domain);
  if (!list) return { total: 0, concepts: [] };
  const key = `${domain}\0${lang}`;
  let order = ix.sorted.get(key);
  if (!order) {
    const collator = new Intl.Collator(lang);
    const names = Array.from(list, (i) => rowAt(glossary, i, lang).name);
    const at = Array.from(names.keys()).sort((a, b) => collator.compare(names[a], names[b]) || a - b);
    order = Uint32Array.from(at, (k) => list[k]);
    ix.sorted.set(key, order);
  }
  const whole = (n: number, otherwise: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : otherwise);
  const from = whole(offset, 0);
  const to = Math.min(order.length, from + Math.min(MAX_PAGE, whole(limit, MAX_PAGE)));
  const concepts: GlossaryConceptRow[] = [];
  for (let k = from; k < to; k++) concepts.push(rowAt(glossary, order[k], lang));
  return { total: order.length, concepts };
}
