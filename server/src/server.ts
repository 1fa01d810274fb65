/**
 * The language server's entry: `node dist/server.js --stdio`, or IPC when VS Code's client starts it. It first sets
 * the V8 flags that keep its memory down (setMemoryFlags.ts: imported first, it runs before the other modules load),
 * then makes the connection (from the command line's arguments) with the server's message strategy and starts one
 * server on it (startServer.ts, where the server is wired); the bundle's own folder (dist/) holds the glossary and
 * the worker.
 */
import './setMemoryFlags';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

startServer((options) => createConnection(ProposedFeatures.all, options), { baseDir: __dirname });
