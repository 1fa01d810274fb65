/** Polish: seven cases, singular and plural, for nouns and agreeing adjectives. */
import { addAll, type InflectHints, isAcronym, isPlainWord, isVowel, replaceSuffix, restoreCase, syllables, type Tagged, validHead } from './inflect.common';

type PlGender = 'm1' | 'm2' | 'm3' | 'f' | 'n';

/** Case slots: singular N G D A I L V, plural N G D A I L V. */
const S_N = 0, S_G = 1, S_D = 2, S_A = 3, S_I = 4, S_L = 5, S_V = 6;
const P_N = 7, P_G = 8, P_D = 9, P_A = 10, P_I = 11, P_L = 12, P_V = 13;
const SLOTS = 14;
/** The slots a plural hint fills (the accusative plural is the nominative's except for men: m1). */
export const PL_PLURAL_SLOTS = { m1: [P_N, P_V], other: [P_N, P_V, P_A] } as const;
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
export function inflectPolish(text: string, hints: InflectHints, out: Tagged): PlGender | undefined {
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
