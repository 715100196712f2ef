// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type TaskInfo, type FileListing, type VolumeSummary } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { VolumesPage } from './VolumesPage';

withFakeLayout();

const volume = (name: string, over: Partial<VolumeSummary> = {}): VolumeSummary => ({
  name,
  driver: 'local',
  mountpoint: `/var/lib/docker/volumes/${name}/_data`,
  scope: 'local',
  labels: {},
  refCount: 0,
  usedBy: [],
  anonymous: false,
  created: Date.now() - 60_000,
  size: 1_500_000,
  ...over,
});
const db = volume('shop_db', { usedBy: ['db-1'], refCount: 1, composeProject: 'shop', size: 42_000_000 });
const cache = volume('cache');
const listing = (path: string, names: [string, 'file' | 'dir'][]): FileListing => ({
  path,
  type: 'dir',
  truncated: false,
  entries: names.map(([name, type]) => ({
    name,
    type,
    path: path ? `${path}/${name}` : name,
    size: 10,
    mtime: Date.now(),
    mode: '-rw-r--r--',
  })),
});

const backupTask = (over: Partial<TaskInfo> = {}): TaskInfo => ({
  id: 't1',
  kind: 'volumes.backup',
  title: 'Back up volume cache',
  state: 'running',
  startedAt: Date.now(),
  cancellable: true,
  message: 'Read 500 kB',
  progress: { current: 500_000, total: 1_500_000, fraction: 0.33, unit: 'bytes' },
  ...over,
});

const setup = (handlers = {}) =>
  renderWithStore(<VolumesPage />, {
    'engine.status': () => ok(connectedStatus),
    'volumes.list': () => ok([db, cache]),
    ...handlers,
  });

describe('VolumesPage', { timeout: 20_000 }, () => {
  it('lists volumes with size, users and project, live-patched, filterable and sortable', async () => {
    const { fake, user } = setup();
    const row = await screen.findByRole('row', { name: 'shop_db' });
    expect(within(row).getByText('42 MB')).toBeInTheDocument();
    expect(within(row).getByText('db-1')).toBeInTheDocument();
    expect(within(row).getByText('shop')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: 'cache' })).getByText('unused')).toBeInTheDocument();
    act(() =>
      fake.emit('volumes.changed', { kind: 'patch', upserts: [volume('fresh')], removed: ['cache'] }),
    );
    expect(screen.getByRole('row', { name: 'fresh' })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: 'cache' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Filter volumes' }), 'db-1');
    expect(screen.getAllByRole('row').map((r) => r.getAttribute('aria-label'))).toEqual([null, 'shop_db']);
    await user.clear(screen.getByRole('textbox', { name: 'Filter volumes' }));
    await user.click(screen.getByRole('button', { name: 'Size' }));
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.getAttribute('aria-label')),
    ).toEqual(['shop_db', 'fresh']);
  });

  it('teaches what to do when there are no volumes', async () => {
    setup({ 'volumes.list': () => ok([]) });
    expect(await screen.findByRole('heading', { name: 'No volumes yet' })).toBeInTheDocument();
  });

  it('confirms removal saying the data is lost, and shows the in-use error', async () => {
    const { fake, user } = setup({
      'volumes.remove': () =>
        fail(
          'CONFLICT',
          'Volume shop_db is in use by container db-1. Remove it first (stopping is not enough), then remove the volume.',
        ),
    });
    await user.click(await screen.findByRole('button', { name: 'Remove shop_db' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove volume shop_db?' });
    expect(dialog).toHaveTextContent('All data in this volume (42 MB) is lost. This cannot be undone');
    await user.click(within(dialog).getByRole('button', { name: 'Remove volume' }));
    expect(await within(dialog).findByText(/is in use by container db-1/)).toBeInTheDocument();
    expect(fake.callsOf('volumes.remove')).toEqual([{ name: 'shop_db' }]);
  });

  it('previews a prune per scope before removing', async () => {
    const { fake, user } = setup({
      'volumes.prunePreview': ({ scope }: { scope?: string }) =>
        ok({
          scope: scope === 'all' ? 'all' : 'anonymous',
          volumes: scope === 'all' ? [{ name: 'cache', size: 1_500_000, anonymous: false }] : [],
          reclaimableBytes: scope === 'all' ? 1_500_000 : 0,
        }),
      'volumes.prune': () => ok({ removed: ['cache'], failed: [], reclaimedBytes: 1_500_000 }),
    });
    await user.click(await screen.findByRole('button', { name: 'Remove unused…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove unused volumes' });
    expect(await within(dialog).findByText(/Nothing to remove/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Remove' })).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: /All unused volumes/ }));
    expect(await within(dialog).findByText('cache')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('1.5 MB of disk space is freed');
    await user.click(within(dialog).getByRole('button', { name: 'Remove 1 volume' }));
    await waitFor(() => expect(fake.callsOf('volumes.prune')).toEqual([{ scope: 'all' }]));
  });

  it('validates the name in the create dialog and sends options and labels', async () => {
    const { fake, user } = setup({ 'volumes.create': () => ok(volume('data')) });
    await user.click(await screen.findByRole('button', { name: 'Create volume' }));
    const dialog = screen.getByRole('dialog', { name: 'Create volume' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'bad/name');
    expect(within(dialog).getByText(/Use letters, digits/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeDisabled();
    await user.clear(within(dialog).getByRole('textbox', { name: 'Name' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'data');
    await user.type(within(dialog).getByRole('textbox', { name: 'Labels' }), 'team=infra');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(fake.callsOf('volumes.create')).toEqual([
        { name: 'data', driver: 'local', driverOpts: {}, labels: { team: 'infra' } },
      ]),
    );
  });

  it('asks for fresh sizes when the page is shown', async () => {
    const { fake } = setup({ 'volumes.refreshSizes': () => ok(undefined) });
    await screen.findByRole('grid', { name: 'Volumes' });
    await waitFor(() => expect(fake.callsOf('volumes.refreshSizes')).toHaveLength(1));
  });

  it('opens a volume by clicking its name', async () => {
    const { user } = setup({ 'volumes.files.list': () => ok(listing('', [])) });
    const grid = await screen.findByRole('grid', { name: 'Volumes' });
    await user.click(within(within(grid).getByRole('row', { name: 'cache' })).getByRole('button', { name: 'cache' }));
    expect(screen.getByRole('dialog', { name: 'Volume cache' })).toBeInTheDocument();
  });

  it('browses files folder by folder', async () => {
    const { fake, user } = setup({
      'volumes.files.list': ({ path }: { path?: string }) =>
        ok(
          path
            ? listing('logs', [['today.log', 'file']])
            : listing('', [
                ['logs', 'dir'],
                ['a.txt', 'file'],
              ]),
        ),
    });
    await user.click(await screen.findByRole('button', { name: 'Open cache' }));
    const drawer = screen.getByRole('dialog', { name: 'Volume cache' });
    await user.click(
      await within(await within(drawer).findByRole('grid', { name: 'Files in cache' })).findByRole('button', {
        name: 'logs',
      }),
    );
    expect(
      await within(await within(drawer).findByRole('grid', { name: 'Files in logs' })).findByRole('row', {
        name: 'today.log',
      }),
    ).toBeInTheDocument();
    expect(fake.callsOf('volumes.files.list')).toEqual([
      { name: 'cache', path: '' },
      { name: 'cache', path: 'logs' },
    ]);
    await user.click(
      within(within(drawer).getByRole('navigation', { name: 'Folder path' })).getByRole('button', {
        name: 'cache',
      }),
    );
    expect(
      await within(await within(drawer).findByRole('grid', { name: 'Files in cache' })).findByRole('row', {
        name: 'a.txt',
      }),
    ).toBeInTheDocument();
  });

  // One task event per test: the test store applies batched events at once, and its batcher takes one batch.
  it('shows a running backup with its progress and cancels it', async () => {
    const { fake, user } = setup({
      'volumes.backup': () => ok({ taskId: 't1' }),
      'tasks.cancel': () => ok(undefined),
    });
    await user.click(await screen.findByRole('button', { name: 'Open cache' }));
    const drawer = screen.getByRole('dialog', { name: 'Volume cache' });
    await user.click(within(drawer).getByRole('button', { name: 'Back up' }));
    act(() => fake.emit('tasks.changed', { kind: 'patch', upserts: [backupTask()], removed: [] }));
    expect(await within(drawer).findByText('Read 500 kB')).toBeInTheDocument();
    expect(within(drawer).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '33');
    await user.click(within(drawer).getByRole('button', { name: 'Cancel backup' }));
    expect(fake.callsOf('tasks.cancel')).toEqual([{ id: 't1' }]);
  });

  it('offers the finished backup for download with a fresh link', async () => {
    const { fake, user } = setup({
      'volumes.backup': () => ok({ taskId: 't1' }),
      'volumes.backupDownload': () =>
        ok({
          transferId: 'x',
          direction: 'download',
          filename: 'cache.tar.gz',
          expiresAt: Date.now() + 60_000,
        }),
    });
    await user.click(await screen.findByRole('button', { name: 'Open cache' }));
    const drawer = screen.getByRole('dialog', { name: 'Volume cache' });
    await user.click(within(drawer).getByRole('button', { name: 'Back up' }));
    const result = {
      volume: 'cache',
      file: 'cache-2025.tar.gz',
      bytes: 1234,
      download: { transferId: 'y', direction: 'download' as const, expiresAt: 0 },
    };
    act(() =>
      fake.emit('tasks.changed', {
        kind: 'patch',
        upserts: [backupTask({ state: 'succeeded', result })],
        removed: [],
      }),
    );
    await user.click(await within(drawer).findByRole('button', { name: 'Download backup' }));
    expect(fake.callsOf('volumes.backupDownload')).toEqual([{ file: 'cache-2025.tar.gz' }]);
    expect(drawer).toHaveTextContent('Backup ready: cache-2025.tar.gz (1.2 kB)');
  });

  it('says why a restore was refused before anything is uploaded', async () => {
    const { user } = setup({
      'volumes.backups.list': () => ok([]),
      'volumes.restorePlan': ({ name }: { name: string }) => ok({ volume: name, state: 'filled', usedBy: [], mode: 'replaced' }),
      'volumes.restoreUpload': () =>
        fail('CONFLICT', 'Volume cache is not empty; restoring would replace its files.'),
    });
    await user.click(await screen.findByRole('button', { name: 'Restore from backup…' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore a volume from a backup' });
    expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Volume' }), 'cache');
    await user.upload(
      within(dialog).getByLabelText('Backup file'),
      new File(['x'], 'cache.tar.gz', { type: 'application/gzip' }),
    );
    await user.click(within(dialog).getByRole('checkbox', { name: /Overwrite/ }));
    expect(dialog).toHaveTextContent('cannot be recovered');
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(
      await within(dialog).findByText('Volume cache is not empty; restoring would replace its files.'),
    ).toBeInTheDocument();
  });

  it('restores a backup Berth keeps, saying first that a volume in use is merged, not replaced (issue #13 item 9)', async () => {
    const kept = [
      { file: 'other-2026-12-07T09-00-00.tar.gz', volume: 'other', bytes: 900, createdAt: Date.UTC(2026, 11, 7, 9) },
      { file: 'cache-2026-12-06T08-00-00.tar.gz', volume: 'cache', bytes: 1200, createdAt: Date.UTC(2026, 11, 6, 8) },
    ];
    const { user, fake } = setup({
      'volumes.backups.list': () => ok(kept),
      'volumes.restorePlan': ({ name }: { name: string }) => ok({ volume: name, state: 'filled', usedBy: ['web-1'], mode: 'merged' }),
      'volumes.restoreBackup': () => ok({ taskId: 'r1' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Restore from backup…' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore a volume from a backup' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Volume' }), 'cache');
    const note = await within(dialog).findByRole('note', { name: 'What the restore does' });
    expect(note).toHaveTextContent('cache holds files and is used by web-1');
    expect(note).toHaveTextContent('files that are not in the backup stay');
    // This volume's backup is the one preselected.
    expect(within(dialog).getByRole('combobox', { name: 'Backup kept by Berth' })).toHaveTextContent(/^cache ·/);
    await user.click(within(dialog).getByRole('checkbox', { name: /Overwrite/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(fake.callsOf('volumes.restoreBackup')).toEqual([
      { name: 'cache', file: 'cache-2026-12-06T08-00-00.tar.gz', create: true, overwrite: true },
    ]);
  });
});
