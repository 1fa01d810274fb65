/**
 * Neovim's built-in LSP client (no plugins, `nvim -u NONE`) against the real server: test/nvim/lingo.lua
 * starts `node dist/server.js --stdio` with vim.lsp.start_client, opens a fixture, and writes the
 * diagnostics, a hover and a completion to a JSON file that these tests read. Needs `npm run build`.
 * Skips only when nvim is not installed.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, tempDir } from '../helpers';

const WORKSPACE = path.join(ROOT, 'test', 'e2e', 'workspace');
const SCRIPT = path.join(ROOT, 'test', 'nvim', 'lingo.lua');

interface Position { line: number; character: number }
interface NvimResult {
  diagnostics: { code: string; severity: number; message: string; range: { start: Position; end: Position } }[];
  hover: { contents: { kind: string; value: string } } | null;
  completion: string[] | null;
  /** The quickfix list vim.lsp.buf.references() filled. */
  references: { file: string; lnum: number; col: number; text: string }[] | null;
  /** After vim.lsp.buf.rename() and :wall, each loaded buffer's text by file name. */
  renamed: Record<string, string> | null;
  /** What Neovim showed (vim.notify). */
  messages: { message: string; level: number }[];
  errors: string[];
}

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** Runs the Lua client on `file` (relative to the e2e workspace, or absolute) and returns what it wrote. */
function runNvim(file: string, opts: { hover?: string; complete?: string; references?: string; rename?: string }): NvimResult {
  const dir = tempDir('nvim');
  const out = path.join(dir, 'result.json');
  try {
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        LINGO_NODE: process.execPath,
        LINGO_SERVER: path.join(ROOT, 'dist', 'server.js'),
        LINGO_FILE: path.isAbsolute(file) ? file : path.join(WORKSPACE, file),
        LINGO_OUT: out,
        ...(opts.hover ? { LINGO_HOVER: opts.hover } : {}),
        ...(opts.complete ? { LINGO_COMPLETE: opts.complete } : {}),
        ...(opts.references ? { LINGO_REFERENCES: opts.references } : {}),
        ...(opts.rename ? { LINGO_RENAME: opts.rename } : {}),
        XDG_STATE_HOME: dir,
        XDG_DATA_HOME: dir,
        XDG_CACHE_HOME: dir, // the server's kept glossary builds go there
      },
    });
    assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${r.status}, signal ${r.signal}): ${r.stderr}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    assert.strictEqual(r.status, 0, `nvim exited with ${r.status}: ${result.errors.join('; ')} ${r.stderr}`);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The document text a diagnostic's range covers. */
function textAt(file: string, range: { start: Position; end: Position }): string {
  const lines = fs.readFileSync(path.join(WORKSPACE, file), 'utf8').split('\n');
  assert.strictEqual(range.start.line, range.end.line);
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

describe('Neovim built-in LSP client (headless)', function () {
  this.timeout(90_000);
  let version: string | undefined;

  before(function () {
    version = nvimVersion();
    if (!version) {
      console.log('    nvim is not installed (apt-get install neovim): skipping the Neovim tests');
      this.skip();
    }
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'server.js')), 'dist/server.js is missing: run `npm run build` first');
  });

  it('Dutch SLA: diagnostics, the hover of a bare acronym and completion of a partly typed term', () => {
    const file = 'partner.sla.md';
    // Line 7 "Elke MQL wordt …": hover on MQL. Line 12 "Een kans die …": complete after "Een ka".
    const r = runNvim(file, { hover: '7:7', complete: '12:7' });
    assert.deepStrictEqual(r.errors, []);

    const found = r.diagnostics.map((d) => [d.code, textAt(file, d.range)]);
    assert.deepStrictEqual(found, [
      ['acronym-undefined', 'MQL'],
      ['acronym-undefined', 'CRM'],
      ['inconsistent-term', 'kans'],
    ]);
    const inconsistent = r.diagnostics.find((d) => d.code === 'inconsistent-term')!;
    assert.strictEqual(inconsistent.severity, 2); // Warning
    assert.match(inconsistent.message, /‘kans’.*‘opportunity’/);

    assert.ok(r.hover, 'no hover on MQL');
    assert.strictEqual(r.hover.contents.kind, 'markdown');
    assert.match(r.hover.contents.value, /^\*\*marketing qualified lead\*\* \(MQL\)/);
    assert.match(r.hover.contents.value, /marketing klaar acht om aan sales over te dragen/);

    assert.ok(r.completion, 'no completion list');
    assert.ok(r.completion.includes('kans'), `completion after "ka" lacks "kans": ${r.completion.slice(0, 10).join(', ')}`);
  });

  it('Chinese guide: hover on a Han term without spaces', () => {
    const file = 'customer-success.zh.md';
    const line = fs.readFileSync(path.join(WORKSPACE, file), 'utf8').split('\n')[4];
    const col = line.indexOf('流失率');
    assert.ok(col >= 0, 'the fixture has changed: 流失率 is not on line 5');
    const r = runNvim(file, { hover: `5:${col + 2}` });
    assert.deepStrictEqual(r.errors, []);
    assert.ok(r.hover, 'no hover on 流失率');
    assert.match(r.hover.contents.value, /^\*\*[^*]*流失率[^*]*\*\*/);
  });

  describe('concepts across files and languages', () => {
    // One concept in three languages: "opportunity", "kans", "okazja"/"okazji"; a second Polish file stays on disk.
    const FILES: Record<string, string> = {
      'en.md': '# Pipeline review\n\nEvery opportunity in the pipeline gets an owner within two days.\n',
      'nl.md': '# Pipelinebespreking\n\nElke kans in de pipeline krijgt binnen twee dagen een eigenaar.\n',
      'pl.md': '# Przegląd lejka\n\nKażda okazja w lejku sprzedaży dostaje właściciela w ciągu dwóch dni.\nBez okazji w CRM nie ma prognozy na kolejny kwartał.\n',
      'pl-2.md': 'Każdą okazję w CRM zamykamy przed końcem kwartału.\nO każdej okazji rozmawiamy z klientem w piątek.\n',
    };
    let dir = '';
    beforeEach(() => {
      dir = tempDir('nvim-ws');
      for (const [f, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, f), text);
    });
    const disk = () => Object.fromEntries(Object.keys(FILES).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

    it('vim.lsp.buf.references() on "kans" fills the quickfix list with the concept in every file', () => {
      const r = runNvim(path.join(dir, 'nl.md'), { references: '3:7' });
      assert.deepStrictEqual(r.errors, []);
      // Quickfix columns count bytes (UTF-8): "Każda " is 7 bytes, so "okazja" is at column 8.
      assert.deepStrictEqual(r.references!.map((q) => `${q.file}:${q.lnum}:${q.col}`).sort(), [
        'en.md:3:7', 'nl.md:3:6', 'pl-2.md:1:9', 'pl-2.md:2:11', 'pl.md:3:8', 'pl.md:4:5',
      ]);
      assert.strictEqual(r.references!.find((q) => q.file === 'en.md')!.text, 'Every opportunity in the pipeline gets an owner within two days.');
    });

    it('vim.lsp.buf.rename() renames the Polish files, the one on disk too; English and Dutch stay', () => {
      const r = runNvim(path.join(dir, 'pl.md'), { rename: '3:9:szansa sprzedażowa' });
      assert.deepStrictEqual(r.errors, []);
      assert.deepStrictEqual(r.messages, []);
      const after = disk();
      assert.deepStrictEqual([after['en.md'], after['nl.md']], [FILES['en.md'], FILES['nl.md']]);
      assert.strictEqual(after['pl.md'].split('\n')[2], 'Każda szansa sprzedażowa w lejku sprzedaży dostaje właściciela w ciągu dwóch dni.');
      // Every "okazja" in any case became the new term (its case endings: see test/server/concepts.test.ts).
      for (const f of ['pl.md', 'pl-2.md']) {
        assert.ok(!/okaz/.test(after[f]) && (after[f].match(/szans\S* sprzedażow/g) ?? []).length === 2, `${f}: ${after[f]}`);
      }
    });

    it('a name that is not the concept\'s: Neovim shows the server\'s refusal and nothing changes', () => {
      const r = runNvim(path.join(dir, 'pl.md'), { rename: '3:9:niespodzianka' });
      assert.deepStrictEqual(r.errors, []);
      assert.strictEqual(r.messages.length, 1, JSON.stringify(r.messages));
      assert.match(r.messages[0].message, /^lingo: -32803: W słowniczku „niespodzianka” nie jest nazwą pojęcia „szansa sprzedażowa”\. /);
      assert.deepStrictEqual(disk(), FILES);
    });
  });
});
