import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { entryPath, padding, TarFormatError, TarParser, type TarHeader } from './tar';
import { firstFileOf } from './tar-stream';
import { endOfArchive, fileHeader } from './tar-write';

const dir = mkdtempSync(join(tmpdir(), 'berth-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every header and every file body, feeding the archive in chunks of `chunk` bytes. */
function read(tar: Buffer, chunk = tar.length): { headers: TarHeader[]; data: Map<string, string> } {
  const headers: TarHeader[] = [];
  const data = new Map<string, string>();
  let current = '';
  const p = new TarParser({
    entry: (h) => {
      headers.push(h);
      current = h.name;
      return true;
    },
    data: (c) => data.set(current, (data.get(current) ?? '') + c.toString()),
  });
  for (let i = 0; i < tar.length; i += chunk) p.push(tar.subarray(i, i + chunk));
  p.end();
  return { headers, data };
}
const headersOf = (tar: Buffer, chunk?: number) => read(tar, chunk).headers;
const oneFile = (name: string, body: Buffer) =>
  Buffer.concat([fileHeader(name, body.length), body, Buffer.alloc(padding(body.length)), endOfArchive()]);

/** A real archive made by the system tar, in the given format. */
function tarOf(files: Record<string, string>, format: 'gnu' | 'posix' | 'ustar'): Buffer {
  const root = mkdtempSync(join(dir, 'src-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return execFileSync('tar', [`--format=${format}`, '-C', root, '-cf', '-', ...Object.keys(files)]);
}
const longName = `${'deep/'.repeat(40)}file.txt`;

describe('tar reader', () => {
  it('reads what GNU tar writes: folders, files, links, long names (in small chunks)', () => {
    const src = mkdtempSync(join(dir, 'tree-'));
    mkdirSync(join(src, 'root/sub'), { recursive: true });
    writeFileSync(join(src, 'root/a.txt'), 'hello');
    const long = `${'n'.repeat(120)}.txt`;
    writeFileSync(join(src, 'root/sub', long), 'x');
    symlinkSync('a.txt', join(src, 'root/link'));
    for (const format of ['gnu', 'pax']) {
      const tar = execFileSync('tar', [`--format=${format}`, '-C', src, '-c', 'root']);
      const hs = headersOf(tar, 100);
      const byName = Object.fromEntries(hs.map((h) => [h.name.replace(/\/$/, ''), h]));
      expect(byName['root']).toMatchObject({ type: 'dir', size: 0 });
      expect(byName['root/a.txt']).toMatchObject({ type: 'file', size: 5 });
      expect(byName['root/link']).toMatchObject({ type: 'link', linkName: 'a.txt', size: 0 });
      expect(byName[`root/sub/${long}`]).toMatchObject({ type: 'file', size: 1 });
      // Milliseconds, like every time in the contract (the archive was just written).
      expect(Math.abs((byName['root/a.txt']?.mtime ?? 0) - Date.now())).toBeLessThan(60_000);
    }
  });

  it.each(['gnu', 'posix', 'ustar'] as const)('reads %s archives and their bodies, long names included, in any chunking', (format) => {
    const files = format === 'ustar' ? { 'a.txt': 'hello', 'sub/b.txt': 'x'.repeat(1500) } : { 'a.txt': 'hello', [longName]: 'x'.repeat(1500) };
    const tar = tarOf(files, format);
    for (const chunk of [tar.length, 1000, 7, 1]) {
      const { headers, data } = read(tar, chunk);
      expect(headers.map((e) => e.name)).toEqual(Object.keys(files));
      expect(headers.map((e) => e.size)).toEqual([5, 1500]);
      expect(Object.fromEntries(data)).toEqual(files);
    }
  });

  it('refuses what is not a tar archive, and archives cut short', () => {
    const damaged = Buffer.from(oneFile('a.txt', Buffer.from('abc')));
    damaged[10] = 0x41;
    expect(() => headersOf(damaged)).toThrow(TarFormatError);
    expect(() => headersOf(damaged)).toThrow(/a header checksum does not match/);
    expect(() => headersOf(Buffer.from('not a tar archive at all'.repeat(40)))).toThrow(/^Not a valid tar archive: a header/);
    expect(() => headersOf(Buffer.alloc(0))).toThrow(/it is empty/);
    expect(() => headersOf(Buffer.alloc(1024))).toThrow(/starts with an empty block/);
    expect(() => headersOf(oneFile('a.txt', Buffer.from('abc')).subarray(0, 514))).toThrow(/ends in the middle of a file/);
    const tar = tarOf({ 'a.txt': 'y'.repeat(2000) }, 'gnu');
    expect(() => headersOf(tar.subarray(0, 1024))).toThrow(/ends in the middle of a file/);
  });
});

describe('tar writer', () => {
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
});

describe('entryPath', () => {
  it('normalises relative paths', () => {
    expect(entryPath('./')).toBe('');
    expect(entryPath('./a//b/')).toBe('a/b');
    expect(entryPath('a/./b')).toBe('a/b');
  });
  it.each(['/etc/passwd', '../x', 'a/../../x', 'a/..', 'a\0b'])('refuses %j', (name) => {
    expect(entryPath(name)).toBeUndefined();
  });
});
