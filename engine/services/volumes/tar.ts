import { BerthError } from '../../base/errors';
import { ErrorCode } from '../../contract';

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  /** As written in the archive (long names from PAX/GNU headers applied). */
  name: string;
  type: TarEntryType;
  size: number;
  mode: number;
  /** Milliseconds since epoch. */
  mtime: number;
  linkName: string;
}

const BLOCK = 512;
/** PAX and GNU long-name records are metadata; anything bigger than this is not a real archive. */
const MAX_META = 1024 * 1024;

const typeOf = (flag: string): TarEntryType | 'pax' | 'pax-global' | 'gnu-long-name' | 'gnu-long-link' => {
  switch (flag) {
    case '0':
    case '\0':
    case '7':
      return 'file';
    case '5':
      return 'directory';
    case '2':
      return 'symlink';
    case '1':
      return 'hardlink';
    case 'x':
      return 'pax';
    case 'g':
      return 'pax-global';
    case 'L':
      return 'gnu-long-name';
    case 'K':
      return 'gnu-long-link';
    default:
      return 'other';
  }
};

const notTar = (why: string) =>
  new BerthError(ErrorCode.INVALID_ARGUMENT, `This file is not a valid tar archive (${why}); choose a .tar or .tar.gz made by a backup.`);

function cString(buf: Buffer, start: number, length: number): string {
  const slice = buf.subarray(start, start + length);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul < 0 ? slice.length : nul).toString('utf8');
}

function numeric(buf: Buffer, start: number, length: number): number {
  const field = buf.subarray(start, start + length);
  // GNU base-256 for values that do not fit in octal (files over 8 GiB).
  if ((field[0] ?? 0) & 0x80) {
    let value = (field[0] ?? 0) & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const text = cString(buf, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw notTar('a header has a malformed number');
  return parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  const stored = numeric(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
  return sum === stored;
}

function parsePax(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const space = rest.indexOf(' ');
    const len = parseInt(rest.slice(0, space), 10);
    if (space < 0 || !Number.isFinite(len) || len <= space) break;
    const record = rest.slice(space + 1, len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    rest = rest.slice(len);
  }
  return out;
}

/**
 * A streaming tar reader: feed it chunks, it reports each entry and (optionally) the entry's bytes. Headers are
 * checked (checksum, numbers) so a file that is not a tar archive fails early with a clear error.
 */
export class TarReader {
  private buffer: Buffer = Buffer.alloc(0);
  private current: TarEntry | undefined;
  private remaining = 0;
  private padding = 0;
  private meta: { kind: 'pax' | 'pax-global' | 'gnu-long-name' | 'gnu-long-link'; chunks: Buffer[] } | undefined;
  private pending: { path?: string; linkpath?: string } = {};
  private ended = false;
  private sawHeader = false;

  constructor(
    private readonly onEntry: (entry: TarEntry) => void,
    private readonly onData?: (entry: TarEntry, chunk: Buffer) => void,
  ) {}

  /** True after the end-of-archive marker. */
  get done(): boolean {
    return this.ended;
  }

  push(chunk: Buffer): void {
    if (this.ended) return;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    while (!this.ended) {
      if (this.remaining > 0) {
        if (this.buffer.length === 0) return;
        const take = Math.min(this.remaining, this.buffer.length);
        const data = this.buffer.subarray(0, take);
        this.buffer = this.buffer.subarray(take);
        this.remaining -= take;
        this.consumeData(data);
        continue;
      }
      if (this.padding > 0) {
        const take = Math.min(this.padding, this.buffer.length);
        this.buffer = this.buffer.subarray(take);
        this.padding -= take;
        if (this.padding > 0) return;
        this.finishMeta();
        continue;
      }
      if (this.buffer.length < BLOCK) return;
      const header = this.buffer.subarray(0, BLOCK);
      this.buffer = this.buffer.subarray(BLOCK);
      this.readHeader(header);
    }
  }

  /** Call at the end of input: a truncated archive is an error. */
  end(): void {
    if (this.ended) return;
    if (!this.sawHeader) throw notTar('it is empty');
    if (this.remaining > 0 || this.current || this.meta) throw notTar('it ends in the middle of a file');
    // Some writers omit the end-of-archive blocks; an archive cut exactly between entries is accepted.
    this.ended = true;
  }

  private readHeader(header: Buffer): void {
    if (header.every((b) => b === 0)) {
      this.ended = this.sawHeader || this.ended;
      if (!this.sawHeader) throw notTar('it starts with an empty block');
      return;
    }
    if (!checksumOk(header)) throw notTar('a header checksum does not match');
    this.sawHeader = true;
    const size = numeric(header, 124, 12);
    const kind = typeOf(cString(header, 156, 1) || '\0');
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (kind === 'pax' || kind === 'pax-global' || kind === 'gnu-long-name' || kind === 'gnu-long-link') {
      if (size > MAX_META) throw notTar('a metadata record is too large');
      this.meta = { kind, chunks: [] };
      this.remaining = size;
      if (size === 0) this.finishMetaIfDone();
      return;
    }
    const magic = cString(header, 257, 6);
    const prefix = magic.startsWith('ustar') ? cString(header, 345, 155) : '';
    const base = cString(header, 0, 100);
    const entry: TarEntry = {
      name: this.pending.path ?? (prefix ? `${prefix}/${base}` : base),
      type: kind,
      size: kind === 'file' || kind === 'other' ? size : 0,
      mode: numeric(header, 100, 8),
      mtime: numeric(header, 136, 12) * 1000,
      linkName: this.pending.linkpath ?? cString(header, 157, 100),
    };
    this.pending = {};
    this.onEntry(entry);
    this.current = entry;
    this.remaining = size;
    if (size === 0) this.current = undefined;
  }

  private consumeData(data: Buffer): void {
    if (this.meta) {
      this.meta.chunks.push(Buffer.from(data));
      this.finishMetaIfDone();
      return;
    }
    if (this.current) this.onData?.(this.current, data);
    if (this.remaining === 0) this.current = undefined;
  }

  private finishMetaIfDone(): void {
    if (this.remaining === 0 && this.padding === 0) this.finishMeta();
  }

  private finishMeta(): void {
    const meta = this.meta;
    if (!meta || this.remaining > 0) return;
    this.meta = undefined;
    const text = Buffer.concat(meta.chunks).toString('utf8');
    if (meta.kind === 'gnu-long-name') this.pending.path = text.replace(/\0+$/, '');
    else if (meta.kind === 'gnu-long-link') this.pending.linkpath = text.replace(/\0+$/, '');
    else if (meta.kind === 'pax') {
      const pax = parsePax(text);
      if (pax.path !== undefined) this.pending.path = pax.path;
      if (pax.linkpath !== undefined) this.pending.linkpath = pax.linkpath;
    }
  }
}

/**
 * The path of an archive entry relative to where it is extracted, or an error for one that would land
 * outside it (absolute paths, '..' segments). './a/b/' → 'a/b'; './' → ''.
 */
export function safeEntryPath(name: string): string {
  if (name.includes('\0')) throw unsafe(name);
  if (name.startsWith('/')) throw unsafe(name);
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw unsafe(name);
  return parts.join('/');
}

const unsafe = (name: string) =>
  new BerthError(
    ErrorCode.INVALID_ARGUMENT,
    `The archive contains "${name.slice(0, 200)}", a path outside the volume (absolute or with ".."); nothing was restored. Use an archive made by a Berth backup or by tar without absolute paths.`,
    { entry: name.slice(0, 1000) },
  );
