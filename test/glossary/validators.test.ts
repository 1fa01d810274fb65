/**
 * The glossary schemas' validators the bundles carry (generated at build time by server/scripts/validators.mjs) answer
 * as the ones ajv compiles at run time (schemaValidators.ts, what out/ runs): the same errors for the same data.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { ValidateFunction } from 'ajv';
import { schemaValidator, type SchemaKind } from '../../server/src/service/schemaValidators';

const ROOT = path.join(__dirname, '..', '..', '..');

/** The generated module, as the bundles take it in (CommonJS; it requires ajv's runtime helpers). */
async function generated(): Promise<(kind: SchemaKind) => ValidateFunction> {
  const { validatorsSource } = await import(pathToFileURL(path.join(ROOT, 'server/scripts/validators.mjs')).href) as { validatorsSource(): string };
  const code = validatorsSource();
  assert.ok(!/\brequire\("(?!ajv\/dist\/runtime\/)/.test(code), 'the generated code requires only ajv\'s runtime helpers');
  const mod = { exports: {} as { schemaValidator(kind: SchemaKind): ValidateFunction } };
  new Function('require', 'module', 'exports', code)(require, mod, mod.exports);
  return mod.exports.schemaValidator;
}

const term = { text: 'lead', status: 'preferred' };
const concept = { id: 'lead', name: 'lead', langs: { en: { terms: [term] } } };
const file = (concepts: unknown[]) => ({ domain: 'sales', concepts });
const team = (concepts: unknown[]) => ({ concepts });

/** Data of every kind of problem the schemas know, for a built-in file and a team file. */
const CASES: [string, SchemaKind, unknown][] = [ // a 'good' case is valid, every other one is not
  ['a good file', 'builtin', file([concept])],
  ['not an object', 'builtin', []],
  ['no domain', 'builtin', { concepts: [] }],
  ['a domain id with capitals', 'builtin', { domain: 'Sales', concepts: [] }],
  ['an unknown field', 'builtin', file([{ ...concept, colour: 'red' }])],
  ['a status not known', 'builtin', file([{ ...concept, langs: { nl: { terms: [{ text: 'kans', status: 'best' }] } } }])],
  ['a term of spaces', 'builtin', file([{ ...concept, langs: { en: { terms: [{ text: '   ', status: 'preferred' }] } } }])],
  ['a term too long (counted in characters: ajv\'s ucs2length)', 'builtin', file([{ ...concept, langs: { 'zh-Hant': { terms: [{ text: '😀'.repeat(201), status: 'preferred' }] } } }])],
  ['no terms', 'builtin', file([{ ...concept, langs: { en: { terms: [] } } }])],
  ['no languages', 'builtin', file([{ ...concept, langs: {} }])],
  ['related twice', 'builtin', file([{ ...concept, related: ['a', 'a'] }])],
  ['a head that is not a whole number', 'builtin', file([{ ...concept, langs: { pl: { terms: [{ ...term, head: 1.5, gender: 'x' }] } } }])],
  ['many problems at once', 'builtin', file([{ id: 'Bad Id', langs: { en: { terms: [{ status: 3 }], acronyms: [{ text: '' }] } }, seeds: ['1'] }, 'x', null])],
  ['a good team file', 'workspace', team([{ id: 'lead', langs: { en: { terms: [term] } } }])],
  ['a team concept switched off', 'workspace', team([{ id: 'lead', disabled: true }])],
  ['a team file with a broken field', 'workspace', team([{ id: 'opportunity', langs: { nl: { terms: [{ text: 'kans', status: 'best' }] } } }])],
  ['a team file of the wrong shape', 'workspace', { concepts: {}, extra: 1 }],
  ['a team term with cues twice', 'workspace', team([{ id: 'kans', langs: { nl: { terms: [{ text: 'kans', status: 'preferred', cues: ['deal', 'deal'] }] } } }])],
];

describe('glossary validators generated at build time', () => {
  let bundled: (kind: SchemaKind) => ValidateFunction;
  before(async () => { bundled = await generated(); });

  for (const [what, kind, data] of CASES) {
    it(`${kind}: ${what}`, () => {
      const atRunTime = schemaValidator(kind);
      assert.strictEqual(bundled(kind)(data), what.includes('good') || what.includes('switched off'));
      assert.strictEqual(atRunTime(data), what.includes('good') || what.includes('switched off'));
      assert.deepStrictEqual(bundled(kind).errors ?? null, atRunTime.errors ?? null);
    });
  }

  it('every built-in glossary file: valid to both', () => {
    const dir = path.join(ROOT, 'glossary', 'concepts');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      assert.strictEqual(bundled('builtin')(data), true, f);
      assert.strictEqual(schemaValidator('builtin')(data), true, f);
    }
  });
});
