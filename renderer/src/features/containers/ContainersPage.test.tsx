// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { ok, type Result } from '../../api/contract';
import { container } from '../../testing/fixtures';
import { deferred, renderWithStore, withFakeLayout } from '../../testing/render';
import { ContainersPage } from './ContainersPage';

withFakeLayout();
// The filter lives in the hash query: every test starts from a plain #/containers.
beforeEach(() => window.history.replaceState(null, '', '#/containers'));

const list = [
  container('web', {
    ports: [{ ip: '0.0.0.0', privatePort: 80, publicPort: 8080, protocol: 'tcp' }],
    composeProject: 'shop',
  }),
  container('db', { image: 'postgres:16', state: 'exited', status: 'Exited (0) 2 hours ago' }),
];

const setup = (handlers = {}) =>
  renderWithStore(<ContainersPage />, { 'containers.list': () => ok(list), ...handlers });

// The page renders the full toolbar and MUI menus: slow in jsdom on a busy 2-core machine, not in a browser.
describe('ContainersPage', { timeout: 20_000 }, () => {
  it('renders a row per container from containers.list, with state, ports and project', async () => {
    setup();
    const web = await screen.findByRole('row', { name: 'web' });
    expect(within(web).getByText('running')).toBeInTheDocument();
    expect(within(web).getByText('shop')).toBeInTheDocument();
    const link = within(web).getByRole('link', { name: '8080→80/tcp' });
    expect(link).toHaveAttribute('href', 'http://localhost:8080');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('row', { name: 'db' })).toHaveTextContent('Exited (0) 2 hours ago');
    expect(screen.getByText('2 containers')).toBeInTheDocument();
  });

  it('updates and removes rows from containers.changed patches', async () => {
    const { fake } = setup();
    await screen.findByRole('row', { name: 'web' });
    act(() =>
      fake.emit('containers.changed', {
        kind: 'patch',
        upserts: [
          container('web', { state: 'paused', status: 'Up 5 minutes (Paused)' }),
          container('cache', { image: 'redis' }),
        ],
        removed: ['db-id'],
      }),
    );
    expect(within(screen.getByRole('row', { name: 'web' })).getByText('paused')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'cache' })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: 'db' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume web' })).toBeInTheDocument();
  });

  it('stops a container: calls containers.stop with its id, shows progress, then clears it', async () => {
    const stop = deferred<Result<void>>();
    const { user, fake } = setup({ 'containers.stop': () => stop.promise });
    await user.click(await screen.findByRole('button', { name: 'Stop web' }));
    expect(fake.callsOf('containers.stop')).toEqual([{ id: 'web-id' }]);
    const row = screen.getByRole('row', { name: 'web' });
    expect(within(row).getByText('Stopping…')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Stop web' })).toBeDisabled();
    expect(row).toHaveAttribute('aria-busy', 'true');
    await act(() => {
      stop.resolve(ok(undefined));
      return Promise.resolve();
    });
    expect(within(row).queryByText('Stopping…')).not.toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Stop web' })).toBeEnabled();
  });

  it('shows a failed action inline with details, and lets the user dismiss it', async () => {
    const { user } = setup({
      'containers.start': () => ({
        ok: false as const,
        error: {
          code: 'ENGINE_ERROR' as const,
          message: 'Port 5432 is already in use.',
          details: 'bind: address already in use',
        },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Start db' }));
    const row = screen.getByRole('row', { name: 'db' });
    expect(await within(row).findByText(/Start failed: Port 5432 is already in use\./)).toBeInTheDocument();
    expect(within(row).queryByText('bind: address already in use')).not.toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Details' }));
    expect(within(row).getByText('bind: address already in use')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Dismiss error for db' }));
    expect(within(row).queryByText(/Start failed/)).not.toBeInTheDocument();
  });

  it('asks for confirmation before removing, says what is lost, and passes the choices', async () => {
    const { user, fake } = setup({ 'containers.remove': () => ok(undefined) });
    await user.click(await screen.findByRole('button', { name: 'Remove web' }));
    let dialog = screen.getByRole('dialog', { name: 'Remove container web?' });
    expect(dialog).toHaveTextContent(/writable layer/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsOf('containers.remove')).toEqual([]);
    expect(screen.getByRole('row', { name: 'web' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove web' }));
    dialog = screen.getByRole('dialog', { name: 'Remove container web?' });
    expect(within(dialog).getByRole('checkbox', { name: /Force/ })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: /anonymous volumes/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(fake.callsOf('containers.remove')).toEqual([{ id: 'web-id', force: true, volumes: true }]);
    await waitFor(() => expect(screen.queryByRole('row', { name: 'web' })).not.toBeInTheDocument());
  });

  it('narrows rows with the filter box (focused by /) and the state filter', async () => {
    const { user } = setup();
    await screen.findByRole('row', { name: 'web' });
    await user.keyboard('/');
    const box = screen.getByRole('textbox', { name: 'Filter containers' });
    expect(box).toHaveFocus();
    await user.keyboard('postgres');
    expect(screen.queryByRole('row', { name: 'web' })).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'db' })).toBeInTheDocument();
    expect(screen.getByText('1 of 2 containers')).toBeInTheDocument();
    await user.clear(box);
    await user.click(screen.getByRole('combobox', { name: 'State' }));
    await user.click(screen.getByRole('option', { name: 'running' }));
    expect(screen.getByRole('row', { name: 'web' })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: 'db' })).not.toBeInTheDocument();
  });

  it('sorts by a column when its header is clicked', async () => {
    const { user } = setup();
    await screen.findByRole('row', { name: 'web' });
    const names = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.getAttribute('aria-label'));
    expect(names()).toEqual(['db', 'web']);
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(names()).toEqual(['web', 'db']);
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('teaches the next step when there are no containers', async () => {
    renderWithStore(<ContainersPage />, { 'containers.list': () => ok([]) });
    expect(await screen.findByText('No containers yet')).toBeInTheDocument();
    expect(screen.getByText('docker run -d --name web -p 8080:80 nginx')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Run a container' })).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Compose file' })).toHaveAttribute('href', '#/compose');
  });

  it('says why the list failed', async () => {
    renderWithStore(<ContainersPage />, {
      'containers.list': () => ({
        ok: false as const,
        error: { code: 'ENGINE_UNREACHABLE' as const, message: 'The engine is not running.' },
      }),
    });
    expect(
      await screen.findByText(/Could not list containers: The engine is not running\./),
    ).toBeInTheDocument();
  });

  it('leaves the unreachable engine to the banner instead of repeating the error', async () => {
    renderWithStore(<ContainersPage />, {
      'engine.status': () => ok({ state: 'unreachable' as const, since: 0 }),
      'containers.list': () => ({
        ok: false as const,
        error: { code: 'ENGINE_UNREACHABLE' as const, message: 'The engine is not running.' },
      }),
    });
    expect(
      await screen.findByText('Containers appear here once the engine can be reached.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Could not list containers/)).not.toBeInTheDocument();
  });
});
