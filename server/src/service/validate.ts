/**
 * Checks parsed glossary files against glossary/schema/glossary.schema.json and reports each
 * problem by file, entry (the concept id) and field, in words a glossary editor understands.
 */
import type { ErrorObject } from 'ajv';
import { schemaValidator } from './schemaValidators';
import type { GlossaryIssue } from './types';

/** Describes where a JSON pointer lands: the concept's id (when it has one) and the field path. */
export function locate(data: unknown, pointer: string): { entry: string; field: string } {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] !== 'concepts' || parts.length < 2) return { entry: '(file)', field: parts.join('.') || '(root)' };
  const concept = (data as { concepts?: unknown[] })?.concepts?.[Number(parts[1])] as { id?: unknown } | undefined;
  const entry = typeof concept?.id === 'string' ? concept.id : `concepts[${parts[1]}]`;
  let field = '';
  for (const p of parts.slice(2)) field += /^\d+$/.test(p) ? `[${p}]` : (field ? '.' : '') + p;
  return { entry, field: field || '(entry)' };
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required': return `is missing "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties': return `has an unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum': return `must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type': return `must be ${(e.params as { type: string }).type === 'array' ? 'a list' : `a ${(e.params as { type: string }).type}`}`;
    case 'maxLength': return `is too long (at most ${(e.params as { limit: number }).limit} characters)`;
    case 'minLength': return 'must not be empty';
    case 'minItems': return 'must not be empty';
    case 'pattern': return (e.params as { pattern: string }).pattern === '\\S' ? 'must not be only spaces' : 'has characters that are not allowed here (lower-case letters, digits and hyphens)';
    default: return e.message ?? 'is not valid';
  }
}

/** Schema problems of one parsed file: a built-in glossary file, or a team glossary (kind 'workspace'). */
export function validateGlossaryFile(file: string, data: unknown, kind: 'builtin' | 'workspace' = 'builtin'): GlossaryIssue[] {
  const validate = schemaValidator(kind);
  if (validate(data)) return [];
  const issues: GlossaryIssue[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    let pointer = e.instancePath;
    if (e.keyword === 'additionalProperties') pointer += '/' + (e.params as { additionalProperty: string }).additionalProperty;
    const { entry, field } = locate(data, pointer);
    const message = describe(e);
    const key = pointer + message;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ file, entry, field, message, severity: 'error', pointer });
  }
  return issues;
}

export const formatIssue = (i: GlossaryIssue): string => `${i.file}: ${i.entry}: ${i.field} ${i.message}`;

/**
 * A build's overlap and override warnings summed up for a log: one line per kind with the count and the first
 * `examples` (a termbase that repeats the built-in glossary's terms under its own ids gives thousands). Other issues
 * are not summed up here.
 */
export function issueSummary(issues: GlossaryIssue[], examples = 3): string[] {
  const lines: string[] = [];
  const said = (i: GlossaryIssue) => `${i.entry}: ${i.message.replace(/;.*$/, '')}`;
  const of = (kind: GlossaryIssue['kind']) => issues.filter((i) => i.kind === kind);
  const line = (list: GlossaryIssue[], what: string) => {
    if (!list.length) return;
    const more = list.length - examples;
    lines.push(`${what}: ${list.length}, e.g. ${list.slice(0, examples).map(said).join('; ')}${more > 0 ? `; and ${more} more` : ''}`);
  };
  line(of('override'), 'Terms of a later glossary that take over a text an earlier one also uses (the later one is found)');
  line(of('overlap'), 'Texts that name several concepts without being marked "ambiguous" (each is found as all of them)');
  return lines;
}
