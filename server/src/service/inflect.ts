/**
 * Inflected surface forms of glossary terms, so that the matcher (an automaton
 * over all forms) finds "okazji", "säljtratten", "kansjes" or "lead's" in real text.
 *
 * Pure and table driven: no imports, no I/O. Every language has a small
 * function that inflects one word; multi-word terms inflect the head noun
 * (and in Polish the adjectives that agree with it). The rules aim at the
 * real words of the glossary: over-generating a plausible but wrong form is
 * harmless (nobody writes it), generating a different common word is not, so
 * the few known collisions are blocked explicitly.
 */

export type InflectLang = 'en' | 'sv' | 'nl' | 'pl' | 'zh-Hant';

export interface InflectHints {
  /** sv "c"/"n"; nl "de"/"het"; pl "m1"/"m2"/"m3"/"f"/"n". */
  gender?: string;
  /** 0-based index of the head noun among the words of the term. */
  head?: number;
  /** Nominative plural of the whole term, where the rules fail. */
  plural?: string;
  /** Extra forms, always included. */
  forms?: string[];
  /** false: the term never changes form. */
  inflect?: boolean;
}

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

/** Forms in the order made, each with the number of its slot (SLOT_NAMES; a form may come again in another slot). */
interface Tagged { f: string[]; s: number[] }

const tagged = (): Tagged => ({ f: [], s: [] });

function add(out: Tagged, form: string, slot: number): void {
  out.f.push(form);
  out.s.push(slot);
}

function addAll(out: Tagged, forms: readonly string[], slot: number): void {
  for (const f of forms) add(out, f, slot);
}

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
    case 'pl': {
      const g = inflectPolish(text, hints, out);
      pluralSlots = g === 'm1' ? [P_N, P_V] : [P_N, P_V, P_A];
      break;
    }
    case 'sv': inflectHeadOnly(text, hints, lastHead, swedishWord, writing, out); pluralSlots = [SV_PL]; break;
    case 'nl': inflectHeadOnly(text, hints, lastHead, dutchWord, writing, out); pluralSlots = [NL_PL]; break;
    case 'en': inflectHeadOnly(text, hints, lastHead, englishWord, writing, out); pluralSlots = [EN_PL]; break;
    default: break; // zh-Hant: no inflection
  }
  if (hints.plural) for (const slot of pluralSlots) add(out, hints.plural, slot);
  return out;
}

// ---------------------------------------------------------------------------
// Shared helpers

const VOWELS = 'aeiouyąęóåäöéë';

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

function syllables(w: string): number {
  return (w.match(/[aeiouyąęóåäöéë]+/g) ?? []).length;
}

/** "KPI", "CRM": all capitals (and at least two letters). */
function isAcronym(w: string): boolean {
  return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
}

/** Words with digits or other non-letters (B2B, 24/7) are never inflected. */
function isPlainWord(w: string): boolean {
  return w !== '' && !/[\d\s_.,:;/\\()[\]{}&+@#%!?*"=<>|~^$]|^['’-]/.test(w);
}

/** Copies the casing of `orig` onto a form computed in lower case. */
function restoreCase(orig: string, form: string): string {
  if (orig === orig.toLowerCase()) return form;
  if (isAcronym(orig)) return form.toUpperCase();
  let i = 0;
  const n = Math.min(orig.length, form.length);
  while (i < n && orig[i].toLowerCase() === form[i]) i++;
  return orig.slice(0, i) + form.slice(i);
}

/** Replaces the longest matching suffix from a table of [ending, replacement]. */
function replaceSuffix(w: string, table: ReadonlyArray<readonly [string, string]>): string | null {
  for (const [from, to] of table) {
    if (w.endsWith(from)) return w.slice(0, w.length - from.length) + to;
  }
  return null;
}

/** Longest suffix of `w` found in a suffix → value map (suffixes of 1..6 chars). */
function lookupSuffix<T>(w: string, table: ReadonlyMap<string, T>): T | undefined {
  for (let n = Math.min(6, w.length); n >= 1; n--) {
    const v = table.get(w.slice(w.length - n));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The last syllable of a word: its last vowels with the consonants around them ("outboundförsäljning" → "ning"). */
function lastSyllable(w: string): string {
  return /[^aeiouyåäöéë]*[aeiouyåäöéë]+[^aeiouyåäöéë]*$/.exec(w)?.[0] ?? w;
}

function lastHead(words: string[]): number {
  return words.length - 1;
}

/**
 * A word inflector for sv/nl/en: lower-case word → its other forms with their slots (into `out`), given the
 * plural hint's word, or (gender FROM_PLURAL) the forms it derives from a given plural. `writing`: see ruleForms.
 */
type WordInflector = (lower: string, orig: string, gender: string | undefined, pluralHint: string | undefined, out: Tagged, writing: boolean) => void;

/**
 * sv/nl/en: only the head (by default the last word) changes; the words
 * before and after it stay as written.
 */
function inflectHeadOnly(
  text: string, hints: InflectHints, defaultHead: (w: string[]) => number, fn: WordInflector, writing: boolean, out: Tagged,
): void {
  const words = text.split(' ');
  const head = validHead(hints.head, words) ?? defaultHead(words);
  const word = words[head];
  if (!word || !isPlainWord(word)) return;
  let pluralHead: string | undefined;
  if (hints.plural) {
    const pw = hints.plural.split(' ');
    pluralHead = pw.length === words.length ? pw[head] : pw[pw.length - 1];
  }
  const lower = word.toLowerCase();
  const forms = tagged();
  fn(lower, word, hints.gender, pluralHead?.toLowerCase(), forms, writing);
  forms.f.forEach((f, i) => {
    // The word itself (in another slot) as written.
    const cased = f === lower ? word : isAcronym(word) ? f : restoreCase(word, f);
    const ws = words.slice();
    ws[head] = cased;
    add(out, ws.join(' '), forms.s[i]);
  });
  // Forms derived from the plural hint replace the head of the hint itself.
  if (hints.plural && pluralHead !== undefined) {
    const pw = hints.plural.split(' ');
    const hi = pw.length === words.length ? head : pw.length - 1;
    const derived = tagged();
    fn(pluralHead.toLowerCase(), pluralHead, FROM_PLURAL, undefined, derived, writing);
    derived.f.forEach((f, i) => {
      const ws = pw.slice();
      ws[hi] = restoreCase(pluralHead!, f);
      add(out, ws.join(' '), derived.s[i]);
    });
  }
}

function validHead(head: number | undefined, words: string[]): number | undefined {
  return head !== undefined && Number.isInteger(head) && head >= 0 && head < words.length ? head : undefined;
}

/** Marker so that a word inflector returns the forms it derives from a given plural. */
const FROM_PLURAL = '\u0000plural';

// ---------------------------------------------------------------------------
// English: plural -s/-es/-ies, possessive 's and s'.

function englishPlural(w: string): string[] {
  if (/[^aeiou]y$/.test(w)) return [w.slice(0, -1) + 'ies'];
  if (/sis$/.test(w)) return [w.slice(0, -2) + 'es'];
  if (/(ss|us|x|z|ch|sh)$/.test(w)) return [w + 'es'];
  if (/s$/.test(w)) return []; // already plural or uncountable: sales, analytics
  return [w + 's'];
}

function englishPossessive(w: string, plural: boolean): string[] {
  if (w.endsWith('s')) return plural ? [w + "'"] : [w + "'", w + "'s"];
  return [w + "'s"];
}

/** English slots (SLOT_ORDER.en). */
const EN_PL = 1, EN_SG_POSS = 2, EN_PL_POSS = 3;

const englishWord: WordInflector = (lower, orig, gender, pluralHint, out) => {
  const w = isAcronym(orig) ? orig : lower;
  if (gender === FROM_PLURAL) return addAll(out, englishPossessive(w, true), EN_PL_POSS);
  const plurals = pluralHint !== undefined ? [] : englishPlural(w);
  addAll(out, plurals, EN_PL);
  addAll(out, englishPossessive(w, false), EN_SG_POSS);
  for (const p of plurals) addAll(out, englishPossessive(p, true), EN_PL_POSS);
};

// ---------------------------------------------------------------------------
// Swedish: definite singular, plural, definite plural, and the genitive -s of each.

/** Plural ending of common-gender nouns by final letters (longest suffix wins). */
const SV_C_PLURAL = new Map<string, 'ar' | 'er'>([
  // -ar
  ['ing', 'ar'], ['dom', 'ar'], ['tratt', 'ar'], ['dag', 'ar'], ['väg', 'ar'], ['stol', 'ar'], ['bil', 'ar'],
  ['del', 'ar'], ['hund', 'ar'], ['fisk', 'ar'], ['kväll', 'ar'], ['budget', 'ar'], ['skog', 'ar'], ['båt', 'ar'],
  ['arm', 'ar'], ['sjö', 'ar'], ['ring', 'ar'], ['gång', 'ar'], ['mål', 'ar'],
  // -er
  ['ion', 'er'], ['het', 'er'], ['tet', 'er'], ['ism', 'er'], ['ist', 'er'], ['ant', 'er'], ['ent', 'er'],
  ['und', 'er'], ['nad', 'er'], ['ör', 'er'], ['är', 'er'], ['ur', 'er'], ['at', 'er'], ['ik', 'er'], ['in', 'er'],
  ['ens', 'er'], ['ans', 'er'], ['akt', 'er'], ['ekt', 'er'], ['ert', 'er'], ['ett', 'er'], ['att', 'er'],
  ['upp', 'er'], ['ort', 'er'], ['äkt', 'er'], ['änst', 'er'], ['inst', 'er'], ['al', 'er'], ['on', 'er'],
  ['anj', 'er'], ['eg', 'er'], ['plan', 'er'], ['typ', 'er'], ['trend', 'er'], ['fil', 'er'], ['ad', 'er'],
  ['ess', 'er'], ['kod', 'er'], ['ris', 'er'],
]);

/** Neuter by ending, when no gender is given. */
const SV_NEUTER_ENDINGS = ['ande', 'ende', 'um', 'eri', 'ment', 'em', 'ekt', 'iv', 'tal', 'kap'];

/** English loans (lead, deal, team): -s plural, no Swedish -ar/-er, so never "leader". */
const SV_ENGLISH = /(ea|ee|oo|ou|ai|w|th|sh|ph|[^aeiouyåäö]y$|[aeo]y$)/;

function svGenitive(f: string): string | null {
  return /[sxz]$/.test(f) ? null : f + 's';
}

/** Unstressed -el/-er/-en with the e dropped: nyckel → nyckl, nummer → numr. */
function svSyncope(w: string): string {
  let s = w.slice(0, -2) + w[w.length - 1];
  const n = s.length;
  if (n >= 3 && s[n - 2] === s[n - 3] && !isVowel(s[n - 2])) s = s.slice(0, n - 2) + s[n - 1];
  return s;
}

interface SvForms { def: string[]; pl: string[]; defPl: string[] }

function swedishForms(w: string, neuter: boolean, writing: boolean): SvForms {
  const seg = w.slice(w.lastIndexOf('-') + 1);
  if (SV_ENGLISH.test(writing ? lastSyllable(seg) : seg)) {
    return neuter
      ? { def: [w + 'et'], pl: [w, w + 's'], defPl: [w + 'en'] }
      : { def: [w + 'en'], pl: [w + 's'], defPl: [] };
  }
  const last = w[w.length - 1];
  if (isVowel(last)) {
    if (!neuter) {
      if (/(are|ande|ende)$/.test(w)) return { def: [w + 'n'], pl: [w], defPl: [(w.endsWith('are') ? w.slice(0, -1) : w) + 'na'] };
      if (/(else|je|ie|é)$/.test(w)) return { def: [w + 'n'], pl: [w + 'r'], defPl: [w + 'rna'] };
      if (w.endsWith('e')) return { def: [w + 'n'], pl: [w.slice(0, -1) + 'ar'], defPl: [w.slice(0, -1) + 'arna'] };
      if (w.endsWith('a')) return { def: [w + 'n'], pl: [w.slice(0, -1) + 'or'], defPl: [w.slice(0, -1) + 'orna'] };
      return { def: [w + 'n'], pl: [w + 'er'], defPl: [w + 'erna'] };
    }
    if (w.endsWith('i')) return { def: [w + 'et'], pl: [w + 'er'], defPl: [w + 'erna'] };
    return { def: [w + 't'], pl: [w + 'n'], defPl: [w + 'na'] };
  }
  if (neuter && w.endsWith('ium')) {
    const s = w.slice(0, -2);
    return { def: [s + 'et'], pl: [s + 'er'], defPl: [s + 'erna'] };
  }
  if (neuter && w.endsWith('um')) return { def: [w + 'et'], pl: [w], defPl: [w + 'en'] };
  if (/[^aeiouyåäö]e[lrn]$/.test(w) && syllables(w) >= 2) {
    const s = svSyncope(w);
    if (neuter) return { def: [s + 'et'], pl: [w], defPl: [s + 'en'] };
    const pl = [s + 'ar'];
    const defPl = [s + 'arna'];
    if (w.endsWith('el')) { pl.push(s + 'er'); defPl.push(s + 'erna'); }
    if (w.endsWith('er')) { pl.push(w); defPl.push(w + 'na'); }
    return { def: [w + 'n'], pl, defPl };
  }
  if (neuter) return { def: [w + 'et'], pl: [w], defPl: [w + 'en'] };
  const endings = lookupSuffix(seg, SV_C_PLURAL);
  const ends = endings ? [endings] : ['ar', 'er'];
  return { def: [w + 'en'], pl: ends.map((e) => w + e), defPl: ends.map((e) => w + e + 'na') };
}

/** Definite plural from a given plural: säljare → säljarna, leads → leadsen, avtal → avtalen. */
function svDefiniteOfPlural(p: string): string {
  if (/(ar|er|or)$/.test(p)) return p + 'na';
  if (/[aeiouyåäö]n$/.test(p)) return p + 'a';
  return p + 'en';
}

/** Swedish slots (SLOT_ORDER.sv): the genitive of each of the first four is SV_GEN slots further. */
const SV_SG = 0, SV_DEF = 1, SV_PL = 2, SV_DEF_PL = 3, SV_GEN = 4;

const swedishWord: WordInflector = (lower, orig, gender, pluralHint, out, writing) => {
  if (gender === FROM_PLURAL) {
    const d = svDefiniteOfPlural(lower);
    add(out, d, SV_DEF_PL);
    const g = svGenitive(lower), gd = svGenitive(d);
    if (g !== null) add(out, g, SV_PL + SV_GEN);
    if (gd !== null) add(out, gd, SV_DEF_PL + SV_GEN);
    return;
  }
  if (isAcronym(orig)) {
    const endings: [string, number][] = [[':n', SV_DEF], [':en', SV_DEF], [':er', SV_PL], [':erna', SV_DEF_PL], [':s', SV_SG + SV_GEN], ['s', SV_PL]];
    for (const [e, slot] of endings) add(out, orig + e, slot);
    return;
  }
  const neuter = gender === 'n' || (gender !== 'c' && SV_NEUTER_ENDINGS.some((e) => lower.endsWith(e)));
  const f = swedishForms(lower, neuter, writing);
  const put = (b: string, slot: number) => {
    // A form that is the word itself (the plural of a neuter: prospekt) fills that slot too.
    add(out, b, slot);
    const g = svGenitive(b);
    if (g) add(out, g, slot + SV_GEN);
  };
  put(lower, SV_SG);
  for (const b of f.def) put(b, SV_DEF);
  if (pluralHint === undefined) {
    for (const b of f.pl) put(b, SV_PL);
    for (const b of f.defPl) put(b, SV_DEF_PL);
  }
};

// ---------------------------------------------------------------------------
// Dutch: plural -en/-s/'s with spelling changes, diminutives and their plurals.

/** English loans take -s (leads, deals, teams). */
const NL_ENGLISH = /(ea|oa|ck|sh|th|ay|ey|oy|ount|ign|ow)/;

/** s → z, f → v between a long vowel and -en: prijs → prijzen, brief → brieven. */
function nlVoice(c: string): string {
  return c === 's' ? 'z' : c === 'f' ? 'v' : c;
}

/** The last vowel group and consonant cluster: "klant" → { pre: "kl", vow: "a", cons: "nt" }. */
function nlSplit(w: string): { pre: string; vow: string; cons: string } {
  const vowelAt = (k: number): boolean => isVowel(w[k]) || (w[k] === 'j' && w[k - 1] === 'i'); // ij is a vowel
  let i = w.length - 1;
  while (i >= 0 && !vowelAt(i)) i--;
  let j = i;
  while (j >= 0 && vowelAt(j)) j--;
  return { pre: w.slice(0, j + 1), vow: w.slice(j + 1, i + 1), cons: w.slice(i + 1) };
}

/** Plural in -en with consonant doubling (bon → bonnen), undoubling of vowels (kanaal → kanalen) and voicing. */
function nlPluralEn(w: string): string[] {
  const { pre, vow, cons } = nlSplit(w);
  if (cons.length === 1 && vow.length > 0) {
    if (vow.length === 2 && vow[0] === vow[1]) return [pre + vow[0] + nlVoice(cons) + 'en'];
    if (vow.length === 1 && !'wjxy'.includes(cons)) {
      const out = [pre + vow + cons + cons + 'en'];
      if (syllables(w) > 1) out.push(w + 's'); // stress unknown: budgetten / targets
      return out;
    }
    if (vow.length >= 2) return [pre + vow + nlVoice(cons) + 'en'];
  }
  if (/[cp]t$/.test(w)) return [w + 'en', w + 's']; // producten / prospects
  return [w + 'en'];
}

function dutchPlural(w: string, writing: boolean): string[] {
  if (w.endsWith('heid')) return [w.slice(0, -4) + 'heden'];
  if (w.endsWith('ie')) return /[tsc]ie$/.test(w) ? [w + 's'] : [w + 's', w + 'ën'];
  if (w.endsWith('ee')) return [w + 'ën'];
  if (/[eé]$/.test(w)) return [w + 's'];
  if (/(eau|ou|au)$/.test(w)) return [w + 's'];
  if (/[aouiy]$/.test(w)) return [w + "'s"];
  if (NL_ENGLISH.test(writing ? lastSyllable(w) : w)) return [w + 's'];
  if (w.endsWith('ing')) return [w + 'en', w + 's'];
  if (w.endsWith('aar')) return [w + 's', ...nlPluralEn(w)];
  if (/(el|em|en|er|je|eur|um)$/.test(w)) return [w + 's'];
  if (w.endsWith('or')) return [w + 'en', w + 's'];
  return nlPluralEn(w);
}

/** Diminutive: kans → kansje, boom → boompje, bon → bonnetje, deal → dealtje, demo → demootje. */
function dutchDiminutive(w: string): string[] {
  if (w.endsWith('ing')) return syllables(w) > 1 ? [w.slice(0, -1) + 'kje'] : [w + 'etje'];
  if (/(eau|ou|au)$/.test(w)) return [w + 'tje'];
  if (/[aou]$/.test(w)) return [w + w[w.length - 1] + 'tje'];
  if (/[eiyéw]$/.test(w)) return [w + 'tje'];
  const last = w[w.length - 1];
  if (!'lnrm'.includes(last)) return [w + 'je'];
  const { vow, cons } = nlSplit(w);
  const tje = last === 'm' ? 'pje' : 'tje';
  if (cons.length === 1 && vow.length === 1) {
    if (syllables(w) === 1) return [w + last + 'etje'];
    if (/e[lnrm]$/.test(w)) return [w + tje]; // unstressed: winkeltje, bezempje
    return [w + last + 'etje', w + tje];
  }
  return [w + tje];
}

/** Dutch slots (SLOT_ORDER.nl). */
const NL_PL = 1, NL_DIM = 2, NL_DIM_PL = 3;

const dutchWord: WordInflector = (lower, orig, gender, pluralHint, out, writing) => {
  if (gender === FROM_PLURAL) return;
  if (isAcronym(orig)) return addAll(out, [orig + "'s", orig + 's'], NL_PL);
  if (pluralHint === undefined) addAll(out, dutchPlural(lower, writing), NL_PL);
  const dims = dutchDiminutive(lower);
  addAll(out, dims, NL_DIM);
  for (const d of dims) add(out, d + 's', NL_DIM_PL);
};

// ---------------------------------------------------------------------------
// Polish: seven cases, singular and plural, for nouns and agreeing adjectives.

type PlGender = 'm1' | 'm2' | 'm3' | 'f' | 'n';

/** Case slots: singular N G D A I L V, plural N G D A I L V. */
const S_N = 0, S_G = 1, S_D = 2, S_A = 3, S_I = 4, S_L = 5, S_V = 6;
const P_N = 7, P_G = 8, P_D = 9, P_A = 10, P_I = 11, P_L = 12, P_V = 13;
const SLOTS = 14;
type Paradigm = string[][];

const PL_GENDERS: ReadonlySet<string> = new Set(['m1', 'm2', 'm3', 'f', 'n']);

const PL_PREPOSITIONS: ReadonlySet<string> = new Set([
  'w', 'we', 'z', 'ze', 'na', 'do', 'od', 'dla', 'po', 'przez', 'bez', 'o', 'u', 'za', 'pod', 'nad', 'przy',
  'między', 'przed', 'ds.', 'oraz', 'i', 'lub', 'albo', 'czy', 'jako', 'per',
]);

/** Hard consonant + e in the locative/dative (kliencie, ofercie, marce, drodze), longest first. */
const PL_LOC: ReadonlyArray<readonly [string, string]> = [
  ['st', 'ście'], ['zd', 'ździe'], ['sł', 'śle'], ['sn', 'śnie'], ['zn', 'źnie'], ['ch', 'sze'],
  ['k', 'ce'], ['g', 'dze'], ['t', 'cie'], ['d', 'dzie'], ['r', 'rze'], ['ł', 'le'], ['n', 'nie'],
  ['m', 'mie'], ['p', 'pie'], ['b', 'bie'], ['w', 'wie'], ['f', 'fie'], ['s', 'sie'], ['z', 'zie'], ['v', 'vie'],
];

/** Masculine personal (m1) nominative plural of nouns: klient → klienci, partner → partnerzy. */
const PL_VIRILE_NOUN: ReadonlyArray<readonly [string, string]> = [
  ['anin', 'anie'], ['st', 'ści'], ['sł', 'śli'], ['ch', 'si'], ['rz', 'rze'], ['cz', 'cze'], ['sz', 'sze'],
  ['dz', 'dze'], ['k', 'cy'], ['g', 'dzy'], ['r', 'rzy'], ['t', 'ci'], ['d', 'dzi'], ['ł', 'li'], ['n', 'ni'],
  ['s', 'si'], ['z', 'zi'], ['p', 'pi'], ['b', 'bi'], ['w', 'wi'], ['m', 'mi'], ['f', 'fi'], ['c', 'cy'],
  ['ż', 'że'], ['l', 'le'], ['j', 'je'],
];

/** Masculine personal plural of adjective stems: handlowy → handlowi, wysoki → wysocy, lepszy → lepsi. */
const PL_VIRILE_ADJ: ReadonlyArray<readonly [string, string]> = [
  ['st', 'ści'], ['sn', 'śni'], ['sz', 'si'], ['ch', 'si'], ['ż', 'zi'], ['k', 'cy'], ['g', 'dzy'],
  ['r', 'rzy'], ['t', 'ci'], ['d', 'dzi'], ['ł', 'li'], ['n', 'ni'], ['s', 'si'], ['z', 'zi'], ['w', 'wi'],
  ['m', 'mi'], ['p', 'pi'], ['b', 'bi'], ['f', 'fi'], ['c', 'cy'],
];

/** Soft consonants written with a diacritic at the end: gość → gości-a, koń → koni-a. */
const PL_SOFTEN: ReadonlyArray<readonly [string, string]> = [
  ['ść', 'ści'], ['dź', 'dzi'], ['ć', 'ci'], ['ń', 'ni'], ['ś', 'si'], ['ź', 'zi'],
];

/** Rule forms that are other common words (cel → celi "of a cell"); never generated. */
const PL_BLOCKED_FORMS: ReadonlySet<string> = new Set(['celi', 'cela']);

/** Masculine genitive -a is not generated where it would be another common word. */
const PL_NO_GEN_A_WORDS: ReadonlySet<string> = new Set([
  'wynik', 'cel', 'kraj', 'list', 'typ', 'rabat', 'dział', 'popyt', 'ruch', 'stan', 'lot', 'kat', 'kod', 'tor', 'targ',
]);
const PL_NO_GEN_A_SUFFIX = ['ład', 'ąd', 'ział', 'ysk', 'ięg', 'pyt'];

/** Feminine consonant-final nouns recognised without a gender hint. */
const PL_FEM_CONSONANT = ['ść', 'daż', 'moc', 'noc', 'sieć', 'myśl', 'rzecz', 'twarz', 'podróż', 'dłoń', 'odpowiedź', 'sól'];

/** Nouns that look like feminine/masculine adjectives. */
const PL_NOUN_LOOKS_ADJ: ReadonlySet<string> = new Set([
  'strona', 'ochrona', 'obrona', 'korona', 'persona', 'ikona', 'zmiana', 'wymiana', 'ściana', 'rana', 'wiosna',
  'sosna', 'kolumna', 'wanna', 'panna', 'fontanna', 'skała', 'mowa', 'głowa', 'połowa', 'sowa', 'krowa', 'podkowa',
  'hobby', 'lobby', 'party', 'story', 'body', 'copy', 'proxy', 'city', 'baby', 'whisky', 'jury', 'penalty',
  'royalty', 'community', 'agency', 'company', 'privacy', 'policy', 'wiki', 'safari', 'taxi', 'alibi', 'emoji',
]);

/** Feminine and neuter adjective endings (masculine: consonant + y/i). */
const PL_ADJ_F = ['owa', 'cka', 'dzka', 'czna', 'lna', 'tna', 'dna', 'wna', 'rna', 'żna', 'sna', 'zna', 'mna',
  'nna', 'ana', 'ona', 'ęta', 'ąca', 'iwa', 'ywa', 'ała', 'ednia', 'tnia', 'wysoka', 'niska', 'bliska', 'krótka',
  'długa', 'druga', 'wielka', 'szeroka', 'głęboka'];
const PL_ADJ_N = ['owe', 'skie', 'ckie', 'dzkie', 'czne', 'lne', 'tne', 'dne', 'wne', 'rne', 'żne', 'sne', 'zne',
  'mne', 'nne', 'ane', 'one', 'ęte', 'ące', 'iwe', 'ywe', 'ałe', 'kie', 'gie', 'ednie', 'tnie'];

/**
 * Masculine adjectives by suffix. The list is closed on purpose: feminine
 * genitives after a head noun also end in -y/-i ("wskaźnik konwersji",
 * "kanał sprzedaży", "koszt oferty") and must not be taken for adjectives.
 */
const PL_ADJ_M = /(owy|[^aeiouyąęó]ny|any|ony|[^aeiouyąęó]ski|cki|dzki|ący|ęty|ywy|iwy|ały|szy|tni|edni)$/;
const PL_ADJ_M_WORDS: ReadonlySet<string> = new Set([
  'wysoki', 'krótki', 'lekki', 'wielki', 'niski', 'bliski', 'głęboki', 'szeroki', 'daleki', 'drogi', 'długi',
  'ubogi', 'tani', 'otwarty', 'duży', 'świeży', 'dobry', 'stary', 'mały', 'zły', 'biały', 'ciepły', 'drugi',
  'trzeci', 'obcy', 'cały', 'miły', 'szary', 'chory', 'pusty', 'czysty', 'prosty', 'bogaty', 'złoty', 'żółty',
]);
/** Verbal nouns that look like -owa adjectives: umowa, rozmowa, budowa. */
const PL_OWA_NOUN = /^((u|roz|wy|od|z|prze|po|za)?mowa|(od|prze|roz|za|nad)?budowa|(po)?łowa|g(ł|l)owa)$/;

function plIsMascAdj(w: string): boolean {
  return w.length > 2 && (PL_ADJ_M.test(w) || PL_ADJ_M_WORDS.has(w)) && !PL_NOUN_LOOKS_ADJ.has(w.slice(0, -1) + 'a');
}
function plIsFemAdj(w: string): boolean {
  if (PL_OWA_NOUN.test(w) || /(izna|yzna|siąca)$/.test(w)) return false;
  return (/[^aeiouyąęó]ska$/.test(w) || PL_ADJ_F.some((e) => w.endsWith(e)));
}
function plIsNeutAdj(w: string): boolean {
  return PL_ADJ_N.some((e) => w.endsWith(e));
}

/** Whether a word is an adjective (agreeing with a noun of the given gender, if known). */
function plIsAdjective(word: string, g?: PlGender): boolean {
  if (isAcronym(word) || !isPlainWord(word)) return false;
  const w = word.toLowerCase();
  if (PL_NOUN_LOOKS_ADJ.has(w) || PL_PREPOSITIONS.has(w)) return false;
  if (!g) return plIsMascAdj(w) || plIsFemAdj(w) || plIsNeutAdj(w);
  if (g === 'f') return plIsFemAdj(w);
  if (g === 'n') return plIsNeutAdj(w);
  return plIsMascAdj(w);
}

function plGuessGender(w: string): PlGender {
  if (w.endsWith('a')) return 'f';
  if (/(o|e|ę|um)$/.test(w)) return 'n';
  if (PL_FEM_CONSONANT.some((e) => w.endsWith(e))) return 'f';
  return 'm3';
}

function plGenderOfAdjective(w: string): PlGender {
  if (w.endsWith('a')) return 'f';
  if (w.endsWith('e')) return 'n';
  return 'm3';
}

/** Locative/dative of a hard stem; with ia → ie where Polish alternates (świat → świecie). */
function plLocative(stem: string): string[] {
  const r = replaceSuffix(stem, PL_LOC);
  if (r === null) return [];
  const m = /ia(st|t|d|s|z)$/.exec(stem);
  if (m) return [r.slice(0, m.index) + 'ie' + r.slice(m.index + 2), r];
  return [r];
}

/** Genitive plural with zero ending: fleeting e (marek, źródeł) and o → ó (umów, dróg, ról). */
function plZeroPlural(s: string): string[] {
  if (/[^aeiouyąęó]k$/.test(s)) {
    const withE = s.slice(0, -1) + 'ek';
    return /lk$/.test(s) ? [withE, s] : [withE];
  }
  if (/[^aeiouyąęó]ł$/.test(s)) return [s.slice(0, -1) + 'eł'];
  const m = /o(rz|dz|[bdgwzżlłrj])$/.exec(s);
  if (m) {
    const raised = s.slice(0, m.index) + 'ó' + m[1];
    return /o[dzr]$/.test(s) ? [raised, s] : [raised];
  }
  return [s];
}

function emptyParadigm(): Paradigm {
  return [[], [], [], [], [], [], [], [], [], [], [], [], [], []];
}

function indeclinable(w: string): Paradigm {
  const one = [w];
  return [one, one, one, one, one, one, one, one, one, one, one, one, one, one];
}

function plIsSoftFinal(s: string): boolean {
  return /(c|cz|sz|rz|ż|dz|dż|l|j)$/.test(s);
}

/** Masculine consonant-final nouns. */
function plMasculine(w: string, g: PlGender): Paradigm {
  let obl = w;
  if (/[^aeiouyąęó]ek$/.test(w) && syllables(w) >= 2) obl = w.slice(0, -2) + 'k'; // rynek → rynk-
  else if (/iec$/.test(w) && syllables(w) >= 2) {
    const pre = w.slice(0, -3);
    obl = (pre.endsWith('n') ? pre.slice(0, -1) + 'ń' : pre) + 'c'; // handlowiec → handlowc-, koniec → końc-
  } else if (/[^aeiouyąęó]ec$/.test(w) && syllables(w) >= 2) obl = w.slice(0, -2) + 'c';
  const om = /ó(rz|dz|ch|cz|sz|[bcćdfghjkłmnńprsśtwzźż])$/.exec(obl);
  if (om) obl = obl.slice(0, om.index) + 'o' + om[1]; // dochód → dochod-, wybór → wybor-
  const softened = replaceSuffix(obl, PL_SOFTEN);
  const softI = softened !== null;
  if (softened !== null) obl = softened;

  const velar = /[kg]$/.test(obl);
  const ch = obl.endsWith('ch');
  const soft = !softI && plIsSoftFinal(obl);
  const hard = !softI && !soft && !velar && !ch;
  const p = emptyParadigm();
  const animate = g !== 'm3';

  const genA = obl + 'a';
  const blockA = PL_NO_GEN_A_WORDS.has(w) || PL_NO_GEN_A_SUFFIX.some((e) => w.endsWith(e));
  p[S_N] = [w];
  p[S_G] = animate ? [genA] : blockA ? [obl + 'u'] : [obl + 'u', genA];
  p[S_D] = [obl + 'owi'];
  p[S_A] = animate ? [genA] : [w];
  p[S_I] = [obl + (velar ? 'iem' : 'em')];
  p[S_L] = hard ? plLocative(obl) : [obl + 'u'];
  p[S_V] = p[S_L];

  if (g === 'm1') p[P_N] = [...(softI ? [obl + 'e'] : [replaceSuffix(obl, PL_VIRILE_NOUN) ?? obl + 'y']), obl + 'owie'];
  else if (softI || soft) p[P_N] = [obl + 'e'];
  else p[P_N] = [obl + (velar ? 'i' : 'y')];

  if (softI) p[P_G] = [obl];
  else if (/l$/.test(obl)) p[P_G] = [obl + 'i', obl + 'ów'];
  else if (/j$/.test(obl)) p[P_G] = [obl + 'ów'];
  else if (soft) p[P_G] = [obl + 'y', obl + 'ów'];
  else p[P_G] = [obl + 'ów'];
  plPluralRest(p, obl, g);
  return p;
}

function plPluralRest(p: Paradigm, stem: string, g: PlGender): void {
  p[P_D] = [stem + 'om'];
  p[P_I] = [stem + 'ami'];
  p[P_L] = [stem + 'ach'];
  p[P_A] = g === 'm1' ? p[P_G] : p[P_N];
  p[P_V] = p[P_N];
}

/** English loans with a silent -e (pipeline): endings after an apostrophe. */
function plLoanE(w: string, g: PlGender): Paradigm {
  const b = w + "'";
  const p = emptyParadigm();
  p[S_N] = [w];
  p[S_G] = g === 'm3' ? [b + 'u', b + 'a'] : [b + 'a'];
  p[S_D] = [b + 'owi'];
  p[S_A] = g === 'm3' ? [w] : [b + 'a'];
  p[S_I] = [b + 'em'];
  p[S_L] = [b + 'u'];
  p[S_V] = [b + 'u'];
  p[P_N] = [b + 'y'];
  p[P_G] = [b + 'ów'];
  plPluralRest(p, b, g);
  return p;
}

type PlFemType = 'j' | 'ij' | 'softi' | 'l' | 'soft' | 'kg' | 'hard';

function plFemType(s: string): PlFemType {
  if (s.endsWith('j') || isVowel(s[s.length - 1]) && !s.endsWith('i')) return 'j'; // okazja, idea
  if (s.endsWith('i')) {
    const pre = s.slice(0, -1);
    if (/(c|s|z|dz)$/.test(pre)) return 'softi'; // babcia
    if (pre.endsWith('n') && !/[aeiouąęó]n$/.test(pre)) return 'softi'; // kuchnia, skrzynia
    return 'ij'; // strategia, kampania, linia
  }
  if (s.endsWith('l')) return 'l';
  if (plIsSoftFinal(s)) return 'soft';
  if (/[kg]$/.test(s)) return 'kg';
  return 'hard';
}

/** Feminine (and masculine personal) nouns in -a. */
function plFemininA(w: string, g: PlGender): Paradigm {
  const s = w.slice(0, -1);
  const t = plFemType(s);
  const p = emptyParadigm();
  let gen: string[];
  let dat: string[];
  switch (t) {
    case 'j': case 'ij': case 'l': gen = dat = [s + 'i']; break;
    case 'softi': gen = dat = [s]; break;
    case 'soft': gen = dat = [s + 'y']; break;
    case 'kg': gen = [s + 'i']; dat = plLocative(s); break;
    default: gen = [s + 'y']; dat = plLocative(s); break;
  }
  p[S_N] = [w];
  p[S_G] = gen;
  p[S_D] = dat;
  p[S_A] = [s + 'ę'];
  p[S_I] = [s + 'ą'];
  p[S_L] = dat;
  p[S_V] = [s + 'o'];
  if (g === 'm1') {
    p[P_N] = [replaceSuffix(s, PL_VIRILE_NOUN) ?? s + 'y'];
    p[P_G] = [s + 'ów'];
  } else {
    p[P_N] = [s + (t === 'kg' ? 'i' : t === 'hard' ? 'y' : 'e')];
    if (t === 'j' || t === 'ij') p[P_G] = [s + 'i'];
    else if (t === 'softi') {
      const short = replaceSuffix(s, [['ci', 'ć'], ['si', 'ś'], ['zi', 'ź'], ['ni', 'ń']]);
      p[P_G] = short ? [s, short] : [s];
    } else p[P_G] = plZeroPlural(s);
  }
  plPluralRest(p, s, g);
  return p;
}

/** Feminine nouns ending in a consonant: wartość, sprzedaż, sieć, myśl. */
function plFemininConsonant(w: string): Paradigm {
  const soft = replaceSuffix(w, PL_SOFTEN);
  const p = emptyParadigm();
  let obl: string; // stem before endings starting with a vowel
  let gen: string;
  let plN: string[];
  if (soft !== null) { obl = soft; gen = soft; plN = /ć$/.test(w) ? [soft] : [soft, soft + 'e']; } // wartości; dłonie
  else if (/[lj]$/.test(w)) { obl = w; gen = w + 'i'; plN = [w + 'i', w + 'e']; }
  else { obl = w; gen = w + 'y'; plN = [w + 'e', w + 'y']; }
  p[S_N] = [w];
  p[S_G] = p[S_D] = p[S_L] = p[S_V] = [gen];
  p[S_A] = [w];
  p[S_I] = [obl + 'ą'];
  p[P_N] = plN;
  p[P_G] = [gen];
  plPluralRest(p, obl, 'f');
  return p;
}

/** Neuter nouns in -o, -e, -um. */
function plNeuter(w: string): Paradigm | null {
  const p = emptyParadigm();
  if (w.endsWith('um')) {
    const s = w.slice(0, -2);
    for (let i = 0; i < P_N; i++) p[i] = [w];
    p[P_N] = [s + 'a'];
    p[P_G] = [s + 'ów'];
    plPluralRest(p, s, 'n');
    return p;
  }
  const s = w.slice(0, -1);
  const velar = /[kg]$/.test(s);
  p[S_N] = p[S_A] = p[S_V] = [w];
  p[S_G] = [s + 'a'];
  p[S_D] = [s + 'u'];
  p[S_I] = [s + (velar ? 'iem' : 'em')];
  if (w.endsWith('o')) {
    p[S_L] = velar || s.endsWith('ch') || plIsSoftFinal(s) ? [s + 'u'] : plLocative(s);
    p[P_G] = plZeroPlural(s);
  } else if (w.endsWith('e')) {
    p[S_L] = [s + 'u'];
    const short = replaceSuffix(s, [['dzi', 'dzi'], ['ni', 'ń'], ['ci', 'ć'], ['si', 'ś'], ['zi', 'ź']]);
    if (short !== null) p[P_G] = [short];
    else if (/(rz|cz|sz|ż)$/.test(s)) p[P_G] = [s + 'y'];
    else if (s.endsWith('c')) p[P_G] = [s];
    else p[P_G] = plZeroPlural(s);
  } else return null;
  p[P_N] = [s + 'a'];
  plPluralRest(p, s, 'n');
  return p;
}

/** Paradigms by gender and word; the glossary repeats head nouns and adjectives a lot. */
const plCache = new Map<string, Paradigm>();

/** Empties the paradigm cache (after a glossary build: up to 20,000 paradigms need not stay in memory). */
export function clearInflectionCache(): void {
  plCache.clear();
}

function plCached(kind: string, word: string, g: PlGender, make: (w: string, g: PlGender) => Paradigm): Paradigm {
  const key = kind + g + word;
  let p = plCache.get(key);
  if (!p) {
    if (plCache.size > 20000) plCache.clear();
    p = make(word, g);
    plCache.set(key, p);
  }
  return p;
}

function plNoun(word: string, g: PlGender): Paradigm {
  return plCached('n', word, g, plNounUncached);
}

function plAdjective(word: string, g: PlGender): Paradigm {
  return plCached('a', word, g, plAdjectiveUncached);
}

function plNounUncached(word: string, g: PlGender): Paradigm {
  const w = word.toLowerCase();
  if (isAcronym(word) || !isPlainWord(word)) return indeclinable(w);
  const last = w[w.length - 1];
  if (last === 'a') return plFemininA(w, g === 'm1' ? 'm1' : 'f');
  if (g === 'f') return isVowel(last) ? indeclinable(w) : plFemininConsonant(w);
  if (g === 'n' || /(o|um)$/.test(w)) return plNeuter(w) ?? indeclinable(w);
  if (last === 'e') return plLoanE(w, g);
  if (isVowel(last)) return indeclinable(w); // menu, hobby, CTA
  return plBlock(plMasculine(w, g), w);
}

function plBlock(p: Paradigm, w: string): Paradigm {
  return p.map((forms) => forms.some((f) => PL_BLOCKED_FORMS.has(f) && f !== w) ? forms.filter((f) => !PL_BLOCKED_FORMS.has(f)) : forms);
}

/** Adjective paradigm for a noun of gender g, from any nominative form (-y/-i, -a, -e). */
function plAdjectiveUncached(word: string, g: PlGender): Paradigm {
  const w = word.toLowerCase();
  let s = w.slice(0, -1);
  const end = w[w.length - 1];
  let type: 'hard' | 'kg' | 'soft';
  if (end === 'y') type = 'hard';
  else if (end === 'i') type = /[kg]$/.test(s) ? 'kg' : 'soft';
  else if (/[kg]i?$/.test(s) && (end === 'e' ? s.endsWith('i') : true)) {
    if (s.endsWith('i')) s = s.slice(0, -1);
    type = 'kg';
  } else if (s.endsWith('i') && s.length > 1 && !isVowel(s[s.length - 2])) { s = s.slice(0, -1); type = 'soft'; }
  else type = 'hard';

  const Y = type === 'hard' ? 'y' : 'i';
  const E = type === 'hard' ? '' : 'i';
  const A = type === 'soft' ? 'i' : '';
  const mG = s + E + 'ego', mD = s + E + 'emu', mI = s + Y + 'm';
  const p = emptyParadigm();
  if (g === 'f') {
    p[S_N] = p[S_V] = [s + A + 'a'];
    p[S_G] = p[S_D] = p[S_L] = [s + E + 'ej'];
    p[S_A] = p[S_I] = [s + A + 'ą'];
  } else if (g === 'n') {
    p[S_N] = p[S_A] = p[S_V] = [s + E + 'e'];
    p[S_G] = [mG];
    p[S_D] = [mD];
    p[S_I] = p[S_L] = [mI];
  } else {
    p[S_N] = p[S_V] = [s + Y];
    p[S_G] = [mG];
    p[S_D] = [mD];
    p[S_A] = g === 'm3' ? [s + Y] : [mG];
    p[S_I] = p[S_L] = [mI];
  }
  const nonVirile = s + E + 'e';
  const virile = type === 'soft' ? s + 'i' : replaceSuffix(s, PL_VIRILE_ADJ) ?? s + Y;
  p[P_N] = p[P_V] = [g === 'm1' ? virile : nonVirile];
  p[P_G] = p[P_L] = [s + Y + 'ch'];
  p[P_D] = [s + Y + 'm'];
  p[P_I] = [s + Y + 'mi'];
  p[P_A] = g === 'm1' ? p[P_G] : [nonVirile];
  // The dictionary form itself stays exactly as written.
  if (g === 'f' ? end === 'a' : g === 'n' ? end === 'e' : end === 'y' || end === 'i') p[S_N] = [w];
  return p;
}

/** Writes the forms of a Polish term into `out`; returns the gender it inflects for, if it inflects. */
function inflectPolish(text: string, hints: InflectHints, out: Tagged): PlGender | undefined {
  const words = text.split(' ');
  const hintG = hints.gender && PL_GENDERS.has(hints.gender) ? (hints.gender as PlGender) : undefined;
  let head = validHead(hints.head, words);
  if (head === undefined) {
    const i = words.findIndex((w) => w !== '' && !plIsAdjective(w, hintG));
    head = i < 0 ? -1 : i;
  }
  const paradigms: (Paradigm | null)[] = words.map(() => null);
  let g: PlGender;
  if (head >= 0) {
    if (!isPlainWord(words[head])) return hintG;
    g = hintG ?? plGuessGender(words[head].toLowerCase());
    paradigms[head] = plNoun(words[head], g);
    for (let i = 0; i < head; i++) {
      if (plIsAdjective(words[i], g)) paradigms[i] = plAdjective(words[i], g);
    }
    for (let i = head + 1; i < words.length && plIsAdjective(words[i], g); i++) {
      paradigms[i] = plAdjective(words[i], g);
    }
  } else {
    // Only adjectives (a nominalised adjective such as "dane"): inflect them all.
    g = hintG ?? plGenderOfAdjective(words[words.length - 1].toLowerCase());
    words.forEach((w, i) => { if (w !== '') paradigms[i] = plAdjective(w, g); });
  }

  // Forms in the casing of the text; words that do not inflect keep one form in every slot.
  const cased: Paradigm[] = words.map((word, i) => {
    const p = paradigms[i];
    if (!p) return indeclinable(word);
    return word === word.toLowerCase() ? p : p.map((forms) => forms.map((f) => restoreCase(word, f)));
  });
  for (let slot = 0; slot < SLOTS; slot++) {
    if (hints.plural && (slot === P_N || slot === P_V || (slot === P_A && g !== 'm1'))) continue;
    plCombine(cased, slot, out);
  }
  return g;
}

/** All combinations of the words' forms in one case slot. */
function plCombine(cased: Paradigm[], slot: number, out: Tagged): void {
  let acc = cased[0][slot];
  for (let i = 1; i < cased.length; i++) {
    const opts = cased[i][slot];
    if (acc.length === 1 && opts.length === 1) { acc = [acc[0] + ' ' + opts[0]]; continue; }
    const next: string[] = [];
    for (const a of acc) for (const o of opts) next.push(a + ' ' + o);
    acc = next;
  }
  addAll(out, acc, slot);
}
