// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type AuditLogEntry, type MethodInput } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { ActivityPage } from './ActivityPage';

withFakeLayout();

const entry = (id: number, over: Partial<AuditLogEntry> = {}): AuditLogEntry => ({
  id,
  at: Date.UTC(2026, 11, 7, 12, 0, id),
  user: 'alice',
  role: 'admin',
  via: 'web',
  method: 'containers.stop',
  params: { id: `c${id}` },
  ok: true,
  ...over,
});

type ListParams = MethodInput<'audit.list'>;

describe('ActivityPage', { timeout: 20_000 }, () => {
  it('shows the newest entries, loads older ones, and opens a row with its parameters', async () => {
    const list = vi.fn((p: ListParams) =>
      p.before === undefined
        ? ok({ entries: [entry(3, { method: 'containers.create', params: { name: 'web', env: ['TOKEN=••••••'] } }), entry(2, { ok: false, errorCode: 'NOT_FOUND', user: 'bob', role: 'operator' })], next: 2 })
        : ok({ entries: [entry(1)] }),
    );
    const { user } = renderWithStore(<ActivityPage />, { 'engine.status': () => ok(connectedStatus), 'audit.list': list });
    const grid = await screen.findByRole('grid', { name: 'Activity' });
    await waitFor(() => expect(within(grid).getAllByRole('row', { name: / by / })).toHaveLength(2));
    expect(within(grid).getByRole('row', { name: 'containers.stop by bob' })).toHaveTextContent('Failed: NOT_FOUND');
    expect(screen.getByRole('status')).toHaveTextContent('2 entries shown; older ones follow');
    await user.click(screen.getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(within(grid).getAllByRole('row', { name: / by / })).toHaveLength(3));
    expect(list).toHaveBeenLastCalledWith({ limit: 200, before: 2 });
    expect(screen.getByRole('status')).toHaveTextContent('3 entries');
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
    await user.dblClick(within(grid).getByRole('row', { name: 'containers.create by alice' }));
    const drawer = await screen.findByRole('dialog', { name: 'Activity containers.create' });
    expect(within(drawer).getByLabelText('Parameters')).toHaveTextContent('"TOKEN=••••••"');
  });

  it('sends the filters to the backend and refuses a bad prefix before sending it', async () => {
    const list = vi.fn(() => ok({ entries: [] }));
    const { user, fake } = renderWithStore(<ActivityPage />, { 'engine.status': () => ok(connectedStatus), 'audit.list': list });
    expect(await screen.findByText(/Nothing has been changed yet/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'User' }), 'bob');
    await user.type(screen.getByRole('textbox', { name: 'Action starts with' }), 'volumes.');
    await user.click(screen.getByRole('combobox', { name: 'Result' }));
    await user.click(await screen.findByRole('option', { name: 'Failed' }));
    await waitFor(() => expect(fake.callsOf('audit.list').at(-1)).toEqual({ user: 'bob', methodPrefix: 'volumes.', ok: false, limit: 200 }));
    expect(await screen.findByText('No entry matches these filters.')).toBeInTheDocument();
    const calls = fake.callsOf('audit.list').length;
    await user.type(screen.getByRole('textbox', { name: 'Action starts with' }), '%');
    expect(await screen.findByText('Letters, digits and dots, e.g. "containers."')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.callsOf('audit.list')).toHaveLength(calls);
  });

  it('exports the filtered log as a download, and shows why when it is refused', async () => {
    const ticket = { transferId: 't1', direction: 'download' as const, filename: 'berth-audit.csv', expiresAt: Date.now() + 60_000 };
    const exportCall = vi.fn().mockReturnValueOnce(ok(ticket)).mockReturnValueOnce(fail('FORBIDDEN', 'Your role (viewer) may not call audit.export.'));
    const { user, fake } = renderWithStore(<ActivityPage />, { 'engine.status': () => ok(connectedStatus), 'audit.list': () => ok({ entries: [entry(1)] }), 'audit.export': exportCall });
    await screen.findByRole('grid', { name: 'Activity' });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(fake.callsOf('audit.export')).toEqual([{ format: 'csv' }]));
    await waitFor(() => expect(click).toHaveBeenCalled());
    await user.click(screen.getByRole('button', { name: 'Export JSON Lines' }));
    expect(await screen.findByText('Your role (viewer) may not call audit.export.')).toBeInTheDocument();
    click.mockRestore();
  });

  it('shows sign-ins: who (or the name tried), the client address, why a sign-in failed, and filters on auth.', async () => {
    const signIns = [
      entry(6, { method: 'auth.login', user: 'bob', role: 'operator', client: '198.51.100.7', params: { session: 's1' } }),
      entry(5, { method: 'auth.login', user: 'bob', role: 'anonymous', client: '203.0.113.9', ok: false, errorCode: 'UNAUTHENTICATED', params: { reason: 'wrong-password' } }),
      entry(4, { method: 'auth.login', user: '', role: 'anonymous', client: '203.0.113.9', ok: false, errorCode: 'RATE_BOUND', params: { moreFailedAttempts: 41, usernames: ['bob', 'root'] } }),
    ];
    const { user, fake } = renderWithStore(<ActivityPage />, { 'engine.status': () => ok(connectedStatus), 'audit.list': () => ok({ entries: signIns }) });
    const grid = await screen.findByRole('grid', { name: 'Activity' });
    await waitFor(() => expect(within(grid).getAllByRole('row', { name: /auth\.login by/ })).toHaveLength(3));
    const rows = within(grid).getAllByRole('row', { name: /auth\.login by/ });
    expect(rows[0]).toHaveTextContent('operator · web · 198.51.100.7');
    expect(rows[1]).toHaveTextContent('bob (not signed in)');
    expect(rows[1]).toHaveTextContent('wrong password');
    expect(rows[1]).toHaveTextContent('Failed: UNAUTHENTICATED');
    expect(rows[2]).toHaveTextContent('41 more failed attempts');
    await user.dblClick(rows[1] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: 'Activity auth.login' });
    expect(drawer).toHaveTextContent('203.0.113.9');
    expect(drawer).toHaveTextContent('bob (not signed in)');
    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    await user.type(screen.getByRole('textbox', { name: 'Action starts with' }), 'auth.');
    await waitFor(() => expect(fake.callsOf('audit.list').at(-1)).toEqual({ methodPrefix: 'auth.', limit: 200 }));
  });
});
