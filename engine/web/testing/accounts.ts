import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, WebSessionGrant } from '../../contract';
import type { AuditEntry } from '../../base/audit';
import { newRowId } from '../../store/api-tokens';
import { hashPassword } from '../../store/passwords';
import { openMemoryStore, openStore } from '../../store/sqlite';
import type { Store } from '../../store/types';
import type { LoginThrottleOptions } from '../login-throttle';
import type { AuthAuditOptions } from '../auth-audit';
import type { TrustedProxies } from '../client-address';
import { startWebServer, type WebServer } from '../server';
import { createTestBackend } from './backend';
import { rawRequest, type RawResponse } from './http';

/** Test support: a web server in accounts mode over an in-memory store and the real accounts handlers. */
export interface AccountsServer {
  server: WebServer;
  store: Store;
  /** The audit log as stored (secrets redacted), oldest first. */
  audit(): AuditEntry[];
  host: string;
  /** `forwardedFor`: an X-Forwarded-For header, as a reverse proxy (or a spoofer) sends it. */
  post(path: string, body: unknown, secret?: string, forwardedFor?: string): Promise<RawResponse & { json: Json }>;
  call(method: string, params: unknown, secret: string): Promise<Json>;
  /** Makes an account straight in the store (no HTTP), with the given password. */
  addAccount(username: string, role: Role, password?: string): Promise<string>;
  login(username: string, password?: string): Promise<WebSessionGrant>;
  close(): Promise<void>;
}

export type Json = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
export const TEST_PASSWORD = 'correct horse battery';

export async function startAccountsServer(
  options: {
    loginThrottle?: LoginThrottleOptions;
    sessionIdleMs?: number;
    sessionMaxMs?: number;
    authAudit?: AuthAuditOptions;
    trustedProxies?: TrustedProxies;
    /** A real database in this folder (kept on close), e.g. to restart over the same data. Default: in memory. */
    dataDir?: string;
  } = {},
): Promise<AccountsServer> {
  const { dataDir, ...serverOptions } = options;
  const dir = mkdtempSync(join(tmpdir(), 'berth-accounts-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Berth app</title>');
  const store = dataDir ? openStore(dataDir) : openMemoryStore();
  const backend = createTestBackend({ accounts: store.accounts, audit: (e) => store.audit.append(e) });
  const server = await startWebServer({
    backend,
    port: 0,
    staticDir: dir,
    warn: () => {},
    accounts: store.accounts,
    audit: (e) => store.audit.append(e),
    ...serverOptions,
  });
  const host = `127.0.0.1:${server.port}`;
  const post = async (path: string, body: unknown, secret?: string, forwardedFor?: string) => {
    const res = await rawRequest(server.port, path, {
      method: 'POST',
      headers: {
        host,
        'content-type': 'application/json',
        ...(secret ? { 'x-berth-token': secret } : {}),
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify(body),
    });
    return { ...res, json: JSON.parse(res.body || '{}') as Json };
  };
  const login = async (username: string, password = TEST_PASSWORD) => {
    const res = await post('/api/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
    return res.json.value as WebSessionGrant;
  };
  return {
    server,
    store,
    audit: () => store.audit.list().reverse(),
    host,
    post,
    call: async (method, params, secret) => (await post(`/api/call/${method}`, params, secret)).json,
    addAccount: async (username, role, password = TEST_PASSWORD) => {
      const id = newRowId();
      store.accounts.create(
        { id, username, role, createdAt: Date.now(), disabled: false },
        await hashPassword(password),
      );
      return id;
    },
    login,
    close: async () => {
      await server.close();
      await backend.dispose();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
