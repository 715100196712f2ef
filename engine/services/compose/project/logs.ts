import { StringDecoder } from 'node:string_decoder';
import type Dockerode from 'dockerode';
import type { LogChunk, LogLine } from '../../../contract';
import type { DockerEvent } from '../../../docker/events';
import { LABEL, projectFilter } from '../labels';
import { engineCall, nameOf, serviceOf } from '../apply/context';
import { byTime, sinceAfter } from './log-timeline';

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
/** Lines per chunk while sending the backlog (which waits for the client rather than dropping). */
const BACKLOG_BATCH = 1000;

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
 * each line naming its service and container. The backlog (`tail` lines of each container) is read first and
 * sent as one timeline ordered by the engine's timestamps; each container is then followed from just after its
 * last line, and live lines are ordered the same way within each batch. Backpressure: the backlog waits for a
 * slow client; live lines are dropped and counted (`dropped`) rather than buffered without bound.
 */
export async function streamProjectLogs(docker: Dockerode, o: ComposeLogsOptions): Promise<void> {
  // The engine's stamps are always read (they order the merge); the client gets them only if it asked.
  const shown = (lines: LogLine[]): LogLine[] => (o.timestamps ? lines : lines.map(({ ts: _ts, ...l }) => l));
  let buffer: LogLine[] = [];
  let dropped = 0;
  let blocked = false;
  const flush = () => {
    if (blocked || (buffer.length === 0 && dropped === 0)) return;
    const ok = o.send({ lines: shown(byTime(buffer)), ...(dropped ? { dropped } : {}) });
    buffer = [];
    dropped = 0;
    if (!ok) {
      blocked = true;
      void o.drained().then(() => (blocked = false));
    }
  };
  const add = (line: LogLine) => {
    if (buffer.length >= MAX_BUFFERED) dropped++;
    else buffer.push(line);
  };
  const followed = new Set<string>();
  const running: Promise<void>[] = [];
  const wanted = (c: { Labels: Record<string, string> }) => c.Labels[LABEL.oneoff] !== 'True' && (!o.services?.length || o.services.includes(c.Labels[LABEL.service] ?? ''));

  const follow = (c: Dockerode.ContainerInfo, from: LogStart) => {
    if (followed.has(c.Id)) return;
    followed.add(c.Id);
    running.push(readLogs(docker, c, { follow: true, from, signal: o.signal }, add).catch(() => undefined));
  };
  const list = await engineCall('list', `containers of project ${o.project}`, () =>
    docker.listContainers({ all: true, filters: { label: projectFilter(o.project) } }),
  );
  const containers = list.filter(wanted);
  let off: (() => void) | undefined;
  if (o.follow && o.onEvent) {
    off = o.onEvent((e) => {
      if (e.type !== 'container' || e.action !== 'start' || e.attributes[LABEL.project] !== o.project) return;
      void docker.listContainers({ all: true, filters: { id: [e.id] } }).then((found) => {
        for (const c of found.filter(wanted)) follow(c, { since: Math.floor(e.timeNano / 1e9) });
      }, () => undefined);
    });
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const backlogs = await Promise.all(
      containers.map(async (c) => {
        const lines: LogLine[] = [];
        if (o.tail !== 0) await readLogs(docker, c, { follow: false, from: { tail: o.tail }, signal: o.signal }, (l) => lines.push(l)).catch(() => undefined);
        return { c, lines };
      }),
    );
    const backlog = shown(byTime(backlogs.flatMap((b) => b.lines)));
    for (let i = 0; i < backlog.length && !o.signal.aborted; i += BACKLOG_BATCH) {
      if (!o.send({ lines: backlog.slice(i, i + BACKLOG_BATCH) })) await o.drained();
    }
    if (!o.follow) return;
    timer = setInterval(flush, FLUSH_MS);
    for (const { c, lines } of backlogs) follow(c, followFrom(lines, o.tail));
    await new Promise<void>((resolve) => {
      if (o.signal.aborted) resolve();
      o.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    off?.();
    if (timer) clearInterval(timer);
    blocked = false;
    flush();
  }
}

/** Where reading a container's log starts: its last lines, or lines stamped at/after a time (seconds). */
type LogStart = { tail: number | 'all' } | { since: number | string };

/** After the backlog: strictly after its last line; with no backlog, everything (there was nothing) or, for
 * tail 0, only what comes next. */
function followFrom(backlog: LogLine[], tail: number | 'all'): LogStart {
  const last = backlog.at(-1)?.ts;
  const since = last ? sinceAfter(last) : undefined;
  if (since) return { since };
  return tail === 0 ? { tail: 0 } : { tail: 'all' };
}

async function readLogs(
  docker: Dockerode,
  c: Dockerode.ContainerInfo,
  o: { follow: boolean; from: LogStart; signal: AbortSignal },
  add: (line: LogLine) => void,
): Promise<void> {
  const container = docker.getContainer(c.Id);
  const tty = (await container.inspect()).Config.Tty;
  const service = serviceOf(c);
  const name = nameOf(c);
  const emit = (stream: LogLine['stream'], raw: string) => {
    const sp = raw.indexOf(' ');
    const ts = sp > 0 ? raw.slice(0, sp) : undefined;
    add({ stream, text: sp > 0 ? raw.slice(sp + 1) : raw, ...(ts ? { ts } : {}), service, container: name });
  };
  const splitter = new LineSplitter(tty, emit);
  // The engine's default tail is everything, so 'all' is no tail at all.
  const opts: Dockerode.ContainerLogsOptions = {
    stdout: true,
    stderr: true,
    timestamps: true,
    ...('since' in o.from ? { since: o.from.since } : o.from.tail === 'all' ? {} : { tail: o.from.tail }),
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
