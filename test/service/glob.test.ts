import * as assert from 'assert';
import { globMatches, globMatchesEnd, isGlob } from '../../server/src/service/glob';

describe('globs: the whole path (the command line, relative to the folder the glob starts in)', () => {
  const CASES: [string, string, boolean][] = [
    ['*.md', 'a.md', true],
    ['*.md', 'docs/a.md', false],
    ['*', '', true],
    ['docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'docs/x/a.md', false],
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'docs/x/a.md', true],
    ['**/*.md', 'docs/x/a.txt', false],
    ['docs/**/a.md', 'docs/a.md', true],
    ['docs/**/a.md', 'docs/x/y/a.md', true],
    ['docs/**/a.md', 'docsx/a.md', false],
    ['docs/**', 'docs/x/y/a.md', true],
    ['**', 'docs/x/y/a.md', true],
    ['docs**.md', 'docs/a.md', false], // "**" inside a name is "*"
    ['docs**.md', 'docs-a.md', true],
    ['**/launch-*.md', 'en/launch-q3.md', true],
    ['doc?.md', 'doc1.md', true],
    ['doc?.md', 'doc12.md', false],
    ['a?b', 'a/b', false],
    ['e?/*.md', 'en/launch.md', true],
    ['*/team.sla.?d', 'nl/team.sla.md', true],
    ['[abc].md', 'b.md', true],
    ['[abc].md', 'd.md', false],
    ['[a-c]x.md', 'bx.md', true],
    ['[!a-c]x.md', 'bx.md', false],
    ['[^a-c]x.md', 'dx.md', true],
    ['[]]x', ']x', true],
    ['a[/]b', 'a/b', false], // a class never matches '/'
    ['[a-', '[a-', true], // no "]": the characters themselves
    ['*.{md,txt}', 'a.txt', true],
    ['*.{md,txt}', 'a.rst', false],
    ['{en,sv}/**/*.md', 'sv/x/a.md', true],
    ['{en,{nl,pl}}/*.md', 'pl/a.md', true],
    ['{en}/*.md', '{en}/a.md', true], // no ",": the characters themselves
    ['a{b', 'a{b', true],
    ['notes (1).md', 'notes (1).md', true],
    ['a.md', 'A.md', false], // case counts
    ['', '', true],
    ['', 'a', false],
  ];
  for (const [glob, path, expected] of CASES) it(`${glob} ~ ${path}: ${expected}`, () => assert.strictEqual(globMatches(glob, path), expected));
});

describe('globs: the end of a path (lingo.fileLanguages, over a document\'s full path)', () => {
  const CASES: [string, string, boolean][] = [
    ['*.sla.md', '/work/contracts/team.sla.md', true],
    ['contracts/*.sla.md', '/work/contracts/team.sla.md', true],
    ['contracts/*.sla.md', '/work/contracts/old/team.sla.md', false],
    ['contracts/**/*.sla.md', '/work/contracts/old/team.sla.md', true],
    ['contracts/**/*.sla.md', '/work/contracts/team.sla.md', true],
    ['contracts/**/*.sla.md', '/work/mycontracts/team.sla.md', false],
    ['**/x.md', '/a/b/x.md', true],
    ['**/x.md', '/a/bx.md', false],
    ['doc?.md', '/w/doc1.md', true],
    ['doc?.md', '/w/doc12.md', false],
    ['team.md', '/w/myteam.md', false],
    ['team.md', '/w/team.md', true],
    ['/w/*.md', '/w/team.md', true],
    ['/w/*.md', '/x/w/team.md', false], // a pattern that starts with '/' starts at the root
    ['*.{sv,se}.md', '/w/plan.se.md', true],
    ['c:/docs/*.md', '/c:/docs/a.md', true],
  ];
  for (const [glob, path, expected] of CASES) it(`${glob} ~ ${path}: ${expected}`, () => assert.strictEqual(globMatchesEnd(glob, path), expected));

  it('takes linear time on patterns that make regular expressions backtrack', () => {
    // Would take seconds with a backtracking regular expression; checked for its answer, not its time.
    assert.strictEqual(globMatchesEnd('*a*a*a*a*a*a*a*a*a*a*a*a*b', '/' + 'a'.repeat(60)), false);
    assert.strictEqual(globMatchesEnd('**/**/**/**/**/**/**/**/b', '/a'.repeat(60)), false);
  });

  it('makes at most 256 patterns of braces, taking the rest as written', () => {
    const glob = '{a,b}'.repeat(12) + '.md'; // 4,096 alternatives
    assert.strictEqual(globMatches(glob, 'a'.repeat(12) + '.md'), true);
  });
});

describe('which command-line arguments are globs', () => {
  const CASES: [string, boolean][] = [['docs/*.md', true], ['doc?.md', true], ['[ab].md', true], ['*.{md,txt}', true], ['docs/a.md', false], ['notes (1).md', false]];
  for (const [arg, expected] of CASES) it(`${arg}: ${expected}`, () => assert.strictEqual(isGlob(arg), expected));
});
