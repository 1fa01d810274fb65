/**
 * The server loads the built-in glossary as built at build time (glossary.bin next to glossary.json) and answers
 * exactly as when it builds it from glossary.json; a glossary.bin that is damaged, stale or from another build is
 * named in the log and the server builds from glossary.json instead, losing nothing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { writeCompiledGlossary, type CompiledGlossary } from '../../server/src/node/glossaryFiles';
import { ROOT, tempDir } from '../helpers';
import { LspClient } from './lspClient';

/** Text in five languages with terms, inflections, acronyms and deprecated terms of the built-in glossary. */
const DOC = [
  'Every MQL is reviewed within two days. The sales funnel and the leads in it are reviewed weekly; a prospect is not a lead.',
  'Elke opportunity krijgt een eigenaar. Een kans zonder eigenaar gaat terug naar marketing.',
  'Varje lead ska kvalificeras. Säljtratten granskas varje vecka, och alla MQL:er följs upp.',
  'Każdy lead musi zostać oceniony. Lejek sprzedażowy jest przeglądany co tydzień.',
  '每個銷售漏斗都有負責人。潛在客戶必須在兩天內跟進。',
].join('\n\n');

/** A copy of the server bundle with the built-in glossary files, changed by `change`. */
function serverCopy(change: (dir: string) => void = () => undefined): string {
  const dir = tempDir('built');
  for (const f of ['server.js', 'glossary.json', 'glossary.bin']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(dir, f));
  change(dir);
  return dir;
}

/** Starts the server in `dir` (optionally with a workspace folder), opens DOC; its diagnostics and log (once a message matching `until` is in it). */
async function run(dir: string, folder?: string, env: NodeJS.ProcessEnv = process.env, until?: RegExp): Promise<{ diagnostics: unknown[]; log: string[] }> {
  const c = new LspClient(['--stdio'], env, path.join(dir, 'server.js'));
  try {
    const root = folder ? pathToFileURL(folder).toString() : null;
    await c.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: root ? [{ uri: root, name: 'w' }] : null, capabilities: { workspace: { configuration: true } } }, 30000);
    c.notify('initialized', {});
    c.open('file:///x/doc.md', DOC);
    const diagnostics = await c.diagnostics('file:///x/doc.md', 1);
    if (until) await c.waitFor('window/logMessage', (p) => until.test(String((p as { message: string }).message)), 30000);
    const log = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String(n.params.message));
    return { diagnostics, log };
  } finally {
    await c.kill();
  }
}

const flip = (file: string, at: (size: number) => number) => {
  const b = fs.readFileSync(file);
  b[at(b.length)] ^= 0x5a;
  fs.writeFileSync(file, b);
};

describe('server: the built-in glossary as built at build time (glossary.bin)', function () {
  this.timeout(60000);
  let fromSources: { diagnostics: unknown[]; log: string[] };
  before(async () => {
    fromSources = await run(serverCopy((dir) => fs.rmSync(path.join(dir, 'glossary.bin'))));
    assert.ok(fromSources.diagnostics.length >= 4, JSON.stringify(fromSources.diagnostics));
    assert.ok(fromSources.log.some((m) => /terms loaded in \d+ ms$/.test(m)), fromSources.log.join('\n'));
  });

  it('loads glossary.bin and answers as the glossary built from glossary.json', async () => {
    const dir = serverCopy();
    const r = await run(dir);
    assert.ok(r.log.some((m) => m.includes(`loaded in`) && m.includes(`(built: ${path.join(dir, 'glossary.bin')})`)), r.log.join('\n'));
    assert.deepStrictEqual(r.diagnostics, fromSources.diagnostics);
  });

  const cases: [string, (dir: string) => void, RegExp][] = [
    ['damaged', (dir) => flip(path.join(dir, 'glossary.bin'), (n) => n >> 1), /glossary\.bin cannot be used: it was changed or damaged after it was written/],
    ['truncated', (dir) => fs.truncateSync(path.join(dir, 'glossary.bin'), 5000), /glossary\.bin cannot be used: it is truncated/],
    ['not a compiled glossary', (dir) => fs.copyFileSync(path.join(dir, 'glossary.json'), path.join(dir, 'glossary.bin')), /glossary\.bin cannot be used: it is not a compiled Lingo glossary/],
    ['stale (glossary.json changed since)', (dir) => {
      const f = path.join(dir, 'glossary.json');
      fs.writeFileSync(f, JSON.stringify(JSON.parse(fs.readFileSync(f, 'utf8')), null, 1));
    }, /glossary\.bin is stale: it was not built from the glossary\.json next to it/],
    ['written by another build', (dir) => {
      // Written by the code of the tests (out/), whose build id is not the bundle's.
      const f = path.join(dir, 'glossary.json');
      writeCompiledGlossary(f, JSON.parse(fs.readFileSync(f, 'utf8')) as CompiledGlossary);
    }, /glossary\.bin was written by another build of Lingo \(unbundled; this is [0-9a-f]{16}\)/],
  ];
  for (const [what, change, message] of cases) {
    it(`names a glossary.bin that is ${what} in the log and builds from glossary.json, answering the same`, async () => {
      const dir = serverCopy(change);
      const r = await run(dir);
      const warning = r.log.find((m) => message.test(m));
      assert.ok(warning, r.log.join('\n'));
      assert.ok(warning.includes(path.join(dir, 'glossary.bin')) && warning.endsWith(`; building the glossary from ${path.join(dir, 'glossary.json')} instead`), warning);
      assert.ok(!r.log.some((m) => m.includes('(built:')), r.log.join('\n'));
      assert.deepStrictEqual(r.diagnostics, fromSources.diagnostics);
    });
  }

  it('builds the glossary when a team glossary is merged over the built-in one', async () => {
    const folder = tempDir('ws');
    const team = { concepts: [{ id: 'team-cadence', name: 'Cadence', langs: { en: { terms: [{ text: 'every week', status: 'preferred' }, { text: 'weekly', status: 'deprecated' }] } } }] };
    fs.writeFileSync(path.join(folder, 'lingo.glossary.json'), JSON.stringify(team));
    const r = await run(serverCopy(), folder);
    assert.ok(r.log.some((m) => /terms loaded in \d+ ms$/.test(m)), r.log.join('\n'));
    assert.ok(!r.log.some((m) => m.includes('(built:')), r.log.join('\n'));
    const added = r.diagnostics.filter((d) => !fromSources.diagnostics.some((e) => JSON.stringify(e) === JSON.stringify(d)));
    assert.deepStrictEqual(added.map((d) => (d as { code: string }).code), ['deprecated-term']); // "weekly", deprecated by the team
  });

  describe('with a team glossary: the build is kept for the next start', () => {
    const team = { concepts: [{ id: 'team-cadence', name: 'Cadence', langs: { en: { terms: [{ text: 'every week', status: 'preferred' }, { text: 'weekly', status: 'deprecated' }] } } }] };
    let folder: string;
    let server: string;
    let cache: string;
    let first: { diagnostics: unknown[]; log: string[] };
    const env = () => ({ ...process.env, LINGO_CACHE_DIR: cache });
    const KEPT = /^Lingo: the built glossary is kept in .* for the next start$/;
    const kept = () => fs.readdirSync(cache).filter((f) => f.endsWith('.bin'));
    before(async () => {
      folder = tempDir('ws');
      fs.writeFileSync(path.join(folder, 'lingo.glossary.json'), JSON.stringify(team));
      server = serverCopy();
      cache = path.join(tempDir('cache'), 'lingo');
      first = await run(server, folder, env(), KEPT);
    });

    it('builds the glossary at the first start and writes the build to the cache folder', () => {
      assert.ok(first.log.some((m) => /terms loaded in \d+ ms$/.test(m)), first.log.join('\n'));
      assert.strictEqual(kept().length, 1, kept().join(', '));
      assert.ok(first.log.includes(`Lingo: the built glossary is kept in ${path.join(cache, kept()[0])} for the next start`), first.log.join('\n'));
      if (process.platform !== 'win32') assert.strictEqual(fs.statSync(cache).mode & 0o777, 0o700);
    });

    it('loads the kept build at the next start and answers the same', async () => {
      const r = await run(server, folder, env());
      const file = path.join(cache, kept()[0]);
      assert.ok(r.log.some((m) => m.includes(`(cached: ${file})`)), r.log.join('\n'));
      assert.deepStrictEqual(r.diagnostics, first.diagnostics);
    });

    it('builds afresh when the team glossary changes, and keeps both builds', async () => {
      const changed = { concepts: [...team.concepts, { id: 'team-follow-up', name: 'Follow-up window', langs: { en: { terms: [{ text: '48 hours', status: 'preferred' }, { text: 'two days', status: 'deprecated' }] } } }] };
      fs.writeFileSync(path.join(folder, 'lingo.glossary.json'), JSON.stringify(changed));
      try {
        const r = await run(server, folder, env(), KEPT);
        assert.ok(!r.log.some((m) => m.includes('(cached:')), r.log.join('\n'));
        assert.strictEqual(kept().length, 2);
        const added = r.diagnostics.filter((d) => !first.diagnostics.some((e) => JSON.stringify(e) === JSON.stringify(d)));
        assert.ok(added.length > 0, 'the new team concept is checked');
      } finally {
        fs.writeFileSync(path.join(folder, 'lingo.glossary.json'), JSON.stringify(team));
      }
    });

    it('names a damaged kept build in the log, builds afresh answering the same, and replaces it', async () => {
      const r0 = await run(server, folder, env()); // the first build again, from the cache
      const file = r0.log.map((m) => /\(cached: (.*)\)$/.exec(m)?.[1]).find(Boolean)!;
      assert.ok(file, r0.log.join('\n'));
      flip(file, (n) => n >> 1);
      const r = await run(server, folder, env(), KEPT);
      const warning = r.log.find((m) => m.includes(file) && m.endsWith('; building the glossary afresh'));
      assert.ok(warning && /cannot be used: it was changed or damaged after it was written/.test(warning), r.log.join('\n'));
      assert.deepStrictEqual(r.diagnostics, first.diagnostics);
      const again = await run(server, folder, env());
      assert.ok(again.log.some((m) => m.includes(`(cached: ${file})`)), again.log.join('\n'));
    });

    it('neither loads nor keeps a build with LINGO_CACHE_DIR=off', async () => {
      const before = kept().length;
      // The user's cache folder holds this very build: a server that ignored "off" would load it.
      const r = await run(server, folder, { ...process.env, LINGO_CACHE_DIR: 'off', XDG_CACHE_HOME: path.dirname(cache) });
      assert.ok(r.log.some((m) => /terms loaded in \d+ ms$/.test(m)), r.log.join('\n'));
      assert.ok(!r.log.some((m) => m.includes('(cached:')), r.log.join('\n'));
      assert.strictEqual(kept().length, before);
    });
  });
});
