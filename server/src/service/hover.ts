/** Hover: what the term under the cursor means, in the document's language, with its other names. */
import type { Analysis } from './analysis';
import { occurrenceAt } from './conceptAt';
import { distinctConcepts } from './analysis';
import type { Glossary } from './glossary';
import { format, messages } from './l10n';
import type { Concept, Lang, LangSection, Term } from './types';
import { LANGS } from './types';
import { conceptLabel, replacementFor, section } from './util';

export interface HoverResult { start: number; end: number; markdown: string }

const esc = (s: string) => s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');

export function hover(a: Analysis, glossary: Glossary, text: string, offset: number): HoverResult | undefined {
  const o = occurrenceAt(a, offset);
  if (!o) return undefined;
  const lang = a.lang;
  const M = messages(lang);
  const concepts = distinctConcepts(o.terms);
  const parts: string[] = [];
  const written = text.slice(o.start, o.end);
  if (o.terms.every((t) => t.acronym) && concepts.length > 1) {
    parts.push(`**${esc(o.term.text)}** · ${M.meanings}:`);
    parts.push(concepts.map((c, i) => {
      const acr = o.terms.find((t) => t.concept === c)!;
      const s = section(c, lang);
      return `${i + 1}. **${esc(expansionFor(acr, c, lang))}**${s.section.definition ? ` — ${esc(s.section.definition)}` : ''}`;
    }).join('\n'));
    parts.push(otherLanguages(concepts[0], lang));
  } else {
    // The essentials first (name, a warning about the form used, the definition), then the other names.
    const c = o.term.concept;
    if (o.doubtful) parts.push(`*${format(M.mayBeEveryday, M.quote(esc(written)))}*`);
    parts.push(heading(c, lang));
    parts.push(termNote(o.term, written, lang) ?? '');
    parts.push(esc(section(c, lang).section.definition ?? ''));
    parts.push(alsoCalled(c, lang));
    parts.push(otherLanguages(c, lang));
    parts.push(seeAlso(c, lang, glossary));
  }
  return { start: o.start, end: o.end, markdown: parts.filter(Boolean).join('\n\n') };
}

function expansionFor(acr: Term, c: Concept, lang: Lang): string {
  const s = section(c, lang).section;
  return s.acronyms.find((x) => x.text === acr.text)?.expansion ?? s.terms[0]?.text ?? acr.expansion ?? c.name;
}

/** A name followed by the section's acronyms in use: "Marketing Qualified Lead (MQL)". */
function withAcronyms(name: string, s: LangSection): string {
  const acr = s.acronyms.filter((x) => x.status !== 'deprecated').map((x) => esc(x.text));
  return `${name}${acr.length ? ` (${acr.join(', ')})` : ''}`;
}

function heading(c: Concept, lang: Lang): string {
  return withAcronyms(`**${esc(conceptLabel(c, lang))}**`, section(c, lang).section);
}

function alsoCalled(c: Concept, lang: Lang): string {
  const also = section(c, lang).section.terms.slice(1).filter((t) => t.status !== 'deprecated').map((t) => esc(t.text));
  return also.length ? `${messages(lang).alsoCalled}: ${also.join(', ')}` : '';
}

/** Related concepts and the domain, in one line in italics: the least needed, last. */
function seeAlso(c: Concept, lang: Lang, glossary: Glossary): string {
  const M = messages(lang);
  const domain = glossary.domains[c.domain]?.[lang] ?? glossary.domains[c.domain]?.en ?? c.domain;
  const related = c.related.map((r) => glossary.byId.get(r)).filter((x): x is Concept => !!x).map((r) => esc(conceptLabel(r, lang)));
  return `*${related.length ? `${M.related}: ${related.join(', ')} · ` : ''}${esc(domain)}*`;
}

/** What to say about the form under the cursor when it is not the one to use. */
function termNote(t: Term, written: string, lang: Lang): string | undefined {
  const M = messages(lang);
  const q = M.quote;
  if (t.acronym) return undefined;
  if (t.status === 'deprecated') {
    const label = t.mistranslation ? M.mistranslation : M.deprecated;
    const r = replacementFor(t, lang);
    const other = r && r.lang !== t.lang && r.lang !== lang ? r.lang : undefined;
    const to = !r ? '' : ` → ${other ? format(M.replacementInLanguage, `**${esc(r.text)}**`, M.inLanguage[other]) : `**${esc(r.text)}**`}`;
    return `⚠ ${label}: ${q(esc(written))}${t.note ? ` — ${esc(t.note)}` : ''}${to}`;
  }
  const pref = section(t.concept, lang).section.terms[0];
  if (pref && pref !== t && pref.text !== t.text) return `${M.preferredTerm}: **${esc(pref.text)}**`;
  return undefined;
}

/** The concept's preferred names in the other languages, on one line: "In other languages: Swedish: … · Dutch: …". */
function otherLanguages(c: Concept, lang: Lang): string {
  const M = messages(lang);
  const names: string[] = [];
  for (const l of LANGS) {
    if (l === lang) continue;
    const s = c.langs[l];
    if (!s?.terms.length) continue;
    names.push(`${M.langNames[l]}: ${withAcronyms(esc(s.terms[0].text), s)}`);
  }
  return names.length ? `${M.otherLanguages}: ${names.join(' · ')}` : '';
}
