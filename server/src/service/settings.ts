/**
 * What a user can configure; the server reads it from the editor, the CLI from a settings file. The settings
 * themselves (keys, schemas, defaults) are declared in declarations.ts; this reads values by their schemas.
 */
import type { Lang } from './types';
import { RULE_LEVELS, RULES, SETTING_DECLARATIONS, SETTING_KEYS, type RuleId, type RuleLevel, type SettingSchema, type Settings } from './declarations';

export { RULE_LEVELS, RULES };
export type { RuleId, RuleLevel, Settings };

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(SETTING_KEYS.map((k) => [k, structuredClone(SETTING_DECLARATIONS[k].default)])) as Settings;

/**
 * Merges partial, possibly ill-typed settings (from an editor or a file) over the defaults: each value is read by
 * its setting's schema (see `read`); a value the schema does not allow leaves the default.
 */
export function resolveSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s = structuredClone(DEFAULT_SETTINGS) as Record<string, unknown>;
  for (const k of SETTING_KEYS) {
    const v = read(SETTING_DECLARATIONS[k].schema, r[k], s[k]);
    if (v !== undefined) s[k] = v;
  }
  return s as Settings;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A value as the schema allows it, or undefined. Leniently, as an editor's settings deserve: an array keeps the items
 * its `items` allow (unless fewer than `minItems` remain), an object the entries its `properties` or
 * `additionalProperties` allow, over `base` (the default: a rule not named keeps its level).
 */
export function read(schema: SettingSchema, v: unknown, base?: unknown): unknown {
  if (Array.isArray(schema.enum) && !(schema.enum as unknown[]).includes(v)) return undefined;
  switch (schema.type) {
    case 'string': return typeof v === 'string' ? v : undefined;
    case 'boolean': return typeof v === 'boolean' ? v : undefined;
    case 'number':
    case 'integer': {
      if (typeof v !== 'number' || !Number.isFinite(v) || (schema.type === 'integer' && !Number.isInteger(v))) return undefined;
      return typeof schema.minimum === 'number' && v < schema.minimum ? undefined : v;
    }
    case 'array': {
      if (!Array.isArray(v)) return undefined;
      const items = schema.items as SettingSchema | undefined;
      let out = items ? v.filter((x) => read(items, x) !== undefined) : [...v];
      if (schema.uniqueItems === true) out = [...new Set(out)];
      return typeof schema.minItems === 'number' && out.length < schema.minItems ? undefined : out;
    }
    case 'object': {
      if (!isPlainObject(v)) return undefined;
      const props = (schema.properties ?? {}) as Record<string, SettingSchema>;
      const extra = schema.additionalProperties;
      const out: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
      for (const [k, x] of Object.entries(v)) {
        const sub = Object.hasOwn(props, k) ? props[k] : extra && typeof extra === 'object' ? (extra as SettingSchema) : extra === false ? undefined : {};
        if (!sub) continue;
        const value = read(sub, x);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    case undefined: return v; // any value
    default: return undefined;
  }
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
