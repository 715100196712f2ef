import type { VolumeDetails, VolumeSummary } from '../../contract';
import { isAnonymousVolume, type EngineVolume } from '../common/volume-usage';

/** Size and users of one volume, from GET /system/df and the containers list. */
export interface VolumeUsage {
  size?: number;
  refCount?: number;
  usedBy: string[];
}

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
