/**
 * A minimal ustar writer for build contexts picked in the browser (a folder through <input webkitdirectory>).
 * Regular files only, which is what a build context needs; names longer than ustar's 100+155 bytes are
 * refused with a clear message rather than silently cut.
 */

export interface TarEntry {
  /** Path inside the archive, "/"-separated, relative (e.g. "src/app.js"). */
  path: string;
  data: Uint8Array;
  /** Unix mode bits; 0o644 when absent. */
  mode?: number;
  /** Seconds since epoch. */
  mtime?: number;
}

const BLOCK = 512;
const encoder = new TextEncoder();

function writeString(block: Uint8Array, offset: number, length: number, value: string): void {
  const bytes = encoder.encode(value);
  if (bytes.length > length) throw new Error(`"${value}" is too long for a tar header field`);
  block.set(bytes, offset);
}

function writeOctal(block: Uint8Array, offset: number, length: number, value: number): void {
  // length-1 octal digits, then NUL.
  writeString(
    block,
    offset,
    length - 1,
    Math.floor(value)
      .toString(8)
      .padStart(length - 1, '0'),
  );
}

/** Splits a long path into ustar's prefix (≤155 bytes) and name (≤100 bytes) at a "/". */
function splitPath(path: string): { prefix: string; name: string } {
  if (encoder.encode(path).length <= 100) return { prefix: '', name: path };
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100) return { prefix, name };
  }
  throw new Error(`The path "${path}" is too long to put in the build context (ustar allows 255 bytes).`);
}

export function tarHeader(entry: TarEntry): Uint8Array {
  const header = new Uint8Array(BLOCK);
  const { prefix, name } = splitPath(entry.path.replace(/^\.?\/+/, ''));
  writeString(header, 0, 100, name);
  writeOctal(header, 100, 8, entry.mode ?? 0o644);
  writeOctal(header, 108, 8, 0); // uid
  writeOctal(header, 116, 8, 0); // gid
  writeOctal(header, 124, 12, entry.data.length);
  writeOctal(header, 136, 12, entry.mtime ?? 0);
  header.fill(0x20, 148, 156); // checksum field counts as spaces while summing
  header[156] = 0x30; // '0': regular file
  writeString(header, 257, 6, 'ustar');
  writeString(header, 263, 2, '00');
  writeString(header, 345, 155, prefix);
  const sum = header.reduce((a, b) => a + b, 0);
  writeString(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** The archive as blob parts (headers, file data, padding, two zero blocks at the end). */
export function tarParts(entries: TarEntry[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    parts.push(tarHeader(entry), entry.data);
    const pad = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return parts;
}

/** Reads the files of an <input webkitdirectory> pick into a tar Blob, paths relative to the chosen folder. */
export async function tarOfFolder(files: ArrayLike<File>): Promise<Blob> {
  const entries: TarEntry[] = [];
  for (const file of Array.from(files)) {
    const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    // The first segment is the chosen folder itself; the context is its contents.
    const path = relative.includes('/') ? relative.slice(relative.indexOf('/') + 1) : relative;
    entries.push({ path, data: await readBytes(file), mtime: Math.floor(file.lastModified / 1000) });
  }
  return new Blob(tarParts(entries) as BlobPart[], { type: 'application/x-tar' });
}

/** A file's bytes through FileReader, which every browser (and jsdom) has. */
function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () =>
      reject(new Error(`Could not read ${(file as File).name || 'a file'} from the chosen folder.`));
    reader.readAsArrayBuffer(file);
  });
}
