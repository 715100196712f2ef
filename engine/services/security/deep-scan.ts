import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { ErrorCode, SETUID_LIST_CAP, type ImageDeepScan } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';
import { TarFormatError, TarParser } from '../common/tar';

/** Label on the never-started containers a deep scan makes, so a crash's leftovers can be found and removed. */
export const SCAN_LABEL = 'io.berth.image-scan';
const SETID = 0o6000;

export interface ScanProgress {
  /** Bytes of the exported filesystem read so far, and the image's size as the estimate of the whole. */
  progress(read: number, estimate: number): void;
  signal: AbortSignal;
}

/**
 * CIS 4.8: the setuid/setgid regular files of an image. The image's filesystem is read as the Engine exports a
 * container made from it (created, never started, no network); only tar headers are looked at, bodies pass by.
 * The container is removed in every outcome (done, failed, cancelled).
 */
export async function scanImageFiles(
  docker: Dockerode,
  imageId: string,
  scan: ScanProgress,
): Promise<{ id: string; scan: ImageDeepScan }> {
  let image: Dockerode.ImageInspectInfo;
  try {
    image = await docker.getImage(imageId).inspect();
  } catch (err) {
    throw mapDockerError(err, { object: `image ${imageId}` });
  }
  let container: Dockerode.Container;
  try {
    container = await docker.createContainer({
      name: `berth-image-scan-${randomBytes(4).toString('hex')}`,
      Image: image.Id,
      // Never run; a command is still required when the image has none.
      Entrypoint: ['/berth-scan-never-started'],
      Cmd: [],
      Labels: { [SCAN_LABEL]: image.Id },
      NetworkDisabled: true,
      HostConfig: { NetworkMode: 'none' },
    });
  } catch (err) {
    throw mapDockerError(err, { action: 'prepare a scan of', object: `image ${imageId}` });
  }
  try {
    return { id: image.Id, scan: await readSetuid(container, image.Size, scan) };
  } finally {
    await container.remove({ force: true, v: true }).catch((err: unknown) => {
      if ((err as { statusCode?: number }).statusCode !== 404)
        console.warn(`[berth] could not remove scan container ${container.id}:`, err);
    });
  }
}

async function readSetuid(
  container: Dockerode.Container,
  estimate: number,
  scan: ScanProgress,
): Promise<ImageDeepScan> {
  const files: ImageDeepScan['files'] = [];
  let total = 0;
  let entries = 0;
  const parser = new TarParser({
    entry: (h) => {
      entries++;
      if (h.type === 'file' && (h.mode & SETID) !== 0) {
        total++;
        if (files.length < SETUID_LIST_CAP)
          files.push({ path: `/${h.name.replace(/^\.?\/+/, '')}`, mode: h.mode });
      }
      return false;
    },
  });
  let source: Readable;
  try {
    source = (await container.export()) as unknown as Readable;
  } catch (err) {
    throw mapDockerError(err, { action: 'read the filesystem of', object: 'the scan container' });
  }
  const abort = () => source.destroy(new BerthError(ErrorCode.CANCELLED, 'The scan was cancelled.'));
  if (scan.signal.aborted) abort();
  else scan.signal.addEventListener('abort', abort, { once: true });
  let read = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      read += chunk.length;
      parser.push(chunk);
      scan.progress(read, estimate);
      if (parser.finished) break;
    }
    parser.end();
  } catch (err) {
    if (scan.signal.aborted) throw new BerthError(ErrorCode.CANCELLED, 'The scan was cancelled.');
    if (err instanceof TarFormatError)
      throw new BerthError(
        ErrorCode.ENGINE_ERROR,
        `The engine's export of the image could not be read: ${err.reason}.`,
      );
    throw mapDockerError(err, { action: 'read the filesystem of', object: 'the scan container' });
  } finally {
    scan.signal.removeEventListener('abort', abort);
    source.destroy();
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { scannedAt: Date.now(), files, total, entries };
}

/** Removes scan containers left behind by a crash (never started, so nothing is interrupted). */
export async function removeStaleScans(docker: Dockerode): Promise<void> {
  const stale = await docker.listContainers({ all: true, filters: { label: [SCAN_LABEL] } }).catch(() => []);
  const old = stale.filter((c) => c.State === 'created' && Date.now() / 1000 - c.Created > 3600);
  await Promise.all(
    old.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
}
