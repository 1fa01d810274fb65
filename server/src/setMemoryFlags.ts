/**
 * Sets the server's V8 memory flags (memoryFlags.ts) as a module's side effect: server.ts imports it first, so that
 * it runs before the libraries' modules are loaded and the young generation has grown.
 */
import { applyMemoryFlags } from './memoryFlags';

applyMemoryFlags();
