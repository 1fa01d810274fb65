/**
 * Company termbases (lingo.glossaries) over LSP: merged in order over the built-in glossary with the team glossary
 * last, built in a worker thread with progress while hovers are answered from the glossary in force, watched and
 * reloaded, a broken file reported once with its last good version kept.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, type Json } from './lspClient';
import { generateGlossary } from '../bench/genGlossary';
import { glossarySettings } from '../../server/src/glossaryHost';
import { tempDir } from '../tempDirs';

const concept = (id: string, term: string, definition: string, status = 'preferred') =>
  ({ id, name: term, langs: { en: { definition, terms: [{ text: term, status }] } } });

const TERMS_A = { concepts: [concept('bid-board', 'bid board', 'Where the team lists every open tender.'), concept('tiger-team', 'tiger team', 'A small team put together for one deal.')] };
const TERMS_B_YAML = 'concepts:\n  - id: tiger-team\n    name: tiger team\n    langs:\n      en:\n        definition: Three people who win one deal.\n        terms:\n          - text: tiger team\n            status: preferred\n';
const TEAM = { concepts: [concept('bid-board', 'bid board', 'Our own board of tenders.')] };

const DOC = 'The bid board lists it.\nThe tiger team wins it.\nEvery lead counts.\n';

function workspace(files: Record<string, string | object>): string {
  const dir = tempDir('tb');
  for (const [name, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  }
  return dir;
}

const CAPABILITIES = { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } }, window: { workDoneProgress: true } };

async function start(dir: string, glossaries: string[], opts: { trusted?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const c = new LspClient(['--stdio'], { ...process.env, ...opts.env });
  c.configuration = { glossaries };
  const uri = pathToFileURL(dir).toString();
  await c.request('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'w' }], capabilities: CAPABILITIES, initializationOptions: { workspaceTrusted: opts.trusted ?? true } }, 30000);
  c.notify('initialized', {});
  return c;
}

const hoverText = async (c: LspClient, uri: string, line: number, character: number): Promise<string> =>
  (await c.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }))?.contents.value ?? '';

/** The next lingo/glossaryChanged from notification number `after` on. */
const changed = (c: LspClient, after: number, timeoutMs = 30000) => c.waitFor('lingo/glossaryChanged', () => true, timeoutMs, after);

describe('company termbases (lingo.glossaries) over LSP', function () {
  this.timeout(120000);
  let c: LspClient | undefined;
  afterEach(() => c?.kill());

  it('merges the termbases in order over the built-in glossary, the team glossary last', async () => {
    const dir = workspace({ 'terms/a.json': TERMS_A, 'terms/b.yaml': TERMS_B_YAML, 'lingo.glossary.json': TEAM, 'doc.md': DOC });
    c = await start(dir, ['terms/a.json', path.join(dir, 'terms', 'b.yaml')]);
    const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
    const before = c.notifications.length;
    c.open(uri, DOC);
    await changed(c, before);
    // bid-board: the team glossary's (last); tiger-team: b.yaml's (after a.json); lead: still the built-in glossary's.
    assert.match(await hoverText(c, uri, 0, 6), /Our own board of tenders\./);
    assert.match(await hoverText(c, uri, 1, 6), /Three people who win one deal\./);
    assert.match(await hoverText(c, uri, 2, 7), /\*\*lead\*\*/);
    // Both termbases are watched, each relative to its folder.
    const reg = c.serverRequests.find((r) => r.method === 'client/registerCapability' && r.params.registrations.some((g: Json) => g.registerOptions?.watchers?.some((w: Json) => w.globPattern?.pattern === 'a.json')));
    assert.ok(reg, JSON.stringify(c.serverRequests.map((r) => r.method)));
    const watchers = reg.params.registrations[0].registerOptions.watchers.map((w: Json) => `${w.globPattern.baseUri.replace(pathToFileURL(dir).toString(), '')}|${w.globPattern.pattern}`);
    assert.deepStrictEqual(watchers, ['/terms|a.json', '/terms|b.yaml']);
  });

  it('reads a TBX and a CSV export of a termbase tool: hover shows their terms', async () => {
    const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'termbases');
    const dir = workspace({ 'doc.md': 'Send the press kit with the boilerplate.\n' });
    for (const f of ['acme-v2.tbx', 'team-columns.csv']) fs.copyFileSync(path.join(fixtures, f), path.join(dir, f));
    c = await start(dir, ['acme-v2.tbx', 'team-columns.csv']);
    const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
    const before = c.notifications.length;
    c.open(uri, 'Send the press kit with the boilerplate.\n');
    await changed(c, before);
    const kit = await hoverText(c, uri, 0, 10);
    assert.match(kit, /\*\*press kit\*\*/);
    assert.match(kit, /A set of ready-made material about the company for journalists/);
    assert.match(kit, /press pack/);
    assert.match(await hoverText(c, uri, 0, 30), /The fixed paragraph about the company at the end of every press release\./);
  });

  it('builds in a worker with progress, answering hovers from the glossary in force meanwhile', async () => {
    const big = generateGlossary(6000)[0].data as { concepts: Json[] };
    big.concepts.push(concept('bid-board', 'bid board', 'Where the team lists every open tender.'));
    const dir = workspace({ 'big.json': big, 'doc.md': DOC });
    c = await start(dir, ['big.json']);
    const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
    c.open(uri, DOC);
    const begin = await c.waitFor('$/progress', (p) => p.value?.kind === 'begin' && /termbase/.test(p.value.title), 30000);
    assert.strictEqual(begin.value.title, 'Lingo: loading the termbase big.json');
    // While the worker builds: the built-in glossary answers ("lead" is a term, "bid board" not yet).
    const during = c.notifications.length;
    assert.match(await hoverText(c, uri, 2, 7), /\*\*lead\*\*/);
    assert.strictEqual(await hoverText(c, uri, 0, 6), '');
    assert.ok(!c.notifications.slice(during).some((n) => n.method === 'lingo/glossaryChanged'), 'answered before the build was done');
    await changed(c, during, 60000);
    const end = c.notifications.findIndex((n) => n.method === '$/progress' && n.params.token === begin.token && n.params.value.kind === 'end');
    assert.ok(end >= 0, 'the progress ended');
    assert.match(await hoverText(c, uri, 0, 6), /Where the team lists every open tender\./);
    assert.strictEqual(await c.shutdown(), 0);
    c = undefined;
  });

  it('a newer setting supersedes a build under way: its worker ends, only the newer glossary comes into force', async () => {
    const big = generateGlossary(6000)[0].data as { concepts: Json[] };
    big.concepts.push(concept('tiger-team', 'tiger team', 'From the big termbase.'));
    const dir = workspace({ 'big.json': big, 'acme.json': TERMS_A, 'doc.md': DOC });
    c = await start(dir, ['big.json']);
    const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
    c.open(uri, DOC);
    const first = await c.waitFor('$/progress', (p) => p.value?.kind === 'begin' && p.value.title === 'Lingo: loading the termbase big.json', 30000);
    const before = c.notifications.length;
    c.configuration = { glossaries: ['acme.json'] };
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await changed(c, before, 60000);
    const ended = c.notifications.findIndex((n) => n.method === '$/progress' && n.params.token === first.token && n.params.value.kind === 'end');
    assert.ok(ended >= 0, 'the superseded build\'s progress ended');
    assert.match(await hoverText(c, uri, 1, 6), /A small team put together for one deal\./);
    // The superseded build never comes into force: one change only, however long we wait for the old worker.
    await new Promise((resolve) => setTimeout(resolve, 10000));
    assert.strictEqual(c.notifications.slice(before).filter((n) => n.method === 'lingo/glossaryChanged').length, 1);
    assert.match(await hoverText(c, uri, 1, 6), /A small team put together for one deal\./);
  });

  it('a broken termbase: a message naming it, the server alive, its last good version in force; reloaded when it changes', async () => {
    const dir = workspace({ 'acme.json': TERMS_A, 'doc.md': DOC });
    const file = path.join(dir, 'acme.json');
    const fileUri = pathToFileURL(file).toString();
    c = await start(dir, ['acme.json']);
    const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
    let before = c.notifications.length;
    c.open(uri, DOC);
    await changed(c, before);
    assert.match(await hoverText(c, uri, 0, 6), /Where the team lists every open tender\./);

    // Not JSON any more: said once, the last good version stays.
    fs.writeFileSync(file, '{ "concepts": [ { "id": "bid-board", ');
    before = c.notifications.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    const message = await c.waitFor('window/showMessage', () => true, 30000, before);
    assert.strictEqual(message.type, 1);
    assert.strictEqual(message.message, 'Lingo could not read the termbase “acme.json”; the last version it could read stays in use. The “Lingo” output panel says why.');
    await changed(c, before);
    assert.match(await hoverText(c, uri, 0, 6), /Where the team lists every open tender\./);
    assert.match(await hoverText(c, uri, 1, 6), /A small team put together for one deal\./);

    // One bad entry: left out, the rest in use, the count said.
    fs.writeFileSync(file, JSON.stringify({ concepts: [concept('bid-board', 'bid board', 'The board of every tender we bid for.'), concept('tiger-team', 'tiger team', 'x', 'favourite')] }));
    before = c.notifications.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    const warning = await c.waitFor('window/showMessage', () => true, 30000, before);
    assert.strictEqual(warning.type, 2);
    assert.strictEqual(warning.message, 'The termbase “acme.json” has problems (1): the entries concerned are left out, the rest is in use. The “Lingo” output panel lists each one.');
    await changed(c, before);
    assert.match(await hoverText(c, uri, 0, 6), /The board of every tender we bid for\./);
    assert.strictEqual(await hoverText(c, uri, 1, 6), '');
    assert.match(c.stderr + JSON.stringify(c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message)), /acme\.json:1:\d+ error: .*must be one of/);
    assert.strictEqual(await c.shutdown(), 0);
    c = undefined;
  });

  it('in an untrusted workspace reads no termbase until trust is granted', async () => {
    const dir = workspace({ 'acme.json': TERMS_A, 'doc.md': DOC });
    c = await start(dir, ['acme.json'], { trusted: false });
    const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
    c.open(uri, DOC);
    await c.diagnostics(uri);
    assert.strictEqual(await hoverText(c, uri, 0, 6), '');
    const before = c.notifications.length;
    c.notify('lingo/workspaceTrusted', {});
    await changed(c, before);
    assert.match(await hoverText(c, uri, 0, 6), /Where the team lists every open tender\./);
  });

  it('a termbase that repeats built-in terms under its own ids: its concepts are found, and the log sums it up in one line', async () => {
    // 40 concepts that name built-in terms again (what an export of a company termbase often does).
    const texts = ['lead', 'opportunity', 'sales pipeline', 'churn', 'upsell', 'cross-sell', 'win rate', 'quota', 'prospect', 'deal'];
    const copies = { concepts: Array.from({ length: 40 }, (_, i) => concept(`acme-${i}`, i < texts.length ? texts[i] : `acme term ${i}`, `Acme's definition ${i}.`)) };
    const dir = workspace({ 'acme.json': copies, 'doc.md': DOC });
    c = await start(dir, ['acme.json']);
    const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
    const before = c.notifications.length;
    c.open(uri, DOC);
    await changed(c, before);
    assert.match(await hoverText(c, uri, 2, 7), /Acme's definition 0\./);
    const logs = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String(n.params.message));
    const summary = logs.filter((l) => /take over a text/.test(l));
    assert.strictEqual(summary.length, 1, logs.join('\n'));
    assert.match(summary[0], /^Lingo: Terms of a later glossary that take over a text an earlier one also uses \(the later one is found\): \d+, e\.g\. acme-0: "lead" is also a term of lead in an earlier glossary; .*; and \d+ more$/);
    assert.ok(!logs.some((l) => /also names|is also a term of/.test(l) && l !== summary[0]), logs.join('\n'));
  });

  it('a second start loads the kept build without a worker', async () => {
    const cache = tempDir('cache');
    const dir = workspace({ 'acme.json': TERMS_A, 'doc.md': DOC });
    const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
    for (const run of ['first', 'second']) {
      c = await start(dir, ['acme.json'], { env: { LINGO_CACHE_DIR: cache } });
      const before = c.notifications.length;
      c.open(uri, DOC);
      await changed(c, before);
      assert.match(await hoverText(c, uri, 0, 6), /Where the team lists every open tender\./);
      const log = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message).join('\n');
      if (run === 'first') assert.match(log, /in a worker thread/);
      else assert.match(log, /\(cached: .*glossary-[0-9a-f]{40}\.bin\)/);
      assert.strictEqual(await c.shutdown(), 0);
    }
    c = undefined;
  });
});

describe('the server\'s temporary folder (the termbases\' last good copies, without a cache folder)', function () {
  this.timeout(60000);
  const exited = (c: LspClient) => new Promise<void>((resolve) => {
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) resolve();
    else c.proc.once('exit', () => resolve());
  });
  const signal = (name: NodeJS.Signals) => (c: LspClient) => { c.proc.kill(name); return exited(c); };
  // How the server ends; how it ended (exit code, signal): a signal still ends it as the signal would.
  const endings: [string, (c: LspClient) => Promise<unknown>, { code: number | null; signal: string | null }][] = [
    ['shutdown, then exit', (c) => c.shutdown(), { code: 0, signal: null }],
    ['exit without shutdown', (c) => { c.notify('exit', null); return exited(c); }, { code: 1, signal: null }],
    ['the client gone (its input closed)', (c) => { c.proc.stdin!.end(); return exited(c); }, { code: 1, signal: null }],
    ['SIGTERM', signal('SIGTERM'), { code: null, signal: 'SIGTERM' }],
    ['SIGINT', signal('SIGINT'), { code: null, signal: 'SIGINT' }],
    ['SIGHUP', signal('SIGHUP'), { code: null, signal: 'SIGHUP' }],
  ];
  for (const [how, end, status] of endings) {
    it(`is removed when the server ends: ${how}`, async () => {
      const tmp = tempDir('server-tmp');
      const dir = workspace({ 'acme.json': TERMS_A, 'doc.md': DOC });
      const c = await start(dir, ['acme.json'], { env: { TMPDIR: tmp, LINGO_CACHE_DIR: 'off' } });
      try {
        const uri = pathToFileURL(path.join(dir, 'doc.md')).toString();
        const before = c.notifications.length;
        c.open(uri, DOC);
        await changed(c, before);
        const [made, ...others] = fs.readdirSync(tmp);
        assert.deepStrictEqual(others, []);
        assert.match(made, /^lingo-termbases-/);
        assert.strictEqual(fs.readdirSync(path.join(tmp, made)).length, 1, 'the last good copy of acme.json');
        await end(c);
        assert.deepStrictEqual({ code: c.proc.exitCode, signal: c.proc.signalCode }, status);
        assert.deepStrictEqual(fs.readdirSync(tmp), []);
      } finally {
        await c.kill();
      }
    });
  }
});

describe('lingo.glossaries: the paths', () => {
  it('resolves each folder\'s relative paths from it, ~ as the home folder, each path once, in order', () => {
    const home = os.homedir();
    const got = glossarySettings([
      { settings: { glossaries: ['terms/a.tbx', '~/company.csv', '', 42], builtinGlossary: false }, folder: '/w/one' },
      { settings: { glossaries: ['/abs/b.json', '../one/terms/a.tbx'] }, folder: '/w/two' },
      { settings: null, folder: '/w/three' },
    ]);
    assert.deepStrictEqual(got, { useBuiltin: false, termbases: ['/w/one/terms/a.tbx', path.join(home, 'company.csv'), '/abs/b.json'] });
    assert.deepStrictEqual(glossarySettings([]), { useBuiltin: true, termbases: [] });
  });
});
