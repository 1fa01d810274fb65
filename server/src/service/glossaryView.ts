/**
 * The Glossary view's answers, a piece at a time (protocol.ts `lingo/glossaryDomains`, `lingo/glossaryConcepts`):
 * the domains with how many concepts each has, and a domain's concepts a page at a time, sorted by their names in
 * a language, each with its name and its other names there. No definitions and no other language: the card asks
 * for one concept's (`lingo/concept`). With 50,000 concepts the whole glossary as one answer was 53 MB of JSON.
 *
 * Per glossary (while it lives) this keeps each domain's concepts as numbers, and each order asked for (domain ×
 * language) as numbers: no concept object, no string. A compiled glossary makes a concept object when one is
 * read and lets it go after (compiled.ts), so a page makes only its own concepts' objects.
 */
import { GLOSSARY_PAGE_MAX, type GlossaryConceptRow, type GlossaryDomainsResult } from '../protocol';
import type { Glossary } from './glossary';
import { messages } from './l10n';
import type { Concept, Lang, LangSection } from './types';
import { LANGS } from './types';

/** The most concepts one page gives, whatever the request asks. */
const MAX_PAGE = GLOSSARY_PAGE_MAX;

/** The section a concept is named from in `lang`: that language's, else English, else the first it has with a name. */
function namingSection(c: Concept, lang: Lang): LangSection | undefined {
  for (const l of [lang, 'en' as Lang, ...LANGS]) {
    const s = c.langs[l];
    if (s && (s.terms.length || s.acronyms.length)) return s;
  }
  return undefined;
}

/** The concept's name in `lang`: its first preferred term, else its first term that is not deprecated, else its first term, else an acronym. */
export function rowName(c: Concept, lang: Lang): string {
  const s = namingSection(c, lang);
  if (!s) return c.id;
  return (s.terms.find((t) => t.status === 'preferred') ?? s.terms.find((t) => t.status !== 'deprecated') ?? s.terms[0])?.text ?? s.acronyms[0]?.text ?? c.id;
}

/** The Glossary view's row of a concept in `lang`: its name, and its acronyms and other terms there that are not deprecated. */
export function conceptRow(c: Concept, lang: Lang): GlossaryConceptRow {
  const name = rowName(c, lang);
  const s = namingSection(c, lang);
  const others: string[] = [];
  if (s) {
    for (const x of [...s.acronyms, ...s.terms.filter((t) => t.status !== 'deprecated')]) {
      if (x.text !== name && !others.includes(x.text)) others.push(x.text);
    }
  }
  return { id: c.id, name, others };
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
    const d = concepts[i].domain;
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
    const names = Array.from(list, (i) => rowName(glossary.concepts[i], lang));
    const at = Array.from(names.keys()).sort((a, b) => collator.compare(names[a], names[b]) || a - b);
    order = Uint32Array.from(at, (k) => list[k]);
    ix.sorted.set(key, order);
  }
  const whole = (n: number, otherwise: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : otherwise);
  const from = whole(offset, 0);
  const to = Math.min(order.length, from + Math.min(MAX_PAGE, whole(limit, MAX_PAGE)));
  const concepts: GlossaryConceptRow[] = [];
  for (let k = from; k < to; k++) concepts.push(conceptRow(glossary.concepts[order[k]], lang));
  return { total: order.length, concepts };
}
