// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { ok } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore } from '../../../testing/render';
import { managerStatus, swarmNode, swarmService, swarmTask, threeNodeSwarm } from '../visualizer/testing/swarmFixtures';
import { SwarmHealth } from './SwarmHealth';

function setup({ nodes, tasks, services } = threeNodeSwarm(), status = managerStatus) {
  return renderWithStore(<SwarmHealth />, {
    'engine.status': () => ok(connectedStatus),
    'swarm.status': () => ok(status),
    'nodes.list': () => ok(nodes),
    'services.list': () => ok(services),
    'swarmTasks.list': () => ok(tasks),
  });
}

const section = (name: string) => screen.getByRole('region', { name });

describe('SwarmHealth', { timeout: 20_000 }, () => {
  it('says all is well when nodes are ready, services converged and nothing failed', async () => {
    setup();
    expect(await screen.findByText(/All 3 nodes ready, 2 services converged, no task failures/)).toBeInTheDocument();
  });

  it('lists nodes down, services not converged and recent failures, each linking to the thing', async () => {
    const swarm = threeNodeSwarm();
    swarm.nodes[2] = swarmNode('node3', { state: 'down', message: 'heartbeat failure' });
    swarm.nodes.push(swarmNode('node4', { role: 'manager', reachability: 'unreachable' }));
    swarm.services[0] = swarmService('web', { replicas: 3, running: 2, desired: 3 });
    swarm.services.push(swarmService('db', { update: { state: 'paused', message: 'update paused due to failure or early termination of task x' } }));
    const now = Date.now();
    swarm.tasks.push(
      swarmTask('web', 3, 'node3', { id: 'f1', state: 'failed', error: 'task: non-zero exit (1)', exitCode: 1, stateSince: now - 60_000 }),
      swarmTask('web', 3, 'node2', { id: 'f0', state: 'rejected', error: 'No such image: nope:latest', stateSince: now - 2 * 3600_000 }),
    );
    setup(swarm);
    const nodes = await screen.findByRole('region', { name: 'Nodes down or unreachable' });
    expect(within(nodes).getByRole('link', { name: 'node3' })).toHaveAttribute('href', '#/swarm/nodes/node3-id');
    expect(nodes).toHaveTextContent('node3 is down: heartbeat failure');
    expect(nodes).toHaveTextContent('node4 is a manager the other managers cannot reach');
    const services = section('Services not converged');
    expect(within(services).getByRole('link', { name: 'web' })).toHaveAttribute('href', '#/swarm/services/web-sid');
    expect(services).toHaveTextContent('web 2 of 3 running');
    expect(services).toHaveTextContent('db update paused: update paused due to failure');
    const failures = section('Recent task failures');
    expect(failures).toHaveTextContent('web.3 failed on node3: task: non-zero exit (1) (exit code 1)');
    // Older than an hour: history, not health.
    expect(failures).not.toHaveTextContent('No such image');
  });

  it('follows the live lists: a service converging leaves the list', async () => {
    const swarm = threeNodeSwarm();
    swarm.services[1] = swarmService('api', { running: 1, desired: 2 });
    const { fake } = setup(swarm);
    expect(await screen.findByRole('region', { name: 'Services not converged' })).toHaveTextContent('api 1 of 2 running');
    act(() => fake.emit('services.changed', { kind: 'patch', upserts: [swarmService('api')], removed: [] }));
    expect(screen.queryByRole('region', { name: 'Services not converged' })).not.toBeInTheDocument();
    expect(screen.getByText(/All 3 nodes ready/)).toBeInTheDocument();
  });

  it('shows nothing on an engine that is not a manager', async () => {
    const { fake } = setup(threeNodeSwarm(), { state: 'inactive', isManager: false, remoteManagers: [] });
    await act(async () => {
      await Promise.resolve();
    });
    expect(fake.callsOf('swarm.status')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Swarm health' })).not.toBeInTheDocument();
  });
});
