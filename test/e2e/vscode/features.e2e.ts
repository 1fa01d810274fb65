/**
 * The extension in a real VS Code extension host, through the vscode API (the same providers the
 * editor calls). Run by @vscode/test-cli (`npm run test:e2e:vscode`, downloads VS Code) or inside
 * code-server's extension host (`npm run test:e2e`, see test/e2e/run.mjs and ./index.ts).
 * The workspace is a copy of test/e2e/workspace. Files end in .e2e.ts so the plain mocha run
 * (out/test/**\/*.test.js) does not load them: they need the `vscode` module.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface Section { definition: string; terms: { text: string }[]; acronyms?: { text: string; expansion?: string }[] }
const concepts: { id: string; langs: Record<string, Section> }[] = fs
  .readdirSync(path.join(ROOT, 'glossary', 'concepts'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'glossary', 'concepts', f), 'utf8')).concepts);

/** The glossary section in `lang` of the one concept with the term or acronym `text` in that language. */
function sectionOf(lang: string, text: string): Section {
  const hits = concepts.filter((c) => c.langs[lang]?.terms.some((t) => t.text === text) || c.langs[lang]?.acronyms?.some((a) => a.text === text));
  assert.strictEqual(hits.length, 1, `one concept with the ${lang} term "${text}"`);
  return hits[0].langs[lang];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

async function until<T>(what: string, f: () => Promise<T | undefined> | T | undefined, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the test/e2e/workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The position of the n-th `word` inside the first occurrence of `context`. */
function at(doc: vscode.TextDocument, context: string, word: string, inside = 1): vscode.Position {
  const text = doc.getText();
  const c = text.indexOf(context);
  assert.ok(c >= 0, `"${context}" is not in ${doc.uri.path}`);
  const w = text.indexOf(word, c);
  assert.ok(w >= 0 && w < c + context.length, `"${word}" is not in "${context}"`);
  return doc.positionAt(w + inside);
}

const markdown = (h: vscode.Hover) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');

/** The hover text at a position; waits for the language server (it starts with the first document). */
async function hoverAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  return until('a hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hovers.map(markdown).join('\n');
    return text.includes('**') ? text : undefined;
  });
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('Lingo in a VS Code extension host', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'lingo-terms');
    assert.ok(ext, 'the Lingo extension is not loaded');
    await ext.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('*.playbook.md and *.sla.md open as "Sales playbook / SLA" (lingo-playbook)', async () => {
    assert.strictEqual((await open('outbound.playbook.md')).languageId, 'lingo-playbook');
    assert.strictEqual((await open('partner.sla.md')).languageId, 'lingo-playbook');
    assert.strictEqual((await open('kwalifikacja.md')).languageId, 'markdown');
  });

  it('hover on an English term shows its definition', async () => {
    const doc = await open('outbound.playbook.md');
    const text = await hoverAt(doc, at(doc, 'Review the sales pipeline', 'pipeline'));
    assert.match(text, /\*\*sales pipeline\*\*/);
    assert.ok(norm(text).includes(norm(sectionOf('en', 'sales pipeline').definition)), text);
  });

  it('hover on a bare acronym shows its expansion', async () => {
    const doc = await open('outbound.playbook.md');
    const text = await hoverAt(doc, at(doc, 'becomes an SQL', 'SQL'));
    const expansion = sectionOf('en', 'SQL').acronyms!.find((a) => a.text === 'SQL')!.expansion!;
    assert.ok(text.toLowerCase().includes(`${expansion.toLowerCase()}** (sql)`), text);
  });

  it('hover in Polish (inflected), Swedish (inflected) and Chinese documents', async () => {
    for (const [file, lang, context, word, term] of [
      ['kwalifikacja.md', 'pl', "do pipeline'u", "pipeline'u", 'pipeline'],
      ['uppfoljning.md', 'sv', 'uppdaterar affärsmöjligheten', 'affärsmöjligheten', 'affärsmöjlighet'],
      ['customer-success.zh.md', 'zh-Hant', '檢視流失率', '流失率', '流失率'],
    ]) {
      const doc = await open(file);
      const text = await hoverAt(doc, at(doc, context, word));
      assert.ok(norm(text).includes(norm(sectionOf(lang, term).definition)), `${file}: ${text}`);
    }
  });

  it('the Dutch SLA gets the consistency warning on "kans", with a quick fix that changes exactly that word', async () => {
    const doc = await open('partner.sla.md');
    const before = doc.getText();
    const diags = await until('the diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.some((x) => codeOf(x) === 'inconsistent-term') ? d : undefined;
    });
    const inconsistent = diags.filter((d) => codeOf(d) === 'inconsistent-term');
    assert.strictEqual(inconsistent.length, 1);
    assert.strictEqual(inconsistent[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(doc.getText(inconsistent[0].range), 'kans');
    assert.match(inconsistent[0].message, /‘kans’.*‘opportunity’/);
    assert.deepStrictEqual(diags.filter((d) => codeOf(d) === 'acronym-undefined').map((d) => doc.getText(d.range)), ['MQL', 'CRM']);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, inconsistent[0].range);
    const fix = actions.find((a) => a.title === 'Vervangen door ‘opportunity’');
    assert.ok(fix?.edit, `no fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const start = doc.offsetAt(inconsistent[0].range.start);
    assert.strictEqual(doc.getText(), before.slice(0, start) + 'opportunity' + before.slice(start + 'kans'.length));
    await until('the warning to go', () => !vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'inconsistent-term') || undefined);
  });

  it('completion offers the term being typed, replacing the words already typed', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'lingo-playbook', content: '- Hand every marketing qual' });
    await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(0).range.end;
    const list = await until('completions', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
      return l.items.length ? l : undefined;
    });
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'marketing qualified lead');
    assert.ok(item, `no "marketing qualified lead" among ${list.items.slice(0, 8).map((i) => JSON.stringify(i.label)).join(', ')}`);
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    assert.strictEqual(doc.getText(range), 'marketing qual');
  });

  it('inlay hints spell out bare acronyms', async () => {
    const doc = await open('outbound.playbook.md');
    const hints = await until('inlay hints', async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
      return h.length ? h : undefined;
    });
    const labels = hints.map((h) => [doc.getText(new vscode.Range(h.position.translate(0, -3), h.position)), typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')]);
    assert.deepStrictEqual(labels, [['CRM', '(Customer Relationship Management)'], ['SQL', '(Sales Qualified Lead)']]);
  });
});
