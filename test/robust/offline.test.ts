/** The server and the CLI work with the network blocked at the socket layer (see noNetwork.cjs). */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from '../helpers';
import { RawClient } from './rawClient';

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

  it('lingo check runs on a fixture', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', FIXTURE, '--format', 'json'], { env, encoding: 'utf8', cwd: ROOT });
    assert.doesNotMatch(r.stderr, /network access blocked/);
    const results = JSON.parse(r.stdout);
    assert.deepStrictEqual(results.map((x: { rule: string; line: number; column: number }) => [x.rule, x.line, x.column]), [['acronym-undefined', 1, 7]], r.stderr);
  });
});
