/**
 * The declarations (server/src/service/declarations.ts) against what is written from them or beside them: the
 * manifest's contributes.configuration (npm run manifest) and the settings' descriptions in package.nls*.json (all
 * five).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { manifestConfiguration, RULES, SETTING_DECLARATIONS, SETTING_KEYS, settingDescriptionKey } from '../../server/src/service/declarations';
import { ROOT } from '../helpers';

const read = (name: string) => fs.readFileSync(path.join(ROOT, name), 'utf8');
const NLS = ['package.nls.json', 'package.nls.sv.json', 'package.nls.nl.json', 'package.nls.pl.json', 'package.nls.zh-tw.json'];

describe('manifest and declarations', () => {
  const text = read('package.json');
  const pkg = JSON.parse(text);

  it('package.json declares the settings as declarations.ts does (else: npm run manifest)', () => {
    assert.deepStrictEqual(pkg.contributes.configuration, manifestConfiguration(), 'package.json contributes.configuration is stale: run npm run manifest');
  });

  it('package.json is written as npm run manifest writes it (two-space JSON, one final newline)', () => {
    assert.strictEqual(text, JSON.stringify(pkg, null, 2) + '\n');
  });

  it('the manifest declares each setting once, in the order of the declarations', () => {
    assert.deepStrictEqual(Object.keys(pkg.contributes.configuration.properties), SETTING_KEYS.map((k) => `lingo.${k}`));
  });

  // Every %key% the manifest names (settings and commands), per description file.
  const used = new Set<string>();
  JSON.stringify(pkg.contributes, (_k, v) => {
    if (typeof v === 'string') for (const m of v.matchAll(/^%([^%]+)%$/g)) used.add(m[1]);
    return v;
  });

  for (const file of NLS) {
    describe(file, () => {
      const nls: Record<string, string> = JSON.parse(read(file));
      it('describes every setting', () => {
        const missing = SETTING_KEYS.map(settingDescriptionKey).filter((k) => !(typeof nls[k] === 'string' && nls[k].trim()));
        assert.deepStrictEqual(missing, [], `${file} lacks descriptions`);
      });
      it('has every text the manifest names, and none it does not', () => {
        assert.deepStrictEqual([...used].filter((k) => !nls[k]), [], `${file} lacks these`);
        assert.deepStrictEqual(Object.keys(nls).filter((k) => !used.has(k)), [], `${file} has texts no setting or command names`);
      });
      it('names every rule in the description of lingo.rules', () => {
        assert.deepStrictEqual(RULES.filter((r) => !nls['lingo.rules'].includes(r)), [], `${file}: lingo.rules does not name them`);
      });
    });
  }

  it('declares a default each setting\'s own schema allows', () => {
    for (const k of SETTING_KEYS) {
      const d = SETTING_DECLARATIONS[k];
      const type = d.schema.type;
      const v = d.default as unknown;
      const ok = type === 'array' ? Array.isArray(v) : type === 'object' ? !!v && typeof v === 'object' && !Array.isArray(v)
        : type === 'integer' ? Number.isInteger(v) : typeof v === type;
      assert.ok(ok, `${k}: default ${JSON.stringify(v)} is not of type ${type}`);
      if (Array.isArray(d.schema.enum)) assert.ok((d.schema.enum as unknown[]).includes(v), `${k}: default not in its enum`);
    }
  });
});
