/**
 * Validation: a document's findings (documentCache.ts) as LSP diagnostics, at most `lingo.maxProblems` of them.
 * Each diagnostic carries `data` (DiagnosticData: what identifies its finding; the quick fixes are made when asked
 * for, see codeActions.ts) and, when the service knows the URI of RULES.md, a `codeDescription` linking its rule's
 * section. A finding that lives on across edits keeps its diagnostic.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import { ruleAnchor } from './declarations';
import type { DocumentCache, Positions } from './documentCache';
import { movedDiagnostic, storeDiagnostic, storedDiagnostic, type Finding } from './findings';
import { format, messages } from './l10n';
import type { RuleId, Settings } from './settings';
import { ownText, sameRange } from './util';

export const SOURCE = 'lingo';

/**
 * What a diagnostic of a finding carries (`Diagnostic.data`, which clients send back with a code action request):
 * its rule and the text it is about. With the diagnostic's range (which the client sends back with it) that names
 * its finding: the text must still be there for the data to be used. It names no version and no offset, so a
 * diagnostic whose finding did not change and whose lines and columns did not move (an edit elsewhere) stays the
 * same object, and a list of them the same list (a pull answered `unchanged`). Its quick fixes are not carried
 * (building them, with the replacement inflected to fit, for up to 1,000 diagnostics per check cost more than the
 * check's own findings): a code action request finds the finding in the current analysis and makes them then.
 */
export interface DiagnosticData {
  rule: RuleId;
  /** The text the finding is about, at the diagnostic's range. */
  text: string;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

/** A finding of another document (consistency across files), with its range there. */
export type FindingElsewhere = Finding & { range: Range };

export class Diagnostics {
  /** Each rule's documentation link, made once. */
  readonly #ruleLinks = new Map<string, { href: string }>();
  /**
   * A finding's diagnostic, kept while the finding object lives: findings before an edit are kept as they
   * were (updateFindings), and so are their lines and columns. Findings of findings.ts store it themselves
   * (storeDiagnostic); the others (consistency across files) in this map.
   */
  readonly #diagnosticOfFinding = new WeakMap<Finding, { uri: string; severity: DiagnosticSeverity; d: Diagnostic }>();
  /** The related information of the findings of one concept (which share their `related` list), per document version. */
  readonly #relatedInfo = new WeakMap<NonNullable<Finding['related']>, { uri: string; version: number; list: DiagnosticRelatedInformation[] }>();
  /** `rulesDocument`: the URI of RULES.md, which each diagnostic's `codeDescription` links; none without it. */
  constructor(private readonly cache: DocumentCache, private readonly rulesDocument: string | undefined) {}

  /** The diagnostics of a document: at most `maxProblems`, the last one then saying how many more there are. */
  doValidation(doc: TextDocument, settings: Settings): Diagnostic[] {
    const all = this.cache.findings(doc, settings);
    const max = settings.maxProblems;
    const e = this.cache.current(doc, settings);
    const pos = this.cache.positions(doc, e);
    const lang = e?.analysis.lang ?? settings.preferredLanguage;
    if (!max || all.length <= max) return all.map((f) => this.diagnosticOf(doc, f, settings, pos));
    // Over the limit: the first ones, and where the rest begin, a notice saying how many are not shown.
    const shown = all.slice(0, max - 1).map((f) => this.diagnosticOf(doc, f, settings, pos));
    const next = all[max - 1];
    const M = messages(lang);
    shown.push({ range: { start: pos(next.start), end: pos(next.end) }, severity: DiagnosticSeverity.Information, source: SOURCE, message: format(M.moreProblems, all.length - (max - 1), max) });
    return shown;
  }

  /** Diagnostics of findings about a document that is not open (consistency across files), without analysing it. */
  diagnosticsOf(findings: FindingElsewhere[], settings: Settings): Diagnostic[] {
    return findings.filter((f) => settings.rules[f.rule] !== 'off').map((f) => ({
      range: f.range,
      severity: SEVERITY[settings.rules[f.rule] as keyof typeof SEVERITY],
      code: f.rule,
      codeDescription: this.#codeDescription(f.rule),
      source: SOURCE,
      message: f.message,
      relatedInformation: f.relatedLocation ? [DiagnosticRelatedInformation.create({ uri: f.relatedLocation.uri, range: f.relatedLocation.range }, f.relatedLocation.message)] : undefined,
    }));
  }

  #codeDescription(rule: RuleId): { href: string } | undefined {
    if (!this.rulesDocument) return undefined;
    let d = this.#ruleLinks.get(rule);
    if (!d) this.#ruleLinks.set(rule, (d = { href: `${this.rulesDocument}#${ruleAnchor(rule)}` }));
    return d;
  }

  /**
   * A finding as an LSP diagnostic. A finding that lived on from an earlier version keeps its diagnostic: unmoved
   * (before the edit), or moved by the edit but on the same lines and columns, with the same related places.
   */
  diagnosticOf(doc: TextDocument, f: Finding, settings: Settings, pos: Positions): Diagnostic {
    const severity = SEVERITY[settings.rules[f.rule] as keyof typeof SEVERITY];
    let d = storedDiagnostic(f, doc.uri, severity) as Diagnostic | undefined;
    if (d) return d;
    const hit = this.#diagnosticOfFinding.get(f);
    if (hit && hit.uri === doc.uri && hit.severity === severity) return hit.d;
    const before = movedDiagnostic(f, doc.uri, severity) as Diagnostic | undefined;
    const range = { start: pos(f.start), end: pos(f.end) };
    const related = this.#related(doc, f, pos);
    d = before && sameRange(before.range, range) && sameRelated(before.relatedInformation, related) ? before : this.#newDiagnostic(doc, f, severity, range, related);
    if (!storeDiagnostic(f, doc.uri, severity, d)) this.#diagnosticOfFinding.set(f, { uri: doc.uri, severity, d });
    return d;
  }

  /**
   * A finding's related places. Findings of one concept share their related places: so do their diagnostics (one
   * list per concept and version, not per finding).
   */
  #related(doc: TextDocument, f: Finding, pos: Positions): DiagnosticRelatedInformation[] | undefined {
    if (f.relatedLocation) return [DiagnosticRelatedInformation.create({ uri: f.relatedLocation.uri, range: f.relatedLocation.range }, f.relatedLocation.message)];
    if (!f.related) return undefined;
    let info = this.#relatedInfo.get(f.related);
    if (!info || info.uri !== doc.uri || info.version !== doc.version) {
      info = { uri: doc.uri, version: doc.version, list: f.related.map((r) => DiagnosticRelatedInformation.create({ uri: doc.uri, range: { start: pos(r.start), end: pos(r.end) } }, r.message)) };
      this.#relatedInfo.set(f.related, info);
    }
    return info.list;
  }

  #newDiagnostic(doc: TextDocument, f: Finding, severity: DiagnosticSeverity, range: Range, related: DiagnosticRelatedInformation[] | undefined): Diagnostic {
    // Every diagnostic has the same fields (one object shape); JSON leaves out an undefined relatedInformation.
    return {
      range,
      severity,
      code: f.rule,
      codeDescription: this.#codeDescription(f.rule),
      source: SOURCE,
      message: f.message,
      relatedInformation: related,
      data: dataOf(doc, f),
    };
  }
}

function sameRelated(a: DiagnosticRelatedInformation[] | undefined, b: DiagnosticRelatedInformation[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => x.message === b[i].message && x.location.uri === b[i].location.uri && sameRange(x.location.range, b[i].location.range));
}

/** What names a finding with its diagnostic's range (see DiagnosticData). */
function dataOf(doc: TextDocument, f: Finding): DiagnosticData {
  return { rule: f.rule, text: ownText(doc.getText().slice(f.start, f.end)) }; // a copy: the diagnostic may outlive this version
}
