// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AccountInfo, ApiTokenInfo } from '../../api/contract';
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

  it("an admin sees another user's API tokens and revokes one only after the DangerDialog", async () => {
    let tokens: ApiTokenInfo[] = [
      { id: 't1', name: 'deploy script', createdAt: Date.UTC(2026, 0, 2), lastUsedAt: Date.UTC(2026, 11, 1) },
      { id: 't2', name: 'backup', createdAt: Date.UTC(2026, 0, 3), expiresAt: Date.UTC(2099, 0, 1) },
    ];
    const { user, fake } = renderWithStore(<UsersPage />, {
      'session.me': () => ({ ok: true, value: { user: 'root', role: 'admin', account: root } }),
      'accounts.list': () => ({ ok: true, value: [root, vera] }),
      'accounts.tokens': () => ({ ok: true, value: tokens }),
      'accounts.revokeToken': ({ tokenId }) => {
        tokens = tokens.filter((t) => t.id !== tokenId);
        return { ok: true, value: undefined };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'API tokens of vera' }));
    const list = await screen.findByRole('list', { name: 'API tokens of vera' });
    expect(fake.callsOf('accounts.tokens')).toEqual([{ id: 'v1' }]);
    expect(await within(list).findByText('deploy script')).toBeInTheDocument();
    expect(within(list).getByText(/never used/)).toBeInTheDocument();
    expect(within(list).getByText(/last used/)).toBeInTheDocument();
    expect(within(list).getByText(/expires .*2099/)).toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: 'Revoke deploy script' }));
    const confirm = await screen.findByRole('dialog', { name: /Revoke vera's token “deploy script”/ });
    expect(fake.callsOf('accounts.revokeToken')).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    await vi.waitFor(() => expect(within(list).queryByText('deploy script')).toBeNull());
    expect(fake.callsOf('accounts.revokeToken')).toEqual([{ id: 'v1', tokenId: 't1' }]);
    expect(within(list).getByText('backup')).toBeInTheDocument();
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
  }, 20_000);
});
