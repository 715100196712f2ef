import { afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import type { ComposeSource, TaskInfo, TaskRef } from '../../../contract';
import type { Backend } from '../../../host/backend';
import { call, type EventLog } from '../../testing/backend';

/** Test support for compose integration tests: project folders on disk and tasks awaited to their end. */

export function projectDir(files: Record<string, string>): { dir: string; source: (name: string, extra?: Partial<ComposeSource>) => ComposeSource; write(file: string, text: string): void; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-compose-it-'));
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  for (const [f, text] of Object.entries(files)) write(f, text);
  return {
    dir,
    source: (name, extra = {}) => ({ files: [], workingDir: dir, projectName: name, ...extra }),
    write,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Calls a compose method that starts a task and resolves with the finished task. */
export async function runTask(backend: Backend, log: EventLog, method: string, params: unknown, timeoutMs = 90_000): Promise<TaskInfo> {
  const from = Date.now();
  const { taskId } = await call<TaskRef>(backend, method, params);
  const hit = await log.waitFor(
    'tasks.changed',
    (p) => p.kind === 'patch' && p.upserts.some((t) => t.id === taskId && t.state !== 'running'),
    { from: from - 1, timeoutMs },
  );
  const task = hit.payload.kind === 'patch' ? hit.payload.upserts.find((t) => t.id === taskId) : undefined;
  if (!task) throw new Error('task vanished');
  return task;
}

/** Like runTask, and throws with the task's error when it did not succeed. */
export async function runOk(backend: Backend, log: EventLog, method: string, params: unknown): Promise<TaskInfo> {
  const task = await runTask(backend, log, method, params);
  if (task.state !== 'succeeded') throw new Error(`${method} ${task.state}: ${task.error?.message ?? ''}`);
  return task;
}

export async function projectContainers(docker: Dockerode, project: string): Promise<Dockerode.ContainerInfo[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } });
  return list.sort((a, b) => (a.Names[0] ?? '').localeCompare(b.Names[0] ?? ''));
}

export const names = (list: Dockerode.ContainerInfo[]): string[] => list.map((c) => (c.Names[0] ?? '').replace(/^\//, '')).sort();

/** Registers project folders made during a test file, removed after all its tests. */
export function useProjectDirs(): (files: Record<string, string>) => ReturnType<typeof projectDir> {
  const dirs: { remove(): void }[] = [];
  afterAll(() => {
    for (const d of dirs) d.remove();
  });
  return (files) => {
    const d = projectDir(files);
    dirs.push(d);
    return d;
  };
}
