/** What a user can configure; the server reads it from the editor, the CLI from a settings file. */
import type { Lang } from './types';
import { LANGS } from './types';

export type RuleId = 'acronym-undefined' | 'inconsistent-term' | 'deprecated-term' | 'mistranslation';
export const RULES: readonly RuleId[] = ['acronym-undefined', 'inconsistent-term', 'deprecated-term', 'mistranslation'];
export type RuleLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  /** 'auto' detects each document's language. */
  language: Lang | 'auto';
  /** Language used where detection is unsure. */
  preferredLanguage: Lang;
  /** Languages whose terms are looked for. */
  languages: Lang[];
  rules: Record<RuleId, RuleLevel>;
  /** Words and phrases never reported, in any case. */
  ignoreWords: string[];
  /** Per-file language, by glob relative to the workspace or by file name: { "docs/*.sla.md": "nl" }. */
  fileLanguages: Record<string, Lang>;
  /** Larger documents are not checked. */
  maxFileSizeMB: number;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  preferredLanguage: 'en',
  languages: [...LANGS],
  rules: { 'acronym-undefined': 'information', 'inconsistent-term': 'warning', 'deprecated-term': 'warning', mistranslation: 'warning' },
  ignoreWords: [],
  fileLanguages: {},
  maxFileSizeMB: 5,
};

/** Merges partial, possibly ill-typed settings (from an editor or a file) over the defaults. */
export function resolveSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  if (r.language === 'auto' || (LANGS as readonly unknown[]).includes(r.language)) s.language = r.language as Lang | 'auto';
  if ((LANGS as readonly unknown[]).includes(r.preferredLanguage)) s.preferredLanguage = r.preferredLanguage as Lang;
  if (Array.isArray(r.languages)) {
    const l = r.languages.filter((x): x is Lang => (LANGS as readonly unknown[]).includes(x));
    if (l.length) s.languages = l;
  }
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules)) {
      if ((RULES as readonly string[]).includes(k) && ['error', 'warning', 'information', 'hint', 'off'].includes(v as string)) s.rules[k as RuleId] = v as RuleLevel;
    }
  }
  if (Array.isArray(r.ignoreWords)) s.ignoreWords = r.ignoreWords.filter((x): x is string => typeof x === 'string');
  if (r.fileLanguages && typeof r.fileLanguages === 'object') {
    for (const [k, v] of Object.entries(r.fileLanguages)) if ((LANGS as readonly unknown[]).includes(v)) s.fileLanguages[k] = v as Lang;
  }
  if (typeof r.maxFileSizeMB === 'number' && r.maxFileSizeMB > 0) s.maxFileSizeMB = r.maxFileSizeMB;
  return s;
}

/** Converts a simple glob (*, **, ?) to a regular expression over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
      else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(^|/)${re}$`);
}

/** The language fixed for a document by settings, if any: per file first, then the workspace. */
export function fixedLanguage(settings: Settings, uri: string): Lang | undefined {
  let path = uri.replace(/^[a-z]+:\/\//i, '');
  try { path = decodeURIComponent(path); } catch { /* a malformed %-escape ("100%.md"): match the raw path */ }
  for (const [glob, lang] of Object.entries(settings.fileLanguages)) if (globToRegExp(glob).test(path)) return lang;
  return settings.language === 'auto' ? undefined : settings.language;
}
