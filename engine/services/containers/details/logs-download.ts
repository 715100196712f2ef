import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Dockerode from 'dockerode';
import type { TransferTicket } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import type { TransferRegistry } from '../../../base/transfers';
import { Demuxer } from '../../common/demux';

/** The engine's multiplexed frames as the plain bytes `docker logs` prints (stdout and stderr interleaved). */
function demuxed(): Transform {
  const out: Transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        demux.push(chunk);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
  const demux = new Demuxer((stream, payload) => {
    if (stream !== 'stdin') out.push(payload);
  });
  return out;
}

/**
 * A ticket for a container's whole log, as `docker logs [-t]` prints it: read from the engine without follow and
 * streamed to the client as it arrives (never held in memory), so a log of any length downloads whole.
 */
export async function logsDownloadTicket(
  docker: () => Dockerode,
  transfers: TransferRegistry,
  id: string,
  timestamps: boolean,
): Promise<TransferTicket> {
  const object = { object: `container ${id}`, action: 'read the logs of' };
  let info: Dockerode.ContainerInspectInfo;
  try {
    info = await docker().getContainer(id).inspect();
  } catch (err) {
    throw mapDockerError(err, object);
  }
  const name = info.Name.replace(/^\//, '') || id;
  return transfers.download({
    filename: `${name}.log`,
    contentType: 'text/plain; charset=utf-8',
    open: async (signal) => {
      let source: Readable;
      try {
        // dockerode buffers a log read without follow; dialing directly keeps it a stream.
        source = await new Promise<Readable>((resolve, reject) => {
          docker().modem.dial(
            {
              path: `/containers/${encodeURIComponent(info.Id)}/logs?`,
              method: 'GET',
              options: { stdout: true, stderr: true, timestamps, follow: false },
              isStream: true,
              abortSignal: signal,
              statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
            },
            (err: Error | null, stream: unknown) => (err ? reject(err) : resolve(stream as Readable)),
          );
        });
      } catch (err) {
        throw mapDockerError(err, object);
      }
      if (info.Config.Tty) return source;
      const out = new PassThrough();
      pipeline(source, demuxed(), out).catch((err: unknown) => out.destroy(err as Error));
      return out;
    },
  });
}
