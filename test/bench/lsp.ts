/**
 * A small stdio LSP client for the benchmark: spawns a server bundle, frames JSON-RPC by hand and
 * stamps every incoming message with the time it arrived (performance.now()).
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import { now } from './util';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Note { method: string; params: Json; at: number }

export class BenchClient {
  readonly proc: ChildProcess;
  readonly spawnedAt = now();
  private nextId = 1;
  private pending = new Map<number, (v: { result?: Json; error?: Json; at: number }) => void>();
  readonly notes: Note[] = [];
  private waiters: { pred: (n: Note) => boolean; resolve: (n: Note) => void }[] = [];
  stderr = '';
  /** Received bytes not parsed yet (the start of a message still arriving). */
  private buf: Buffer = Buffer.alloc(0);

  /** `nodeArgs`: options for node before the bundle (--cpu-prof, say). */
  constructor(serverJs: string, env: Record<string, string> = {}, nodeArgs: string[] = []) {
    // LINGO_BENCH_NODE_FLAGS: V8 flags for the server (e.g. "--max-semi-space-size=4"), to measure what they change.
    const flags = (process.env.LINGO_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    this.proc = spawn(process.execPath, [...flags, ...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr!.on('data', (d: Buffer) => { this.stderr += d.toString(); });
  }

  /** Chunks of a message still arriving, joined once it is whole (joining each chunk as it came was quadratic). */
  private chunks: Buffer[] = [];
  private chunksLength = 0;
  private needed = 0;

  private onData(d: Buffer) {
    const at = now();
    if (this.needed) {
      this.chunks.push(d);
      this.chunksLength += d.length;
      if (this.chunksLength < this.needed) return;
      d = Buffer.concat(this.chunks);
      this.chunks = [];
      this.chunksLength = 0;
      this.needed = 0;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, headerEnd).toString())![1]);
      if (this.buf.length < headerEnd + 4 + len) {
        // The rest of a long message: kept aside until it is all there.
        this.chunks = [this.buf];
        this.chunksLength = this.buf.length;
        this.needed = headerEnd + 4 + len;
        this.buf = Buffer.alloc(0);
        return;
      }
      const msg = JSON.parse(this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      if (msg.id !== undefined && msg.method === undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        p?.({ result: msg.result, error: msg.error, at });
      } else if (msg.id !== undefined) {
        // workspace/configuration and registrations: answer with defaults
        this.send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => ({})) : null });
      } else {
        const n = { method: msg.method, params: msg.params, at };
        this.notes.push(n);
        this.waiters = this.waiters.filter((w) => (w.pred(n) ? (w.resolve(n), false) : true));
      }
    }
  }

  send(msg: Json) {
    this.write(this.frame(msg));
  }

  /** A message as written on the wire (made before a measurement, so that the client's JSON is not timed). */
  frame(msg: Json): Buffer {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
  }

  write(frame: Buffer) {
    this.proc.stdin!.write(frame);
  }

  /** Resolves with the result and the client-side round trip in ms. */
  request(method: string, params: Json, timeoutMs = 60000): Promise<{ result: Json; ms: number; at: number }> {
    const id = this.nextId++;
    const t = now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out`)), timeoutMs);
      this.pending.set(id, (v) => {
        clearTimeout(timer);
        if (v.error) reject(new Error(`${method}: ${v.error.message}`));
        else resolve({ result: v.result, ms: v.at - t, at: v.at });
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json) { this.send({ jsonrpc: '2.0', method, params }); }

  /** Drops the notifications received so far (a long session would otherwise keep every diagnostic it was sent). */
  clearNotes() { this.notes.length = 0; }

  waitFor(method: string, pred: (p: Json) => boolean, timeoutMs = 60000): Promise<Note> {
    const old = this.notes.find((n) => n.method === method && pred(n.params));
    if (old) return Promise.resolve(old);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ pred: (n) => n.method === method && pred(n.params), resolve: (n) => { clearTimeout(timer); resolve(n); } });
    });
  }

  /** CPU time of the server's main thread so far, in ms (/proc/<pid>/schedstat, Linux; NaN elsewhere). */
  cpuMs(): number {
    return threadCpuMs(this.proc.pid!);
  }

  async shutdown(): Promise<void> {
    await this.request('shutdown', null, 5000).catch(() => undefined);
    this.notify('exit', null);
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => { this.proc.kill(); resolve(); }, 3000);
      this.proc.on('exit', () => { clearTimeout(t); resolve(); });
    });
  }
}

/** CPU time of a process's main thread, in ms: the first field of /proc/<pid>/schedstat (ns on the CPU). */
export function threadCpuMs(pid: number | 'self'): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}
