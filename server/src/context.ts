/**
 * What the server's modules share (startServer.ts makes one per connection): the connection, the open documents, the language service
 * (replaced when the glossary is reloaded), settings and the workspace folders.
 */
import type { Connection, Position, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostics } from './diagnostics';
import type { Lang, LanguageService, Settings } from './service';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service(): LanguageService;
  /** A document's settings (the `lingo` section for its URI). */
  settingsFor(uri: string): Promise<Settings>;
  /** Settings of the workspace: those of its first folder. */
  workspaceSettings(): Promise<Settings>;
  /** The workspace folders' paths. */
  folders(): string[];
  /** A team glossary file (lingo.glossary.json/.yaml): not a document to check. */
  isGlossaryFile(uri: string): boolean;
  /** The language of the editor's interface, for what the server shows outside a document (progress, symbols, cards). */
  uiLang(): Lang;
  /** A position from the client, moved into the document when it lies outside. */
  clamp(doc: TextDocument, pos: Position): Position;
  /**
   * Resolves once the document's analysis (for these settings) is made — a large document's in slices, shared with
   * its check — with false when a newer version came meanwhile.
   */
  prepared(doc: TextDocument, settings: Settings): Promise<boolean>;
  /** How documents' problems reach the client (diagnostics.ts): published again, or a file on disk's pushed. */
  diagnostics: Pick<Diagnostics, 'republish' | 'pushFile'>;
}
