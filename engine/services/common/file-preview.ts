import type { Readable } from 'node:stream';
import { FILE_PREVIEW_BYTES, type FilePreview } from '../../contract';
import { firstFileOf } from './tar-stream';

/** Whether the bytes read as text: no NUL byte, and valid UTF-8 (a character cut at the end is allowed). */
export function looksLikeText(bytes: Buffer, cut: boolean): boolean {
  if (bytes.includes(0)) return false;
  // A multi-byte character may straddle the preview's end: drop up to 3 trailing bytes of it before decoding.
  let end = bytes.length;
  if (cut) {
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && ((bytes[end - back - 1] ?? 0) & 0xc0) === 0x80) back++;
    const lead = bytes[end - back - 1] ?? 0;
    if (lead >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * The first FILE_PREVIEW_BYTES of the one file in an archive stream (the engine's GET archive of a file); the
 * rest is not read: the stream is destroyed once enough has arrived.
 */
export async function previewFromArchive(archive: Readable, path: string, size: number): Promise<FilePreview> {
  const file = archive.pipe(firstFileOf());
  archive.once('error', (err) => file.destroy(err));
  const chunks: Buffer[] = [];
  let have = 0;
  try {
    for await (const chunk of file) {
      const buf = chunk as Buffer;
      chunks.push(buf);
      have += buf.length;
      if (have >= FILE_PREVIEW_BYTES) break;
    }
  } finally {
    file.destroy();
    archive.destroy();
  }
  const bytes = Buffer.concat(chunks).subarray(0, FILE_PREVIEW_BYTES);
  const truncated = size > bytes.length;
  const binary = !looksLikeText(bytes, truncated);
  return { path, size, binary, text: binary ? '' : new TextDecoder('utf-8').decode(bytes), truncated };
}
