/**
 * What a user can configure; the server reads it from the editor, the CLI from a settings file. The settings
 * themselves (keys, schemas, defaults) are declared in declarations.ts; this reads values by their schemas.
 */
import type { Lang } from './types';
import { globMatchesEnd } from './glob';
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
 * The language fixed for a document by settings, if any: per file first (the first glob of `lingo.fileLanguages`
 * that matches the end of the document's path, see glob.ts), then the workspace.
 */
export function fixedLanguage(settings: Settings, uri: string): Lang | undefined {
  let path = uri.replace(/^[a-z]+:\/\//i, '');
  try { path = decodeURIComponent(path); } catch { /* a malformed %-escape ("100%.md"): match the raw path */ }
  for (const [glob, lang] of Object.entries(settings.fileLanguages)) if (globMatchesEnd(glob, path)) return lang;
  return settings.language === 'auto' ? undefined : settings.language;
}
