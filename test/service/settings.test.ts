import * as assert from 'assert';
import { globMatches } from '../../server/src/service/settings';

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
