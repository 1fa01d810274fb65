/**
 * The concept card (protocol.ts `ConceptCard`, the `lingo/concept` request): everything the glossary says about
 * one concept, named in the asked language, with where the workspace uses it. The server adds where a team
 * concept is defined (`definitionLocation`).
 */
import type { ConceptCard } from '../protocol';
import type { Glossary } from './glossary';
import { messages } from './l10n';
import type { Concept, Lang } from './types';
import { LANGS } from './types';
import { conceptLabel } from './util';

export interface CardOptions {
  /** 'team': the concept comes from (or is changed by) a team glossary. */
  source?: 'builtin' | 'team';
  /** Files that use the concept and how often (references.ts `conceptUsage`). */
  usage?: { uri: string; count: number }[];
}

export function conceptCard(glossary: Glossary, c: Concept, lang: Lang, options: CardOptions = {}): ConceptCard {
  const langs: ConceptCard['langs'] = {};
  for (const l of LANGS) {
    const s = c.langs[l];
    if (!s) continue;
    langs[l] = {
      definition: s.definition,
      terms: s.terms.map((t) => (t.mistranslation ? { text: t.text, status: t.status, mistranslation: true } : { text: t.text, status: t.status })),
      acronyms: s.acronyms.map((a) => ({ text: a.text, expansion: a.expansion })),
    };
  }
  const related = c.related.map((id) => glossary.byId.get(id)).filter((r): r is Concept => !!r).map((r) => ({ id: r.id, name: conceptLabel(r, lang) }));
  return {
    id: c.id,
    name: conceptLabel(c, lang),
    domain: glossary.domains[c.domain]?.[lang] ?? glossary.domains[c.domain]?.en ?? c.domain,
    source: options.source ?? 'builtin',
    langNames: messages(lang).langNames,
    langs,
    related,
    usage: options.usage ?? [],
  };
}
