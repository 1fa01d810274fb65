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

/** okazje.md after the rename to "okazja sprzedażowa": every name of the concept becomes it, in its case and number. */
const POLISH_RENAMED = `# Przegląd lejka sprzedaży

W każdy poniedziałek handlowcy przeglądają w CRM wszystkie otwarte okazje sprzedażowe.
Okazja sprzedażowa bez kolejnego kroku wraca do handlowca, a jej wartość nie trafia do prognozy.
Wartość każdej okazji sprzedażowej aktualizujemy po rozmowie z klientem.
`;

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

/** What activate() exports (client/src/extension.ts, client/src/concepts.ts ConceptsApi). */
interface LingoApi {
  concepts: {
    setFilter(query: string): void;
    glossaryRows(): Promise<{ message?: string; domains: { name: string; concepts: { id: string; label: string; description: string }[] }[] }>;
    shownCard(): { id: string; title: string; html: string } | undefined;
  };
}

/** The text of the card's HTML a reader sees (tags, script and styles left out). */
const cardText = (html: string) =>
  norm(html.replace(/<(script|style|title)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))));

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('Lingo in a VS Code extension host', function () {
  this.timeout(60_000);

  let api: LingoApi;
  before(async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'lingo-terms');
    assert.ok(ext, 'the Lingo extension is not loaded');
    api = await ext.activate();
  });

  afterEach(async () => {
    // Revert every document an edit (a rename) changed, then close them all.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
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

  it('the Glossary view filtered to "churn", and the card of churn with its terms in every language', async () => {
    await open('pipeline-review.md'); // the view and the card name concepts in the language of the last document
    api.concepts.setFilter('churn');
    const { message, domains } = await until('the filtered view', async () => {
      const r = await api.concepts.glossaryRows();
      return r.domains.length ? r : undefined;
    });
    assert.match(message ?? '', /^Filter: “churn” — \d+ concepts/);
    const labels = domains.flatMap((d) => d.concepts.map((c) => c.label));
    for (const name of ['churn', 'churn rate', 'logo churn', 'revenue churn']) assert.ok(labels.includes(name), labels.join(' | '));
    assert.ok(!labels.includes('opportunity'));
    api.concepts.setFilter('');

    await vscode.commands.executeCommand('lingo.openConcept', 'churn');
    const card = await until('the card', () => api.concepts.shownCard());
    assert.strictEqual(card.title, 'churn');
    const text = cardText(card.html);
    const churn = concepts.find((c) => c.id === 'churn')!;
    for (const lang of ['en', 'sv', 'nl', 'pl', 'zh-Hant']) {
      for (const t of churn.langs[lang].terms.slice(0, 2)) assert.ok(text.includes(t.text), `${lang}: ${t.text}`);
      assert.ok(text.includes(norm(churn.langs[lang].definition)), `${lang} definition`);
    }
  });

  it('references of "opportunity" list kans, opportunity and okazja across three files', async () => {
    const doc = await open('pipeline-review.md');
    const locations = await until('references', async () => {
      const l = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at(doc, 'each open opportunity', 'opportunity'));
      return l.length >= 3 ? l : undefined;
    });
    const written = new Map<string, string[]>();
    const ordered = [...locations].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()) || a.range.start.compareTo(b.range.start));
    for (const l of ordered) {
      const d = await vscode.workspace.openTextDocument(l.uri);
      const name = path.basename(l.uri.fsPath);
      written.set(name, [...(written.get(name) ?? []), d.getText(l.range)]);
    }
    assert.deepStrictEqual(written.get('pipeline-review.md'), ['opportunity', 'opportunity']);
    assert.deepStrictEqual(written.get('kansen.md'), ['kansen', 'kans']);
    assert.deepStrictEqual(written.get('okazje.md'), ['okazje', 'Okazja', 'szansy sprzedażowej']);
  });

  it('a rename in Polish gives the concept one name in both Polish files, inflected', async () => {
    const doc = await open('okazje.md');
    const other = await vscode.workspace.openTextDocument(fileUri('kwalifikacja.md'));
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at(doc, 'otwarte okazje', 'okazje'), 'okazja sprzedażowa');
    assert.deepStrictEqual(edit.entries().map(([uri]) => path.basename(uri.fsPath)).sort(), ['kwalifikacja.md', 'okazje.md']);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(doc.getText(), POLISH_RENAMED);
    assert.ok(other.getText().includes('jako okazja sprzedażowa, a jej wartość') || other.getText().includes('jako okazja\nsprzedażowa, a jej wartość'), other.getText());
  });

  it('"Go to definition" on a built-in term opens its concept card', async () => {
    const doc = await open('pipeline-review.md');
    const defs = await until('a definition', async () => {
      const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at(doc, 'each open opportunity', 'opportunity'));
      return d.length ? d : undefined;
    });
    const target = 'uri' in defs[0] ? defs[0].uri : defs[0].targetUri;
    assert.strictEqual(target.scheme, 'lingo-concept');
    // The read-only text Ctrl+hover and Peek show: the name, then the definition.
    const text = (await vscode.workspace.openTextDocument(target)).getText();
    assert.ok(text.startsWith('opportunity\n'), text);
    assert.ok(text.includes(sectionOf('en', 'opportunity').definition), text);
    // Opened as an editor (what F12 does), it gives way to the card.
    await vscode.window.showTextDocument(target);
    const card = await until('the card', () => (api.concepts.shownCard()?.id === 'opportunity' ? api.concepts.shownCard() : undefined));
    assert.strictEqual(card!.title, 'opportunity');
    await until('the concept document to close', () => !vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'lingo-concept') || undefined);
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
