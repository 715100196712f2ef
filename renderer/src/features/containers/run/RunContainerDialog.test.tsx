// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type ContainerSpec } from '../../../api/contract';
import { renderWithStore } from '../../../testing/render';
import { RunContainerDialog } from './RunContainerDialog';

const noImages = { 'images.list': () => ok([]), 'networks.list': () => ok([]) };

describe('RunContainerDialog', { timeout: 30_000 }, () => {
  it('validates inline with the contract schema and sends nothing while a field is wrong', async () => {
    const { user, fake } = renderWithStore(
      <RunContainerDialog mode={{ kind: 'run' }} onClose={vi.fn()} onDone={vi.fn()} />,
      {
        ...noImages,
        'containers.create': () => ok({ id: 'x', name: 'x', started: true }),
      },
    );
    const dialog = screen.getByRole('dialog', { name: 'Run a container' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), '-x');
    expect(within(dialog).getByText(/Use at least 2 characters/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add port' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Host port, row 1' }), '70000');
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    expect(
      within(dialog).getByText(/4 settings need fixing: see the highlighted fields/),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('The container port is required')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose an image')).toBeInTheDocument();
    expect(within(dialog).getByText('Host port must be between 1 and 65535')).toBeInTheDocument();
    expect(fake.callsOf('containers.create')).toEqual([]);
  });

  it('warns before running a risky setting, with the fix, as the user ticks it', async () => {
    const { user } = renderWithStore(<RunContainerDialog mode={{ kind: 'run' }} onClose={vi.fn()} onDone={vi.fn()} />, noImages);
    const dialog = screen.getByRole('dialog', { name: 'Run a container' });
    expect(within(dialog).queryByText('Privileged container')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /Security/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Privileged' }));
    const note = within(dialog).getByRole('note');
    expect(within(note).getByText('Risky settings for this container')).toBeInTheDocument();
    expect(within(note).getByText('Privileged container')).toBeInTheDocument();
    expect(note.textContent).toContain('Recreate it without --privileged');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Privileged' }));
    expect(within(dialog).queryByRole('note')).not.toBeInTheDocument();
  });

  it('tells an operator before running host power that only an admin can, and holds Run until it is removed', async () => {
    const { user, fake } = renderWithStore(<RunContainerDialog mode={{ kind: 'run' }} onClose={vi.fn()} onDone={vi.fn()} />, {
      ...noImages,
      'session.me': () => ok({ user: 'otto', role: 'operator' }),
    });
    const dialog = screen.getByRole('dialog', { name: 'Run a container' });
    await waitFor(() => expect(fake.callsOf('session.me')).toHaveLength(1));
    await user.click(within(dialog).getByRole('button', { name: /Security/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Privileged' }));
    const notice = await within(dialog).findByRole('note', { name: 'Needs an admin' });
    expect(notice).toHaveTextContent('This container runs privileged, which is power over the host: an operator cannot deploy it.');
    expect(within(dialog).getByRole('button', { name: 'Run' })).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Privileged' }));
    expect(within(dialog).queryByRole('note', { name: 'Needs an admin' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Run' })).toBeEnabled();
  });

  it('runs containers.create with the parsed spec and reports the new container', async () => {
    const onDone = vi.fn();
    const { user, fake } = renderWithStore(
      <RunContainerDialog mode={{ kind: 'run' }} onClose={vi.fn()} onDone={onDone} />,
      {
        ...noImages,
        'containers.create': () => ok({ id: 'new-id', name: 'web', started: true }),
      },
    );
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: 'Image' }), 'nginx:1.27');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'web');
    await user.type(within(dialog).getByRole('textbox', { name: 'Command' }), 'sh -c "echo hi && sleep 1"');
    await user.click(within(dialog).getByRole('button', { name: 'Add variable' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'variable name, row 1' }), 'MODE');
    await user.type(within(dialog).getByRole('textbox', { name: 'variable value, row 1' }), 'prod');
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    expect(fake.callsOf('containers.create')).toEqual([
      {
        start: true,
        spec: expect.objectContaining({
          image: 'nginx:1.27',
          name: 'web',
          command: ['sh', '-c', 'echo hi && sleep 1'],
          env: { MODE: 'prod' },
        }) as unknown,
      },
    ]);
    expect(onDone).toHaveBeenCalledWith({ id: 'new-id', name: 'web' }, 'Started web');
  });

  it('keeps everything entered and marks the field the engine complained about', async () => {
    const { user } = renderWithStore(
      <RunContainerDialog mode={{ kind: 'run' }} onClose={vi.fn()} onDone={vi.fn()} />,
      {
        ...noImages,
        'containers.create': () => ({
          ok: false as const,
          error: {
            code: 'CONFLICT' as const,
            message: 'Host port 8080 is already in use by another container or program.',
            details: { field: 'ports', hostPort: 8080 },
          },
        }),
      },
    );
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: 'Image' }), 'nginx');
    await user.click(within(dialog).getByRole('button', { name: 'Add port' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Host port, row 1' }), '8080');
    await user.type(within(dialog).getByRole('textbox', { name: 'Container port, row 1' }), '80');
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Host port 8080 is already in use');
    expect(within(dialog).getByText('Port 8080 is already in use on the host')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Image' })).toHaveValue('nginx');
    expect(within(dialog).getByRole('textbox', { name: 'Container port, row 1' })).toHaveValue('80');
  });

  it('pastes a .env into variable rows', async () => {
    const { user } = renderWithStore(
      <RunContainerDialog mode={{ kind: 'run' }} onClose={vi.fn()} onDone={vi.fn()} />,
      noImages,
    );
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Paste .env' }));
    await user.click(within(dialog).getByRole('textbox', { name: '.env file contents' }));
    await user.paste('# db\nDB_HOST=db\nDB_PORT=5432\n');
    await user.click(within(dialog).getByRole('button', { name: 'Add these variables' }));
    expect(within(dialog).getByRole('textbox', { name: 'variable name, row 2' })).toHaveValue('DB_PORT');
    expect(within(dialog).getByRole('textbox', { name: 'variable value, row 2' })).toHaveValue('5432');
  });

  it('edits settings: prefilled, explains the recreate, fixes what cannot change, sends only the changes', async () => {
    const spec: ContainerSpec = {
      name: 'api',
      image: 'app:1',
      command: ['serve'],
      ports: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
      env: { MODE: 'old' },
      volumes: [],
      labels: {},
      capAdd: [],
      capDrop: [],
      readOnlyRootfs: false,
      privileged: false,
      autoRemove: false,
      tty: false,
    };
    const onDone = vi.fn();
    const { user, fake } = renderWithStore(
      <RunContainerDialog
        mode={{ kind: 'edit', id: 'api-id', name: 'api' }}
        onClose={vi.fn()}
        onDone={onDone}
      />,
      {
        ...noImages,
        'containers.spec': () => ok(spec),
        'containers.recreate': () => ok({ id: 'api-2', name: 'api', changed: ['env'], restarted: true }),
      },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit settings of api' });
    expect(dialog).toHaveTextContent(/files changed inside the container outside volumes are lost/);
    const value = await within(dialog).findByRole('textbox', { name: 'variable value, row 1' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Recreate with changes' })).toBeDisabled();
    await user.clear(value);
    await user.type(value, 'new');
    await user.click(within(dialog).getByRole('button', { name: 'Recreate with changes' }));
    expect(fake.callsOf('containers.recreate')).toEqual([
      { id: 'api-id', changes: { env: { MODE: 'new' } } },
    ]);
    expect(onDone).toHaveBeenCalledWith({ id: 'api-2', name: 'api' }, 'Recreated api with new env');
  });

  it('edits the image tag and the command too, and shows a port another container holds at the port', async () => {
    const spec: ContainerSpec = {
      name: 'api', image: 'app:1', command: ['serve'], ports: [], env: {}, volumes: [], labels: {},
      capAdd: [], capDrop: [], readOnlyRootfs: false, privileged: false, autoRemove: false, tty: false,
    };
    const { user, fake } = renderWithStore(
      <RunContainerDialog mode={{ kind: 'edit', id: 'api-id', name: 'api' }} onClose={vi.fn()} onDone={vi.fn()} />,
      {
        ...noImages,
        'containers.spec': () => ok(spec),
        'containers.recreate': () =>
          fail(
            'CONFLICT',
            'Host port 8080/tcp is already published by container web. Choose another host port; nothing was stopped or changed.',
            { field: 'ports', hostPort: 8080, container: 'web' },
          ),
      },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit settings of api' });
    const image = await within(dialog).findByRole('combobox', { name: 'Image' });
    await user.clear(image);
    await user.type(image, 'app:2');
    const command = within(dialog).getByRole('textbox', { name: 'Command' });
    await user.clear(command);
    await user.type(command, 'serve --fast');
    await user.click(within(dialog).getByRole('button', { name: 'Recreate with changes' }));
    expect(fake.callsOf('containers.recreate')).toEqual([
      { id: 'api-id', changes: { image: 'app:2', command: ['serve', '--fast'] } },
    ]);
    expect(await within(dialog).findByText(/already published by container web\. Choose another host port/)).toBeInTheDocument();
  });

  it('asks before Escape discards typed input; untouched, Escape just closes', async () => {
    const onClose = vi.fn();
    const { user, store } = renderWithStore(
      <RunContainerDialog mode={{ kind: 'run' }} onClose={onClose} onDone={vi.fn()} />,
      noImages,
    );
    const dialog = screen.getByRole('dialog', { name: 'Run a container' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'web');
    expect(Object.values(store.getState().unsaved)).toEqual([expect.objectContaining({ label: 'the run form' })]);
    await user.keyboard('{Escape}');
    const ask = await screen.findByRole('dialog', { name: 'Discard what you typed?' });
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('web');

    await user.click(within(dialog).getByRole('textbox', { name: 'Name' }));
    await user.keyboard('{Escape}');
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard what you typed?' })).getByRole('button', { name: 'Discard' }));
    expect(onClose).toHaveBeenCalledTimes(1);

    // Back to what it started with: nothing to lose, so Escape closes at once.
    await user.clear(within(dialog).getByRole('textbox', { name: 'Name' }));
    expect(store.getState().unsaved).toEqual({});
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog', { name: 'Discard what you typed?' })).not.toBeInTheDocument();
  });
});
