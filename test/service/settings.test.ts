import * as assert from 'assert';
import { RULE_DECLARATIONS, SETTING_KEYS } from '../../server/src/service/declarations';
import { DEFAULT_SETTINGS, globMatches, resolveSettings, type Settings } from '../../server/src/service/settings';

describe('file language globs', () => {
  const CASES: [string, string, boolean][] = [
    ['*.sla.md', '/work/contracts/team.sla.md', true],
    ['contracts/*.sla.md', '/work/contracts/team.sla.md', true],
    ['contracts/*.sla.md', '/work/contracts/old/team.sla.md', false],
    ['contracts/**/*.sla.md', '/work/contracts/old/team.sla.md', true],
    ['contracts/**/*.sla.md', '/work/contracts/team.sla.md', true],
    ['**/x.md', '/a/b/x.md', true],
    ['**/x.md', '/a/bx.md', false],
    ['doc?.md', '/w/doc1.md', true],
    ['doc?.md', '/w/doc12.md', false],
    ['team.md', '/w/myteam.md', false],
  ];
  for (const [glob, path, expected] of CASES) it(`${glob} ~ ${path}: ${expected}`, () => assert.strictEqual(globMatches(glob, path), expected));
  it('takes linear time on patterns that make regular expressions backtrack', () => {
    // Would take seconds with a backtracking regular expression; checked for its answer, not its time.
    assert.strictEqual(globMatches('*a*a*a*a*a*a*a*a*a*a*a*a*b', '/' + 'a'.repeat(60)), false);
  });
});

describe('settings read by their declared schemas', () => {
  const D = DEFAULT_SETTINGS;
  const CASES: [string, Record<string, unknown>, Partial<Settings>][] = [
    ['a language', { language: 'sv' }, { language: 'sv' }],
    ['an unknown language', { language: 'de' }, { language: 'auto' }],
    ['languages: the known ones, once each', { languages: ['pl', 'de', 'pl', 'zh-Hant'] }, { languages: ['pl', 'zh-Hant'] }],
    ['languages: none known', { languages: ['de'] }, { languages: D.languages }],
    ['languages: an empty list', { languages: [] }, { languages: D.languages }],
    ['rule levels over the defaults; unknown rules and levels dropped', { rules: { mistranslation: 'error', 'deprecated-term': 'loud', spelling: 'error' } }, { rules: { ...D.rules, mistranslation: 'error' } }],
    ['rules not an object', { rules: ['off'] }, { rules: D.rules }],
    ['file languages: the entries with a known language', { fileLanguages: { 'contracts/*.sla.md': 'nl', 'x.md': 'de' } }, { fileLanguages: { 'contracts/*.sla.md': 'nl' } }],
    ['ignored words: the strings', { ignoreWords: ['CRM', 3, 'B2B'] }, { ignoreWords: ['CRM', 'B2B'] }],
    ['a size limit', { maxFileSizeMB: 2.5 }, { maxFileSizeMB: 2.5 }],
    ['a size limit under the minimum', { maxFileSizeMB: 0 }, { maxFileSizeMB: 5 }],
    ['a size limit as text', { maxFileSizeMB: '3' }, { maxFileSizeMB: 5 }],
    ['no problem limit', { maxProblems: 0 }, { maxProblems: 0 }],
    ['a problem limit that is no whole number', { maxProblems: 1.5 }, { maxProblems: 1000 }],
    ['a consistency scope', { consistencyScope: 'folder' }, { consistencyScope: 'folder' }],
    ['an unknown consistency scope', { consistencyScope: 'team' }, { consistencyScope: 'document' }],
    ['the built-in glossary off', { builtinGlossary: false }, { builtinGlossary: false }],
    ['the built-in glossary as text', { builtinGlossary: 'no' }, { builtinGlossary: true }],
  ];
  for (const [what, raw, changed] of CASES) {
    it(what, () => assert.deepStrictEqual(resolveSettings(raw), { ...D, ...changed }));
  }

  it('gives the defaults for nothing, or for what is no object', () => {
    for (const raw of [undefined, null, 'lingo', 42, []]) assert.deepStrictEqual(resolveSettings(raw), D);
  });
  it('declares the defaults once: every setting and every rule, at its declared level', () => {
    assert.deepStrictEqual(Object.keys(D), SETTING_KEYS);
    assert.deepStrictEqual(D.rules, Object.fromEntries(RULE_DECLARATIONS.map((r) => [r.id, r.severity])));
  });
  it('leaves the defaults as they are', () => {
    const s = resolveSettings({ rules: { mistranslation: 'off' }, fileLanguages: { 'a.md': 'sv' } });
    s.languages.pop();
    assert.strictEqual(DEFAULT_SETTINGS.rules.mistranslation, 'warning');
    assert.deepStrictEqual(DEFAULT_SETTINGS.fileLanguages, {});
    assert.strictEqual(DEFAULT_SETTINGS.languages.length, 5);
  });
});
