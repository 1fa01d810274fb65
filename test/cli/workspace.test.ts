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

  it('--fix leaves a replacement of another language to the writer: reported, not applied', () => {
    // A team glossary whose concept has only a deprecated Swedish term (what a termbase export often holds), and one
    // whose Swedish entry has a term to use.
    const team = {
      concepts: [
        { id: 'sell-sheet', name: 'Sell sheet', langs: { en: { terms: [{ text: 'sell sheet', status: 'preferred' }] }, sv: { terms: [{ text: 'säljblad', status: 'deprecated' }] } } },
        { id: 'sales-kickoff', name: 'Sales kickoff', langs: { sv: { terms: [{ text: 'säljkickoff', status: 'preferred' }, { text: 'säljuppstart', status: 'deprecated' }] } } },
      ],
    };
    const dir = tmpDir();
    const text = 'Vi skickar alltid ett säljblad till kunden före mötet.\nVår säljuppstart hålls i januari varje år.\n';
    fs.writeFileSync(path.join(dir, 'plan.md'), text);
    fs.writeFileSync(path.join(dir, 'lingo.glossary.json'), JSON.stringify(team, null, 2));
    const r = lingo(['check', 'plan.md', '--fix'], dir);
    assert.deepStrictEqual(r.stdout.split('\n').filter((l) => l.startsWith('fixed ')), ['fixed plan.md:2:5 "säljuppstart" → "säljkickoff"']);
    assert.ok(r.stdout.includes('plan.md:1:23 warning deprecated-term Undvik ”säljblad”. Ordlistan har ingen godkänd term på svenska; på engelska heter det ”sell sheet”.'), r.stdout);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'plan.md'), 'utf8'), text.replace('säljuppstart', 'säljkickoff'));
    assert.strictEqual(r.status, 1); // the finding left is still a warning
    // SARIF still carries the fix, for a person to apply.
    const sarif = JSON.parse(lingo(['check', 'plan.md', '--format', 'sarif'], dir).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'deprecated-term');
    assert.strictEqual(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'sell sheet');
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
