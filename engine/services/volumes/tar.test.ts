import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safeEntryPath, TarReader, type TarEntry } from './tar';

const dir = mkdtempSync(join(tmpdir(), 'berth-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real archive made by the system tar, in the given format. */
function tarOf(files: Record<string, string>, format: 'gnu' | 'posix' | 'ustar'): Buffer {
  const root = mkdtempSync(join(dir, 'src-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return execFileSync('tar', [`--format=${format}`, '-C', root, '-cf', '-', ...Object.keys(files)]);
}

function read(tar: Buffer, chunkSize = tar.length): { entries: TarEntry[]; data: Map<string, string> } {
  const entries: TarEntry[] = [];
  const data = new Map<string, string>();
  const reader = new TarReader(
    (e) => entries.push(e),
    (e, chunk) => data.set(e.name, (data.get(e.name) ?? '') + chunk.toString()),
  );
  for (let i = 0; i < tar.length; i += chunkSize) reader.push(tar.subarray(i, i + chunkSize));
  reader.end();
  return { entries, data };
}

const longName = `${'deep/'.repeat(40)}file.txt`;

describe('TarReader', () => {
  it.each(['gnu', 'posix', 'ustar'] as const)('reads %s archives, long names included, in any chunking', (format) => {
    const files = format === 'ustar' ? { 'a.txt': 'hello', 'sub/b.txt': 'x'.repeat(1500) } : { 'a.txt': 'hello', [longName]: 'x'.repeat(1500) };
    const tar = tarOf(files, format);
    for (const chunk of [tar.length, 1000, 7, 1]) {
      const { entries, data } = read(tar, chunk);
      expect(entries.map((e) => e.name)).toEqual(Object.keys(files));
      expect(entries.map((e) => e.size)).toEqual([5, 1500]);
      expect(Object.fromEntries(data)).toEqual(files);
    }
  });

  it('refuses what is not a tar archive, and archives cut short', () => {
    expect(() => read(Buffer.from('not a tar archive at all'.repeat(40)))).toThrow(/^This file is not a valid tar archive \(a header/);
    expect(() => read(Buffer.alloc(0))).toThrow(/it is empty/);
    const tar = tarOf({ 'a.txt': 'y'.repeat(2000) }, 'gnu');
    expect(() => read(tar.subarray(0, 1024))).toThrow(/ends in the middle of a file/);
  });
});

describe('safeEntryPath', () => {
  it('normalises relative paths', () => {
    expect(safeEntryPath('./')).toBe('');
    expect(safeEntryPath('./a//b/')).toBe('a/b');
    expect(safeEntryPath('a/./b')).toBe('a/b');
  });
  it.each(['/etc/passwd', '../x', 'a/../../x', 'a/..', 'a\0b'])('refuses %j', (name) => {
    expect(() => safeEntryPath(name)).toThrow(/a path outside the volume/);
  });
});
