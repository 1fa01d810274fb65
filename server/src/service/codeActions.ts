/**
 * Quick fixes: each finding's fixes and "Disable … for this line", for the findings of the current analysis under the
 * request's range; an edit only ever touches the range its finding names. The request's diagnostics whose data
 * (diagnostics.ts) names a finding of this version are the ones the actions name. For a client that resolves code
 * actions (codeAction/resolve), a fix is sent with its title and `data` (CodeActionData) and its edits are made
 * when it is chosen: a "replace all" fits the replacement to each place it replaces.
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
import type { Lang } from './types';

/** What a fix sent without its edits carries (`CodeAction.data`), for codeAction/resolve: its finding and which fix. */
export interface CodeActionData {
  uri: string;
  /** The document version the offsets are in. */
  version: number;
  rule: RuleId;
  /** The finding's place, as offsets, and the text there (which must still be there for the data to be used). */
  start: number;
  end: number;
  text: string;
  /** The index of the fix among its finding's fixes. */
  fix: number;
}

export class CodeActions {
  constructor(private readonly cache: DocumentCache, private readonly diagnostics: Diagnostics) {}

  /**
   * Quick fixes for the findings under `range`: each finding's fixes and "Disable … for this line". `context`: the
   * client's diagnostics there (the request's context), which the actions name when their data is of this version.
   * `resolvable`: fixes come without their edits, made by `resolveCodeAction` when one is chosen.
   */
  doCodeActions(doc: TextDocument, range: Range, settings: Settings, only?: string[], context?: Diagnostic[], resolvable = false): CodeAction[] {
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const start = doc.offsetAt(range.start), end = doc.offsetAt(range.end);
    const given = context ? clientDiagnostics(doc, context) : undefined;
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
      const diagnostic = given?.get(findingKey(f.rule, f.start, f.end)) ?? this.diagnostics.diagnosticOf(doc, f, settings, (o) => doc.positionAt(o));
      if (resolvable && f.fixTitles) {
        f.fixTitles.forEach((x, i) => actions.unresolved(diagnostic, x.title, x.preferred, { uri: doc.uri, version: doc.version, rule: f.rule, start: f.start, end: f.end, text: doc.getText().slice(f.start, f.end), fix: i }));
      } else {
        for (const fix of f.fixes) actions.fix(diagnostic, fix.title, fix.edits, fix.preferred);
      }
      actions.disable(diagnostic, f.rule, f.start, lang);
    }
    return actions.list;
  }

  /**
   * A fix sent without its edits, with them: those of its finding in the current analysis, when the document is
   * still at the version the action was made for and the finding is still there; else the action as it came (with
   * no edit: nothing is changed).
   */
  resolveCodeAction(doc: TextDocument, action: CodeAction, settings: Settings): CodeAction {
    const d = action.data as CodeActionData;
    if (!d || typeof d !== 'object' || !namesPlaceOfThisVersion(doc, d.version, d.rule, d.start, d.end, d.text) || d.uri !== doc.uri || !Number.isInteger(d.fix)) return action;
    const f = this.cache.findings(doc, settings).find((x) => x.rule === d.rule && x.start === d.start && x.end === d.end);
    const fix = f?.fixes[d.fix];
    if (!fix) return action;
    return { ...action, edit: { changes: { [doc.uri]: textEdits(doc, fix.edits) } } };
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
      edit: { changes: { [this.doc.uri]: textEdits(this.doc, edits) } },
    });
  }

  /** A fix without its edits, which codeAction/resolve makes from `data`. */
  unresolved(diagnostic: Diagnostic, title: string, preferred: boolean | undefined, data: CodeActionData): void {
    this.list.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, data });
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

const textEdits = (doc: TextDocument, edits: Edit[]): TextEdit[] => edits.map((e) => TextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.newText));

const isInt = (x: unknown, max: number): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max;

/**
 * Whether a client's diagnostic data (clients echo it back) with its diagnostic's code is data of this service about
 * this version of the text: of its version, with the text it names still at its place (a client may change a text
 * without a new version).
 */
function isDataOfThisVersion(x: unknown, code: unknown, doc: TextDocument): x is DiagnosticData {
  return Array.isArray(x) && x.length === 4 && namesPlaceOfThisVersion(doc, x[0], code, x[1], x[2], x[3]);
}

function namesPlaceOfThisVersion(doc: TextDocument, version: unknown, rule: unknown, start: unknown, end: unknown, text: unknown): boolean {
  if (version !== doc.version || typeof rule !== 'string' || !ruleDeclaration(rule as RuleId)) return false;
  const length = doc.getText().length;
  return isInt(start, length) && isInt(end, length) && start <= end && typeof text === 'string' && doc.getText().slice(start, end) === text;
}

const findingKey = (rule: RuleId, start: number, end: number) => `${rule}|${start}|${end}`;

/** The client's diagnostics of Lingo whose data names a finding of this version, by that finding. */
function clientDiagnostics(doc: TextDocument, context: Diagnostic[]): Map<string, Diagnostic> {
  const out = new Map<string, Diagnostic>();
  for (const d of context) {
    if (d.source !== SOURCE || !isDataOfThisVersion(d.data, d.code, doc)) continue;
    const [, start, end] = d.data;
    out.set(findingKey(d.code as RuleId, start, end), d);
  }
  return out;
}
