/**
 * The bundles as `npm run build` writes them. Each is ASCII: one non-ASCII letter (a regular expression of the
 * inflection rules) and V8 would hold the whole source two bytes a character (2.8 MB for the server instead of
 * 1.4, in every server). The build writes such letters as \u escapes (server/scripts/build.mjs); that they still
 * mean the same letters is what every LSP test of Swedish and Polish inflections shows.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';

const DIST = path.join(ROOT, 'dist');

describe('the bundles in dist/', () => {
  for (const name of ['client.js', 'server.js', 'glossaryWorker.js', 'cli.js']) {
    it(`${name} is ASCII`, () => {
      const text = fs.readFileSync(path.join(DIST, name), 'utf8');
      const at = text.search(/[^\0-\x7f]/);
      assert.strictEqual(at, -1, at < 0 ? '' : `a non-ASCII character at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
    });
  }
});
