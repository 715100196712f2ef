import { describe, expect, it } from 'vitest';
import { FolderListing, MAX_LISTED_ENTRIES, modeString } from './file-listing';
import type { TarHeader } from './tar';

const h = (over: Partial<TarHeader>): TarHeader => ({ name: '', type: 'file', size: 0, mode: 0o644, mtime: 1000, linkName: '', ...over });

describe('FolderListing', () => {
  it('lists the children of a folder, folders first, with the total size below each folder', () => {
    const l = new FolderListing((name) => `/data/${name}`);
    l.add(['sub'], h({ type: 'dir', mode: 0o755 }));
    l.add(['sub', 'a'], h({ size: 1000 }));
    l.add(['sub', 'deeper', 'b'], h({ size: 2000 }));
    l.add(['note.txt'], h({ size: 6, mtime: 5000 }));
    l.add(['link'], h({ type: 'link', linkName: 'note.txt', mode: 0o777 }));
    l.add(['hard'], h({ type: 'hardlink', linkName: 'note.txt' }));
    l.add(['implied', 'x'], h({ size: 3 }));
    expect(l.entries()).toEqual([
      { name: 'implied', path: '/data/implied', type: 'dir', size: 3, mode: 'drw-r--r--', mtime: 1000 },
      { name: 'sub', path: '/data/sub', type: 'dir', size: 3000, mode: 'drwxr-xr-x', mtime: 1000 },
      { name: 'hard', path: '/data/hard', type: 'file', size: 0, mode: '-rw-r--r--', mtime: 1000 },
      { name: 'link', path: '/data/link', type: 'link', size: 0, mode: 'lrwxrwxrwx', mtime: 1000, linkTarget: 'note.txt' },
      { name: 'note.txt', path: '/data/note.txt', type: 'file', size: 6, mode: '-rw-r--r--', mtime: 5000 },
    ]);
    expect(l.truncated).toBe(false);
  });

  it('stops at the entry limit and says the listing is partial', () => {
    const l = new FolderListing((name) => name);
    for (let i = 0; i <= MAX_LISTED_ENTRIES; i++) l.add([`f${i}`], h({}));
    expect(l.entries()).toHaveLength(MAX_LISTED_ENTRIES);
    expect(l.truncated).toBe(true);
  });

  it('writes permission strings like ls', () => {
    expect(modeString('dir', 0o755)).toBe('drwxr-xr-x');
    expect(modeString('file', 0o640)).toBe('-rw-r-----');
    expect(modeString('other', 0o600)).toBe('?rw-------');
  });
});
