/**
 * Settings for one connection: each document's `lingo` section (workspace/configuration, per resource, asked once
 * per document until the settings change), or for clients without it the settings of `initializationOptions` and
 * `didChangeConfiguration`; the editor's interface language; and the glossary's own settings (lingo.builtinGlossary,
 * lingo.glossaries of each folder) handed to the glossary host.
 */
import { DidChangeConfigurationNotification, type Connection, type DidChangeConfigurationParams, type InitializeParams } from 'vscode-languageserver/node';
import { pathToFileURL } from 'url';
import { resolveSettings, type Lang, type Settings } from './service';
import { glossarySettings, type GlossaryHost } from './glossaryHost';

export interface ServerSettings {
  /** A document's settings (the `lingo` section for its URI). */
  settingsFor(uri: string): Promise<Settings>;
  /** Settings of the workspace: those of its first folder. */
  workspaceSettings(): Promise<Settings>;
  /** The settings without a resource (initializationOptions, didChangeConfiguration, else the defaults). */
  global(): Settings;
  /** The editor's interface language (InitializeParams.locale), else the preferred language of the settings. */
  uiLang(): Lang;
  /** From `initialize`: the client's configuration support, locale and initial settings (before the glossary is composed). */
  initialize(params: InitializeParams): void;
  /** From `initialized`: asks for the settings' changes and the glossary's settings of each folder. */
  initialized(): void;
  /** `didChangeConfiguration`: every document's settings asked again; the glossary's settings handed on. */
  changed(change: DidChangeConfigurationParams): void;
  /** A document was closed: its settings are asked again when it opens. */
  forget(uri: string): void;
}

export function serverSettings(connection: Connection, o: { folders(): string[]; glossary: Pick<GlossaryHost, 'configure' | 'useBuiltin' | 'termbases'> }): ServerSettings {
  let hasConfiguration = false;
  let globalSettings: Settings = resolveSettings(undefined);
  let locale: Lang | undefined;
  const docSettings = new Map<string, Promise<Settings>>();

  function settingsFor(uri: string): Promise<Settings> {
    if (!hasConfiguration) return Promise.resolve(globalSettings);
    const known = docSettings.get(uri);
    if (known) return known;
    const s: Promise<Settings> = connection.workspace.getConfiguration({ scopeUri: uri, section: 'lingo' }).then(resolveSettings, () => globalSettings);
    docSettings.set(uri, s);
    return s;
  }

  /** lingo.builtinGlossary and lingo.glossaries (each folder's, relative paths from it) for the glossary host. */
  function configureGlossary(): void {
    const folders = o.folders();
    const scopes = folders.length ? folders : [undefined];
    connection.workspace.getConfiguration(scopes.map((f) => ({ scopeUri: f && pathToFileURL(f).toString(), section: 'lingo' }))).then(
      (cs: unknown[]) => o.glossary.configure(glossarySettings(cs.map((settings, i) => ({ settings, folder: scopes[i] })))),
      () => undefined,
    );
  }

  return {
    settingsFor,
    workspaceSettings() {
      const folders = o.folders();
      return folders.length ? settingsFor(pathToFileURL(folders[0]).toString()) : Promise.resolve(globalSettings);
    },
    global: () => globalSettings,
    uiLang: () => locale ?? globalSettings.preferredLanguage,
    initialize(params) {
      locale = localeLang(params.locale);
      hasConfiguration = !!params.capabilities.workspace?.configuration;
      const opts = params.initializationOptions ?? {};
      if (opts.settings) {
        globalSettings = resolveSettings(opts.settings);
        // Set, not configured: the glossary is composed right after initialize, with these.
        Object.assign(o.glossary, glossarySettings([{ settings: opts.settings, folder: o.folders()[0] }]));
      }
    },
    initialized() {
      if (!hasConfiguration) return;
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'lingo' }).catch(() => undefined);
      configureGlossary();
    },
    changed(change) {
      docSettings.clear();
      if (hasConfiguration) configureGlossary();
      else {
        const lingo = change.settings?.lingo ?? change.settings;
        globalSettings = resolveSettings(lingo);
        o.glossary.configure(glossarySettings([{ settings: lingo, folder: o.folders()[0] }]));
      }
    },
    forget(uri) {
      docSettings.delete(uri);
    },
  };
}

/** An LSP locale ("en-US", "zh-tw", "pl") as one of Lingo's languages, if it is one. */
function localeLang(l: string | undefined): Lang | undefined {
  const x = (l ?? '').toLowerCase();
  if (x.startsWith('zh')) return 'zh-Hant';
  return (['en', 'sv', 'nl', 'pl'] as const).find((c) => x === c || x.startsWith(c + '-'));
}
