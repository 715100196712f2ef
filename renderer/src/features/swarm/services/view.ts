import type { ServicePort, SwarmServiceSummary } from '../../../api/contract';
import { sortBy, type Sort } from '../../../components/grid/sort';

export type ServiceSortKey = 'name' | 'image' | 'mode' | 'tasks' | 'stack' | 'update';

export const portText = (p: ServicePort): string =>
  `${p.published ?? '*'}:${p.target}/${p.protocol}${p.mode === 'host' ? ' (host)' : ''}`;

export const updateText = (s: SwarmServiceSummary): string =>
  s.update ? s.update.state.replace('_', ' ') : '';

export function filterServices(services: SwarmServiceSummary[], query: string): SwarmServiceSummary[] {
  const q = query.trim().toLowerCase();
  if (!q) return services;
  return services.filter((s) =>
    [s.name, s.image, s.mode, s.stack ?? '', updateText(s), ...s.ports.map(portText)].some((v) =>
      v.toLowerCase().includes(q),
    ),
  );
}

export function sortServices(
  services: SwarmServiceSummary[],
  sort: Sort<ServiceSortKey>,
): SwarmServiceSummary[] {
  return sortBy(
    services,
    sort,
    (s, key) =>
      key === 'tasks'
        ? s.desired
          ? s.running / s.desired
          : 1
        : key === 'stack'
          ? (s.stack ?? '')
          : key === 'update'
            ? updateText(s)
            : s[key],
    (s) => s.name,
  );
}

/** Replicated services can be scaled; global ones run one task per eligible node. */
export const scalable = (s: SwarmServiceSummary): boolean => s.mode === 'replicated';
