import type { NetworkSummary } from '../../api/contract';
import { sortBy, type Sort } from '../../components/grid/sort';

export type NetworkSortKey = 'name' | 'driver' | 'subnet' | 'containers' | 'created';

export const subnetOf = (n: NetworkSummary) =>
  n.ipam
    .map((c) => c.subnet)
    .filter(Boolean)
    .join(', ');

export function filterNetworks(networks: NetworkSummary[], query: string): NetworkSummary[] {
  const q = query.trim().toLowerCase();
  if (!q) return networks;
  return networks.filter(
    (n) =>
      n.name.toLowerCase().includes(q) ||
      n.driver.toLowerCase().includes(q) ||
      subnetOf(n).includes(q) ||
      n.containers.some((c) => c.containerName.toLowerCase().includes(q)),
  );
}

export function sortNetworks(networks: NetworkSummary[], sort: Sort<NetworkSortKey>): NetworkSummary[] {
  return sortBy(
    networks,
    sort,
    (n, key) =>
      key === 'subnet'
        ? subnetOf(n)
        : key === 'containers'
          ? n.containers.length
          : key === 'created'
            ? (n.created ?? 0)
            : n[key],
    (n) => n.name,
  );
}
