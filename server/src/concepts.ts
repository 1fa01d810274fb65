/**
 * Concepts over LSP (issue 18): references, document highlights, rename, semantic tokens, workspace symbols, go to
 * definition, and Lingo's own lingo/conceptAt, lingo/concept and lingo/conceptReferences (protocol.ts). The
 * answers come from the service; the workspace's files from the scan (workspaceFiles.ts), each file's concept
 * index kept until the file changes, open documents as the editor has them.
 */
import {
  LSPErrorCodes, ResponseError, type CancellationToken, type ClientCapabilities, type Location, type ServerCapabilities,
  type TextDocumentEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from './context';
import {
  ConceptAtRequest, ConceptReferencesRequest, ConceptRequest, FindConceptsRequest, GlossaryConceptsRequest, GlossaryDomainsRequest,
  type ConceptAtParams, type ConceptAtResult, type ConceptCard, type ConceptParams, type ConceptReferencesParams, type ConceptReferencesResult,
  type FindConceptsParams, type FindConceptsResult, type GlossaryConceptsParams, type GlossaryConceptsResult, type GlossaryDomainsParams,
  type GlossaryDomainsResult,
} from './protocol';
import { conceptLocations, conceptRow, conceptUsage, isLang, SEMANTIC_TOKENS_LEGEND, type ConceptIndex, type Settings } from './service';
import type { TeamConcepts } from './teamConcepts';
import type { WorkspaceFiles } from './workspaceFiles';

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/**
 * The name index that lingo/findConcepts and workspace/symbol search (about 11 MB with 50,000 concepts) is let go
 * this long after the last search that used it (LINGO_SEARCH_IDLE_MS: for tests, which wait past it); the next
 * search reads it again from the compiled glossary (about 0.1-0.3 s with 50,000 concepts, 13 ms with the built-in
 * glossary), or makes it for a glossary built here. Ten seconds hold it through a burst of typing in the Glossary
 * view's filter and the reading of its results. Held for a minute, it was what the server's memory peaked with in
 * the long session with 50,000 concepts: 198-200 MB, against 192 when let go after 5 s (BENCHMARKS.md).
 */
export const SEARCH_IDLE_MS = (() => {
  const ms = Number(process.env.LINGO_SEARCH_IDLE_MS ?? 10000);
  return Number.isFinite(ms) && ms >= 0 ? ms : 10000;
})();

/** What the server announces for these features (initialize). */
export const CONCEPT_CAPABILITIES: ServerCapabilities = {
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
  workspaceSymbolProvider: true,
  definitionProvider: true,
};

/** Whether terms are coloured in this document (lingo.semanticHighlighting). */
export function colours(doc: TextDocument, s: Settings): boolean {
  if (s.semanticHighlighting === 'off') return false;
  return s.semanticHighlighting === 'all' || doc.languageId !== 'markdown';
}

/** Resolves with `p`, or with undefined as soon as the request is cancelled. */
function unlessCancelled<T>(p: Promise<T>, token: CancellationToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const sub = token.onCancellationRequested(() => { sub.dispose(); resolve(undefined); });
    p.then((v) => { sub.dispose(); resolve(v); }, (e) => { sub.dispose(); reject(e); });
  });
}

export function conceptFeatures(ctx: ServerContext, files: WorkspaceFiles, team: TeamConcepts, capabilities: () => ClientCapabilities): { dispose(): void } {
  const { connection, documents } = ctx;

  // The search's name index, let go SEARCH_IDLE_MS after the last search: each search (synchronous in the service,
  // so the timer never fires in the middle of one) starts the wait again; the timer keeps no process alive.
  let idle: ReturnType<typeof setTimeout> | undefined;
  const searched = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      idle = undefined;
      if (ctx.service().releaseSearchIndex()) connection.console.log(`Lingo: the name index of concept searches was let go after ${SEARCH_IDLE_MS} ms without a search`);
    }, SEARCH_IDLE_MS);
    idle.unref?.();
  };

  /** An open document, its settings and its analysis (a large one analysed in slices, as its check does). */
  async function openDoc(uri: string, token: CancellationToken): Promise<{ doc: TextDocument; s: Settings } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const s = await ctx.settingsFor(uri);
    if (token.isCancellationRequested || !(await ctx.prepared(doc, s))) return undefined;
    return { doc, s };
  }

  /**
   * The concept index of every file of the workspace: open documents as the editor has them now, the others from
   * the scan (waited for). Undefined when the request is cancelled meanwhile.
   */
  async function workspaceIndexes(token: CancellationToken): Promise<ConceptIndex[] | undefined> {
    const snap = await unlessCancelled(files.snapshot(), token);
    if (!snap) return undefined;
    const service = ctx.service();
    const out: ConceptIndex[] = [];
    for (const f of snap.files) {
      if (token.isCancellationRequested) return undefined;
      let index = f.value?.index;
      if (f.open) {
        const doc = documents.get(f.uri);
        if (!doc) continue; // closed meanwhile
        if (!index || index.version !== doc.version) index = service.conceptIndex(doc, await ctx.settingsFor(doc.uri), true);
      }
      if (index) out.push(index);
    }
    return out;
  }

  /** The concept at a position of an open document, with the document. */
  async function conceptAtPosition(uri: string, position: { line: number; character: number }, token: CancellationToken) {
    const d = await openDoc(uri, token);
    if (!d) return undefined;
    const at = ctx.service().conceptAt(d.doc, ctx.clamp(d.doc, position), d.s);
    return at ? { ...d, at } : undefined;
  }

  // ---- references and highlights ----
  connection.onReferences(async (p, token) => {
    const c = await conceptAtPosition(p.textDocument.uri, p.position, token);
    if (token.isCancellationRequested) return cancelled();
    if (!c) return [];
    const indexes = await workspaceIndexes(token);
    if (!indexes) return cancelled();
    return conceptLocations(c.at.concept.id, indexes, { uri: c.doc.uri, range: c.at.range });
  });

  connection.onDocumentHighlight(async (p, token) => {
    const d = await openDoc(p.textDocument.uri, token);
    if (token.isCancellationRequested) return cancelled();
    return d ? ctx.service().findDocumentHighlights(d.doc, ctx.clamp(d.doc, p.position), d.s) : [];
  });

  // ---- rename: one workspace edit, every file of the new term's language ----
  connection.onPrepareRename(async (p, token) => {
    const d = await openDoc(p.textDocument.uri, token);
    if (token.isCancellationRequested) return cancelled();
    if (!d) return null;
    const r = ctx.service().prepareRename(d.doc, ctx.clamp(d.doc, p.position), d.s);
    if ('error' in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.error);
    return r;
  });

  connection.onRenameRequest(async (p, token) => {
    const d = await openDoc(p.textDocument.uri, token);
    if (token.isCancellationRequested) return cancelled();
    if (!d) return null;
    const service = ctx.service();
    const position = ctx.clamp(d.doc, p.position);
    const at = service.conceptAt(d.doc, position, d.s);
    if (!at) {
      const why = service.prepareRename(d.doc, position, d.s);
      return new ResponseError(LSPErrorCodes.RequestFailed, 'error' in why ? why.error : '');
    }
    const c = { ...d, at };
    const indexes = await workspaceIndexes(token);
    if (!indexes) return cancelled();
    const lang = service.analyze(c.doc, c.s)?.lang ?? c.s.preferredLanguage;
    const r = service.renameEdits({ concept: c.at.concept, newName: p.newName, lang, at: { uri: c.doc.uri, range: c.at.range } }, indexes);
    if ('error' in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.error);
    return workspaceEdit(r.changes, indexes);
  });

  /**
   * The edits as one WorkspaceEdit: with the version of each open document the edits were made for (files on disk:
   * null) when the client takes documentChanges, else `changes`.
   */
  function workspaceEdit(changes: Record<string, TextEdit[]>, indexes: ConceptIndex[]): WorkspaceEdit {
    if (!capabilities().workspace?.workspaceEdit?.documentChanges) return { changes };
    const versions = new Map(indexes.map((i) => [i.uri, i.version]));
    const documentChanges: TextDocumentEdit[] = Object.entries(changes).map(([uri, edits]) => {
      const open = documents.get(uri);
      return { textDocument: { uri, version: open ? versions.get(uri) ?? open.version : null }, edits };
    });
    return { documentChanges };
  }

  // ---- semantic tokens (lingo.semanticHighlighting) ----
  connection.languages.semanticTokens.on(async (p, token) => {
    const d = await openDoc(p.textDocument.uri, token);
    if (token.isCancellationRequested) return cancelled();
    return d && colours(d.doc, d.s) ? ctx.service().semanticTokens(d.doc, d.s) : { data: [] };
  });
  connection.languages.semanticTokens.onRange(async (p, token) => {
    const d = await openDoc(p.textDocument.uri, token);
    if (token.isCancellationRequested) return cancelled();
    if (!d || !colours(d.doc, d.s)) return { data: [] };
    return ctx.service().semanticTokens(d.doc, d.s, { start: ctx.clamp(d.doc, p.range.start), end: ctx.clamp(d.doc, p.range.end) });
  });

  // ---- workspace symbols: concepts by any name, where the workspace uses them ----
  connection.onWorkspaceSymbol(async (p, token) => {
    const indexes = await workspaceIndexes(token);
    if (!indexes) return cancelled();
    try {
      return ctx.service().workspaceSymbols(p.query ?? '', ctx.uiLang(), indexes);
    } finally {
      searched();
    }
  });

  // ---- definition: a team concept's entry in its team glossary; else nothing (the VS Code client then shows the card) ----
  connection.onDefinition(async (p, token) => {
    const c = await conceptAtPosition(p.textDocument.uri, p.position, token);
    if (token.isCancellationRequested) return cancelled();
    return (c && team.locate(c.at.concept.id, documents)) ?? null;
  });

  // ---- Lingo's own requests (protocol.ts) ----
  connection.onRequest(ConceptAtRequest, async (p: ConceptAtParams | undefined, token): Promise<ConceptAtResult | null | ResponseError<void>> => {
    if (typeof p?.textDocument?.uri !== 'string') return null;
    const c = await conceptAtPosition(p.textDocument.uri, p.position, token);
    if (token.isCancellationRequested) return cancelled();
    return c ? { id: c.at.concept.id, range: c.at.range } : null;
  });

  connection.onRequest(ConceptRequest, async (p: ConceptParams | undefined, token): Promise<ConceptCard | null | ResponseError<void>> => {
    const id = String(p?.id ?? '');
    if (!ctx.service().getGlossary().byId.has(id)) return null;
    // usage: false (a command that wants the concept's names and definitions): no waiting for the workspace scan.
    const indexes = p?.usage === false ? undefined : await workspaceIndexes(token);
    if (p?.usage !== false && !indexes) return cancelled();
    const lang = isLang(p?.lang) ? p.lang : ctx.uiLang();
    const isTeam = team.has(id);
    const card = ctx.service().conceptCard(id, lang, { source: isTeam ? 'team' : 'builtin', usage: indexes ? conceptUsage(id, indexes) : [] });
    if (!card) return null;
    const at = isTeam ? team.locate(id, documents) : undefined;
    if (at) card.definitionLocation = at;
    return card;
  });

  // The Glossary view's filter: concepts by any name, as workspace symbols find them, but all of them, used or not.
  // With `rows`, each with its domain and the view's row of it.
  connection.onRequest(FindConceptsRequest, (p: FindConceptsParams | undefined): FindConceptsResult => {
    const limit = typeof p?.limit === 'number' && p.limit > 0 ? p.limit : Number.MAX_SAFE_INTEGER;
    const lang = isLang(p?.lang) ? p.lang : ctx.uiLang();
    searched();
    return ctx.service().findConcepts(String(p?.query ?? ''), lang, limit).map((m) => ({
      id: m.concept.id, name: m.name,
      ...(m.lang && { lang: m.lang }),
      ...(p?.rows === true && { domain: m.concept.domain, row: conceptRow(m.concept, lang) }),
    }));
  });

  // The Glossary view without a filter: the domains with their counts, then a domain's concepts a page at a time.
  connection.onRequest(GlossaryDomainsRequest, (p: GlossaryDomainsParams | undefined): GlossaryDomainsResult =>
    ctx.service().glossaryDomains(isLang(p?.lang) ? p.lang : ctx.uiLang()));
  connection.onRequest(GlossaryConceptsRequest, (p: GlossaryConceptsParams | undefined): GlossaryConceptsResult =>
    ctx.service().glossaryConcepts(String(p?.domain ?? ''), isLang(p?.lang) ? p.lang : ctx.uiLang(), Number(p?.offset ?? 0), Number(p?.limit ?? Infinity)));

  connection.onRequest(ConceptReferencesRequest, async (p: ConceptReferencesParams | undefined, token): Promise<ConceptReferencesResult | ResponseError<void>> => {
    const id = String(p?.id ?? '');
    if (!ctx.service().getGlossary().byId.has(id)) return [];
    const indexes = await workspaceIndexes(token);
    if (!indexes) return cancelled();
    return conceptLocations(id, indexes) as Location[];
  });

  return { dispose: () => clearTimeout(idle) };
}
