/** Team glossaries over LSP: merged over the built-in one, reloaded on change, broken files reported in place. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, type Json } from './lspClient';
import { tempDir } from '../tempDirs';

const SLA = 'Elke opportunity krijgt binnen twee dagen een eigenaar. Een kans zonder eigenaar gaat terug naar marketing.\n';
const TEAM = {
  concepts: [
    { id: 'opportunity', langs: { nl: { terms: [{ text: 'kans', status: 'preferred' }] } } },
    { id: 'demo-day', name: 'Demo day', langs: { nl: { definition: 'Een dag waarop klanten het product live zien.', terms: [{ text: 'demodag', status: 'preferred', gender: 'de' }] } } },
    { id: 'lead', langs: { nl: { terms: [{ text: 'aanvraag', status: 'deprecated', replacement: 'lead', note: 'Wij schrijven lead.' }] } } },
  ],
};

function workspace(): string {
  const dir = tempDir('ws');
  fs.writeFileSync(path.join(dir, 'lingo.glossary.json'), JSON.stringify(TEAM, null, 2));
  return dir;
}

async function start(dir: string, trusted = true) {
  const c = new LspClient();
  await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }], capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, initializationOptions: { workspaceTrusted: trusted } }, 30000);
  c.notify('initialized', {});
  return c;
}

const codes = (diags: Json[]) => diags.map((d) => `${d.code}:${d.message.slice(0, 60)}`);

describe('team glossary (lingo.glossary.json) over LSP', function () {
  this.timeout(30000);

  it('sets the team preferred term, adds concepts and deprecated terms, and follows saved changes', async () => {
    const dir = workspace();
    const c = await start(dir);
    const uri = pathToFileURL(path.join(dir, 'sla.md')).toString();
    c.open(uri, SLA + 'De demodag is in mei. Elke aanvraag telt.\n');
    let diags = await c.diagnostics(uri);
    const inc = diags.find((d: Json) => d.code === 'inconsistent-term');
    assert.ok(inc && inc.message.includes('‘opportunity’') && inc.message.includes('Gebruik overal ‘kans’'), JSON.stringify(codes(diags)));
    assert.ok(diags.some((d: Json) => d.code === 'deprecated-term' && d.message.includes('Wij schrijven lead.')), JSON.stringify(codes(diags)));
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } });
    assert.match(h.contents.value, /\*\*demodag\*\*/);

    // A broken save: reported in the file itself, the last good glossary stays in force.
    const file = path.join(dir, 'lingo.glossary.json');
    const fileUri = pathToFileURL(file).toString();
    fs.writeFileSync(file, JSON.stringify({ concepts: [{ id: 'opportunity', langs: { nl: { terms: [{ text: 'kans', status: 'favourite' }] } } }] }, null, 2));
    let before = c.notifications.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    const fileDiags = (await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === fileUri && p.diagnostics.length > 0, 5000, before)).diagnostics;
    assert.match(fileDiags[0].message, /opportunity · langs\.nl\.terms\[0\]\.status: must be one of "preferred", "admitted", "deprecated" \(the last valid version/);
    assert.strictEqual(fileDiags[0].range.start.line, 9);
    diags = (await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 5000, before)).diagnostics;
    assert.ok(diags.some((d: Json) => d.code === 'inconsistent-term' && d.message.includes('Gebruik overal ‘kans’')), 'the last good glossary stays');

    // Deleted: the built-in glossary takes over without error.
    fs.unlinkSync(file);
    before = c.notifications.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 3 }] });
    diags = (await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 5000, before)).diagnostics;
    assert.ok(diags.some((d: Json) => d.code === 'inconsistent-term' && d.message.includes('Gebruik overal ‘opportunity’')), JSON.stringify(codes(diags)));
    const cleared = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === fileUri && p.diagnostics.length === 0, 5000, before);
    assert.ok(cleared);
    assert.strictEqual(await c.shutdown(), 0);
  });

  it('in an untrusted workspace loads no team glossary until trust is granted', async () => {
    const dir = workspace();
    const c = await start(dir, false);
    const uri = pathToFileURL(path.join(dir, 'sla.md')).toString();
    c.open(uri, SLA);
    let diags = await c.diagnostics(uri);
    assert.ok(diags.some((d: Json) => d.message.includes('Gebruik overal ‘opportunity’')), 'built-in only');
    const before = c.notifications.length;
    c.notify('lingo/workspaceTrusted', {});
    diags = (await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 5000, before)).diagnostics;
    assert.ok(diags.some((d: Json) => d.message.includes('Gebruik overal ‘kans’')), JSON.stringify(codes(diags)));
    assert.strictEqual(await c.shutdown(), 0);
  });

  it('"Add to team glossary" writes a valid, formatted file and the term takes effect', async () => {
    const dir = tempDir('ws');
    const c = await start(dir);
    const uri = pathToFileURL(path.join(dir, 'guide.md')).toString();
    c.open(uri, 'Our Revenue Desk reviews every deal within two days and the team must follow it.\n');
    await c.diagnostics(uri);
    const range = { start: { line: 0, character: 4 }, end: { line: 0, character: 16 } };
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const add = actions.find((a: Json) => a.command?.command === 'lingo.addToTeamGlossary');
    assert.strictEqual(add.title, 'Add to team glossary: “Revenue Desk”');
    const before = c.notifications.length;
    await c.request('workspace/executeCommand', { command: add.command.command, arguments: add.command.arguments });
    const written = fs.readFileSync(path.join(dir, 'lingo.glossary.json'), 'utf8');
    assert.deepStrictEqual(JSON.parse(written).concepts, [{ id: 'revenue-desk', name: 'Revenue Desk', langs: { en: { terms: [{ text: 'Revenue Desk', status: 'preferred' }] } } }]);
    assert.strictEqual(written, JSON.stringify(JSON.parse(written), null, 2) + '\n');
    await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 5000, before);
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
    assert.match(h.contents.value, /\*\*Revenue Desk\*\*/);
    assert.strictEqual(await c.shutdown(), 0);
  });

  it('tells the client when the glossary changes (lingo/glossaryChanged), and lingo/glossary has the new concept', async () => {
    const dir = tempDir('ws');
    const c = await start(dir);
    const ids = async () => ((await c.request('lingo/glossary', { lang: 'nl' })).concepts as { id: string }[]).map((x) => x.id);
    assert.ok(!(await ids()).includes('demo-day'));
    const file = path.join(dir, 'lingo.glossary.json');
    fs.writeFileSync(file, JSON.stringify(TEAM, null, 2));
    const before = c.notifications.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 1 }] });
    await c.waitFor('lingo/glossaryChanged', () => true, 5000, before);
    assert.ok((await ids()).includes('demo-day'));
    assert.strictEqual(await c.shutdown(), 0);
  });

  it('a YAML team glossary works the same way', async () => {
    const dir = tempDir('ws');
    fs.writeFileSync(path.join(dir, 'lingo.glossary.yaml'), '# our words\nconcepts:\n  - id: opportunity\n    langs:\n      nl:\n        terms:\n          - text: kans\n            status: preferred\n');
    const c = await start(dir);
    const uri = pathToFileURL(path.join(dir, 'sla.md')).toString();
    c.open(uri, SLA);
    const diags = await c.diagnostics(uri);
    assert.ok(diags.some((d: Json) => d.message.includes('Gebruik overal ‘kans’')), JSON.stringify(codes(diags)));
    assert.strictEqual(await c.shutdown(), 0);
  });
});

describe('consistency across files (lingo.consistencyScope)', function () {
  this.timeout(30000);
  it('reports a name that another file of the folder gives better, with the other file as related information', async () => {
    const dir = tempDir('ws');
    fs.writeFileSync(path.join(dir, 'a.md'), 'Elke kans krijgt binnen twee dagen een eigenaar van het team.\n');
    fs.writeFileSync(path.join(dir, 'b.md'), 'Elke opportunity wordt binnen een week beoordeeld door de manager.\n');
    const c = await start(dir);
    c.configuration = { consistencyScope: 'folder' };
    const a = pathToFileURL(path.join(dir, 'a.md')).toString();
    const b = pathToFileURL(path.join(dir, 'b.md')).toString();
    c.open(a, fs.readFileSync(path.join(dir, 'a.md'), 'utf8'));
    const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === a && x.diagnostics.some((d: Json) => d.code === 'inconsistent-across-files'), 10000);
    const d = p.diagnostics.find((x: Json) => x.code === 'inconsistent-across-files');
    assert.strictEqual(d.message, 'In b.md heet dit ‘opportunity’, hier ‘kans’. Gebruik overal ‘opportunity’.');
    assert.strictEqual(d.relatedInformation[0].location.uri, b);
    assert.deepStrictEqual(d.relatedInformation[0].location.range.start, { line: 0, character: 5 });
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: a }, range: d.range, context: { diagnostics: [d] } });
    assert.strictEqual(actions[0].title, 'Vervangen door ‘opportunity’');
    // Back to one document at a time: the finding goes away.
    c.configuration = {};
    const before = c.notifications.length;
    c.notify('workspace/didChangeConfiguration', { settings: { lingo: {} } });
    const cleared = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === a && !x.diagnostics.some((dd: Json) => dd.code === 'inconsistent-across-files'), 10000, before);
    assert.ok(cleared);
    assert.strictEqual(await c.shutdown(), 0);
  });
});
