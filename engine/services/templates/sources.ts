import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode } from '../../contract';
import { BerthError } from '../../base/errors';
import { invalid } from './yaml';

/** Template files are hand-written text; a catalog of hundreds of entries is well under this. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;

export interface FetchLimits {
  maxBytes?: number;
  timeoutMs?: number;
}

/** GETs an http(s) URL as text, refusing bodies over the size limit and answers slower than the time limit. */
export async function fetchText(url: string, limits: FetchLimits = {}): Promise<string> {
  const maxBytes = limits.maxBytes ?? MAX_SOURCE_BYTES;
  const timeoutMs = limits.timeoutMs ?? FETCH_TIMEOUT_MS;
  if (!/^https?:\/\//i.test(url)) throw invalid(`Only http:// and https:// URLs can be imported, not ${url}.`);
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'application/json, application/yaml, text/plain, */*' } });
  } catch (err) {
    throw fetchError(err, url, timeoutMs);
  }
  if (!res.ok) throw new BerthError(res.status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.ENGINE_ERROR, `${url} answered HTTP ${res.status} ${res.statusText}.`, { status: res.status });
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw invalid(`${url} is ${declared} bytes, more than the ${maxBytes}-byte limit for a template source.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = res.body?.getReader();
    for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
      const chunk = r.value;
      size += chunk.byteLength;
      if (size > maxBytes) await reader.cancel();
      if (size > maxBytes) throw invalid(`${url} sent more than the ${maxBytes}-byte limit for a template source; stopped reading.`);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof BerthError) throw err;
    throw fetchError(err, url, timeoutMs);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function fetchError(err: unknown, url: string, timeoutMs: number): BerthError {
  const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return new BerthError(ErrorCode.TIMEOUT, `${url} did not answer within ${timeoutMs / 1000} s.`);
  const code = e.cause?.code;
  const why = code === 'ECONNREFUSED' ? 'the connection was refused' : code === 'ENOTFOUND' ? 'the host name is unknown' : (e.cause?.message ?? e.message ?? String(err));
  return new BerthError(ErrorCode.ENGINE_UNREACHABLE, `Could not fetch ${url}: ${why}. Check the URL and your connection; cached catalogs stay usable.`, { code });
}

/** Reads one regular file (never through a symlink), refusing anything over the size limit. */
export async function readSourceFile(file: string, maxBytes = MAX_SOURCE_BYTES): Promise<string> {
  let info;
  try {
    info = await lstat(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new BerthError(code === 'ENOENT' ? ErrorCode.NOT_FOUND : ErrorCode.INVALID_ARGUMENT, `${file} cannot be read (${code ?? String(err)}).`);
  }
  if (info.isSymbolicLink()) throw invalid(`${file} is a symbolic link; Berth reads template files only from the folder itself.`);
  if (!info.isFile()) throw invalid(`${file} is not a regular file.`);
  if (info.size > maxBytes) throw invalid(`${file} is ${info.size} bytes, more than the ${maxBytes}-byte limit for a template source.`);
  return readFile(file, 'utf8');
}

export const TEMPLATE_FILE = 'compose.yaml';
const CANDIDATE = /^((docker-)?compose\.ya?ml|.+\.(json|pmx|ya?ml))$/i;

/**
 * What an import of a folder reads: the folder itself when it is one template (a compose file, plus README.md as
 * its documentation), else each subfolder that is one and each template-like file in it. One level deep.
 */
export async function folderEntries(dir: string): Promise<{ file: string; readme?: string }[]> {
  const names = await readdir(dir, { withFileTypes: true }).catch((err: { code?: string }) => {
    throw new BerthError(err.code === 'ENOENT' ? ErrorCode.NOT_FOUND : ErrorCode.INVALID_ARGUMENT, `${dir} cannot be listed (${err.code ?? 'error'}).`);
  });
  const own = composeIn(names.filter((n) => n.isFile()).map((n) => n.name));
  if (own) return [withReadme(dir, own, names.map((n) => n.name))];
  const out: { file: string; readme?: string }[] = [];
  for (const n of names) {
    if (n.isFile() && CANDIDATE.test(n.name)) out.push({ file: path.join(dir, n.name) });
    if (!n.isDirectory()) continue;
    const inner = await readdir(path.join(dir, n.name), { withFileTypes: true }).catch(() => []);
    const compose = composeIn(inner.filter((e) => e.isFile()).map((e) => e.name));
    if (compose) out.push(withReadme(path.join(dir, n.name), compose, inner.map((e) => e.name)));
  }
  if (out.length === 0) throw invalid(`${dir} has no template: no compose.yaml, and no .json, .pmx or .yaml files or template subfolders.`);
  return out;
}

const composeIn = (names: string[]) => ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'].find((n) => names.includes(n));
const withReadme = (dir: string, compose: string, names: string[]) => ({ file: path.join(dir, compose), ...(names.includes('README.md') ? { readme: path.join(dir, 'README.md') } : {}) });
