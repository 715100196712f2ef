import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A unix socket in front of an engine's socket that records the path of every HTTP request passing through. */
export interface RecordingProxy {
  /** unix:///... to pass as the engine endpoint. */
  endpoint: string;
  /** Request targets in arrival order, e.g. '/v1.47/containers/json?all=true'. */
  requests: string[];
  close(): Promise<void>;
}

const REQUEST_LINE = /^(?:GET|POST|PUT|DELETE|HEAD) (\S+) HTTP\/1\.[01]\r$/gm;

export async function recordingProxy(engineSocket: string): Promise<RecordingProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-proxy-'));
  const path = join(dir, 'engine.sock');
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(engineSocket);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString('latin1').matchAll(REQUEST_LINE)) if (m[1]) requests.push(m[1]);
    });
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  return {
    endpoint: `unix://${path}`,
    requests,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
