/**
 * The language server's entry: `node dist/server.js --stdio`, or IPC when VS Code's client starts it. It makes the
 * connection (from the command line's arguments) with the server's message strategy and starts one server on it
 * (startServer.ts, where the server is wired); the bundle's own folder (dist/) holds the glossary and the worker.
 * V8's memory flags (memoryFlags.ts) are process-wide, so the entry sets them: setMemoryFlags.ts, imported first,
 * those of LINGO_V8_FLAGS at once; then by the size of each glossary that comes into force.
 */
import { setMemoryFlags } from './setMemoryFlags';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

startServer((options) => createConnection(ProposedFeatures.all, options), { baseDir: __dirname, onGlossary: setMemoryFlags });
