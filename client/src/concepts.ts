/**
 * Concepts in the editor: the Glossary view (Explorer), the concept card (one webview panel, reused), "Show
 * concept", and "Go to definition" on a built-in term, which has no place in any file: the definition provider
 * answers with a read-only document of the concept (scheme `lingo-concept`), which a Ctrl+hover or "Peek
 * definition" shows as text, and which, when it is opened as an editor, is closed at once and the card opens.
 * (Opening the card from the provider itself would open it at every Ctrl+hover: the editor asks the same
 * provider to underline the word.)
 */
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import {
  ConceptAtRequest, ConceptReferencesRequest, ConceptRequest, FindConceptsRequest, GlossaryChangedNotification, GlossaryConceptsRequest,
  GlossaryDomainsRequest,
  type ConceptAtParams, type ConceptAtResult, type ConceptCard, type ConceptReferencesResult, type FindConceptsParams, type FindConceptsResult,
  type GlossaryConceptsParams, type GlossaryConceptsResult, type GlossaryDomainsResult, type Lang, type ProtocolLocation,
} from '../../server/src/protocol';
import { cardHtml, cardTitle, noticeHtml, type CardMessage } from './cardHtml';
import { conceptRow, domainRows, FILTER_LIMIT, filteredRows, PAGE, visible, type ConceptRow, type DomainRow, type Filtered } from './glossaryModel';
import { conceptCount, LANG_CODES, type L10n } from './l10n';

export const CONCEPT_SCHEME = 'lingo-concept';
const FILTERED_CONTEXT = 'lingo.glossaryFiltered';

export interface ConceptsDeps {
  client: LanguageClient;
  /** Resolves when the client has started (requests wait for it). */
  ready: Promise<unknown>;
  /** The client's words: vscode.l10n, with the plural rules of the language they are shown in. */
  l10n: L10n;
  /** The editor's display language: the language of the view's and the card's own words. */
  uiLanguage: Lang;
  /** The language of a document, as the server detected or was told. */
  docLang(uri: vscode.Uri): Lang | undefined;
  /** Is this a document Lingo checks? */
  isLingoDocument(doc: vscode.TextDocument): boolean;
  extensionUri: vscode.Uri;
}

const toRange = (r: ProtocolLocation['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
const toLocation = (l: ProtocolLocation) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range));
const before = (a: ProtocolLocation, b: ProtocolLocation) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

type Node =
  | { kind: 'domain'; domain: DomainRow; filter: string }
  | { kind: 'concept'; row: ConceptRow; filter: string }
  /** "Show 500 more…" at the end of a domain's concepts: `count` more after the `shown` there are. */
  | { kind: 'more'; domain: DomainRow; filter: string; shown: number; count: number };

/** What the extension exports of the view and the card (activate()'s `concepts`): for tests and other extensions. */
export interface ConceptsApi {
  /** Sets the Glossary view's filter ('' clears it), as "Filter glossary…" does. */
  setFilter(query: string): void;
  /**
   * What the view shows: its message and its domains, each with the concepts it lists: with a filter, those found
   * in it; without, those loaded so far (none until it is opened or `open` names it).
   */
  glossaryRows(open?: string[]): Promise<{ message?: string; domains: (DomainRow & { concepts: ConceptRow[] })[] }>;
  /** The concept card on screen: the concept's id, the panel's title and its HTML; undefined when it is closed. */
  shownCard(): { id: string; title: string; html: string } | undefined;
}

export function registerConcepts(context: vscode.ExtensionContext, d: ConceptsDeps): { middleware: Middleware; api: ConceptsApi } {
  const { l10n } = d;
  const request = async <R>(method: string, params: unknown): Promise<R> => {
    await d.ready;
    return d.client.sendRequest<R>(method, params);
  };
  const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
  const fail = (e: unknown) => void vscode.window.showErrorMessage(l10n.t('Lingo could not answer: {0}', reason(e)));

  // ---- the last editor of a Lingo document: where "Insert term" writes, whose language names concepts ----
  let lastEditor: vscode.TextEditor | undefined;
  const track = (e: vscode.TextEditor | undefined) => { if (e && d.isLingoDocument(e.document)) lastEditor = e; };
  track(vscode.window.activeTextEditor);
  const focusLang = (): Lang => (lastEditor && d.docLang(lastEditor.document.uri)) || d.uiLanguage;
  /** The editor to write into: the last Lingo document's, shown again if its tab was hidden. */
  const targetEditor = async (): Promise<vscode.TextEditor | undefined> => {
    if (!lastEditor || lastEditor.document.isClosed) return undefined;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === lastEditor!.document);
    return vscode.window.showTextDocument(lastEditor.document, { viewColumn: (visible ?? lastEditor).viewColumn, preserveFocus: false });
  };

  // ---- the Glossary view: the domains (their names in the editor's language), each domain's concepts a page at a
  // time as it is opened (named in the language of the last document), or what a filter found ----
  let domainsAnswer: Promise<GlossaryDomainsResult> | undefined;
  const loadDomains = () => (domainsAnswer ??= request<GlossaryDomainsResult>(GlossaryDomainsRequest, { lang: d.uiLanguage }).catch((e) => { domainsAnswer = undefined; throw e; }));
  /** Each opened domain's concepts loaded so far, in the language they were named in. */
  let pages = new Map<string, { lang: Lang; rows: ConceptRow[]; total: number }>();
  /** The last filter's rows (asked again only for another query or language); how many each domain shows. */
  let found: { q: string; lang: Lang; rows: Filtered } | undefined;
  const shownFound = new Map<string, number>();
  const forget = () => { domainsAnswer = undefined; pages = new Map(); found = undefined; shownFound.clear(); };

  let filter = '';
  const changed = new vscode.EventEmitter<Node | undefined>();
  /** The next page of a domain's concepts, added to what is loaded (the first one when none is). */
  const loadPage = async (domain: string, lang: Lang) => {
    let p = pages.get(domain);
    if (p && p.lang !== lang) p = undefined;
    const r = await request<GlossaryConceptsResult>(GlossaryConceptsRequest, { domain, lang, offset: p?.rows.length ?? 0, limit: PAGE } satisfies GlossaryConceptsParams);
    const now = pages.get(domain);
    // Another page may have come meanwhile (two clicks): keep the longer list.
    if (now && now.lang === lang && now.rows.length > (p?.rows.length ?? 0)) return now;
    const next = { lang, rows: [...(p?.rows ?? []), ...r.concepts.map(conceptRow)], total: r.total };
    pages.set(domain, next);
    return next;
  };
  const showMore = async (node: Node) => {
    if (node.kind !== 'more') return;
    if (node.filter) shownFound.set(node.domain.id, node.shown + node.count);
    else await loadPage(node.domain.id, focusLang());
    changed.fire(undefined);
  };
  const domainChildren = async (node: Extract<Node, { kind: 'domain' }>): Promise<Node[]> => {
    let list: { concepts: ConceptRow[]; more: number };
    if (node.filter) {
      const all = found?.q === node.filter ? found.rows.domains.find((x) => x.id === node.domain.id)?.concepts ?? [] : [];
      list = visible(all, all.length, shownFound.get(node.domain.id) ?? PAGE);
    } else {
      const lang = focusLang();
      let p = pages.get(node.domain.id);
      if (!p || p.lang !== lang) p = await loadPage(node.domain.id, lang);
      list = visible(p.rows, p.total);
    }
    const rows: Node[] = list.concepts.map((row) => ({ kind: 'concept', row, filter: node.filter }));
    if (list.more > 0) rows.push({ kind: 'more', domain: node.domain, filter: node.filter, shown: list.concepts.length, count: list.more });
    return rows;
  };
  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    async getChildren(node) {
      if (node?.kind === 'domain') {
        try {
          return await domainChildren(node);
        } catch (e) {
          view.message = l10n.t('The glossary could not be loaded: {0}', reason(e));
          return [];
        }
      }
      if (node) return [];
      const q = filter;
      try {
        const domains = await loadDomains();
        if (!q) {
          view.message = undefined;
          return domainRows(domains).map((domain) => ({ kind: 'domain', domain, filter: q }));
        }
        const lang = focusLang();
        if (found?.q !== q || found.lang !== lang) {
          const answer = await request<FindConceptsResult>(FindConceptsRequest, { query: q, lang, limit: FILTER_LIMIT + 1, rows: true } satisfies FindConceptsParams);
          if (q !== filter) return []; // a newer filter is on its way
          found = { q, lang, rows: filteredRows(answer, domains, lang, q) };
          shownFound.clear();
        }
        const { domains: rows, matches, more } = found.rows;
        view.message = more ? l10n.t('Filter: “{0}” — the first {1}. Type more of the name to narrow it down, or click × above to show all.', q, conceptCount(l10n, matches))
          : matches ? l10n.t('Filter: “{0}” — {1}. Click × above to show all.', q, conceptCount(l10n, matches))
          : l10n.t('No concept matches “{0}”. Click × above to show all.', q);
        return rows.map((domain) => ({ kind: 'domain', domain, filter: q }));
      } catch (e) {
        view.message = l10n.t('The glossary could not be loaded: {0}', reason(e));
        return [];
      }
    },
    getTreeItem(node) {
      if (node.kind === 'domain') {
        const item = new vscode.TreeItem(node.domain.name, node.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        // A new filter opens every domain that has a match: the ids change with the filter, so no folding is remembered.
        item.id = `domain\u0000${node.domain.id}\u0000${node.filter}`;
        item.description = node.domain.count.toLocaleString(d.uiLanguage);
        return item;
      }
      if (node.kind === 'more') {
        const item = new vscode.TreeItem(l10n.t('Show {0} more…', node.count.toLocaleString(d.uiLanguage)), vscode.TreeItemCollapsibleState.None);
        item.id = `more\u0000${node.domain.id}\u0000${node.filter}\u0000${node.shown}`;
        item.command = { command: 'lingo.glossary.showMore', title: '', arguments: [node] };
        return item;
      }
      const item = new vscode.TreeItem(node.row.label, vscode.TreeItemCollapsibleState.None);
      item.id = `concept\u0000${node.row.id}\u0000${node.filter}`;
      item.description = node.row.description;
      item.tooltip = new vscode.MarkdownString().appendMarkdown('**').appendText(node.row.label).appendMarkdown('**').appendText(node.row.description ? `\n\n${node.row.description}` : '');
      item.contextValue = 'lingo.concept';
      item.command = { command: 'lingo.openConcept', title: '', arguments: [node.row.id] };
      return item;
    },
  };
  const view = vscode.window.createTreeView('lingo.glossary', { treeDataProvider: provider, showCollapseAll: true });
  const setFilter = (q: string) => {
    filter = q.trim();
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, filter.length > 0);
    changed.fire(undefined);
  };
  let lastLang = focusLang();
  const followLanguage = () => {
    const lang = focusLang();
    if (lang !== lastLang) { lastLang = lang; pages = new Map(); changed.fire(undefined); }
  };

  // ---- the concept card ----
  let panel: vscode.WebviewPanel | undefined;
  let shown: { id: string; card?: ConceptCard; html?: string } | undefined;
  const render = async (id: string) => {
    let card: ConceptCard | null;
    try {
      card = await request<ConceptCard | null>(ConceptRequest, { id, lang: d.uiLanguage });
    } catch (e) {
      return { html: noticeHtml(l10n.t('Lingo could not answer: {0}', reason(e)), nonce()), title: id };
    }
    if (!card) return { html: noticeHtml(l10n.t('This concept is no longer in the glossary.'), nonce()), title: id };
    const focus = focusLang();
    const usage = card.usage
      .map((u) => ({ uri: u.uri, count: u.count, label: vscode.workspace.asRelativePath(vscode.Uri.parse(u.uri)) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return { card, html: cardHtml({ card, focus, usage, l10n, nonce: nonce() }), title: cardTitle(card, focus) };
  };
  const showCard = async (id: string) => {
    const r = await render(id);
    if (!panel) {
      panel = vscode.window.createWebviewPanel('lingo.concept', r.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: true, enableFindWidget: true, localResourceRoots: [],
      });
      panel.iconPath = vscode.Uri.joinPath(d.extensionUri, 'client', 'icon.png');
      panel.onDidDispose(() => { panel = undefined; shown = undefined; });
      panel.webview.onDidReceiveMessage((m: CardMessage) => void onCardMessage(m).catch(fail));
      // Back in view: the workspace may use the concept in more or fewer places by now.
      panel.onDidChangeViewState((e) => { if (e.webviewPanel.visible) void refreshCard(); });
    } else {
      // Never over the document being written: a card in the same group moves beside it.
      const doc = lastEditor && vscode.window.visibleTextEditors.find((e) => e.document === lastEditor!.document);
      const active = vscode.window.activeTextEditor;
      const over = (active && active.viewColumn === panel.viewColumn) || (!panel.visible && doc?.viewColumn === panel.viewColumn);
      panel.reveal(over ? vscode.ViewColumn.Beside : undefined, false);
    }
    setCard(id, r);
  };
  const setCard = (id: string, r: { card?: ConceptCard; html: string; title: string }) => {
    if (!panel) return;
    // Set again only when something changed: setting the HTML scrolls the card back to its top.
    const comparable = r.html.replace(/nonce(-|=")[^'"]+/g, '');
    if (shown?.id === id && shown.html === comparable) return;
    shown = { id, card: r.card, html: comparable };
    panel.title = r.title;
    panel.webview.html = r.html;
  };
  const refreshCard = async () => { if (panel && shown) setCard(shown.id, await render(shown.id)); };

  const insert = async (text: (lang: Lang) => string | undefined) => {
    const ed = await targetEditor();
    if (!ed) return void vscode.window.showInformationMessage(l10n.t('Open a document first: the text goes in at its cursor.'));
    const lang = d.docLang(ed.document.uri) ?? d.uiLanguage;
    const s = text(lang);
    if (s === undefined) return void vscode.window.showInformationMessage(l10n.t('This concept has no term in {0} yet.', shown?.card?.langNames[lang] ?? lang));
    await ed.edit((b) => { for (const sel of ed.selections) b.replace(sel, s); });
  };
  const preferredTerm = (card: ConceptCard, lang: Lang) => {
    const terms = card.langs[lang]?.terms ?? [];
    return (terms.find((x) => x.status === 'preferred') ?? terms.find((x) => x.status !== 'deprecated'))?.text;
  };
  const findUses = async (id: string, name: string) => {
    const locations = (await request<ConceptReferencesResult>(ConceptReferencesRequest, { id })).sort((a, b) => a.uri.localeCompare(b.uri) || before(a, b));
    if (!locations.length) return void vscode.window.showInformationMessage(l10n.t('No document in this workspace uses “{0}” yet.', name));
    // The references list opens in an editor: the last document's, at its cursor, else the first use.
    const ed = (await targetEditor()) ?? (await vscode.window.showTextDocument(vscode.Uri.parse(locations[0].uri), { selection: toRange(locations[0].range) }));
    await vscode.commands.executeCommand('editor.action.showReferences', ed.document.uri, ed.selection.active, locations.map(toLocation));
  };
  const openUsage = async (id: string, uri: string) => {
    const first = (await request<ConceptReferencesResult>(ConceptReferencesRequest, { id })).filter((l) => l.uri === uri).sort(before)[0];
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
      viewColumn: lastEditor?.viewColumn ?? vscode.ViewColumn.One,
      selection: first ? toRange(first.range) : undefined,
    });
  };
  const onCardMessage = async (m: CardMessage) => {
    const card = shown?.card;
    if (!card) return;
    switch (m.action) {
      case 'openConcept': return showCard(m.id);
      case 'openUsage': return openUsage(card.id, m.uri);
      case 'openTeamEntry':
        if (card.definitionLocation) await vscode.window.showTextDocument(vscode.Uri.parse(card.definitionLocation.uri), { selection: toRange(card.definitionLocation.range), viewColumn: lastEditor?.viewColumn ?? vscode.ViewColumn.One });
        return;
      case 'insertTerm': return insert((lang) => preferredTerm(card, lang));
      case 'insertDefinition': return insert((lang) => {
        const term = preferredTerm(card, lang);
        const def = card.langs[lang]?.definition;
        return term && def ? `**${term}**: ${def}` : term;
      });
      case 'findUses': return findUses(card.id, cardTitle(card, focusLang()));
    }
  };

  // ---- the concept at the cursor ----
  const conceptAt = (doc: vscode.TextDocument, pos: vscode.Position) =>
    request<ConceptAtResult | null>(ConceptAtRequest, { textDocument: { uri: doc.uri.toString() }, position: { line: pos.line, character: pos.character } } satisfies ConceptAtParams);

  // "Go to definition" on a term with no definition in a file: the concept's own read-only document (see above).
  const conceptUri = (id: string, name: string) => vscode.Uri.from({ scheme: CONCEPT_SCHEME, path: `/${name}`, query: id });
  const conceptText = async (uri: vscode.Uri) => {
    const card = await request<ConceptCard | null>(ConceptRequest, { id: uri.query, lang: d.uiLanguage });
    if (!card) return l10n.t('This concept is no longer in the glossary.');
    const focus = focusLang();
    const lines = [cardTitle(card, focus), `${card.domain} · ${card.source === 'team' ? l10n.t('Team glossary') : l10n.t('Built-in glossary')}`, ''];
    const home = card.langs[focus] ?? card.langs.en;
    if (home?.definition) lines.push(home.definition, '');
    for (const l of [focus, ...LANG_CODES.filter((x) => x !== focus)]) {
      const s = card.langs[l];
      if (!s) continue;
      const names = [...s.terms.filter((x) => x.status !== 'deprecated').map((x) => x.text), ...s.acronyms.map((a) => (a.expansion ? `${a.text} (${a.expansion})` : a.text))];
      lines.push(`${card.langNames[l]}: ${names.join(', ')}`);
    }
    return lines.join('\n') + '\n';
  };
  const middleware: Middleware = {
    async provideDefinition(document, position, token, next) {
      const found = await next(document, position, token);
      if (token.isCancellationRequested || (Array.isArray(found) ? found.length : found)) return found;
      const at = await conceptAt(document, position).catch(() => null);
      if (!at || token.isCancellationRequested) return found;
      return new vscode.Location(conceptUri(at.id, document.getText(toRange(at.range))), new vscode.Position(0, 0));
    },
    // The concept's document is not one to check.
    didOpen: (doc, next) => (doc.uri.scheme === CONCEPT_SCHEME ? Promise.resolve() : next(doc)),
    didChange: (e, next) => (e.document.uri.scheme === CONCEPT_SCHEME ? Promise.resolve() : next(e)),
    didClose: (doc, next) => (doc.uri.scheme === CONCEPT_SCHEME ? Promise.resolve() : next(doc)),
  };
  const openedAsEditor = async (e: vscode.TextEditor | undefined) => {
    if (e?.document.uri.scheme !== CONCEPT_SCHEME) return;
    const uri = e.document.uri.toString();
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri);
    await vscode.window.tabGroups.close(tabs);
    // A preview editor gives its tab to the next one opened: bring the document back if it went.
    const from = lastEditor;
    if (from && !vscode.window.visibleTextEditors.some((x) => x.document.uri.toString() === from.document.uri.toString())) {
      await vscode.window.showTextDocument(from.document.uri, { viewColumn: from.viewColumn, selection: from.selection });
    }
    await showCard(e.document.uri.query);
  };

  context.subscriptions.push(
    view, changed,
    vscode.window.onDidChangeActiveTextEditor((e) => { track(e); followLanguage(); void openedAsEditor(e).catch(fail); }),
    vscode.workspace.registerTextDocumentContentProvider(CONCEPT_SCHEME, { provideTextDocumentContent: (uri) => conceptText(uri) }),
    vscode.commands.registerCommand('lingo.openConcept', (id: string) => showCard(id).catch(fail)),
    vscode.commands.registerCommand('lingo.showConcept', async () => {
      const ed = vscode.window.activeTextEditor;
      if (!ed) return;
      const at = await conceptAt(ed.document, ed.selection.active).catch((e) => { fail(e); return undefined; });
      if (at === null) return void vscode.window.showInformationMessage(l10n.t('There is no glossary term at the cursor.'));
      if (at) await showCard(at.id);
    }),
    vscode.commands.registerCommand('lingo.glossary.filter', (query?: unknown) => {
      if (typeof query === 'string') return setFilter(query); // from a keybinding's "args"
      const previous = filter;
      const box = vscode.window.createInputBox();
      box.title = view.title;
      box.prompt = l10n.t('Part of a term, an acronym or its expansion, in any language. The view shows the matches as you type.');
      box.placeholder = l10n.t('For example: churn, kans, okazja, 流失率');
      box.value = filter;
      let accepted = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      box.onDidChangeValue((v) => { clearTimeout(timer); timer = setTimeout(() => setFilter(v), 150); });
      box.onDidAccept(() => { clearTimeout(timer); accepted = true; setFilter(box.value); box.hide(); });
      box.onDidHide(() => { clearTimeout(timer); if (!accepted && filter !== previous) setFilter(previous); box.dispose(); });
      box.show();
    }),
    vscode.commands.registerCommand('lingo.glossary.clearFilter', () => setFilter('')),
    vscode.commands.registerCommand('lingo.glossary.showMore', (node?: Node) => (node ? showMore(node).catch(fail) : undefined)),
    vscode.commands.registerCommand('lingo.glossary.findUses', (node?: Node) => {
      if (node?.kind === 'concept') return findUses(node.row.id, node.row.label).catch(fail);
    }),
  );
  void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);
  void d.ready.then(() => {
    context.subscriptions.push(d.client.onNotification(GlossaryChangedNotification, () => {
      forget();
      changed.fire(undefined);
      void refreshCard();
    }));
  });
  const api: ConceptsApi = {
    setFilter,
    async glossaryRows(open = []) {
      const roots = (await provider.getChildren()) ?? [];
      const out: (DomainRow & { concepts: ConceptRow[] })[] = [];
      for (const n of roots) {
        if (n.kind !== 'domain') continue;
        if (open.includes(n.domain.id)) await provider.getChildren(n);
        const concepts = n.filter ? found?.rows.domains.find((x) => x.id === n.domain.id)?.concepts ?? [] : pages.get(n.domain.id)?.rows ?? [];
        out.push({ ...n.domain, concepts });
      }
      return { message: view.message, domains: out };
    },
    shownCard: () => (panel && shown ? { id: shown.id, title: panel.title, html: panel.webview.html } : undefined),
  };
  return { middleware, api };
}

const nonce = () => crypto.randomBytes(18).toString('base64');
