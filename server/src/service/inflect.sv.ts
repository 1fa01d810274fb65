/** Swedish: definite singular, plural, definite plural, and the genitive -s of each. */
import { add, FROM_PLURAL, isAcronym, isVowel, lastSyllable, lookupSuffix, syllables, type WordInflector } from './inflect.common';

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
export const SV_SG = 0, SV_DEF = 1, SV_PL = 2, SV_DEF_PL = 3, SV_GEN = 4;

export const swedishWord: WordInflector = (lower, orig, gender, pluralHint, out, writing) => {
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
