// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type TaskInfo } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore } from '../../../testing/render';
import { inactiveStatus, managerStatus, swarmDetails, workerStatus } from '../testing/fixtures';
import { OverviewTab } from './OverviewTab';

const TOKEN = 'SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx';
const base = {
  'engine.status': () => ok(connectedStatus),
  'swarm.addresses': () =>
    ok([
      { address: '10.0.0.11', source: 'eth0', preferred: true },
      { address: '192.168.5.2', source: 'eth1', preferred: false },
    ]),
};

describe('Swarm overview', { timeout: 60_000 }, () => {
  it('initializes a swarm on the preferred advertise address', async () => {
    const { fake, user } = renderWithStore(<OverviewTab />, {
      ...base,
      'swarm.status': () => ok(inactiveStatus),
      'swarm.init': () => ok(managerStatus),
      'swarm.inspect': () => ok(swarmDetails),
    });
    await user.click(await screen.findByRole('button', { name: 'Initialize a swarm' }));
    const dialog = screen.getByRole('dialog', { name: 'Initialize a swarm' });
    expect(await within(dialog).findByDisplayValue('10.0.0.11')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Initialize' }));
    expect(fake.callsOf('swarm.init')).toEqual([
      {
        advertiseAddr: '10.0.0.11',
        listenAddr: '0.0.0.0:2377',
        forceNewCluster: false,
        settings: { autolock: false },
      },
    ]);
    expect(await screen.findByText('c1u5t3r1d0000000')).toBeInTheDocument();
  });

  it('joins as a task: shows its progress, puts a refused token and an unreachable manager on their fields, keeping the input', async () => {
    let n = 0;
    const { fake, user } = renderWithStore(<OverviewTab />, {
      ...base,
      'swarm.status': () => ok(inactiveStatus),
      'swarm.join': () => ok({ taskId: `j${++n}` }),
    });
    const joinTask = (id: string, state: TaskInfo['state'], extra: Partial<TaskInfo> = {}): TaskInfo => ({
      id,
      kind: 'swarm.join',
      title: 'Join the swarm at 10.0.0.11:2377',
      state,
      startedAt: 1,
      cancellable: false,
      ...extra,
    });
    const emit = (t: TaskInfo) => act(() => fake.emit('tasks.changed', { kind: 'patch', upserts: [t], removed: [] }));
    await user.click(await screen.findByRole('button', { name: 'Join a swarm' }));
    const dialog = screen.getByRole('dialog', { name: 'Join a swarm' });
    const token = within(dialog).getByRole('textbox', { name: /Join token/ });
    await user.type(token, 'nonsense');
    expect(within(dialog).getByText(/A join token looks like SWMTKN-1/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Join' })).toBeDisabled();
    await user.clear(token);
    await user.click(token);
    await user.paste(`docker swarm join --token ${TOKEN} 10.0.0.11:2377`);
    expect(within(dialog).getByRole('textbox', { name: /Manager address/ })).toHaveValue('10.0.0.11:2377');
    expect(token).toHaveValue(TOKEN);
    await user.click(within(dialog).getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(fake.callsOf('swarm.join')).toHaveLength(1));
    emit(joinTask('j1', 'running', { message: 'Waiting for the manager at 10.0.0.11:2377 (4 s)' }));
    const progress = await within(dialog).findByRole('region', { name: /Progress of Join the swarm/ });
    expect(within(progress).getByText(/Waiting for the manager at 10\.0\.0\.11:2377 \(4 s\)/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    emit(joinTask('j1', 'failed', { error: { code: 'ENGINE_ERROR', message: 'rpc error: code = InvalidArgument desc = A valid join token is necessary' } }));
    expect(await within(dialog).findByText(/The manager refused this token/)).toBeInTheDocument();
    expect(token).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).queryByRole('region', { name: /Progress of/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(fake.callsOf('swarm.join')).toHaveLength(2));
    emit(joinTask('j2', 'failed', { error: { code: 'ENGINE_ERROR', message: 'could not connect to 10.0.0.11:2377: connection refused' } }));
    expect(await within(dialog).findByText(/No manager answered at this address/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /Manager address/ })).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsOf('swarm.join')[0]).toEqual({
      remoteAddrs: ['10.0.0.11:2377'],
      joinToken: TOKEN,
      listenAddr: '0.0.0.0:2377',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(fake.callsOf('swarm.join')).toHaveLength(3));
    emit(joinTask('j3', 'succeeded', { result: workerStatus }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Join a swarm' })).not.toBeInTheDocument());
  });

  it('shows join commands, rotates a token after confirming, and saves changed settings only', async () => {
    const tokens = {
      worker: 'SWMTKN-1-aaa-worker1',
      manager: 'SWMTKN-1-aaa-manager1',
      managerAddrs: ['10.0.0.11:2377'],
    };
    const { fake, user } = renderWithStore(<OverviewTab />, {
      ...base,
      'swarm.status': () => ok(managerStatus),
      'swarm.inspect': () => ok(swarmDetails),
      'swarm.joinTokens': () => ok(tokens),
      'swarm.rotateToken': () => ok({ ...tokens, worker: 'SWMTKN-1-bbb-worker2' }),
      'swarm.update': () =>
        ok({ ...swarmDetails, settings: { ...swarmDetails.settings, taskHistoryLimit: 10 } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Show join commands' }));
    expect(
      screen.getByText('docker swarm join --token SWMTKN-1-aaa-worker1 10.0.0.11:2377'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Rotate worker token…' }));
    const confirm = screen.getByRole('dialog', { name: 'Rotate the worker join token?' });
    await user.click(within(confirm).getByRole('button', { name: 'Rotate token' }));
    expect(fake.callsOf('swarm.rotateToken')).toEqual([{ which: 'worker' }]);
    expect(
      await screen.findByText('docker swarm join --token SWMTKN-1-bbb-worker2 10.0.0.11:2377'),
    ).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Swarm settings' });
    const history = within(form).getByRole('textbox', { name: 'Task history' });
    expect(within(form).getByRole('button', { name: 'Save settings' })).toBeDisabled();
    await user.clear(history);
    await user.type(history, 'x');
    expect(within(form).getByText('A whole number')).toBeInTheDocument();
    await user.clear(history);
    await user.type(history, '10');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(fake.callsOf('swarm.update')).toEqual([{ settings: { taskHistoryLimit: 10 } }]);
  });

  it('leaving as a manager needs force and warns about the quorum', async () => {
    const { fake, user } = renderWithStore(<OverviewTab />, {
      ...base,
      'swarm.status': () => ok(managerStatus),
      'swarm.inspect': () => ok(swarmDetails),
      'swarm.leave': () => ok(inactiveStatus),
    });
    await user.click(await screen.findByRole('button', { name: 'Leave the swarm…' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave the swarm?' });
    expect(within(dialog).getByText(/This is the only manager/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Force leave' })).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /Force/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Force leave' }));
    expect(fake.callsOf('swarm.leave')).toEqual([{ force: true }]);
    expect(await screen.findByRole('button', { name: 'Initialize a swarm' })).toBeInTheDocument();
  });

  it('a locked manager asks for the unlock key; a worker says to connect to a manager', async () => {
    const { fake, user } = renderWithStore(<OverviewTab />, {
      ...base,
      'swarm.status': () => ok({ ...managerStatus, state: 'locked' }),
      'swarm.unlock': () => fail('ENGINE_ERROR', 'swarm could not be unlocked: invalid key'),
    });
    await user.type(await screen.findByLabelText('Unlock key'), 'SWMKEY-1-wrong');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText(/This key does not unlock the swarm/)).toBeInTheDocument();
    expect(fake.callsOf('swarm.unlock')).toEqual([{ key: 'SWMKEY-1-wrong' }]);
    act(() => fake.emit('swarm.status', { ...managerStatus, isManager: false, state: 'active' }));
    expect(screen.getByText('This node is a worker')).toBeInTheDocument();
    expect(screen.getByText('10.0.0.11:2377')).toBeInTheDocument();
  });
});
