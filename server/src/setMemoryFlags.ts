/**
 * The process's switch of V8's memory flags (memoryFlags.ts), made and first set as a module's side effect:
 * server.ts imports it first, so that LINGO_V8_FLAGS is in force before the libraries' modules are loaded and the
 * young generation has grown. server.ts then hands it the size of each glossary that comes into force.
 */
import { memoryFlagsSwitch } from './memoryFlags';

export const setMemoryFlags = memoryFlagsSwitch();
setMemoryFlags(0);
