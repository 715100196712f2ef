import { Readable } from 'node:stream';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive, safeEntryPath } from './archive-check';

const check = (bytes: Buffer) => checkArchive(Readable.from([bytes]), new AbortController().signal);

describe('checkArchive (a backup about to be restored)', () => {
  it('counts the entries and bytes of a real archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-check-'));
    writeFileSync(join(dir, 'a.txt'), 'a');
    const tar = execFileSync('tar', ['-C', dir, '-cf', '-', '.']);
    rmSync(dir, { recursive: true });
    await expect(check(tar)).resolves.toEqual({ entries: 2, bytes: tar.length });
  });

  it('refuses what is not a tar archive, and archives cut short, saying so', async () => {
    await expect(check(Buffer.from('not a tar archive at all'.repeat(40)))).rejects.toThrow(/^This file is not a valid tar archive \(a header/);
    await expect(check(Buffer.alloc(0))).rejects.toThrow(/^This file is not a valid tar archive \(it is empty\)/);
    const dir = mkdtempSync(join(tmpdir(), 'berth-check-'));
    writeFileSync(join(dir, 'a.txt'), 'y'.repeat(2000));
    const tar = execFileSync('tar', ['-C', dir, '-cf', '-', 'a.txt']);
    rmSync(dir, { recursive: true });
    await expect(check(tar.subarray(0, 1024))).rejects.toThrow(/ends in the middle of a file/);
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
