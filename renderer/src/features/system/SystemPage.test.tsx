// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { ok, type DiskUsage, type SystemInfo, type SystemPrunePreview, type TaskInfo } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore } from '../../testing/render';
import { SystemPage } from './SystemPage';

const usage: DiskUsage = {
  images: { count: 4, active: 1, totalBytes: 900_000_000, reclaimableBytes: 600_000_000, cleanupBytes: 120_000_000 },
  containers: { count: 3, active: 1, totalBytes: 2_000_000, reclaimableBytes: 1_500_000, cleanupBytes: 1_500_000 },
  volumes: { count: 2, active: 2, totalBytes: 50_000_000, reclaimableBytes: 0, cleanupBytes: 0 },
  buildCache: { count: 0, active: 0, totalBytes: 0, reclaimableBytes: 0, cleanupBytes: 0 },
};

const info: SystemInfo = {
  name: 'host1', id: 'X', version: '27.3.1', apiVersion: '1.47', os: 'Debian GNU/Linux 12', osType: 'linux', kernelVersion: '6.1.0',
  architecture: 'x86_64', cpus: 8, memoryBytes: 16_000_000_000, storageDriver: 'overlay2', storageStatus: [['Backing Filesystem', 'extfs']],
  loggingDriver: 'json-file', cgroupDriver: 'systemd', cgroupVersion: '2',
  security: { rootless: true, userns: false, apparmor: false, selinux: false, seccomp: 'default', raw: ['name=seccomp,profile=default', 'name=rootless'] },
  defaultRuntime: 'runc', runtimes: ['io.containerd.runc.v2', 'runc'], registryMirrors: [], insecureRegistries: ['127.0.0.0/8'],
  swarm: { state: 'inactive', controlAvailable: false }, dataRoot: '/home/me/.local/share/docker',
  containers: { total: 3, running: 1, paused: 0, stopped: 2 }, images: 4, experimental: false, liveRestore: false, warnings: [],
};

const preview = (over: Partial<SystemPrunePreview> = {}): SystemPrunePreview => ({
  options: { allImages: false, volumes: 'none', buildCache: true },
  containers: [{ id: 'c1', name: 'old-job', size: 1_500_000, detail: 'Exited (0) 2 days ago' }],
  images: [{ id: 'i1', name: 'abc123def456', size: 120_000_000, detail: 'untagged' }],
  networks: [],
  volumes: [],
  buildCache: [],
  reclaimableBytes: { containers: 1_500_000, images: 120_000_000, networks: 0, volumes: 0, buildCache: 0, total: 121_500_000 },
  ...over,
});

const setup = (handlers = {}) =>
  renderWithStore(<SystemPage />, {
    'engine.status': () => ok(connectedStatus),
    'system.df': () => ok(usage),
    'system.info': () => ok(info),
    ...handlers,
  });

describe('SystemPage', { timeout: 20_000 }, () => {
  it('shows disk usage per kind and the engine facts, security options highlighted', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Disk usage by kind' });
    expect(within(table).getByRole('row', { name: /^Images/ })).toHaveTextContent('Images41900 MB120 MB600 MB');
    expect(screen.getByRole('img', { name: /Containers: 2.0 MB in 3 \(1 in use\), 1.5 MB freed by a clean-up, 1.5 MB not in use/ })).toBeInTheDocument();
    // One figure with the clean-up preview (122 MB for its default options), the engine's "not in use" beside it.
    expect(screen.getByTestId('cleanup-summary')).toHaveTextContent('A clean-up frees 122 MB · 602 MB not in use');
    const security = screen.getByRole('region', { name: 'Security' });
    expect(within(security).getByText('rootless: on')).toBeInTheDocument();
    expect(within(security).getByText('seccomp (default): on')).toBeInTheDocument();
    expect(within(security).getByText('AppArmor: off')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Storage and runtime' })).toHaveTextContent('systemd, v2');
    // Memory in binary units, as the container Stats tab shows it (16 GB of RAM is 14.9 GiB).
    expect(screen.getByRole('region', { name: 'Host' })).toHaveTextContent('Memory14.9 GiB');
  });

  it('previews the clean-up, lets options change it, then runs it as a task', async () => {
    const { fake, user } = setup({
      'system.prunePreview': (o: { volumes?: string }) =>
        ok(o.volumes === 'anonymous' ? preview({ volumes: [{ id: 'v', name: 'f00d', size: 5_000, detail: 'anonymous' }] }) : preview()),
      'system.prune': () => ok({ taskId: 'p1' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Clean up…' }));
    const dialog = screen.getByRole('dialog', { name: 'Clean up unused data' });
    expect(await within(dialog).findByRole('list', { name: 'Stopped containers to remove' })).toHaveTextContent('old-job');
    expect(dialog).toHaveTextContent('2 items go; about 122 MB of disk space returns.');
    await user.click(within(dialog).getByRole('combobox', { name: 'Volumes' }));
    await user.click(screen.getByRole('option', { name: 'Unused anonymous volumes' }));
    expect(await within(dialog).findByRole('list', { name: 'Volumes to remove' })).toHaveTextContent('f00d');
    expect(dialog).toHaveTextContent('The data in removed volumes is lost for good.');
    await user.click(within(dialog).getByRole('button', { name: /^Clean up/ }));
    await waitFor(() => expect(fake.callsOf('system.prune')).toEqual([{ allImages: false, volumes: 'anonymous', buildCache: true }]));

    const done: TaskInfo = {
      id: 'p1', kind: 'system.prune', title: 'Clean up unused data', state: 'succeeded', startedAt: Date.now(), cancellable: true, message: 'Freed 122 MB',
      progress: { fraction: 1 },
      steps: [{ id: 'containers', label: 'Stopped containers', state: 'done', detail: '1 removed, 1.5 MB freed' }],
      result: { removed: { containers: ['old-job'], images: ['abc'], networks: [], volumes: ['f00d'], buildCache: [] }, reclaimedBytes: { containers: 1_500_000, images: 120_000_000, networks: 0, volumes: 5_000, buildCache: 0, total: 121_505_000 }, failed: [] },
    };
    act(() => fake.emit('tasks.changed', { kind: 'patch', upserts: [done], removed: [] }));
    expect(await within(dialog).findByText(/^Freed 122 MB: 1 stopped container, 1 image, 0 networks, 1 volume, /)).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Stopped containers: done');
  });
});
