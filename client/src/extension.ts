/**
 * The VS Code client: starts the language server and adds what needs the editor's UI: commands,
 * quick picks, the language status items, the Glossary view and the concept card (concepts.ts). All
 * terminology logic lives in the server. Its words go through vscode.l10n (l10n.ts, l10n/bundle.l10n.*.json).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, State, ErrorAction, CloseAction, type Middleware } from 'vscode-languageclient/node';
import { CONCEPT_SCHEME, registerConcepts } from './concepts';
import { displayLang, LANG_CODES, type L10n } from './l10n';
import {
  ConceptRequest, FindConceptsRequest, GlossaryDomainsRequest,
  type ConceptCard, type ConceptParams, type DocumentInfo, type FindConceptsParams, type FindConceptsResult, type GlossaryDomainsResult, type Lang,
} from '../../server/src/protocol';
import { LanguageStatus } from './languageStatus';

let client: LanguageClient | undefined;

export const SELECTOR = [
  { language: 'markdown' }, { language: 'plaintext' }, { language: 'lingo-playbook' },
];

export async function activate(context: vscode.ExtensionContext) {
  // The words' plural forms follow the language they are shown in: English when VS Code has no bundle of ours for its
  // display language.
  const plurals = new Intl.PluralRules(vscode.l10n.bundle ? vscode.env.language : 'en');
  const l10n: L10n = { t: vscode.l10n.t, plural: (n) => plurals.select(n) };
  const uiLanguage = displayLang(vscode.env.language);
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
          const gaveUp = l10n.t('The Lingo language server stopped five times in three minutes and will not be restarted. Reload the window to try again.');
          output.appendLine(gaveUp);
          void vscode.window.showErrorMessage(gaveUp);
          status.setServer('stopped');
          return { action: CloseAction.DoNotRestart };
        }
        const delay = 250 * 2 ** (crashes.length - 1);
        output.appendLine(l10n.t('The Lingo language server stopped; restarting in {0} ms.', delay));
        status.setServer('restarting');
        await new Promise((r) => setTimeout(r, delay));
        return { action: CloseAction.Restart };
      },
    },
  };
  client = new LanguageClient('lingo', 'Lingo', serverOptions, clientOptions);

  // ---- language status ({} in the status bar): the document's language and its findings ----
  const infos = new Map<string, DocumentInfo>();
  let names: Record<Lang, string> | undefined;
  const status = new LanguageStatus(l10n, SELECTOR, (uri) => infos.get(uri.toString()), () => names, vscode.env.language);
  context.subscriptions.push(status);
  client.onDidChangeState((e) => { if (e.newState === State.Running) status.setServer('running'); });

  // ---- commands ----
  // The glossary is never asked for whole (a company termbase has tens of thousands of concepts): the domains and
  // the languages' names, the concepts the server finds for what is typed, then the one chosen.
  const domains = async (): Promise<GlossaryDomainsResult> => client!.sendRequest<GlossaryDomainsResult>(GlossaryDomainsRequest, { lang: currentLang() });
  const currentLang = (): Lang => {
    const ed = vscode.window.activeTextEditor;
    return (ed && infos.get(ed.document.uri.toString())?.lang) || uiLanguage;
  };

  /** A concept chosen by any of its names, in any language: the server searches as the user types. */
  const pickConcept = async (placeholder: string): Promise<{ card: ConceptCard; term: string; termLang?: Lang } | undefined> => {
    const lang = currentLang();
    const g = await domains();
    names = g.langNames;
    const domainName = new Map(g.domains.map((x) => [x.id, x.name]));
    type Item = vscode.QuickPickItem & { id: string; term: string; termLang?: Lang };
    const box = vscode.window.createQuickPick<Item>();
    box.placeholder = placeholder;
    box.matchOnDescription = true;
    let asked = 0;
    const search = async (query: string) => {
      const mine = ++asked;
      box.busy = true;
      try {
        const found = await client!.sendRequest<FindConceptsResult>(FindConceptsRequest, { query, lang, limit: 200, rows: true } satisfies FindConceptsParams);
        if (mine !== asked) return;
        // alwaysShow: the server matched each (folded: 商机 finds 商機), which the quick pick's own filter would not.
        box.items = found.map((m) => ({
          label: m.name,
          description: [m.lang && g.langNames[m.lang], m.row && m.row.name !== m.name ? m.row.name : undefined, m.domain && domainName.get(m.domain)].filter(Boolean).join(' · '),
          alwaysShow: true, id: m.id, term: m.name, termLang: m.lang,
        }));
      } catch (e) {
        void vscode.window.showErrorMessage(l10n.t('Lingo could not answer: {0}', e instanceof Error ? e.message : String(e)));
      } finally {
        if (mine === asked) box.busy = false;
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    box.onDidChangeValue((v) => { clearTimeout(timer); timer = setTimeout(() => void search(v), 120); });
    const chosen = new Promise<Item | undefined>((resolve) => {
      box.onDidAccept(() => { resolve(box.selectedItems[0]); box.hide(); });
      box.onDidHide(() => { clearTimeout(timer); resolve(undefined); box.dispose(); });
    });
    box.show();
    void search('');
    const pick = await chosen;
    if (!pick) return undefined;
    const card = await client!.sendRequest<ConceptCard | null>(ConceptRequest, { id: pick.id, lang, usage: false } satisfies ConceptParams);
    return card ? { card, term: pick.term, termLang: pick.termLang } : undefined;
  };
  /** The chosen concept's section to write from: the document's language, else the language of the name chosen, else English. */
  const sectionOf = (p: { card: ConceptCard; termLang?: Lang }, lang: Lang) => p.card.langs[lang] ?? (p.termLang && p.card.langs[p.termLang]) ?? p.card.langs.en;

  context.subscriptions.push(
    vscode.commands.registerCommand('lingo.insertDefinition', async () => {
      const ed = vscode.window.activeTextEditor;
      if (!ed) return;
      const pick = await pickConcept(l10n.t('Choose the term whose definition to insert'));
      if (!pick) return;
      const s = sectionOf(pick, currentLang());
      const term = s?.terms[0]?.text ?? pick.term;
      const text = s?.definition ? `**${term}**: ${s.definition}` : term;
      await ed.edit((b) => b.replace(ed.selection, text));
    }),
    vscode.commands.registerCommand('lingo.searchGlossary', async () => {
      const pick = await pickConcept(l10n.t('Search the glossary in every language'));
      if (!pick) return;
      const s = sectionOf(pick, currentLang());
      const term = s?.terms[0]?.text ?? pick.term;
      const insertTerm = l10n.t('Insert term'), copy = l10n.t('Copy');
      const choice = await vscode.window.showInformationMessage(`${term}: ${s?.definition ?? ''}`, insertTerm, copy);
      const ed = vscode.window.activeTextEditor;
      if (choice === insertTerm && ed) await ed.edit((b) => b.replace(ed.selection, term));
      if (choice === copy) await vscode.env.clipboard.writeText(`${term}: ${s?.definition ?? ''}`);
    }),
    vscode.commands.registerCommand('lingo.setDocumentLanguage', async (uriArg?: vscode.Uri, langArg?: Lang | 'auto') => {
      const doc = uriArg ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriArg.toString()) : vscode.window.activeTextEditor?.document;
      if (!doc) return;
      const g = names ?? (await domains()).langNames;
      let lang = langArg;
      if (!lang) {
        const items = [{ label: l10n.t('Detect automatically'), code: 'auto' as const }, ...LANG_CODES.map((l) => ({ label: g[l], code: l }))];
        lang = (await vscode.window.showQuickPick(items, { placeHolder: l10n.t('Language of this document') }))?.code;
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
    client, ready, l10n, uiLanguage, extensionUri: context.extensionUri,
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
  client.onNotification('lingo/documentInfo', (info: DocumentInfo) => { infos.set(info.uri, info); status.update(); });
  names = (await domains().catch(() => undefined))?.langNames;
  status.update();
  return { client, concepts: concepts.api };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
