/** Inputs the CLI once took wrongly: blank terms in a team glossary, TBX files in a declared encoding. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, lingo, tmpDir } from './run';

describe('lingo: odd inputs', function () {
  this.timeout(60000);

  it('refuses a term or an acronym that is only spaces, naming it', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'plan.md'), 'Every MQL goes to sales.\n');
    fs.writeFileSync(path.join(dir, 'lingo.glossary.json'), JSON.stringify({ concepts: [
      { id: 'blank', name: 'Blank', langs: { en: { terms: [{ text: '   ', status: 'preferred' }], acronyms: [{ text: ' \t' }] } } },
    ] }, null, 2));
    const r = lingo(['check', 'plan.md'], dir);
    assert.strictEqual(r.status, 2);
    assert.deepStrictEqual(r.stderr.trim().split('\n'), [
      'lingo.glossary.json:10:15 error: blank langs.en.terms[0].text must not be only spaces',
      'lingo.glossary.json:16:15 error: blank langs.en.acronyms[0].text must not be only spaces',
    ]);
  });

  it('imports a TBX file in the encoding it declares (ISO-8859-1), and refuses one it cannot read', () => {
    const dir = tmpDir();
    const text = fs.readFileSync(path.join(FIXTURES, 'external.tbx'), 'utf8')
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace('A company that buys', 'A café company that buys');
    fs.writeFileSync(path.join(dir, 'latin1.tbx'), Buffer.from(text, 'latin1'));
    const r = lingo(['glossary', 'import', 'latin1.tbx', '--out-dir', 'out'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const out = fs.readdirSync(path.join(dir, 'out')).map((f) => fs.readFileSync(path.join(dir, 'out', f), 'utf8')).join('');
    assert.match(out, /A café company that buys/);
    assert.doesNotMatch(out, /\ufffd/);

    fs.writeFileSync(path.join(dir, 'odd.tbx'), Buffer.from(text.replace('ISO-8859-1', 'x-no-such-encoding'), 'latin1'));
    const odd = lingo(['glossary', 'import', 'odd.tbx', '--out-dir', 'out2'], dir);
    assert.strictEqual(odd.status, 2);
    assert.strictEqual(odd.stderr.trim(), 'odd.tbx declares the encoding "x-no-such-encoding", which Lingo cannot read');
    assert.ok(!fs.existsSync(path.join(dir, 'out2')));
  });
});
