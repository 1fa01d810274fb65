/** What a user can configure; the server reads it from the editor, the CLI from a settings file. */
import type { Lang } from './types';
import { LANGS } from './types';

export type RuleId = 'acronym-undefined' | 'inconsistent-term' | 'inconsistent-across-files' | 'deprecated-term' | 'mistranslation';
export const RULES: readonly RuleId[] = ['acronym-undefined', 'inconsistent-term', 'inconsistent-across-files', 'deprecated-term', 'mistranslation'];
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
  /** Where one concept must have one name: within each document, each folder, or the whole workspace. */
  consistencyScope: 'document' | 'folder' | 'workspace';
  /**
   * At most this many problems are shown per document, the last of them a notice of how many more there are
   * (VS Code itself shows at most 1,000 per file). 0: no limit.
   */
  maxProblems: number;
  /**
   * Where terms are coloured by semantic tokens: in every document ('all'), in sales playbooks (lingo-playbook) and
   * plain text but not in other Markdown, whose own colours come first ('playbooks'), or nowhere ('off').
   */
  semanticHighlighting: 'all' | 'playbooks' | 'off';
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  preferredLanguage: 'en',
  languages: [...LANGS],
  rules: { 'acronym-undefined': 'information', 'inconsistent-term': 'warning', 'inconsistent-across-files': 'information', 'deprecated-term': 'warning', mistranslation: 'warning' },
  ignoreWords: [],
  fileLanguages: {},
  maxFileSizeMB: 5,
  consistencyScope: 'document',
  maxProblems: 1000,
  semanticHighlighting: 'playbooks',
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
  if (typeof r.maxProblems === 'number' && Number.isInteger(r.maxProblems) && r.maxProblems >= 0) s.maxProblems = r.maxProblems;
  if (r.semanticHighlighting === 'all' || r.semanticHighlighting === 'playbooks' || r.semanticHighlighting === 'off') s.semanticHighlighting = r.semanticHighlighting;
  if (r.consistencyScope === 'folder' || r.consistencyScope === 'workspace' || r.consistencyScope === 'document') s.consistencyScope = r.consistencyScope;
  return s;
}

/**
 * Whether a '/'-separated path ends with a part matched by a simple glob (*, ** and ?), starting at a
 * path segment. Linear-time matching (no regular expression), so a setting cannot make it hang.
 */
export function globMatches(glob: string, path: string): boolean {
  for (let k = 0; k <= path.length; k = path.indexOf('/', k) + 1 || path.length + 1) {
    if (matchFrom(glob, path, k)) return true;
    if (k === path.length) break;
  }
  return false;
}

/** Dynamic programming over (glob position, path position): O(glob × path). */
function matchFrom(glob: string, path: string, from: number): boolean {
  const n = path.length - from;
  let cur = new Uint8Array(n + 1);
  cur[0] = 1;
  for (let g = 0; g < glob.length; g++) {
    const c = glob[g];
    const next = new Uint8Array(n + 1);
    if (c === '*') {
      const deep = glob[g + 1] === '*';
      const slash = deep && glob[g + 2] === '/';
      g += deep ? (slash ? 2 : 1) : 0;
      let reach = 0;
      for (let p = 0; p <= n; p++) {
        if (cur[p]) reach = 1;
        else if (reach && !deep && path[from + p - 1] === '/') reach = 0;
        // "**/" matches nothing, or anything that ends with "/"
        if (reach && (!slash || cur[p] || path[from + p - 1] === '/')) next[p] = 1;
      }
    } else {
      for (let p = 0; p < n; p++) if (cur[p] && (c === '?' ? path[from + p] !== '/' : path[from + p] === c)) next[p + 1] = 1;
    }
    cur = next;
  }
  return cur[n] === 1;
}

/** The language fixed for a document by settings, if any: per file first, then the workspace. */
export function fixedLanguage(settings: Settings, uri: string): Lang | undefined {
  let path = uri.replace(/^[a-z]+:\/\//i, '');
  try { path = decodeURIComponent(path); } catch { /* a malformed %-escape ("100%.md"): match the raw path */ }
  for (const [glob, lang] of Object.entries(settings.fileLanguages)) if (globMatches(glob, path)) return lang;
  return settings.language === 'auto' ? undefined : settings.language;
}
