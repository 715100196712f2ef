import type Dockerode from 'dockerode';
import type { ImageHistoryEntry, ImageSummary } from '../../contract';

/** Image ID → names of the containers (any state) created from it. */
export type ImageUsage = Map<string, string[]>;

export function usageOf(containers: Dockerode.ContainerInfo[]): ImageUsage {
  const usage: ImageUsage = new Map();
  for (const c of containers) {
    const name = (c.Names.find((n) => n.lastIndexOf('/') === 0) ?? c.Names[0] ?? c.Id).replace(/^\//, '');
    const list = usage.get(c.ImageID) ?? [];
    list.push(name);
    usage.set(c.ImageID, list);
  }
  for (const names of usage.values()) names.sort();
  return usage;
}

/** The engine writes "<none>:<none>" / "<none>@<none>" for missing names. */
const realNames = (names: string[] | null | undefined) => (names ?? []).filter((n) => !n.startsWith('<none>'));

/** One row of GET /images/json → ImageSummary. */
export function fromListItem(info: Dockerode.ImageInfo, usage: ImageUsage): ImageSummary {
  const repoTags = realNames(info.RepoTags);
  return {
    id: info.Id,
    repoTags,
    repoDigests: realNames(info.RepoDigests),
    size: info.Size,
    created: info.Created,
    containers: usage.get(info.Id) ?? [],
    dangling: repoTags.length === 0,
    labels: info.Labels ?? {},
  };
}

/** GET /images/{id}/json → ImageSummary (the same row, for one image fetched after an event). */
export function fromInspect(info: Dockerode.ImageInspectInfo, usage: ImageUsage): ImageSummary {
  const repoTags = realNames(info.RepoTags);
  return {
    id: info.Id,
    repoTags,
    repoDigests: realNames(info.RepoDigests),
    size: info.Size,
    created: Math.floor(Date.parse(info.Created) / 1000),
    containers: usage.get(info.Id) ?? [],
    dangling: repoTags.length === 0,
    labels: info.Config?.Labels ?? {},
  };
}

interface HistoryRow {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Tags: string[] | null;
  Comment: string;
}

export function toHistory(rows: HistoryRow[]): ImageHistoryEntry[] {
  return rows.map((r) => ({
    id: r.Id,
    created: r.Created,
    // The builder prefixes shell-form commands; show the instruction as written in the Dockerfile.
    createdBy: r.CreatedBy.replace(/^\/bin\/sh -c #\(nop\)\s+/, '').replace(/^\/bin\/sh -c /, 'RUN '),
    size: r.Size,
    tags: r.Tags ?? [],
    comment: r.Comment,
  }));
}
