import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { endOfArchive, fileHeader, firstFileOf, padding, TarFormatError, TarParser, type TarHeader } from './tar';

const headersOf = (tar: Buffer, chunk = tar.length): TarHeader[] => {
  const out: TarHeader[] = [];
  const p = new TarParser({ entry: (h) => (out.push(h), false) });
  for (let i = 0; i < tar.length; i += chunk) p.push(tar.subarray(i, i + chunk));
  p.end();
  return out;
};
const oneFile = (name: string, body: Buffer) =>
  Buffer.concat([fileHeader(name, body.length), body, Buffer.alloc(padding(body.length)), endOfArchive()]);

describe('tar reader and writer', () => {
  it('reads what GNU tar writes: folders, files, links, long names (in small chunks)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-tar-'));
    try {
      mkdirSync(join(dir, 'root/sub'), { recursive: true });
      writeFileSync(join(dir, 'root/a.txt'), 'hello');
      const long = `${'n'.repeat(120)}.txt`;
      writeFileSync(join(dir, 'root/sub', long), 'x');
      symlinkSync('a.txt', join(dir, 'root/link'));
      for (const format of ['gnu', 'pax']) {
        const tar = execFileSync('tar', [`--format=${format}`, '-C', dir, '-c', 'root']);
        const hs = headersOf(tar, 100);
        const byName = Object.fromEntries(hs.map((h) => [h.name.replace(/\/$/, ''), h]));
        expect(byName['root']?.type).toBe('dir');
        expect(byName['root/a.txt']).toMatchObject({ type: 'file', size: 5 });
        expect(byName['root/link']).toMatchObject({ type: 'link', linkName: 'a.txt' });
        expect(byName[`root/sub/${long}`]).toMatchObject({ type: 'file', size: 1 });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a one-file archive that GNU tar and the reader understand, long UTF-8 names included', () => {
    const name = `${'ü'.repeat(80)}.bin`;
    const tar = oneFile(name, Buffer.from('payload'));
    expect(headersOf(tar)).toEqual([expect.objectContaining({ name, type: 'file', size: 7, mode: 0o644 })]);
    const listed = execFileSync('tar', ['-t'], { input: tar }).toString().trim();
    expect(listed).toBe(name);
  });

  it('extracts the first regular file from a stream', async () => {
    const tar = oneFile('a.txt', Buffer.from('content of a'));
    const bytes = await buffer(Readable.from([tar.subarray(0, 300), tar.subarray(300)]).pipe(firstFileOf()));
    expect(bytes.toString()).toBe('content of a');
  });

  it('rejects damaged and truncated archives', () => {
    const tar = oneFile('a.txt', Buffer.from('abc'));
    const damaged = Buffer.from(tar);
    damaged[10] = 0x41;
    expect(() => headersOf(damaged)).toThrow(TarFormatError);
    expect(() => headersOf(tar.subarray(0, 514))).toThrow(/ended in the middle/);
  });
});
