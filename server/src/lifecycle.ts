/**
 * The LSP lifecycle, as the specification says, one per connection: before initialize, requests are refused with
 * ServerNotInitialized (-32002) and notifications dropped (exit excepted); a second initialize, and any request after
 * shutdown, is refused with InvalidRequest; notifications after shutdown are dropped. The message strategy looks at
 * each message before any handler runs (createConnection takes it); a refused request is handed to REFUSED's
 * handler, which `install` registers and which answers with the error.
 */
import { ErrorCodes, ResponseError, type Connection, type Message, type MessageStrategy } from 'vscode-languageserver/node';

const REFUSED = 'lingo/$refused';

export interface Lifecycle {
  /** For createConnection's options: looks at each message before any handler. */
  readonly messageStrategy: MessageStrategy;
  /** Answers the refused requests on this connection (call once, before it listens). */
  install(connection: Connection): void;
  /** The notifications dropped so far (before initialize, after shutdown), forgotten once taken. */
  takeDropped(): string[];
}

export function createLifecycle(): Lifecycle {
  let state: 'new' | 'running' | 'shut down' = 'new';
  let dropped: string[] = [];
  const messageStrategy: MessageStrategy = {
    handleMessage(message: Message, next: (message: Message) => void) {
      const m = message as Message & { id?: number | string | null; method?: unknown; params?: unknown };
      if (typeof m.method !== 'string' || m.method === 'exit') return next(message); // a response, or exit
      const request = m.id !== undefined && m.id !== null;
      if (!request) {
        if (state === 'running') next(message);
        else dropped.push(`${m.method} (${state === 'new' ? 'before initialize' : 'after shutdown'})`);
        return;
      }
      let refusal: [number, string] | undefined;
      if (state === 'new' && m.method !== 'initialize') refusal = [ErrorCodes.ServerNotInitialized, `${m.method} before initialize: the server is not initialized yet`];
      else if (state === 'shut down') refusal = [ErrorCodes.InvalidRequest, `${m.method} after shutdown: the server is shutting down`];
      else if (state === 'running' && m.method === 'initialize') refusal = [ErrorCodes.InvalidRequest, 'initialize again: the server is initialized already'];
      if (refusal) return next({ ...m, method: REFUSED, params: { code: refusal[0], message: refusal[1] } } as Message);
      if (m.method === 'initialize') state = 'running';
      else if (m.method === 'shutdown') state = 'shut down';
      next(message);
    },
  };
  return {
    messageStrategy,
    install(connection) {
      connection.onRequest(REFUSED, (p: { code: number; message: string }) => new ResponseError(p.code, p.message));
    },
    takeDropped() {
      const taken = dropped;
      dropped = [];
      return taken;
    },
  };
}
