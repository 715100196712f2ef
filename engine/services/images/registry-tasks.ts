import type Dockerode from 'dockerode';
import { ErrorCode, parseImageReference, repositoryOf, type TaskRef } from '../../contract';
import { LayerProgress, readProgress, type ProgressMessage } from '../../docker/progress';
import { BerthError } from '../../base/errors';
import type { TaskContext, TaskManager } from '../tasks/task-manager';
import { registryError } from './registry-errors';

/** Pull and push as tasks: a step per layer, overall bytes, cancellable by aborting the engine request. */
export class RegistryTasks {
  constructor(
    private readonly docker: () => Dockerode,
    private readonly tasks: TaskManager,
    /** The saved login for the image's registry, sent as X-Registry-Auth. */
    private readonly authFor: (ref: string) => Dockerode.AuthConfig | undefined = () => undefined,
  ) {}

  pull(ref: string, platform?: string): TaskRef {
    const { repo, tag, digest } = split(ref);
    const taskId = this.tasks.start({
      kind: 'images.pull',
      title: `Pull ${ref}`,
      keepLog: true,
      run: async (ctx) => {
        ctx.progress({ message: `Connecting to the registry for ${ref}…` });
        const docker = this.docker();
        const stream = await this.request(ref, 'pull', ctx, () =>
          docker.createImage({
            fromImage: repo,
            tag: digest ?? tag ?? 'latest',
            ...(platform ? { platform } : {}),
            ...authOption(this.authFor(ref)),
            abortSignal: ctx.signal,
          }),
        );
        const layers = new LayerProgress('pull');
        let outcome = '';
        await this.follow(stream, ref, 'pull', ctx, layers, (msg) => {
          if (msg.status?.startsWith('Status: ')) outcome = msg.status.slice('Status: '.length);
        });
        const image = await docker.getImage(ref).inspect();
        // Every layer may already have been here: the pull is still complete.
        ctx.progress({ progress: { ...layers.overall(), fraction: 1 }, message: outcome || `Pulled ${ref}` });
        return { imageId: image.Id };
      },
    });
    return { taskId };
  }

  push(ref: string): TaskRef {
    const { tag } = split(ref);
    const taskId = this.tasks.start({
      kind: 'images.push',
      title: `Push ${ref}`,
      keepLog: true,
      run: async (ctx) => {
        ctx.progress({ message: `Connecting to the registry for ${ref}…` });
        const docker = this.docker();
        const name = ref.slice(0, ref.length - (tag ? tag.length + 1 : 0));
        const image = docker.getImage(name);
        const stream = await this.request(ref, 'push', ctx, () =>
          image.push({ tag: tag ?? 'latest', abortSignal: ctx.signal, authconfig: this.authFor(ref) ?? {} }),
        );
        const layers = new LayerProgress('push');
        let digest: string | undefined;
        await this.follow(stream, ref, 'push', ctx, layers, (msg) => {
          const d = msg.aux?.Digest;
          if (typeof d === 'string') digest = d;
        });
        ctx.progress({ message: digest ? `Pushed ${ref} (${digest})` : `Pushed ${ref}` });
        return digest ? { digest } : {};
      },
    });
    return { taskId };
  }

  /** Sends the request; errors before the stream starts (HTTP 404/500) become registry errors. */
  private async request(
    ref: string,
    action: 'pull' | 'push',
    ctx: TaskContext,
    send: () => Promise<NodeJS.ReadableStream>,
  ): Promise<NodeJS.ReadableStream> {
    try {
      return await send();
    } catch (err) {
      if (ctx.signal.aborted) throw new BerthError(ErrorCode.CANCELLED, 'Cancelled by the user.');
      throw registryError(ref, action, err);
    }
  }

  private async follow(
    stream: NodeJS.ReadableStream,
    ref: string,
    action: 'pull' | 'push',
    ctx: TaskContext,
    layers: LayerProgress,
    also: (msg: ProgressMessage) => void,
  ): Promise<void> {
    await readProgress(
      stream,
      (msg) => {
        also(msg);
        const step = layers.apply(msg);
        if (step) {
          ctx.step(step);
          ctx.progress({ progress: layers.overall(), message: layers.summary() });
        } else if (msg.status && !msg.id) {
          ctx.log(msg.status);
          ctx.progress({ message: msg.status });
        }
      },
      (text) => registryError(ref, action, text),
      ctx.signal,
    );
  }
}

function split(ref: string): { repo: string; tag?: string; digest?: string } {
  const parsed = parseImageReference(ref);
  if (!parsed.ok) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `"${ref}" is not a valid image reference: ${parsed.reason}`);
  const { tag, digest } = parsed.ref;
  return { repo: repositoryOf(parsed.ref), ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

const authOption = (auth: Dockerode.AuthConfig | undefined) => (auth ? { authconfig: auth } : {});
