// @vitest-environment jsdom
import { createElement, memo, type ComponentProps, type FunctionComponent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { ok, type SwarmNode, type SwarmTask } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../../testing/render';
import { managerStatus, swarmNode, swarmTask, threeNodeSwarm } from './testing/swarmFixtures';
import type * as nodeColumnModule from './NodeColumn';
import { VisualizerTab } from './VisualizerTab';

type NodeColumnModule = typeof nodeColumnModule;

/** Renders per node column. The mock wraps the real column in the same default memo, so the count is what the
 * real memoized column would do: it renders only when its props change. */
const columnRenders = vi.hoisted(() => new Map<string, number>());
vi.mock('./NodeColumn', async (importOriginal) => {
  const real = await importOriginal<NodeColumnModule>();
  type Props = ComponentProps<typeof real.NodeColumn>;
  const inner = (real.NodeColumn as unknown as { type: FunctionComponent<Props> }).type;
  const Counting = (props: Props) => {
    columnRenders.set(props.column.key, (columnRenders.get(props.column.key) ?? 0) + 1);
    return createElement(inner, props);
  };
  return { NodeColumn: memo(Counting) };
});

withFakeLayout(700, 1400);

function setup({ nodes, tasks, services } = threeNodeSwarm(), status = managerStatus) {
  return renderWithStore(<VisualizerTab />, {
    'engine.status': () => ok(connectedStatus),
    'swarm.status': () => ok(status),
    'nodes.list': () => ok(nodes),
    'services.list': () => ok(services),
    'swarmTasks.list': () => ok(tasks),
  });
}

const board = () => screen.getByRole('region', { name: 'Nodes and their tasks' });
const column = (name: string | RegExp) => within(board()).getByRole('group', { name });
const columnNames = () => within(board()).getAllByRole('group').map((g) => g.getAttribute('aria-label'));
const cardNames = (name: string) =>
  within(column(name))
    .queryAllByRole('button')
    .map((b) => b.getAttribute('aria-label')?.split(':')[0]);

describe('VisualizerTab', { timeout: 20_000 }, () => {
  it('draws one column per node with its facts and the tasks on it', async () => {
    setup();
    const node1 = await screen.findByRole('group', { name: 'node1' });
    expect(within(node1).getByText('manager · ready')).toBeInTheDocument();
    expect(within(node1).getByLabelText('leader')).toBeInTheDocument();
    expect(within(node1).getByText(/2 CPU · 3\.7 GiB · 1 task/)).toBeInTheDocument();
    expect(cardNames('node2')).toEqual(['api.1', 'web.2']);
    expect(cardNames('node3')).toEqual(['api.2', 'web.3']);
    expect(screen.getByRole('status')).toHaveTextContent('3 nodes · 5 tasks shown');
  });

  it("marks a local cluster node down as soon as Berth sees its engine stop, before the manager does", async () => {
    const { fake } = setup();
    await screen.findByRole('group', { name: 'node3' });
    const localNode = (i: number, state: string) => ({ name: `berth-node${i}`, hostname: `node${i}`, role: i === 1 ? 'manager' : 'worker', address: '', endpoint: '', state, nodeId: `node${i}-id` });
    act(() => fake.emit('cluster.status', { exists: true, connected: true, mechanisms: [], nodes: [localNode(1, 'running'), localNode(2, 'running'), localNode(3, 'stopped')] } as never));
    expect(await within(await screen.findByRole('group', { name: 'node3 (down)' })).findByText('worker · down')).toHaveAttribute('title', expect.stringMatching(/^Its engine stopped \(local cluster\)/) as unknown);
    expect(within(column('node2')).getByText('worker · ready')).toBeInTheDocument();
  });

  it('filters by service, stack and node', async () => {
    const { user } = setup();
    await screen.findByRole('group', { name: 'node1' });
    await user.click(screen.getByRole('combobox', { name: 'Service' }));
    await user.click(screen.getByRole('option', { name: 'api' }));
    expect(cardNames('node2')).toEqual(['api.1']);
    expect(cardNames('node1')).toEqual([]);
    await user.click(screen.getByRole('combobox', { name: 'Service' }));
    await user.click(screen.getByRole('option', { name: 'All' }));
    await user.click(screen.getByRole('combobox', { name: 'Stack' }));
    await user.click(screen.getByRole('option', { name: 'shop' }));
    expect(cardNames('node2')).toEqual(['web.2']);
    await user.click(screen.getByRole('combobox', { name: 'Node' }));
    await user.click(screen.getByRole('option', { name: 'node3' }));
    expect(columnNames()).toEqual(['node3']);
  });

  it('shows stopped tasks and node labels on demand', async () => {
    const swarm = threeNodeSwarm();
    swarm.tasks.push(swarmTask('web', 2, 'node1', { id: 'old-web-2', state: 'shutdown', desiredState: 'shutdown', createdAt: 1 }));
    const { user } = setup(swarm);
    await screen.findByRole('group', { name: 'node1' });
    expect(cardNames('node1')).toEqual(['web.1']);
    await user.click(screen.getByRole('switch', { name: 'Show stopped tasks' }));
    expect(cardNames('node1')).toEqual(['web.1', 'web.2']);
    expect(screen.queryByText('zone=b')).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Node labels' }));
    expect(within(screen.getByLabelText('Labels of node2')).getByText('zone=b')).toBeInTheDocument();
  });

  it('marks a node that goes down or is drained at once', async () => {
    const { fake } = setup();
    await screen.findByRole('group', { name: 'node3' });
    act(() =>
      fake.emit('nodes.changed', {
        kind: 'patch',
        upserts: [swarmNode('node3', { state: 'down', message: 'heartbeat failure' }), swarmNode('node2', { availability: 'drain', labels: { zone: 'b' } })],
        removed: [],
      }),
    );
    expect(column('node3 (down)')).toBeInTheDocument();
    expect(column('node2 (drained)')).toBeInTheDocument();
  });

  it('re-renders only the column of a task that changed', async () => {
    const swarm = threeNodeSwarm();
    const { fake } = setup(swarm);
    await screen.findByRole('group', { name: 'node3' });
    const before = new Map(columnRenders);
    const task = swarm.tasks[3] as SwarmTask; // api.1 on node2
    act(() => fake.emit('swarmTasks.changed', { kind: 'patch', upserts: [{ ...task, state: 'failed', error: 'task: non-zero exit (1)' }], removed: [] }));
    expect(within(column('node2')).getByRole('button', { name: /^api\.1: failed/ })).toBeInTheDocument();
    const delta = (key: string) => (columnRenders.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(delta('node2-id')).toBe(1);
    expect(delta('node1-id')).toBe(0);
    expect(delta('node3-id')).toBe(0);
  });

  it('shows a task moving to another node', async () => {
    const swarm = threeNodeSwarm();
    const { fake } = setup(swarm);
    await screen.findByRole('group', { name: 'node3' });
    const web3 = swarm.tasks[2] as SwarmTask;
    const moved = swarmTask('web', 3, 'node1', { id: 'web-3-again', stack: 'shop', createdAt: Date.now() });
    act(() =>
      fake.emit('swarmTasks.changed', {
        kind: 'patch',
        upserts: [{ ...web3, state: 'shutdown', desiredState: 'shutdown' }, moved],
        removed: [],
      }),
    );
    expect(cardNames('node3')).toEqual(['api.2']);
    expect(within(column('node1')).getByRole('button', { name: 'web.3: running, moved from node3' })).toBeInTheDocument();
  });

  it('opens a task’s own log lines from its service’s log stream', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: /^web\.2: running/ }));
    const stream = fake.openStream('services.logs');
    expect(stream.params).toMatchObject({ id: 'web-sid', follow: true });
    act(() =>
      stream.data({
        lines: [
          { stream: 'stdout', text: 'hello from web.2', task: 'web-2-node2-tid', node: 'node2-id' },
          { stream: 'stdout', text: 'hello from web.1', task: 'web-1-node1-tid', node: 'node1-id' },
        ],
      }),
    );
    const log = await screen.findByRole('log', { name: 'Log lines of web.2' });
    expect(await within(log).findByText('hello from web.2')).toBeInTheDocument();
    expect(within(log).queryByText('hello from web.1')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(stream.closed).toBe(true);
  });

  describe('at 50 nodes and 1,000 tasks', () => {
    // A small window, so jsdom renders few cards (the virtualized board renders only what is in view).
    withFakeLayout(240, 700);

    it('switches to dense cards by itself for a large cluster, and to counts or cards on request', async () => {
      const nodes: SwarmNode[] = Array.from({ length: 50 }, (_, i) => swarmNode(`n${String(i).padStart(2, '0')}`));
      const tasks: SwarmTask[] = Array.from({ length: 1000 }, (_, i) =>
        swarmTask(`svc${i % 10}`, Math.floor(i / 10) + 1, `n${String(i % 50).padStart(2, '0')}`),
      );
      const { user } = setup({ nodes, tasks, services: [] });
      await screen.findByRole('group', { name: 'n00' });
      expect(screen.getByRole('button', { name: 'Auto (dense)' })).toHaveAttribute('aria-pressed', 'true');
      expect(screen.getByRole('status')).toHaveTextContent('50 nodes · 1000 tasks shown');
      // Virtualized: only the columns in view (and a few more) are in the DOM.
      expect(columnNames().length).toBeLessThan(15);
      await user.click(screen.getByRole('button', { name: 'Counts' }));
      expect(within(column('n00')).getByLabelText('20 of 20 running')).toBeInTheDocument();
      expect(within(column('n00')).queryAllByRole('button')).toHaveLength(0);
      await user.click(screen.getByRole('button', { name: 'Cards' }));
      expect(within(column('n00')).getAllByRole('button').length).toBeGreaterThan(0);
    });
  });

  it('says why there is nothing to show when the engine is not a manager', async () => {
    setup(threeNodeSwarm(), { state: 'inactive', isManager: false, remoteManagers: [] });
    expect(await screen.findByText(/not part of a swarm/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'local multi-node cluster' })).toHaveAttribute('href', '#/swarm/cluster');
  });
});
