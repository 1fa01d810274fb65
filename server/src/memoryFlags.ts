/**
 * V8 settings that keep the language server's memory down (issue 19: under 200 MB RSS with 50,000 concepts after
 * an hour of use). Set by the server's entry (server.ts) before it starts, with v8.setFlagsFromString, so that they
 * hold however the server is started: VS Code's client (IPC), `node dist/server.js --stdio` from Neovim, Emacs or
 * any editor. Both are read by V8 while it runs (at each garbage collection), not only when the heap is made:
 *
 * - `--optimize-for-size`: the old generation grows by a small factor over what is live instead of up to 4×, and
 *   is collected sooner. Each keystroke in a 1 MB document leaves megabytes of large objects (texts, folded copies,
 *   the diagnostics' JSON), which the default lets pile up to 150+ MB before a full collection.
 * - `--semi-space-growth-factor=1`: the young generation stays at its first size (1 MB per semi-space) instead of
 *   growing to 16 MB each (32 MB resident once grown); what it holds between collections is short-lived garbage.
 *
 * What they cost in speed is measured in BENCHMARKS.md (the long session, A/B). LINGO_V8_FLAGS replaces them
 * (empty: V8's defaults), to measure or to tune.
 */
import * as v8 from 'v8';

export const MEMORY_FLAGS = '--optimize-for-size --semi-space-growth-factor=1';

/** The flags in force for this process: LINGO_V8_FLAGS when it is set, else MEMORY_FLAGS. */
export function memoryFlags(env: NodeJS.ProcessEnv = process.env): string {
  return env.LINGO_V8_FLAGS ?? MEMORY_FLAGS;
}

/** Sets the flags (once, before the server allocates much: the young generation must not have grown yet). */
export function applyMemoryFlags(env: NodeJS.ProcessEnv = process.env): string {
  const flags = memoryFlags(env).trim();
  if (flags) v8.setFlagsFromString(flags);
  return flags;
}
