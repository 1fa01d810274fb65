/**
 * One pass over a document: fold the text, blank out what is not prose, detect the language, and
 * find every term occurrence with the glossary's matcher. Every feature works from the result.
 */
import { BLOCK, SEP, foldKey, foldText, isWordCode } from './fold';
import { detectLanguage, Detection } from './detect';
import type { Glossary } from './glossary';
import { findIgnoredRegions } from './regions';
import type { Concept, Lang, Term } from './types';
import { LANGS } from './types';

export interface AnalysisOptions {
  /** A fixed language, or undefined to detect it. */
  lang?: Lang;
  /** Used when detection is unsure. */
  fallbackLang: Lang;
  /** Terms of these languages are looked for. */
  languages: readonly Lang[];
  /** Folded words and phrases never reported. */
  ignore: ReadonlySet<string>;
  markdown: boolean;
}

export interface Occurrence {
  start: number;
  end: number;
  /** Every term this text can be, best first for this document. */
  terms: Term[];
  /** = terms[0] */
  term: Term;
  /** The terms name more than one concept (SQL, 潛在客戶). */
  ambiguous: boolean;
}

export interface Analysis {
  lang: Lang;
  detection: Detection;
  occurrences: Occurrence[];
  /** Ignored regions as [start, end) pairs. */
  ignored: number[];
}

const VERB_BEFORE = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'must', 'shall', 'may', 'might', 'we', 'i', 'you', 'they', 'who', 'did', 'does', 'do', "'ll", 'please', 'always', 'never']);
const VERB_AFTER = new Set(['the', 'a', 'an', 'our', 'your', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'them', 'us', 'me', 'him', 'you', 'with', 'by', 'into', 'every', 'each', 'all', 'it', 'discovery', 'calls', 'meetings']);

/** The word before `start` and after `end` in folded text (stopping at blocked regions). */
function wordAt(f: Uint16Array, from: number, dir: 1 | -1): string {
  let i = from;
  while (i >= 0 && i < f.length && f[i] === SEP) i += dir;
  let s = '';
  while (i >= 0 && i < f.length && (isWordCode(f[i]) || f[i] === 0x27)) {
    s = dir > 0 ? s + String.fromCharCode(f[i]) : String.fromCharCode(f[i]) + s;
    i += dir;
  }
  return s;
}

function isVerbUse(f: Uint16Array, start: number, end: number): boolean {
  return VERB_BEFORE.has(wordAt(f, start - 1, -1)) || VERB_AFTER.has(wordAt(f, end, 1));
}

export function analyze(text: string, glossary: Glossary, opts: AnalysisOptions): Analysis {
  const folded = foldText(text);
  const ignored = findIgnoredRegions(text, opts.markdown);
  for (let k = 0; k < ignored.length; k += 2) folded.fill(BLOCK, ignored[k], ignored[k + 1]);
  const detection = detectLanguage(folded);
  const lang = opts.lang ?? (detection.confidence >= 0.15 ? detection.lang : opts.fallbackLang);
  const enabled = new Set(opts.languages);
  const rankLang = (l: Lang) => (l === lang ? 0 : 1 + LANGS.indexOf(l));

  // The candidates of a trie node, in document order of preference; computed once per node.
  const byNode = new Map<number, { terms: Term[]; verb: boolean; acronyms: boolean; ambiguous: boolean }>();
  const sortedFor = (node: number) => {
    let e = byNode.get(node);
    if (!e) {
      const terms = [...glossary.matcher.outputs(node)].map((i) => glossary.terms[i]).filter((t) => enabled.has(t.lang));
      terms.sort((a, b) => rankLang(a.lang) - rankLang(b.lang) || Number(a.acronym) - Number(b.acronym) || a.rank - b.rank);
      e = {
        terms,
        verb: [...glossary.matcher.outputs(node)].some((i) => glossary.terms[i].homograph === 'verb'),
        acronyms: terms.some((t) => t.acronym),
        ambiguous: terms.some((t) => t.concept !== terms[0].concept),
      };
      byNode.set(node, e);
    }
    return e;
  };

  const candidates = (start: number, end: number, node: number): Term[] => {
    if (opts.ignore.size && opts.ignore.has(foldKey(text.slice(start, end)))) return [];
    const e = sortedFor(node);
    // "lead the call": when any reading of this text is also a verb, an English verb use is no term at all.
    if (e.verb && isVerbUse(folded, start, end)) return [];
    if (!e.acronyms) return e.terms;
    // Acronyms are matched exactly as written: in capitals, and with their own ending ("MQL-e", not "MQL e").
    const written = text.slice(start, end);
    const acronyms = e.terms.filter((t) => t.acronym && t.forms.includes(written));
    // "SalesOps" written like the acronym is the acronym, not the closed compound of "sales ops".
    return acronyms.length ? acronyms : e.terms.filter((t) => !t.acronym);
  };

  const occurrences: Occurrence[] = [];
  let anyAmbiguous = false;
  glossary.matcher.scan(folded, 0, folded.length, (start, end, node) => {
    const terms = candidates(start, end, node);
    if (!terms.length) return false;
    const ambiguous = terms !== byNode.get(node)!.terms ? terms.some((t) => t.concept !== terms[0].concept) : byNode.get(node)!.ambiguous;
    if (ambiguous) anyAmbiguous = true;
    occurrences.push({ start, end, terms: ambiguous ? [...terms] : terms, term: terms[0], ambiguous });
    return true;
  });
  if (anyAmbiguous) orderAmbiguous(occurrences);
  return { lang, detection, occurrences, ignored };
}

/**
 * Where one text names several concepts (SQL, ACV), puts first the concept this document most
 * likely means: the one whose related concepts and domain the document talks about.
 */
function orderAmbiguous(occurrences: Occurrence[]): void {
  const used = new Map<string, number>();
  const domains = new Map<string, number>();
  for (const o of occurrences) {
    if (o.ambiguous) continue;
    used.set(o.term.concept.id, (used.get(o.term.concept.id) ?? 0) + 1);
    domains.set(o.term.concept.domain, (domains.get(o.term.concept.domain) ?? 0) + 1);
  }
  const score = (c: Concept) => 10 * (used.get(c.id) ?? 0) + c.related.reduce((s, r) => s + (used.get(r) ?? 0), 0) * 2 + (domains.get(c.domain) ?? 0);
  for (const o of occurrences) {
    if (!o.ambiguous) continue;
    const cs = distinctConcepts(o.terms);
    const order = new Map(cs.map((c, i) => [c.id, i]));
    const s = new Map(cs.map((c) => [c.id, score(c)]));
    o.terms.sort((a, b) => s.get(b.concept.id)! - s.get(a.concept.id)! || order.get(a.concept.id)! - order.get(b.concept.id)!);
    o.term = o.terms[0];
  }
}

export function distinctConcepts(terms: Term[]): Concept[] {
  const out: Concept[] = [];
  for (const t of terms) if (!out.includes(t.concept)) out.push(t.concept);
  return out;
}
