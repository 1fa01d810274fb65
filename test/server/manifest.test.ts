/**
 * What package.json declares for the server's features matches the server: every %key% has its words in the five
 * package.nls files, the semantic token type and modifiers are the service's legend, and the setting
 * lingo.semanticHighlighting offers exactly the values the server reads.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';
import { DEFAULT_SETTINGS, resolveSettings, SEMANTIC_TOKENS_LEGEND } from '../../server/src/service';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg: Json = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NLS = ['package.nls.json', 'package.nls.sv.json', 'package.nls.nl.json', 'package.nls.pl.json', 'package.nls.zh-tw.json'];

describe('package.json and the server', () => {
  it('every %key% of package.json has its words in each of the five package.nls files, and no file has others', () => {
    const keys = [...new Set([...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
    for (const f of NLS) {
      const nls = JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
      assert.deepStrictEqual(Object.keys(nls).sort(), keys, f);
      for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k].trim(), `${f}: ${k} is empty`);
    }
  });

  it('declares the semantic token type and modifiers of the service\'s legend, with a super type and theme scopes', () => {
    const c = pkg.contributes;
    assert.deepStrictEqual(c.semanticTokenTypes.map((t: Json) => t.id), SEMANTIC_TOKENS_LEGEND.tokenTypes);
    assert.ok(c.semanticTokenTypes.every((t: Json) => t.superType));
    assert.deepStrictEqual(c.semanticTokenModifiers.map((m: Json) => m.id), SEMANTIC_TOKENS_LEGEND.tokenModifiers);
    const scopes = c.semanticTokenScopes[0].scopes;
    assert.deepStrictEqual(scopes['lingoTerm.deprecated'], ['invalid.deprecated.term.lingo']);
    for (const selector of Object.keys(scopes)) {
      const [type, ...mods] = selector.split('.');
      assert.ok(SEMANTIC_TOKENS_LEGEND.tokenTypes.includes(type) && mods.every((m) => SEMANTIC_TOKENS_LEGEND.tokenModifiers.includes(m)), selector);
    }
  });

  it('lingo.semanticHighlighting: the values the server reads, and its default', () => {
    const setting = pkg.contributes.configuration.properties['lingo.semanticHighlighting'];
    assert.strictEqual(setting.default, DEFAULT_SETTINGS.semanticHighlighting);
    for (const v of setting.enum) assert.strictEqual(resolveSettings({ semanticHighlighting: v }).semanticHighlighting, v);
    assert.strictEqual(resolveSettings({ semanticHighlighting: 'sometimes' }).semanticHighlighting, 'playbooks');
    assert.strictEqual(setting.enumDescriptions.length, setting.enum.length);
  });
});
