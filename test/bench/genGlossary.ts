/**
 * Generated glossaries of N concepts for the benchmark: every concept has terms in all five
 * languages, made of plausible pseudo-words built per language from its own syllables and noun
 * endings, with the gender hints the inflector uses, so the real buildGlossary/inflect generate
 * their inflected forms. Some concepts have acronyms, alternative (admitted) and deprecated terms,
 * like the built-in glossary. Deterministic: the same N always gives the same glossary.
 */
import type { ConceptData, GlossarySource, Lang, LangSectionData, TermData } from '../../server/src/service';
import { Rng } from './util';

interface WordKit {
  onsets: string[];
  vowels: string[];
  codas: string[];
  /** Noun endings with the gender hint they imply. */
  nouns: [string, string | undefined][];
  /** Adjective endings (Polish: by gender). */
  adjs: string[];
}

const KITS: Record<Exclude<Lang, 'zh-Hant'>, WordKit> = {
  en: {
    onsets: ['b', 'br', 'c', 'cl', 'cr', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'l', 'm', 'n', 'p', 'pl', 'pr', 'qu', 'r', 's', 'sc', 'sp', 'st', 't', 'tr', 'v', 'w'],
    vowels: ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'oo', 'ou'],
    codas: ['', 'n', 'r', 'l', 'st', 'nt', 'rk', 'x', 'm', 'ck', 'nd', 'sh'],
    nouns: [['ment', undefined], ['tion', undefined], ['ness', undefined], ['er', undefined], ['ity', undefined], ['age', undefined], ['ship', undefined], ['ing', undefined], ['', undefined]],
    adjs: ['al', 'ive', 'ed', 'ic', 'ous', 'able'],
  },
  sv: {
    onsets: ['b', 'bl', 'd', 'f', 'fr', 'g', 'gr', 'h', 'j', 'k', 'kv', 'l', 'm', 'n', 'p', 'r', 's', 'sk', 'sl', 'st', 'sv', 't', 'tr', 'v'],
    vowels: ['a', 'e', 'i', 'o', 'u', 'y', 'å', 'ä', 'ö'],
    codas: ['', 'n', 'r', 'l', 'k', 'g', 'st', 'nd', 'rt', 'tt', 'ng', 'lj'],
    nouns: [['ning', 'c'], ['het', 'c'], ['are', 'c'], ['else', 'c'], ['skap', 'n'], ['ande', 'n'], ['ing', 'c'], ['ion', 'c'], ['eri', 'n'], ['a', 'c']],
    adjs: ['ig', 'lig', 'isk', 'ad'],
  },
  nl: {
    onsets: ['b', 'bl', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'kl', 'l', 'm', 'n', 'p', 'r', 's', 'sch', 'sl', 'st', 't', 'v', 'w', 'z'],
    vowels: ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'oe', 'ie', 'ij', 'ui', 'eu'],
    codas: ['', 'n', 'r', 'l', 'k', 'p', 't', 'st', 'nd', 'rk', 'ng', 'ld'],
    nouns: [['ing', 'de'], ['heid', 'de'], ['aar', 'de'], ['schap', 'het'], ['er', 'de'], ['sel', 'het'], ['ie', 'de'], ['ment', 'het'], ['', 'de']],
    adjs: ['ig', 'elijk', 'isch', 'end'],
  },
  pl: {
    onsets: ['b', 'br', 'c', 'cz', 'd', 'dz', 'g', 'gr', 'k', 'kr', 'l', 'ł', 'm', 'n', 'p', 'pr', 'r', 's', 'sz', 'ś', 't', 'tr', 'w', 'z', 'ż', 'rz', 'ch'],
    vowels: ['a', 'e', 'i', 'o', 'u', 'y', 'ó', 'ą', 'ę', 'ie'],
    codas: ['', 'n', 'r', 'l', 'k', 's', 'st', 'ł', 'm', 'ch', 'rt'],
    nouns: [['acja', 'f'], ['ość', 'f'], ['ka', 'f'], ['nik', 'm1'], ['ek', 'm3'], ['unek', 'm3'], ['enie', 'n'], ['stwo', 'n'], ['er', 'm3'], ['yna', 'f']],
    adjs: ['owy', 'ny', 'ski', 'alny'],
  },
};

/** Common Traditional characters for Chinese pseudo-terms. */
const HAN = '銷售客戶營收管理市場行銷合約服務數據分析漏斗週期潛在機會轉換成本價值策略預算團隊目標報告渠道品牌產品需求訂閱續約流失獲取評分資格階段會議提案折扣利潤指標平台系統工具內容活動參與體驗支援培訓夥伴通路區域帳戶聯絡名單模型預測風險審批採購談判簽署交付整合自動雲端分群推廣廣告點擊曝光導入留存增長規模核心';

const PL_ADJ_BY_GENDER: Record<string, (stem: string) => string> = {
  f: (s) => s + 'owa', m1: (s) => s + 'owy', m2: (s) => s + 'owy', m3: (s) => s + 'owy', n: (s) => s + 'owe',
};

function syllable(r: Rng, k: WordKit): string {
  return r.pick(k.onsets) + r.pick(k.vowels) + r.pick(k.codas);
}

function stem(r: Rng, k: WordKit): string {
  return syllable(r, k) + (r.chance(0.7) ? syllable(r, k) : '');
}

function noun(r: Rng, lang: Exclude<Lang, 'zh-Hant'>): { text: string; gender?: string } {
  const k = KITS[lang];
  const [end, gender] = r.pick(k.nouns);
  let w = stem(r, k);
  if (end && /[aeiouyåäöóąę]$/.test(w) && /^[aeiouyåäöóąę]/.test(end)) w += r.pick(['n', 'r', 'l', 't']);
  return { text: w + end, gender };
}

function term(r: Rng, lang: Lang): TermData & { text: string } {
  if (lang === 'zh-Hant') {
    let s = '';
    const n = 2 + r.int(3);
    for (let i = 0; i < n; i++) s += HAN[r.int(HAN.length)];
    return { text: s, status: 'preferred' };
  }
  const k = KITS[lang];
  const head = noun(r, lang);
  const t: TermData = { text: head.text, status: 'preferred' };
  if (head.gender) t.gender = head.gender;
  const words = r.next();
  if (words < 0.35) {
    // adjective + noun (Polish: noun + agreeing adjective is also common; keep adjective first)
    const adj = lang === 'pl' ? PL_ADJ_BY_GENDER[head.gender ?? 'm3'](stem(r, k)) : stem(r, k) + r.pick(k.adjs);
    t.text = `${adj} ${head.text}`;
  } else if (words < 0.5) {
    // noun + noun: English and Dutch "X Y"; Swedish and Polish keep it one word / genitive
    const first = noun(r, lang).text;
    if (lang === 'en' || lang === 'nl') t.text = `${first} ${head.text}`;
    else if (lang === 'sv') t.text = first + head.text;
    else t.text = `${head.text} ${stem(r, k)}a`;
  }
  return t as TermData & { text: string };
}

function acronym(r: Rng): string {
  const A = 'ABCDEFGHIJKLMNOPRSTUVW';
  let s = '';
  const n = 3 + r.int(2);
  for (let i = 0; i < n; i++) s += A[r.int(A.length)];
  return s;
}

const DEFS: Record<Lang, (t: string) => string> = {
  en: (t) => `The ${t} is how a team measures and agrees on this part of the sales process.`,
  sv: (t) => `En ${t} är hur ett team mäter och kommer överens om den här delen av säljprocessen.`,
  nl: (t) => `De ${t} is hoe een team dit deel van het salesproces meet en afspreekt.`,
  pl: (t) => `${t} to sposób, w jaki zespół mierzy i uzgadnia tę część procesu sprzedaży.`,
  'zh-Hant': (t) => `${t}是團隊衡量並協調銷售流程這一部分的方式。`,
};

const LANG_LIST: Lang[] = ['en', 'sv', 'nl', 'pl', 'zh-Hant'];

/**
 * N generated concepts in files of 1,000 concepts each. Term texts are unique per language (a
 * generated word that repeats is drawn again), so the generated part adds no ambiguity warnings.
 */
export function generateGlossary(n: number, seed = 4242): GlossarySource[] {
  const r = new Rng(seed + n);
  const used: Record<Lang, Set<string>> = { en: new Set(), sv: new Set(), nl: new Set(), pl: new Set(), 'zh-Hant': new Set() };
  const usedAcr = new Set<string>();
  const fresh = (lang: Lang) => {
    for (;;) {
      const t = term(r, lang);
      if (!used[lang].has(t.text.toLowerCase())) { used[lang].add(t.text.toLowerCase()); return t; }
    }
  };
  const sources: GlossarySource[] = [];
  let concepts: ConceptData[] = [];
  for (let i = 0; i < n; i++) {
    const langs: Partial<Record<Lang, LangSectionData>> = {};
    let acr: string | undefined;
    if (r.chance(0.3)) {
      do acr = acronym(r); while (usedAcr.has(acr));
      usedAcr.add(acr);
    }
    let name = '';
    for (const lang of LANG_LIST) {
      const preferred = fresh(lang);
      if (lang === 'en') name = preferred.text;
      const terms: TermData[] = [preferred];
      if (r.chance(0.5)) terms.push({ ...fresh(lang), status: 'admitted' });
      if (r.chance(0.15)) {
        const dep = fresh(lang);
        terms.push({ ...dep, status: 'deprecated', note: lang === 'en' ? 'An older name.' : undefined });
        if (r.chance(0.3)) { terms[terms.length - 1].mistranslation = true; }
      }
      for (const t of terms) if (t.note === undefined) delete t.note;
      const section: LangSectionData = { definition: DEFS[lang](preferred.text), terms };
      if (acr && (lang === 'en' || r.chance(0.5))) section.acronyms = [{ text: acr, expansion: lang === 'zh-Hant' ? undefined : preferred.text }];
      for (const a of section.acronyms ?? []) if (a.expansion === undefined) delete a.expansion;
      langs[lang] = section;
    }
    const c: ConceptData = { id: `gen-${n}-${i}`, name: name.slice(0, 200), langs };
    if (i > 0 && r.chance(0.4)) c.related = [`gen-${n}-${r.int(i)}`];
    concepts.push(c);
    if (concepts.length === 1000 || i === n - 1) {
      sources.push({ file: `generated/gen-${n}-${sources.length}.json`, data: { domain: `generated-${sources.length % 10}`, concepts } });
      concepts = [];
    }
  }
  return sources;
}

/**
 * The textlint-rule-terminology equivalent of a glossary: ["wrong term", "right term"] for every
 * admitted and deprecated term (what our inconsistent-term / deprecated-term rules replace), the
 * pattern being the escaped term text; filled up to `count` entries with preferred terms as plain
 * strings (the rule's "correct casing" entries) if there are not enough variants.
 */
export function terminologyTerms(sources: GlossarySource[], count: number): (string | [string, string])[] {
  const pairs: [string, string][] = [];
  const plain: string[] = [];
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const s of sources) {
    for (const c of (s.data as { concepts: ConceptData[] }).concepts) {
      for (const lang of LANG_LIST) {
        const sec = c.langs[lang];
        if (!sec) continue;
        const pref = sec.terms[0].text;
        for (const t of sec.terms.slice(1)) pairs.push([esc(t.text), pref]);
        plain.push(pref);
      }
    }
  }
  const out: (string | [string, string])[] = pairs.slice(0, count);
  for (let i = 0; out.length < count && i < plain.length; i++) out.push(plain[i]);
  return out;
}
