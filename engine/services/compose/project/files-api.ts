import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode, type ComposeBrowseResult, type ComposeEnvFile, type ComposeFileContent } from '../../../contract';
import { BerthError } from '../../../base/errors';
import { DEFAULT_FILES, DEFAULT_OVERRIDE_FILES } from '../files';

/** Editor files are text of a sensible size; anything bigger is not a compose file. */
const MAX_FILE_BYTES = 2_000_000;
const COMPOSE_NAMES = new Set([...DEFAULT_FILES, ...DEFAULT_OVERRIDE_FILES]);
export const isComposeFileName = (name: string): boolean => COMPOSE_NAMES.has(name) || /^(docker-)?compose[.-].*\.ya?ml$/.test(name);

function fsError(err: unknown, what: string): BerthError {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return new BerthError(ErrorCode.NOT_FOUND, `${what} does not exist. Check the path.`, { code });
  if (code === 'EACCES' || code === 'EPERM') return new BerthError(ErrorCode.FORBIDDEN, `Berth may not access ${what}. Check its permissions.`, { code });
  if (code === 'EISDIR') return new BerthError(ErrorCode.INVALID_ARGUMENT, `${what} is a folder, not a file.`, { code });
  return new BerthError(ErrorCode.INTERNAL, `Could not access ${what}: ${err instanceof Error ? err.message : String(err)}`, { code });
}

export async function readTextFile(file: string): Promise<ComposeFileContent> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `${file} is not a regular file.`);
    if (info.size > MAX_FILE_BYTES) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `${file} is larger than 2 MB; it is not a compose file Berth can edit.`);
    return { content: await readFile(file, 'utf8'), mtime: info.mtimeMs };
  } catch (err) {
    throw err instanceof BerthError ? err : fsError(err, file);
  }
}

/**
 * Writes atomically (temp file in the same folder, then rename), so a crash never leaves half a compose file.
 * With `expectedMtime`, refuses (CONFLICT) when the file changed on disk since the editor read it.
 */
export async function writeTextFile(file: string, content: string, expectedMtime?: number): Promise<{ mtime: number }> {
  let mode = 0o644;
  try {
    const info = await stat(file);
    mode = info.mode & 0o777;
    if (expectedMtime !== undefined && Math.abs(info.mtimeMs - expectedMtime) > 1) {
      throw new BerthError(ErrorCode.CONFLICT, `${path.basename(file)} changed on disk since you opened it. Reload it (your edits stay in the editor to copy) or save again to overwrite.`, { mtime: info.mtimeMs });
    }
  } catch (err) {
    if (err instanceof BerthError) throw err;
    if ((err as { code?: string }).code !== 'ENOENT') throw fsError(err, file);
    if (expectedMtime !== undefined) throw new BerthError(ErrorCode.CONFLICT, `${path.basename(file)} was deleted on disk since you opened it. Save again to create it.`);
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { mode, flag: 'wx' });
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw fsError(err, file);
  }
  return { mtime: (await stat(file)).mtimeMs };
}

/** Host folders for the open-folder picker: folders first, then files; compose files and folders holding one marked. */
/** A folder's entries for the open-project picker; names starting with '.' only when asked, else counted. */
export async function browse(dir?: string, showHidden = false): Promise<ComposeBrowseResult> {
  const target = path.resolve(dir ?? os.homedir());
  let names: Dirent[];
  try {
    names = await readdir(target, { withFileTypes: true });
  } catch (err) {
    throw fsError(err, target);
  }
  const listable = names.filter((d) => d.isDirectory() || d.isFile() || d.isSymbolicLink());
  const shown = showHidden ? listable : listable.filter((d) => !d.name.startsWith('.'));
  const entries = await Promise.all(
    shown
      .map(async (d) => {
        let isDir = d.isDirectory();
        if (d.isSymbolicLink()) isDir = await stat(path.join(target, d.name)).then((s) => s.isDirectory(), () => false);
        if (!isDir) return { name: d.name, type: 'file' as const, isCompose: isComposeFileName(d.name) };
        const inside = await readdir(path.join(target, d.name)).catch(() => [] as string[]);
        return { name: d.name, type: 'dir' as const, isCompose: inside.some((n) => COMPOSE_NAMES.has(n)) };
      }),
  );
  entries.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1));
  const parent = path.dirname(target);
  return { path: target, ...(parent !== target ? { parent } : {}), entries, hidden: listable.length - shown.length };
}

export async function readEnvFile(workingDir: string): Promise<ComposeEnvFile> {
  const file = path.join(workingDir, '.env');
  try {
    const { content, mtime } = await readTextFile(file);
    return { path: file, content, exists: true, mtime };
  } catch (err) {
    if (err instanceof BerthError && err.code === ErrorCode.NOT_FOUND) return { path: file, content: '', exists: false };
    throw err;
  }
}

export function writeEnvFile(workingDir: string, content: string, expectedMtime?: number): Promise<{ mtime: number }> {
  return writeTextFile(path.join(workingDir, '.env'), content, expectedMtime);
}
