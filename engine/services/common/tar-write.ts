import { BLOCK, padding, TarFormatError } from './tar';

// Writing one file as a tar archive (uploads into a container): the header, then the body, padding and end.

/** The tar header block of one regular file (ustar; a PAX record for names longer than 100 bytes). */
export function fileHeader(name: string, size: number, mode = 0o644, mtimeMs = Date.now()): Buffer {
  const mtime = Math.floor(mtimeMs / 1000);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length <= 100) return ustarHeader(name, size, mode, mtime, '0');
  const record = paxRecord('path', name);
  const pax = ustarHeader('PaxHeader', record.length, 0o644, mtime, 'x');
  const body = Buffer.concat([record, Buffer.alloc(padding(record.length))]);
  return Buffer.concat([pax, body, ustarHeader(name.replace(/[^\x20-\x7e]/g, '_').slice(0, 100), size, mode, mtime, '0')]);
}

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
  if (text.length > length - 1) throw new TarFormatError(`value ${value} does not fit a header field`);
  block.write(`${text}\0`, offset, length, 'latin1');
}
