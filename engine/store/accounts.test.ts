import { describe, expect, it } from 'vitest';
import { openMemoryStore } from './sqlite';
import type { AccountChange, StoredAccount } from './types';

const account = (id: string, username: string, role: StoredAccount['role'] = 'viewer'): StoredAccount => ({
  id,
  username,
  role,
  createdAt: 1,
  disabled: false,
});

describe('accounts store', () => {
  it('keeps usernames unique whatever their case, and makes a first account only while there is none', () => {
    const store = openMemoryStore();
    expect(store.accounts.createFirst(account('a', 'alice', 'admin'), 'h')).toBe(true);
    expect(store.accounts.createFirst(account('b', 'bob', 'admin'), 'h')).toBe(false);
    expect(() => store.accounts.create(account('c', 'ALICE'), 'h')).toThrow(/taken/);
    expect(store.accounts.byUsername('Alice')?.passwordHash).toBe('h');
    expect(store.accounts.list().map((a) => a.username)).toEqual(['alice']);
    store.close();
  });

  it('tells listeners about role, disable, password and removal changes (which end sessions), not about no-ops', () => {
    const store = openMemoryStore();
    store.accounts.create(account('a', 'alice'), 'h');
    const changes: AccountChange['kind'][] = [];
    store.accounts.onChange((c) => changes.push(c.kind));
    store.accounts.update('a', { role: 'viewer' });
    store.accounts.update('a', { role: 'operator' });
    store.accounts.update('a', { disabled: true });
    store.accounts.update('a', { disabled: false });
    store.accounts.update('a', { passwordHash: 'h2' });
    store.accounts.recordLogin('a', 5);
    expect(store.accounts.get('a')?.lastLoginAt).toBe(5);
    store.accounts.remove('a');
    expect(changes).toEqual(['role', 'disabled', 'password', 'removed']);
    store.close();
  });

  it('removing an account removes its API tokens; tokens are found by hash only', () => {
    const store = openMemoryStore();
    store.accounts.create(account('a', 'alice'), 'h');
    store.accounts.tokens.create({ id: 't', accountId: 'a', name: 'ci', createdAt: 1 }, 'hash-1');
    expect(store.accounts.tokens.byHash('hash-1')).toMatchObject({ id: 't', name: 'ci' });
    expect(store.accounts.tokens.byHash('t')).toBeUndefined();
    store.accounts.remove('a');
    expect(store.accounts.tokens.byHash('hash-1')).toBeUndefined();
    store.close();
  });

  it('counts the other active admins (the last one is protected by the service)', () => {
    const store = openMemoryStore();
    store.accounts.create(account('a', 'alice', 'admin'), 'h');
    store.accounts.create(account('b', 'bob', 'admin'), 'h');
    expect(store.accounts.otherActiveAdmins('a')).toBe(1);
    store.accounts.update('b', { disabled: true });
    expect(store.accounts.otherActiveAdmins('a')).toBe(0);
    store.close();
  });
});
