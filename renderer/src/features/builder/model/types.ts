/** What the canvas shows of a compose file: derived from the YAML document, never edited directly. */

export type DependsCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface Dependency {
  service: string;
  condition: DependsCondition;
}

export interface ServiceModel {
  name: string;
  image?: string;
  /** The service is built from a context instead of (or as well as) pulled. */
  build: boolean;
  ports: string[];
  /** In file order; values may reference parameters as `${NAME}`. */
  environment: [string, string][];
  volumes: string[];
  /** Explicit networks; empty means compose's implicit `default`. */
  networks: string[];
  dependsOn: Dependency[];
  /** `links` entries as written (`db` or `db:alias`). */
  links: string[];
  command?: string;
  replicas?: number;
  restart?: string;
  healthcheck?: { test: string; interval?: string };
  cpus?: string;
  memory?: string;
}

export type NodeKind = 'service' | 'volume' | 'network';

export interface Position {
  x: number;
  y: number;
}

export interface BuilderModel {
  services: ServiceModel[];
  /** Top-level named volumes. */
  volumes: string[];
  /** Top-level networks. */
  networks: string[];
  /** Saved positions by kind and name (`x-berth-layout`). */
  layout: Record<NodeKind, Record<string, Position>>;
}

/** A problem the builder shows on a node and in the problems list; `path` locates it in the YAML. */
export interface ModelProblem {
  message: string;
  severity: 'error' | 'warning';
  path: (string | number)[];
  /** The node it concerns, if any. */
  node?: { kind: NodeKind; name: string };
}

/** Where a problem is in the YAML text, 1-based. */
export interface LocatedProblem extends ModelProblem {
  line: number;
  col: number;
}

export const LAYOUT_KEY = 'x-berth-layout';

export const nodeId = (kind: NodeKind, name: string): string => `${kind}:${name}`;

export function parseNodeId(id: string): { kind: NodeKind; name: string } | undefined {
  const at = id.indexOf(':');
  const kind = id.slice(0, at);
  if (kind !== 'service' && kind !== 'volume' && kind !== 'network') return undefined;
  return { kind, name: id.slice(at + 1) };
}
