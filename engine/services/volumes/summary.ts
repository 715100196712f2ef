import type Dockerode from 'dockerode';
import type { VolumeDetails, VolumeSummary } from '../../contract';

/** GET /volumes and GET /volumes/{name} entries (dockerode's type lacks CreatedAt and UsageData). */
export interface EngineVolume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  Scope?: string;
  Labels?: Record<string, string> | null;
  Options?: Record<string, string> | null;
  Status?: Record<string, unknown> | null;
  CreatedAt?: string;
  UsageData?: { Size: number; RefCount: number } | null;
}

/** Size and users of one volume, from GET /system/df and the containers list. */
export interface VolumeUsage {
  size?: number;
  refCount?: number;
  usedBy: string[];
}

const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export const isAnonymousVolume = (name: string, labels: Record<string, string>): boolean =>
  ANONYMOUS_LABEL in labels || /^[0-9a-f]{64}$/.test(name);

export function toVolumeSummary(v: EngineVolume, usage: VolumeUsage): VolumeSummary {
  const labels = v.Labels ?? {};
  const created = v.CreatedAt ? Date.parse(v.CreatedAt) : Number.NaN;
  const size = usage.size ?? v.UsageData?.Size;
  const summary: VolumeSummary = {
    name: v.Name,
    driver: v.Driver,
    mountpoint: v.Mountpoint,
    scope: v.Scope ?? 'local',
    labels,
    refCount: Math.max(usage.usedBy.length, usage.refCount ?? 0),
    usedBy: [...usage.usedBy].sort(),
    anonymous: isAnonymousVolume(v.Name, labels),
  };
  if (Number.isFinite(created)) summary.created = created;
  // The engine reports -1 when it has not measured (or cannot measure) a volume.
  if (size !== undefined && size >= 0) summary.size = size;
  const project = labels['com.docker.compose.project'];
  if (project) summary.composeProject = project;
  return summary;
}

export function toVolumeDetails(v: EngineVolume, usage: VolumeUsage): VolumeDetails {
  const details: VolumeDetails = { ...toVolumeSummary(v, usage), options: v.Options ?? {} };
  if (v.Status) details.status = v.Status;
  return details;
}

/** Volume name → names of the containers (any state) that mount it. */
export function usersByVolume(containers: Dockerode.ContainerInfo[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const c of containers) {
    const name = (c.Names[0] ?? c.Id).replace(/^\//, '');
    for (const m of c.Mounts) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const list = users.get(m.Name) ?? [];
      if (!list.includes(name)) list.push(name);
      users.set(m.Name, list);
    }
  }
  return users;
}
