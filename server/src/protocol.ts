/**
 * Lingo's own LSP requests and notifications, shared by the server (server.ts) and the VS Code client: the
 * method names and the shapes of their parameters and results. Only types and string constants: the client
 * bundles this file without pulling in any of the server.
 *
 * Other LSP clients (Neovim, Emacs) need none of these: everything a plain client can show goes through the
 * standard requests (hover, completion, diagnostics, code actions, inlay hints, references, document
 * highlights, rename, semantic tokens, workspace symbols, definition).
 */

export type Lang = 'en' | 'sv' | 'nl' | 'pl' | 'zh-Hant';
export type TermStatus = 'preferred' | 'admitted' | 'deprecated';

/** A position in a document, as LSP gives it (0-based line, UTF-16 character). */
export interface ProtocolPosition { line: number; character: number }
export interface ProtocolRange { start: ProtocolPosition; end: ProtocolPosition }
export interface ProtocolLocation { uri: string; range: ProtocolRange }

/**
 * `lingo/glossary` (request): every concept, term and definition in one answer. Kept for clients of earlier
 * versions; with a large termbase it is a large answer (50,000 concepts: 53 MB, and the server's memory grows by
 * hundreds of MB making it), so this client asks for what it shows: `lingo/glossaryDomains`,
 * `lingo/glossaryConcepts`, `lingo/findConcepts`, `lingo/concept`.
 */
export const GlossaryRequest = 'lingo/glossary';
export interface GlossaryParams { lang?: Lang }
export interface GlossaryResult {
  langNames: Record<Lang, string>;
  concepts: {
    id: string;
    /** The domain's name in the asked language. */
    domain: string;
    langs: Partial<Record<Lang, { definition?: string; terms: { text: string; status: TermStatus }[]; acronyms: { text: string; expansion?: string }[] }>>;
  }[];
}

/**
 * `lingo/glossaryDomains` (request): the Glossary view's top level: the domains (sorted by their names in `lang`),
 * each with how many concepts it has, `total` concepts in all, and the languages' names in `lang`. Nothing of the
 * concepts themselves: a domain's are asked for a page at a time (`lingo/glossaryConcepts`).
 */
export const GlossaryDomainsRequest = 'lingo/glossaryDomains';
export interface GlossaryDomainsParams { lang?: Lang }
export interface GlossaryDomainsResult {
  langNames: Record<Lang, string>;
  total: number;
  /** `id`: the domain as `lingo/glossaryConcepts` takes it; `name`: in the asked language. */
  domains: { id: string; name: string; count: number }[];
}

/** A concept as the Glossary view lists it: its name in a language, and its other names there (acronyms, terms not deprecated). */
export interface GlossaryConceptRow { id: string; name: string; others: string[] }

/**
 * `lingo/glossaryConcepts` (request): a page of a domain's concepts, sorted by their names in `lang` (which also
 * names them: its section, else English, else the first language the concept has), from `offset` (0) on, at most
 * `limit` (and never more than 1,000: GLOSSARY_PAGE_MAX); `total`: how many the domain has (0: no such domain).
 * No definitions: the card asks for one concept's (`lingo/concept`).
 */
export const GlossaryConceptsRequest = 'lingo/glossaryConcepts';
export const GLOSSARY_PAGE_MAX = 1000;
export interface GlossaryConceptsParams { domain: string; lang?: Lang; offset?: number; limit?: number }
export interface GlossaryConceptsResult { total: number; concepts: GlossaryConceptRow[] }

/**
 * `lingo/findConcepts` (request): the concepts with a name that holds the query (a term or acronym in any language,
 * or the concept's name), folded as the server folds text (case, separators, apostrophes, Simplified Chinese as
 * Traditional); best first, each with the name that matched and its language (none for the concept's name). For
 * the Glossary view's filter. No `limit`: all of them. `rows`: each also with its domain and its row in `lang` (as
 * `lingo/glossaryConcepts` gives it), which the view shows.
 */
export const FindConceptsRequest = 'lingo/findConcepts';
export interface FindConceptsParams { query: string; lang?: Lang; limit?: number; rows?: boolean }
export type FindConceptsResult = { id: string; name: string; lang?: Lang; domain?: string; row?: GlossaryConceptRow }[];

/** `lingo/documentInfo` (notification from the server, and request): the document's language and findings. */
export const DocumentInfoMethod = 'lingo/documentInfo';
export interface DocumentInfo { uri: string; lang: Lang; detected: boolean; findings: number; skipped?: { message: string } }

/** `lingo/workspaceTrusted` (notification from the client): the workspace became trusted. */
export const WorkspaceTrustedNotification = 'lingo/workspaceTrusted';

/**
 * `lingo/glossaryChanged` (notification from the server): the glossary was composed again (a team glossary file
 * changed, trust was granted, the built-in glossary was switched on or off). Clients that show the glossary
 * (the Glossary view, an open concept card) ask for it again. No parameters.
 */
export const GlossaryChangedNotification = 'lingo/glossaryChanged';

/** `lingo/conceptAt` (request): the concept of the term at a position, or null. */
export const ConceptAtRequest = 'lingo/conceptAt';
export interface ConceptAtParams { textDocument: { uri: string }; position: ProtocolPosition }
export interface ConceptAtResult { id: string; range: ProtocolRange }

/** `lingo/concept` (request): one concept's card, in the asked language, with where the workspace uses it. */
export const ConceptRequest = 'lingo/concept';
/** `usage: false`: without `usage` (the answer does not wait for the workspace scan). */
export interface ConceptParams { id: string; lang?: Lang; usage?: boolean }
export interface ConceptCard {
  id: string;
  /** The concept's name in the asked language (its preferred term there, else its English name). */
  name: string;
  domain: string;
  /** 'team': the concept comes from (or is changed by) a team glossary file; `definitionLocation` is its entry there. */
  source: 'builtin' | 'team';
  definitionLocation?: ProtocolLocation;
  langNames: Record<Lang, string>;
  langs: Partial<Record<Lang, {
    definition?: string;
    terms: { text: string; status: TermStatus; mistranslation?: boolean }[];
    acronyms: { text: string; expansion?: string }[];
  }>>;
  related: { id: string; name: string }[];
  /**
   * Files of the workspace that use the concept, with how often (doubtful occurrences not counted), open documents
   * as the editor has them. The first card asked for waits for the workspace scan (progress is shown when it is long).
   */
  usage: { uri: string; count: number }[];
}

/** `lingo/conceptReferences` (request): every occurrence of a concept in the open documents and the workspace (as textDocument/references). */
export const ConceptReferencesRequest = 'lingo/conceptReferences';
export interface ConceptReferencesParams { id: string }
export type ConceptReferencesResult = ProtocolLocation[];
