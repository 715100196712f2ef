import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { BuilderModel, DependsCondition, NodeKind, Position, ServiceModel } from './types';
import { LAYOUT_KEY } from './types';

export type ParseResult =
  | { ok: true; doc: Document; model: BuilderModel }
  | { ok: false; message: string; line: number; col: number };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap((x) => (isRecord(x) ? [describeLong(x)] : (str(x) ?? []))) : [];

/** The long syntax of a port or volume (`{target: 80, published: 8080}`) in its short form, for display. */
function describeLong(x: Record<string, unknown>): string {
  const source = str(x.published) ?? str(x.source);
  const target = str(x.target) ?? '';
  return source ? `${source}:${target}` : target;
}

const CONDITIONS: readonly DependsCondition[] = ['service_started', 'service_healthy', 'service_completed_successfully'];

/** YAML text → its document and the model the canvas shows; a syntax error says where, and nothing else changes. */
export function parseBuilder(text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    return { ok: false, message: error.message.split('\n')[0] ?? error.message, line: pos.line, col: pos.col };
  }
  const root: unknown = doc.toJS({ maxAliasCount: 1000 });
  // An emptied editor (select all, then type) is a moment, not an empty app: keep the canvas meanwhile.
  if (root === null || root === undefined) return { ok: false, message: 'The file is empty: a compose file starts with services:', line: 1, col: 1 };
  if (!isRecord(root)) {
    return { ok: false, message: 'A compose file is a mapping (services:, volumes:, networks:)', line: 1, col: 1 };
  }
  return { ok: true, doc, model: modelOf(root) };
}

/** The model of an already parsed document (after an edit). */
export function modelOfDocument(doc: Document): BuilderModel {
  const root: unknown = doc.toJS({ maxAliasCount: 1000 });
  return modelOf(isRecord(root) ? root : {});
}

function modelOf(root: Record<string, unknown>): BuilderModel {
  const services = isRecord(root.services) ? root.services : {};
  return {
    services: Object.entries(services).map(([name, s]) => serviceOf(name, isRecord(s) ? s : {})),
    volumes: isRecord(root.volumes) ? Object.keys(root.volumes) : [],
    networks: isRecord(root.networks) ? Object.keys(root.networks) : [],
    layout: layoutOf(root[LAYOUT_KEY]),
  };
}

function serviceOf(name: string, s: Record<string, unknown>): ServiceModel {
  const deploy = isRecord(s.deploy) ? s.deploy : {};
  const limits = isRecord(deploy.resources) && isRecord(deploy.resources.limits) ? deploy.resources.limits : {};
  const health = isRecord(s.healthcheck) ? s.healthcheck : undefined;
  const test = health ? (Array.isArray(health.test) ? strings(health.test).filter((t, i) => i > 0 || !t.startsWith('CMD')).join(' ') : str(health.test)) : undefined;
  const replicas = deploy.replicas ?? s.scale;
  return {
    name,
    image: str(s.image),
    build: s.build !== undefined,
    ports: strings(s.ports),
    environment: environmentOf(s.environment),
    volumes: strings(s.volumes),
    networks: isRecord(s.networks) ? Object.keys(s.networks) : strings(s.networks),
    dependsOn: dependsOf(s.depends_on),
    links: strings(s.links),
    command: Array.isArray(s.command) ? strings(s.command).join(' ') : str(s.command),
    replicas: typeof replicas === 'number' ? replicas : undefined,
    restart: str(s.restart),
    healthcheck: test !== undefined ? { test, interval: str(health?.interval) } : undefined,
    cpus: str(limits.cpus),
    memory: str(limits.memory),
  };
}

function environmentOf(v: unknown): [string, string][] {
  if (Array.isArray(v)) {
    return strings(v).map((e) => {
      const at = e.indexOf('=');
      return at < 0 ? [e, ''] : [e.slice(0, at), e.slice(at + 1)];
    });
  }
  if (isRecord(v)) return Object.entries(v).map(([k, x]) => [k, str(x) ?? '']);
  return [];
}

function dependsOf(v: unknown): ServiceModel['dependsOn'] {
  if (Array.isArray(v)) return strings(v).map((service) => ({ service, condition: 'service_started' }));
  if (!isRecord(v)) return [];
  return Object.entries(v).map(([service, d]) => {
    const c = isRecord(d) ? str(d.condition) : undefined;
    return { service, condition: CONDITIONS.find((x) => x === c) ?? 'service_started' };
  });
}

function layoutOf(v: unknown): BuilderModel['layout'] {
  const layout: BuilderModel['layout'] = { service: {}, volume: {}, network: {} };
  if (!isRecord(v)) return layout;
  const groups: [NodeKind, unknown][] = [['service', v.services], ['volume', v.volumes], ['network', v.networks]];
  for (const [kind, group] of groups) {
    if (!isRecord(group)) continue;
    for (const [name, p] of Object.entries(group)) {
      const pos = positionOf(p);
      if (pos) layout[kind][name] = pos;
    }
  }
  return layout;
}

function positionOf(p: unknown): Position | undefined {
  if (isRecord(p) && typeof p.x === 'number' && typeof p.y === 'number') return { x: p.x, y: p.y };
  if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') return { x: p[0], y: p[1] };
  return undefined;
}

/** Whether the document's node at `path` is a sequence (list syntax), e.g. `depends_on: [db]`. */
export const isListAt = (doc: Document, path: (string | number)[]): boolean => isSeq(doc.getIn(path, true));
export const isMapAt = (doc: Document, path: (string | number)[]): boolean => isMap(doc.getIn(path, true));
