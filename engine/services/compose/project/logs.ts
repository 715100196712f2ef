import { StringDecoder } from 'node:string_decoder';
import type Dockerode from 'dockerode';
import type { LogChunk, LogLine } from '../../../contract';
import type { DockerEvent } from '../../../docker/events';
import { LABEL, projectFilter } from '../labels';
import { engineCall, nameOf, serviceOf } from '../apply/context';

export interface ComposeLogsOptions {
  project: string;
  services?: string[];
  tail: number | 'all';
  follow: boolean;
  timestamps: boolean;
  signal: AbortSignal;
  send(chunk: LogChunk): boolean;
  drained(): Promise<void>;
  /** Engine events, so containers that start while following are followed too (like `compose logs -f`). */
  onEvent?: (listener: (e: DockerEvent) => void) => () => void;
}

const FLUSH_MS = 50;
const MAX_BUFFERED = 5000;

/** Splits one container's log bytes into lines; multiplexed (non-TTY) frames carry stdout/stderr. */
class LineSplitter {
  private pending = Buffer.alloc(0);
  private readonly text = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private partial = { stdout: '', stderr: '' };

  constructor(private readonly tty: boolean, private readonly emit: (stream: LogLine['stream'], line: string) => void) {}

  push(chunk: Buffer): void {
    if (this.tty) return this.lines('stdout', chunk);
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) break;
      const stream = this.pending[0] === 2 ? 'stderr' : 'stdout';
      this.lines(stream, this.pending.subarray(8, 8 + size));
      this.pending = this.pending.subarray(8 + size);
    }
  }

  end(): void {
    for (const s of ['stdout', 'stderr'] as const) if (this.partial[s]) this.emit(s, this.partial[s]);
  }

  private lines(stream: LogLine['stream'], bytes: Buffer): void {
    const parts = (this.partial[stream] + this.text[stream].write(bytes)).split('\n');
    this.partial[stream] = parts.pop() ?? '';
    for (const p of parts) this.emit(stream, p.replace(/\r$/, ''));
  }
}

/**
 * compose.logs: every container of the project (optionally some services) merged into one stream of batches,
 * each line naming its service and container. Backpressure: when the client is behind, lines are dropped and
 * counted (`dropped`) rather than buffered without bound.
 */
export async function streamProjectLogs(docker: Dockerode, o: ComposeLogsOptions): Promise<void> {
  let buffer: LogLine[] = [];
  let dropped = 0;
  let blocked = false;
  const flush = () => {
    if (blocked || (buffer.length === 0 && dropped === 0)) return;
    const ok = o.send({ lines: buffer, ...(dropped ? { dropped } : {}) });
    buffer = [];
    dropped = 0;
    if (!ok) {
      blocked = true;
      void o.drained().then(() => (blocked = false));
    }
  };
  const timer = setInterval(flush, FLUSH_MS);
  const add = (line: LogLine) => {
    if (buffer.length >= MAX_BUFFERED) dropped++;
    else buffer.push(line);
  };
  const followed = new Set<string>();
  const running: Promise<void>[] = [];
  const wanted = (c: { Labels: Record<string, string> }) => c.Labels[LABEL.oneoff] !== 'True' && (!o.services?.length || o.services.includes(c.Labels[LABEL.service] ?? ''));

  const follow = (c: Dockerode.ContainerInfo, since?: number) => {
    if (followed.has(c.Id)) return;
    followed.add(c.Id);
    running.push(followContainer(docker, c, { ...o, since }, add).catch(() => undefined));
  };
  const list = await engineCall('list', `containers of project ${o.project}`, () =>
    docker.listContainers({ all: true, filters: { label: projectFilter(o.project) } }),
  );
  for (const c of list.filter(wanted)) follow(c);
  let off: (() => void) | undefined;
  if (o.follow && o.onEvent) {
    off = o.onEvent((e) => {
      if (e.type !== 'container' || e.action !== 'start' || e.attributes[LABEL.project] !== o.project) return;
      void docker.listContainers({ all: true, filters: { id: [e.id] } }).then((found) => {
        for (const c of found.filter(wanted)) follow(c, Math.floor(e.timeNano / 1e9));
      }, () => undefined);
    });
  }
  try {
    if (o.follow) {
      await new Promise<void>((resolve) => {
        if (o.signal.aborted) resolve();
        o.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } else {
      await Promise.all(running);
    }
  } finally {
    off?.();
    clearInterval(timer);
    blocked = false;
    flush();
  }
}

async function followContainer(
  docker: Dockerode,
  c: Dockerode.ContainerInfo,
  o: Pick<ComposeLogsOptions, 'tail' | 'follow' | 'timestamps' | 'signal'> & { since?: number | undefined },
  add: (line: LogLine) => void,
): Promise<void> {
  const container = docker.getContainer(c.Id);
  const tty = (await container.inspect()).Config.Tty;
  const service = serviceOf(c);
  const name = nameOf(c);
  const emit = (stream: LogLine['stream'], raw: string) => {
    let text = raw;
    let ts: string | undefined;
    if (o.timestamps) {
      const sp = raw.indexOf(' ');
      ts = sp > 0 ? raw.slice(0, sp) : undefined;
      text = sp > 0 ? raw.slice(sp + 1) : raw;
    }
    add({ stream, text, ...(ts ? { ts } : {}), service, container: name });
  };
  const splitter = new LineSplitter(tty, emit);
  // The engine's default tail is everything, so 'all' is no tail at all.
  const opts: Dockerode.ContainerLogsOptions = {
    stdout: true,
    stderr: true,
    timestamps: o.timestamps,
    ...(o.since !== undefined ? { since: o.since } : o.tail === 'all' ? {} : { tail: o.tail }),
    abortSignal: o.signal,
  };
  if (!o.follow) {
    const buf: unknown = await container.logs({ ...opts, follow: false });
    splitter.push(Buffer.isBuffer(buf) ? buf : Buffer.from(typeof buf === 'string' ? buf : ''));
    splitter.end();
    return;
  }
  const stream = await container.logs({ ...opts, follow: true });
  await new Promise<void>((resolve) => {
    stream.on('data', (d: Buffer) => splitter.push(d));
    stream.on('end', () => {
      splitter.end();
      resolve();
    });
    stream.on('error', () => resolve());
    o.signal.addEventListener('abort', () => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      resolve();
    }, { once: true });
  });
}
