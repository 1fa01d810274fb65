/** lingo check and lingo report, run as processes on the fixture documents. */
import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { copyFixture, FIXTURES, lingo, tmpDir } from './run';

const DOCS = 'test/cli/fixtures/docs';
const LAUNCH = `${DOCS}/en/launch-plan.md`;
const SLA = `${DOCS}/nl/team.sla.md`;
const ZH = `${DOCS}/zh/plan.md`;

/** A SARIF log as JSON: the schema checks its shape, the tests its values. */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The official SARIF 2.1.0 JSON schema (sarif-2.1.0-rtm.5, as shipped in the npm package @microsoft/jest-sarif@1.0.0-beta.0). */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  // A draft-04 schema; the keywords it uses mean the same in draft-07, which Ajv 8 speaks.
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

describe('lingo check', function () {
  this.timeout(30000);

  it('prints file:line:col severity rule message and exits 1 on warnings', () => {
    const r = lingo(['check', DOCS]);
    assert.strictEqual(r.status, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    const summary = lines.pop()!;
    for (const l of lines) assert.match(l, /^\S+:\d+:\d+ (error|warning|information|hint) (acronym-undefined|inconsistent-term|deprecated-term|mistranslation) \S/);
    // The last line sums up: files checked, findings by severity (most severe first), matching the lines above.
    const n = (s: string) => lines.filter((l) => l.split(' ')[1] === s).length;
    const files = (fs.readdirSync(path.join(FIXTURES, 'docs'), { recursive: true }) as string[]).filter((f) => /\.(md|txt)$/.test(f)).length;
    assert.strictEqual(summary, `${files} files checked: ${n('warning')} warnings, ${n('information')} information.`);
    assert.ok(lines.includes(`${LAUNCH}:3:23 information acronym-undefined “MQL” is used before it is spelled out. Write “Marketing Qualified Lead (MQL)” the first time.`), r.stdout);
    assert.ok(lines.some((l) => l.startsWith(`${SLA}:5:17 warning deprecated-term Vermijd ‘sales pijplijn’`)), r.stdout);
    assert.ok(lines.some((l) => l.startsWith(`${ZH}:3:3 warning mistranslation 「特別提款權」`)), r.stdout);
    // Code blocks are not prose; notes.txt names no concept; handbook.md spells MQL out.
    assert.ok(!lines.some((l) => l.startsWith(`${LAUNCH}:11:`)));
    assert.ok(!lines.some((l) => l.includes('notes.txt') || l.includes('handbook.md')), r.stdout);
  });

  it('exits by --fail-on: 0 when nothing reaches the level, 1 when something does', () => {
    // The launch plan's warning: "win rate" beside "close rate" ("deal" beside "opportunity" is the trade's everyday
    // word beside the formal one, and its "Pipeline" heading a short form of "sales pipeline": no inconsistency).
    assert.strictEqual(lingo(['check', LAUNCH, '--fail-on', 'error']).status, 0);
    assert.strictEqual(lingo(['check', LAUNCH, '--fail-on', 'warning']).status, 1);
    assert.strictEqual(lingo(['check', `${DOCS}/en/handbook.md`, '--fail-on', 'information']).status, 0);
    assert.strictEqual(lingo(['check', `${DOCS}/notes.txt`, '--fail-on', 'information']).status, 0);
    const info = lingo(['check', SLA, '--fail-on', 'information', '--format', 'json']);
    assert.strictEqual(info.status, 1);
  });

  it('exits 2 on usage errors and says why', () => {
    for (const [args, msg] of [
      [['check', DOCS, '--format', 'xml'], /--format must be one of text, json, sarif/],
      [['check', DOCS, '--fail-on', 'fatal'], /--fail-on must be one of/],
      [['check', 'no/such/file.md'], /no such file or folder: no\/such\/file.md/],
      [['check', `${DOCS}/**/*.rst`], /no files match/],
      [['check', DOCS, '--bogus'], /unknown option --bogus/],
      [['frobnicate'], /unknown command: frobnicate/],
    ] as [string[], RegExp][]) {
      const r = lingo(args);
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, msg);
      assert.strictEqual(r.stdout, '');
    }
  });

  it('exits 2 when a --glossary folder has errors', () => {
    const dir = copyFixture('tiny-glossary');
    const file = path.join(dir, 'tiny-glossary', 'concepts', 'partners.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"status": "preferred"', '"status": "best"'));
    const r = lingo(['check', DOCS, '--glossary', path.join(dir, 'tiny-glossary')]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /error: .*partners.json: reseller: langs.nl.terms\[0\].status must be one of/);
  });

  it('uses a --glossary folder instead of the built-in one', () => {
    const dir = copyFixture('docs');
    fs.writeFileSync(path.join(dir, 'quote.md'), 'Our VAR partners quote the catalog cost and the list price.\n');
    const r = lingo(['check', path.join(dir, 'quote.md'), '--glossary', path.join(FIXTURES, 'tiny-glossary'), '--format', 'json']);
    const rules = JSON.parse(r.stdout).map((x: { rule: string }) => x.rule).sort();
    // VAR: undefined acronym and deprecated; catalog cost: deprecated. list price is fine.
    assert.deepStrictEqual(rules, ['acronym-undefined', 'deprecated-term', 'deprecated-term']);
  });

  it('expands globs itself: *, ** and ?', () => {
    const files = (args: string[]) => [...new Set(JSON.parse(lingo(['check', ...args, '--format', 'json']).stdout).map((x: { file: string }) => x.file))].sort();
    assert.deepStrictEqual(files([`${DOCS}/**/*.md`]), [LAUNCH, SLA, ZH]);
    assert.deepStrictEqual(files([`${DOCS}/*/team.sla.?d`]), [SLA]);
    assert.deepStrictEqual(files([`${DOCS}/e?/*.md`, `${DOCS}/zh/*`]), [LAUNCH, ZH]);
    // A glob over a folder does not add files twice.
    assert.deepStrictEqual(files([`${DOCS}/**`, SLA]), [LAUNCH, SLA, ZH]);
    const inDocs = lingo(['check', '**/launch-*.md', '--format', 'json'], path.join(FIXTURES, 'docs'));
    assert.deepStrictEqual([...new Set(JSON.parse(inDocs.stdout).map((x: { file: string }) => x.file))], ['en/launch-plan.md']);
  });

  it('walks folders as the editor\'s workspace scan does: no hidden folders, node_modules, dist or out', () => {
    const dir = tmpDir();
    const files = ['a.md', 'b/c.txt', 'b/d.markdown', 'b/skip.rst', '.hidden.md', '.git/x.md', 'node_modules/p/README.md', 'dist/x.md', 'out/y.md', 'b/.cache/z.md', 'notes [draft].md', 'e/{x}.md'];
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'The MQL is new.\n'); // an acronym not spelled out: one finding per file checked
    }
    const checked = (args: string[]) => [...new Set(JSON.parse(lingo(['check', ...args, '--format', 'json'], dir).stdout).map((x: { file: string }) => x.file.split(path.sep).join('/')))];
    // Depth first, each folder in name order.
    assert.deepStrictEqual(checked(['.']), ['a.md', 'b/c.txt', 'b/d.markdown', 'e/{x}.md', 'notes [draft].md']);
    assert.deepStrictEqual(checked(['**']), ['a.md', 'b/c.txt', 'b/d.markdown', 'b/skip.rst', 'e/{x}.md', 'notes [draft].md']);
    assert.deepStrictEqual(checked(['**/*.{md,txt}']), ['a.md', 'b/c.txt', 'e/{x}.md', 'notes [draft].md']);
    assert.deepStrictEqual(checked(['b/[c-d].*']), ['b/c.txt', 'b/d.markdown']);
    // A folder named on the command line is walked, though a walk would pass it by; a file is read as named.
    assert.deepStrictEqual(checked(['dist', '.hidden.md']), ['dist/x.md', '.hidden.md']);
    // A name with a glob's characters is that file when it exists.
    assert.deepStrictEqual(checked(['notes [draft].md', 'e/{x}.md']), ['notes [draft].md', 'e/{x}.md']);
  });

  it('writes JSON with positions, severity, rule and message', () => {
    const r = lingo(['check', SLA, '--format', 'json']);
    const results = JSON.parse(r.stdout);
    assert.deepStrictEqual(results.map((x: { rule: string; line: number; column: number }) => [x.rule, x.line, x.column]), [
      ['acronym-undefined', 3, 6], ['inconsistent-term', 4, 43], ['deprecated-term', 5, 17],
    ]);
    assert.deepStrictEqual(Object.keys(results[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
    assert.strictEqual(results[2].endColumn, 31);
  });

  it('writes SARIF 2.1.0 that validates against the SARIF schema', () => {
    const r = lingo(['check', DOCS, '--format', 'sarif']);
    assert.strictEqual(r.status, 1);
    const log: Json = JSON.parse(r.stdout);
    const validate = sarifValidator();
    const valid: boolean = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.strictEqual(log.version, '2.1.0');
    const run = log.runs[0];
    assert.strictEqual(run.tool.driver.name, 'lingo');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.deepStrictEqual(ruleIds, ['acronym-undefined', 'inconsistent-term', 'inconsistent-across-files', 'deprecated-term', 'mistranslation']);
    assert.strictEqual(run.results.length, 8);
    for (const res of run.results) {
      assert.strictEqual(ruleIds[res.ruleIndex], res.ruleId);
      const loc = res.locations[0].physicalLocation;
      assert.strictEqual(run.artifacts[loc.artifactLocation.index].location.uri, loc.artifactLocation.uri);
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    }
    const dep = run.results.find((x: Json) => x.ruleId === 'deprecated-term' && x.locations[0].physicalLocation.artifactLocation.uri.endsWith('team.sla.md'));
    assert.strictEqual(dep.level, 'warning');
    assert.deepStrictEqual(dep.locations[0].physicalLocation.region, { startLine: 5, startColumn: 17, endLine: 5, endColumn: 31 });
    assert.deepStrictEqual(dep.fixes[0].artifactChanges[0].replacements[0].insertedContent, { text: 'salespijplijn' });
    const acr = run.results.find((x: { ruleId: string }) => x.ruleId === 'acronym-undefined');
    assert.strictEqual(acr.level, 'note');
    const inc = run.results.find((x: { ruleId: string }) => x.ruleId === 'inconsistent-term');
    assert.strictEqual(inc.relatedLocations.length, 1);
    assert.strictEqual(run.originalUriBaseIds.SRCROOT.uri.startsWith('file:///'), true);
  });

  it('SARIF describes the rules in English and, as translations, in Swedish, Dutch, Polish and Chinese', () => {
    const run = JSON.parse(lingo(['check', SLA, '--format', 'sarif']).stdout).runs[0];
    const driver = run.tool.driver;
    assert.strictEqual(driver.language, 'en');
    const d = driver.rules.find((r: { id: string }) => r.id === 'deprecated-term');
    assert.deepStrictEqual([d.name, d.shortDescription.text, d.defaultConfiguration.level], ['DeprecatedTerm', 'A term the glossary marks as deprecated.', 'warning']);
    assert.deepStrictEqual(run.translations.map((t: { language: string }) => t.language), ['sv', 'nl', 'pl', 'zh-Hant']);
    for (const t of run.translations) {
      assert.deepStrictEqual(t.associatedComponent, { name: 'lingo' });
      assert.deepStrictEqual(t.rules.map((r: { id: string }) => r.id), driver.rules.map((r: { id: string }) => r.id), `${t.language}: the driver's rules in its order`);
    }
    const short = (lang: string) => run.translations.find((t: { language: string }) => t.language === lang).rules.find((r: { id: string }) => r.id === 'deprecated-term').shortDescription.text;
    assert.deepStrictEqual(['sv', 'nl', 'pl', 'zh-Hant'].map(short), [
      'En term som ordlistan anger som avrådd.', 'Een term die de woordenlijst afraadt.', 'Termin, który słowniczek oznacza jako niezalecany.', '詞彙表標示為不建議使用的用語。',
    ]);
  });

  it('the SARIF check catches a broken log (the validator is not a no-op)', () => {
    const log: Json = JSON.parse(lingo(['check', SLA, '--format', 'sarif']).stdout);
    const validate = sarifValidator();
    log.runs[0].results[0].level = 'fatal';
    assert.strictEqual(validate(log), false);
    delete log.runs[0].tool;
    log.runs[0].results[0].level = 'error';
    assert.strictEqual(validate(log), false);
  });

  it('--fix applies the safe fixes atomically, reports them and leaves inconsistencies alone', () => {
    const dir = copyFixture('docs');
    const sla = path.join(dir, 'docs', 'nl', 'team.sla.md');
    const zh = path.join(dir, 'docs', 'zh', 'plan.md');
    const launch = path.join(dir, 'docs', 'en', 'launch-plan.md');
    const r = lingo(['check', 'docs', '--fix'], dir);
    const fixed = r.stdout.split('\n').filter((l) => l.startsWith('fixed '));
    assert.deepStrictEqual(fixed, [
      'fixed docs/en/launch-plan.md:3:23 "MQL" → "Marketing Qualified Lead (MQL)"',
      'fixed docs/en/launch-plan.md:4:5 "SDR" → "Sales Development Representative (SDR)"',
      'fixed docs/nl/team.sla.md:3:6 "MQL" → "marketing qualified lead (MQL)"',
      'fixed docs/nl/team.sla.md:5:17 "sales pijplijn" → "salespijplijn"',
      'fixed docs/zh/plan.md:3:3 "特別提款權" → "銷售開發代表"',
      'fixed docs/zh/plan.md:4:7 "轉化率" → "轉換率"',
    ]);
    assert.match(r.stdout, /6 fix\(es\) in 3 file\(s\)/);
    assert.strictEqual(fs.readFileSync(sla, 'utf8'), [
      '# SLA tussen sales en marketing', '',
      'Elke marketing qualified lead (MQL) moet binnen twee werkdagen worden opgevolgd.',
      'Elke opportunity krijgt een eigenaar. Een kans zonder eigenaar gaat terug naar marketing.',
      'We bespreken de salespijplijn elke week.', '',
    ].join('\n'));
    assert.match(fs.readFileSync(zh, 'utf8'), /^每位銷售開發代表每天要安排五通需求探索電話。$/m);
    assert.match(fs.readFileSync(launch, 'utf8'), /Each opportunity needs a named owner,\nand a deal without/);
    // What is left: the inconsistencies only, so the exit code still says so.
    const left = r.stdout.split('\n').filter((l) => / (warning|information|error|hint) /.test(l) && !l.startsWith('fixed '));
    assert.ok(left.length > 0 && left.every((l) => l.includes('inconsistent-term')), left.join('\n'));
    assert.strictEqual(r.status, 1);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'docs', 'nl')), ['team.sla.md']); // no temporary files left
    // A second run has nothing more to fix.
    const again = lingo(['check', 'docs', '--fix'], dir);
    assert.match(again.stdout, /^0 fix\(es\) in 0 file\(s\)$/m);
  });

  it('--fix with --format json keeps stdout valid JSON and reports fixes on stderr', () => {
    const dir = copyFixture('docs');
    const r = lingo(['check', 'docs/zh/plan.md', '--fix', '--format', 'json'], dir);
    assert.deepStrictEqual(JSON.parse(r.stdout), []);
    assert.match(r.stderr, /fixed docs\/zh\/plan.md:3:3 "特別提款權" → "銷售開發代表"/);
    assert.strictEqual(r.status, 0);
  });
});

describe('lingo report', function () {
  this.timeout(30000);

  it('lists the concepts each document uses, with terms and counts (JSON)', () => {
    const r = lingo(['report', DOCS, '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const rep = JSON.parse(r.stdout);
    assert.deepStrictEqual(rep.documents.map((d: { file: string; lang: string }) => [d.file, d.lang]), [
      [`${DOCS}/en/handbook.md`, 'en'], [LAUNCH, 'en'], [SLA, 'nl'], [`${DOCS}/notes.txt`, 'en'], [ZH, 'zh-Hant'],
    ]);
    const sla = rep.documents[2];
    const opp = sla.concepts.find((c: { id: string }) => c.id === 'opportunity');
    assert.strictEqual(opp.count, 2);
    assert.deepStrictEqual(opp.terms.map((t: { text: string; count: number }) => [t.text, t.count]).sort(), [['kans', 1], ['opportunity', 1]]);
    const mql = sla.concepts.find((c: { id: string }) => c.id === 'marketing-qualified-lead');
    assert.deepStrictEqual(mql.terms, [{ text: 'MQL', lang: 'nl', status: 'preferred', acronym: true, count: 1, written: [{ text: 'MQL', count: 1 }] }]);
    assert.deepStrictEqual(rep.documents[3].concepts, []);
    const pipeline = rep.differences.find((d: { id: string }) => d.id === 'sales-pipeline');
    assert.strictEqual(pipeline.lang, 'en');
    assert.deepStrictEqual(pipeline.terms.map((t: { text: string; files: { file: string }[] }) => [t.text, t.files.map((f) => f.file)]), [
      ['sales pipeline', [`${DOCS}/en/handbook.md`, LAUNCH]],
      ['pipeline', [LAUNCH]],
    ]);
    // Acronyms are not "named differently", and languages are compared only with themselves.
    assert.ok(!rep.differences.some((d: { id: string }) => d.id === 'marketing-qualified-lead'));
  });

  it('prints the same as text', () => {
    const r = lingo(['report', `${DOCS}/en`, SLA]);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^test\/cli\/fixtures\/docs\/nl\/team.sla.md \(nl\): 6 concept\(s\)$/m);
    assert.match(r.stdout, /^ {2}business-day \(Business Day\): "werkdagen" ×1 \(glossary: werkdag\)$/m);
    assert.match(r.stdout, /^ {2}opportunity \(Opportunity\): "kans" ×1, "opportunity" ×1$/m);
    assert.match(r.stdout, /^ {2}marketing-qualified-lead \(Marketing Qualified Lead\): "MQL" ×1 \(acronym\)$/m);
    assert.match(r.stdout, /^Named differently across files:$/m);
    assert.match(r.stdout, /^ {2}sales-pipeline \(Sales Pipeline, en\): "sales pipeline" in test\/cli\/fixtures\/docs\/en\/handbook.md \(1\), test\/cli\/fixtures\/docs\/en\/launch-plan.md \(1\); "pipeline" in test\/cli\/fixtures\/docs\/en\/launch-plan.md \(1\)$/m);
  });

  it('shows each term as the document writes it, with the glossary form beside it where they differ', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'mixed.md');
    fs.writeFileSync(file, '我們的转化率偏低。\n\nOur leads grew. Every Lead gets an owner. The MQL count.\n');
    const r = lingo(['report', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^ {2}conversion-rate \(Conversion Rate\): "转化率" ×1 \(glossary: 轉化率\)/m);
    assert.match(r.stdout, /^ {2}lead \(Lead\): "Lead" ×1, "leads" ×1 \(glossary: lead\)$/m);
    assert.match(r.stdout, /"MQL" ×1 \(acronym\)$/m);
    const json = JSON.parse(lingo(['report', file, '--format', 'json']).stdout);
    const lead = json.documents[0].concepts.find((c: { id: string }) => c.id === 'lead');
    assert.deepStrictEqual(lead.terms[0].written, [{ text: 'Lead', count: 1 }, { text: 'leads', count: 1 }]);
  });

  it('reads Chinese by its words, as the editor does: 事故 in 事故車 (a crashed car) is no incident', () => {
    // The general vocabulary (dist/zh-words.txt) says 事故車 is one word; no context rule of the glossary does.
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'car.md'), '# 筆記\n\n這台事故車已經送去修理了。\n');
    fs.writeFileSync(path.join(dir, 'support.md'), '# 支援\n\n每個事故都要在一小時內回覆客戶。\n');
    const r = lingo(['report', 'car.md', 'support.md', '--format', 'json'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const rep = JSON.parse(r.stdout);
    assert.deepStrictEqual(rep.documents.map((d: { file: string; concepts: { id: string }[] }) => [d.file, d.concepts.map((c) => c.id)]), [
      ['car.md', []],
      ['support.md', ['incident']],
    ]);
  });

  it('says so when every file names its concepts alike', () => {
    const r = lingo(['report', SLA]);
    assert.match(r.stdout, /No concept is named differently across the files\./);
  });
});
