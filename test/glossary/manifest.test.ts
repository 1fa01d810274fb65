/**
 * The declarations (server/src/service/declarations.ts) against what is written from them or beside them: the
 * manifest's contributes.configuration (npm run manifest), the settings' descriptions in package.nls*.json (all
 * five), RULES.md's sections and what the .vsix ships.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  manifestConfiguration, ruleAnchor, RULE_DECLARATIONS, RULES, SETTING_DECLARATIONS, SETTING_KEYS, settingDescriptionKey,
} from '../../server/src/service/declarations';
import { diagnostics, ROOT } from '../helpers';

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

  // Every %key% the manifest names (its display name, settings, commands, views…), per description file.
  const used = new Set<string>();
  JSON.stringify(pkg, (_k, v) => {
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
        assert.deepStrictEqual([...used].filter((k) => !(typeof nls[k] === 'string' && nls[k].trim())), [], `${file} lacks these (or has them empty)`);
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

/** GitHub's anchor for a heading (lower case, punctuation but hyphens dropped, spaces to hyphens). */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');

describe('RULES.md', () => {
  const text = read('RULES.md');
  const sections = text.split(/^## /m).slice(1).map((s) => ({ heading: s.slice(0, s.indexOf('\n')), body: s.slice(s.indexOf('\n')) }));

  it('has one section per rule, in the order of the declarations, at the anchor diagnostics link to', () => {
    assert.deepStrictEqual(sections.map((s) => s.heading), [...RULES]);
    assert.deepStrictEqual(sections.map((s) => anchorOf(s.heading)), RULES.map(ruleAnchor));
  });

  for (const r of RULE_DECLARATIONS) {
    it(`${r.id}: says what it checks, its default level, an example, how to fix and silence it`, () => {
      const body = sections.find((s) => s.heading === r.id)?.body ?? '';
      assert.match(body, /\*\*Checks\*\* /);
      assert.ok(body.includes(`Default level: **${r.severity}**.`), `${r.id}: RULES.md does not give its default level, ${r.severity}`);
      assert.match(body, /\*\*Example\.\*\* /);
      assert.match(body, /\*\*How to fix it\.\*\* /);
      assert.match(body, /\*\*How to silence it\.\*\* /);
      assert.ok(body.includes(`"${r.id}": "off"`) || body.includes(`lingo-disable-next-line ${r.id}`) || body.includes(` ${r.id} -->`), `${r.id}: no way to silence it by name`);
    });
  }

  it('its examples are reported as it says (the first example of each section that has one)', () => {
    const examples = sections.map((s) => [s.heading, /```markdown\n([^]*?)```/.exec(s.body)?.[1]] as const).filter(([, x]) => x !== undefined);
    assert.deepStrictEqual(examples.map(([r]) => r), RULES.filter((r) => r !== 'inconsistent-across-files'), 'a section without an example');
    for (const [rule, example] of examples) assert.ok(diagnostics(example!).some((d) => d.rule === rule), `${rule}: ${JSON.stringify(example)} is not reported`);
  });

  it('ships in the .vsix (.vscodeignore lets it in)', () => {
    assert.ok(read('.vscodeignore').split('\n').includes('!RULES.md'));
  });

  it('the .vsix ships the client, the server and the glossary worker bundles, not the CLI the extension never loads', () => {
    const shipped = read('.vscodeignore').split('\n').filter((l) => l.startsWith('!dist/') && l.endsWith('.js'));
    assert.deepStrictEqual(shipped, ['!dist/client.js', '!dist/server.js', '!dist/glossaryWorker.js']);
  });
});
