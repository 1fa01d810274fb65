/**
 * The server over LSP with hostile files in the workspace: a team glossary that is a device, a named pipe or a
 * link out of the workspace, one replaced by a named pipe mid-session, one with a thousand problems open and
 * being typed in. The server must answer initialize and hovers, and say in the glossary file why it was not used.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, type Json } from './lspClient';
import { tempDir } from '../tempDirs';

const posix = process.platform !== 'win32';
const SLA = 'Elke opportunity krijgt binnen twee dagen een eigenaar. Een kans zonder eigenaar gaat terug naar marketing.\n';

function workspace(): string {
  return tempDir('ws');
}

/** A server limited to 500 MB of heap: reading a device whole would end it. */
async function start(dir: string): Promise<LspClient> {
  const c = new LspClient(['--stdio'], { ...process.env, NODE_OPTIONS: '--max-old-space-size=500' });
  const uri = pathToFileURL(dir).toString();
  await c.request('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'w' }], capabilities: { workspace: { configuration: true } } }, 20000);
  c.notify('initialized', {});
  return c;
}

const glossaryMessage = async (c: LspClient, file: string, after = 0) =>
  (await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === pathToFileURL(file).toString() && p.diagnostics.length > 0, 10000, after)).diagnostics[0].message as string;

describe('server: hostile team glossary files', function () {
  this.timeout(60000);
  const clients: LspClient[] = [];
  afterEach(() => Promise.all(clients.splice(0).map((c) => c.kill())));

  (posix ? it : it.skip)('initializes with a glossary linked to /dev/zero or a named pipe, and says why it is not used', async () => {
    for (const make of [
      (f: string) => fs.symlinkSync('/dev/zero', f),
      (f: string) => { spawnSync('mkfifo', [f]); },
    ]) {
      const dir = workspace();
      const file = path.join(dir, 'lingo.glossary.json');
      make(file);
      const c = await start(dir);
      clients.push(c);
      const msg = await glossaryMessage(c, file);
      assert.match(msg, /^\(file\): (is a link to \/dev\/zero, outside .*|is a named pipe, not a file); it is not loaded$/);
      // The built-in glossary is in force: documents are checked.
      const uri = pathToFileURL(path.join(dir, 'sla.md')).toString();
      c.open(uri, SLA);
      const diags = await c.diagnostics(uri);
      assert.ok(diags.some((d: Json) => d.code === 'inconsistent-term'));
      assert.strictEqual(await c.shutdown(), 0);
    }
  });

  (posix ? it : it.skip)('keeps answering when the glossary is replaced by a named pipe mid-session', async () => {
    const dir = workspace();
    const file = path.join(dir, 'lingo.glossary.json');
    fs.writeFileSync(file, JSON.stringify({ concepts: [{ id: 'opportunity', langs: { nl: { terms: [{ text: 'kans', status: 'preferred' }] } } }] }));
    const c = await start(dir);
    clients.push(c);
    const uri = pathToFileURL(path.join(dir, 'sla.md')).toString();
    c.open(uri, SLA);
    assert.ok((await c.diagnostics(uri)).some((d: Json) => d.message.includes('Gebruik overal ‘kans’')));
    fs.unlinkSync(file);
    spawnSync('mkfifo', [file]);
    const before = c.notifications.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
    assert.match(await glossaryMessage(c, file, before), /is a named pipe, not a file; it is not loaded \(the last valid version of this file stays in force\)$/);
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } }, 5000);
    assert.ok(h, 'hover answered');
    assert.strictEqual(await c.shutdown(), 0);
  });

  it('shows 1,000 problems of an open glossary while it is typed in, and still answers hovers', async () => {
    const dir = workspace();
    const file = path.join(dir, 'lingo.glossary.json');
    const concepts = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, langs: { en: { terms: [{ text: `x${i}`, status: 'bogus' }] } } }));
    const text = JSON.stringify({ concepts }, null, 2);
    fs.writeFileSync(file, text);
    const t0 = Date.now();
    const c = await start(dir);
    clients.push(c);
    const init = Date.now() - t0;
    const fileUri = pathToFileURL(file).toString();
    const at = (p: Json) => p.uri === fileUri && p.diagnostics.length === 1000;
    const first = await c.waitFor('textDocument/publishDiagnostics', at, 20000);
    assert.deepStrictEqual(first.diagnostics[999].range.start, { line: 12996, character: 14 });
    c.open(fileUri, text, 'json');
    const doc = pathToFileURL(path.join(dir, 'plan.md')).toString();
    c.open(doc, 'Every MQL goes to sales.\n');
    await c.diagnostics(doc);
    const before = c.notifications.length;
    const t1 = Date.now();
    // Each edit adds a line break after the opening brace: every problem moves down a line.
    for (let v = 2; v < 12; v++) {
      c.notify('textDocument/didChange', { textDocument: { uri: fileUri, version: v }, contentChanges: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\n' }] });
      await c.request('textDocument/hover', { textDocument: { uri: doc }, position: { line: 0, character: 7 } }, 5000);
    }
    const typing = Date.now() - t1;
    const moved = (p: Json) => at(p) && p.diagnostics[999].range.start.line === 12996 + 10;
    const after = await c.waitFor('textDocument/publishDiagnostics', moved, 10000, before);
    assert.deepStrictEqual(after.diagnostics[999].range.start, { line: 13006, character: 14 });
    console.log(`      initialize with 1,000 problems: ${init} ms; 10 edits with a hover after each: ${typing} ms`);
    assert.strictEqual(await c.shutdown(), 0);
  });
});
