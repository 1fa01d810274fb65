/**
 * The language status of a Lingo document: two items under the `{}` beside the language mode in the status bar
 * (a person can pin either to the status bar). "Swedish", how the language was found, and "Change language"; and
 * "3 findings" with the severity of the worst (the `{}` turns into a warning or an error) and "Show problems" (with
 * none, "Open the glossary"). The server's `lingo/documentInfo` gives the language and the count; the severity comes
 * from the document's diagnostics. While the server restarts the items spin; when it has given up, they say so.
 */
import * as vscode from 'vscode';
import type { DocumentInfo, Lang } from '../../server/src/protocol';
import { capital, findingCount, type L10n } from './l10n';

type ItemState = Pick<vscode.LanguageStatusItem, 'text' | 'detail' | 'severity' | 'busy' | 'command'>;

export class LanguageStatus implements vscode.Disposable {
  private language: vscode.LanguageStatusItem | undefined;
  private findings: vscode.LanguageStatusItem | undefined;
  private server: 'running' | 'restarting' | 'stopped' = 'running';
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly l10n: L10n,
    private readonly selector: vscode.DocumentSelector,
    private readonly infoOf: (uri: vscode.Uri) => DocumentInfo | undefined,
    /** The languages' names, in the editor's language (from the server). */
    private readonly names: () => Record<Lang, string> | undefined,
    private readonly locale: string,
  ) {
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = vscode.window.activeTextEditor?.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.update();
      }),
    ];
  }

  setServer(state: 'running' | 'restarting' | 'stopped'): void {
    this.server = state;
    this.update();
  }

  /** Says what Lingo knows of the active document. */
  update(): void {
    const { l10n } = this;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !vscode.languages.match(this.selector, doc)) return; // the items show only over Lingo's documents
    if (this.server === 'stopped') {
      this.findings = this.drop(this.findings);
      this.language = this.set(this.language, 'lingo.language', l10n.t('Lingo: document language'), {
        text: l10n.t('Lingo stopped'),
        detail: l10n.t('Reload the window to start Lingo again.'),
        severity: vscode.LanguageStatusSeverity.Error,
        busy: false,
        command: { title: l10n.t('Reload window'), command: 'workbench.action.reloadWindow' },
      });
      return;
    }
    const info = this.infoOf(doc.uri);
    const busy = this.server === 'restarting';
    if (!info) {
      // Not checked yet: nothing to say, unless the server is on its way back.
      this.findings = this.drop(this.findings);
      this.language = busy
        ? this.set(this.language, 'lingo.language', l10n.t('Lingo: document language'), {
            text: 'Lingo', detail: l10n.t('Lingo: restarting the language server…'), severity: vscode.LanguageStatusSeverity.Information, busy, command: undefined,
          })
        : this.drop(this.language);
      return;
    }
    if (info.skipped) {
      this.findings = this.drop(this.findings);
      this.language = this.set(this.language, 'lingo.language', l10n.t('Lingo: document language'), {
        text: l10n.t('Not checked'), detail: info.skipped.message, severity: vscode.LanguageStatusSeverity.Warning, busy, command: undefined,
      });
      return;
    }
    const name = capital(this.names()?.[info.lang] ?? info.lang, this.locale);
    this.language = this.set(this.language, 'lingo.language', l10n.t('Lingo: document language'), {
      text: name,
      detail: info.detected ? l10n.t('Lingo: detected automatically') : l10n.t('Lingo: set in the settings'),
      severity: vscode.LanguageStatusSeverity.Information,
      busy,
      command: { title: l10n.t('Change language'), command: 'lingo.setDocumentLanguage' },
    });
    const n = info.findings;
    this.findings = this.set(this.findings, 'lingo.findings', l10n.t('Lingo: findings'), {
      text: findingCount(l10n, n),
      detail: l10n.t('Lingo: terminology check'),
      severity: n === 0 ? vscode.LanguageStatusSeverity.Information : severityOf(doc.uri),
      busy,
      command: n === 0
        ? { title: l10n.t('Open the glossary'), command: 'lingo.glossary.focus' }
        : { title: l10n.t('Show problems'), command: 'workbench.actions.view.problems' },
    });
  }

  /** The item `id` as `state` says (created when missing; only what changed is set, so nothing flickers). */
  private set(item: vscode.LanguageStatusItem | undefined, id: string, name: string, state: ItemState): vscode.LanguageStatusItem {
    item ??= vscode.languages.createLanguageStatusItem(id, this.selector);
    if (item.name !== name) item.name = name;
    if (item.text !== state.text) item.text = state.text;
    if (item.detail !== state.detail) item.detail = state.detail;
    if (item.severity !== state.severity) item.severity = state.severity;
    if (item.busy !== state.busy) item.busy = state.busy;
    if (item.command?.command !== state.command?.command || item.command?.title !== state.command?.title) item.command = state.command;
    return item;
  }

  private drop(item: vscode.LanguageStatusItem | undefined): undefined {
    item?.dispose();
    return undefined;
  }

  dispose(): void {
    this.language = this.drop(this.language);
    this.findings = this.drop(this.findings);
    for (const l of this.listeners) l.dispose();
  }
}

/** The worst of Lingo's diagnostics of a document, as a language status severity (a hint or information: Information). */
function severityOf(uri: vscode.Uri): vscode.LanguageStatusSeverity {
  let worst = vscode.LanguageStatusSeverity.Information;
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.source !== 'lingo') continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) return vscode.LanguageStatusSeverity.Error;
    if (d.severity === vscode.DiagnosticSeverity.Warning) worst = vscode.LanguageStatusSeverity.Warning;
  }
  return worst;
}
