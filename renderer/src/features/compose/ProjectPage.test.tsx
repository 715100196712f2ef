// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { ErrorCode, ok } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { ComposePage } from './ComposePage';
import { detail, project, step, task } from './testing/projects';

// Monaco cannot run in jsdom: the editor's interface is served by the plain text area here (the e2e covers Monaco).
vi.mock('../../components/editor/CodeEditor', async () => ({
  CodeEditor: (await import('../../components/editor/PlainTextEditor')).PlainTextEditor,
}));

withFakeLayout();

afterEach(() => {
  window.location.hash = '';
});

const shop = project('shop');

function setup(hash: string, handlers = {}) {
  window.location.hash = hash;
  return renderWithStore(<ComposePage />, {
    'engine.status': () => ok(connectedStatus),
    'compose.projects.list': () => ok([shop]),
    'compose.projects.get': () => ok(detail(shop)),
    'tasks.list': () => ok([]),
    ...handlers,
  });
}

// Many user-event steps per test: generous under a loaded CI machine (2 cores, parallel test files).
describe('Project page', { timeout: 20_000 }, () => {
  it('lists the services with state, replicas, container links and port links', async () => {
    setup('#/compose/shop');
    const web = await screen.findByRole('row', { name: 'web' });
    expect(within(web).getByText('running')).toBeInTheDocument();
    expect(within(web).getByRole('link', { name: 'shop-web-1' })).toHaveAttribute('href', '#/containers/shop-web-1-id');
    expect(within(web).getByRole('link', { name: '18080→8080/tcp' })).toHaveAttribute('href', 'http://localhost:18080');
    expect(within(screen.getByRole('row', { name: 'worker' })).getByText('after web')).toBeInTheDocument();
  });

  it('runs Up with the project source and shows per-service progress, failure and cancel from task updates', async () => {
    const { user, fake } = setup('#/compose/shop', { 'compose.up': () => ok({ taskId: 'up1' }), 'tasks.cancel': () => ok(undefined) });
    await screen.findByRole('row', { name: 'web' });
    await user.click(screen.getByRole('button', { name: 'Up' }));
    expect(fake.callsOf('compose.up')).toEqual([
      { source: { workingDir: '/srv/shop', files: ['/srv/shop/compose.yaml'], projectName: 'shop' }, detach: true, pull: 'missing' },
    ]);
    act(() =>
      fake.emit('tasks.changed', {
        kind: 'patch',
        upserts: [task('up1', { steps: [step('web', 'running', 'Creating'), step('worker', 'waiting', 'Waiting')] })],
        removed: [],
      }),
    );
    const progress = await screen.findByRole('region', { name: 'Progress: Up shop' });
    const services = within(progress).getByRole('list', { name: 'Services progress' });
    expect(within(services).getByRole('listitem', { name: 'web: Creating' })).toBeInTheDocument();
    expect(within(services).getByRole('listitem', { name: 'worker: Waiting' })).toBeInTheDocument();
    expect(within(progress).getByRole('progressbar', { name: 'Up shop progress' })).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeDisabled();

    await user.click(within(progress).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsOf('tasks.cancel')).toEqual([{ id: 'up1' }]);

    act(() =>
      fake.emit('tasks.changed', {
        kind: 'patch',
        upserts: [
          task('up1', {
            state: 'failed',
            steps: [step('web', 'done', 'Started'), step('worker', 'failed', 'port 8080 is already allocated')],
            error: { code: ErrorCode.ENGINE_ERROR, message: 'worker failed to start.', details: { statusCode: 500 } },
          }),
        ],
        removed: [],
      }),
    );
    const alert = within(progress).getByRole('alert');
    expect(alert).toHaveTextContent('worker failed to start.');
    expect(alert).toHaveTextContent('worker: port 8080 is already allocated');
    expect(within(alert).queryByText(/statusCode/)).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Details' }));
    expect(within(alert).getByText(/statusCode/)).toBeInTheDocument();
    expect(within(progress).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });

  it('Up with options passes the chosen pull policy and --wait', async () => {
    const { user, fake } = setup('#/compose/shop', { 'compose.up': () => ok({ taskId: 'up2' }) });
    await screen.findByRole('row', { name: 'web' });
    await user.click(screen.getByRole('button', { name: 'Up with options' }));
    const dialog = await screen.findByRole('dialog', { name: 'Up shop' });
    await user.click(within(dialog).getByRole('checkbox', { name: /Wait until every service runs/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Up' }));
    expect(fake.callsOf('compose.up')).toEqual([
      { source: { workingDir: '/srv/shop', files: ['/srv/shop/compose.yaml'], projectName: 'shop' }, detach: true, pull: 'missing', wait: true },
    ]);
  });

  it('shows a task the tasks list already knows finished, and closes its progress', async () => {
    const { user } = setup('#/compose/shop', {
      'compose.restart': () => ok({ taskId: 'r1' }),
      'tasks.list': () => ok([task('r1', { title: 'Restart shop', state: 'succeeded', steps: [step('web', 'done', 'Restarted')] })]),
    });
    await screen.findByRole('row', { name: 'web' });
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    const progress = await screen.findByRole('region', { name: 'Progress: Restart shop' });
    expect(progress).toHaveTextContent('Restart shop — done');
    await user.click(within(progress).getByRole('button', { name: 'Close progress' }));
    expect(screen.queryByRole('region', { name: 'Progress: Restart shop' })).not.toBeInTheDocument();
  });

  it('saves a compose file with its mtime, and on CONFLICT offers reload or overwrite', async () => {
    let disk = { content: 'services:\n  web:\n    image: busybox\n', mtime: 1000 };
    const write = vi.fn((p: { content: string; expectedMtime?: number }) => {
      if (p.expectedMtime !== undefined && p.expectedMtime !== disk.mtime) {
        return { ok: false as const, error: { code: ErrorCode.CONFLICT, message: 'compose.yaml changed on disk.' } };
      }
      disk = { content: p.content, mtime: disk.mtime + 1 };
      return ok({ mtime: disk.mtime });
    });
    const { user, fake } = setup('#/compose/shop/files', {
      'compose.files.read': () => ok(disk),
      'compose.files.write': write,
      'compose.validate': () => ok({ problems: [] }),
    });
    const editor = await screen.findByRole('textbox', { name: 'compose.yaml' });
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.type(editor, '# mine\n');
    expect(screen.getByText('unsaved changes')).toBeInTheDocument();
    disk = { content: 'services: {}\n', mtime: 2000 }; // someone else saved meanwhile
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(write).toHaveBeenLastCalledWith(expect.objectContaining({ path: '/srv/shop/compose.yaml', expectedMtime: 1000 }));
    const dialog = await screen.findByRole('dialog', { name: 'compose.yaml changed on disk' });
    await user.click(within(dialog).getByRole('button', { name: 'Overwrite' }));
    await waitFor(() => expect(disk.content).toBe('services:\n  web:\n    image: busybox\n# mine\n'));
    expect(write.mock.calls.at(-1)?.[0]).not.toHaveProperty('expectedMtime');
    await waitFor(() => expect(screen.queryByText('unsaved changes')).not.toBeInTheDocument());

    // A second conflict, resolved by reloading the other version.
    await user.type(editor, 'x');
    disk = { content: 'services: {other: {image: x}}\n', mtime: 3000 };
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reload from disk' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'compose.yaml' })).toHaveValue('services: {other: {image: x}}\n'));
    expect(fake.callsOf('compose.files.read')).toHaveLength(2);
  });

  it("shows Berth's validation problems of the unsaved text, debounced", async () => {
    const { user, fake } = setup('#/compose/shop/files', {
      'compose.files.read': () => ok({ content: 'services:\n', mtime: 1 }),
      'compose.validate': (p: { content: string }) =>
        ok({ problems: p.content.includes('${') ? [{ line: 2, col: 14, path: 'services.web.image', message: 'Unclosed variable', severity: 'error' as const }] : [] }),
    });
    const editor = await screen.findByRole('textbox', { name: 'compose.yaml' });
    await user.type(editor, '  web: {{image: "${{X"}');
    const problems = await screen.findByRole('list', { name: 'Problems in compose.yaml' }, { timeout: 3000 });
    expect(problems).toHaveTextContent('Unclosed variable (services.web.image)');
    expect(problems).toHaveTextContent('Line 2, column 14');
    // Choosing the problem puts the cursor on it.
    await user.click(within(problems).getByRole('button', { name: /Unclosed variable/ }));
    expect(editor).toHaveFocus();
    expect((editor as HTMLTextAreaElement).selectionStart).toBe('services:\n'.length + 13);
    // Debounced: far fewer calls than keystrokes.
    expect(fake.callsOf('compose.validate').length).toBeLessThan(5);
    expect(fake.callsOf('compose.validate').at(-1)).toEqual({ content: 'services:\n  web: {image: "${X"}', fileName: 'compose.yaml', workingDir: '/srv/shop' });
  });

  it('edits the .env as variables and saves it', async () => {
    const { user, fake } = setup('#/compose/shop/environment', {
      'compose.env.read': () => ok({ path: '/srv/shop/.env', content: '# ports\nWEB_PORT=8080\n', exists: true, mtime: 5 }),
      'compose.env.write': () => ok({ mtime: 6 }),
    });
    const value = await screen.findByRole('textbox', { name: 'Value of WEB_PORT' });
    await user.clear(value);
    await user.type(value, '9090');
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    await user.type(screen.getByRole('textbox', { name: 'Name of variable 2' }), '1BAD');
    expect(screen.getByText(/"1BAD" is not a valid variable name/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.clear(screen.getByRole('textbox', { name: 'Name of variable 2' }));
    await user.type(screen.getByRole('textbox', { name: 'Name of variable 2' }), 'TAG');
    await user.type(screen.getByRole('textbox', { name: 'Value of TAG' }), 'v2');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsOf('compose.env.write')).toEqual([{ workingDir: '/srv/shop', content: '# ports\nWEB_PORT=9090\nTAG=v2\n', expectedMtime: 5 }]);
    await user.click(screen.getByRole('button', { name: 'Raw text' }));
    expect(screen.getByRole('textbox', { name: '.env' })).toHaveValue('# ports\nWEB_PORT=9090\nTAG=v2\n');
  });

  it('shows merged logs from the compose.logs stream, searchable, and closes the stream on leaving', async () => {
    const { user, fake, unmount } = setup('#/compose/shop/logs');
    await waitFor(() => expect(fake.streamsOf('compose.logs')).toHaveLength(1));
    const stream = fake.openStream('compose.logs');
    // Stamps are always asked for (the backend merges by them); the view shows them on demand.
    expect(stream.params).toMatchObject({ name: 'shop', follow: true, timestamps: true });
    act(() =>
      stream.data({
        lines: [
          { stream: 'stdout', text: 'listening on 8080', service: 'web', container: 'shop-web-1', ts: '2026-12-07T05:00:01.123456789Z' },
          { stream: 'stderr', text: 'waiting for web', service: 'worker', container: 'shop-worker-1', ts: '2026-12-07T05:00:02.5Z' },
        ],
      }),
    );
    const log = screen.getByRole('log', { name: 'Logs of shop' });
    expect(await within(log).findByText('listening on 8080')).toBeInTheDocument();
    expect(within(log).getByText('waiting for web')).toBeInTheDocument();
    expect(within(log).queryByText('2026-12-07 05:00:01.123')).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Timestamps' }));
    expect(within(log).getByText('2026-12-07 05:00:01.123')).toBeInTheDocument();
    expect(within(log).getByText('2026-12-07 05:00:02.5')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Search the logs' }), 'listening');
    expect(within(log).queryByText('waiting for web')).not.toBeInTheDocument();
    expect(screen.getByText('1 of 2 lines')).toBeInTheDocument();
    unmount();
    expect(stream.closed).toBe(true);
  });

  it('keeps the action buttons in place when Up finishes: unavailable ones are disabled, not removed', async () => {
    const fresh = project('shop', { status: 'stopped', containers: { running: 0, total: 0 } });
    const { fake } = setup('#/compose/shop', { 'compose.projects.list': () => ok([fresh]), 'compose.projects.get': () => ok(detail(fresh)) });
    const header = () => screen.getAllByRole('button').filter((b) => ['Up', 'Start', 'Stop', 'Restart', 'Down'].includes(b.textContent));
    await screen.findByRole('row', { name: 'web' });
    expect(header().map((b) => b.textContent)).toEqual(['Up', 'Start', 'Stop', 'Restart', 'Down']);
    expect(screen.getByRole('button', { name: 'Down' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Up' })).toBeEnabled();
    act(() => fake.emit('compose.changed', { kind: 'patch', upserts: [project('shop')], removed: [] }));
    expect(header().map((b) => b.textContent)).toEqual(['Up', 'Start', 'Stop', 'Restart', 'Down']);
    expect(screen.getByRole('button', { name: 'Down' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
  });

  it('clears the "Up … did not start" error once a fix to the files is saved', async () => {
    const { user } = setup('#/compose/shop', {
      'compose.up': () => ({ ok: false as const, error: { code: ErrorCode.INVALID_ARGUMENT, message: 'compose.yaml:4: unknown key "comand"' } }),
      'compose.files.read': () => ok({ content: 'services:\n', mtime: 1 }),
      'compose.files.write': () => ok({ mtime: 2 }),
      'compose.validate': () => ok({ problems: [] }),
    });
    await screen.findByRole('row', { name: 'web' });
    await user.click(screen.getByRole('button', { name: 'Up' }));
    expect(await screen.findByText(/Up of shop did not start/)).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Files' }));
    await user.type(await screen.findByRole('textbox', { name: 'compose.yaml' }), '  web: {{image: busybox}');
    expect(screen.getByText(/Up of shop did not start/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByText(/Up of shop did not start/)).not.toBeInTheDocument());
  });
});
