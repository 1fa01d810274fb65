/**
 * The language service: plain functions over plain data. It knows LSP's data shapes
 * (vscode-languageserver-types) but not its connection, and does no I/O. The server and the CLI
 * each wire it to the outside world.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction, CodeActionKind, CompletionItem, CompletionItemKind, CompletionList, Diagnostic, DiagnosticRelatedInformation,
  DiagnosticSeverity, DocumentHighlight, Hover, InlayHint, Location, MarkupKind, Position, Range, SemanticTokens, SymbolInformation, TextEdit,
} from 'vscode-languageserver-types';
import type { ConceptCard } from '../protocol';
import { analyze, analyzeSteps, quickLanguage, reanalyze, Analysis } from './analysis';
import { complete, CompletionIndex } from './completion';
import { conceptAt, type ConceptAt } from './conceptAt';
import { conceptCard, type CardOptions } from './conceptCard';
import { documentHighlights } from './highlights';
import { documentReferences, indexConcepts, type ConceptIndex } from './references';
import { prepareRenameAt, renameEdits, type PrepareRename, type RenameResult, type RenameTarget } from './rename';
import { semanticTokensOf } from './semanticTokens';
import { conceptSymbols, findConcepts, usedConcepts, type ConceptMatch } from './symbols';
import { fileNames, type FileNames } from './crossFile';
import { computeFindings, Edit, Finding, Fix, isAcronymUse, keep, kept, spelledOutAs, updateFindings } from './findings';
import { foldKey } from './fold';
import { disableLineEdit, mayControl, mayControlAfter, sameControl, suppressions } from './suppress';
import type { Glossary } from './glossary';
import { hover as hoverAt } from './hover';
import { format, messages } from './l10n';
import { ruleAnchor, ruleDeclaration } from './declarations';
import { DEFAULT_SETTINGS, fixedLanguage, RULES, RuleId, Settings } from './settings';
import { LANGS, type Concept, type Lang } from './types';
import { expansionOf, lineStarts, ownText, positionsIn, section } from './util';

export const SOURCE = 'lingo';

export interface Skipped { reason: 'large' | 'binary'; message: string }

export interface DocumentInfo {
  lang: Lang;
  detected: boolean;
  findings: number;
  skipped?: Skipped;
}

/** What the service is given besides the glossary. */
export interface ServiceOptions {
  /**
   * The URI of the rules' documentation (RULES.md, as the extension ships it): each diagnostic's `codeDescription`
   * points at its rule's section there. Without it diagnostics have none.
   */
  rulesDocument?: string;
}

/**
 * What a diagnostic of a finding carries (`Diagnostic.data`, which clients send back with a code action request):
 * enough to make its quick fixes again without the findings, while the document is at `version`.
 */
export interface DiagnosticData {
  /** The document version the offsets are in. */
  version: number;
  rule: RuleId;
  /** The document's language: the quick fixes' titles are in it. */
  lang: Lang;
  /** The finding's place, as offsets, and the text there (which must still be there for the data to be used). */
  start: number;
  end: number;
  text: string;
  /**
   * Its quick fixes: each edit [start, end] writes the fix's `newText` there, [start, end, text] another text (a
   * "replace all" keeps each place's capitals). Null when one has more than MAX_DATA_EDITS edits (a "replace all"
   * of a name used very often, whose places every diagnostic of that name would carry): code actions then take
   * the fixes from the findings.
   */
  fixes: FixData[] | null;
}

export interface FixData { title: string; newText: string; edits: EditData[]; preferred?: true }
export type EditData = [number, number] | [number, number, string];

/** The most edits a diagnostic's data carries for its quick fixes (see DiagnosticData.fixes). */
export const MAX_DATA_EDITS = 10;

export interface LanguageService {
  setGlossary(glossary: Glossary): void;
  getGlossary(): Glossary;
  /** The analysis of a document (cached per URI and version). */
  analyze(doc: TextDocument, settings?: Settings): Analysis | undefined;
  skipped(doc: TextDocument, settings?: Settings): Skipped | undefined;
  findings(doc: TextDocument, settings?: Settings): Finding[];
  doValidation(doc: TextDocument, settings?: Settings): Diagnostic[];
  doHover(doc: TextDocument, position: Position, settings?: Settings): Hover | null;
  doComplete(doc: TextDocument, position: Position, settings?: Settings): CompletionList;
  /**
   * Quick fixes for the findings under `range`: each finding's fixes and "Disable … for this line". `diagnostics`:
   * the client's diagnostics there (the request's context); when every diagnostic of Lingo among them carries data
   * of this version, the fixes are made from it, else from the findings.
   */
  doCodeActions(doc: TextDocument, range: Range, settings?: Settings, only?: string[], diagnostics?: Diagnostic[]): CodeAction[];
  getInlayHints(doc: TextDocument, range: Range, settings?: Settings): InlayHint[];
  documentInfo(doc: TextDocument, settings?: Settings): DocumentInfo;
  /** Analyses a document in steps, pausing between slices of a large one (drive it with an event loop). */
  prepare(doc: TextDocument, settings?: Settings): Generator<void, void>;
  /**
   * What consistency across files needs of a document (see crossFile.ts), from its cached analysis when there is
   * one; `keep`: cache the analysis (an open document), else analyse it without caching (a file on disk, which
   * must not push the open documents' analyses out of the cache).
   */
  consistencyNames(doc: TextDocument, settings?: Settings, keep?: boolean): FileNames | undefined;
  /** Diagnostics of findings about a document that is not open (consistency across files), without analysing it. */
  diagnosticsOf(findings: (Finding & { range: Range })[], settings?: Settings): Diagnostic[];
  /** Findings computed over several documents (consistency across files), for this document's version. */
  setCrossFileFindings(uri: string, version: number, findings: Finding[]): void;
  forget(uri: string): void;

  // ---- concepts (issue 18): the concept under the cursor, its places, its name, its card --------------------
  /** The concept of the term at a position (a doubtful occurrence too), or null. */
  conceptAt(doc: TextDocument, position: Position, settings?: Settings): ConceptAt | null;
  /** Every occurrence of the concept at a position (kind Text); doubtful ones only when under the cursor. */
  findDocumentHighlights(doc: TextDocument, position: Position, settings?: Settings): DocumentHighlight[];
  /** References within the document: the places of the concept at a position (as the highlights). */
  references(doc: TextDocument, position: Position, settings?: Settings): Location[];
  /**
   * A file's concept index (references.ts), for workspace references, rename, symbols and usage; `keep` as for
   * consistencyNames. Undefined for a skipped (huge or binary) file. Calling consistencyNames and conceptIndex
   * on the same TextDocument object analyses a file that is not kept once.
   */
  conceptIndex(doc: TextDocument, settings?: Settings, keep?: boolean): ConceptIndex | undefined;
  /** What a rename at a position replaces and its placeholder, or why there is nothing to rename (in the document's language). */
  prepareRename(doc: TextDocument, position: Position, settings?: Settings): PrepareRename;
  /** The edits that give a concept one name in a language, over the files' indexes (rename.ts), or a refusal. */
  renameEdits(target: RenameTarget, files: Iterable<ConceptIndex>): RenameResult;
  /** The document's terms as semantic tokens (legend: SEMANTIC_TOKENS_LEGEND), all of them or those meeting a range. */
  semanticTokens(doc: TextDocument, settings?: Settings, range?: Range): SemanticTokens;
  /** Concepts whose names match a query (symbols.ts), best first. */
  findConcepts(query: string, lang: Lang, limit?: number, accept?: (c: Concept) => boolean): ConceptMatch[];
  /** Workspace symbols: the concepts matching a query that the files use, one symbol per file (at most `limit`, default 256). */
  workspaceSymbols(query: string, lang: Lang, files: readonly ConceptIndex[], limit?: number): SymbolInformation[];
  /** A concept's card in a language, or undefined for an unknown id. */
  conceptCard(id: string, lang: Lang, options?: CardOptions): ConceptCard | undefined;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

const isMarkdown = (doc: TextDocument) => doc.languageId !== 'plaintext' && !/\.txt$/i.test(doc.uri);

/** NUL bytes or many control characters in the first 8 KB: not a text document. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) ctrl++;
  }
  return n > 0 && ctrl / n > 0.1;
}

export function getLanguageService(initial: Glossary, options: ServiceOptions = {}): LanguageService {
  let glossary = initial;
  // Each rule's documentation link, made once.
  const docs = new Map<string, { href: string }>();
  const codeDescription = (rule: RuleId) => {
    if (!options.rulesDocument) return undefined;
    let d = docs.get(rule);
    if (!d) docs.set(rule, (d = { href: `${options.rulesDocument}#${ruleAnchor(rule)}` }));
    return d;
  };
  let completionIndex: CompletionIndex | undefined;
  /** `control`: the text may hold control comments (see suppress.ts), kept up to date across edits. */
  interface CacheEntry { version: number; key: string; analysis: Analysis; control: boolean; findings?: Finding[]; lines?: Uint32Array }
  const cache = new Map<string, CacheEntry>();

  const keys = new WeakMap<Settings, string>();
  const settingsKey = (s: Settings, uri: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = JSON.stringify([s.preferredLanguage, s.languages, s.ignoreWords])));
    return `${fixedLanguage(s, uri) ?? ''}|${k}`;
  };

  /**
   * Is what was remembered for a document about this version of it? The text is compared too (the same string
   * object, unless a client changed the text without a new version number).
   */
  const current = (version: number, text: string, doc: TextDocument) => version === doc.version && text === doc.getText();

  // Whether a document is skipped depends only on its text and the size limit: remembered per version.
  const skips = new Map<string, { version: number; text: string; limit: number; lang: Lang; result: Skipped | undefined }>();
  function skipped(doc: TextDocument, settings = DEFAULT_SETTINGS): Skipped | undefined {
    const hit = skips.get(doc.uri);
    if (hit && current(hit.version, hit.text, doc) && hit.limit === settings.maxFileSizeMB && hit.lang === settings.preferredLanguage) return hit.result;
    const result = computeSkipped(doc, settings);
    skips.set(doc.uri, { version: doc.version, text: doc.getText(), limit: settings.maxFileSizeMB, lang: settings.preferredLanguage, result });
    if (skips.size > 200) skips.delete(skips.keys().next().value!);
    return result;
  }

  function computeSkipped(doc: TextDocument, settings: Settings): Skipped | undefined {
    const text = doc.getText();
    const M = messages(settings.preferredLanguage);
    const mb = text.length / (1024 * 1024);
    if (mb > settings.maxFileSizeMB) return { reason: 'large', message: format(M.skippedLarge, mb.toFixed(1), settings.maxFileSizeMB) };
    if (looksBinary(text)) return { reason: 'binary', message: M.skippedBinary };
    return undefined;
  }

  function optionsFor(doc: TextDocument, settings: Settings) {
    return {
      lang: fixedLanguage(settings, doc.uri),
      fallbackLang: settings.preferredLanguage,
      languages: settings.languages,
      ignore: new Set(settings.ignoreWords.map(foldKey)),
      markdown: isMarkdown(doc),
    };
  }

  /** Caches an analysis; `prev` is the entry it was re-analysed from, whose findings may still hold. */
  function store(doc: TextDocument, key: string, analysis: Analysis, prev?: CacheEntry): CacheEntry {
    const edit = analysis.edit;
    const control = prev && edit ? mayControlAfter(prev.control, analysis.text, edit.at, edit.newEnd) : mayControl(analysis.text);
    const e: CacheEntry = { version: doc.version, key, analysis, control };
    if (prev?.findings && edit && sameControl(prev.analysis.text, analysis.text, edit.at, edit.oldEnd, edit.delta, prev.control, control)) {
      e.findings = updateFindings(prev.findings, analysis, (fs) => unsuppressed(analysis.text, fs, control));
    }
    cache.set(doc.uri, e);
    if (cache.size > 50) cache.delete(cache.keys().next().value!);
    return e;
  }

  /** The cached analysis of this version, or undefined. */
  function cached(doc: TextDocument, settings: Settings): CacheEntry | undefined {
    const hit = cache.get(doc.uri);
    return hit && current(hit.version, hit.analysis.text, doc) && hit.key === settingsKey(settings, doc.uri) ? hit : undefined;
  }

  function entry(doc: TextDocument, settings = DEFAULT_SETTINGS): CacheEntry | undefined {
    if (skipped(doc, settings)) return undefined;
    const key = settingsKey(settings, doc.uri);
    const hit = cache.get(doc.uri);
    if (hit && current(hit.version, hit.analysis.text, doc) && hit.key === key) return hit;
    const opts = optionsFor(doc, settings);
    // After an edit, re-scan only around it when that is safe; else the whole document.
    const text = doc.getText();
    const analysis = (hit && hit.key === key && reanalyze(hit.analysis, text, glossary, opts)) || analyze(text, glossary, opts);
    return store(doc, key, analysis, hit);
  }

  /** Large documents without an analysis of this version: hover and completion look only near the cursor. */
  const LOCAL = 512 * 1024;
  function local(doc: TextDocument, offset: number, settings: Settings): { analysis: Analysis; base: number; text: string } | undefined {
    const text = doc.getText();
    if (text.length < LOCAL || cached(doc, settings) || skipped(doc, settings)) return undefined;
    const opts = optionsFor(doc, settings);
    const lang = cache.get(doc.uri)?.analysis.lang ?? quickLanguage(text, glossary, opts);
    let from = Math.max(0, offset - 2000), to = Math.min(text.length, offset + 2000);
    while (from > 0 && !/\s/.test(text[from - 1])) from--;
    while (to < text.length && !/\s/.test(text[to])) to++;
    const window = text.slice(from, to);
    return { analysis: analyze(window, glossary, { ...opts, lang }), base: from, text: window };
  }
  const cross = new Map<string, { version: number; findings: Finding[] }>();

  function findings(doc: TextDocument, settings = DEFAULT_SETTINGS): Finding[] {
    const e = entry(doc, settings);
    if (!e) return [];
    const extra = cross.get(doc.uri);
    const mine = ownFindings(doc, e);
    const all = extra && extra.version === doc.version && extra.findings.length ? [...mine, ...extra.findings].sort((x, y) => x.start - y.start) : mine;
    return RULES.some((r) => settings.rules[r] === 'off') ? all.filter((f) => settings.rules[f.rule] !== 'off') : all;
  }

  function ownFindings(doc: TextDocument, e: CacheEntry): Finding[] {
    // Findings depend on the rules too; rule levels only filter, so compute all and filter.
    if (!e.findings) {
      const text = doc.getText();
      e.findings = unsuppressed(text, computeFindings(text, e.analysis, () => true), e.control);
    }
    return e.findings;
  }

  /** Leaves out findings turned off by comments in the text (lingo-disable…). */
  function unsuppressed(text: string, fs: Finding[], control: boolean): Finding[] {
    const off = suppressions(text, control);
    return fs.filter((f) => !off(f.rule, f.start));
  }

  // A finding's diagnostic, kept while the finding object lives: findings before an edit are kept as they
  // were (updateFindings), and so are their lines and columns. Findings of findings.ts keep it themselves
  // (keep/kept); the others (consistency across files) in this map.
  const diagnostics = new WeakMap<Finding, { uri: string; severity: DiagnosticSeverity; d: Diagnostic }>();
  const relatedInfo = new WeakMap<NonNullable<Finding['related']>, { uri: string; version: number; list: DiagnosticRelatedInformation[] }>();
  /** The text each diagnostic's data was made for. */
  const madeFor = new WeakMap<Diagnostic, string>();

  /**
   * A finding as an LSP diagnostic. A finding that lived on from an earlier version unmoved keeps its diagnostic's
   * place; its data is made again for this version (the places of its "replace all" may have moved).
   */
  function toDiagnostic(doc: TextDocument, f: Finding, settings: Settings, pos: Positions, lang: Lang): Diagnostic {
    const severity = SEVERITY[settings.rules[f.rule] as keyof typeof SEVERITY];
    let d = kept(f, doc.uri, severity) as Diagnostic | undefined;
    if (!d) {
      const hit = diagnostics.get(f);
      if (hit && hit.uri === doc.uri && hit.severity === severity) d = hit.d;
    }
    const text = doc.getText();
    // The text compared too: a client may change a text without a new version number.
    if (d && (d.data as DiagnosticData).version === doc.version && (d.data as DiagnosticData).lang === lang && madeFor.get(d) === text) return d;
    if (d) {
      // Unmoved, its own fix is as it was: only a "replace all" may have places that moved.
      const old = d.data as DiagnosticData;
      d = { ...d, data: f.mostEdits === 1 && old.fixes && old.lang === lang ? { ...old, version: doc.version } : dataOf(doc, f, lang) };
    } else d = newDiagnostic(doc, f, severity, pos, lang);
    madeFor.set(d, text);
    if (!keep(f, doc.uri, severity, d)) diagnostics.set(f, { uri: doc.uri, severity, d });
    return d;
  }

  // The data of a fix shared by several findings ("replace all"), made once per version (findings.ts shares the fix).
  const fixData = new WeakMap<Fix, NonNullable<DiagnosticData['fixes']>[number] | null>();
  function dataOf(doc: TextDocument, f: Finding, lang: Lang): DiagnosticData {
    const version = doc.version, text = ownText(doc.getText().slice(f.start, f.end)); // a copy: the diagnostic may outlive this version
    // A "replace all" too long to carry is not built to find that out.
    if ((f.mostEdits ?? 0) > MAX_DATA_EDITS) return { version, rule: f.rule, lang, start: f.start, end: f.end, text, fixes: null };
    const fixes: NonNullable<DiagnosticData['fixes']> = [];
    for (const fix of f.fixes) {
      let x = fixData.get(fix);
      if (x === undefined) {
        const newText = fix.edits[0]?.newText ?? '';
        x = fix.edits.length > MAX_DATA_EDITS ? null
          : { title: fix.title, newText, edits: fix.edits.map((e): EditData => (e.newText === newText ? [e.start, e.end] : [e.start, e.end, e.newText])) };
        if (x && fix.preferred) x.preferred = true;
        fixData.set(fix, x);
      }
      if (!x) return { version, rule: f.rule, lang, start: f.start, end: f.end, text, fixes: null };
      fixes.push(x);
    }
    return { version, rule: f.rule, lang, start: f.start, end: f.end, text, fixes };
  }

  function newDiagnostic(doc: TextDocument, f: Finding, severity: DiagnosticSeverity, pos: Positions, lang: Lang): Diagnostic {
    // Every diagnostic has the same fields (one object shape); JSON leaves out an undefined relatedInformation.
    const d: Diagnostic = {
      range: { start: pos(f.start), end: pos(f.end) },
      severity,
      code: f.rule,
      codeDescription: codeDescription(f.rule),
      source: SOURCE,
      message: f.message,
      relatedInformation: undefined,
      data: dataOf(doc, f, lang),
    };
    if (f.related && !f.relatedLocation) {
      // Findings of one concept share their related places: so do their diagnostics (one list per concept, not per finding).
      let info = relatedInfo.get(f.related);
      if (!info || info.uri !== doc.uri || info.version !== doc.version) {
        info = { uri: doc.uri, version: doc.version, list: f.related.map((r) => DiagnosticRelatedInformation.create({ uri: doc.uri, range: { start: pos(r.start), end: pos(r.end) } }, r.message)) };
        relatedInfo.set(f.related, info);
      }
      d.relatedInformation = info.list;
    }
    if (f.relatedLocation) d.relatedInformation = [DiagnosticRelatedInformation.create({ uri: f.relatedLocation.uri, range: f.relatedLocation.range }, f.relatedLocation.message)];
    return d;
  }

  const range = (doc: TextDocument, start: number, end: number): Range => ({ start: doc.positionAt(start), end: doc.positionAt(end) });

  /**
   * The analysis of a file that is not kept (one on disk), made once per TextDocument object: the server asks both
   * consistencyNames and conceptIndex of a file it reads, and the document object (with this) goes when it is done.
   */
  const unkept = new WeakMap<TextDocument, { key: string; analysis: Analysis }>();
  function uncachedAnalysis(doc: TextDocument, settings: Settings): Analysis {
    const key = `${doc.version}|${settingsKey(settings, doc.uri)}`;
    const hit = unkept.get(doc);
    if (hit && hit.key === key && hit.analysis.text === doc.getText()) return hit.analysis;
    const analysis = analyze(doc.getText(), glossary, optionsFor(doc, settings));
    unkept.set(doc, { key, analysis });
    return analysis;
  }

  type Positions = (offset: number) => Position;
  /**
   * Positions of a document's offsets. After a full analysis, from a line table of the analysed text (found
   * with indexOf, where TextDocument would count lines character by character); after an edit, from the
   * document, which keeps its own table up to date across edits.
   */
  function positions(doc: TextDocument, e: CacheEntry | undefined): Positions {
    const text = doc.getText();
    if (!e || e.analysis.edit || e.analysis.text !== text) return (o) => doc.positionAt(o);
    return positionsIn((e.lines ??= lineStarts(text)), text);
  }

  return {
    setGlossary(g) { glossary = g; completionIndex = undefined; cache.clear(); },
    getGlossary: () => glossary,
    analyze: (doc, settings) => entry(doc, settings)?.analysis,
    skipped,
    findings,
    forget: (uri) => { cache.delete(uri); skips.delete(uri); cross.delete(uri); },
    consistencyNames(doc, settings = DEFAULT_SETTINGS, keepIt = false) {
      // A file that is not kept (one on disk) is looked at without entering the caches: neither its analysis nor
      // its text in `skips`.
      if (keepIt ? skipped(doc, settings) : computeSkipped(doc, settings)) return undefined;
      const hit = cached(doc, settings);
      const text = doc.getText();
      if (hit || keepIt) {
        const e = hit ?? entry(doc, settings)!;
        return fileNames(doc.uri, text, e.analysis, positions(doc, e), suppressions(text, e.control));
      }
      return fileNames(doc.uri, text, uncachedAnalysis(doc, settings), positionsIn(lineStarts(text), text), suppressions(text));
    },
    diagnosticsOf(fs, settings = DEFAULT_SETTINGS) {
      return fs.filter((f) => settings.rules[f.rule] !== 'off').map((f) => ({
        range: f.range,
        severity: SEVERITY[settings.rules[f.rule] as keyof typeof SEVERITY],
        code: f.rule,
        codeDescription: codeDescription(f.rule),
        source: SOURCE,
        message: f.message,
        relatedInformation: f.relatedLocation ? [DiagnosticRelatedInformation.create({ uri: f.relatedLocation.uri, range: f.relatedLocation.range }, f.relatedLocation.message)] : undefined,
      }));
    },
    setCrossFileFindings(uri, version, fs) {
      if (fs.length) cross.set(uri, { version, findings: fs }); else cross.delete(uri);
    },

    doValidation(doc, settings = DEFAULT_SETTINGS) {
      const all = findings(doc, settings);
      const max = settings.maxProblems;
      const e = cached(doc, settings);
      const pos = positions(doc, e);
      const lang = e?.analysis.lang ?? settings.preferredLanguage;
      if (!max || all.length <= max) return all.map((f) => toDiagnostic(doc, f, settings, pos, lang));
      // Over the limit: the first ones, and where the rest begin, a notice saying how many are not shown.
      const shown = all.slice(0, max - 1).map((f) => toDiagnostic(doc, f, settings, pos, lang));
      const next = all[max - 1];
      const M = messages(lang);
      shown.push({ range: { start: pos(next.start), end: pos(next.end) }, severity: DiagnosticSeverity.Information, source: SOURCE, message: format(M.moreProblems, all.length - (max - 1), max) });
      return shown;
    },

    doHover(doc, position, settings = DEFAULT_SETTINGS) {
      const offset = doc.offsetAt(position);
      const near = local(doc, offset, settings);
      if (near) {
        const h = hoverAt(near.analysis, glossary, near.text, offset - near.base);
        return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc, h.start + near.base, h.end + near.base) } : null;
      }
      const e = entry(doc, settings);
      if (!e) return null;
      const h = hoverAt(e.analysis, glossary, doc.getText(), offset);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc, h.start, h.end) } : null;
    },

    *prepare(doc, settings = DEFAULT_SETTINGS) {
      if (skipped(doc, settings) || cached(doc, settings)) return;
      const key = settingsKey(settings, doc.uri);
      const hit = cache.get(doc.uri);
      const opts = optionsFor(doc, settings);
      const text = doc.getText();
      const quick = hit && hit.key === key ? reanalyze(hit.analysis, text, glossary, opts) : undefined;
      const analysis = quick ?? (yield* analyzeSteps(text, glossary, opts));
      store(doc, key, analysis, hit);
    },

    doComplete(doc, position, settings = DEFAULT_SETTINGS) {
      if (skipped(doc, settings)) return { isIncomplete: false, items: [] };
      // Completion needs only the document's language: from the analysis when there is one.
      const text = doc.getText();
      const known = cached(doc, settings) ?? cache.get(doc.uri);
      const lang = known?.analysis.lang ?? (text.length >= LOCAL ? quickLanguage(text, glossary, optionsFor(doc, settings)) : entry(doc, settings)!.analysis.lang);
      completionIndex ??= new CompletionIndex(glossary);
      const entries = complete(glossary, completionIndex, text, doc.offsetAt(position), lang, settings.languages);
      const items: CompletionItem[] = entries.map((c) => ({
        label: c.label,
        kind: c.variant === 'term' ? CompletionItemKind.Text : CompletionItemKind.Snippet,
        detail: c.detail,
        documentation: { kind: MarkupKind.Markdown, value: c.documentation },
        filterText: c.filterText,
        sortText: c.sortText,
        textEdit: TextEdit.replace(range(doc, c.start, c.end), c.insert),
        data: { concept: c.term.concept.id, lang: c.term.lang, variant: c.variant },
      }));
      return { isIncomplete: true, items };
    },

    doCodeActions(doc, r, settings = DEFAULT_SETTINGS, only, context) {
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
      const start = doc.offsetAt(r.start), end = doc.offsetAt(r.end);
      const fromData = context && actionsFromData(doc, start, end, context, settings);
      if (fromData) return fromData;
      const actions = new Actions(doc);
      // Only the findings under the range become diagnostics here (code actions are asked for on every cursor move),
      // and only those that are published: no fix for a problem the editor does not show (lingo.maxProblems).
      const all = findings(doc, settings);
      const max = settings.maxProblems;
      const shown = !max || all.length <= max ? all.length : max - 1;
      const lang = entry(doc, settings)?.analysis.lang ?? settings.preferredLanguage;
      for (let k = 0; k < shown; k++) {
        const f = all[k];
        if (f.end < start || f.start > end) continue;
        const diagnostic = toDiagnostic(doc, f, settings, (o) => doc.positionAt(o), lang);
        for (const fix of f.fixes) actions.fix(diagnostic, fix.title, fix.edits.map((x) => ({ start: x.start, end: x.end, newText: x.newText })), fix.preferred);
        actions.disable(diagnostic, f.rule, f.start, lang);
      }
      return actions.list;
    },

    getInlayHints(doc, r, settings = DEFAULT_SETTINGS) {
      const e = entry(doc, settings);
      if (!e) return [];
      const text = doc.getText();
      // Whole lines: VS Code's limit (editor.inlayHints.maximumLength) is for all the hints of a line together.
      const fromLine = r.start.line, toLine = r.end.line;
      const seen = new Set<string>();
      const hints: InlayHint[] = [];
      const occs = e.analysis.occurrences;
      const lang = e.analysis.lang;
      let line = -1, room = 0;
      occs.forEach((o, k) => {
        if (o.doubtful || !isAcronymUse(o) || seen.has(o.term.text)) return;
        if (spelledOutAs(text, occs, k)) return;
        seen.add(o.term.text);
        const position = doc.positionAt(o.end);
        if (position.line < fromLine || position.line > toLine) return;
        if (position.line !== line) { line = position.line; room = HINT_MAX; }
        const label = fitHint(expansionOf(o.term.text, o.term.concept, lang), room);
        if (!label) return; // no room left on this line: the hover has the expansion
        room -= label.length;
        const s = section(o.term.concept, lang).section;
        hints.push({ position, label, paddingLeft: true, tooltip: s.definition ? { kind: MarkupKind.Markdown, value: s.definition } : undefined });
      });
      return hints;
    },

    conceptAt(doc, position, settings = DEFAULT_SETTINGS) {
      const e = entry(doc, settings);
      return e ? conceptAt(e.analysis, doc.offsetAt(position), positions(doc, e)) : null;
    },

    findDocumentHighlights(doc, position, settings = DEFAULT_SETTINGS) {
      const e = entry(doc, settings);
      return e ? documentHighlights(e.analysis, doc.offsetAt(position), positions(doc, e)) : [];
    },

    references(doc, position, settings = DEFAULT_SETTINGS) {
      const e = entry(doc, settings);
      return e ? documentReferences(doc.uri, e.analysis, doc.offsetAt(position), positions(doc, e)) : [];
    },

    conceptIndex(doc, settings = DEFAULT_SETTINGS, keepIt = false) {
      if (keepIt ? skipped(doc, settings) : computeSkipped(doc, settings)) return undefined;
      const text = doc.getText();
      const hit = cached(doc, settings);
      if (hit || keepIt) {
        const e = hit ?? entry(doc, settings)!;
        return indexConcepts(doc.uri, doc.version, text, e.analysis, positions(doc, e));
      }
      return indexConcepts(doc.uri, doc.version, text, uncachedAnalysis(doc, settings), positionsIn(lineStarts(text), text));
    },

    prepareRename(doc, position, settings = DEFAULT_SETTINGS) {
      const sk = skipped(doc, settings);
      if (sk) return { error: sk.message };
      const e = entry(doc, settings)!;
      return prepareRenameAt(e.analysis, doc.offsetAt(position), positions(doc, e));
    },

    renameEdits: (target, files) => renameEdits(glossary, target, files),

    semanticTokens(doc, settings = DEFAULT_SETTINGS, r) {
      const e = entry(doc, settings);
      if (!e) return { data: [] };
      return r ? semanticTokensOf(e.analysis, positions(doc, e), doc.offsetAt(r.start), doc.offsetAt(r.end)) : semanticTokensOf(e.analysis, positions(doc, e));
    },

    findConcepts: (query, lang, limit, accept) => findConcepts(glossary, query, lang, limit, accept),

    workspaceSymbols(query, lang, files, limit = 256) {
      const used = usedConcepts(files);
      const matches = findConcepts(glossary, query, lang, limit, (c) => used.has(c.id));
      const domainName = (d: string) => glossary.domains[d]?.[lang] ?? glossary.domains[d]?.en ?? d;
      return conceptSymbols(matches, files, lang, query, domainName).slice(0, limit);
    },

    conceptCard(id, lang, options) {
      const c = glossary.byId.get(id);
      return c ? conceptCard(glossary, c, lang, options) : undefined;
    },

    documentInfo(doc, settings = DEFAULT_SETTINGS) {
      const sk = skipped(doc, settings);
      const e = entry(doc, settings);
      return {
        lang: e?.analysis.lang ?? fixedLanguage(settings, doc.uri) ?? settings.preferredLanguage,
        detected: !fixedLanguage(settings, doc.uri),
        findings: e ? findings(doc, settings).length : 0,
        skipped: sk,
      };
    },
  };
}

/** The code actions of one request: each finding's fixes, then one "Disable … for this line" per line and rule. */
class Actions {
  readonly list: CodeAction[] = [];
  readonly #disables = new Map<string, CodeAction>();
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
    const known = this.#disables.get(key);
    if (known) { known.diagnostics!.push(diagnostic); return; }
    const M = messages(lang);
    const action: CodeAction = {
      title: format(M.disableForLine, M.quote(ruleDeclaration(rule)!.text[lang].title)),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [this.doc.uri]: [TextEdit.replace({ start: this.doc.positionAt(e.start), end: this.doc.positionAt(e.end) }, e.newText)] } },
    };
    this.#disables.set(key, action);
    this.list.push(action);
  }
}

const isInt = (x: unknown, max: number): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max;

/**
 * Whether a client's diagnostic data (clients echo it back) is data of this service about this version of the text:
 * of its version, with the text it names still at its place (a client may change a text without a new version).
 */
function validData(x: unknown, doc: TextDocument): x is DiagnosticData & { fixes: NonNullable<DiagnosticData['fixes']> } {
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
  const mine: { d: Diagnostic; data: DiagnosticData & { fixes: NonNullable<DiagnosticData['fixes']> } }[] = [];
  for (const d of context) {
    if (d.source !== SOURCE || d.code === undefined) continue;
    const data = d.data;
    if (!validData(data, doc)) return undefined;
    if (data.end < start || data.start > end || settings.rules[data.rule] === 'off') continue;
    mine.push({ d, data });
  }
  if (!mine.length) return undefined;
  const rank = (r: RuleId) => ruleDeclaration(r)!.rank;
  mine.sort((x, y) => x.data.start - y.data.start || x.data.end - y.data.end || rank(x.data.rule) - rank(y.data.rule));
  const actions = new Actions(doc);
  for (const { d, data } of mine) {
    for (const fix of data.fixes) actions.fix(d, fix.title, fix.edits.map(([start, end, text]) => ({ start, end, newText: text ?? fix.newText })), fix.preferred);
    actions.disable(d, data.rule, data.start, data.lang);
  }
  return actions.list;
}

/**
 * VS Code shows at most 43 characters of inlay hints per line (editor.inlayHints.maximumLength, for all the hints of
 * the line together) and cuts the rest in the middle of a word. A hint is "(expansion)" within the room left on
 * its line, shortened at a word boundary with "…" when the expansion is longer; undefined when too little room is
 * left for a readable hint (fewer than 12 characters), so that nothing is cut by the editor.
 */
export const HINT_MAX = 43;
const HINT_MIN = 12;
export function fitHint(expansion: string, room = HINT_MAX): string | undefined {
  if (expansion.length + 2 <= room) return `(${expansion})`;
  if (room < HINT_MIN) return undefined;
  const fit = room - 3; // the parentheses and the ellipsis
  const cut = expansion.lastIndexOf(' ', fit);
  const head = expansion.slice(0, cut > fit / 2 ? cut : fit).replace(/[\s,;:–-]+$/, '');
  return `(${head}…)`;
}

export type { RuleId };
