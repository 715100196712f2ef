import type { BerthErrorData } from '../errors';

export type TaskState = 'running' | 'succeeded' | 'failed' | 'cancelled';
export type TaskStepState = 'waiting' | 'running' | 'done' | 'failed' | 'skipped';

/** One part of a task shown with its own progress: an image layer, a compose service, a build step. */
export interface TaskStep {
  id: string;
  label: string;
  state: TaskStepState;
  /** 0..1 when known. */
  fraction?: number;
  /** e.g. "Downloading 12.3 MB / 40.1 MB", "Waiting for db to be healthy". */
  detail?: string;
}

/**
 * A long operation (pull, push, build, compose up/down, stack deploy, volume backup). Lives in the backend, so
 * the task list survives a page reload; progress arrives as 'tasks.changed' patches; cancellable while running.
 */
export interface TaskInfo {
  id: string;
  /** Method-like kind, e.g. 'images.pull', 'compose.up', 'volumes.backup'. */
  kind: string;
  /** Human title, e.g. "Pull nginx:1.27". */
  title: string;
  state: TaskState;
  startedAt: number;
  endedAt?: number;
  /** Overall progress: fraction 0..1 when known, plus raw counters for display. */
  progress?: { fraction?: number; current?: number; total?: number; unit?: 'bytes' | 'steps' | 'items' };
  /** The latest human status line. */
  message?: string;
  steps?: TaskStep[];
  /** True when the task keeps a log (see the 'tasks.log' stream). */
  hasLog?: boolean;
  cancellable: boolean;
  error?: BerthErrorData;
  /** What the task produced, e.g. { imageId } or { transferId } for a backup to download. */
  result?: unknown;
}

/** Returned by methods that start a task. */
export interface TaskRef {
  taskId: string;
}
