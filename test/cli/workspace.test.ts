/** The CLI checks a workspace as the editor does: its team glossary and its .vscode/settings.json. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lingo, tmpDir } from './run';

const SLA = 'Elke opportunity krijgt binnen twee dagen een eigenaar. Een kans zonder eigenaar gaat terug naar marketing.\n';

describe('lingo check in a workspace', function () {
  this.timeout(30000);

  it('uses the team glossary of the folder it runs in', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'sla.md'), SLA);
    let r = lingo(['check', 'sla.md'], dir);
    assert.match(r.stdout, /sla\.md:1:6[0-9] warning inconsistent-term .*Gebruik overal ‘opportunity’/);
    fs.writeFileSync(path.join(dir, 'lingo.glossary.yaml'), 'concepts:\n  - id: opportunity\n    langs:\n      nl:\n        terms:\n          - text: kans\n            status: preferred\n');
    r = lingo(['check', 'sla.md'], dir);
    assert.match(r.stdout, /sla\.md:1:6 warning inconsistent-term .*Gebruik overal ‘kans’/);
    assert.strictEqual(r.status, 1);
  });

  it('takes the lingo settings of .vscode/settings.json (comments allowed)', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'sla.md'), SLA);
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{\n  // our rules\n  "lingo.rules": { "inconsistent-term": "off" },\n}\n');
    const r = lingo(['check', 'sla.md'], dir);
    assert.strictEqual(r.stdout, '1 file checked: no findings.\n');
    assert.strictEqual(r.status, 0);
  });

  it('a broken team glossary is a glossary error (exit 2) with its line', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'sla.md'), SLA);
    fs.writeFileSync(path.join(dir, 'lingo.glossary.json'), '{\n  "concepts": [\n    { "id": "opportunity", "langs": { "nl": { "terms": [{ "text": "kans", "status": "best" }] } } }\n  ]\n}\n');
    const r = lingo(['check', 'sla.md'], dir);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /lingo\.glossary\.json:3:\d+ error: opportunity langs\.nl\.terms\[0\]\.status must be one of/);
  });
});
