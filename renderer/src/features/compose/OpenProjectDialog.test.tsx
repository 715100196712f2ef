// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ErrorCode, ok, type ComposeBrowseResult, type MethodInput } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore } from '../../testing/render';
import { ComposePage } from './ComposePage';
import { project } from './testing/projects';

const listings: Record<string, ComposeBrowseResult> = {
  home: {
    path: '/home/ann',
    parent: '/home',
    entries: [
      { name: 'notes', type: 'dir', isCompose: false },
      { name: 'app', type: 'dir', isCompose: true },
      { name: 'dots', type: 'dir', isCompose: false },
    ],
    hidden: 3,
  },
  '/home/ann/app': {
    path: '/home/ann/app',
    parent: '/home/ann',
    entries: [
      { name: 'compose.yaml', type: 'file', isCompose: true },
      { name: 'README.md', type: 'file', isCompose: false },
    ],
    hidden: 0,
  },
};

const browse = (p: MethodInput<'compose.files.browse'>) => {
  if (p.path === '/home/ann/dots')
    return ok({
      path: p.path,
      parent: '/home/ann',
      entries: p.showHidden ? [{ name: '.config', type: 'dir' as const, isCompose: false }] : [],
      hidden: p.showHidden ? 0 : 1,
    });
  const listing = listings[p.path ?? 'home'];
  return listing ? ok(listing) : { ok: false as const, error: { code: ErrorCode.NOT_FOUND, message: `${p.path} does not exist.` } };
};

beforeEach(() => {
  window.location.hash = '#/compose';
});
afterEach(() => {
  window.location.hash = '';
});

const setup = (handlers = {}) =>
  renderWithStore(<ComposePage />, {
    'engine.status': () => ok(connectedStatus),
    'compose.projects.list': () => ok([]),
    'compose.files.browse': browse,
    ...handlers,
  });

async function openFolder(user: ReturnType<typeof setup>['user']) {
  await user.click((await screen.findAllByRole('button', { name: 'Open project…' }))[0] as HTMLElement);
  const dialog = screen.getByRole('dialog', { name: 'Open a compose project' });
  const home = await within(dialog).findByRole('list', { name: 'Folder contents' });
  expect(within(home).getByText('has compose file')).toBeInTheDocument();
  await user.click(within(home).getByText('app'));
  await within(dialog).findByText('compose.yaml');
  return dialog;
}

describe('Open project', { timeout: 20_000 }, () => {
  it('says a folder holding only hidden entries is not empty, and shows them on request', async () => {
    const { user } = setup();
    await user.click((await screen.findAllByRole('button', { name: 'Open project…' }))[0] as HTMLElement);
    const dialog = screen.getByRole('dialog', { name: 'Open a compose project' });
    await user.click(within(await within(dialog).findByRole('list', { name: 'Folder contents' })).getByText('dots'));
    expect(await within(dialog).findByText(/only hidden entries \(1 name starting with “.”\)/)).toBeInTheDocument();
    expect(within(dialog).queryByText('This folder is empty.')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Show hidden' }));
    expect(await within(dialog).findByText('.config')).toBeInTheDocument();
    expect(within(dialog).getByRole('switch', { name: 'Show hidden' })).toBeChecked();
  });

  it('shows the file:line problems of invalid files and opens nothing', async () => {
    const { user, fake } = setup({
      'compose.config': () => ({
        ok: false,
        error: {
          code: ErrorCode.INVALID_ARGUMENT,
          message: 'The compose file is invalid.',
          details: { problems: [{ file: '/home/ann/app/compose.yaml', line: 3, col: 5, path: 'services.web.ports[0]', message: 'Invalid port "80:80:80"' }] },
        },
      }),
      'compose.projects.open': () => ok(project('app')),
    });
    const dialog = await openFolder(user);
    const problems = await within(dialog).findByRole('list', { name: 'Compose problems' });
    expect(problems).toHaveTextContent('compose.yaml:3:5');
    expect(problems).toHaveTextContent('Invalid port "80:80:80"');
    expect(fake.callsOf('compose.config')).toEqual([{ source: { workingDir: '/home/ann/app', files: [] } }]);
    expect(within(dialog).getByRole('button', { name: 'Open project' })).toBeDisabled();
    expect(fake.callsOf('compose.projects.open')).toEqual([]);
  });

  it('shows what a valid project resolves to, opens it and goes to its page', async () => {
    const { user, fake } = setup({
      'compose.config': () => ok({ yaml: 'services: {}\n', warnings: ['The attribute `version` is obsolete'], services: ['web', 'worker'], profiles: ['debug'], name: 'app' }),
      'compose.projects.open': () => ok(project('app')),
    });
    const dialog = await openFolder(user);
    const resolved = await within(dialog).findByRole('region', { name: 'Resolved project' });
    expect(resolved).toHaveTextContent('Project app with 2 services');
    expect(resolved).toHaveTextContent('Profiles: debug');
    expect(within(resolved).getByText('The attribute `version` is obsolete')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Open project' }));
    expect(fake.callsOf('compose.projects.open')).toEqual([{ source: { workingDir: '/home/ann/app', files: [] } }]);
    await waitFor(() => expect(window.location.hash).toBe('#/compose/app'));
  });

  it('takes a typed compose file path, and says when a folder cannot be listed', async () => {
    const { user, fake } = setup({
      'compose.config': () => ok({ yaml: '', warnings: [], services: ['web'], profiles: [], name: 'app' }),
    });
    await user.click((await screen.findAllByRole('button', { name: 'Open project…' }))[0] as HTMLElement);
    const dialog = screen.getByRole('dialog', { name: 'Open a compose project' });
    const field = within(dialog).getByRole('textbox', { name: 'Folder or compose file' });
    await waitFor(() => expect(field).toHaveValue('/home/ann'));
    await user.clear(field);
    await user.type(field, '/nowhere{Enter}');
    expect(await within(dialog).findByText(/Could not list \/nowhere: \/nowhere does not exist/)).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '/home/ann/app/compose.yaml{Enter}');
    await within(dialog).findByRole('region', { name: 'Resolved project' });
    expect(fake.callsOf('compose.config').at(-1)).toEqual({ source: { workingDir: '/home/ann/app', files: ['/home/ann/app/compose.yaml'] } });
  });
});
