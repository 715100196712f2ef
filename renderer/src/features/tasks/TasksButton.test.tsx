// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TaskInfo } from '../../api/contract';
import { renderWithStore } from '../../testing/render';
import { TasksButton } from './TasksButton';

const pull: TaskInfo = {
  id: 'pull1',
  kind: 'images.pull',
  title: 'Pull nginx:1.27',
  state: 'running',
  startedAt: Date.now() - 5000,
  progress: { fraction: 0.42, current: 12_300_000, total: 40_100_000, unit: 'bytes' },
  message: 'Downloading layers',
  steps: [
    { id: 'l1', label: 'Layer 3f4ca61aafcd', state: 'done' },
    {
      id: 'l2',
      label: 'Layer 5d1d5a2ab3e2',
      state: 'running',
      fraction: 0.3,
      detail: 'Downloading 3.0 MB / 10.0 MB',
    },
  ],
  hasLog: true,
  cancellable: true,
};
const failed: TaskInfo = {
  id: 'up1',
  kind: 'compose.up',
  title: 'Compose up webapp',
  state: 'failed',
  startedAt: Date.now() - 60_000,
  endedAt: Date.now() - 50_000,
  cancellable: true,
  error: {
    code: 'CONFLICT',
    message: 'Port 8080 is already in use; stop what uses it and try again.',
    details: 'driver failed programming external connectivity',
  },
};

function setup(tasks: TaskInfo[] = [pull, failed]) {
  return renderWithStore(<TasksButton />, {
    'tasks.list': () => ({ ok: true, value: tasks }),
    'tasks.cancel': () => ({ ok: true, value: undefined }),
    'tasks.dismiss': () => ({ ok: true, value: undefined }),
  });
}

describe('TasksButton', () => {
  it('shows the number of running tasks and lists tasks in a panel, newest first', async () => {
    const { user } = setup();
    const button = await screen.findByRole('button', { name: 'Tasks, 1 running' });
    await user.click(button);
    const panel = await screen.findByRole('dialog', { name: 'Tasks' });
    const items = within(panel)
      .getAllByRole('listitem')
      .filter((li) => li.getAttribute('aria-label'));
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'Pull nginx:1.27',
      'Compose up webapp',
    ]);
    const running = within(panel).getByRole('listitem', { name: 'Pull nginx:1.27' });
    expect(within(running).getByRole('progressbar', { name: 'Pull nginx:1.27 progress' })).toHaveAttribute(
      'aria-valuenow',
      '42',
    );
    expect(within(running).getByText('42% · 12 MB of 40 MB')).toBeInTheDocument();
    expect(within(running).getByText('Downloading layers')).toBeInTheDocument();
  });

  it('keeps steps collapsed until asked, then shows each step with its own progress', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Tasks, 1 running' }));
    expect(screen.queryByText('Layer 5d1d5a2ab3e2')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show steps (1 of 2 done)' }));
    const steps = screen.getByRole('list', { name: 'Steps of Pull nginx:1.27' });
    expect(within(steps).getByText('Layer 5d1d5a2ab3e2')).toBeInTheDocument();
    expect(within(steps).getByRole('progressbar', { name: 'Layer 5d1d5a2ab3e2 progress' })).toHaveAttribute(
      'aria-valuenow',
      '30',
    );
    expect(within(steps).getByText('Downloading 3.0 MB / 10.0 MB')).toBeInTheDocument();
  });

  it('cancels a running task and dismisses a finished one; the error has its details behind a disclosure', async () => {
    const { user, fake } = setup();
    await user.click(await screen.findByRole('button', { name: 'Tasks, 1 running' }));
    await user.click(screen.getByRole('button', { name: 'Cancel Pull nginx:1.27' }));
    expect(fake.callsOf('tasks.cancel')).toEqual([{ id: 'pull1' }]);
    expect(screen.queryByRole('button', { name: 'Cancel Compose up webapp' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Dismiss Pull nginx:1.27' })).not.toBeInTheDocument();

    const failedItem = screen.getByRole('listitem', { name: 'Compose up webapp' });
    expect(within(failedItem).getByText(/Port 8080 is already in use/)).toBeInTheDocument();
    expect(
      within(failedItem).queryByText('driver failed programming external connectivity'),
    ).not.toBeInTheDocument();
    await user.click(within(failedItem).getByRole('button', { name: 'Details' }));
    expect(
      within(failedItem).getByText('driver failed programming external connectivity'),
    ).toBeInTheDocument();
    await user.click(within(failedItem).getByRole('button', { name: 'Dismiss Compose up webapp' }));
    expect(fake.callsOf('tasks.dismiss')).toEqual([{ id: 'up1' }]);
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'Compose up webapp' })).not.toBeInTheDocument(),
    );
  });

  it('follows progress patches and the badge count', async () => {
    const { user, fake } = setup();
    await user.click(await screen.findByRole('button', { name: 'Tasks, 1 running' }));
    act(() =>
      fake.emit('tasks.changed', {
        kind: 'patch',
        upserts: [{ ...pull, state: 'succeeded', progress: { fraction: 1 }, endedAt: Date.now() }],
        removed: [],
      }),
    );
    expect(screen.getByText('Nothing running')).toBeInTheDocument();
    const item = screen.getByRole('listitem', { name: 'Pull nginx:1.27' });
    expect(within(item).getByText('Done')).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: 'Dismiss Pull nginx:1.27' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('button', { name: 'Tasks' })).toBeInTheDocument();
  });

  it('shows the task log from the tasks.log stream, offers to reconnect when it drops, and closes it with the dialog', async () => {
    const { user, fake } = setup();
    await user.click(await screen.findByRole('button', { name: 'Tasks, 1 running' }));
    await user.click(screen.getByRole('button', { name: 'Show log of Pull nginx:1.27' }));
    const stream = fake.openStream('tasks.log');
    expect(stream.params).toEqual({ id: 'pull1' });
    act(() => stream.data({ lines: ['Pulling from library/nginx', '3f4ca61aafcd: Pull complete'] }));
    const log = screen.getByRole('log', { name: 'Log of Pull nginx:1.27' });
    expect(log).toHaveTextContent('Pulling from library/nginx 3f4ca61aafcd: Pull complete');

    act(() =>
      stream.end({
        code: 'ENGINE_UNREACHABLE',
        message: 'The connection to the Berth backend was lost; reconnect to continue.',
      }),
    );
    expect(screen.getByText(/connection to the Berth backend was lost/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    const again = fake.openStream('tasks.log');
    expect(again).not.toBe(stream);
    act(() => again.data({ lines: ['fresh'] }));
    expect(screen.getByRole('log', { name: 'Log of Pull nginx:1.27' })).toHaveTextContent('fresh');

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(again.closed).toBe(true);
    expect(fake.streamsOf('tasks.log')).toHaveLength(2);
  });

  it('teaches what tasks are when there are none', async () => {
    const { user } = setup([]);
    await user.click(await screen.findByRole('button', { name: 'Tasks' }));
    expect(await screen.findByText(/Long operations such as image pulls/)).toBeInTheDocument();
  });
});
