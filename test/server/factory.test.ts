/**
 * startServer is a factory: two servers in this one process, each on its own connection over in-memory streams
 * (real LSP messages, framed as on stdio), each with its own documents and settings; one disposed leaves the other
 * answering.
 */
import * as assert from 'assert';
import * as path from 'path';
import { PassThrough } from 'stream';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { LARGE_GLOSSARY } from '../../server/src/memoryFlags';
import { startServer, type LingoServer } from '../../server/src/startServer';
import { ROOT } from '../helpers';
import { LspStreamClient, type Json } from './lspClient';

const URI = 'file:///w/plan.md';

/** A server in this process (the glossary from dist/, as dist/server.js has it) and a client speaking to it. */
function inProcess(configuration: Json, onGlossary?: (concepts: number) => void): { server: LingoServer; client: LspStreamClient } {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const server = startServer(
    (options) => createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(fromServer), options),
    { baseDir: path.join(ROOT, 'dist'), onGlossary },
  );
  const client = new LspStreamClient(fromServer, toServer);
  client.configuration = configuration;
  return { server, client };
}

/** Each server: its settings (workspace/configuration), the text it has open at the same URI, and what it answers. */
const SERVERS = [
  {
    name: 'A',
    settings: { rules: { 'acronym-undefined': 'error' } },
    text: 'Every MQL goes to sales.\n',
    hoverAt: { line: 0, character: 7 },
    hover: /\*\*marketing qualified lead\*\* \(MQL\)/,
    diagnostics: [['acronym-undefined', 1]],
  },
  {
    name: 'B',
    settings: { rules: { 'acronym-undefined': 'hint' } },
    text: 'Varje MQL ska följas upp inom två dagar, och varje lead får en ägare.\n',
    hoverAt: { line: 0, character: 7 },
    hover: /\*\*marknadskvalificerat lead\*\* \(MQL\)/,
    diagnostics: [['acronym-undefined', 4]],
  },
];

const hover = (c: LspStreamClient, at: { line: number; character: number }, timeoutMs?: number) =>
  c.request('textDocument/hover', { textDocument: { uri: URI }, position: at }, timeoutMs);
const codes = (ds: Json[]) => ds.map((d: Json) => [d.code, d.severity]);

describe('server: startServer is a factory (two servers in one process)', function () {
  this.timeout(30000);
  const running: { server: LingoServer; client: LspStreamClient }[] = [];
  const cacheDir = process.env.LINGO_CACHE_DIR;
  before(() => { process.env.LINGO_CACHE_DIR = 'off'; }); // no glossary builds kept, as for a spawned server in the tests
  after(() => {
    for (const r of running) { r.client.end(); r.server.dispose(); }
    if (cacheDir === undefined) delete process.env.LINGO_CACHE_DIR; else process.env.LINGO_CACHE_DIR = cacheDir;
  });

  it('tells its entry the size of the glossary in force (the entry sets V8\'s memory flags by it)', async () => {
    const sizes: number[] = [];
    const r = inProcess({}, (n) => sizes.push(n));
    try {
      await r.client.initialize();
      assert.strictEqual(sizes.length, 1, `told ${JSON.stringify(sizes)}`);
      assert.ok(sizes[0] > 500 && sizes[0] < LARGE_GLOSSARY, `the built-in glossary: ${sizes[0]} concepts`);
    } finally {
      r.client.end();
      r.server.dispose();
    }
  });

  it('answers hover and diagnostics from each server, with its own documents and settings', async () => {
    for (const s of SERVERS) {
      const r = inProcess(s.settings);
      running.push(r);
      await r.client.initialize();
      r.client.open(URI, s.text);
    }
    for (const [i, s] of SERVERS.entries()) {
      const { client } = running[i];
      assert.deepStrictEqual(codes(await client.diagnostics(URI, 1)), s.diagnostics, s.name);
      const h = await hover(client, s.hoverAt);
      assert.match(h?.contents?.value ?? '', s.hover, `${s.name}: ${JSON.stringify(h)}`);
    }
    // A document opened in one server only: the other does not know it.
    const only = 'file:///w/only-a.md';
    running[0].client.open(only, 'Every MQL goes to sales.\n');
    await running[0].client.diagnostics(only);
    assert.ok(await running[0].client.request('textDocument/hover', { textDocument: { uri: only }, position: { line: 0, character: 7 } }));
    assert.strictEqual(await running[1].client.request('textDocument/hover', { textDocument: { uri: only }, position: { line: 0, character: 7 } }), null);
  });

  it('disposes one server without affecting the other', async () => {
    const [a, b] = running;
    a.server.dispose();
    // A answers nothing more: its connection is disposed.
    await assert.rejects(hover(a.client, SERVERS[0].hoverAt, 1000), /timed out/);
    a.client.end();
    // B still has its document and settings, answers, and checks an edit.
    assert.match((await hover(b.client, SERVERS[1].hoverAt)).contents.value, SERVERS[1].hover);
    b.client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: 'Varje SQL och MQL ska följas upp.\n' }] });
    assert.deepStrictEqual(codes(await b.client.diagnostics(URI, 2)), [['acronym-undefined', 4], ['acronym-undefined', 4]]);
  });
});
