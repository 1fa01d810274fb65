/**
 * The text that replaces a written term with another term of the same concept: in the grammatical form and the
 * case the original is written in ("szczegóły okazji" → "szczegóły szansy sprzedażowej", "Rörledningarna" →
 * "Pipelinesen", "KANSEN" → "OPPORTUNITIES"). Used by the quick fixes (findings.ts, crossFile.ts) and by rename.
 */
import { foldKey, hasHan } from './fold';
import { inflectTagged, SLOT_ORDER } from './inflect';
import type { Lang, Term } from './types';
import { matchCase } from './util';

/**
 * `written`: the text as the document has it (a form of `from`); the result: `to` written to fit there: the form
 * of `to` in the slot (case, number, definiteness…) where `written` is a form of `from`, in the case of `written`.
 * The base form of `to`, in that case, when the two terms are of different languages, `to` is a plain text, an
 * acronym or Chinese, or `written` is no form of `from` with a known slot.
 */
export function fitTerm(written: string, from: Term, to: Term | string, governed?: Governed): string {
  if (typeof to === 'string') return matchCase(written, to);
  const form = inflectedLike(written, from, to, governed) ?? to.text;
  return matchCase(written, written.includes('’') ? form.replace(/'/g, '’') : form);
}

/** A case that a preposition governs: of the slots a written form may fill, the one to read it as. */
export type Governed = 'gen' | 'dat' | 'loc';

/**
 * Polish prepositions that take one case (or, like "o", "w", "na", the locative where the form could also be a
 * genitive or dative: an accusative form is not ambiguous with those).
 */
const PL_GOVERNS: Record<string, Governed> = {
  o: 'loc', w: 'loc', we: 'loc', na: 'loc', przy: 'loc', po: 'loc',
  do: 'gen', od: 'gen', ode: 'gen', bez: 'gen', dla: 'gen', u: 'gen', około: 'gen', podczas: 'gen', według: 'gen',
  wśród: 'gen', spośród: 'gen', obok: 'gen', wokół: 'gen', zamiast: 'gen', oprócz: 'gen', dookoła: 'gen', spod: 'gen', znad: 'gen', sprzed: 'gen',
  dzięki: 'dat', ku: 'dat', wbrew: 'dat', przeciw: 'dat', przeciwko: 'dat',
};

/**
 * The case a preposition among the three words before a term governs in Polish text ("o każdej naszej |okazji"),
 * from the text before the term; undefined in other languages or without one.
 */
export function governedCase(lang: Lang, before: string): Governed | undefined {
  if (lang !== 'pl') return undefined;
  // Only within the clause: the preposition must be in the same phrase as the term.
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'));
  const phrase = before.slice(cut + 1).slice(-60).toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  for (const w of phrase.slice(-3).reverse()) {
    const g = PL_GOVERNS[w];
    if (g) return g;
  }
  return undefined;
}

/** `to` in the slot that `written` fills as a form of `from`; undefined when there is nothing to inflect by. */
function inflectedLike(written: string, from: Term, to: Term, governed?: Governed): string | undefined {
  if (from.lang !== to.lang || from.acronym || to.acronym || to.lang === 'zh-Hant' || hasHan(to.text) || hasHan(from.text)) return undefined;
  const slots = formsOf(from, 'find').byKey.get(foldKey(written));
  if (!slots) return undefined;
  // An ambiguous form ("okazji": genitive, dative or locative singular, or genitive plural) is read as the first of
  // its slots, in the language's fixed order (SLOT_ORDER), that `to` has a form in; where both terms share the
  // ambiguity (Polish "oferty" and "umowy": genitive singular and nominative plural) any slot gives the same text.
  // A written base form gives the base form; where `to` has no form in any of the slots (it does not inflect), its
  // base form too.
  // A Polish preposition before the term says which of them it is ("o okazji": locative, "bez okazji": genitive).
  const order = governed && to.lang === 'pl' ? [`sg.${governed}`, `pl.${governed}`, ...SLOT_ORDER.pl] : SLOT_ORDER[to.lang];
  for (const slot of order) {
    if (!slots.has(slot)) continue;
    const form = formIn(to, slot);
    if (form !== undefined) return form;
  }
  return to.text;
}

/**
 * Where a term has no form of its own in a slot, the form of a nearby slot, or how it is made from that form.
 * Swedish writes a loanword without the definite ending rather than with a made-up one ("affärsmöjligheterna" →
 * "opportunities"), and puts the genitive -s on whatever form it has; Dutch gives a loanword no diminutive
 * ("kansje" → "opportunity").
 */
const NEARBY: Partial<Record<Lang, Record<string, string>>> = {
  sv: { 'sg.def': 'sg.indef', 'pl.def': 'pl.indef', 'sg.indef.gen': 'sg.indef', 'sg.def.gen': 'sg.def', 'pl.indef.gen': 'pl.indef', 'pl.def.gen': 'pl.def' },
  nl: { 'dim.sg': 'sg', 'dim.pl': 'pl' },
};

/**
 * Forms the rules make of a loanword to find them in text, but that are not written unless the glossary lists
 * them: the Swedish definite plural of an English -s plural ("opportunitiesen"; "leadsen" is listed), the Dutch
 * diminutive ("opportunitytje").
 */
function guessed(to: Term, slot: string, form: string): boolean {
  if (!to.loanword) return false;
  if (to.lang === 'sv') return slot.startsWith('pl.def') && /sens?$/.test(form);
  return to.lang === 'nl' && slot.startsWith('dim.');
}

/** The form of `to` in a slot: the glossary's choice where the rules give two (see formsOf). */
function formIn(to: Term, slot: string): string | undefined {
  const ix = formsOf(to, 'write');
  const form = ix.bySlot.get(slot)?.find((f) => ix.listed.has(f) || !guessed(to, slot, f));
  if (form !== undefined) return form;
  const near = NEARBY[to.lang]?.[slot];
  const nearForm = near === undefined ? undefined : formIn(to, near);
  if (nearForm === undefined || !slot.endsWith('.gen')) return nearForm;
  return /[sxz]$/.test(nearForm) ? nearForm : nearForm + 's';
}

/**
 * A term's forms by folded text (with the slots each fills) and by slot (the glossary's own forms first), and the
 * forms the glossary lists (the text, its plural and forms).
 */
interface SlotIndex { byKey: Map<string, Set<string>>; bySlot: Map<string, string[]>; listed: Set<string> }

/**
 * The indices of the terms fixes were made for (a "replace all" asks for the same two terms many times): of the
 * forms as found in text (a written form's slots) and as written (the replacement's forms), see inflectTagged.
 */
const indices = { find: new WeakMap<Term, SlotIndex>(), write: new WeakMap<Term, SlotIndex>() };

function formsOf(t: Term, purpose: 'find' | 'write'): SlotIndex {
  let ix = indices[purpose].get(t);
  if (ix) return ix;
  const h = t.inflection;
  const own = [t.text, ...(h?.plural ? [h.plural] : []), ...(h?.forms ?? [])];
  ix = { byKey: new Map(), bySlot: new Map(), listed: new Set(own) };
  for (const { form, slot } of inflectTagged(t.lang, t.text, h, purpose)) {
    if (slot === undefined) continue;
    // Found as the matcher finds it: folded, and as a closed compound ("leadscoring" for "lead scoring").
    const key = foldKey(form);
    for (const k of key.includes(' ') ? [key, key.replace(/ /g, '')] : [key]) {
      let s = ix.byKey.get(k);
      if (!s) ix.byKey.set(k, (s = new Set()));
      s.add(slot);
    }
    const list = ix.bySlot.get(slot);
    if (!list) ix.bySlot.set(slot, [form]);
    else if (!list.includes(form)) list.push(form);
  }
  // Where the rules give two forms in a slot (Polish "leadu" and "leada"), the glossary's choice comes first: the
  // text itself, then its plural and forms in the order it lists them, then the rules' order.
  const rank = (f: string) => { const i = own.indexOf(f); return i < 0 ? own.length : i; };
  for (const list of ix.bySlot.values()) if (list.length > 1) list.sort((x, y) => rank(x) - rank(y));
  indices[purpose].set(t, ix);
  return ix;
}
