/**
 * The documents' cache of the language service: per URI, the analysis of one version of the document under one
 * set of settings, and what is made from it for every feature (its findings, its line table). After an edit the
 * new version is re-analysed only around the change (reanalyzeInPlace, which supersedes the previous analysis) and the findings are carried over
 * (updateFindings). Every feature (diagnostics.ts, codeActions.ts, inlayHints.ts, hover and completion in
 * languageService.ts, the concept features) asks this cache for a document's analysis.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { analyze, analyzeSteps, quickLanguage, reanalyzeInPlace, releaseFolded, type Analysis, type AnalysisOptions } from './analysis';
import { computeFindings, updateFindings, type Finding } from './findings';
import { foldKey } from './fold';
import type { Glossary } from './glossary';
import { format, messages } from './l10n';
import { fixedLanguage, RULES, type Settings } from './settings';
import { mayControl, mayControlAfter, sameControl, suppressions } from './suppress';
import type { Lang } from './types';
import { lineStarts, positionsIn } from './util';

/** Why a document is not checked: too large, or not text. */
export interface Skipped { reason: 'large' | 'binary'; message: string }

/** What the cache holds of one document: its analysis of one version under one set of settings. */
export interface CachedDocument {
  version: number;
  /** The settings the analysis was made under, as `DocumentCache.settingsKey` gives them. */
  settingsKey: string;
  analysis: Analysis;
  /** The text may hold control comments (see suppress.ts), kept up to date across edits. */
  mayHoldControlComments: boolean;
  /** The findings of every rule, less those control comments turn off; made when first asked for. */
  findings?: Finding[];
  /** The line table of the analysed text, made when first asked for (see `positions`). */
  lineStarts?: Uint32Array;
}

/** Positions of a document's offsets. */
export type Positions = (offset: number) => Position;

/** An analysis of a stretch of a large document around an offset (`text`, starting at `base` in the document). */
export interface NearbyAnalysis { analysis: Analysis; base: number; text: string }

/** The most documents whose analyses are kept: past it, the document first stored longest ago is dropped. */
const MAX_DOCUMENTS = 50;
/** The most documents whose skip decisions are kept. */
const MAX_SKIP_DECISIONS = 200;

/**
 * Documents from this length on: without an analysis of the version asked about, hover and completion look only
 * near the cursor (`nearCursor`, `quickLanguage`) instead of analysing the whole document first.
 */
export const LARGE_DOCUMENT = 512 * 1024;

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

/** Whether a document is skipped (huge or binary), worked out afresh, without remembering it. */
export function whySkipped(doc: TextDocument, settings: Settings): Skipped | undefined {
  const text = doc.getText();
  const M = messages(settings.preferredLanguage);
  const mb = text.length / (1024 * 1024);
  if (mb > settings.maxFileSizeMB) return { reason: 'large', message: format(M.skippedLarge, mb.toFixed(1), settings.maxFileSizeMB) };
  if (looksBinary(text)) return { reason: 'binary', message: M.skippedBinary };
  return undefined;
}

/**
 * Is what was remembered for a document about this version of it? The text is compared too (the same string
 * object, unless a client changed the text without a new version number).
 */
const isCurrent = (version: number, text: string, doc: TextDocument) => version === doc.version && text === doc.getText();

/** Leaves out findings turned off by comments in the text (lingo-disable…). */
function unsuppressed(text: string, fs: Finding[], mayHoldControlComments: boolean): Finding[] {
  const off = suppressions(text, mayHoldControlComments);
  return fs.filter((f) => !off(f.rule, f.start));
}

export class DocumentCache {
  #glossary: Glossary;
  /** Counts the glossaries set: an analysis made under an earlier one no longer holds. */
  #glossaryGeneration = 0;
  /** Per URI: the newest analysis (of any version; `current` says whether it is of the version asked about). */
  readonly #documents = new Map<string, CachedDocument>();
  /** Whether a document is skipped depends only on its text, the size limit and the language of the message. */
  readonly #skipDecisions = new Map<string, { version: number; text: string; limit: number; lang: Lang; result: Skipped | undefined }>();
  /** Findings computed over several documents (consistency across files), per URI, for one version. */
  readonly #crossFileFindings = new Map<string, { version: number; findings: Finding[] }>();
  /**
   * The analysis of a file that is not kept (one on disk), made once per TextDocument object: the server asks both
   * consistencyNames and conceptIndex of a file it reads, and the document object (with this) goes when it is done.
   */
  readonly #notKeptAnalyses = new WeakMap<TextDocument, { key: string; analysis: Analysis }>();
  /** Each settings object's part of `settingsKey`, made once. */
  readonly #settingsKeys = new WeakMap<Settings, string>();
  /**
   * The document whose analysis keeps its folded texts (the folded text, 2 bytes a character, and the spare the
   * next edit writes into): only the one analysed last. Open documents that are read but not edited would keep
   * 2 to 4 MB each per MB of text; the next edit of one folds its text again, once (releaseFolded).
   */
  #foldedUri: string | undefined;

  constructor(glossary: Glossary) {
    this.#glossary = glossary;
  }

  get glossary(): Glossary {
    return this.#glossary;
  }

  /** Analyses from now on are made with this glossary; those made with the previous one are dropped. */
  setGlossary(glossary: Glossary): void {
    this.#glossary = glossary;
    this.#glossaryGeneration++;
    this.#documents.clear();
  }

  /** Forgets a document (closed): its analysis, its skip decision and its findings across files. */
  forget(uri: string): void {
    this.#documents.delete(uri);
    this.#skipDecisions.delete(uri);
    this.#crossFileFindings.delete(uri);
  }

  /** The settings an analysis depends on, as a string (two analyses under the same key are the same). */
  settingsKey(settings: Settings, uri: string): string {
    let k = this.#settingsKeys.get(settings);
    if (k === undefined) this.#settingsKeys.set(settings, (k = JSON.stringify([settings.preferredLanguage, settings.languages, settings.ignoreWords])));
    return `${fixedLanguage(settings, uri) ?? ''}|${k}`;
  }

  /** Whether a document is skipped (huge or binary): remembered per URI and version. */
  skipped(doc: TextDocument, settings: Settings): Skipped | undefined {
    const hit = this.#skipDecisions.get(doc.uri);
    if (hit && isCurrent(hit.version, hit.text, doc) && hit.limit === settings.maxFileSizeMB && hit.lang === settings.preferredLanguage) return hit.result;
    const result = whySkipped(doc, settings);
    this.#skipDecisions.set(doc.uri, { version: doc.version, text: doc.getText(), limit: settings.maxFileSizeMB, lang: settings.preferredLanguage, result });
    if (this.#skipDecisions.size > MAX_SKIP_DECISIONS) this.#skipDecisions.delete(this.#skipDecisions.keys().next().value!);
    return result;
  }

  analysisOptions(doc: TextDocument, settings: Settings): AnalysisOptions {
    return {
      lang: fixedLanguage(settings, doc.uri),
      fallbackLang: settings.preferredLanguage,
      languages: settings.languages,
      ignore: new Set(settings.ignoreWords.map(foldKey)),
      markdown: isMarkdown(doc),
    };
  }

  /** The cached analysis of this version of a document under these settings, or undefined (none is made). */
  current(doc: TextDocument, settings: Settings): CachedDocument | undefined {
    const hit = this.#documents.get(doc.uri);
    return hit && isCurrent(hit.version, hit.analysis.text, doc) && hit.settingsKey === this.settingsKey(settings, doc.uri) ? hit : undefined;
  }

  /** The newest cached analysis of a URI, of whatever version and settings. */
  newest(uri: string): CachedDocument | undefined {
    return this.#documents.get(uri);
  }

  /**
   * The analysis of this version of a document, made and cached when there is none (after an edit, re-scanning
   * only around it when that is safe; else the whole document); undefined for a skipped document.
   */
  get(doc: TextDocument, settings: Settings): CachedDocument | undefined {
    if (this.skipped(doc, settings)) return undefined;
    const key = this.settingsKey(settings, doc.uri);
    const hit = this.#documents.get(doc.uri);
    if (hit && isCurrent(hit.version, hit.analysis.text, doc) && hit.settingsKey === key) return hit;
    const opts = this.analysisOptions(doc, settings);
    const text = doc.getText();
    const analysis = (hit && hit.settingsKey === key && reanalyzeInPlace(hit.analysis, text, this.#glossary, opts)) || analyze(text, this.#glossary, opts);
    return this.#store(doc, key, analysis, hit);
  }

  /** As `get`, in steps, pausing between slices of a large document (drive it with an event loop). */
  *prepare(doc: TextDocument, settings: Settings): Generator<void, void> {
    if (this.skipped(doc, settings) || this.current(doc, settings)) return;
    const key = this.settingsKey(settings, doc.uri);
    const hit = this.#documents.get(doc.uri);
    const opts = this.analysisOptions(doc, settings);
    const text = doc.getText();
    const quick = hit && hit.settingsKey === key ? reanalyzeInPlace(hit.analysis, text, this.#glossary, opts) : undefined;
    const analysis = quick ?? (yield* analyzeSteps(text, this.#glossary, opts));
    this.#store(doc, key, analysis, hit);
  }

  /** Caches an analysis; `prev` is the entry it was re-analysed from, whose findings may still hold. */
  #store(doc: TextDocument, key: string, analysis: Analysis, prev?: CachedDocument): CachedDocument {
    const edit = analysis.edit;
    const control = prev && edit ? mayControlAfter(prev.mayHoldControlComments, analysis.text, edit.at, edit.newEnd) : mayControl(analysis.text);
    const e: CachedDocument = { version: doc.version, settingsKey: key, analysis, mayHoldControlComments: control };
    if (prev?.findings && edit && sameControl(prev.analysis.text, analysis.text, edit.at, edit.oldEnd, edit.delta, prev.mayHoldControlComments, control)) {
      e.findings = updateFindings(prev.findings, analysis, (fs) => unsuppressed(analysis.text, fs, control));
    }
    this.#documents.set(doc.uri, e);
    if (this.#foldedUri !== doc.uri) {
      const other = this.#foldedUri === undefined ? undefined : this.#documents.get(this.#foldedUri);
      if (other) releaseFolded(other.analysis);
      this.#foldedUri = doc.uri;
    }
    if (this.#documents.size > MAX_DOCUMENTS) this.#documents.delete(this.#documents.keys().next().value!);
    return e;
  }

  /**
   * A large document without an analysis of this version: the analysis of the stretch of text around `offset`
   * (2,000 characters each side, to whole words), in the language of its newest analysis or, without one, the
   * language of its beginning. Undefined for a shorter document, one analysed at this version, or a skipped one.
   */
  nearCursor(doc: TextDocument, offset: number, settings: Settings): NearbyAnalysis | undefined {
    const text = doc.getText();
    if (text.length < LARGE_DOCUMENT || this.current(doc, settings) || this.skipped(doc, settings)) return undefined;
    const opts = this.analysisOptions(doc, settings);
    const lang = this.#documents.get(doc.uri)?.analysis.lang ?? quickLanguage(text, this.#glossary, opts);
    let from = Math.max(0, offset - 2000), to = Math.min(text.length, offset + 2000);
    while (from > 0 && !/\s/.test(text[from - 1])) from--;
    while (to < text.length && !/\s/.test(text[to])) to++;
    const window = text.slice(from, to);
    return { analysis: analyze(window, this.#glossary, { ...opts, lang }), base: from, text: window };
  }

  /**
   * The analysis of a document that is not kept in the cache (a file on disk, which must not push the open
   * documents' analyses out of it), made once per TextDocument object, version and glossary.
   */
  notKeptAnalysis(doc: TextDocument, settings: Settings): Analysis {
    const key = `${this.#glossaryGeneration}|${doc.version}|${this.settingsKey(settings, doc.uri)}`;
    const hit = this.#notKeptAnalyses.get(doc);
    if (hit && hit.key === key && hit.analysis.text === doc.getText()) return hit.analysis;
    const analysis = analyze(doc.getText(), this.#glossary, this.analysisOptions(doc, settings));
    this.#notKeptAnalyses.set(doc, { key, analysis });
    return analysis;
  }

  /**
   * Positions of a document's offsets. After a full analysis, from a line table of the analysed text (found
   * with indexOf, where TextDocument would count lines character by character); after an edit, from the
   * document, which keeps its own table up to date across edits.
   */
  positions(doc: TextDocument, e: CachedDocument | undefined): Positions {
    const text = doc.getText();
    if (!e || e.analysis.edit || e.analysis.text !== text) return (o) => doc.positionAt(o);
    return positionsIn((e.lineStarts ??= lineStarts(text)), text);
  }

  /**
   * The findings of a document: its own (made once per version, carried over edits) and those across files set
   * for this version, in document order, less those of rules turned off.
   */
  findings(doc: TextDocument, settings: Settings): Finding[] {
    const e = this.get(doc, settings);
    if (!e) return [];
    const extra = this.#crossFileFindings.get(doc.uri);
    const own = this.#ownFindings(doc, e);
    const all = extra && extra.version === doc.version && extra.findings.length ? [...own, ...extra.findings].sort((x, y) => x.start - y.start) : own;
    return RULES.some((r) => settings.rules[r] === 'off') ? all.filter((f) => settings.rules[f.rule] !== 'off') : all;
  }

  #ownFindings(doc: TextDocument, e: CachedDocument): Finding[] {
    // Findings depend on the rules too; rule levels only filter, so compute all and filter.
    if (!e.findings) {
      const text = doc.getText();
      e.findings = unsuppressed(text, computeFindings(text, e.analysis, () => true), e.mayHoldControlComments);
    }
    return e.findings;
  }

  /** Findings computed over several documents (consistency across files), for this version of a document. */
  setCrossFileFindings(uri: string, version: number, findings: Finding[]): void {
    if (findings.length) this.#crossFileFindings.set(uri, { version, findings }); else this.#crossFileFindings.delete(uri);
  }
}
