import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { isListAt } from './derive';
import type { DependsCondition, NodeKind, Position } from './types';
import { LAYOUT_KEY } from './types';

// Canvas edits patch the YAML document in place (yaml's Document API), so the user's comments, key order and
// styles stay wherever the edit does not touch them.

type Path = (string | number)[];
const svc = (name: string, ...rest: Path): Path => ['services', name, ...rest];

/** A key whose value is removed when empty, so an edit never leaves `ports: []` behind. */
function setOrDelete(doc: Document, path: Path, value: unknown): void {
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    pruneEmpty(doc, path.slice(0, -1));
  } else {
    doc.setIn(path, doc.createNode(value));
  }
}

/** Removes now-empty mappings up the path (e.g. `deploy: {resources: {limits: {}}}`), never a service itself. */
function pruneEmpty(doc: Document, path: Path): void {
  for (let p = path; p.length > 2 || (p.length === 2 && p[0] !== 'services'); p = p.slice(0, -1)) {
    const node = doc.getIn(p, true);
    if ((isMap(node) || isSeq(node)) && node.items.length === 0) doc.deleteIn(p);
    else return;
  }
}

/** `services: {}` grows into a block mapping, not a one-line flow mapping. */
function blockWhenEmpty(node: YAMLMap): YAMLMap {
  if (node.flow && node.items.length === 0) node.flow = false;
  return node;
}

function services(doc: Document): YAMLMap {
  const node = doc.get('services', true);
  if (isMap(node)) return blockWhenEmpty(node);
  const created = doc.createNode({}) as YAMLMap;
  doc.set('services', created);
  return created;
}

export const hasService = (doc: Document, name: string): boolean => doc.hasIn(['services', name]);

/** `base`, or `base-2`, `base-3`, … the first name not taken in `taken`. */
export function uniqueName(base: string, taken: (name: string) => boolean): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '') || 'service';
  if (!taken(clean)) return clean;
  for (let i = 2; ; i++) if (!taken(`${clean}-${i}`)) return `${clean}-${i}`;
}

/** The service name an image suggests: `registry:5000/team/web-app:1.2` → `web-app`. */
export function nameFromImage(image: string): string {
  const path = image.split('@')[0] ?? image;
  const last = path.split('/').pop() ?? path;
  return last.split(':')[0] ?? last;
}

/** Adds a service (from `definition` when copied from a template or pasted) under a unique name; returns it. */
export function addService(doc: Document, opts: { image?: string; name?: string; definition?: unknown }): string {
  const name = uniqueName(opts.name ?? (opts.image ? nameFromImage(opts.image) : 'service'), (n) => hasService(doc, n));
  const definition = opts.definition ?? (opts.image ? { image: opts.image } : { image: '' });
  services(doc).set(name, doc.createNode(definition));
  return name;
}

/** Removes a service and every reference other services make to it (depends_on, links). */
export function removeService(doc: Document, name: string): void {
  doc.deleteIn(svc(name));
  const all = services(doc);
  for (const item of all.items) {
    const other = isScalar(item.key) ? String(item.key.value) : undefined;
    if (other) unlink(doc, other, name);
  }
  removeLayout(doc, 'service', name);
}

export function setImage(doc: Document, name: string, image: string): void {
  doc.setIn(svc(name, 'image'), image);
}

/** Lists one per line in the editor: ports, volumes. */
export function setList(doc: Document, name: string, key: 'ports' | 'volumes', values: string[]): void {
  setOrDelete(doc, svc(name, key), values);
}

/** Environment in the style the file already uses (list of `K=V` or mapping); a new one as a mapping. */
export function setEnvironment(doc: Document, name: string, pairs: [string, string][]): void {
  const path = svc(name, 'environment');
  if (pairs.length === 0) return setOrDelete(doc, path, undefined);
  if (isListAt(doc, path)) setOrDelete(doc, path, pairs.map(([k, v]) => `${k}=${v}`));
  else setOrDelete(doc, path, Object.fromEntries(pairs));
}

export type ScalarField = 'command' | 'restart' | 'replicas' | 'healthcheck' | 'interval' | 'cpus' | 'memory';
const FIELD_PATH: Record<ScalarField, Path> = {
  command: ['command'],
  restart: ['restart'],
  replicas: ['deploy', 'replicas'],
  healthcheck: ['healthcheck', 'test'],
  interval: ['healthcheck', 'interval'],
  cpus: ['deploy', 'resources', 'limits', 'cpus'],
  memory: ['deploy', 'resources', 'limits', 'memory'],
};

/** One scalar of the service editor; an empty value removes the key. */
export function setField(doc: Document, name: string, field: ScalarField, value: string): void {
  const trimmed = value.trim();
  if (field === 'replicas') {
    const n = Number(trimmed);
    return setOrDelete(doc, svc(name, ...FIELD_PATH.replicas), trimmed === '' || !Number.isInteger(n) ? undefined : n);
  }
  if (field === 'healthcheck') {
    return setOrDelete(doc, svc(name, ...FIELD_PATH.healthcheck), trimmed === '' ? undefined : ['CMD-SHELL', trimmed]);
  }
  setOrDelete(doc, svc(name, ...FIELD_PATH[field]), trimmed === '' ? undefined : trimmed);
}

/** Puts a service on a network, keeping it on `default` when it was there implicitly (so nothing else breaks). */
export function attachNetwork(doc: Document, name: string, network: string): void {
  const path = svc(name, 'networks');
  const node = doc.getIn(path, true);
  if (isMap(node)) {
    if (!node.has(network)) node.set(network, null);
  } else if (isSeq(node)) {
    if (!node.items.some((i) => isScalar(i) && i.value === network)) node.add(doc.createNode(network));
  } else {
    doc.setIn(path, doc.createNode(network === 'default' ? ['default'] : ['default', network]));
  }
  if (network !== 'default') declare(doc, 'networks', network);
}

export function detachNetwork(doc: Document, name: string, network: string): void {
  const path = svc(name, 'networks');
  const node = doc.getIn(path, true);
  if (isMap(node)) node.delete(network);
  else if (isSeq(node)) node.items = node.items.filter((i) => !(isScalar(i) && i.value === network));
  pruneEmpty(doc, [...path]);
}

/** Mounts a named volume (declared at the top level if needed) at `target`. */
export function mountVolume(doc: Document, name: string, volume: string, target: string): void {
  const path = svc(name, 'volumes');
  const entry = `${volume}:${target}`;
  const node = doc.getIn(path, true);
  if (isSeq(node)) node.add(doc.createNode(entry));
  else doc.setIn(path, doc.createNode([entry]));
  declare(doc, 'volumes', volume);
}

export function unmountVolume(doc: Document, name: string, volume: string): void {
  const path = svc(name, 'volumes');
  const node = doc.getIn(path, true);
  if (!isSeq(node)) return;
  // Short syntax ("data:/var/lib") and long syntax ({ type: volume, source: data, target: ... }) both.
  node.items = node.items.filter((i) => !((isScalar(i) && String(i.value).split(':')[0] === volume) || (isMap(i) && i.get('source') === volume)));
  pruneEmpty(doc, [...path]);
}

/** A top-level volume or network, declared once (as `name:` with no options, or `{}` when the block is flow style). */
export function declare(doc: Document, kind: 'volumes' | 'networks', name: string): void {
  const node = doc.get(kind, true);
  if (isMap(node)) {
    if (!node.has(name)) blockWhenEmpty(node).set(name, null);
  } else {
    doc.set(kind, doc.createNode({ [name]: null }));
  }
}

export function removeDeclared(doc: Document, kind: 'volumes' | 'networks', name: string): void {
  doc.deleteIn([kind, name]);
  const node = doc.get(kind, true);
  if (isMap(node) && node.items.length === 0) doc.delete(kind);
  removeLayout(doc, kind === 'volumes' ? 'volume' : 'network', name);
}

/** The network two services share (explicit, or `default` when both use it implicitly). */
export function sharedNetwork(a: string[], b: string[]): string | undefined {
  const na = a.length ? a : ['default'];
  const nb = b.length ? b : ['default'];
  return na.find((n) => nb.includes(n));
}

function networksOf(doc: Document, name: string): string[] {
  const node = doc.getIn(svc(name, 'networks'), true);
  if (isMap(node)) return node.items.map((i) => (isScalar(i.key) ? String(i.key.value) : ''));
  if (isSeq(node)) return node.items.map((i) => (isScalar(i) ? String(i.value) : ''));
  return [];
}

export interface Connection {
  condition?: DependsCondition;
  /** The network both are put on; default: one they share, or the first of `to`'s. */
  network?: string;
  /** `links: [to:alias]`; empty removes the link. */
  alias?: string;
}

/** `from` depends on `to` and both are on a shared network: what drawing an edge between two services means. */
export function connect(doc: Document, from: string, to: string, c: Connection = {}): void {
  const path = svc(from, 'depends_on');
  const condition = c.condition ?? 'service_started';
  const node = doc.getIn(path, true);
  if (isSeq(node) && condition === 'service_started') {
    if (!node.items.some((i) => isScalar(i) && i.value === to)) node.add(doc.createNode(to));
  } else if (isSeq(node)) {
    // A condition needs the long syntax: convert the list, keeping the others as started.
    const names = node.items.flatMap((i) => (isScalar(i) ? [String(i.value)] : []));
    doc.setIn(path, doc.createNode(Object.fromEntries(names.map((n) => [n, { condition: 'service_started' }]))));
    doc.setIn([...path, to], doc.createNode({ condition }));
  } else if (isMap(node)) {
    doc.setIn([...path, to], doc.createNode({ condition }));
  } else {
    doc.setIn(path, doc.createNode(condition === 'service_started' ? [to] : { [to]: { condition } }));
  }
  const network = c.network ?? sharedNetwork(networksOf(doc, from), networksOf(doc, to)) ?? networksOf(doc, to)[0];
  if (network && !(network === 'default' && !networksOf(doc, from).length && !networksOf(doc, to).length)) {
    attachNetwork(doc, from, network);
    attachNetwork(doc, to, network);
  }
  if (c.alias !== undefined) setLink(doc, from, to, c.alias);
}

function setLink(doc: Document, from: string, to: string, alias: string): void {
  const path = svc(from, 'links');
  const node = doc.getIn(path, true);
  const kept = isSeq(node) ? node.items.flatMap((i) => (isScalar(i) && String(i.value).split(':')[0] !== to ? [String(i.value)] : [])) : [];
  setOrDelete(doc, path, alias.trim() ? [...kept, `${to}:${alias.trim()}`] : kept);
}

/** Removes `from`'s dependency on and link to `to` (networks stay: other services may rely on them). */
export function unlink(doc: Document, from: string, to: string): void {
  const path = svc(from, 'depends_on');
  const node = doc.getIn(path, true);
  if (isMap(node)) node.delete(to);
  else if (isSeq(node)) node.items = node.items.filter((i) => !(isScalar(i) && i.value === to));
  pruneEmpty(doc, [...path]);
  setLink(doc, from, to, '');
}

/** Writes positions into `x-berth-layout` (flow style, one short line per node), rounded to whole pixels. */
export function setLayout(doc: Document, positions: { kind: NodeKind; name: string; position: Position }[]): void {
  for (const { kind, name, position } of positions) {
    const value = doc.createNode({ x: Math.round(position.x), y: Math.round(position.y) }) as Node & { flow?: boolean };
    value.flow = true;
    doc.setIn([LAYOUT_KEY, `${kind}s`, name], value);
  }
}

function removeLayout(doc: Document, kind: NodeKind, name: string): void {
  if (doc.hasIn([LAYOUT_KEY, `${kind}s`, name])) doc.deleteIn([LAYOUT_KEY, `${kind}s`, name]);
}

/** A copy of a service's definition (for copy/paste), as plain data. */
export function serviceDefinition(doc: Document, name: string): unknown {
  const node = doc.getIn(svc(name), true);
  return isMap(node) ? node.toJSON() : undefined;
}
