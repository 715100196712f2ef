import type Dockerode from 'dockerode';
import {
  auditImage,
  ErrorCode,
  formatBytes,
  imageAuditInput,
  type ImageAudit,
  type ImageAuditInput,
  type ImageDeepScan,
  type ImageHistoryLike,
  type TaskRef,
} from '../../contract';
import { mapDockerError } from '../../docker/errors';
import type { DockerEvent } from '../../docker/events';
import { LiveCollection, type LiveContext, type LiveEngine, type Touched } from '../common/live-collection';
import type { TaskManager } from '../tasks/task-manager';
import { removeStaleScans, scanImageFiles } from './deep-scan';

/** Image events after which an image's row (its tags) or its existence may differ. */
const IMAGE_ACTIONS = new Set(['pull', 'tag', 'untag', 'import', 'load', 'create']);
const PARALLEL = 8;

const realTags = (tags: string[] | null | undefined) => (tags ?? []).filter((t) => !t.startsWith('<none>'));

interface Audited {
  /** What the rules read from config and history: an image ID names immutable content, so this never changes. */
  input: ImageAuditInput;
  scan?: ImageDeepScan | undefined;
}

/**
 * security.images / security.scanImage and the live 'security.images.changed' feed (key: image ID). An image is
 * inspected and its history read once per engine connection (its ID fixes its content); events re-read only the
 * image they name, to follow its tags. Deep scans are tasks; their results join the image's findings until the
 * engine connection changes.
 */
export class ImageSecurity {
  readonly live: LiveCollection<'security.images.changed'>;
  private readonly audited = new Map<string, Audited>();
  private cacheFor: Dockerode | undefined;
  private readonly engine: LiveEngine;

  constructor(
    ctx: LiveContext,
    private readonly tasks: TaskManager,
  ) {
    this.engine = ctx.engine;
    this.live = new LiveCollection(ctx, {
      event: 'security.images.changed',
      what: 'image security findings',
      keyOf: (a) => a.id,
      keysFor: (event) => keysFor(event),
      list: (docker) => this.auditAll(docker),
      fetch: (docker, keys, known) => this.refresh(docker, keys, known),
      afterRelist: (docker) => removeStaleScans(docker),
    });
  }

  list(): Promise<ImageAudit[]> {
    return this.live.list();
  }

  /** Starts a deep scan of one image as a task; its result is pushed as the image's updated findings. */
  scan(id: string): TaskRef {
    const docker = this.engine.docker();
    const known =
      this.live.current.get(id) ??
      [...this.live.current.values()].find((a) =>
        a.id.replace(/^sha256:/, '').startsWith(id.replace(/^sha256:/, '')),
      );
    const short = (known?.id ?? id).replace(/^sha256:/, '').slice(0, 12);
    const name = known?.tags[0] ?? 'image';
    const taskId = this.tasks.start({
      kind: 'security.scanImage',
      // The short ID closes the title: the UI finds a scan still running after a reload by it.
      title: `Deep scan ${name} (${short})`,
      run: async (t) => {
        t.progress({ message: 'Creating a container from the image (it is not started)…' });
        const { id: imageId, scan } = await scanImageFiles(docker, id, {
          signal: t.signal,
          progress: (read, estimate) =>
            t.progress({
              progress: {
                fraction: estimate > 0 ? Math.min(read / estimate, 0.99) : undefined,
                current: read,
                total: Math.max(estimate, read),
                unit: 'bytes',
              },
              message: `Read ${formatBytes(read)} of the image's files`,
            }),
        });
        // Kept only for the connection the findings belong to (the engine may have changed meanwhile).
        if (this.cacheFor !== docker) return { imageId, total: scan.total, files: scan.files };
        const entry = this.audited.get(imageId);
        if (entry) entry.scan = scan;
        else this.audited.set(imageId, { input: await inputOf(docker, imageId), scan });
        this.live.refresh([imageId], { now: true });
        t.progress({
          message: scan.total
            ? `${scan.total} setuid/setgid file${scan.total === 1 ? '' : 's'} in ${scan.entries} entries`
            : `No setuid/setgid file in ${scan.entries} entries`,
        });
        return { imageId, total: scan.total, files: scan.files };
      },
    });
    return { taskId };
  }

  dispose(): void {
    this.live.dispose();
    this.audited.clear();
  }

  private useEngine(docker: Dockerode): void {
    if (this.cacheFor === docker) return;
    this.audited.clear();
    this.cacheFor = docker;
  }

  private async auditAll(docker: Dockerode): Promise<ImageAudit[]> {
    this.useEngine(docker);
    let rows: Dockerode.ImageInfo[];
    try {
      rows = await docker.listImages();
    } catch (err) {
      throw mapDockerError(err, { action: 'list', object: 'images' });
    }
    const queue = rows.filter((r) => !this.audited.has(r.Id)).map((r) => r.Id);
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        // An image deleted meanwhile is left out; the next event or reconciliation settles it.
        const input = await inputOf(docker, id).catch(() => undefined);
        if (input) this.audited.set(id, { input });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
    const present = new Set(rows.map((r) => r.Id));
    for (const id of this.audited.keys()) if (!present.has(id)) this.audited.delete(id);
    return rows.flatMap((r) => this.row(r.Id, realTags(r.RepoTags)) ?? []);
  }

  /** The images these keys (IDs or references) name now, plus known images a moved tag left. */
  private async refresh(
    docker: Dockerode,
    keys: string[],
    known: ReadonlyMap<string, ImageAudit>,
  ): Promise<ImageAudit[]> {
    this.useEngine(docker);
    const rows = new Map<string, ImageAudit>();
    const read = async (ref: string) => {
      let info: Dockerode.ImageInspectInfo;
      try {
        info = await docker.getImage(ref).inspect();
      } catch (err) {
        const mapped = mapDockerError(err, { object: `image ${ref}` });
        if (mapped.code === ErrorCode.NOT_FOUND) return;
        throw mapped;
      }
      if (!this.audited.has(info.Id))
        this.audited.set(info.Id, { input: await inputOf(docker, info.Id, info) });
      const row = this.row(info.Id, realTags(info.RepoTags));
      if (row) rows.set(row.id, row);
    };
    await Promise.all(keys.map(read));
    const moved = new Set([...rows.values()].flatMap((r) => r.tags));
    const left = [...known.values()].filter((k) => !rows.has(k.id) && k.tags.some((t) => moved.has(t)));
    await Promise.all(left.map((k) => read(k.id)));
    return [...rows.values()];
  }

  private row(id: string, tags: string[]): ImageAudit | undefined {
    const entry = this.audited.get(id);
    if (!entry) return undefined;
    const { input, scan } = entry;
    const findings = auditImage(
      scan ? { ...input, setuidFiles: scan.files.map((f) => f.path), setuidTotal: scan.total } : input,
    );
    return { id, tags, findings, ...(scan ? { deepScan: scan } : {}) };
  }
}

/** What the rules read of one image (inspect data passed when the caller has it already). */
async function inputOf(
  docker: Dockerode,
  id: string,
  info?: Dockerode.ImageInspectInfo,
): Promise<ImageAuditInput> {
  const image = docker.getImage(id);
  const [inspect, history] = await Promise.all([
    info ?? image.inspect(),
    image.history() as Promise<ImageHistoryLike[]>,
  ]);
  return imageAuditInput(inspect, history);
}

function keysFor(event: DockerEvent): Touched {
  if (event.type !== 'image' || !event.id) return [];
  if (event.action === 'delete') return { refresh: [], removed: [event.id] };
  return IMAGE_ACTIONS.has(event.action) ? [event.id] : [];
}
