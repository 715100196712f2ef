import type { BuilderModel, NodeKind, Position } from './types';

export const COLUMN_WIDTH = 280;
export const ROW_HEIGHT = 140;

/**
 * A layered layout: a service's column is how deep its dependencies go (dependencies to the right of what
 * depends on them, so edges run left to right); volumes and networks in rows below. Only nodes without a saved
 * position move unless `all`.
 */
export function autoLayout(model: BuilderModel, all = false): Record<NodeKind, Record<string, Position>> {
  const deps = new Map(model.services.map((s) => [s.name, s.dependsOn.map((d) => d.service).filter((d) => d !== s.name)]));
  const depth = new Map<string, number>();
  const depthOf = (name: string, seen: Set<string>): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0; // a cycle: the checks report it; lay it out anyway
    seen.add(name);
    const d = Math.max(-1, ...(deps.get(name) ?? []).filter((x) => deps.has(x)).map((x) => depthOf(x, seen))) + 1;
    seen.delete(name);
    depth.set(name, d);
    return d;
  };
  model.services.forEach((s) => depthOf(s.name, new Set()));
  const maxDepth = Math.max(0, ...depth.values());
  const rows = new Map<number, number>();
  const out: Record<NodeKind, Record<string, Position>> = { service: {}, volume: {}, network: {} };
  for (const s of model.services) {
    const column = maxDepth - (depth.get(s.name) ?? 0);
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    out.service[s.name] = (!all && model.layout.service[s.name]) || { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT };
  }
  const below = Math.max(0, ...rows.values()) * ROW_HEIGHT + 40;
  model.volumes.forEach((v, i) => {
    out.volume[v] = (!all && model.layout.volume[v]) || { x: i * 200, y: below };
  });
  model.networks.forEach((n, i) => {
    out.network[n] = (!all && model.layout.network[n]) || { x: i * 200, y: below + 100 };
  });
  return out;
}
