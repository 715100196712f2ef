import type { Document } from 'yaml';
import type { BuilderEdgeData, BuilderNodeData } from './flowModel';
import type { Selection } from './builderStore';
import { attachNetwork, connect, detachNetwork, mountVolume, removeDeclared, removeService, unlink, unmountVolume } from './model/edits';
import type { NodeKind } from './model/types';

type Edit = <T>(change: (doc: Document) => T, key?: string) => T | undefined;
type End = { kind: NodeKind; name: string };

/**
 * What connecting two nodes means: service → service adds depends_on and a shared network; service ↔ volume
 * mounts it (at /data/<volume>, editable); service ↔ network attaches. Either direction works.
 */
export function connectNodes(edit: Edit, a: End, b: End): { ok: boolean; message: string; selection?: Selection } {
  const [service, other] = a.kind === 'service' ? [a, b] : [b, a];
  if (service.kind !== 'service') return { ok: false, message: 'Connect a service to a service, a volume or a network' };
  if (other.kind === 'service') {
    if (other.name === service.name) return { ok: false, message: 'A service cannot depend on itself' };
    edit((doc) => connect(doc, service.name, other.name));
    return { ok: true, message: `${service.name} now depends on ${other.name}`, selection: { kind: 'edge', from: service.name, to: other.name } };
  }
  if (other.kind === 'volume') {
    edit((doc) => mountVolume(doc, service.name, other.name, `/data/${other.name}`));
    return { ok: true, message: `${service.name} mounts ${other.name} at /data/${other.name}` };
  }
  edit((doc) => attachNetwork(doc, service.name, other.name));
  return { ok: true, message: `${service.name} is on network ${other.name}` };
}

export function removeNodes(edit: Edit, nodes: BuilderNodeData[]): string {
  edit((doc) => {
    for (const n of nodes) {
      if (n.kind === 'service') removeService(doc, n.name);
      else removeDeclared(doc, n.kind === 'volume' ? 'volumes' : 'networks', n.name);
    }
  });
  return `Removed ${nodes.map((n) => `${n.kind} ${n.name}`).join(', ')}`;
}

export function removeEdges(edit: Edit, edges: BuilderEdgeData[]): string {
  edit((doc) => {
    for (const e of edges) {
      if (e.kind === 'depends') unlink(doc, e.from, e.to);
      else if (e.kind === 'volume') unmountVolume(doc, e.from, e.to);
      else detachNetwork(doc, e.from, e.to);
    }
  });
  return `Removed ${edges.map((e) => (e.kind === 'depends' ? `${e.from} → ${e.to}` : `${e.from} – ${e.to}`)).join(', ')}`;
}
