import type { FileEntry, FileEntryType } from '../../contract';
import type { TarHeader } from './tar';

/** One listing returns at most this many entries of a folder (the browsers virtualize their rows). */
export const MAX_LISTED_ENTRIES = 20_000;

/** The DTO type of a tar entry: a hard link is the file it names. */
export const fileEntryType = (h: TarHeader): FileEntryType => (h.type === 'hardlink' ? 'file' : h.type);

/** "drwxr-xr-x" from the entry type and permission bits. */
export function modeString(type: FileEntryType, mode: number): string {
  const kind = type === 'dir' ? 'd' : type === 'link' ? 'l' : type === 'other' ? '?' : '-';
  const bits = 'rwxrwxrwx'
    .split('')
    .map((c, i) => (mode & (1 << (8 - i)) ? c : '-'))
    .join('');
  return kind + bits;
}

/** The entry a tar header describes, named `name` at `path`. */
export function fileEntry(name: string, path: string, h: TarHeader, type = fileEntryType(h)): FileEntry {
  return {
    name,
    path,
    type,
    size: type === 'dir' ? 0 : h.size,
    mode: modeString(type, h.mode),
    mtime: h.mtime,
    ...(type === 'link' && h.linkName ? { linkTarget: h.linkName } : {}),
  };
}

/** Folders first, then by name: the order both browsers open with. */
export const byFolderThenName = (a: FileEntry, b: FileEntry): number =>
  Number(b.type === 'dir') - Number(a.type === 'dir') || a.name.localeCompare(b.name);

/**
 * Builds a folder's listing from the archive of the folder: every entry below it, as path segments relative to
 * the folder, adds to the child it lies in (a folder's size is the total of the files read below it).
 */
export class FolderListing {
  private readonly children = new Map<string, FileEntry>();
  private full = false;

  /** `pathOf(name)`: the path of the child `name` in the listing's terms. */
  constructor(private readonly pathOf: (name: string) => string) {}

  add(parts: readonly string[], h: TarHeader): void {
    const [name, ...below] = parts;
    if (!name) return;
    let child = this.children.get(name);
    if (!child) {
      if (this.children.size >= MAX_LISTED_ENTRIES) {
        this.full = true;
        return;
      }
      // A child first seen through an entry below it is a folder whose own header is missing.
      child = fileEntry(name, this.pathOf(name), h, below.length > 0 ? 'dir' : fileEntryType(h));
      this.children.set(name, child);
      if (below.length === 0) return;
    }
    child.size += h.size;
  }

  /** True when more children exist than a listing returns. */
  get truncated(): boolean {
    return this.full;
  }

  entries(): FileEntry[] {
    return [...this.children.values()].sort(byFolderThenName);
  }
}
