// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok } from '../../api/contract';
import { LeaveGuard } from '../../components/unsaved/LeaveGuard';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { ComposePage } from './ComposePage';
import { detail, project } from './testing/projects';

// Monaco cannot run in jsdom: the plain text area serves the editor's interface (the e2e covers Monaco).
vi.mock('../../components/editor/CodeEditor', async () => ({
  CodeEditor: (await import('../../components/editor/PlainTextEditor')).PlainTextEditor,
}));

withFakeLayout();

afterEach(() => {
  window.location.hash = '';
});

const shop = project('shop');
const original = 'services:\n  web:\n    image: busybox\n';

function setup(hash: string) {
  window.location.hash = hash;
  const write = vi.fn((p: { content: string }) => ok({ mtime: 2 + p.content.length }));
  const envWrite = vi.fn(() => ok({ mtime: 9 }));
  const rendered = renderWithStore(
    <>
      {/* Stands in for the sidebar: a plain link to another section. */}
      <a href="#/images">Images</a>
      <ComposePage />
      <LeaveGuard />
    </>,
    {
      'engine.status': () => ok(connectedStatus),
      'compose.projects.list': () => ok([shop]),
      'compose.projects.get': () => ok(detail(shop)),
      'tasks.list': () => ok([]),
      'compose.files.read': () => ok({ content: original, mtime: 1 }),
      'compose.files.write': write,
      'compose.validate': () => ok({ problems: [] }),
      'compose.env.read': () => ok({ path: '/srv/shop/.env', content: 'A=1\n', exists: true, mtime: 5 }),
      'compose.env.write': envWrite,
    },
  );
  return { ...rendered, write, envWrite };
}

const unloadPrevented = () => {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
};

describe('unsaved compose edits', { timeout: 20_000 }, () => {
  it('keeps the draft across tab switches, and Ctrl+S saves it', async () => {
    const { user, write } = setup('#/compose/shop/files');
    await user.type(await screen.findByRole('textbox', { name: 'compose.yaml' }), '# mine\n');
    expect(screen.getByText('unsaved changes')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Services' }));
    await screen.findByRole('row', { name: 'web' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Files' }));
    expect(screen.getByRole('textbox', { name: 'compose.yaml' })).toHaveValue(`${original}# mine\n`);
    expect(screen.getByText('unsaved changes')).toBeInTheDocument();
    expect(write).not.toHaveBeenCalled();

    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(write).toHaveBeenCalledWith(expect.objectContaining({ content: `${original}# mine\n`, expectedMtime: 1 })));
    await waitFor(() => expect(screen.queryByText('unsaved changes')).not.toBeInTheDocument());
    expect(unloadPrevented()).toBe(false);
  });

  it('asks before leaving the page with unsaved edits; Cancel keeps them, Discard leaves', async () => {
    const { user, store } = setup('#/compose/shop/files');
    await user.type(await screen.findByRole('textbox', { name: 'compose.yaml' }), 'x');
    expect(unloadPrevented()).toBe(true);

    await user.click(screen.getByRole('link', { name: 'Images' }));
    const ask = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(ask).toHaveTextContent('Your changes to compose.yaml are not saved');
    expect(window.location.hash).toBe('#/compose/shop/files');
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('textbox', { name: 'compose.yaml' })).toHaveValue(`${original}x`);

    // The breadcrumb back to the projects list leaves the page too.
    await user.click(screen.getByRole('link', { name: 'Compose' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole('button', { name: 'Discard and leave' }));
    await waitFor(() => expect(window.location.hash).toBe('#/compose'));
    expect(store.getState().unsaved).toEqual({});
  });

  it('puts the address back when Back (a hash change) would leave unsaved .env edits', async () => {
    const { user, envWrite } = setup('#/compose/shop/environment');
    const value = await screen.findByRole('textbox', { name: 'Value of A' });
    await user.type(value, '2');
    act(() => {
      window.history.pushState(null, '', '#/volumes');
      fireEvent(window, new HashChangeEvent('hashchange', { oldURL: `${window.location.origin}/#/compose/shop/environment`, newURL: `${window.location.origin}/#/volumes` }));
    });
    expect(await screen.findByRole('dialog', { name: 'Leave without saving?' })).toHaveTextContent('.env');
    expect(window.location.hash).toBe('#/compose/shop/environment');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('textbox', { name: 'Value of A' })).toHaveValue('12');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(envWrite).toHaveBeenCalledWith({ workingDir: '/srv/shop', content: 'A=12\n', expectedMtime: 5 }));
  });
});
