import type Dockerode from 'dockerode';
import {
  ErrorCode,
  formatBytes,
  type PruneItem,
  type PruneKind,
  type SystemPruneOptions,
  type SystemPrunePreview,
  type SystemPruneResult,
} from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';
import type { TaskContext, TaskManager } from '../tasks/task-manager';
import { pruneUnusedNetworks, unusedNetworks } from '../common/network-prune';
import { prunePlan, readDiskUsage } from './disk-usage';

const LABELS: Record<PruneKind, string> = {
  containers: 'Stopped containers',
  images: 'Unused images',
  networks: 'Unused networks',
  volumes: 'Unused volumes',
  buildCache: 'Build cache',
};
const KINDS: PruneKind[] = ['containers', 'images', 'networks', 'volumes', 'buildCache'];

export async function systemPrunePreview(
  docker: Dockerode,
  options: SystemPruneOptions,
): Promise<SystemPrunePreview> {
  const [df, unused] = await Promise.all([readDiskUsage(docker), unusedNetworks(docker)]);
  return prunePlan(
    df,
    options,
    unused.networks.map((n) => ({ id: n.id, name: n.name, detail: n.driver })),
  );
}

/**
 * system.prune as a task with one step per kind. Containers, networks and volumes are removed one by one from
 * a fresh preview (never more than it lists); images and build cache go through the engine's own prune, which
 * knows how layers and cache records depend on each other.
 */
export function startSystemPrune(
  deps: { docker: () => Dockerode; tasks: TaskManager },
  options: SystemPruneOptions,
): string {
  return deps.tasks.start<SystemPruneResult>({
    kind: 'system.prune',
    title: 'Clean up unused data',
    run: async (t) => {
      const docker = deps.docker();
      const plan = await systemPrunePreview(docker, options);
      const result: SystemPruneResult = {
        removed: { containers: [], images: [], networks: [], volumes: [], buildCache: [] },
        reclaimedBytes: { containers: 0, images: 0, networks: 0, volumes: 0, buildCache: 0, total: 0 },
        failed: [],
      };
      const selected = (kind: PruneKind) =>
        kind === 'images' || kind === 'containers' || kind === 'networks' || (kind === 'volumes' ? options.volumes !== 'none' : options.buildCache);
      for (const kind of KINDS) {
        t.step({ id: kind, label: LABELS[kind], state: selected(kind) ? 'waiting' : 'skipped' });
      }
      for (const [i, kind] of KINDS.entries()) {
        if (!selected(kind)) continue;
        if (t.signal.aborted) throw new BerthError(ErrorCode.CANCELLED, 'The clean-up was cancelled; what was removed so far stays removed.');
        t.step({ id: kind, label: LABELS[kind], state: 'running' });
        t.progress({ message: `${LABELS[kind]}…`, progress: { current: i, total: KINDS.length, unit: 'steps', fraction: i / KINDS.length } });
        await runKind(docker, kind, plan, options, result, t);
        const bytes = result.reclaimedBytes[kind];
        t.step({
          id: kind,
          label: LABELS[kind],
          state: 'done',
          detail: `${result.removed[kind].length} removed${bytes ? `, ${formatBytes(bytes)} freed` : ''}`,
        });
      }
      result.reclaimedBytes.total = KINDS.reduce((s, k) => s + result.reclaimedBytes[k], 0);
      t.progress({ message: `Freed ${formatBytes(result.reclaimedBytes.total)}`, progress: { current: KINDS.length, total: KINDS.length, unit: 'steps', fraction: 1 } });
      return result;
    },
  });
}

async function runKind(
  docker: Dockerode,
  kind: PruneKind,
  plan: SystemPrunePreview,
  options: SystemPruneOptions,
  result: SystemPruneResult,
  t: TaskContext,
): Promise<void> {
  const oneByOne = async (items: PruneItem[], remove: (item: PruneItem) => Promise<unknown>, what: string) => {
    for (const item of items) {
      if (t.signal.aborted) return;
      try {
        await remove(item);
        result.removed[kind].push(item.name);
        result.reclaimedBytes[kind] += item.size ?? 0;
      } catch (err) {
        result.failed.push({ kind, name: item.name, message: mapDockerError(err, { action: 'remove', object: `${what} ${item.name}` }).message });
      }
    }
  };
  try {
    switch (kind) {
      case 'containers':
        return await oneByOne(plan.containers, (c) => docker.getContainer(c.id).remove(), 'container');
      case 'volumes':
        return await oneByOne(plan.volumes, (v) => docker.getVolume(v.id).remove(), 'volume');
      case 'networks': {
        const r = await pruneUnusedNetworks(docker);
        result.removed.networks = r.removed;
        for (const f of r.failed) result.failed.push({ kind, ...f });
        return;
      }
      case 'images': {
        const r = await docker.pruneImages({ filters: { dangling: [options.allImages ? 'false' : 'true'] } });
        result.removed.images = (r.ImagesDeleted ?? []).flatMap((d) => (d.Untagged ? [d.Untagged] : d.Deleted ? [d.Deleted] : []));
        result.reclaimedBytes.images = r.SpaceReclaimed ?? 0;
        return;
      }
      case 'buildCache': {
        // The engine also lists the deleted records (missing from dockerode's type).
        const r = (await docker.pruneBuilder()) as { SpaceReclaimed?: number; CachesDeleted?: string[] | null };
        result.removed.buildCache = r.CachesDeleted ?? [];
        result.reclaimedBytes.buildCache = r.SpaceReclaimed ?? 0;
        return;
      }
    }
  } catch (err) {
    const mapped = mapDockerError(err, { action: 'clean up', object: LABELS[kind].toLowerCase() });
    t.step({ id: kind, label: LABELS[kind], state: 'failed', detail: mapped.message });
    result.failed.push({ kind, name: LABELS[kind], message: mapped.message });
  }
}
