import type { Edge, Node } from '@xyflow/react';
import { autoLayout } from './model/layout';
import { nodeId, type BuilderModel, type LocatedProblem, type NodeKind } from './model/types';

export interface BuilderNodeData extends Record<string, unknown> {
  kind: NodeKind;
  name: string;
  /** Service nodes: the image (or "built"), published ports, replicas. */
  image?: string;
  ports?: string[];
  replicas?: number;
  problems: LocatedProblem[];
}

export type BuilderNode = Node<BuilderNodeData>;

export type EdgeKind = 'depends' | 'volume' | 'network';
export interface BuilderEdgeData extends Record<string, unknown> {
  kind: EdgeKind;
  from: string;
  to: string;
}
export type BuilderEdge = Edge<BuilderEdgeData>;

export const edgeId = (kind: EdgeKind, from: string, to: string): string => `${kind}:${from}>${to}`;

/** The canvas's nodes and edges for a model: saved positions, the layered layout for the rest. */
export function toFlow(model: BuilderModel, problems: LocatedProblem[], selected: string | undefined): { nodes: BuilderNode[]; edges: BuilderEdge[] } {
  const positions = autoLayout(model);
  const problemsOf = (kind: NodeKind, name: string) => problems.filter((p) => p.node?.kind === kind && p.node.name === name);
  const node = (kind: NodeKind, name: string, extra: Partial<BuilderNodeData> = {}): BuilderNode => {
    const id = nodeId(kind, name);
    return {
      id,
      type: kind,
      position: positions[kind][name] ?? { x: 0, y: 0 },
      selected: id === selected,
      ariaLabel: `${kind} ${name}`,
      // A first guess until the node is measured (the minimap and fitView use it; tests without layout too).
      initialWidth: kind === 'service' ? 200 : 130,
      initialHeight: kind === 'service' ? 64 : 40,
      data: { kind, name, problems: problemsOf(kind, name), ...extra },
    };
  };
  const nodes = [
    ...model.services.map((s) => node('service', s.name, { image: s.image ?? (s.build ? '(built)' : ''), ports: s.ports, replicas: s.replicas })),
    ...model.volumes.map((v) => node('volume', v)),
    ...model.networks.map((n) => node('network', n)),
  ];
  const services = new Set(model.services.map((s) => s.name));
  const edges: BuilderEdge[] = [];
  for (const s of model.services) {
    for (const d of s.dependsOn) {
      if (!services.has(d.service)) continue;
      const alias = s.links.find((l) => l.split(':')[0] === d.service)?.split(':')[1];
      const label = [d.condition === 'service_started' ? '' : d.condition.replace('service_', ''), alias ? `as ${alias}` : ''].filter(Boolean).join(', ');
      edges.push({
        id: edgeId('depends', s.name, d.service),
        source: nodeId('service', s.name),
        target: nodeId('service', d.service),
        label: label || undefined,
        ariaLabel: `${s.name} depends on ${d.service}`,
        markerEnd: 'arrow',
        data: { kind: 'depends', from: s.name, to: d.service },
      });
    }
    for (const v of new Set(s.volumes.map((m) => m.split(':')[0] ?? ''))) {
      if (!model.volumes.includes(v)) continue;
      edges.push({ id: edgeId('volume', s.name, v), source: nodeId('service', s.name), target: nodeId('volume', v), ariaLabel: `${s.name} mounts ${v}`, data: { kind: 'volume', from: s.name, to: v }, style: { strokeDasharray: '4 3' } });
    }
    for (const n of s.networks) {
      if (!model.networks.includes(n)) continue;
      edges.push({ id: edgeId('network', s.name, n), source: nodeId('service', s.name), target: nodeId('network', n), ariaLabel: `${s.name} on network ${n}`, data: { kind: 'network', from: s.name, to: n }, style: { strokeDasharray: '1 3' } });
    }
  }
  return { nodes, edges };
}
