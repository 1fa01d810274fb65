/**
 * The VS Code client: starts the language server and adds what needs the editor's UI: commands,
 * quick picks, the status bar item, the Glossary view and the concept card (concepts.ts). All
 * terminology logic lives in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, State, ErrorAction, CloseAction, type Middleware } from 'vscode-languageclient/node';
import { CONCEPT_SCHEME, registerConcepts } from './concepts';
import { ui, uiLang, LANG_CODES, type Lang } from './ui';

let client: LanguageClient | undefined;

interface DocInfo { uri: string; lang: Lang; detected: boolean; findings: number; skipped?: { message: string } }
interface GlossaryData {
  langNames: Record<Lang, string>;
  concepts: { id: string; domain: string; langs: Partial<Record<Lang, { definition?: string; terms: { text: string; status: string }[]; acronyms: { text: string; expansion?: string }[] }>> }[];
}

export const SELECTOR = [
  { language: 'markdown' }, { language: 'plaintext' }, { language: 'lingo-playbook' },
];

export async function activate(context: vscode.ExtensionContext) {
  const t = ui(uiLang(vscode.env.language));
  const output = vscode.window.createOutputChannel('Lingo', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // Restart a server that dies, waiting longer after each crash; give up after 5 crashes in 3 minutes.
  const crashes: number[] = [];
  // Filled in by registerConcepts once the client exists (the client reads its middleware at each call).
  const middleware: Middleware = {};
  const clientOptions: LanguageClientOptions = {
    middleware,
    documentSelector: SELECTOR,
    // The server answers pulls (textDocument/diagnostic) when asked on each change and save, as it pushed before.
    diagnosticPullOptions: { onChange: true, onSave: true },
    synchronize: { configurationSection: 'lingo', fileEvents: vscode.workspace.createFileSystemWatcher('**/lingo.glossary.{json,yaml,yml}') },
    // The team glossary is data from the workspace: not loaded until the workspace is trusted.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    outputChannel: output,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: async () => {
        const now = Date.now();
        while (crashes.length && now - crashes[0] > 180_000) crashes.shift();
        crashes.push(now);
        if (crashes.length > 5) {
          output.appendLine(t.serverGaveUp);
          void vscode.window.showErrorMessage(t.serverGaveUp);
          return { action: CloseAction.DoNotRestart };
        }
        const delay = 250 * 2 ** (crashes.length - 1);
        output.appendLine(t.serverRestarting(delay));
        status.text = `$(sync~spin) Lingo`;
        await new Promise((r) => setTimeout(r, delay));
        return { action: CloseAction.Restart };
      },
    },
  };
  client = new LanguageClient('lingo', 'Lingo', serverOptions, clientOptions);

  // ---- status bar: the document's language and its number of findings ----
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'lingo.setDocumentLanguage';
  context.subscriptions.push(status);
  const infos = new Map<string, DocInfo>();
  let names: Record<Lang, string> | undefined;
  const showStatus = () => {
    const ed = vscode.window.activeTextEditor;
    const info = ed && infos.get(ed.document.uri.toString());
    if (!ed || !SELECTOR.some((s) => s.language === ed.document.languageId)) { status.hide(); return; }
    if (!info) { status.text = '$(book) Lingo'; status.show(); return; }
    const name = names?.[info.lang] ?? info.lang;
    status.text = info.skipped ? `$(book) Lingo: —` : `$(book) ${name} · ${info.findings}`;
    status.tooltip = info.skipped ? info.skipped.message : t.statusTooltip(name, info.detected, info.findings);
    status.show();
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(showStatus));
  client.onDidChangeState((e) => { if (e.newState === State.Running) showStatus(); });

  // ---- commands ----
  const glossary = async (): Promise<GlossaryData> => client!.sendRequest<GlossaryData>('lingo/glossary', { lang: currentLang() });
  const currentLang = (): Lang => {
    const ed = vscode.window.activeTextEditor;
    return (ed && infos.get(ed.document.uri.toString())?.lang) || uiLang(vscode.env.language);
  };

  const pickConcept = async (placeholder: string) => {
    const g = await glossary();
    const lang = currentLang();
    names = g.langNames;
    type Item = vscode.QuickPickItem & { concept: GlossaryData['concepts'][number]; term: string; termLang: Lang };
    const items: Item[] = [];
    for (const c of g.concepts) {
      for (const l of LANG_CODES) {
        const s = c.langs[l];
        if (!s) continue;
        const home = c.langs[lang] ?? s;
        for (const term of [...s.terms.filter((x) => x.status !== 'deprecated').map((x) => x.text), ...s.acronyms.map((a) => a.text)]) {
          items.push({ label: term, description: `${g.langNames[l]} · ${home.terms[0]?.text ?? ''} · ${c.domain}`, detail: home.definition, concept: c, term, termLang: l });
        }
      }
    }
    items.sort((a, b) => Number(a.termLang !== lang) - Number(b.termLang !== lang));
    return vscode.window.showQuickPick(items, { placeHolder: placeholder, matchOnDescription: true, matchOnDetail: true });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('lingo.insertDefinition', async () => {
      const ed = vscode.window.activeTextEditor;
      if (!ed) return;
      const pick = await pickConcept(t.pickDefinition);
      if (!pick) return;
      const lang = currentLang();
      const s = pick.concept.langs[lang] ?? pick.concept.langs[pick.termLang]!;
      const term = s.terms[0]?.text ?? pick.term;
      const text = s.definition ? `**${term}**: ${s.definition}` : term;
      await ed.edit((b) => b.replace(ed.selection, text));
    }),
    vscode.commands.registerCommand('lingo.searchGlossary', async () => {
      const pick = await pickConcept(t.pickSearch);
      if (!pick) return;
      const lang = currentLang();
      const s = pick.concept.langs[lang] ?? pick.concept.langs[pick.termLang]!;
      const choice = await vscode.window.showInformationMessage(`${s.terms[0]?.text}: ${s.definition ?? ''}`, t.insertTerm, t.copy);
      const ed = vscode.window.activeTextEditor;
      if (choice === t.insertTerm && ed) await ed.edit((b) => b.replace(ed.selection, s.terms[0]?.text ?? pick.term));
      if (choice === t.copy) await vscode.env.clipboard.writeText(`${s.terms[0]?.text}: ${s.definition ?? ''}`);
    }),
    vscode.commands.registerCommand('lingo.setDocumentLanguage', async (uriArg?: vscode.Uri, langArg?: Lang | 'auto') => {
      const doc = uriArg ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriArg.toString()) : vscode.window.activeTextEditor?.document;
      if (!doc) return;
      const g = names ?? (await glossary()).langNames;
      let lang = langArg;
      if (!lang) {
        const items = [{ label: t.detect, code: 'auto' as const }, ...LANG_CODES.map((l) => ({ label: g[l], code: l }))];
        lang = (await vscode.window.showQuickPick(items, { placeHolder: t.pickLanguage }))?.code;
      }
      if (!lang) return;
      const config = vscode.workspace.getConfiguration('lingo', doc.uri);
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      const key = folder ? vscode.workspace.asRelativePath(doc.uri, false) : doc.uri.fsPath;
      const map = { ...(config.get<Record<string, string>>('fileLanguages') ?? {}) };
      if (lang === 'auto') delete map[key]; else map[key] = lang;
      await config.update('fileLanguages', map, folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    }),
  );

  // ---- the Glossary view, the concept card, "Show concept", "Go to definition" on built-in terms ----
  let started!: () => void;
  const ready = new Promise<void>((r) => { started = r; });
  const concepts = registerConcepts(context, {
    client, ready, t, uiLanguage: uiLang(vscode.env.language), extensionUri: context.extensionUri,
    docLang: (uri) => infos.get(uri.toString())?.lang,
    isLingoDocument: (doc) => SELECTOR.some((s) => s.language === doc.languageId) && doc.uri.scheme !== CONCEPT_SCHEME,
  });
  Object.assign(middleware, concepts.middleware);

  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => { void client?.sendNotification('lingo/workspaceTrusted', {}); }));
  try {
    await client.start();
  } finally {
    started(); // after a failed start, requests fail with the client's reason, which the view shows
  }
  client.onNotification('lingo/documentInfo', (info: DocInfo) => { infos.set(info.uri, info); showStatus(); });
  names = (await glossary().catch(() => undefined))?.langNames;
  showStatus();
  return { client, concepts: concepts.api };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
