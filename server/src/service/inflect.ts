/**
 * Inflected surface forms of glossary terms, so that the matcher (an automaton
 * over all forms) finds "okazji", "säljtratten", "kansjes" or "lead's" in real text.
 *
 * Pure and table driven: no I/O. Every language has a small function that
 * inflects one word (inflect.en.ts, inflect.sv.ts, inflect.nl.ts, inflect.pl.ts;
 * what they share is in inflect.common.ts); multi-word terms inflect the head noun
 * (and in Polish the adjectives that agree with it). The rules aim at the
 * real words of the glossary: over-generating a plausible but wrong form is
 * harmless (nobody writes it), generating a different common word is not, so
 * the few known collisions are blocked explicitly.
 */
import { add, inflectHeadOnly, tagged, type InflectHints, type InflectLang, type Tagged } from './inflect.common';
import { EN_PL, englishWord } from './inflect.en';
import { NL_PL, dutchWord } from './inflect.nl';
import { inflectPolish, PL_PLURAL_SLOTS } from './inflect.pl';
import { SV_PL, swedishWord } from './inflect.sv';

export type { InflectHints, InflectLang };
export { clearInflectionCache } from './inflect.pl';

/**
 * The grammatical slots of each language, in a fixed order: the order in which fitTerm (replace.ts) reads a
 * written form that fills several slots. The dictionary form comes first, the singular before the plural, and
 * in Polish the cases in the order in which they are common in running text where two share a form: "okazji"
 * (genitive, dative and locative singular, genitive plural) is taken for a genitive singular, "ofercie"
 * (dative and locative) for a locative.
 * - pl: number × case (nominative, genitive, accusative, locative, instrumental, dative, vocative);
 * - sv: indefinite/definite × singular/plural, then the genitive -s of each;
 * - nl: singular, plural, then the diminutive of each;
 * - en: singular, plural, then the possessive of each.
 */
export const SLOT_ORDER: Readonly<Record<InflectLang, readonly string[]>> = {
  pl: ['sg.nom', 'sg.gen', 'sg.acc', 'sg.loc', 'sg.ins', 'sg.dat', 'sg.voc', 'pl.nom', 'pl.gen', 'pl.acc', 'pl.loc', 'pl.ins', 'pl.dat', 'pl.voc'],
  sv: ['sg.indef', 'sg.def', 'pl.indef', 'pl.def', 'sg.indef.gen', 'sg.def.gen', 'pl.indef.gen', 'pl.def.gen'],
  nl: ['sg', 'pl', 'dim.sg', 'dim.pl'],
  en: ['sg', 'pl', 'sg.poss', 'pl.poss'],
  'zh-Hant': ['base'],
};

/** The slots' names by the numbers the language functions give them (Polish: the paradigm's order, S_N … P_V). */
const SLOT_NAMES: Readonly<Record<InflectLang, readonly string[]>> = {
  pl: ['sg.nom', 'sg.gen', 'sg.dat', 'sg.acc', 'sg.ins', 'sg.loc', 'sg.voc', 'pl.nom', 'pl.gen', 'pl.dat', 'pl.acc', 'pl.ins', 'pl.loc', 'pl.voc'],
  sv: SLOT_ORDER.sv, nl: SLOT_ORDER.nl, en: SLOT_ORDER.en, 'zh-Hant': SLOT_ORDER['zh-Hant'],
};

/** A form of a term and the slot it fills (a name in SLOT_ORDER); no slot for a glossary form the rules do not explain. */
export interface TaggedForm { form: string; slot?: string }

/** The distinct forms of a term, the text itself first. */
export function inflect(lang: InflectLang, text: string, hints: InflectHints = {}): string[] {
  const out = new Set<string>([text]);
  if (hints.inflect !== false && text.trim() !== '') {
    for (const f of ruleForms(lang, text, hints, false).f) out.add(f);
  }
  for (const f of hints.forms ?? []) out.add(f);
  return [...out];
}

/**
 * The forms of a term with their grammatical slots: the text itself first (the dictionary form), then the
 * forms inflect() gives, each once per slot it fills. A glossary form (hints.forms) gets the slot the rules would
 * give it, with inflection on or another word as the head ("landing page'a" is the genitive of "landing page"
 * inflected at "page"), or that of a form it adds an ending to (HINT_ENDINGS), or none.
 *
 * `purpose` 'write': the forms to write into a text rather than to find in one. They differ where the rules of
 * Swedish and Dutch take a word for an English loan: to find text, a word with English letters anywhere is
 * given the English -s plural as well; to write, only a word that ends like English is ("outboundförsäljning" is
 * a Swedish compound: "outboundförsäljningar", not "outboundförsäljnings").
 */
export function inflectTagged(lang: InflectLang, text: string, hints: InflectHints = {}, purpose: 'find' | 'write' = 'find'): TaggedForm[] {
  const writing = purpose === 'write';
  const names = SLOT_NAMES[lang];
  const out: TaggedForm[] = [{ form: text, slot: names[0] }];
  const seen = new Set([`${text}\0${names[0]}`]);
  const put = (t: Tagged, only?: ReadonlySet<string>) => t.f.forEach((form, i) => {
    const slot = names[t.s[i]];
    const key = `${form}\0${slot}`;
    if ((!only || only.has(form)) && !seen.has(key)) { seen.add(key); out.push({ form, slot }); }
  });
  if (lang === 'zh-Hant' || text.trim() === '') {
    for (const form of hints.forms ?? []) out.push({ form });
    return out;
  }
  const words = text.split(' ');
  if (hints.inflect !== false) put(ruleForms(lang, text, hints, writing));
  let left = (hints.forms ?? []).filter((f) => !out.some((x) => x.form === f));
  if (left.length) {
    // The rules with only the gender of the hints, with and without the plural, at the given head and then at each word.
    const heads = words.length > 1 ? [hints.head, ...words.map((_, i) => i).filter((i) => i !== hints.head)] : [undefined];
    const runs = heads.flatMap((head) => [{ gender: hints.gender, plural: hints.plural, head }, ...(hints.plural ? [{ gender: hints.gender, head }] : [])]);
    for (const run of runs) {
      const t = ruleForms(lang, text, run, writing);
      const found = new Set(left.filter((f) => t.f.includes(f)));
      put(t, found);
      left = left.filter((f) => !found.has(f));
      if (!left.length) break;
    }
    // Then as a rule form but for words the rules left as written: an adjective they do not know ("pytań odkrywczych"
    // beside the rules' "pytań odkrywcze"), a complement in the plural ("typów leadów" beside "typów leada": a
    // plural, as the word is that of the term's plural).
    if (left.length && words.length > 1) {
      const rules = ruleForms(lang, text, runs[0], writing);
      const plural = hints.plural?.split(' ');
      for (const f of left.slice()) {
        const fw = f.split(' ');
        if (fw.length !== words.length) continue;
        const ofPlural = plural?.length === fw.length && fw.some((w, k) => w !== words[k] && w === plural[k]);
        const found = new Set<string>();
        rules.f.forEach((form, i) => {
          const slot = names[rules.s[i]];
          if (sameButUninflected(form.split(' '), fw, words) && (!ofPlural || slot.startsWith('pl.'))) found.add(slot);
        });
        for (const slot of found) out.push({ form: f, slot });
        if (found.size) left = left.filter((x) => x !== f);
      }
    }
    // Then by an ending added to a form whose slot is known ("opportunityn", "dealar" → "dealarna" → "dealarnas").
    for (let more = left.length > 0; more;) {
      more = false;
      for (const [a, ending, b] of HINT_ENDINGS[lang] ?? []) {
        const f = left.find((x) => x.endsWith(ending) && out.some((y) => y.slot === a && y.form + ending === x));
        if (f === undefined) continue;
        out.push({ form: f, slot: b });
        left = left.filter((x) => x !== f);
        more = true;
      }
    }
    for (const form of left) out.push({ form });
  }
  if (writing && lang === 'pl' && hints.plural && hints.inflect !== false) pluralComplements(out, words, hints.plural.split(' '));
  return out;
}

/**
 * Whether `listed` is the rule form `rule` (of a term written `words`) but for words the rules did not inflect
 * there: words of `rule` as written in the term, where `listed` has another form. At least one inflected word
 * must be the same.
 */
function sameButUninflected(rule: string[], listed: string[], words: string[]): boolean {
  if (rule.length !== listed.length) return false;
  let inflected = false;
  for (let k = 0; k < rule.length; k++) {
    if (rule[k] === listed[k]) inflected ||= rule[k] !== words[k];
    else if (rule[k] !== words[k]) return false;
  }
  return inflected;
}

/**
 * Polish terms whose plural puts a complement in the plural too ("typ leada", plural "typy leadów"): the rules
 * inflect the head and leave the complement, so every plural form (to write) takes the plural's word there
 * ("typom leadów", not "typom leada").
 */
function pluralComplements(out: TaggedForm[], words: string[], plural: string[]): void {
  if (plural.length !== words.length) return;
  const changed = words.map((w, k) => w !== plural[k]);
  if (!changed.some(Boolean)) return;
  for (const x of out) {
    if (!x.slot?.startsWith('pl.')) continue;
    const fw = x.form.split(' ');
    if (fw.length !== words.length) continue;
    x.form = fw.map((w, k) => (changed[k] && w === words[k] ? plural[k] : w)).join(' ');
  }
}

/**
 * How a form the glossary lists and the rules do not make (loanwords mostly) is another slot of a form with a known
 * slot: [slot of that form, the ending added, slot of the listed form]. The first that fits gives the slot.
 */
const HINT_ENDINGS: Partial<Record<InflectLang, readonly (readonly [string, string, string])[]>> = {
  sv: [
    ['sg.indef', 'n', 'sg.def'], ['sg.indef', 'en', 'sg.def'], ['sg.indef', 'et', 'sg.def'], ['sg.indef', 't', 'sg.def'],
    ['sg.indef', 'ar', 'pl.indef'], ['sg.indef', 'er', 'pl.indef'], ['sg.indef', 'or', 'pl.indef'], ['sg.indef', 's', 'pl.indef'],
    ['pl.indef', 'na', 'pl.def'], ['pl.indef', 'a', 'pl.def'], ['pl.indef', 'en', 'pl.def'],
    ['sg.def', 's', 'sg.def.gen'], ['pl.def', 's', 'pl.def.gen'], ['sg.indef', 's', 'sg.indef.gen'],
  ],
  nl: [['sg', "'s", 'pl'], ['sg', 's', 'pl'], ['sg', 'en', 'pl']],
  en: [['sg', "'s", 'sg.poss'], ['sg', 's', 'pl'], ['sg', 'es', 'pl'], ['pl', "'", 'pl.poss']],
};

/**
 * The forms the rules (and the plural hint) give, with their slots; not the text itself, nor hints.forms.
 * `writing`: English loans only by their last syllable (inflectTagged).
 */
function ruleForms(lang: InflectLang, text: string, hints: InflectHints, writing: boolean): Tagged {
  const out = tagged();
  let pluralSlots: readonly number[] = [];
  switch (lang) {
    case 'pl': pluralSlots = inflectPolish(text, hints, out) === 'm1' ? PL_PLURAL_SLOTS.m1 : PL_PLURAL_SLOTS.other; break;
    case 'sv': inflectHeadOnly(text, hints, swedishWord, writing, out); pluralSlots = [SV_PL]; break;
    case 'nl': inflectHeadOnly(text, hints, dutchWord, writing, out); pluralSlots = [NL_PL]; break;
    case 'en': inflectHeadOnly(text, hints, englishWord, writing, out); pluralSlots = [EN_PL]; break;
    default: break; // zh-Hant: no inflection
  }
  if (hints.plural) for (const slot of pluralSlots) add(out, hints.plural, slot);
  return out;
}
