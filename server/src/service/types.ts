/** The glossary as it is written in files (see glossary/schema/glossary.schema.json), and the model built from it. */
import type { InflectHints } from './inflect';

export type Lang = 'en' | 'sv' | 'nl' | 'pl' | 'zh-Hant';
export const LANGS: readonly Lang[] = ['en', 'sv', 'nl', 'pl', 'zh-Hant'];
export const isLang = (s: unknown): s is Lang => typeof s === 'string' && (LANGS as readonly string[]).includes(s);

export type Status = 'preferred' | 'admitted' | 'deprecated';

// ---- file data -----------------------------------------------------------

/** When a term is not the concept: see senses.ts and the schema's descriptions. */
export interface TermContext {
  /** Fixed phrases in which this text is not the concept ("de kans dat"); * is any one word. */
  notIn?: string[];
  /** Words that, in the same sentence, show the everyday sense; a trailing * matches words that begin so. */
  notNear?: string[];
  /** Words of which one, in the same sentence, shows the concept is meant; without one the occurrence is doubtful. */
  cues?: string[];
}

export interface TermData extends TermContext {
  text: string;
  status: Status;
  loanword?: boolean;
  mistranslation?: boolean;
  note?: string;
  replacement?: string;
  ambiguous?: boolean;
  homograph?: 'verb';
  /** 'colloquial': the everyday word of the trade for the concept ("deal" for opportunity), which writers mix with the formal term: no inconsistency. */
  register?: 'colloquial';
  gender?: string;
  head?: number;
  plural?: string;
  forms?: string[];
  inflect?: boolean;
}

export interface AcronymData extends TermContext {
  text: string;
  expansion?: string;
  status?: Status;
  ambiguous?: boolean;
  note?: string;
}

export interface LangSectionData {
  definition?: string;
  terms: TermData[];
  acronyms?: AcronymData[];
}

export interface ConceptData {
  id: string;
  name: string;
  related?: string[];
  seeds?: string[];
  disabled?: boolean;
  langs: Partial<Record<Lang, LangSectionData>>;
}

export interface GlossaryFileData {
  domain: string;
  concepts: ConceptData[];
}

/** One parsed glossary file, as handed to the service (the service reads no files). */
export interface GlossarySource {
  file: string;
  data: unknown;
  /**
   * Its place in the merge order (mergeGlossaries: the built-in glossary 0, then each termbase and the team glossary,
   * one more per file). Where a term of a later layer is written like one of an earlier layer's in another concept,
   * the later one takes the text over (buildGlossary). Undefined: 0.
   */
  layer?: number;
}

// ---- model ---------------------------------------------------------------

export interface Term {
  /** Index in Glossary.terms. */
  index: number;
  concept: Concept;
  lang: Lang;
  text: string;
  status: Status;
  /** Position in its language section: 0 is the preferred term. Acronyms follow the terms. */
  rank: number;
  acronym: boolean;
  /** For acronyms: the spelled-out form in this language. */
  expansion?: string;
  loanword: boolean;
  mistranslation: boolean;
  ambiguous: boolean;
  homograph?: 'verb';
  /** The everyday word of the trade, mixed with the formal term without inconsistency. */
  colloquial: boolean;
  note?: string;
  replacement?: string;
  /** How the glossary entry says the term inflects, when it says anything; its forms are termForms(term) (glossary.ts). */
  inflection?: InflectHints;
  /** When the text is not the concept (senses.ts), when the entry says. */
  context?: TermContext;
}

export interface LangSection {
  definition?: string;
  terms: Term[];
  acronyms: Term[];
}

export interface Concept {
  id: string;
  name: string;
  domain: string;
  related: string[];
  seeds: string[];
  file: string;
  langs: Partial<Record<Lang, LangSection>>;
}

export interface GlossaryIssue {
  file: string;
  /** Concept id, or a JSON pointer when no id is known. */
  entry: string;
  field: string;
  message: string;
  severity: 'error' | 'warning';
  /** JSON pointer into the file, for editors that map it to a range. */
  pointer: string;
  /**
   * 'overlap': a text that names several concepts, not marked ambiguous; 'override': a term of a later glossary that
   * takes over the text of an earlier one's term (summed up in one line by issueSummary, not one line each).
   */
  kind?: 'overlap' | 'override';
}
