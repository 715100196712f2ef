// One streaming tar reader (ustar + PAX + GNU long names) for every domain: the engine's archive API speaks tar,
// and listings, downloads and restores all read it. Bodies are passed on only when asked for, never buffered.

export type TarEntryType = 'file' | 'dir' | 'link' | 'hardlink' | 'other';

export interface TarHeader {
  /** As written in the archive, long names from PAX/GNU records applied. */
  name: string;
  type: TarEntryType;
  /** Bytes of body the entry carries (0 for folders and links). */
  size: number;
  /** Permission bits (e.g. 0o755). */
  mode: number;
  /** Milliseconds since epoch. */
  mtime: number;
  linkName: string;
}

export const BLOCK = 512;
/** PAX / GNU long-name bodies larger than this are not names: refuse instead of buffering them. */
const MAX_META = 1 << 20;

/** The bytes are not a (whole) tar archive; `reason` is a short phrase each domain puts in its own message. */
export class TarFormatError extends Error {
  constructor(readonly reason: string) {
    super(`Not a valid tar archive: ${reason}.`);
  }
}

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
  private sawHeader = false;

  constructor(private readonly handlers: TarHandlers) {}

  /** True after the end-of-archive marker; later bytes are ignored. */
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

  /**
   * The source ended: throws when it was empty or ended inside an entry. Some writers omit the end-of-archive
   * blocks, so an archive cut exactly between entries is accepted.
   */
  end(): void {
    if (this.ended) return;
    if (!this.sawHeader && this.pendingBytes === 0) throw new TarFormatError('it is empty');
    if (this.bodyLeft > 0 || this.pendingBytes > 0 || this.meta) throw new TarFormatError('it ends in the middle of a file');
    this.ended = true;
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
      // Global PAX records (e.g. a comment) carry nothing a reader needs.
      if (this.meta.kind === 'pax') Object.assign(this.overrides, parsePax(text));
      else if (this.meta.kind === 'gnu-name') this.overrides.path = text.replace(/\0.*$/s, '');
      else if (this.meta.kind === 'gnu-link') this.overrides.linkpath = text.replace(/\0.*$/s, '');
      this.meta = undefined;
      return;
    }
    if (this.wantBody) this.handlers.entryEnd?.();
    this.wantBody = false;
  }

  private header(block: Buffer): void {
    if (block.every((b) => b === 0)) {
      // A zero block ends the archive (writers add two; some stop after one). None can come first.
      if (!this.sawHeader) throw new TarFormatError('it starts with an empty block');
      this.ended = true;
      return;
    }
    if (!checksumOk(block)) throw new TarFormatError('a header checksum does not match');
    this.sawHeader = true;
    const flag = String.fromCharCode(block[156] ?? 0);
    const rawSize = readNumber(block, 124, 12);
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (rawSize > MAX_META) throw new TarFormatError('a metadata record is too large');
      const kind = flag === 'x' ? 'pax' : flag === 'g' ? 'pax-global' : flag === 'L' ? 'gnu-name' : 'gnu-link';
      this.meta = { kind, parts: [] };
      this.startBody(rawSize, false);
      if (rawSize === 0) this.bodyDone();
      return;
    }
    const size = this.overrides.size ?? rawSize;
    const prefix = readString(block, 345, 155);
    const isUstar = readString(block, 257, 6).startsWith('ustar');
    const rawName = readString(block, 0, 100);
    const name = this.overrides.path ?? (isUstar && prefix ? `${prefix}/${rawName}` : rawName);
    const type = typeOf(flag, name);
    // Links and folders carry no body whatever their size field says; other entries carry `size` bytes.
    const carries = flag === '1' || flag === '2' || flag === '5' ? 0 : size;
    const header: TarHeader = {
      name,
      type,
      size: type === 'dir' ? 0 : carries,
      mode: readNumber(block, 100, 8) & 0o7777,
      mtime: this.overrides.mtime ?? readNumber(block, 136, 12) * 1000,
      linkName: this.overrides.linkpath ?? readString(block, 157, 100),
    };
    this.overrides = {};
    const want = this.handlers.entry(header);
    this.startBody(carries, want);
    if (carries === 0 && want) this.handlers.entryEnd?.();
  }

  private startBody(size: number, want: boolean): void {
    this.bodyLeft = size;
    this.padLeft = padding(size);
    this.wantBody = want && size > 0;
  }
}

/** Zero bytes that pad a body of `size` bytes to a whole block. */
export const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

function typeOf(flag: string, name: string): TarEntryType {
  switch (flag) {
    case '0':
    case '\0':
    case '7':
      // Pre-POSIX writers mark folders only by the trailing slash.
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
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError('a header has a malformed number');
  return parseInt(text, 8);
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
    else if (key === 'mtime') out.mtime = Math.floor(Number(value) * 1000);
  }
  return out;
}

/**
 * The path of an entry relative to where the archive is extracted, or undefined for one that would land outside
 * it (absolute paths, '..' segments, NUL). './a/b/' → 'a/b'; './' → ''.
 */
export function entryPath(name: string): string | undefined {
  if (name.includes('\0') || name.startsWith('/')) return undefined;
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  return parts.includes('..') ? undefined : parts.join('/');
}
