import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkArchive } from './archive-check';
import { decompressedLimit, MAX_RESTORE_BYTES, openArchive } from './restore-limit';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-bomb-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A ustar header for a regular file of `size` bytes. */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return header;
}

describe('restore decompressed-size bound', () => {
  it('stops a gzip bomb with a clear error before reading all of it', async () => {
    // A valid tar of one 64 MiB file of zeros compresses ~1000:1; with a 1 MiB allowance it is cut off early.
    const size = 64 * 1024 ** 2;
    const bomb = join(dir, 'bomb.tar.gz');
    writeFileSync(bomb, gzipSync(Buffer.concat([tarHeader('zeros', size), Buffer.alloc(size + 1024)])));
    // Without the bound the same archive is valid: the bound is what refuses it.
    await expect(
      checkArchive(openArchive(bomb, true, size * 2), new AbortController().signal),
    ).resolves.toMatchObject({ entries: 1 });
    await expect(
      checkArchive(openArchive(bomb, true, 1024 ** 2), new AbortController().signal),
    ).rejects.toThrow(/expands to more than 1\.0 MiB|expands to more than 1\.0 MB|gzip bomb/);
  });

  it('lets an archive within the bound through', async () => {
    const tar = Buffer.concat([tarHeader('a.txt', 0), Buffer.alloc(1024)]);
    const file = join(dir, 'ok.tar.gz');
    writeFileSync(file, gzipSync(tar));
    expect(await checkArchive(openArchive(file, true, 1024 ** 2), new AbortController().signal)).toEqual({
      entries: 1,
      bytes: tar.length,
    });
  });

  it('allows 200:1, at least 1 GiB, at most 100 GiB', () => {
    expect(decompressedLimit(1000)).toBe(1024 ** 3);
    expect(decompressedLimit(100 * 1024 ** 2)).toBe(200 * 100 * 1024 ** 2);
    expect(decompressedLimit(10 * 1024 ** 3)).toBe(MAX_RESTORE_BYTES);
  });
});
