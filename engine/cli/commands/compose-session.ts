import os from 'node:os';
import {
  ErrorCode,
  isBerthErrorData,
  type BerthErrorData,
  type EngineCandidate,
  type EngineStatus,
  type StreamName,
  type StreamServerMessage,
  type TaskInfo,
  type TaskLogChunk,
  type TaskRef,
} from '../../contract';
import type { Backend } from '../../host/backend';
import type { DomainName } from '../../host/create-backend';
import type { Store } from '../../store/types';
import { EXIT, type CliIo } from '../io';
import type { ComposeDeps } from './compose';
import { BerthError } from '../../base/errors';
import type { Caller } from '../../base/audit';
import { StreamHost } from '../../host/stream-host';

/**
 * The CLI's view of an in-process backend (compose commands, engine queries): calls as the local admin, streams through a StreamHost (so
 * parameters are validated exactly as for the UI), and tasks followed to their end with their log printed.
 */
export class ComposeSession {
  readonly caller: Caller = { role: 'admin', user: os.userInfo().username || 'local', via: 'cli' };
  private readonly handlers = new Map<string, (m: StreamServerMessage) => void>();
  private readonly host: StreamHost;
  private next = 0;

  constructor(readonly backend: Backend) {
    this.host = new StreamHost(backend.streams, { send: (m) => this.handlers.get(m.id)?.(m), bufferedBytes: () => 0 }, this.caller);
  }

  /** Resolves once the engine is connected; rejects with the engine's own error when it does not connect. */
  connected(timeoutMs = 30_000): Promise<EngineCandidate> {
    return new Promise((resolve, reject) => {
      const check = (s: EngineStatus | undefined) => {
        if (s?.state === 'connected' && s.engine) {
          done();
          resolve(s.engine);
        } else if (s?.state === 'unreachable' || s?.state === 'not-installed') {
          done();
          reject(new BerthError((s.error?.code as ErrorCode | undefined) ?? ErrorCode.ENGINE_UNREACHABLE, s.error?.message ?? 'The container engine cannot be reached.'));
        }
      };
      const off = this.backend.bus.on('engine.status', check);
      const timer = setTimeout(() => {
        done();
        reject(new BerthError(ErrorCode.TIMEOUT, `The container engine did not answer within ${timeoutMs / 1000} s.`));
      }, timeoutMs);
      const done = () => {
        off();
        clearTimeout(timer);
      };
      check(this.backend.bus.lastPayload('engine.status'));
    });
  }

  async call<T>(method: string, params: unknown): Promise<T> {
    const r = await this.backend.dispatch(method, params, this.caller);
    if (!r.ok) throw new BerthError(r.error.code, r.error.message, r.error.details);
    return r.value as T;
  }

  /**
   * Opens a stream; resolves when it ends (rejects with its error); `signal` closes it early. `wire` gets, once
   * the stream is open, the function that sends it input (a one-off's stdin and resizes).
   */
  stream<C, I = never>(
    stream: StreamName,
    params: unknown,
    onChunk: (chunk: C) => void,
    signal?: AbortSignal,
    wire?: (send: (input: I) => void) => void,
  ): Promise<void> {
    const id = `s${++this.next}`;
    return new Promise((resolve, reject) => {
      const close = () => {
        this.host.handle({ type: 'stream-close', id });
        this.handlers.delete(id);
        resolve();
      };
      signal?.addEventListener('abort', close, { once: true });
      this.handlers.set(id, (m) => {
        if (m.type === 'stream-data') return onChunk(m.chunk as C);
        signal?.removeEventListener('abort', close);
        this.handlers.delete(id);
        if (m.error) reject(new BerthError(m.error.code, m.error.message, m.error.details));
        else resolve();
      });
      this.host.handle({ type: 'stream-open', id, stream, params });
      wire?.((input) => this.host.handle({ type: 'stream-input', id, input }));
    });
  }

  /**
   * Starts a task, prints its log lines as they come, and resolves with the finished task. `interrupt` cancels
   * it (Ctrl+C), as compose stops what it was doing.
   */
  async runTask(method: string, params: unknown, onLine: (line: string) => void, interrupt?: AbortSignal): Promise<TaskInfo> {
    const { taskId } = await this.call<TaskRef>(method, params);
    const onAbort = () => void this.call('tasks.cancel', { id: taskId }).catch(() => undefined);
    interrupt?.addEventListener('abort', onAbort, { once: true });
    try {
      await this.stream<TaskLogChunk>('tasks.log', { id: taskId }, (c) => c.lines.forEach(onLine));
      const tasks = await this.call<TaskInfo[]>('tasks.list', {});
      const task = tasks.find((t) => t.id === taskId);
      if (!task) throw new BerthError(ErrorCode.INTERNAL, `Task ${taskId} disappeared before it ended.`);
      return task.state === 'running' ? await this.waitEnd(taskId) : task;
    } finally {
      interrupt?.removeEventListener('abort', onAbort);
    }
  }

  private waitEnd(taskId: string): Promise<TaskInfo> {
    return new Promise((resolve) => {
      const off = this.backend.bus.on('tasks.changed', (p) => {
        const t = p.kind === 'patch' ? p.upserts.find((u) => u.id === taskId) : p.items.find((u) => u.id === taskId);
        if (t && t.state !== 'running') {
          off();
          resolve(t);
        }
      });
    });
  }

  close(): void {
    this.host.closeAll();
  }
}

/** An error as compose prints it: the message, then every located problem of an invalid file. */
export function errorLines(err: unknown): string[] {
  const data: BerthErrorData =
    err instanceof BerthError
      ? err.toData()
      : isBerthErrorData(err)
        ? err
        : { code: ErrorCode.INTERNAL, message: err instanceof Error ? err.message : String(err) };
  const problems = (data.details as { problems?: { text?: string }[] } | undefined)?.problems ?? [];
  const lines = [`Error: ${data.message}`];
  if (problems.length > 1) for (const p of problems) if (p.text) lines.push(`  ${p.text}`);
  return lines;
}

export interface OneShotBackend {
  dataDir: string;
  /** Opened by the caller; closed here. */
  store: Store;
  /** The engine to use; undefined: the backend never connects (commands that read only files). */
  engineFlag: string | undefined;
  domains: readonly DomainName[];
}

/**
 * The one-shot backend every CLI command runs on (no event-following lists) and a session over it: runs `body`,
 * prints its errors, and always closes the session, the backend and the store.
 */
export async function withBackendSession(
  shot: OneShotBackend,
  io: CliIo,
  deps: Pick<ComposeDeps, 'createBackend'>,
  body: (session: ComposeSession) => Promise<number>,
): Promise<number> {
  const { dataDir, store, engineFlag, domains } = shot;
  const backend = await deps.createBackend({ dataDir, store, liveCollections: false, domains, ...(engineFlag ? { engineFlag } : { connect: false }) });
  const session = new ComposeSession(backend);
  try {
    return await body(session);
  } catch (err) {
    for (const line of errorLines(err)) io.err(line);
    return EXIT.failed;
  } finally {
    session.close();
    await backend.dispose();
    store.close();
  }
}
