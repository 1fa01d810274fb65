/**
 * Quick fixes: each finding's fixes and "Disable … for this line". Made from the data of the request's diagnostics
 * when it is data of this version of the document (diagnostics.ts puts it there), else from the findings; an edit
 * only ever touches the range its finding names.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, TextEdit, type Range } from 'vscode-languageserver-types';
import { ruleDeclaration } from './declarations';
import { SOURCE, type DiagnosticData, type Diagnostics } from './diagnostics';
import type { DocumentCache } from './documentCache';
import type { Edit } from './findings';
import { format, messages } from './l10n';
import type { RuleId, Settings } from './settings';
import { disableLineEdit } from './suppress';
import { LANGS, type Lang } from './types';

export class CodeActions {
  constructor(private readonly cache: DocumentCache, private readonly diagnostics: Diagnostics) {}

  /**
   * Quick fixes for the findings under `range`: each finding's fixes and "Disable … for this line". `context`:
   * the client's diagnostics there (the request's context); when every diagnostic of Lingo among them carries data
   * of this version, the fixes are made from it, else from the findings.
   */
  doCodeActions(doc: TextDocument, range: Range, settings: Settings, only?: string[], context?: Diagnostic[]): CodeAction[] {
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const start = doc.offsetAt(range.start), end = doc.offsetAt(range.end);
    const fromData = context && actionsFromData(doc, start, end, context, settings);
    if (fromData) return fromData;
    const actions = new QuickFixes(doc);
    // Only the findings under the range become diagnostics here (code actions are asked for on every cursor move),
    // and only those that are published: no fix for a problem the editor does not show (lingo.maxProblems).
    const all = this.cache.findings(doc, settings);
    const max = settings.maxProblems;
    const shown = !max || all.length <= max ? all.length : max - 1;
    const lang = this.cache.get(doc, settings)?.analysis.lang ?? settings.preferredLanguage;
    for (let k = 0; k < shown; k++) {
      const f = all[k];
      if (f.end < start || f.start > end) continue;
      const diagnostic = this.diagnostics.diagnosticOf(doc, f, settings, (o) => doc.positionAt(o), lang);
      for (const fix of f.fixes) actions.fix(diagnostic, fix.title, fix.edits.map((x) => ({ start: x.start, end: x.end, newText: x.newText })), fix.preferred);
      actions.disable(diagnostic, f.rule, f.start, lang);
    }
    return actions.list;
  }
}

/** The code actions of one request: each finding's fixes, then one "Disable … for this line" per line and rule. */
class QuickFixes {
  readonly list: CodeAction[] = [];
  /** The "Disable … for this line" actions made so far, by the line's start and the rule. */
  readonly #disableActions = new Map<string, CodeAction>();
  constructor(readonly doc: TextDocument) {}

  fix(diagnostic: Diagnostic, title: string, edits: Edit[], preferred: boolean | undefined): void {
    this.list.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: preferred,
      edit: { changes: { [this.doc.uri]: edits.map((e) => TextEdit.replace({ start: this.doc.positionAt(e.start), end: this.doc.positionAt(e.end) }, e.newText)) } },
    });
  }

  /** "Disable <rule> for this line": one action per line and rule, for every diagnostic of the rule there. */
  disable(diagnostic: Diagnostic, rule: RuleId, start: number, lang: Lang): void {
    const e = disableLineEdit(this.doc.getText(), start, rule);
    const key = `${e.start}|${rule}`;
    const known = this.#disableActions.get(key);
    if (known) { known.diagnostics!.push(diagnostic); return; }
    const M = messages(lang);
    const action: CodeAction = {
      title: format(M.disableForLine, M.quote(ruleDeclaration(rule)!.text[lang].title)),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [this.doc.uri]: [TextEdit.replace({ start: this.doc.positionAt(e.start), end: this.doc.positionAt(e.end) }, e.newText)] } },
    };
    this.#disableActions.set(key, action);
    this.list.push(action);
  }
}

const isInt = (x: unknown, max: number): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max;

/** Diagnostic data with its fixes (not null: a diagnostic whose fixes were too many to carry). */
type DataWithFixes = DiagnosticData & { fixes: NonNullable<DiagnosticData['fixes']> };

/**
 * Whether a client's diagnostic data (clients echo it back) is data of this service about this version of the text:
 * of its version, with the text it names still at its place (a client may change a text without a new version).
 */
function isDataOfThisVersion(x: unknown, doc: TextDocument): x is DataWithFixes {
  const d = x as DiagnosticData;
  if (!d || typeof d !== 'object' || d.version !== doc.version || !ruleDeclaration(d.rule) || !(LANGS as readonly unknown[]).includes(d.lang)) return false;
  const text = doc.getText(), length = text.length;
  if (!isInt(d.start, length) || !isInt(d.end, length) || d.start > d.end || typeof d.text !== 'string' || text.slice(d.start, d.end) !== d.text || !Array.isArray(d.fixes)) return false;
  return d.fixes.every((f) => f && typeof f === 'object' && typeof f.title === 'string' && typeof f.newText === 'string' && (f.preferred === undefined || f.preferred === true) &&
    Array.isArray(f.edits) && f.edits.length > 0 &&
    f.edits.every((e) => Array.isArray(e) && (e.length === 2 || (e.length === 3 && typeof e[2] === 'string')) && isInt(e[0], length) && isInt(e[1], length) && e[0] <= e[1]));
}

/**
 * The code actions of the diagnostics a client sent (the request's context), from their data, in the order the
 * findings have (place, then rule rank); undefined when a diagnostic of Lingo among them has no data of this version
 * (the caller then uses the findings), or none is under the range. A rule turned off since gets none.
 */
function actionsFromData(doc: TextDocument, start: number, end: number, context: Diagnostic[], settings: Settings): CodeAction[] | undefined {
  const ours: { diagnostic: Diagnostic; data: DataWithFixes }[] = [];
  for (const diagnostic of context) {
    if (diagnostic.source !== SOURCE || diagnostic.code === undefined) continue;
    const data = diagnostic.data;
    if (!isDataOfThisVersion(data, doc)) return undefined;
    if (data.end < start || data.start > end || settings.rules[data.rule] === 'off') continue;
    ours.push({ diagnostic, data });
  }
  if (!ours.length) return undefined;
  const rank = (r: RuleId) => ruleDeclaration(r)!.rank;
  ours.sort((x, y) => x.data.start - y.data.start || x.data.end - y.data.end || rank(x.data.rule) - rank(y.data.rule));
  const actions = new QuickFixes(doc);
  for (const { diagnostic, data } of ours) {
    for (const fix of data.fixes) actions.fix(diagnostic, fix.title, fix.edits.map(([start, end, text]) => ({ start, end, newText: text ?? fix.newText })), fix.preferred);
    actions.disable(diagnostic, data.rule, data.start, data.lang);
  }
  return actions.list;
}
