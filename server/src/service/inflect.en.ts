/** English: plural -s/-es/-ies, possessive 's and s'. */
import { addAll, FROM_PLURAL, isAcronym, type WordInflector } from './inflect.common';

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
export const EN_PL = 1, EN_SG_POSS = 2, EN_PL_POSS = 3;

export const englishWord: WordInflector = (lower, orig, gender, pluralHint, out) => {
  const w = isAcronym(orig) ? orig : lower;
  if (gender === FROM_PLURAL) return addAll(out, englishPossessive(w, true), EN_PL_POSS);
  const plurals = pluralHint !== undefined ? [] : englishPlural(w);
  addAll(out, plurals, EN_PL);
  addAll(out, englishPossessive(w, false), EN_SG_POSS);
  for (const p of plurals) addAll(out, englishPossessive(p, true), EN_PL_POSS);
};
