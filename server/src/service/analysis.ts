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
import type { Match } from './matcher';

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

  const candidates = (start: number, end: number, node: number): Term[] => {
    const out: Term[] = [];
    if (opts.ignore.size && opts.ignore.has(foldKey(text.slice(start, end)))) return out;
    const outputs = glossary.matcher.outputs(node);
    let verbChecked = false;
    for (const idx of outputs) {
      const t = glossary.terms[idx];
      // "lead the call": when any reading of this text is also a verb, an English verb use is no term at all.
      if (t.homograph === 'verb' && !verbChecked) {
        verbChecked = true;
        if (isVerbUse(folded, start, end)) return [];
      }
    }
    for (const idx of outputs) {
      const t = glossary.terms[idx];
      if (!enabled.has(t.lang)) continue;
      if (t.acronym && !text.startsWith(t.text, start)) continue; // acronyms are matched in capitals only
      out.push(t);
    }
    return out.sort((a, b) => rankLang(a.lang) - rankLang(b.lang) || Number(a.acronym) - Number(b.acronym) || a.rank - b.rank);
  };

  const matches: Match[] = [];
  let last: { start: number; end: number; terms: Term[] } | undefined;
  glossary.matcher.scan(folded, 0, folded.length, matches, (start, end, node) => {
    last = { start, end, terms: candidates(start, end, node) };
    return last.terms.length > 0;
  });
  const occurrences: Occurrence[] = [];
  for (const m of matches) {
    const terms = last && last.start === m.start && last.end === m.end ? last.terms : candidates(m.start, m.end, m.node);
    occurrences.push({ start: m.start, end: m.end, terms, term: terms[0] });
  }
  orderAmbiguous(occurrences);
  return { lang, detection, occurrences, ignored };
}

/**
 * Where one text names several concepts (SQL, ACV), puts first the concept this document most
 * likely means: the one whose related concepts and domain the document talks about.
 */
function orderAmbiguous(occurrences: Occurrence[]): void {
  let needed = false;
  for (const o of occurrences) if (distinctConcepts(o.terms).length > 1) needed = true;
  if (!needed) return;
  const used = new Map<string, number>();
  const domains = new Map<string, number>();
  for (const o of occurrences) {
    if (distinctConcepts(o.terms).length > 1) continue;
    used.set(o.term.concept.id, (used.get(o.term.concept.id) ?? 0) + 1);
    domains.set(o.term.concept.domain, (domains.get(o.term.concept.domain) ?? 0) + 1);
  }
  const score = (c: Concept) => 10 * (used.get(c.id) ?? 0) + c.related.reduce((s, r) => s + (used.get(r) ?? 0), 0) * 2 + (domains.get(c.domain) ?? 0);
  for (const o of occurrences) {
    const cs = distinctConcepts(o.terms);
    if (cs.length < 2) continue;
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
