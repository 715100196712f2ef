// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AccountInfo } from '../../api/contract';
import { renderWithStore } from '../../testing/render';
import { Sidebar } from '../../app/Sidebar';
import { UsersPage } from './UsersPage';

const vera: AccountInfo = { id: 'v1', username: 'vera', role: 'viewer', createdAt: 1, disabled: false };
const root: AccountInfo = { id: 'r1', username: 'root', role: 'admin', createdAt: 1, disabled: false };

describe('UsersPage', () => {
  it('lists accounts, creates one, and removes one only after the DangerDialog', async () => {
    let accounts = [root, vera];
    const { user, fake } = renderWithStore(<UsersPage />, {
      'session.me': () => ({ ok: true, value: { user: 'root', role: 'admin', account: root } }),
      'accounts.list': () => ({ ok: true, value: accounts }),
      'accounts.create': (p) => {
        const made = { id: 'o1', username: p.username, role: p.role, createdAt: 2, disabled: false };
        accounts = [...accounts, made];
        return { ok: true, value: made };
      },
      'accounts.remove': ({ id }) => {
        accounts = accounts.filter((a) => a.id !== id);
        return { ok: true, value: undefined };
      },
    });
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(await within(table).findByText('vera')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New user' }));
    await user.type(screen.getByLabelText('Username'), 'otto');
    await user.type(screen.getByLabelText('Password'), 'a long password');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(fake.callsOf('accounts.create')).toEqual([
      { username: 'otto', password: 'a long password', role: 'viewer' },
    ]);
    expect(await within(table).findByText('otto')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove vera' }));
    expect(fake.callsOf('accounts.remove')).toEqual([]);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    await vi.waitFor(() => expect(within(table).queryByText('vera')).toBeNull());
    expect(fake.callsOf('accounts.remove')).toEqual([{ id: 'v1' }]);
  }, 20_000);

  it('the Users section is shown to admins only', async () => {
    const viewer = renderWithStore(<Sidebar current="containers" collapsed={false} onToggle={() => {}} />, {
      'session.me': () => ({ ok: true, value: { user: 'vera', role: 'viewer', account: vera } }),
    });
    expect(await screen.findByRole('link', { name: 'Containers' })).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByRole('link', { name: 'Users' })).toBeNull());
    viewer.unmount();
    renderWithStore(<Sidebar current="containers" collapsed={false} onToggle={() => {}} />, {
      'session.me': () => ({ ok: true, value: { user: 'root', role: 'admin', account: root } }),
    });
    expect(await screen.findByRole('link', { name: 'Users' })).toBeInTheDocument();
  });
});
