// The id of this build of the language service: a hash of server/src/service. A compiled glossary
// (dist/glossary.bin) records the id of the build that wrote it, and only that build reads it (its forms
// come from the service's code). esbuild's `define` puts it into every bundle as __LINGO_ENGINE__.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'service');

export function engineId() {
  const hash = createHash('sha1');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) hash.update(f).update('\0').update(readFileSync(path.join(dir, f))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export const engineDefine = () => ({ __LINGO_ENGINE__: JSON.stringify(engineId()) });
