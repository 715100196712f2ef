import { Transform, type Readable } from 'node:stream';
import { ErrorCode, type UploadTask } from '../../contract';
import { formatBytes } from '../../contract';
import { BerthError } from '../../base/errors';
import type { TransferRegistry } from '../../base/transfers';
import type { TaskContext, TaskManager } from '../tasks/task-manager';

export interface UploadTaskOptions<R> {
  kind: string;
  title: string;
  /** Bytes the client said it will send, for the progress bar. */
  size?: number;
  maxBytes?: number;
  /** Streams the (counted) body into the engine and follows its answer. */
  consume(body: Readable, ctx: TaskContext): Promise<R>;
}

const UPLOAD_STEP = 'upload';

/**
 * A task fed by an upload ticket. The task starts at once (so the UI can show it), waits for the bytes, counts
 * them as they stream into the engine (progress: bytes received / size), then follows the engine's answer.
 * The upload request ends when the engine has read the whole body; the outcome is the task's.
 */
export function startUploadTask<R>(tasks: TaskManager, transfers: TransferRegistry, options: UploadTaskOptions<R>): UploadTask {
  let deliver: (upload: { body: Readable; signal: AbortSignal }) => void = () => undefined;
  const arrival = new Promise<{ body: Readable; signal: AbortSignal }>((resolve) => (deliver = resolve));
  let bodyDone: () => void = () => undefined;
  const bodyEnded = new Promise<void>((resolve) => (bodyDone = resolve));
  let expiresAt = Date.now() + 5 * 60_000;

  const taskId = tasks.start({
    kind: options.kind,
    title: options.title,
    keepLog: true,
    run: async (ctx) => {
      ctx.step({ id: UPLOAD_STEP, label: 'Upload', state: 'waiting', detail: 'Waiting for the upload to start' });
      ctx.progress({ message: 'Waiting for the upload to start…' });
      const { body, signal } = await waitForUpload(arrival, ctx.signal, expiresAt);
      const counted = body.pipe(counter(ctx, options.size, bodyDone));
      body.once('error', (err) => counted.destroy(err));
      try {
        return await options.consume(counted, ctx);
      } catch (err) {
        if (signal.aborted && !ctx.signal.aborted) {
          throw new BerthError(ErrorCode.CANCELLED, 'The upload was interrupted before it finished; start it again.');
        }
        throw err;
      }
    },
  });

  const ticket = transfers.upload({
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    accept: async (body, signal) => {
      deliver({ body, signal });
      const ended = await Promise.race([bodyEnded.then(() => true), tasks.wait(taskId).then(() => false)]);
      if (ended) return { taskId };
      const info = tasks.get(taskId);
      // The task ended before reading everything: the engine refused the data, or the user cancelled.
      if (info?.error) throw new BerthError(info.error.code, info.error.message, info.error.details);
      throw new BerthError(ErrorCode.CANCELLED, 'The task was cancelled before the upload finished.');
    },
  });
  expiresAt = ticket.expiresAt;
  return { taskId, ticket };
}

function waitForUpload<T>(arrival: Promise<T>, signal: AbortSignal, expiresAt: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new BerthError(ErrorCode.TIMEOUT, 'The upload never started; the link has expired. Start again.')),
      Math.max(expiresAt - Date.now(), 0) + 1_000,
    );
    const onAbort = () => {
      clearTimeout(timer);
      reject(new BerthError(ErrorCode.CANCELLED, 'Cancelled by the user.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    void arrival.then((value) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
  });
}

/** Passes bytes through, reporting "Uploading 12 MB / 40 MB" on the task; marks the upload step done at the end. */
function counter(ctx: TaskContext, size: number | undefined, onEnd: () => void): Transform {
  let received = 0;
  const report = (state: 'running' | 'done') => {
    const total = size && size > 0 ? size : undefined;
    const fraction = state === 'done' ? 1 : total ? Math.min(received / total, 1) : undefined;
    const amount = total ? `${formatBytes(received)} / ${formatBytes(total)}` : formatBytes(received);
    ctx.step({
      id: UPLOAD_STEP,
      label: 'Upload',
      state,
      ...(fraction !== undefined ? { fraction } : {}),
      detail: state === 'done' ? `Uploaded ${formatBytes(received)}` : `Uploading ${amount}`,
    });
    ctx.progress({
      progress: { ...(fraction !== undefined ? { fraction } : {}), current: received, ...(total ? { total } : {}), unit: 'bytes' },
      message: state === 'done' ? `Uploaded ${formatBytes(received)}` : `Uploading ${amount}`,
    });
  };
  report('running');
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      received += chunk.length;
      report('running');
      callback(null, chunk);
    },
    flush(callback) {
      report('done');
      onEnd();
      callback();
    },
  });
}
