/**
 * The language service's facade: the one object the server, the CLI and the tests use. Each feature lives in a
 * file of its own over the documents' cache (documentCache.ts): diagnostics.ts, codeActions.ts, inlayHints.ts, the
 * concept features; hover and completion are thin glue here over hover.ts and completion.ts. It knows LSP's data
 * shapes (vscode-languageserver-types) but not its connection, and does no I/O. The server and the CLI each wire it
 * to the outside world.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction, CompletionItem, CompletionItemKind, CompletionList, Diagnostic, DocumentHighlight, Hover, InlayHint, Location, MarkupKind,
  Position, Range, SemanticTokens, SymbolInformation, TextEdit,
} from 'vscode-languageserver-types';
import type { ConceptCard, GlossaryConceptsResult, GlossaryDomainsResult } from '../protocol';
import { quickLanguage, type Analysis } from './analysis';
import { CodeActions } from './codeActions';
import { complete, CompletionIndex } from './completion';
import { conceptAt, type ConceptAt } from './conceptAt';
import { conceptCard, type CardOptions } from './conceptCard';
import { fileNames, type FileNames } from './crossFile';
import { Diagnostics, type FindingElsewhere } from './diagnostics';
import { DocumentCache, LARGE_DOCUMENT, whySkipped, type Skipped } from './documentCache';
import type { Finding } from './findings';
import type { Glossary } from './glossary';
import { domainConcepts, glossaryDomains } from './glossaryView';
import { documentHighlights } from './highlights';
import { hover as hoverAt } from './hover';
import { InlayHints } from './inlayHints';
import { documentReferences, indexConcepts, type ConceptIndex } from './references';
import { prepareRenameAt, renameEdits, type PrepareRename, type RenameResult, type RenameTarget } from './rename';
import { semanticTokensOf } from './semanticTokens';
import { DEFAULT_SETTINGS, fixedLanguage, RuleId, Settings } from './settings';
import { suppressions } from './suppress';
import { conceptSymbols, findConcepts, releaseSearch, usedConcepts, type ConceptMatch } from './symbols';
import type { Concept, Lang } from './types';
import { lineStarts, positionsIn } from './util';

export { looksBinary, type Skipped } from './documentCache';
export { SOURCE, type DiagnosticData } from './diagnostics';
export type { CodeActionData } from './codeActions';

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
   * the client's diagnostics there (the request's context), which the actions name when their data is of this
   * version. `resolvable`: the fixes come without their edits (and with `data`), for a client that resolves them.
   */
  doCodeActions(doc: TextDocument, range: Range, settings?: Settings, only?: string[], diagnostics?: Diagnostic[], resolvable?: boolean): CodeAction[];
  /** A fix that came without its edits (doCodeActions, resolvable), with them; as it came when its finding is gone. */
  resolveCodeAction(doc: TextDocument, action: CodeAction, settings?: Settings): CodeAction;
  getInlayHints(doc: TextDocument, range: Range, settings?: Settings): InlayHint[];
  documentInfo(doc: TextDocument, settings?: Settings): DocumentInfo;
  /** The Glossary view's domains with their counts (glossaryView.ts). */
  glossaryDomains(lang: Lang): GlossaryDomainsResult;
  /** A page of a domain's concepts for the Glossary view, sorted by name in `lang` (glossaryView.ts). */
  glossaryConcepts(domain: string, lang: Lang, offset?: number, limit?: number): GlossaryConceptsResult;
  /** Analyses a document in steps, pausing between slices of a large one (drive it with an event loop). */
  prepare(doc: TextDocument, settings?: Settings): Generator<void, void>;
  /**
   * What consistency across files needs of a document (see crossFile.ts), from its cached analysis when there is
   * one; `cacheAnalysis`: cache the analysis (an open document), else analyse it without caching (a file on disk, which
   * must not push the open documents' analyses out of the cache).
   */
  consistencyNames(doc: TextDocument, settings?: Settings, cacheAnalysis?: boolean): FileNames | undefined;
  /** Diagnostics of findings about a document that is not open (consistency across files), without analysing it. */
  diagnosticsOf(findings: FindingElsewhere[], settings?: Settings): Diagnostic[];
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
   * A file's concept index (references.ts), for workspace references, rename, symbols and usage; `cacheAnalysis` as
   * for consistencyNames. Undefined for a skipped (huge or binary) file. Calling consistencyNames and conceptIndex
   * on the same TextDocument object analyses a file that is not kept once.
   */
  conceptIndex(doc: TextDocument, settings?: Settings, cacheAnalysis?: boolean): ConceptIndex | undefined;
  /** What a rename at a position replaces and its placeholder, or why there is nothing to rename (in the document's language). */
  prepareRename(doc: TextDocument, position: Position, settings?: Settings): PrepareRename;
  /** The edits that give a concept one name in a language, over the files' indexes (rename.ts), or a refusal. */
  renameEdits(target: RenameTarget, files: Iterable<ConceptIndex>): RenameResult;
  /** The document's terms as semantic tokens (legend: SEMANTIC_TOKENS_LEGEND), all of them or those meeting a range. */
  semanticTokens(doc: TextDocument, settings?: Settings, range?: Range): SemanticTokens;
  /** Concepts whose names match a query (symbols.ts), best first. */
  findConcepts(query: string, lang: Lang, limit?: number, accept?: (c: Concept) => boolean): ConceptMatch[];
  /**
   * Lets go of the name index that findConcepts and workspaceSymbols search (the glossary in force's; about 13 MB
   * with 50,000 concepts); the next search reads it from a compiled glossary or makes it again. True when there
   * was one to let go.
   */
  releaseSearchIndex(): boolean;
  /** Workspace symbols: the concepts matching a query that the files use, one symbol per file (at most `limit`, default 256). */
  workspaceSymbols(query: string, lang: Lang, files: readonly ConceptIndex[], limit?: number): SymbolInformation[];
  /** A concept's card in a language, or undefined for an unknown id. */
  conceptCard(id: string, lang: Lang, options?: CardOptions): ConceptCard | undefined;
}

export function getLanguageService(initial: Glossary, options: ServiceOptions = {}): LanguageService {
  const cache = new DocumentCache(initial);
  const diagnostics = new Diagnostics(cache, options.rulesDocument);
  const codeActions = new CodeActions(cache, diagnostics);
  const inlayHints = new InlayHints(cache);
  /** Completion's prefix index of the glossary, made at the first completion. */
  let completionIndex: CompletionIndex | undefined;

  const range = (doc: TextDocument, start: number, end: number): Range => ({ start: doc.positionAt(start), end: doc.positionAt(end) });

  return {
    setGlossary(g) { cache.setGlossary(g); completionIndex = undefined; },
    getGlossary: () => cache.glossary,
    analyze: (doc, settings = DEFAULT_SETTINGS) => cache.get(doc, settings)?.analysis,
    skipped: (doc, settings = DEFAULT_SETTINGS) => cache.skipped(doc, settings),
    findings: (doc, settings = DEFAULT_SETTINGS) => cache.findings(doc, settings),
    forget: (uri) => cache.forget(uri),
    *prepare(doc, settings = DEFAULT_SETTINGS) { yield* cache.prepare(doc, settings); },

    doValidation: (doc, settings = DEFAULT_SETTINGS) => diagnostics.doValidation(doc, settings),
    diagnosticsOf: (fs, settings = DEFAULT_SETTINGS) => diagnostics.diagnosticsOf(fs, settings),
    setCrossFileFindings: (uri, version, fs) => cache.setCrossFileFindings(uri, version, fs),
    doCodeActions: (doc, r, settings = DEFAULT_SETTINGS, only, context, resolvable) => codeActions.doCodeActions(doc, r, settings, only, context, resolvable),
    resolveCodeAction: (doc, action, settings = DEFAULT_SETTINGS) => codeActions.resolveCodeAction(doc, action, settings),
    getInlayHints: (doc, r, settings = DEFAULT_SETTINGS) => inlayHints.getInlayHints(doc, r, settings),

    consistencyNames(doc, settings = DEFAULT_SETTINGS, cacheAnalysis = false) {
      // A file that is not kept (one on disk) is looked at without entering the cache: neither its analysis nor
      // its text in the skip decisions.
      if (cacheAnalysis ? cache.skipped(doc, settings) : whySkipped(doc, settings)) return undefined;
      const hit = cache.current(doc, settings);
      const text = doc.getText();
      if (hit || cacheAnalysis) {
        const e = hit ?? cache.get(doc, settings)!;
        return fileNames(doc.uri, text, e.analysis, cache.positions(doc, e), suppressions(text, e.mayHoldControlComments));
      }
      return fileNames(doc.uri, text, cache.notKeptAnalysis(doc, settings), positionsIn(lineStarts(text), text), suppressions(text));
    },

    doHover(doc, position, settings = DEFAULT_SETTINGS) {
      const offset = doc.offsetAt(position);
      const near = cache.nearCursor(doc, offset, settings);
      if (near) {
        const h = hoverAt(near.analysis, cache.glossary, near.text, offset - near.base);
        return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc, h.start + near.base, h.end + near.base) } : null;
      }
      const e = cache.get(doc, settings);
      if (!e) return null;
      const h = hoverAt(e.analysis, cache.glossary, doc.getText(), offset);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc, h.start, h.end) } : null;
    },

    doComplete(doc, position, settings = DEFAULT_SETTINGS) {
      if (cache.skipped(doc, settings)) return { isIncomplete: false, items: [] };
      // Completion needs only the document's language: from the analysis when there is one.
      const text = doc.getText();
      const glossary = cache.glossary;
      const known = cache.current(doc, settings) ?? cache.newest(doc.uri);
      const lang = known?.analysis.lang ?? (text.length >= LARGE_DOCUMENT ? quickLanguage(text, glossary, cache.analysisOptions(doc, settings)) : cache.get(doc, settings)!.analysis.lang);
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

    conceptAt(doc, position, settings = DEFAULT_SETTINGS) {
      const e = cache.get(doc, settings);
      return e ? conceptAt(e.analysis, doc.offsetAt(position), cache.positions(doc, e)) : null;
    },

    findDocumentHighlights(doc, position, settings = DEFAULT_SETTINGS) {
      const e = cache.get(doc, settings);
      return e ? documentHighlights(e.analysis, doc.offsetAt(position), cache.positions(doc, e)) : [];
    },

    references(doc, position, settings = DEFAULT_SETTINGS) {
      const e = cache.get(doc, settings);
      return e ? documentReferences(doc.uri, e.analysis, doc.offsetAt(position), cache.positions(doc, e)) : [];
    },

    conceptIndex(doc, settings = DEFAULT_SETTINGS, cacheAnalysis = false) {
      if (cacheAnalysis ? cache.skipped(doc, settings) : whySkipped(doc, settings)) return undefined;
      const text = doc.getText();
      const hit = cache.current(doc, settings);
      if (hit || cacheAnalysis) {
        const e = hit ?? cache.get(doc, settings)!;
        return indexConcepts(doc.uri, doc.version, text, e.analysis, cache.positions(doc, e));
      }
      return indexConcepts(doc.uri, doc.version, text, cache.notKeptAnalysis(doc, settings), positionsIn(lineStarts(text), text));
    },

    prepareRename(doc, position, settings = DEFAULT_SETTINGS) {
      const skipped = cache.skipped(doc, settings);
      if (skipped) return { error: skipped.message };
      const e = cache.get(doc, settings)!;
      return prepareRenameAt(e.analysis, doc.offsetAt(position), cache.positions(doc, e));
    },

    renameEdits: (target, files) => renameEdits(cache.glossary, target, files),

    semanticTokens(doc, settings = DEFAULT_SETTINGS, r) {
      const e = cache.get(doc, settings);
      if (!e) return { data: [] };
      return r ? semanticTokensOf(e.analysis, cache.positions(doc, e), doc.offsetAt(r.start), doc.offsetAt(r.end)) : semanticTokensOf(e.analysis, cache.positions(doc, e));
    },

    findConcepts: (query, lang, limit, accept) => findConcepts(cache.glossary, query, lang, limit, accept),
    releaseSearchIndex: () => releaseSearch(cache.glossary),

    workspaceSymbols(query, lang, files, limit = 256) {
      const glossary = cache.glossary;
      const used = usedConcepts(files);
      const matches = findConcepts(glossary, query, lang, limit, (c) => used.has(c.id));
      const domainName = (d: string) => glossary.domains[d]?.[lang] ?? glossary.domains[d]?.en ?? d;
      return conceptSymbols(matches, files, lang, query, domainName).slice(0, limit);
    },

    conceptCard(id, lang, options) {
      const c = cache.glossary.byId.get(id);
      return c ? conceptCard(cache.glossary, c, lang, options) : undefined;
    },

    glossaryDomains: (lang) => glossaryDomains(cache.glossary, lang),
    glossaryConcepts: (domain, lang, offset, limit) => domainConcepts(cache.glossary, domain, lang, offset, limit),

    documentInfo(doc, settings = DEFAULT_SETTINGS) {
      const skipped = cache.skipped(doc, settings);
      const e = cache.get(doc, settings);
      return {
        lang: e?.analysis.lang ?? fixedLanguage(settings, doc.uri) ?? settings.preferredLanguage,
        detected: !fixedLanguage(settings, doc.uri),
        findings: e ? cache.findings(doc, settings).length : 0,
        skipped,
      };
    },
  };
}

export type { RuleId };
