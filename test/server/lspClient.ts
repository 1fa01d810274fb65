/**
 * A minimal LSP client for tests: frames JSON-RPC messages by hand (Content-Length headers), answers the server's
 * own requests, and collects its notifications. `LspClient` spawns `node dist/server.js --stdio`; `LspStreamClient`
 * speaks to a server in this process over a pair of streams (startServer.ts).
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import type { Readable, Writable } from 'stream';
import { ROOT } from '../helpers';

/** A JSON value from the wire: what the server sends is checked by the tests, not typed. */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The client's side of the wire, whatever carries the bytes. */
export abstract class LspWire {
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  readonly notifications: { method: string; params: Json }[] = [];
  /** The server's own requests (registrations, progress tokens, configuration), in the order they came. */
  readonly serverRequests: { method: string; params: Json }[] = [];
  private waiters: { pred: (n: { method: string; params: Json }) => boolean; resolve: (v: Json) => void }[] = [];
  /** What the server gets for workspace/configuration. */
  configuration: Json = {};
  /** The processId sent in initialize (a server in this process gets null: it must not watch its own process). */
  protected processId: number | null = process.pid;
  /** Once ended, the test writes nothing more to the server. */
  protected killed = false;

  /** Writes bytes to the server. */
  protected abstract write(chunk: string | Buffer): void;

  protected onData(d: Buffer) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, headerEnd).toString());
      const len = Number(m![1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      if (msg.method === undefined && this.measuring.has(msg.id)) this.measuring.set(msg.id, len);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Json) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code, data: msg.error.data }));
      else p?.resolve(msg.result);
    } else if (msg.id !== undefined) {
      // A request from the server.
      this.serverRequests.push({ method: msg.method, params: msg.params });
      let result: Json = null;
      if (msg.method === 'workspace/configuration') result = msg.params.items.map(() => this.configuration);
      this.sendRaw({ jsonrpc: '2.0', id: msg.id, result });
    } else {
      const n = { method: msg.method, params: msg.params };
      this.notifications.push(n);
      this.waiters = this.waiters.filter((w) => (w.pred(n) ? (w.resolve(n.params), false) : true));
    }
  }

  sendRaw(msg: Json | string) {
    // After kill() the server may still have sent a request (workspace/configuration) that is being answered: a
    // test that has ended its server writes nothing more (the write would fail with EPIPE, outside any test).
    if (this.killed) return;
    const body = Buffer.from(typeof msg === 'string' ? msg : JSON.stringify(msg), 'utf8');
    this.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.write(body);
  }

  /** Answers whose size is asked for (`measured`): request id → the answer's bytes on the wire (Content-Length). */
  private readonly measuring = new Map<number, number>();

  /** A request's answer and its size on the wire in bytes (the message's Content-Length). */
  async measured<T = Json>(method: string, params: Json, timeoutMs = 10000): Promise<{ result: T; bytes: number }> {
    const id = this.nextId;
    this.measuring.set(id, -1);
    try {
      const result = await this.request<T>(method, params, timeoutMs);
      return { result, bytes: this.measuring.get(id)! };
    } finally {
      this.measuring.delete(id);
    }
  }

  request<T = Json>(method: string, params: Json, timeoutMs = 10000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out`)), timeoutMs);
      this.pending.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      this.sendRaw({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** A request that the test may cancel ($/cancelRequest with its id). */
  cancellable<T = Json>(method: string, params: Json, timeoutMs = 30000): { cancel(): void; result: Promise<T> } {
    const id = this.nextId;
    const result = this.request<T>(method, params, timeoutMs);
    return { cancel: () => this.notify('$/cancelRequest', { id }), result };
  }

  notify(method: string, params: Json) {
    this.sendRaw({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the params of the first notification (already received or coming) that matches. */
  waitFor(method: string, pred: (p: Json) => boolean = () => true, timeoutMs = 10000, after = 0): Promise<Json> {
    const old = this.notifications.slice(after).find((n) => n.method === method && pred(n.params));
    if (old) return Promise.resolve(old.params);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} notification`)), timeoutMs);
      this.waiters.push({ pred: (n) => n.method === method && pred(n.params), resolve: (v) => { clearTimeout(timer); resolve(v); } });
    });
  }

  async initialize(capabilities: Json = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } }, initializationOptions?: Json) {
    const result = await this.request('initialize', { processId: this.processId, rootUri: null, capabilities, initializationOptions }, 30000);
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1) {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  diagnostics(uri: string, version?: number): Promise<Json[]> {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version)).then((p) => p.diagnostics);
  }
}

/** A server spawned as `node dist/server.js --stdio`. */
export class LspClient extends LspWire {
  readonly proc: ChildProcess;
  stderr = '';

  /** Without LINGO_CACHE_DIR in `env` the server keeps no glossary builds: a test's glossary does not outlive it. */
  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env, serverJs = path.join(ROOT, 'dist', 'server.js')) {
    super();
    this.proc = spawn(process.execPath, [serverJs, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { LINGO_CACHE_DIR: 'off', ...env } });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr!.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    // A write still under way when the test killed the server fails with EPIPE: expected then, and only then.
    this.proc.stdin!.on('error', (e) => { if (!this.killed) throw e; });
  }

  protected write(chunk: string | Buffer): void {
    this.proc.stdin!.write(chunk);
  }

  /**
   * Ends the server at once (after a failed test, so that mocha is not left waiting for it); resolves once it has
   * exited, so that a test's folders are removed after the server that used them (and its own temporary folder).
   */
  kill(): Promise<void> {
    this.killed = true;
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.kill();
    return exited;
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null) return resolve(this.proc.exitCode);
      const t = setTimeout(() => { this.proc.kill(); resolve(null); }, 3000);
      this.proc.on('exit', (code) => { clearTimeout(t); resolve(code); });
    });
  }
}

/** A server in this process: what it writes comes in on `fromServer`, what the client sends goes out on `toServer`. */
export class LspStreamClient extends LspWire {
  constructor(fromServer: Readable, private readonly toServer: Writable) {
    super();
    this.processId = null;
    fromServer.on('data', (d: Buffer) => this.onData(d));
  }

  protected write(chunk: string | Buffer): void {
    this.toServer.write(chunk);
  }

  /** Writes nothing more (the server was disposed). */
  end(): void {
    this.killed = true;
  }
}
