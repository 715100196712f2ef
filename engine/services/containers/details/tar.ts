import { Transform, type TransformCallback } from 'node:stream';

// A small streaming tar (ustar + PAX + GNU long names) reader and a one-file writer. The engine's archive API
// speaks tar; listing a folder needs only the headers, so the reader never buffers file contents.

export type TarEntryType = 'file' | 'dir' | 'link' | 'hardlink' | 'other';

export interface TarHeader {
  name: string;
  type: TarEntryType;
  size: number;
  /** Permission bits (e.g. 0o755). */
  mode: number;
  /** Seconds since epoch. */
  mtime: number;
  linkName: string;
}

const BLOCK = 512;
/** PAX / GNU long-name bodies larger than this are not names: refuse instead of buffering them. */
const MAX_META = 1 << 20;

export class TarFormatError extends Error {}

interface Overrides {
  path?: string;
  linkpath?: string;
  size?: number;
  mtime?: number;
}

export interface TarHandlers {
  /** Called for every real entry (not PAX/GNU metadata). Return true to receive its body through `data`. */
  entry(header: TarHeader): boolean;
  data?(chunk: Buffer): void;
  /** The body of the entry that asked for it is complete. */
  entryEnd?(): void;
}

/** A push parser: feed it chunks in order; it calls the handlers as headers and bodies go by. */
export class TarParser {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Body bytes left of the current entry, and the padding after it. */
  private bodyLeft = 0;
  private padLeft = 0;
  private wantBody = false;
  private meta: { kind: 'pax' | 'pax-global' | 'gnu-name' | 'gnu-link'; parts: Buffer[] } | undefined;
  private overrides: Overrides = {};
  private ended = false;
  private zeroBlocks = 0;

  constructor(private readonly handlers: TarHandlers) {}

  /** True after the two zero blocks that end an archive. */
  get finished(): boolean {
    return this.ended;
  }

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length && !this.ended) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, chunk.length - offset);
        this.body(chunk.subarray(offset, offset + n));
        this.bodyLeft -= n;
        offset += n;
        if (this.bodyLeft === 0) this.bodyDone();
        continue;
      }
      if (this.padLeft > 0) {
        const n = Math.min(this.padLeft, chunk.length - offset);
        this.padLeft -= n;
        offset += n;
        continue;
      }
      const n = Math.min(BLOCK - this.pendingBytes, chunk.length - offset);
      this.pending.push(chunk.subarray(offset, offset + n));
      this.pendingBytes += n;
      offset += n;
      if (this.pendingBytes === BLOCK) {
        const block = Buffer.concat(this.pending);
        this.pending = [];
        this.pendingBytes = 0;
        this.header(block);
      }
    }
  }

  /** The source ended: throws when it ended inside an entry. */
  end(): void {
    if (this.bodyLeft > 0 || this.pendingBytes > 0 || this.meta) {
      throw new TarFormatError('The archive ended in the middle of an entry.');
    }
  }

  private body(part: Buffer): void {
    if (this.meta) {
      this.meta.parts.push(part);
      return;
    }
    if (this.wantBody) this.handlers.data?.(part);
  }

  private bodyDone(): void {
    if (this.meta) {
      const text = Buffer.concat(this.meta.parts).toString('utf8');
      // Global PAX records (e.g. a comment) carry nothing a listing needs.
      if (this.meta.kind === 'pax') Object.assign(this.overrides, parsePax(text));
      else if (this.meta.kind === 'pax-global') return void (this.meta = undefined);
      else if (this.meta.kind === 'gnu-name') this.overrides.path = text.replace(/\0.*$/s, '');
      else this.overrides.linkpath = text.replace(/\0.*$/s, '');
      this.meta = undefined;
      return;
    }
    if (this.wantBody) this.handlers.entryEnd?.();
    this.wantBody = false;
  }

  private header(block: Buffer): void {
    if (block.every((b) => b === 0)) {
      // Two zero blocks end the archive; one is tolerated (some writers stop there).
      this.zeroBlocks++;
      if (this.zeroBlocks >= 2) this.ended = true;
      return;
    }
    this.zeroBlocks = 0;
    if (!checksumOk(block)) throw new TarFormatError('The archive has a damaged header (checksum mismatch).');
    const flag = String.fromCharCode(block[156] ?? 0);
    const rawSize = readNumber(block, 124, 12);
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (rawSize > MAX_META) throw new TarFormatError('The archive has an oversized metadata entry.');
      const kind = flag === 'x' ? 'pax' : flag === 'g' ? 'pax-global' : flag === 'L' ? 'gnu-name' : 'gnu-link';
      this.meta = { kind, parts: [] };
      this.startBody(rawSize, Math.ceil(rawSize / BLOCK) * BLOCK, false);
      if (rawSize === 0) this.bodyDone();
      return;
    }
    const size = this.overrides.size ?? rawSize;
    const prefix = readString(block, 345, 155);
    const isUstar = readString(block, 257, 6).startsWith('ustar');
    const rawName = readString(block, 0, 100);
    const header: TarHeader = {
      name: this.overrides.path ?? (isUstar && prefix ? `${prefix}/${rawName}` : rawName),
      type: typeOf(flag, rawName),
      size,
      mode: readNumber(block, 100, 8) & 0o7777,
      mtime: this.overrides.mtime ?? readNumber(block, 136, 12),
      linkName: this.overrides.linkpath ?? readString(block, 157, 100),
    };
    this.overrides = {};
    // Only regular files carry bodies we pass on; links and folders have none (size may be 0 or ignored).
    const carries = header.type === 'file' ? size : flag === '1' || flag === '2' || flag === '5' ? 0 : size;
    const want = this.handlers.entry(header);
    this.startBody(carries, Math.ceil(carries / BLOCK) * BLOCK, want);
    if (carries === 0 && want) this.handlers.entryEnd?.();
  }


  private startBody(size: number, paddedTo: number, want: boolean): void {
    this.bodyLeft = size;
    this.padLeft = paddedTo - size;
    this.wantBody = want && size > 0;
  }
}

function typeOf(flag: string, name: string): TarEntryType {
  switch (flag) {
    case '0':
    case '\0':
    case '7':
      return name.endsWith('/') ? 'dir' : 'file';
    case '5':
      return 'dir';
    case '2':
      return 'link';
    case '1':
      return 'hardlink';
    default:
      return 'other';
  }
}

function readString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const nul = field.indexOf(0);
  return field.subarray(0, nul < 0 ? length : nul).toString('utf8');
}

/** Octal, or GNU base-256 when the first byte's high bit is set (sizes over 8 GiB). */
function readNumber(block: Buffer, offset: number, length: number): number {
  const first = block[offset] ?? 0;
  if (first & 0x80) {
    let value = first & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + (block[offset + i] ?? 0);
    return value;
  }
  const text = readString(block, offset, length).trim();
  if (text === '') return 0;
  const value = parseInt(text, 8);
  if (!Number.isFinite(value)) throw new TarFormatError(`The archive has a malformed number field ("${text}").`);
  return value;
}

function checksumOk(block: Buffer): boolean {
  const stored = readNumber(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
  return sum === stored;
}

/** PAX records: "<len> <key>=<value>\n". */
function parsePax(text: string): Overrides {
  const out: Overrides = {};
  let rest = text;
  while (rest.length > 0) {
    const space = rest.indexOf(' ');
    const len = parseInt(rest.slice(0, space), 10);
    if (space < 0 || !Number.isFinite(len) || len <= space) break;
    // The length counts bytes, not characters.
    const recordBytes = Buffer.from(rest, 'utf8').subarray(0, len).toString('utf8');
    const record = recordBytes.slice(space + 1).replace(/\n$/, '');
    rest = rest.slice(recordBytes.length);
    const eq = record.indexOf('=');
    if (eq < 0) continue;
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === 'path') out.path = value;
    else if (key === 'linkpath') out.linkpath = value;
    else if (key === 'size') out.size = Number(value);
    else if (key === 'mtime') out.mtime = Math.floor(Number(value));
  }
  return out;
}

/** Passes on the body of the first regular file of a tar stream (a single-file download); the rest is ignored. */
export function firstFileOf(): Transform {
  let taken = false;
  let done = false;
  const out: Transform = new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        if (!done) parser.push(chunk);
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb) {
      cb(taken ? null : new TarFormatError('The archive holds no regular file.'));
    },
  });
  const parser = new TarParser({
    entry: (h) => {
      if (taken || h.type !== 'file') return false;
      taken = true;
      return true;
    },
    data: (chunk) => void out.push(chunk),
    entryEnd: () => {
      done = true;
    },
  });
  return out;
}

/** The tar header block of one regular file (ustar; PAX record for names longer than 100 bytes). */
export function fileHeader(name: string, size: number, mode = 0o644, mtime = Math.floor(Date.now() / 1000)): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length <= 100) return ustarHeader(name, size, mode, mtime, '0');
  const record = paxRecord('path', name);
  const pax = ustarHeader('PaxHeader', record.length, 0o644, mtime, 'x');
  const body = Buffer.concat([record, Buffer.alloc(padding(record.length))]);
  return Buffer.concat([pax, body, ustarHeader(name.replace(/[^\x20-\x7e]/g, '_').slice(0, 100), size, mode, mtime, '0')]);
}

/** Zero bytes that pad a body of `size` bytes to a whole block. */
export const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;
/** The two zero blocks that end an archive. */
export const endOfArchive = (): Buffer => Buffer.alloc(BLOCK * 2);

function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return Buffer.from(`${len}${body}`, 'utf8');
}

function ustarHeader(name: string, size: number, mode: number, mtime: number, flag: string): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  writeOctal(block, mode, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  writeOctal(block, size, 124, 12);
  writeOctal(block, mtime, 136, 12);
  block.write(flag, 156, 1, 'latin1');
  block.write('ustar\0', 257, 6, 'latin1');
  block.write('00', 263, 2, 'latin1');
  block.fill(32, 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  writeOctal(block, sum, 148, 8);
  return block;
}

function writeOctal(block: Buffer, value: number, offset: number, length: number): void {
  const text = value.toString(8).padStart(length - 1, '0');
  if (text.length > length - 1) throw new TarFormatError(`Value ${value} does not fit a tar header field.`);
  block.write(`${text}\0`, offset, length, 'latin1');
}
