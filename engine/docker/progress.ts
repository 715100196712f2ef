import type { TaskInfo, TaskStep } from '../contract';
import { ErrorCode, formatBytes } from '../contract';
import { BerthError } from '../base/errors';
import { JsonLineDecoder } from './events';

/**
 * One message of the engine's JSON progress stream (pull, push, build, load, import). The engine sends one
 * JSON object per line; errors that happen after the response started arrive as a message with `errorDetail`.
 */
export interface ProgressMessage {
  status?: string;
  /** Layer ID (pull/push), or the tag for the first line of a pull. */
  id?: string;
  progressDetail?: { current?: number; total?: number };
  /** Build output (classic builder) and `docker load` lines. */
  stream?: string;
  aux?: Record<string, unknown>;
  error?: string;
  errorDetail?: { message?: string; code?: number };
}

export function toProgressMessage(value: unknown): ProgressMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const msg: ProgressMessage = {};
  if (typeof v.status === 'string') msg.status = v.status;
  if (typeof v.id === 'string') msg.id = v.id;
  if (typeof v.stream === 'string') msg.stream = v.stream;
  if (typeof v.error === 'string') msg.error = v.error;
  if (isRecord(v.aux)) msg.aux = v.aux;
  if (isRecord(v.progressDetail)) {
    const d = v.progressDetail;
    msg.progressDetail = {
      ...(typeof d.current === 'number' ? { current: d.current } : {}),
      ...(typeof d.total === 'number' ? { total: d.total } : {}),
    };
  }
  if (isRecord(v.errorDetail)) {
    const d = v.errorDetail;
    msg.errorDetail = {
      ...(typeof d.message === 'string' ? { message: d.message } : {}),
      ...(typeof d.code === 'number' ? { code: d.code } : {}),
    };
  }
  return msg;
}

/** The error text of a message, when it reports one. */
export const errorOf = (msg: ProgressMessage): string | undefined =>
  msg.errorDetail?.message ?? msg.error ?? undefined;

/**
 * Reads a progress stream to its end, calling `onMessage` for each message. Resolves when the stream ends
 * cleanly; rejects with `toError(text)` at the first error message (the engine stops after it anyway), and
 * with a CANCELLED error when `signal` aborts (the caller aborts the HTTP request, which stops the engine).
 */
export function readProgress(
  stream: NodeJS.ReadableStream,
  onMessage: (msg: ProgressMessage) => void,
  toError: (engineMessage: string) => BerthError,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const decoder = new JsonLineDecoder();
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    const handle = (values: unknown[]) => {
      for (const value of values) {
        const msg = toProgressMessage(value);
        if (!msg) continue;
        const text = errorOf(msg);
        if (text !== undefined) {
          settle(toError(text));
          return;
        }
        onMessage(msg);
      }
    };
    const onAbort = () => {
      settle(new BerthError(ErrorCode.CANCELLED, 'Cancelled by the user.'));
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer | string) => {
      if (!settled) handle(decoder.push(chunk));
    });
    stream.on('end', () => {
      if (!settled) handle(decoder.end());
      settle();
    });
    stream.on('error', (err: Error) => settle(signal?.aborted ? new BerthError(ErrorCode.CANCELLED, 'Cancelled by the user.') : err));
    stream.on('close', () => {
      // A connection dropped mid-stream closes without 'end'.
      if (!settled) settle(signal?.aborted ? new BerthError(ErrorCode.CANCELLED, 'Cancelled by the user.') : undefined);
    });
  });
}

interface Layer {
  id: string;
  order: number;
  status: string;
  total?: number;
  /** Bytes downloaded (pull) or pushed (push). */
  transferred: number;
  /** Bytes extracted (pull only). */
  extracted: number;
  done: boolean;
}

const DONE = /^(pull complete|already exists|pushed|layer already exists|mounted from|download complete)/i;
const FINISHED = /^(pull complete|already exists|pushed|layer already exists|mounted from)/i;
const WAITING = /^(waiting|pulling fs layer|preparing)/i;

/**
 * Aggregates per-layer progress of a pull or push into task steps and an overall byte count. A pulled layer
 * counts twice (downloaded, then extracted); a pushed layer once. Layers that already existed count as done
 * and add no bytes, so the bar measures the work actually left.
 */
export class LayerProgress {
  private readonly layers = new Map<string, Layer>();

  constructor(private readonly kind: 'pull' | 'push') {}

  /** Applies one message; returns the layer step it changed, if any. */
  apply(msg: ProgressMessage): TaskStep | undefined {
    const id = msg.id;
    const status = msg.status?.trim();
    if (!id || !status || !isLayerId(id)) return undefined;
    let layer = this.layers.get(id);
    if (!layer) {
      layer = { id, order: this.layers.size, status, transferred: 0, extracted: 0, done: false };
      this.layers.set(id, layer);
    }
    layer.status = status;
    const { current, total } = msg.progressDetail ?? {};
    if (/^(downloading|pushing)/i.test(status)) {
      if (total && total > 0) layer.total = total;
      if (current !== undefined) layer.transferred = Math.min(current, layer.total ?? current);
    } else if (/^extracting/i.test(status)) {
      if (total && total > 0) layer.total ??= total;
      layer.transferred = layer.total ?? layer.transferred;
      if (current !== undefined) layer.extracted = Math.min(current, layer.total ?? current);
    } else if (/^(download complete|verifying checksum)/i.test(status)) {
      layer.transferred = layer.total ?? layer.transferred;
    } else if (FINISHED.test(status)) {
      layer.done = true;
      layer.transferred = layer.total ?? layer.transferred;
      layer.extracted = layer.total ?? layer.extracted;
    }
    return this.stepOf(layer);
  }

  steps(): TaskStep[] {
    return [...this.layers.values()].sort((a, b) => a.order - b.order).map((l) => this.stepOf(l));
  }

  /** Overall progress in bytes, over the layers whose size is known so far. */
  overall(): NonNullable<TaskInfo['progress']> {
    const weight = this.kind === 'pull' ? 2 : 1;
    let current = 0;
    let total = 0;
    for (const l of this.layers.values()) {
      if (!l.total) continue;
      total += l.total * weight;
      current += l.transferred + (this.kind === 'pull' ? l.extracted : 0);
    }
    const allDone = this.layers.size > 0 && [...this.layers.values()].every((l) => l.done);
    const fraction = allDone ? 1 : total > 0 ? Math.min(current / total, 1) : undefined;
    return { ...(fraction !== undefined ? { fraction } : {}), current, total, unit: 'bytes' };
  }

  /** "2 of 5 layers, 12.3 MB / 40.1 MB" */
  summary(): string {
    const all = [...this.layers.values()];
    const done = all.filter((l) => l.done).length;
    const { current, total } = this.overall();
    const bytes = total ? `, ${formatBytes(current ?? 0)} / ${formatBytes(total)}` : '';
    return `${done} of ${all.length} layers${bytes}`;
  }

  private stepOf(l: Layer): TaskStep {
    const label = `Layer ${l.id}`;
    if (l.done) return { id: l.id, label, state: 'done', fraction: 1, detail: l.status };
    if (WAITING.test(l.status)) return { id: l.id, label, state: 'waiting', detail: l.status };
    const extracting = /^extracting/i.test(l.status);
    const bytes = extracting ? l.extracted : l.transferred;
    const sizes = l.total ? ` ${formatBytes(bytes)} / ${formatBytes(l.total)}` : '';
    const weight = this.kind === 'pull' ? 2 : 1;
    const fraction = l.total ? Math.min((l.transferred + (this.kind === 'pull' ? l.extracted : 0)) / (l.total * weight), 1) : undefined;
    const detail = DONE.test(l.status) ? l.status : `${l.status.replace(/\s+\[.*$/, '')}${sizes}`;
    return { id: l.id, label, state: 'running', ...(fraction !== undefined ? { fraction } : {}), detail };
  }
}

/** Layer IDs are short hex digests; other ids (a tag on the first line of a pull) are not layers. */
const isLayerId = (id: string): boolean => /^[0-9a-f]{12,64}$/.test(id);

/** "Step 3/7 : RUN make" from classic-builder output, as step number, count and instruction. */
export function parseBuildStep(line: string): { index: number; count: number; instruction: string } | undefined {
  const m = /^Step (\d+)\/(\d+) : (.*)$/.exec(line.trim());
  if (!m?.[1] || !m[2] || m[3] === undefined) return undefined;
  return { index: Number(m[1]), count: Number(m[2]), instruction: m[3] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
