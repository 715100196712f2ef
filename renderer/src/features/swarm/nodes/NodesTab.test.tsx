// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { ok } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../../testing/render';
import { managerStatus, swarmNode, swarmTask, workerStatus } from '../testing/fixtures';
import { NodesTab } from './NodesTab';

withFakeLayout();
// The open drawer lives in the address; every test starts with none.
afterEach(() => {
  window.location.hash = '';
});

const leader = swarmNode('node-1', {
  role: 'manager',
  leader: true,
  reachability: 'reachable',
  self: true,
  addr: '10.0.0.11',
});
const worker = swarmNode('node-2', { labels: { zone: 'a' } });
const down = swarmNode('node-3', { state: 'down', message: 'heartbeat failure', availability: 'drain' });

const setup = (handlers = {}) =>
  renderWithStore(<NodesTab />, {
    'engine.status': () => ok(connectedStatus),
    'swarm.status': () => ok(managerStatus),
    'nodes.list': () => ok([leader, worker, down]),
    'swarmTasks.list': () =>
      ok([
        swarmTask('t1', { nodeId: worker.id }),
        swarmTask('t2', { nodeId: leader.id, serviceName: 'api' }),
      ]),
    'nodes.update': (p) => ok({ ...worker, ...(p.availability ? { availability: p.availability } : {}) }),
    'nodes.remove': () => ok(undefined),
    'nodes.inspect': () => ok({ ...worker, raw: { ID: worker.id, Spec: { Role: 'worker' } } }),
    ...handlers,
  });

describe('Swarm nodes', { timeout: 60_000 }, () => {
  it('lists nodes live with role, state and labels; drains from the row menu', async () => {
    const { fake, user } = setup();
    const row = await screen.findByRole('row', { name: 'node-1' });
    expect(within(row).getByText('leader')).toBeInTheDocument();
    expect(within(row).getByText('this engine')).toBeInTheDocument();
    const d = screen.getByRole('row', { name: 'node-3' });
    expect(within(d).getByText('heartbeat failure')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: 'node-2' })).getByText('zone=a')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'More actions for node-2' }));
    await user.click(screen.getByRole('menuitem', { name: 'Drain (move tasks away)' }));
    expect(fake.callsOf('nodes.update')).toEqual([{ id: worker.id, availability: 'drain' }]);
    act(() => fake.emit('nodes.changed', { kind: 'patch', upserts: [], removed: [down.id] }));
    expect(screen.queryByRole('row', { name: 'node-3' })).not.toBeInTheDocument();
  });

  it('promotes after confirming, edits labels and removes with force when the node is up', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'More actions for node-2' }));
    await user.click(screen.getByRole('menuitem', { name: 'Promote to manager' }));
    const confirm = screen.getByRole('dialog', { name: 'Promote node-2 to manager?' });
    expect(within(confirm).getByText(/with 2 managers, 2 must stay reachable/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Promote' }));
    expect(fake.callsOf('nodes.update')).toEqual([{ id: worker.id, role: 'manager' }]);

    await user.click(screen.getByRole('button', { name: 'More actions for node-2' }));
    await user.click(screen.getByRole('menuitem', { name: 'Edit labels' }));
    const labels = screen.getByRole('dialog', { name: 'Labels of node-2' });
    const box = within(labels).getByRole('textbox', { name: 'Labels' });
    expect(box).toHaveValue('zone=a');
    await user.type(box, '\nbroken');
    expect(within(labels).getByText(/Line 2 of the labels/)).toBeInTheDocument();
    await user.type(box, '=yes');
    await user.click(within(labels).getByRole('button', { name: 'Save labels' }));
    expect(fake.callsOf('nodes.update').at(-1)).toEqual({
      id: worker.id,
      labels: { zone: 'a', broken: 'yes' },
    });

    await user.click(screen.getByRole('button', { name: 'Remove node-2' }));
    const remove = screen.getByRole('dialog', { name: 'Remove node node-2?' });
    expect(within(remove).getByRole('button', { name: 'Force remove' })).toBeDisabled();
    await user.click(within(remove).getByRole('checkbox', { name: /Force/ }));
    await user.click(within(remove).getByRole('button', { name: 'Force remove' }));
    expect(fake.callsOf('nodes.remove')).toEqual([{ id: worker.id, force: true }]);
  });

  it('a down node is removed without force; the drawer shows its tasks and JSON', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Remove node-3' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Remove node node-3?' })).getByRole('button', {
        name: 'Remove node',
      }),
    );
    expect(fake.callsOf('nodes.remove')).toEqual([{ id: down.id, force: false }]);
    await user.click(screen.getByRole('button', { name: 'Details node-2' }));
    const drawer = screen.getByRole('region', { name: 'Node node-2' });
    expect(within(drawer).getByRole('table', { name: 'Tasks on node-2' })).toHaveTextContent('web');
    await user.click(within(drawer).getByRole('tab', { name: 'JSON' }));
    expect(await within(drawer).findByLabelText('JSON of node-2')).toHaveTextContent('"Role": "worker"');
  });

  it('#/swarm/nodes/<id> (the health summary links there) opens that node; closing goes back to #/swarm/nodes', async () => {
    window.location.hash = `#/swarm/nodes/${worker.id}`;
    const { user } = setup();
    const drawer = await screen.findByRole('region', { name: 'Node node-2' });
    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    expect(window.location.hash).toBe('#/swarm/nodes');
    await user.click(screen.getByRole('button', { name: 'Details node-3' }));
    expect(window.location.hash).toBe(`#/swarm/nodes/${down.id}`);
    expect(await screen.findByRole('region', { name: 'Node node-3' })).toBeInTheDocument();
  });

  it('on a worker it says to connect to a manager instead of an empty grid', async () => {
    setup({ 'swarm.status': () => ok(workerStatus), 'nodes.list': () => ok([]) });
    expect(await screen.findByText(/This node is a worker/)).toHaveTextContent('10.0.0.11:2377');
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });
});
