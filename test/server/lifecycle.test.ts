/** The LSP lifecycle as the specification says: before initialize, a second initialize, after shutdown. */
import * as assert from 'assert';
import { LspClient } from './lspClient';

const URI = 'file:///w/plan.md';
const hover = (c: LspClient) => c.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 7 } }, 5000);
const codeOf = (p: Promise<unknown>) => p.then(() => 'answered', (e: { code?: number }) => e.code);

describe('server: the LSP lifecycle', function () {
  this.timeout(30000);
  let c: LspClient | undefined;
  afterEach(() => c?.kill());

  it('refuses requests before initialize with -32002 and drops notifications, saying so in the log', async () => {
    c = new LspClient();
    assert.strictEqual(await codeOf(hover(c)), -32002);
    assert.strictEqual(await codeOf(c.request('shutdown', null, 5000)), -32002);
    c.open(URI, 'Every MQL goes to sales.\n'); // dropped: the server knows no document before initialize
    await c.initialize();
    const log = await c.waitFor('window/logMessage', (p) => /dropped 1 notification/.test(p.message));
    assert.match(log.message, /textDocument\/didOpen \(before initialize\)/);
    assert.strictEqual(await hover(c), null);
    // Opened again, as a client does after initialize: checked as usual.
    c.open(URI, 'Every MQL goes to sales.\n');
    assert.ok((await c.diagnostics(URI)).length > 0);
    assert.strictEqual(await c.shutdown(), 0);
  });

  it('refuses a second initialize and any request after shutdown with -32600; exit still ends it', async () => {
    c = new LspClient();
    await c.initialize();
    await assert.rejects(c.request('initialize', { processId: null, rootUri: null, capabilities: {} }, 5000), (e: { code?: number; message: string }) => e.code === -32600 && /initialized already/.test(e.message));
    c.open(URI, 'Every MQL goes to sales.\n');
    await c.diagnostics(URI);
    assert.ok(await hover(c));
    assert.strictEqual(await c.request('shutdown', null), null);
    assert.strictEqual(await codeOf(hover(c)), -32600);
    assert.strictEqual(await codeOf(c.request('shutdown', null, 5000)), -32600);
    assert.strictEqual(await c.shutdown(), 0, 'exit after shutdown ends the process with 0');
  });
});
