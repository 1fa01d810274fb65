/**
 * Reading and writing the files of a workspace without trusting them. A file is read only when it is a regular
 * file (never a device, a named pipe or a socket: /dev/zero would never end, a pipe would block), not through a
 * link that leaves the folder it must stay in, and only up to a size limit counted while reading (never more than
 * the limit and one byte). A file is written through a temporary file created exclusively, under an unpredictable
 * name, in the same folder, with the mode and owner of the file it replaces; a link is written through (the link
 * stays a link), a file with hard links is written in place (so every name still shows the new text); a file
 * that is read-only, or that changed since it was read, is left alone and the caller is told why.
 */
import { isUtf8 } from 'buffer';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const C = fs.constants;
const O_NOFOLLOW = C.O_NOFOLLOW ?? 0;
const O_NONBLOCK = C.O_NONBLOCK ?? 0;

/** Why a file was not read or not written; `message` completes "<file> …" ("is a named pipe, not a file; it is not read"). */
export class FileRefused extends Error {
  constructor(readonly file: string, readonly reason: 'missing' | 'outside' | 'special' | 'large' | 'slow' | 'unreadable' | 'encoding' | 'read-only' | 'changed' | 'unwritable', readonly detail: string) {
    super(`${file} ${detail}`);
  }
}

export interface ReadLimits {
  /** At most this many bytes are read (a larger file is refused after reading one byte more). */
  maxBytes: number;
  /** When set, the file must lie in this folder, links resolved. */
  root?: string;
  /**
   * Reading stops with a refusal after this long (a file on a stalled network disk); checked between reads, so a
   * single read that never returns is not interrupted. Default READ_TIMEOUT_MS.
   */
  timeoutMs?: number;
}

/** How long a read may take before it is given up (see ReadLimits.timeoutMs). */
export const READ_TIMEOUT_MS = 10000;

/** The bytes a document of `mb` megabytes of text may take on disk: UTF-8 takes up to 4 bytes a character; the
 * service then applies the limit to the text itself. */
export const maxDocumentBytes = (mb: number): number => mb * 1048576 * 4;

export interface ReadFile {
  bytes: Buffer;
  /** The file's status when it was read (of the file a link leads to). */
  stat: fs.Stats;
  /** The path that was opened: links resolved. */
  real: string;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Is `p` `dir` or inside it (both absolute, links resolved)? */
export const isInside = (dir: string, p: string): boolean => {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Reads a file within limits (see the top of this file); throws FileRefused saying why it was not read.
 * Never blocks on a named pipe, never reads more than maxBytes + 1 bytes.
 */
export function readLimited(file: string, limits: ReadLimits): ReadFile {
  let real: string;
  try { real = fs.realpathSync(file); } catch (e) { throw pathRefused(file, e); }
  if (limits.root !== undefined) {
    let root: string;
    try { root = fs.realpathSync(limits.root); } catch { root = path.resolve(limits.root); }
    checkInside(file, real, root, limits.root);
  }
  let fd: number;
  // O_NONBLOCK: opening a named pipe must not wait for a writer; O_NOFOLLOW: the resolved path must still not be a link.
  try { fd = fs.openSync(real, C.O_RDONLY | O_NONBLOCK | O_NOFOLLOW); } catch (e) { throw openRefused(file, e); }
  try {
    const into = new LimitedBuffer(file, fs.fstatSync(fd), limits);
    for (let space = into.space(); space; space = into.space()) {
      let n: number;
      try { n = fs.readSync(fd, space, 0, space.length, null); } catch (e) { throw readRefused(file, e); }
      if (!into.add(n)) break;
    }
    return into.read(real);
  } catch (e) {
    throw readRefused(file, e);
  } finally {
    fs.closeSync(fd);
  }
}

/** A realpath that failed, as the refusal it means. */
function pathRefused(file: string, e: unknown): FileRefused {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileRefused(file, 'missing', 'does not exist');
  if (code === 'ELOOP') return new FileRefused(file, 'outside', 'is a link that leads nowhere (a loop of links); it is not read');
  return new FileRefused(file, 'unreadable', `cannot be read: ${(e as Error).message}`);
}

function checkInside(file: string, real: string, realRoot: string, root: string): void {
  if (!isInside(realRoot, real)) throw new FileRefused(file, 'outside', `is a link to ${real}, outside ${root}; it is not read`);
}

/** An open that failed, as the refusal it means. */
function openRefused(file: string, e: unknown): FileRefused {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return new FileRefused(file, 'outside', 'was replaced by a link while it was being read; it is not read');
  if (code === 'ENOENT') return new FileRefused(file, 'missing', 'does not exist');
  return new FileRefused(file, 'unreadable', `cannot be read: ${(e as Error).message}`);
}

/** A read that failed (a refusal already made is kept). */
function readRefused(file: string, e: unknown): FileRefused {
  if (e instanceof FileRefused) return e;
  if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return new FileRefused(file, 'special', 'cannot be read without waiting; it is not read');
  return new FileRefused(file, 'unreadable', `cannot be read: ${(e as Error).message}`);
}

/**
 * The bytes of a file read within limits: a regular file of
 * at most maxBytes, read up to one byte past the limit (a file that grows while it is read is caught), within the
 * time limit.
 */
class LimitedBuffer {
  #out: Buffer;
  #size = 0;
  readonly #t0 = Date.now();
  readonly #timeoutMs: number;

  constructor(readonly file: string, readonly stat: fs.Stats, readonly limits: ReadLimits) {
    if (!stat.isFile()) throw new FileRefused(file, 'special', `is ${kindOf(stat)}, not a file; it is not read`);
    if (stat.size > limits.maxBytes) throw new FileRefused(file, 'large', `is ${mb(stat.size)}, more than the ${mb(limits.maxBytes)} allowed; it is not read`);
    this.#timeoutMs = limits.timeoutMs ?? READ_TIMEOUT_MS;
    this.#out = Buffer.allocUnsafe(Math.min(limits.maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
  }

  /** Where the next bytes go (at most 8 MB at a time), or undefined once more than maxBytes are in. */
  space(): Buffer | undefined {
    if (this.#size === this.#out.length) {
      if (this.#out.length > this.limits.maxBytes) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(this.limits.maxBytes + 1, this.#out.length * 2));
      this.#out.copy(bigger, 0, 0, this.#size);
      this.#out = bigger;
    }
    return this.#out.subarray(this.#size, Math.min(this.#out.length, this.#size + (8 << 20)));
  }

  /** Counts `n` bytes read into the last space; false at the end of the file. */
  add(n: number): boolean {
    if (n === 0) return false;
    this.#size += n;
    if (Date.now() - this.#t0 > this.#timeoutMs) throw new FileRefused(this.file, 'slow', `took more than ${this.#timeoutMs / 1000} s to read; it is not read`);
    return true;
  }

  read(real: string): ReadFile {
    if (this.#size > this.limits.maxBytes) throw new FileRefused(this.file, 'large', `grew past the ${mb(this.limits.maxBytes)} allowed while it was read; it is not read`);
    return { bytes: this.#out.subarray(0, this.#size), stat: this.stat, real };
  }
}

/** readLimited, or undefined when the file does not exist (other refusals are thrown). */
export function readLimitedIfExists(file: string, limits: ReadLimits): ReadFile | undefined {
  try {
    return readLimited(file, limits);
  } catch (e) {
    if (e instanceof FileRefused && e.reason === 'missing') return undefined;
    throw e;
  }
}

// ---- encodings ------------------------------------------------------------------------------------

/** The encodings a document may have for Lingo to change it: what was read is written back the same way. */
export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export interface Decoded {
  text: string;
  /** Undefined when the bytes are not UTF-8 or UTF-16: then `text` is a best effort (invalid bytes as U+FFFD), and the file must not be rewritten. */
  encoding?: Encoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

/** UTF-16 without a byte-order mark: most characters are ASCII, so one byte of each pair is zero. */
function utf16Guess(b: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  if (b.length < 4 || b.length % 2) return undefined;
  const n = Math.min(b.length, 8192) & ~1;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) { if (b[i] === 0) evenZero++; if (b[i + 1] === 0) oddZero++; }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf16be';
  return undefined;
}

/** The text of a file's bytes and their encoding (by byte-order mark, else UTF-8, else UTF-16 by its zero bytes). */
export function decodeText(bytes: Uint8Array): Decoded {
  const b = bytes;
  try {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: utf8.decode(b.subarray(3)), encoding: 'utf8-bom' };
    if (b[0] === 0xff && b[1] === 0xfe) return { text: utf16le.decode(b.subarray(2)), encoding: 'utf16le' };
    if (b[0] === 0xfe && b[1] === 0xff) return { text: utf16be.decode(b.subarray(2)), encoding: 'utf16be' };
  } catch { /* a mark, then bytes that do not follow it: see below */ }
  const guess = utf16Guess(b);
  if (guess) {
    try { return { text: (guess === 'utf16le' ? utf16le : utf16be).decode(b), encoding: guess }; } catch { /* not UTF-16 after all */ }
  }
  try { return { text: utf8.decode(b), encoding: 'utf8' }; } catch { /* below */ }
  return { text: Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8') };
}

/** The bytes of a text in an encoding (with the byte-order mark the encoding had). */
export function encodeText(text: string, encoding: Encoding, hadMark = true): Buffer {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([hadMark ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([hadMark ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le.swap16()]);
    }
  }
}

/** Whether the bytes start with a byte-order mark. */
export const hasMark = (b: Uint8Array): boolean => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf);

/**
 * How a file read as `bytes` can be written back after its text changes, or why it cannot: decoding and encoding
 * again must give the very same bytes, so that nothing but the changed text differs.
 */
export function writableText(bytes: Uint8Array): { text: string; encode(text: string): Buffer } | { problem: string } {
  const d = decodeText(bytes);
  if (!d.encoding) return { problem: 'is not UTF-8 or UTF-16 text (Latin-1 or another encoding?)' };
  const mark = hasMark(bytes);
  const encoding = d.encoding;
  if (!encodeText(d.text, encoding, mark).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
    return { problem: `does not read back as the same bytes in ${encoding}` };
  }
  return { text: d.text, encode: (text) => encodeText(text, encoding, mark) };
}

/**
 * The text of an XML file (TBX) in the encoding its declaration names (<?xml … encoding="ISO-8859-1"?>), a
 * byte-order mark overriding it, UTF-8 when it names none; a problem when the encoding is unknown or the bytes
 * are not in it.
 */
export function decodeXml(bytes: Uint8Array): { text: string } | { problem: string } {
  if (hasMark(bytes) || utf16Guess(bytes)) {
    const d = decodeText(bytes);
    return d.encoding ? { text: d.text } : { problem: 'is not valid in the encoding its byte-order mark names' };
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).toString('latin1');
  const label = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1] ?? 'utf-8';
  if (/^utf-?8$/i.test(label) && typeof isUtf8 === 'function') {
    // UTF-8, the usual case: checked and decoded natively (a TextDecoder takes several times longer on a large termbase).
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return isUtf8(b) ? { text: b.toString('utf8') } : { problem: `is not valid ${label} (the encoding it declares)` };
  }
  let decoder: { decode(b: Uint8Array): string };
  try { decoder = new TextDecoder(label, { fatal: true }); } catch { return { problem: `declares the encoding "${label}", which Lingo cannot read` }; }
  try { return { text: decoder.decode(bytes) }; } catch { return { problem: `is not valid ${label} (the encoding it declares)` }; }
}

// ---- writing ------------------------------------------------------------------------------------------

/** A temporary name next to `file`: hidden, unpredictable. */
const tempName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);

/**
 * Writes `data` into a new temporary file next to `target` (created exclusively: nothing planted at that name is
 * followed or reused), with `mode` and, when given, `owner`; returns its name. The caller renames it into place.
 */
export function writeTemp(target: string, data: string | Uint8Array, mode?: number, owner?: { uid: number; gid: number }): string {
  for (let attempt = 0; ; attempt++) {
    const tmp = tempName(target);
    let fd: number;
    try {
      fd = fs.openSync(tmp, C.O_WRONLY | C.O_CREAT | C.O_EXCL | O_NOFOLLOW, mode === undefined ? 0o666 : 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 5) continue;
      throw e;
    }
    try {
      writeAll(fd, data);
      if (owner && process.getuid && (owner.uid !== process.getuid() || owner.gid !== process.getgid!())) fs.fchownSync(fd, owner.uid, owner.gid);
      if (mode !== undefined) fs.fchmodSync(fd, mode & 0o7777);
      fs.fsyncSync(fd);
    } catch (e) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    fs.closeSync(fd);
    return tmp;
  }
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let at = 0; at < buf.length; ) at += fs.writeSync(fd, buf, at, buf.length - at);
}

/**
 * Writes several files, all or none: each into a temporary file first; only when every one is written are they
 * renamed into place. A file that exists keeps its mode (and, where the process may, its owner); a link is written
 * through. For files the project generates (compiled glossaries, imports, GLOSSARY.md, exports).
 */
export function writeFilesAtomic(files: { path: string; text: string | Uint8Array }[]): void {
  const tmps: { tmp: string; target: string }[] = [];
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.resolve(f.path)), { recursive: true });
      let target = f.path;
      let st: fs.Stats | undefined;
      try { target = fs.realpathSync(f.path); st = fs.statSync(target); } catch { /* a new file */ }
      if (st && !st.isFile()) throw new FileRefused(f.path, 'unwritable', `is ${kindOf(st)}, not a file; nothing was written`);
      tmps.push({ tmp: writeTemp(target, f.text, st?.mode, st), target });
    }
  } catch (e) {
    for (const t of tmps) fs.rmSync(t.tmp, { force: true });
    throw e;
  }
  for (const t of tmps) fs.renameSync(t.tmp, t.target);
}

export const writeAtomic = (file: string, text: string | Uint8Array): void => writeFilesAtomic([{ path: file, text }]);

/** Is a file read-only for everyone (no write bit), whoever runs Lingo (root may write anything)? */
const readOnly = (st: fs.Stats) => (st.mode & 0o222) === 0;

/**
 * Replaces the content of a file that was read (`was`) with `data`, keeping all about the file but its content:
 * its mode and owner, a link it is reached through (the file it leads to is written) and hard links (a file
 * with several names is written in place, so that each name shows the new content). Throws FileRefused, and
 * leaves the file as it is, when it is read-only or changed since it was read.
 */
export function replaceFile(file: string, was: ReadFile, data: Uint8Array): void {
  const real = was.real;
  let now: fs.Stats;
  try { now = fs.statSync(real); } catch { throw new FileRefused(file, 'changed', 'was moved or deleted since it was read'); }
  if (readOnly(now)) throw new FileRefused(file, 'read-only', 'is read-only');
  try { fs.accessSync(real, C.W_OK); } catch { throw new FileRefused(file, 'read-only', 'cannot be written by you'); }
  const unchanged = () => {
    const st = fs.statSync(real);
    if (st.ino !== was.stat.ino || st.dev !== was.stat.dev || st.size !== was.bytes.length) return false;
    let current: Buffer;
    try { current = readLimited(real, { maxBytes: was.bytes.length }).bytes; } catch { return false; }
    return current.equals(was.bytes);
  };
  if (!unchanged()) throw new FileRefused(file, 'changed', 'changed since it was read');
  if (now.nlink > 1 || !canOwn(now)) {
    // Several names for one file (or an owner this process cannot give a new file): write it in place.
    const fd = fs.openSync(real, C.O_RDWR | O_NOFOLLOW);
    try {
      writeAllAt(fd, data);
      fs.ftruncateSync(fd, data.length);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  const tmp = writeTemp(real, data, now.mode, now);
  try {
    // The last look before the rename: an edit saved while the temporary file was written wins.
    if (!unchanged()) throw new FileRefused(file, 'changed', 'changed since it was read');
    fs.renameSync(tmp, real);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** May this process give a new file the owner of `st` (its own, or any as root)? */
function canOwn(st: fs.Stats): boolean {
  if (!process.getuid) return true;
  const uid = process.getuid();
  return uid === 0 || (st.uid === uid && (st.gid === process.getgid!() || (process.getgroups?.() ?? []).includes(st.gid)));
}

function writeAllAt(fd: number, data: Uint8Array): void {
  for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at, at);
}

/** Creates a file that must not exist yet (exclusively: never over a file or through a link planted meanwhile). */
export function createFile(file: string, data: string | Uint8Array): void {
  const tmp = writeTemp(file, data);
  try {
    fs.linkSync(tmp, file); // fails when the name is taken
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
