import { describe, expect, it, vi } from 'vitest';
import {
  ok,
  type ComposeProjectSummary,
  type ImageSummary,
  type MethodName,
  type TaskInfo,
  type VolumeSummary,
} from '../api/contract';
import { createFakeClient } from '../testing/fakeClient';
import { connectedStatus, container, network as networkFixture } from '../testing/fixtures';
import { liveLists } from './lists';
import { bindEngine, createBerthStore } from './store';
import type { BerthState } from './types';

const image: ImageSummary = {
  id: 'sha256:i',
  repoTags: ['nginx:alpine'],
  repoDigests: [],
  size: 1,
  created: 0,
  containers: [],
  dangling: false,
  labels: {},
};
const volume: VolumeSummary = {
  name: 'data',
  driver: 'local',
  mountpoint: '/v/data',
  scope: 'local',
  labels: {},
  refCount: 0,
  usedBy: [],
  anonymous: false,
};
const network = networkFixture('shop_default', { id: 'net-id' });
const project: ComposeProjectSummary = {
  name: 'shop',
  status: 'running',
  services: 1,
  containers: { running: 1, total: 1 },
  origin: 'cli',
};

const task: TaskInfo = { id: 't1', kind: 'images.pull', title: 'Pull web', state: 'running', startedAt: 1, cancellable: true };

const listMethods: MethodName[] = [
  'containers.list',
  'images.list',
  'volumes.list',
  'networks.list',
  'compose.projects.list',
  'tasks.list',
  'nodes.list',
  'services.list',
  'stacks.list',
  'swarmTasks.list',
  'secrets.list',
  'configs.list',
  'security.list',
  'security.images',
];
const flushPromises = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const fake = createFakeClient({
    'engine.status': () => ok(connectedStatus),
    'containers.list': () => ok([]),
    'images.list': () => ok([]),
    'volumes.list': () => ok([]),
    'networks.list': () => ok([]),
    'compose.projects.list': () => ok([]),
    'tasks.list': () => ok([]),
    'nodes.list': () => ok([]),
    'services.list': () => ok([]),
    'stacks.list': () => ok([]),
    'swarmTasks.list': () => ok([]),
    'secrets.list': () => ok([]),
    'configs.list': () => ok([]),
    'security.list': () => ok([]),
    'security.images': () => ok([]),
  });
  const store = createBerthStore(fake.client);
  const frames: (() => void)[] = [];
  const dispose = bindEngine(store, fake.client, (run) => {
    frames.push(run);
    return () => undefined;
  });
  const runFrame = () => frames.splice(0).forEach((f) => f());
  return { fake, store, runFrame, dispose };
}

const keysOf = (s: BerthState) => ({
  containers: Object.keys(s.containers.items),
  images: Object.keys(s.images.items),
  volumes: Object.keys(s.volumes.items),
  networks: Object.keys(s.networks.items),
  composeProjects: Object.keys(s.composeProjects.items),
  tasks: Object.keys(s.tasks.items),
});

describe('the live-list registration', () => {
  it('registers the fourteen live lists', () => {
    const { store } = setup();
    const s = store.getState();
    expect(liveLists(s)).toEqual([
      s.containers,
      s.images,
      s.volumes,
      s.networks,
      s.composeProjects,
      s.tasks,
      s.swarmNodes,
      s.swarmServices,
      s.swarmStacks,
      s.swarmTasks,
      s.swarmSecrets,
      s.swarmConfigs,
      s.security,
      s.imageSecurity,
    ]);
  });

  it('keeps the swarm status and relists the swarm lists when the engine becomes a manager', async () => {
    const { fake, store } = setup();
    const inactive = { state: 'inactive' as const, isManager: false, remoteManagers: [] };
    fake.handlers['swarm.status'] = () => ok(inactive);
    fake.setTransport('open');
    await flushPromises();
    expect(store.getState().swarm.status).toEqual(inactive);
    expect(fake.callsOf('nodes.list')).toHaveLength(1);
    fake.emit('swarm.status', { ...inactive, state: 'active', isManager: true, clusterId: 'c1' });
    await flushPromises();
    expect(store.getState().swarm.status?.isManager).toBe(true);
    for (const method of ['nodes.list', 'services.list', 'stacks.list', 'swarmTasks.list', 'secrets.list', 'configs.list'] as const)
      expect(fake.callsOf(method), method).toHaveLength(2);
  });

  it('loads every list when the link opens and again when the engine is back to connected', async () => {
    const { fake, store } = setup();
    fake.setTransport('open');
    await flushPromises();
    for (const method of listMethods) expect(fake.callsOf(method), method).toHaveLength(1);
    expect(liveLists(store.getState()).every((l) => 'loaded' in l && l.loaded)).toBe(true);
    fake.emit('engine.status', { state: 'unreachable', since: 1 });
    fake.emit('engine.status', { state: 'connected', since: 2 });
    await flushPromises();
    for (const method of listMethods) expect(fake.callsOf(method), method).toHaveLength(2);
  });

  it('applies the change events of every domain, compose too, in one store update per frame', async () => {
    const { fake, store, runFrame, dispose } = setup();
    fake.setTransport('open');
    await flushPromises();
    const listener = vi.fn();
    store.subscribe(listener);
    fake.emit('containers.changed', { kind: 'patch', upserts: [container('web')], removed: [] });
    fake.emit('images.changed', { kind: 'patch', upserts: [image], removed: [] });
    fake.emit('volumes.changed', { kind: 'patch', upserts: [volume], removed: [] });
    fake.emit('networks.changed', { kind: 'patch', upserts: [network], removed: [] });
    fake.emit('compose.changed', { kind: 'patch', upserts: [project], removed: [] });
    fake.emit('compose.changed', { kind: 'patch', upserts: [{ ...project, name: 'blog' }], removed: [] });
    fake.emit('tasks.changed', { kind: 'patch', upserts: [task], removed: [] });
    expect(listener).not.toHaveBeenCalled();
    runFrame();
    // One update per list that changed in the frame (each list is its own batch), never one per event.
    expect(listener).toHaveBeenCalledTimes(6);
    expect(keysOf(store.getState())).toEqual({
      containers: ['web-id'],
      images: ['sha256:i'],
      volumes: ['data'],
      networks: ['net-id'],
      composeProjects: ['shop', 'blog'],
      tasks: ['t1'],
    });
    dispose();
    fake.emit('compose.changed', { kind: 'reset', items: [] });
    runFrame();
    expect(Object.keys(store.getState().composeProjects.items)).toEqual(['shop', 'blog']);
  });
});
