/** What a listed path is; hard links are listed as the files they are. */
export type FileEntryType = 'file' | 'dir' | 'link' | 'other';

/** One entry of a folder listing, in a container or in a volume. */
export interface FileEntry {
  name: string;
  /** The entry's path in the listing's terms: absolute in a container, relative to a volume's root. */
  path: string;
  type: FileEntryType;
  /** Bytes: a file's size; for a folder, the total of the files below it that were read. */
  size: number;
  /** Unix permission string, e.g. "drwxr-xr-x". */
  mode: string;
  /** Milliseconds since epoch. */
  mtime: number;
  /** Where a symbolic link points, as stored in it (often relative to the link's folder). */
  linkTarget?: string;
}

export interface FileListing {
  /** The listed path, normalised: absolute in a container ('/' is its root), relative in a volume ('' is its root). */
  path: string;
  /** The listed path itself: a folder normally; a file when a file was asked for. */
  type: FileEntryType;
  entries: FileEntry[];
  /** True when the folder was too large to read whole (entries or bytes): only part is listed. */
  truncated: boolean;
}

/** The start of a file, shown read-only in a file browser. */
export interface FilePreview {
  path: string;
  /** The whole file's size in bytes. */
  size: number;
  /** True when the file looks binary (NUL bytes or not UTF-8): `text` is then empty. */
  binary: boolean;
  /** The first `FILE_PREVIEW_BYTES` of the file as UTF-8 text. */
  text: string;
  /** True when the file is longer than what `text` holds. */
  truncated: boolean;
}

/** How much of a file a preview reads. */
export const FILE_PREVIEW_BYTES = 256 * 1024;
