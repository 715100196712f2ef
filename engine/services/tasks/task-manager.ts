import { randomBytes } from 'node:crypto';
import { ErrorCode, type BerthErrorData, type TaskInfo, type TaskStep } from '../../contract';
import type { EventBus } from '../../base/event-bus';
import { BerthError, toErrorData } from '../../base/errors';

/** What a task's body gets: report progress, keep a log, and notice cancellation through `signal`. */
export interface TaskContext {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(update: Partial<Pick<TaskInfo, 'progress' | 'message'>>): void;
  /** Adds or updates a step by id (layers, services, build steps). */
  step(step: TaskStep): void;
  log(line: string): void;
}

export interface StartTaskOptions<R> {
  kind: string;
  title: string;
  cancellable?: boolean;
  keepLog?: boolean;
  run(ctx: TaskContext): Promise<R>;
}

interface Entry {
  info: TaskInfo;
  controller: AbortController;
  log: string[];
  logListeners: Set<(lines: string[]) => void>;
  endListeners: Set<() => void>;
}

const MAX_FINISHED = 100;
const MAX_LOG_LINES = 5000;
/** Progress events are coalesced so a pull of 30 layers does not emit thousands of patches per second. */
const PUBLISH_INTERVAL_MS = 100;

/**
 * Long operations as tasks: each has progress, steps, an optional log and a cancel switch; state changes go out
 * as 'tasks.changed' patches. Tasks live here (not in a UI), so the list survives a page reload.
 */
export class TaskManager {
  private readonly tasks = new Map<string, Entry>();
  private readonly dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly bus: EventBus) {}

  /** Starts the task and returns its id at once; the outcome arrives through events (and `wait`). */
  start<R>(options: StartTaskOptions<R>): string {
    const id = `t${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
    const entry: Entry = {
      info: {
        id,
        kind: options.kind,
        title: options.title,
        state: 'running',
        startedAt: Date.now(),
        cancellable: options.cancellable ?? true,
        ...(options.keepLog ? { hasLog: true } : {}),
      },
      controller: new AbortController(),
      log: [],
      logListeners: new Set(),
      endListeners: new Set(),
    };
    this.tasks.set(id, entry);
    this.publish(id, true);
    const ctx: TaskContext = {
      id,
      signal: entry.controller.signal,
      progress: (u) => {
        if (u.progress) entry.info.progress = u.progress;
        if (u.message !== undefined) entry.info.message = u.message;
        this.publish(id);
      },
      step: (s) => {
        const steps = (entry.info.steps ??= []);
        const i = steps.findIndex((x) => x.id === s.id);
        if (i >= 0) steps[i] = s;
        else steps.push(s);
        this.publish(id);
      },
      log: (line) => {
        entry.log.push(line);
        if (entry.log.length > MAX_LOG_LINES) entry.log.splice(0, entry.log.length - MAX_LOG_LINES);
        for (const l of entry.logListeners) l([line]);
      },
    };
    void Promise.resolve()
      .then(() => options.run(ctx))
      .then(
        (result) =>
          this.finish(id, entry.controller.signal.aborted ? 'cancelled' : 'succeeded', undefined, result),
        (err: unknown) =>
          this.finish(id, entry.controller.signal.aborted ? 'cancelled' : 'failed', toErrorData(err)),
      );
    return id;
  }

  list(): TaskInfo[] {
    return [...this.tasks.values()]
      .map((e) => structuredClone(e.info))
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  get(id: string): TaskInfo | undefined {
    const e = this.tasks.get(id);
    return e ? structuredClone(e.info) : undefined;
  }

  cancel(id: string): void {
    const e = this.require(id);
    if (e.info.state !== 'running') return;
    if (!e.info.cancellable)
      throw new BerthError(ErrorCode.CONFLICT, `"${e.info.title}" cannot be cancelled.`);
    e.controller.abort(new BerthError(ErrorCode.CANCELLED, 'Cancelled by the user.'));
    e.info.message = 'Cancelling…';
    this.publish(id, true);
  }

  dismiss(id: string): void {
    const e = this.require(id);
    if (e.info.state === 'running')
      throw new BerthError(ErrorCode.CONFLICT, 'A running task cannot be dismissed; cancel it first.');
    this.tasks.delete(id);
    this.bus.emit('tasks.changed', { kind: 'patch', upserts: [], removed: [id] });
  }

  /** Resolves when the task has ended (for the CLI, which waits in the foreground). */
  wait(id: string): Promise<TaskInfo> {
    const e = this.require(id);
    if (e.info.state !== 'running') return Promise.resolve(structuredClone(e.info));
    return new Promise((resolve) => e.endListeners.add(() => resolve(structuredClone(e.info))));
  }

  /** The kept log so far, then every new line until the task ends or the listener unsubscribes. */
  followLog(id: string, onLines: (lines: string[]) => void, onEnd: () => void): () => void {
    const e = this.require(id);
    if (e.log.length) onLines([...e.log]);
    if (e.info.state !== 'running') {
      onEnd();
      return () => undefined;
    }
    e.logListeners.add(onLines);
    e.endListeners.add(onEnd);
    return () => {
      e.logListeners.delete(onLines);
      e.endListeners.delete(onEnd);
    };
  }

  /** Cancels everything still running (backend shutdown). */
  dispose(): void {
    for (const e of this.tasks.values()) if (e.info.state === 'running') e.controller.abort();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
  }

  private require(id: string): Entry {
    const e = this.tasks.get(id);
    if (!e)
      throw new BerthError(ErrorCode.NOT_FOUND, `No task ${id}; it may have finished and been dismissed.`);
    return e;
  }

  private finish(id: string, state: TaskInfo['state'], error?: BerthErrorData, result?: unknown): void {
    const e = this.tasks.get(id);
    if (!e) return;
    e.info.state = state;
    e.info.endedAt = Date.now();
    if (state === 'cancelled') e.info.message = 'Cancelled';
    if (error && state === 'failed') e.info.error = error;
    if (result !== undefined) e.info.result = result;
    if (state === 'succeeded' && e.info.progress) e.info.progress = { ...e.info.progress, fraction: 1 };
    this.publish(id, true);
    for (const l of e.endListeners) l();
    e.endListeners.clear();
    e.logListeners.clear();
    this.trimFinished();
  }

  private trimFinished(): void {
    const finished = [...this.tasks.values()].filter((e) => e.info.state !== 'running');
    const excess = finished.length - MAX_FINISHED;
    if (excess <= 0) return;
    const oldest = finished.sort((a, b) => a.info.startedAt - b.info.startedAt).slice(0, excess);
    for (const e of oldest) this.tasks.delete(e.info.id);
    this.bus.emit('tasks.changed', { kind: 'patch', upserts: [], removed: oldest.map((e) => e.info.id) });
  }

  /** State changes go out at once; progress updates are batched per PUBLISH_INTERVAL_MS. */
  private publish(id: string, now = false): void {
    this.dirty.add(id);
    if (now) return this.flush();
    this.flushTimer ??= setTimeout(() => this.flush(), PUBLISH_INTERVAL_MS);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const upserts = [...this.dirty].flatMap((id) => {
      const e = this.tasks.get(id);
      return e ? [structuredClone(e.info)] : [];
    });
    this.dirty.clear();
    if (upserts.length) this.bus.emit('tasks.changed', { kind: 'patch', upserts, removed: [] });
  }
}
