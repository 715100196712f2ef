import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { ErrorCode, type MethodParams, type TransferTicket, type UploadTask } from '../../contract';
import { formatBytes } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { parseBuildStep, readProgress } from '../../docker/progress';
import { BerthError } from '../../base/errors';
import type { TransferRegistry } from '../../base/transfers';
import type { TaskContext, TaskManager } from '../tasks/task-manager';
import { startUploadTask } from './upload-task';

/** Build contexts and image archives above this are refused (the engine would spool them to disk first). */
const MAX_UPLOAD_BYTES = 20 * 1024 ** 3;

/** Build, load and import (uploads that become images, as tasks) and save (a download). */
export class ArchiveTasks {
  constructor(
    private readonly docker: () => Dockerode,
    private readonly tasks: TaskManager,
    private readonly transfers: TransferRegistry,
  ) {}

  build(params: MethodParams<'images.buildUpload'>): UploadTask {
    const { tag, dockerfile, buildArgs, target, noCache, pull, size } = params;
    return startUploadTask(this.tasks, this.transfers, {
      kind: 'images.build',
      title: `Build ${tag}`,
      maxBytes: MAX_UPLOAD_BYTES,
      ...(size !== undefined ? { size } : {}),
      consume: async (body, ctx) => {
        const options = {
          t: tag,
          ...(dockerfile ? { dockerfile } : {}),
          ...(buildArgs && Object.keys(buildArgs).length ? { buildargs: buildArgs } : {}),
          ...(target ? { target } : {}),
          ...(noCache ? { nocache: true } : {}),
          ...(pull ? { pull: true } : {}),
          rm: true,
          abortSignal: ctx.signal,
        };
        const stream = await this.send(ctx, 'build', `image ${tag}`, () => this.docker().buildImage(body, options));
        return followBuild(stream, tag, ctx);
      },
    });
  }

  load(size?: number): UploadTask {
    return startUploadTask(this.tasks, this.transfers, {
      kind: 'images.load',
      title: 'Load images from an archive',
      maxBytes: MAX_UPLOAD_BYTES,
      ...(size !== undefined ? { size } : {}),
      consume: async (body, ctx) => {
        const stream = await this.send(ctx, 'load', 'the images', () =>
          this.docker().loadImage(body, { quiet: false, abortSignal: ctx.signal } as object),
        );
        const loaded: string[] = [];
        await readProgress(
          stream,
          (msg) => {
            const line = msg.stream?.trim();
            if (line) {
              ctx.log(line);
              const name = /^Loaded image(?: ID)?: (.+)$/.exec(line)?.[1];
              if (name) loaded.push(name);
              ctx.progress({ message: line });
            } else if (msg.status && msg.id) {
              const { current, total } = msg.progressDetail ?? {};
              const amount = total ? ` ${formatBytes(current ?? 0)} / ${formatBytes(total)}` : '';
              ctx.progress({ message: `${msg.status} ${msg.id}${amount}` });
            }
          },
          (text) => new BerthError(ErrorCode.INVALID_ARGUMENT, `The archive could not be loaded: ${text}. Choose a file made by "docker save".`, { engineMessage: text }),
          ctx.signal,
        );
        if (loaded.length === 0) {
          throw new BerthError(ErrorCode.INVALID_ARGUMENT, 'The archive held no images. Choose a file made by "docker save".');
        }
        ctx.progress({ message: `Loaded ${loaded.join(', ')}` });
        return { images: loaded };
      },
    });
  }

  import(repo: string, tag: string, size?: number): UploadTask {
    const ref = `${repo}:${tag}`;
    return startUploadTask(this.tasks, this.transfers, {
      kind: 'images.import',
      title: `Import ${ref}`,
      maxBytes: MAX_UPLOAD_BYTES,
      ...(size !== undefined ? { size } : {}),
      consume: async (body, ctx) => {
        const stream = await this.send(ctx, 'import', `image ${ref}`, () => this.docker().importImage(body, { repo, tag, abortSignal: ctx.signal }));
        let imageId = '';
        await readProgress(
          stream,
          (msg) => {
            if (msg.status?.startsWith('sha256:')) imageId = msg.status;
          },
          (text) => new BerthError(ErrorCode.INVALID_ARGUMENT, `The archive could not be imported: ${text}. Choose a tar of a root filesystem.`, { engineMessage: text }),
          ctx.signal,
        );
        if (!imageId) throw new BerthError(ErrorCode.ENGINE_ERROR, `The engine did not report an image for ${ref}.`);
        ctx.progress({ message: `Imported ${ref}` });
        return { imageId };
      },
    });
  }

  /** A download of `docker save` for the given images; the engine streams it as it is read. */
  save(ids: string[]): TransferTicket {
    const docker = this.docker();
    const base = ids.length === 1 ? (ids[0] ?? 'image').replace(/^sha256:/, '').replace(/[/:@]+/g, '_') : `${ids.length}-images`;
    return this.transfers.download({
      filename: `${base}.tar`,
      contentType: 'application/x-tar',
      open: async (signal) => {
        try {
          // Check each name first: the engine otherwise fails mid-stream with a truncated tar.
          await Promise.all(ids.map((id) => docker.getImage(id).inspect({ abortSignal: signal } as object)));
          return await new Promise<Readable>((resolve, reject) => {
            docker.modem.dial(
              { path: '/images/get?', options: { names: ids }, method: 'GET', isStream: true, abortSignal: signal, statusCodes: { 200: true, 404: 'no such image', 500: 'server error' } },
              (err: Error | null, stream: unknown) => (err ? reject(err) : resolve(stream as Readable)),
            );
          });
        } catch (err) {
          throw mapDockerError(err, { action: 'save', object: `image ${ids.join(', ')}` });
        }
      },
    });
  }

  private async send<T>(ctx: TaskContext, action: string, object: string, request: () => Promise<T>): Promise<T> {
    ctx.progress({ message: `Sending to the engine…` });
    try {
      return await request();
    } catch (err) {
      if (ctx.signal.aborted) throw new BerthError(ErrorCode.CANCELLED, 'Cancelled by the user.');
      const mapped = mapDockerError(err, { action, object });
      const said = (mapped.details as { engineMessage?: string } | undefined)?.engineMessage;
      if (said && /dockerfile/i.test(said)) {
        throw new BerthError(ErrorCode.INVALID_ARGUMENT, `The build context has no Dockerfile where expected: ${said}. Choose the folder that holds it, or name the Dockerfile.`, mapped.details);
      }
      throw mapped;
    }
  }
}

/** Follows a classic-builder stream: log lines, "Step n/m" steps, the built image ID; errors name the failing step. */
async function followBuild(stream: NodeJS.ReadableStream, tag: string, ctx: TaskContext): Promise<{ imageId: string }> {
  let current: { id: string; label: string; index: number; count: number } | undefined;
  let imageId = '';
  const finishStep = (state: 'done' | 'failed') => {
    if (current) ctx.step({ id: current.id, label: current.label, state, ...(state === 'done' ? { fraction: 1 } : {}) });
  };
  try {
    await readProgress(
      stream,
      (msg) => {
        const id = msg.aux?.ID;
        if (typeof id === 'string') imageId = id;
        for (const line of (msg.stream ?? msg.status ?? '').split('\n')) {
          if (!line.trim()) continue;
          ctx.log(line);
          const step = parseBuildStep(line);
          if (!step) continue;
          finishStep('done');
          current = { id: `step-${step.index}`, label: `Step ${step.index}/${step.count}: ${step.instruction}`, ...step };
          ctx.step({ id: current.id, label: current.label, state: 'running' });
          ctx.progress({ progress: { fraction: (step.index - 1) / step.count, current: step.index - 1, total: step.count, unit: 'steps' }, message: current.label });
        }
      },
      (text) => {
        const at = current ? ` at step ${current.index}/${current.count} (${current.label.replace(/^Step \d+\/\d+: /, '')})` : '';
        return new BerthError(ErrorCode.ENGINE_ERROR, `The build of ${tag} failed${at}: ${text}`, { engineMessage: text, ...(current ? { step: current.index } : {}) });
      },
      ctx.signal,
    );
  } catch (err) {
    finishStep('failed');
    throw err;
  }
  finishStep('done');
  if (!imageId) throw new BerthError(ErrorCode.ENGINE_ERROR, `The engine finished the build of ${tag} without reporting an image.`);
  ctx.progress({ message: `Built ${tag}` });
  return { imageId };
}
