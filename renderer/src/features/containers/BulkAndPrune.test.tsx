// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ok } from '../../api/contract';
import { container } from '../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { ContainersPage } from './ContainersPage';

withFakeLayout();
beforeEach(() => window.history.replaceState(null, '', '#/containers'));

const list = [
  container('web', { composeProject: 'shop' }),
  container('db', { composeProject: 'shop', state: 'exited', status: 'Exited (0)' }),
  container('cache', { state: 'exited', status: 'Exited (1)' }),
  container('lone'),
];

describe('containers page: selection, bulk actions, grouping, prune', { timeout: 30_000 }, () => {
  it('selects with checkboxes and shift-click, and starts only the selected containers that can start', async () => {
    const { user, fake } = renderWithStore(<ContainersPage />, {
      'containers.list': () => ok(list),
      'containers.start': () => ok(undefined),
    });
    await screen.findByRole('row', { name: 'web' });
    // Sorted by name: cache, db, lone, web.
    await user.click(screen.getByRole('checkbox', { name: 'Select cache' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select lone' }));
    await user.keyboard('{/Shift}');
    const bar = screen.getByRole('toolbar', { name: 'Selected containers' });
    expect(bar).toHaveTextContent('3 selected');
    await user.click(within(bar).getByRole('button', { name: 'Start (2)' }));
    expect(fake.callsOf('containers.start')).toEqual([{ id: 'cache-id' }, { id: 'db-id' }]);
  });

  it('Ctrl+A selects every listed row; bulk remove confirms with the names and removes each', async () => {
    const { user, fake } = renderWithStore(<ContainersPage />, {
      'containers.list': () => ok(list),
      'containers.remove': () => ok(undefined),
    });
    const first = await screen.findByRole('row', { name: 'cache' });
    first.focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(screen.getByRole('toolbar', { name: 'Selected containers' })).toHaveTextContent('4 selected');
    await user.click(screen.getByRole('button', { name: 'Remove (4)' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove 4 containers?' });
    const names = within(within(dialog).getByRole('list', { name: 'Containers to remove' })).getAllByRole(
      'listitem',
    );
    expect(names.map((n) => n.textContent?.split(' ')[0]?.replace(/nginx.*/, ''))).toEqual([
      'cache',
      'db',
      'lone',
      'web',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Remove 4' }));
    expect(fake.callsOf('containers.remove')).toEqual([
      { id: 'cache-id', force: false, volumes: false },
      { id: 'db-id', force: false, volumes: false },
      { id: 'lone-id', force: true, volumes: false },
      { id: 'web-id', force: true, volumes: false },
    ]);
  });

  it('groups by compose project with counts, collapses a group and acts on all of it', async () => {
    const { user, fake } = renderWithStore(<ContainersPage />, {
      'containers.list': () => ok(list),
      'containers.start': () => ok(undefined),
    });
    await screen.findByRole('row', { name: 'web' });
    await user.click(screen.getByRole('switch', { name: 'Group by project' }));
    expect(window.location.hash).toBe('#/containers/?group=1');
    const shop = screen.getByRole('row', { name: 'Project shop' });
    expect(shop).toHaveTextContent('2 containers, 1 running');
    await user.click(within(shop).getByRole('button', { name: 'Start all in shop' }));
    expect(fake.callsOf('containers.start')).toEqual([{ id: 'db-id' }]);
    await user.click(within(shop).getByRole('button', { name: 'Collapse shop' }));
    expect(screen.queryByRole('row', { name: 'web' })).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'lone' })).toBeInTheDocument();
  });

  it('previews the prune with names, sizes and total, then removes exactly the previewed ones', async () => {
    const { user, fake, store } = renderWithStore(<ContainersPage />, {
      'containers.list': () => ok(list),
      'containers.prunePreview': () =>
        ok({
          containers: [
            {
              id: 'db-id',
              name: 'db',
              image: 'nginx',
              state: 'exited' as const,
              status: 'Exited (0)',
              sizeRw: 2_500_000,
            },
            {
              id: 'cache-id',
              name: 'cache',
              image: 'nginx',
              state: 'exited' as const,
              status: 'Exited (1)',
              sizeRw: 500_000,
            },
          ],
          totalBytes: 3_000_000,
        }),
      'containers.prune': () =>
        ok({ removed: ['db-id', 'cache-id'], spaceReclaimed: 3_000_000, skipped: [] }),
    });
    await screen.findByRole('row', { name: 'web' });
    await user.click(screen.getByRole('button', { name: 'Prune stopped…' }));
    const dialog = screen.getByRole('dialog', { name: 'Prune stopped containers' });
    const table = await within(dialog).findByRole('table', { name: 'Containers to prune' });
    expect(table).toHaveTextContent(/db.*2\.5 MB.*cache.*500 kB.*Total reclaimed.*3\.0 MB/);
    expect(fake.callsOf('containers.prune')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Remove 2 containers' }));
    expect(fake.callsOf('containers.prune')).toEqual([{ ids: ['db-id', 'cache-id'] }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(store.getState().notifications.map((n) => n.message)).toEqual([
      'Removed 2 stopped containers, freed 3.0 MB',
    ]);
  });
});
