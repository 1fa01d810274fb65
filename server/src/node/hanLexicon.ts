/**
 * The general Chinese vocabulary (dist/zh-words.txt, written by the build: server/scripts/lexicon.mjs) that the
 * service segments Chinese text with. Read and made into a HanLexicon only when a Chinese term first stands next
 * to other Chinese characters: a session that never meets one never reads it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { makeHanLexicon, type HanLexicon } from '../service/senses';
import type { Glossary } from '../service';

export const LEXICON_NAME = 'zh-words.txt';

/** The lexicon file next to the bundles (dist/), or in dist/ of a checkout; undefined when there is none. */
export function lexiconFile(baseDir: string): string | undefined {
  return [path.join(baseDir, LEXICON_NAME), path.join(baseDir, '..', 'dist', LEXICON_NAME)].find((f) => fs.existsSync(f));
}

const loaded = new Map<string, HanLexicon | null>();

/**
 * Gives `glossary` the lexicon of `file`, read when first asked for (once per file and process). Without a file, or
 * when it cannot be read (either said once on stderr), Chinese terms match wherever their characters stand, as before.
 */
let missingSaid = false;

export function attachHanLexicon<G extends Glossary>(glossary: G, file: string | undefined): G {
  if (!file) {
    if (!missingSaid) process.stderr.write(`Lingo: the Chinese vocabulary (${LEXICON_NAME}) is not next to the program; Chinese terms are matched without word boundaries\n`);
    missingSaid = true;
    return glossary;
  }
  Object.defineProperty(glossary, 'lexicon', {
    configurable: true,
    enumerable: false,
    get() {
      let lex = loaded.get(file);
      if (lex === undefined) {
        try {
          lex = makeHanLexicon(fs.readFileSync(file, 'utf8'));
        } catch (e) {
          process.stderr.write(`Lingo: the Chinese vocabulary ${file} could not be read (${(e as Error).message}); Chinese terms are matched without word boundaries\n`);
          lex = null;
        }
        loaded.set(file, lex);
      }
      return lex ?? undefined;
    },
  });
  return glossary;
}
