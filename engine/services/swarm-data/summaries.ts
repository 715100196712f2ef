import type { SwarmConfigDetails, SwarmDataKind, SwarmDataSummary, SwarmDataUser } from '../../contract';
import { dataApi, type EngineDataObject, type EngineServiceRefs } from './engine-types';

const time = (iso: string | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) && t > 0 ? t : undefined;
};

/** Secret or config ID → the services that mount it, sorted by name. */
export function usageOf(kind: SwarmDataKind, services: readonly EngineServiceRefs[]): Map<string, SwarmDataUser[]> {
  const users = new Map<string, SwarmDataUser[]>();
  for (const s of services) {
    for (const id of new Set(dataApi[kind].refsOf(s))) {
      const list = users.get(id) ?? [];
      list.push({ id: s.ID, name: s.Spec.Name });
      users.set(id, list);
    }
  }
  for (const list of users.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return users;
}

export function toDataSummary(o: EngineDataObject, usage: ReadonlyMap<string, SwarmDataUser[]>): SwarmDataSummary {
  const createdAt = time(o.CreatedAt);
  const updatedAt = time(o.UpdatedAt);
  const driver = o.Spec.Driver?.Name;
  return {
    id: o.ID,
    name: o.Spec.Name,
    labels: o.Spec.Labels ?? {},
    ...(driver ? { driver } : {}),
    ...(createdAt !== undefined ? { createdAt } : {}),
    ...(updatedAt !== undefined ? { updatedAt } : {}),
    version: o.Version?.Index ?? 0,
    usedBy: usage.get(o.ID) ?? [],
  };
}

/** A config's content: as text when it is valid UTF-8, else only its size. */
export function configContent(base64: string | undefined): Pick<SwarmConfigDetails, 'size' | 'text'> {
  const bytes = Buffer.from(base64 ?? '', 'base64');
  try {
    return { size: bytes.length, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { size: bytes.length };
  }
}
