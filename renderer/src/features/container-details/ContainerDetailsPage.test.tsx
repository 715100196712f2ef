// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StatsSample } from '../../api/contract';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { ContainerDetailsPage } from './ContainerDetailsPage';
import { details } from './testing/details';

const ok = <T,>(value: T) => ({ ok: true as const, value });
const inspect = (over = {}) => ({ 'containers.inspect': () => ok(details(over)) });

const sample = (cpu: number, memory: number): StatsSample => ({
  at: Date.now(),
  cpuPercent: cpu,
  memoryUsage: memory,
  memoryLimit: 1024 ** 3,
  memoryPercent: (memory / 1024 ** 3) * 100,
  netRxBytes: 2000,
  netTxBytes: 1000,
  netRxRate: 500,
  netTxRate: 0,
  blockReadBytes: 0,
  blockWriteBytes: 0,
  blockReadRate: 0,
  blockWriteRate: 0,
  pids: 3,
});

describe('container details page', () => {
  withFakeLayout();

  it('shows the overview, the actions the state allows, and a link per tab', async () => {
    renderWithStore(<ContainerDetailsPage id="web" />, inspect());
    expect(await screen.findByRole('heading', { name: 'web' })).toBeInTheDocument();
    expect(screen.getByText('unless-stopped')).toBeInTheDocument();
    expect(screen.getByText('256.0 MiB')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Logs' })).toHaveAttribute('href', '#/containers/web/logs');
  });

  it('shows a viewer no Files tab (reading inside a container is operator-level) and opens the overview instead', async () => {
    renderWithStore(<ContainerDetailsPage id="web" tab="files" />, {
      ...inspect(),
      'session.me': () => ({ ok: true, value: { user: 'vera', role: 'viewer' } }),
    });
    expect(await screen.findByRole('heading', { name: 'web' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('tab', { name: 'Files' })).not.toBeInTheDocument());
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Logs' })).toBeInTheDocument();
  });

  it('says why it cannot load a container and offers a retry', async () => {
    const { fake, user } = renderWithStore(<ContainerDetailsPage id="gone" />, {
      'containers.inspect': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Container gone was not found on the engine.' } }),
    });
    expect(await screen.findByText(/Could not load container gone: Container gone was not found/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.callsOf('containers.inspect')).toHaveLength(2));
  });

  it('streams logs: stderr marked, search with a match count, closed on unmount', async () => {
    const { fake, user, unmount } = renderWithStore(<ContainerDetailsPage id="web" tab="logs" />, inspect());
    await screen.findByRole('log', { name: 'Logs of web' });
    const stream = fake.openStream('containers.logs');
    expect(stream.params).toMatchObject({ id: 'abc123', follow: true, tail: 1000 });
    act(() => {
      stream.data({ lines: [{ stream: 'stdout', text: 'server \x1b[32mready\x1b[0m' }, { stream: 'stderr', text: 'disk almost full' }] });
    });
    const log = screen.getByRole('log', { name: 'Logs of web' });
    await waitFor(() => expect(log).toHaveTextContent('disk almost full'));
    expect(within(log).getByText('ready')).toHaveStyle({ color: '#0dbc79' });
    expect(log.querySelector('[data-stream="stderr"]')).toHaveTextContent('disk almost full');
    await user.click(screen.getByRole('textbox', { name: 'Search the logs' }));
    await user.paste('ALMOST');
    expect(screen.getByText('1 of 1')).toBeInTheDocument();
    expect(log.querySelector('mark')).toHaveTextContent('almost');
    unmount();
    expect(stream.closed).toBe(true);
  });

  it('reopens the log stream when the tail changes and reports the end of the log', async () => {
    const { fake } = renderWithStore(<ContainerDetailsPage id="web" tab="logs" />, inspect());
    await screen.findByRole('log', { name: 'Logs of web' });
    act(() => fake.openStream('containers.logs').end());
    expect(await screen.findByText('The container stopped, so its log ended.')).toBeInTheDocument();
  });

  it('charts stats and shows the newest figures', async () => {
    const { fake } = renderWithStore(<ContainerDetailsPage id="web" tab="stats" />, inspect());
    expect(await screen.findByText('Waiting for the first sample…')).toBeInTheDocument();
    const stream = fake.openStream('containers.stats');
    act(() => stream.data(sample(12.5, 64 * 1024 ** 2)));
    const cpu = await screen.findByRole('group', { name: 'CPU' });
    expect(cpu).toHaveTextContent('12.5 %');
    expect(screen.getByRole('group', { name: 'Memory' })).toHaveTextContent('64.0 MiB');
    act(() => stream.data(sample(80, 65 * 1024 ** 2)));
    expect(cpu).toHaveTextContent('80.0 %');
  });

  it('does not open stats or a terminal for a stopped container', async () => {
    const { fake } = renderWithStore(<ContainerDetailsPage id="web" tab="terminal" />, inspect({ state: 'exited', statusText: 'Exited (0)' }));
    expect(await screen.findByText(/The container is exited. Start it to open a terminal/)).toBeInTheDocument();
    expect(fake.streams).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
  });

  it('browses folders, follows links and downloads a file', async () => {
    const { fake, user } = renderWithStore(<ContainerDetailsPage id="web" tab="files" />, {
      ...inspect(),
      'containers.files.list': ({ path }) =>
        ok({
          path,
          type: 'dir',
          truncated: false,
          entries:
            path === '/'
              ? [
                  { name: 'etc', path: '/etc', type: 'dir', size: 0, mode: 'drwxr-xr-x', mtime: 0 },
                  { name: 'data.txt', path: '/data.txt', type: 'file', size: 6, mode: '-rw-r--r--', mtime: 0 },
                ]
              : [{ name: 'hostname', path: '/etc/hostname', type: 'file', size: 7, mode: '-rw-r--r--', mtime: 0 }],
        }),
      'containers.files.download': () => ok({ transferId: 't1', direction: 'download', filename: 'data.txt', expiresAt: Date.now() + 60_000 }),
    });
    const root = await screen.findByRole('grid', { name: 'Files in /' });
    expect(await within(root).findByText('data.txt')).toBeInTheDocument();
    expect(within(root).getByText('6 B')).toBeInTheDocument();
    await user.click(within(root).getByRole('button', { name: 'Download data.txt' }));
    await waitFor(() => expect(fake.callsOf('containers.files.download')).toEqual([{ id: 'abc123', path: '/data.txt' }]));
    await user.click(within(root).getByRole('button', { name: 'etc' }));
    expect(await screen.findByRole('grid', { name: 'Files in /etc' })).toBeInTheDocument();
    expect(await screen.findByText('hostname')).toBeInTheDocument();
  });

  it('searches the inspect JSON by key and value', async () => {
    const { user } = renderWithStore(<ContainerDetailsPage id="web" tab="inspect" />, inspect());
    const list = await screen.findByRole('list', { name: 'Inspect fields' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    await user.click(screen.getByRole('textbox', { name: 'Search inspect' }));
    await user.paste('pid');
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText('Pid')).toContainHTML('mark');
    expect(screen.getByText('1 of 4 fields')).toBeInTheDocument();
  });

  it('lists processes and refreshes them', async () => {
    const { fake, user } = renderWithStore(<ContainerDetailsPage id="web" tab="processes" />, {
      ...inspect(),
      'containers.top': () => ok({ titles: ['PID', 'CMD'], processes: [['42', 'nginx: master process']] }),
    });
    const table = await screen.findByRole('table', { name: 'Processes' });
    expect(table).toHaveTextContent('nginx: master process');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fake.callsOf('containers.top')).toHaveLength(2));
  });

  it('shows environment, mounts, ports, networks and labels as tables', async () => {
    for (const [tab, text] of [
      ['env', 'NGINX_PORT'],
      ['mounts', '/usr/share/nginx/html'],
      ['ports', '0.0.0.0:8080'],
      ['networks', '172.17.0.2/16'],
      ['labels', 'com.example.team'],
    ] as const) {
      const { unmount } = renderWithStore(<ContainerDetailsPage id="web" tab={tab} />, inspect());
      expect(await screen.findByText(text)).toBeInTheDocument();
      unmount();
    }
  });
});
