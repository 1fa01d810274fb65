/**
 * A raw LSP client for the robustness tests: it can send anything (malformed bodies, odd ids,
 * unknown methods) and records every response by id, so a test can check that each request got
 * a result or an error. It answers the server's own requests (workspace/configuration with
 * `configuration()`), and counts notifications instead of keeping them all.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';

/** The server under test: dist/server.js, or another build named by LINGO_SERVER_JS. */
export const SERVER_JS = process.env.LINGO_SERVER_JS ?? path.join(ROOT, 'dist', 'server.js');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Response { id: Json; result?: Json; error?: { code: number; message: string; data?: Json } }

export class RawClient {
  readonly proc: ChildProcess;
  private buf: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<string, { resolve: (r: Response) => void; reject: (e: Error) => void }>();
  /** Responses whose id matched no request of ours (e.g. id null for a parse error). */
  readonly stray: Response[] = [];
  /** Problems with what the server wrote (unparseable frames): each one is a bug. */
  readonly protocolErrors: string[] = [];
  readonly counts = new Map<string, number>();
  /** Distinct error messages the server logged (window/logMessage type 1), capped. */
  readonly loggedErrors = new Set<string>();
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Json[] }>();
  configuration: () => Json = () => ({});
  stderr = '';
  exited: { code: number | null; signal: string | null } | undefined;

  /** With LINGO_TRACE=file, every frame sent (base64, one a line) is written there, to replay a failure. */
  private trace = process.env.LINGO_TRACE ? fs.openSync(process.env.LINGO_TRACE, 'w') : undefined;

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env) {
    this.proc = spawn(process.execPath, [SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { LINGO_CACHE_DIR: 'off', ...env } }); // no glossary builds kept
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr!.on('data', (d: Buffer) => { if (this.stderr.length < 100000) this.stderr += d.toString(); });
    this.proc.stdin!.on('error', () => undefined); // EPIPE after a crash: reported by `exited`
    this.proc.on('exit', (code, signal) => {
      this.exited = { code, signal };
      const e = new Error(`server exited (${JSON.stringify(this.exited)}) before answering\n${this.stderr.slice(-3000)}`);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }

  get alive(): boolean { return this.exited === undefined; }

  private onData(d: Buffer) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, headerEnd).toString());
      if (!m) {
        this.protocolErrors.push(`frame without Content-Length: ${this.buf.subarray(0, Math.min(200, headerEnd)).toString()}`);
        this.buf = this.buf.subarray(headerEnd + 4);
        continue;
      }
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      let msg: Json;
      try { msg = JSON.parse(body); } catch { this.protocolErrors.push(`unparseable frame: ${body.slice(0, 200)}`); continue; }
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Json) {
    if (msg.method === undefined) {
      const key = JSON.stringify(msg.id);
      const p = this.pending.get(key);
      if (p) { this.pending.delete(key); p.resolve(msg); } else this.stray.push(msg);
      if (!('result' in msg) && !(msg.error && typeof msg.error.code === 'number')) this.protocolErrors.push(`response with neither result nor error: ${JSON.stringify(msg).slice(0, 200)}`);
      return;
    }
    this.counts.set(msg.method, (this.counts.get(msg.method) ?? 0) + 1);
    if (msg.id !== undefined) {
      let result: Json = null;
      if (msg.method === 'workspace/configuration') result = (msg.params?.items ?? []).map(() => this.configuration());
      this.send({ jsonrpc: '2.0', id: msg.id, result });
    } else if (msg.method === 'window/logMessage' && msg.params?.type === 1 && this.loggedErrors.size < 200) {
      this.loggedErrors.add(String(msg.params.message).split('\n')[0].slice(0, 300));
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      this.diagnostics.set(msg.params.uri, msg.params);
    }
  }

  /** Writes one frame; `body` is sent as is when it is a string or a Buffer. */
  sendFrame(body: string | Buffer, extraHeaders = '') {
    const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    if (this.trace !== undefined) fs.writeSync(this.trace, `${extraHeaders.replace(/\r\n/g, ' ')}${b.toString('base64')}\n`);
    this.proc.stdin!.write(`Content-Length: ${b.length}\r\n${extraHeaders}\r\n`);
    this.proc.stdin!.write(b);
  }

  send(msg: Json) { this.sendFrame(JSON.stringify(msg)); }

  notify(method: string, params?: Json) { this.send(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params }); }

  /** A new id for a request. */
  id(): number { return this.nextId++; }

  /**
   * Sends a request message (given whole, so it may be odd) and resolves with its response, or
   * rejects after `timeoutMs` or when the server exits.
   */
  requestRaw(msg: { id: string | number; method: string; [k: string]: Json }, timeoutMs = 60000): Promise<Response> {
    const key = JSON.stringify(msg.id);
    return new Promise<Response>((resolve, reject) => {
      if (!this.alive) return reject(new Error(`server is not running: ${JSON.stringify(this.exited)}`));
      const timer = setTimeout(() => { this.pending.delete(key); reject(new Error(`no answer to ${msg.method} (id ${key}) in ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(key, {
        resolve: (r) => { clearTimeout(timer); resolve(r); },
        reject: (e) => { clearTimeout(timer); reject(new Error(`${msg.method} (id ${key}): ${e.message}`)); },
      });
      this.send({ jsonrpc: '2.0', ...msg });
    });
  }

  request(method: string, params?: Json, timeoutMs?: number): Promise<Response> {
    return this.requestRaw(params === undefined ? { id: this.id(), method } : { id: this.id(), method, params }, timeoutMs);
  }

  /** The result of a request, or throws its error. */
  async call(method: string, params?: Json, timeoutMs?: number): Promise<Json> {
    const r = await this.request(method, params, timeoutMs);
    if (r.error) throw Object.assign(new Error(`${method}: ${r.error.message}`), { code: r.error.code });
    return r.result;
  }

  async initialize(initializationOptions?: Json, capabilities: Json = { workspace: { configuration: true } }) {
    const r = await this.call('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    this.notify('initialized', {});
    return r;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1) {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Resident set size and its peak, in MB, from /proc (Linux). */
  memoryMB(): { rss: number; peak: number } | undefined {
    try {
      const s = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
      return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
    } catch { return undefined; }
  }

  async shutdown(): Promise<number | null> {
    if (!this.alive) return this.exited!.code;
    await this.request('shutdown', undefined, 10000).catch(() => undefined);
    this.notify('exit');
    return new Promise((resolve) => {
      if (!this.alive) return resolve(this.exited!.code);
      const t = setTimeout(() => { this.proc.kill(); resolve(null); }, 5000);
      this.proc.on('exit', (code) => { clearTimeout(t); resolve(code); });
    });
  }

  kill() { if (this.alive) this.proc.kill(); }
}
