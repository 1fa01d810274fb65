import * as assert from 'assert';
import { RULE_DECLARATIONS, SETTING_KEYS } from '../../server/src/service/declarations';
import { DEFAULT_SETTINGS, fixedLanguage, resolveSettings, type Settings } from '../../server/src/service/settings';

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

describe('lingo.fileLanguages: the first glob that matches the end of the path', () => {
  const fileLanguages = { 'contracts/**/*.sla.md': 'nl', '*.{sv,se}.md': 'sv', 'pl/[a-m]*.md': 'pl', 'team.md': 'zh-Hant' } as const;
  const CASES: [string, string | undefined][] = [
    ['file:///work/contracts/old/team.sla.md', 'nl'],
    ['file:///work/notes.se.md', 'sv'],
    ['file:///work/pl/kontrakt.md', 'pl'],
    ['file:///work/pl/umowa.md', undefined],
    ['file:///work/team.md', 'zh-Hant'],
    ['file:///work/myteam.md', undefined],
    ['file:///work/%C3%A5rs%20plan.sv.md', 'sv'], // "års plan.sv.md", decoded
  ];
  for (const [uri, lang] of CASES) it(`${uri}: ${lang}`, () => assert.strictEqual(fixedLanguage(resolveSettings({ fileLanguages }), uri), lang));
});
