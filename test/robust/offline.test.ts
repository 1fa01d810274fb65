/** The server and the CLI work with the network blocked at the socket layer (see noNetwork.cjs). */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from '../helpers';
import { RawClient } from './rawClient';
import { LspClient } from '../server/lspClient';

const PRELOAD = path.join(ROOT, 'test', 'robust', 'noNetwork.cjs');
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim() };
const FIXTURE = path.join(ROOT, 'test', 'robust', 'fixtures', 'offline.md');

describe('offline (network blocked)', function () {
  this.timeout(30000);

  it('the preload really blocks the network', () => {
    const r = spawnSync(process.execPath, ['-e', "require('net').connect(80, '127.0.0.1')"], { env, encoding: 'utf8' });
    assert.notStrictEqual(r.status, 0);
    assert.match(r.stderr, /network access blocked/);
  });

  it('the server answers hover and publishes diagnostics over stdio', async () => {
    const c = new RawClient(['--stdio'], env);
    try {
      await c.initialize();
      c.open('file:///offline/a.md', 'Every MQL is reviewed within two days by the sales team.');
      const h = await c.call('textDocument/hover', { textDocument: { uri: 'file:///offline/a.md' }, position: { line: 0, character: 7 } });
      assert.match(h.contents.value, /marketing qualified lead/i);
      for (let i = 0; i < 50 && !c.diagnostics.has('file:///offline/a.md'); i++) await new Promise((r) => setTimeout(r, 100));
      assert.deepStrictEqual(c.diagnostics.get('file:///offline/a.md')?.diagnostics.map((d: { code: string }) => d.code), ['acronym-undefined']);
      assert.deepStrictEqual([...c.loggedErrors].filter((e) => /network access blocked/.test(e)), []);
    } finally {
      assert.strictEqual(await c.shutdown(), 0, c.stderr);
    }
  });

  it('the server builds a termbase (lingo.glossaries) in its worker thread', async () => {
    const c = new LspClient(['--stdio'], env);
    try {
      const termbase = path.join(ROOT, 'test', 'fixtures', 'termbases', 'acme-v2.tbx');
      await c.initialize({ window: { workDoneProgress: true } }, { settings: { glossaries: [termbase] } });
      c.open('file:///offline/b.md', 'Send the press kit today.');
      await c.waitFor('lingo/glossaryChanged', () => true, 60000);
      const h = await c.request('textDocument/hover', { textDocument: { uri: 'file:///offline/b.md' }, position: { line: 0, character: 11 } });
      assert.match(h.contents.value, /ready-made material about the company for journalists/);
      const log = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message).join('\n');
      assert.match(log, /in a worker thread/);
      assert.doesNotMatch(log + c.stderr, /network access blocked/);
    } finally {
      assert.strictEqual(await c.shutdown(), 0, c.stderr);
    }
  });

  it('lingo check runs on a fixture', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', FIXTURE, '--format', 'json'], { env, encoding: 'utf8', cwd: ROOT });
    assert.doesNotMatch(r.stderr, /network access blocked/);
    const results = JSON.parse(r.stdout);
    assert.deepStrictEqual(results.map((x: { rule: string; line: number; column: number }) => [x.rule, x.line, x.column]), [['acronym-undefined', 1, 7]], r.stderr);
  });
});
