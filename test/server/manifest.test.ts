/**
 * What package.json declares for the server's features matches the server: the semantic token type and modifiers
 * are the service's legend, and the setting lingo.semanticHighlighting offers exactly the values the server reads.
 * (Its descriptions in the five package.nls files: test/glossary/manifest.test.ts.)
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';
import { DEFAULT_SETTINGS, resolveSettings, SEMANTIC_TOKENS_LEGEND } from '../../server/src/service';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg: Json = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('package.json and the server', () => {
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
