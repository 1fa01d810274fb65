/** Dutch: plural -en/-s/'s with spelling changes, diminutives and their plurals. */
import { add, addAll, FROM_PLURAL, isAcronym, isVowel, lastSyllable, syllables, type WordInflector } from './inflect.common';

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
export const NL_PL = 1, NL_DIM = 2, NL_DIM_PL = 3;

export const dutchWord: WordInflector = (lower, orig, gender, pluralHint, out, writing) => {
  if (gender === FROM_PLURAL) return;
  if (isAcronym(orig)) return addAll(out, [orig + "'s", orig + 's'], NL_PL);
  if (pluralHint === undefined) addAll(out, dutchPlural(lower, writing), NL_PL);
  const dims = dutchDiminutive(lower);
  addAll(out, dims, NL_DIM);
  for (const d of dims) add(out, d + 's', NL_DIM_PL);
};
