import type Dockerode from 'dockerode';

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

const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export const isAnonymousVolume = (name: string, labels: Record<string, string>): boolean =>
  ANONYMOUS_LABEL in labels || /^[0-9a-f]{64}$/.test(name);

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
