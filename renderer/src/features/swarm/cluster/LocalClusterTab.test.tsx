// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { fail, ok, type ImageSummary, type LocalClusterStatus, type TaskInfo } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore } from '../../../testing/render';
import { LocalClusterTab } from './LocalClusterTab';

const mechanisms: LocalClusterStatus['mechanisms'] = [
  { mechanism: 'netns', usable: true },
  { mechanism: 'dind', usable: false, reason: 'the image docker:dind is not on this engine' },
];
const none: LocalClusterStatus = { exists: false, mechanisms, nodes: [], connected: false };
const node = (i: number, overrides: Partial<LocalClusterStatus['nodes'][number]> = {}) => ({
  name: `berth-node${i}`,
  hostname: `berth-node${i}`,
  role: i === 1 ? ('manager' as const) : ('worker' as const),
  address: `10.99.0.${i + 1}`,
  endpoint: `unix:///run/berth/node${i}.sock`,
  state: 'running' as const,
  nodeId: `n${i}`,
  ...overrides,
});
const existing: LocalClusterStatus = {
  exists: true,
  name: 'berth-local',
  mechanism: 'netns',
  mechanisms,
  nodes: [node(1), node(2), node(3, { state: 'stopped' })],
  managerEndpoint: 'unix:///run/berth/node1.sock',
  connected: false,
  createdAt: Date.parse('2026-12-07T12:00:00Z'),
};
const image = { id: 'sha256:1', repoTags: ['berth-test/busybox:latest'], repoDigests: [], size: 1, created: 1, containers: [], dangling: false, labels: {} } as ImageSummary;
const runningTask = (id: string, title: string): TaskInfo => ({ id, kind: 'cluster.create', title, state: 'running', startedAt: 1, cancellable: false, message: 'starting berth-node2' });

function setup(status: LocalClusterStatus, handlers = {}) {
  return renderWithStore(<LocalClusterTab />, {
    'engine.status': () => ok(connectedStatus),
    'cluster.status': () => ok(status),
    'images.list': () => ok([image]),
    ...handlers,
  });
}

describe('LocalClusterTab', { timeout: 20_000 }, () => {
  it('explains a local cluster, disables mechanisms that cannot work here with the reason, and creates one', async () => {
    const { fake, user } = setup(none, { 'cluster.create': () => ok({ taskId: 't1' }) });
    expect(await screen.findByText(/multi-node swarm running entirely on this machine/)).toBeInTheDocument();
    expect(screen.getByText(/This machine uses: Namespaced engines/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Docker-in-Docker/ })).toBeDisabled();
    expect(screen.getByText(/Not available here: the image docker:dind is not on this engine/)).toBeInTheDocument();
    const managers = screen.getByRole('spinbutton', { name: 'Managers' });
    await user.clear(managers);
    await user.type(managers, '4');
    expect(screen.getByText('More managers than nodes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create local cluster' })).toBeDisabled();
    await user.clear(managers);
    await user.type(managers, '1');
    await user.click(screen.getByRole('radio', { name: /Namespaced engines/ }));
    await user.click(screen.getByRole('button', { name: 'Create local cluster' }));
    expect(fake.callsOf('cluster.create')).toEqual([{ nodes: 3, managers: 1, mechanism: 'netns' }]);
    act(() => fake.emit('tasks.changed', { kind: 'patch', upserts: [runningTask('t1', 'Create local cluster (3 nodes)')], removed: [] }));
    expect(await screen.findByRole('region', { name: 'Progress of Create local cluster (3 nodes)' })).toHaveTextContent('starting berth-node2');
    expect(screen.getByRole('button', { name: 'Create local cluster' })).toBeDisabled();
  });

  it('shows what the backend refused where the user acted', async () => {
    const { user } = setup(none, { 'cluster.create': () => fail('CONFLICT', 'A local cluster already exists (berth-local).') });
    await user.click(await screen.findByRole('button', { name: 'Create local cluster' }));
    expect(await screen.findByText('A local cluster already exists (berth-local).')).toBeInTheDocument();
  });

  it('lists the nodes with their state and connects Berth to the manager and back', async () => {
    const { fake, user } = setup(existing, {
      'cluster.connect': ({ to }: { to: 'manager' | 'previous' }) => ok({ ...existing, connected: to === 'manager' }),
    });
    const rows = await screen.findByRole('table', { name: 'Cluster nodes' });
    expect(within(rows).getByRole('row', { name: 'berth-node3' })).toHaveTextContent('stopped');
    expect(within(rows).getByRole('row', { name: 'berth-node1' })).toHaveTextContent('manager');
    await user.click(screen.getByRole('button', { name: 'Connect Berth to this cluster' }));
    expect(fake.callsOf('cluster.connect')).toEqual([{ to: 'manager' }]);
    await user.click(await screen.findByRole('button', { name: 'Back to my engine' }));
    expect(fake.callsOf('cluster.connect')).toEqual([{ to: 'manager' }, { to: 'previous' }]);
    expect(await screen.findByRole('button', { name: 'Connect Berth to this cluster' })).toBeInTheDocument();
  });

  it('starts stopped nodes again and loads an image onto the nodes', async () => {
    const { fake, user } = setup(existing, {
      'cluster.start': () => ok({ taskId: 't2' }),
      'cluster.loadImage': () => ok({ taskId: 't3' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Start again' }));
    expect(fake.callsOf('cluster.start')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Load image' })).toBeDisabled();
    await user.click(screen.getByRole('combobox', { name: 'Image to load onto the nodes' }));
    await user.click(await screen.findByRole('option', { name: 'berth-test/busybox:latest' }));
    await user.click(screen.getByRole('button', { name: 'Load image' }));
    expect(fake.callsOf('cluster.loadImage')).toEqual([{ image: 'berth-test/busybox:latest' }]);
  });

  it('destroys the cluster only after the user confirms what is lost', async () => {
    const { fake, user } = setup(existing, { 'cluster.destroy': () => ok({ taskId: 't4' }) });
    await user.click(await screen.findByRole('button', { name: 'Destroy cluster' }));
    const dialog = screen.getByRole('dialog', { name: 'Destroy the local cluster berth-local?' });
    expect(dialog).toHaveTextContent('Its 3 nodes stop and are removed with their data');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsOf('cluster.destroy')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Destroy cluster' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Destroy' }));
    expect(fake.callsOf('cluster.destroy')).toHaveLength(1);
  });

  it('follows cluster.status events (a node coming up)', async () => {
    const { fake } = setup(existing);
    await screen.findByRole('table', { name: 'Cluster nodes' });
    act(() => fake.emit('cluster.status', { ...existing, nodes: [node(1), node(2), node(3, { state: 'failed', error: 'dockerd exited: address in use' })] }));
    expect(screen.getByRole('row', { name: 'berth-node3' })).toHaveTextContent('dockerd exited: address in use');
  });
});
