// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { ErrorCode, ok, type Result, type TaskRef } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { deferred, renderWithStore, withFakeLayout } from '../../testing/render';
import { ComposePage } from './ComposePage';
import { project, step, task } from './testing/projects';

withFakeLayout();

const projects = [
  project('shop'),
  project('legacy', { origin: 'cli', status: 'partial', containers: { running: 1, total: 3 }, createdBy: 'docker-compose 1.29.2' }),
];

beforeEach(() => {
  window.location.hash = '#/compose';
});
afterEach(() => {
  window.location.hash = '';
});

const setup = (handlers = {}) =>
  renderWithStore(<ComposePage />, {
    'engine.status': () => ok(connectedStatus),
    'compose.projects.list': () => ok(projects),
    'tasks.list': () => ok([]),
    ...handlers,
  });

describe('Compose projects list', { timeout: 20_000 }, () => {
  it('shows every project with status, counts, folder and a CLI badge for projects the compose CLI started', async () => {
    setup();
    const shop = await screen.findByRole('row', { name: 'shop' });
    expect(within(shop).getByText('running')).toBeInTheDocument();
    expect(within(shop).getByText('2/2 running')).toBeInTheDocument();
    expect(within(shop).getByText('/srv/shop')).toBeInTheDocument();
    expect(within(shop).queryByText('CLI')).not.toBeInTheDocument();
    const legacy = screen.getByRole('row', { name: 'legacy' });
    expect(within(legacy).getByText('CLI')).toBeInTheDocument();
    expect(within(legacy).getByText('1/3 running')).toBeInTheDocument();
    expect(within(legacy).getByRole('button', { name: 'Start legacy' })).toBeInTheDocument();
    expect(screen.getByText('2 projects')).toBeInTheDocument();
  });

  it('follows compose.changed patches: updates, additions and removals', async () => {
    const { fake } = setup();
    await screen.findByRole('row', { name: 'shop' });
    act(() =>
      fake.emit('compose.changed', {
        kind: 'patch',
        upserts: [project('shop', { status: 'stopped', containers: { running: 0, total: 2 } }), project('blog')],
        removed: ['legacy'],
      }),
    );
    expect(within(screen.getByRole('row', { name: 'shop' })).getByText('0/2 running')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'blog' })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: 'legacy' })).not.toBeInTheDocument();
    act(() => fake.emit('compose.changed', { kind: 'reset', items: [] }));
    expect(await screen.findByText('No compose projects yet')).toBeInTheDocument();
  });

  it('filters by name and status', async () => {
    const { user } = setup();
    await screen.findByRole('row', { name: 'shop' });
    await user.type(screen.getByRole('textbox', { name: 'Filter projects' }), 'leg');
    expect(screen.queryByRole('row', { name: 'shop' })).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'legacy' })).toBeInTheDocument();
    expect(screen.getByText('1 of 2 projects')).toBeInTheDocument();
  });

  it('confirms Down, warns that deleting volumes loses data, and shows the task progress in the row', async () => {
    const down = deferred<Result<TaskRef>>();
    const { user, fake } = setup({ 'compose.down': () => down.promise });
    await user.click(await screen.findByRole('button', { name: 'Down shop' }));
    const dialog = screen.getByRole('dialog', { name: 'Take shop down?' });
    expect(dialog).toHaveTextContent('stops and removes the 2 containers');
    expect(within(dialog).queryByText(/deleted for good/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('checkbox', { name: "Also delete the project's volumes" }));
    expect(within(dialog).getByText(/deleted for good/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Down and delete volumes' }));
    expect(fake.callsOf('compose.down')).toEqual([{ name: 'shop', volumes: true, removeOrphans: true }]);
    await act(async () => {
      down.resolve(ok({ taskId: 't1' }));
      await Promise.resolve();
    });
    act(() => fake.emit('tasks.changed', { kind: 'patch', upserts: [task('t1', { title: 'Down shop', steps: [step('web', 'running', 'Stopping')] })], removed: [] }));
    const row = screen.getByRole('row', { name: 'shop' });
    expect(within(row).getByRole('progressbar', { name: 'Down shop progress' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Stop shop' })).toBeDisabled();
    act(() =>
      fake.emit('tasks.changed', {
        kind: 'patch',
        upserts: [task('t1', { title: 'Down shop', state: 'failed', error: { code: ErrorCode.ENGINE_ERROR, message: 'web could not be removed' } })],
        removed: [],
      }),
    );
    expect(within(row).getByText('Down shop failed')).toBeInTheDocument();
  });

  it('says why an action did not start', async () => {
    const { user } = setup({
      'compose.restart': () => ({ ok: false, error: { code: ErrorCode.ENGINE_UNREACHABLE, message: 'The engine cannot be reached. Start it and try again.' } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Restart shop' }));
    expect(await screen.findByText(/Restart of shop did not start: The engine cannot be reached/)).toBeInTheDocument();
  });
});
