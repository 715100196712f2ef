import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type Dockerode from 'dockerode';
import type { LogLine, StreamParams } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import type { StreamContext } from '../../../base/handlers';
import { Demuxer } from '../../common/demux';
import { defaultBatcher, LineSplitter, LogBatcher, type BatcherOptions } from '../../common/log-lines';

/**
 * 'containers.logs': the engine's log stream, demultiplexed (non-TTY) or plain (TTY), as batched lines.
 * With follow it ends when the container stops, like `docker logs -f`.
 */
export async function streamLogs(
  docker: Dockerode,
  ctx: Pick<StreamContext<'containers.logs'>, 'params' | 'signal' | 'send' | 'drained'>,
  batching: BatcherOptions = defaultBatcher,
): Promise<LogBatcher | undefined> {
  const p: StreamParams<'containers.logs'> = ctx.params;
  const object = { object: `container ${p.id}`, action: 'read the logs of' };
  const container = docker.getContainer(p.id);
  let tty: boolean;
  let source: Readable | Buffer;
  try {
    tty = (await container.inspect({ abortSignal: ctx.signal })).Config.Tty;
    const options = {
      stdout: p.stdout,
      stderr: p.stderr,
      timestamps: p.timestamps,
      // The engine's default is every line; it has no numeric spelling of 'all'.
      ...(p.tail === 'all' ? {} : { tail: p.tail }),
      ...(p.since !== undefined ? { since: p.since } : {}),
      abortSignal: ctx.signal,
    };
    // dockerode answers a Buffer without follow and a stream with it; the overloads need the literal.
    source = p.follow
      ? ((await container.logs({ ...options, follow: true })) as unknown as Readable)
      : (await container.logs({ ...options, follow: false }));
  } catch (err) {
    if (ctx.signal.aborted) return undefined;
    throw mapDockerError(err, object);
  }

  const pausable: { pause(): void; resume(): void } = Buffer.isBuffer(source)
    ? { pause: () => undefined, resume: () => undefined }
    : source;
  const batcher = new LogBatcher(ctx, pausable, batching);
  const add = (line: LogLine) => batcher.add(line);
  const splitters = {
    stdout: new LineSplitter('stdout', p.timestamps, add),
    stderr: new LineSplitter('stderr', p.timestamps, add),
  };
  const demux = new Demuxer((stream, payload) => {
    if (stream !== 'stdin') splitters[stream].push(payload);
  });
  // A TTY container has one stream, reported as stdout (the engine cannot tell them apart either).
  const feed = (chunk: Buffer) => (tty ? splitters.stdout.push(chunk) : demux.push(chunk));

  try {
    if (Buffer.isBuffer(source)) feed(source);
    else {
      const stream = source;
      const abort = () => stream.destroy();
      ctx.signal.addEventListener('abort', abort, { once: true });
      try {
        // Flowing mode (not for-await) so the batcher's pause()/resume() hold the engine's stream back.
        stream.on('data', (chunk: Buffer) => {
          try {
            feed(chunk);
          } catch (err) {
            stream.destroy(err as Error);
          }
        });
        await finished(stream);
      } finally {
        ctx.signal.removeEventListener('abort', abort);
      }
    }
  } catch (err) {
    batcher.abort();
    if (ctx.signal.aborted) return batcher;
    throw mapDockerError(err, object);
  }
  splitters.stdout.end();
  splitters.stderr.end();
  await batcher.close();
  return batcher;
}
