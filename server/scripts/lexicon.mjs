// The general Chinese vocabulary Lingo segments Chinese text with (word boundaries around Chinese terms: 成交 is
// not a term inside 成交量). Made at build time, one "word frequency" per line, into dist/zh-words.txt (the server
// and the CLI read that file), from two word lists with frequencies:
// - the Traditional Chinese (Taiwan) dictionary of the npm package jieba-zh-tw (ISC licence): the words people use
//   often enough (frequency MIN_FREQ or more, at most MAX_LENGTH characters);
// - jieba's large dictionary (dict.txt.big, MIT licence, as shipped in the npm package jieba-js): every word,
//   however rare, that contains a Chinese term of the built-in glossary (水土流失 holds 流失), so that the term is
//   not found inside it.
//
// Usage as a script: node server/scripts/lexicon.mjs [out-file] [glossary.json]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const LEXICON_NAME = 'zh-words.txt';
const MIN_FREQ = 5;
const MAX_LENGTH = 6;

/**
 * Writes the lexicon to `out`, with the words that contain one of `terms` (Chinese terms); returns how many words, and
 * how many of them hold a term. With `fold` (the service's foldKey), the words are written folded as documents are
 * (Simplified; words alike merged), under a first line "# folded", so that loading it folds nothing.
 */
export function writeHanLexicon(out, terms = [], fold = undefined) {
  const require = createRequire(import.meta.url);
  // The package ships its dictionary as a base64 string of Brotli-compressed text, in a CommonJS module that
  // its "exports" do not list: found beside the package's main file.
  const main = require.resolve('jieba-zh-tw');
  const packed = require(path.join(path.dirname(main), 'dist', 'jieba.dict.br.js'));
  const text = zlib.brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8');
  const lines = [];
  for (const line of text.split('\n')) {
    const [word, freq] = line.split(' ');
    const f = Number(freq);
    const chars = [...(word ?? '')];
    if (!(f >= MIN_FREQ) || chars.length > MAX_LENGTH || !/^\p{Script=Han}+$/u.test(word)) continue;
    lines.push(`${word} ${f}`);
  }
  // Rare words that hold a term: looked up by their inner substrings (a set of the terms, Traditional and Simplified).
  const toSimplified = require('opencc-js').Converter({ from: 'tw', to: 'cn' });
  const inner = new Set(terms.flatMap((t) => [t, toSimplified(t)]).filter((t) => /^\p{Script=Han}{2,}$/u.test(t)));
  const big = fs.readFileSync(path.join(path.dirname(require.resolve('jieba-js/package.json')), 'dict', 'dict.txt.big'), 'utf8');
  let held = 0;
  for (const line of big.split('\n')) {
    const [word, freq] = line.split(' ');
    if (!word || word.length < 3 || word.length > 8 || !(Number(freq) > 0) || !/^\p{Script=Han}+$/u.test(word)) continue;
    let holds = false;
    for (let i = 0; i < word.length && !holds; i++) for (let j = i + 2; j <= word.length && !holds; j++) if (j - i < word.length && inner.has(word.slice(i, j))) holds = true;
    if (holds) { lines.push(`${word} ${freq}`); held++; }
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (!fold) {
    fs.writeFileSync(out, lines.join('\n') + '\n');
    return { words: lines.length, holding: held };
  }
  const merged = new Map();
  for (const line of lines) {
    const [word, freq] = line.split(' ');
    const w = fold(word);
    merged.set(w, (merged.get(w) ?? 0) + Number(freq));
  }
  fs.writeFileSync(out, '# folded\n' + [...merged].map(([w, f]) => `${w} ${f}`).join('\n') + '\n');
  return { words: merged.size, holding: held };
}

/** The Chinese terms of a compiled glossary (dist/glossary.json: { sources: [{ data: { concepts } }] }). */
export function chineseTerms(compiled) {
  const out = [];
  for (const s of compiled.sources ?? []) for (const c of s.data?.concepts ?? []) for (const t of c.langs?.['zh-Hant']?.terms ?? []) out.push(t.text);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? path.join('dist', LEXICON_NAME);
  const json = process.argv[3] ?? path.join('dist', 'glossary.json');
  const n = writeHanLexicon(out, fs.existsSync(json) ? chineseTerms(JSON.parse(fs.readFileSync(json, 'utf8'))) : []);
  console.log(`${out}: ${n.words} Chinese words (${n.holding} of them hold a glossary term)`);
}
