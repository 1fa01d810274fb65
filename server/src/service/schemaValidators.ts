/**
 * The validators of the glossary schemas (glossary/schema/*.json), compiled with ajv when first asked for.
 * This is what `tsc -b`'s output runs (the unit tests); the bundles (dist/server.js, dist/cli.js) have in its place
 * the validators generated at build time by server/scripts/validators.mjs (ajv's standalone code, the same options),
 * so a bundled server or CLI compiles no schema at start and carries no ajv.
 */
import type { ValidateFunction } from 'ajv';
import schema from '../../../glossary/schema/glossary.schema.json';
import workspaceSchema from '../../../glossary/schema/workspace-glossary.schema.json';

// The service is compiled without Node's types; this `require` loads ajv and nothing else.
declare function require(id: 'ajv'): typeof import('ajv');

export type SchemaKind = 'builtin' | 'workspace';

const compiled: Partial<Record<SchemaKind, ValidateFunction>> = {};

/** The validator of a built-in glossary file ('builtin') or a team glossary ('workspace'). */
export function schemaValidator(kind: SchemaKind): ValidateFunction {
  return (compiled[kind] ??= new (require('ajv')).default({ allErrors: true, strict: false }).compile(kind === 'builtin' ? schema : workspaceSchema));
}
