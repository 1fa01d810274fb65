/** The pure language service: everything here is computation over data; nothing here does I/O. */
export * from './types';
export * from './settings';
export * from './declarations';
export { buildGlossary, termForms } from './glossary';
export { encodeGlossary, decodeGlossary, compiledMeta, CompiledGlossaryError, COMPILED_FORMAT } from './compiled';
export type { CompiledSource } from './compiled';
export type { Glossary, DomainNames } from './glossary';
export { getLanguageService, looksBinary, MAX_DATA_EDITS, SOURCE } from './languageService';
export type { LanguageService, DocumentInfo, Skipped, DiagnosticData, FixData, EditData, ServiceOptions } from './languageService';
export { analyze } from './analysis';
export type { Analysis, Occurrence } from './analysis';
export { foldKey } from './fold';
export { formatIssue, validateGlossaryFile } from './validate';
export { MESSAGES, messages } from './l10n';
export { mergeGlossaries, newTeamConcept, conceptIdFor } from './merge';
export type { WorkspaceGlossaryData } from './merge';
export { crossFileFindings, fileNames } from './crossFile';
export type { FileNames, CrossFileFinding } from './crossFile';
