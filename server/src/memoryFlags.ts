/**
 * V8 settings that keep the language server's memory down when its glossary is large (issue 19: under 200 MB RSS
 * with 50,000 concepts after an hour of use), and V8's own settings, which are faster, while it is small. Set with
 * v8.setFlagsFromString by the server's entry (server.ts) when a glossary comes into force, so that they hold
 * however the server is started: VS Code's client (IPC), `node dist/server.js --stdio` from Neovim, Emacs or any
 * editor. V8 reads them while it runs (at each garbage collection), not only when the heap is made:
 *
 * - `--optimize-for-size`: the old generation grows by a small factor over what is live instead of up to 4×, and
 *   is collected sooner. Each keystroke in a 1 MB document leaves megabytes of large objects (texts, folded copies,
 *   the diagnostics' JSON), which the default lets pile up to 150+ MB before a full collection.
 * - `--semi-space-growth-factor=1`: the young generation stays at its first size (1 MB per semi-space) instead of
 *   growing to 16 MB each (32 MB resident once grown); what it holds between collections is short-lived garbage.
 *
 * They cost time: with the built-in glossary the open of 1 MB takes 2.7–3.9× the in-process check with them and
 * 1.3–1.4× without (BENCHMARKS.md), where the memory is ~130 MB either way. Hence the switch by glossary size.
 * LINGO_V8_FLAGS replaces the choice (empty: V8's defaults whatever the size), to measure or to tune.
 */
import * as v8 from 'v8';

/** For a large glossary: memory first. */
export const MEMORY_FLAGS = '--optimize-for-size --semi-space-growth-factor=1';
/** For a small glossary: V8's defaults, written out so that they undo MEMORY_FLAGS. */
export const SPEED_FLAGS = '--no-optimize-for-size --semi-space-growth-factor=2';
/** From this many concepts on, a glossary is large (the built-in one has about 700; company termbases 5,000–100,000). */
export const LARGE_GLOSSARY = 10_000;

/** The flags for a glossary of `concepts` concepts: LINGO_V8_FLAGS when it is set, else by the glossary's size. */
export function memoryFlags(concepts: number, env: NodeJS.ProcessEnv = process.env): string {
  return (env.LINGO_V8_FLAGS ?? (concepts >= LARGE_GLOSSARY ? MEMORY_FLAGS : SPEED_FLAGS)).trim();
}

/**
 * A function to call with the size of each glossary that comes into force: it sets the flags for it when they
 * differ from those last set (`set` is v8.setFlagsFromString but for tests), and returns the flags in force.
 */
export function memoryFlagsSwitch(env: NodeJS.ProcessEnv = process.env, set: (flags: string) => void = (f) => v8.setFlagsFromString(f)): (concepts: number) => string {
  let current: string | undefined;
  return (concepts) => {
    const flags = memoryFlags(concepts, env);
    if (flags !== current) {
      if (flags) set(flags);
      current = flags;
    }
    return flags;
  };
}
