import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  methodNames,
  methods,
  streams,
  type Access,
  type MethodDef,
  type Role,
  type ServerMessage,
  type WebSessionGrant,
} from '../contract';
import { roleAllows } from '../contract/roles';
import { METHOD_POLICY, STREAM_POLICY } from './testing/access-policy';
import { startAccountsServer, type AccountsServer } from './testing/accounts';
import { rawRequest, TestSocket } from './testing/http';

/**
 * The role × method matrix over HTTP (issue 12): for every contract method and stream, every role, the
 * expected allow/deny from the reviewed policy. A denied call is FORBIDDEN before its parameters are looked
 * at (so validation errors leak nothing); an allowed one is never FORBIDDEN.
 */
const ROLES: Role[] = ['viewer', 'operator', 'admin'];
/** Stated here, not taken from roles.ts, so a broken mapping there fails this test. */
const MAY: Record<Role, readonly (Access | undefined)[]> = {
  viewer: ['read'],
  operator: ['read', 'operate'],
  admin: ['read', 'operate', 'admin'],
};
const levelOf = (policy: Record<Access, readonly string[]>) =>
  new Map(Object.entries(policy).flatMap(([access, names]) => names.map((n) => [n, access as Access])));
const methodLevel = levelOf(METHOD_POLICY);
const streamLevel = levelOf(STREAM_POLICY);

let s: AccountsServer;
const grants = new Map<Role, WebSessionGrant>();

beforeAll(async () => {
  s = await startAccountsServer();
  for (const role of ROLES) {
    await s.addAccount(role, role);
    grants.set(role, await s.login(role));
  }
});
afterAll(async () => s.close());

const secretOf = (role: Role) => grants.get(role)?.secret ?? '';

describe('role × method matrix', () => {
  it('the reviewed policy names every method and stream exactly once, with the level the contract gives it', () => {
    expect([...methodLevel.keys()].sort()).toEqual([...methodNames].sort());
    expect([...streamLevel.keys()].sort()).toEqual(Object.keys(streams).sort());
    for (const name of methodNames)
      expect([name, methods[name].access]).toEqual([name, methodLevel.get(name)]);
    for (const [name, def] of Object.entries(streams))
      expect([name, def.access]).toEqual([name, streamLevel.get(name)]);
  });

  it('a method or stream without a known level is denied to every role', () => {
    for (const role of ROLES) {
      expect(roleAllows(role, undefined as unknown as Access)).toBe(false);
      expect(roleAllows(role, 'everything' as Access)).toBe(false);
    }
  });

  it.each(ROLES)('%s: every method over HTTP', async (role) => {
    const wrong: string[] = [];
    for (const method of methodNames) {
      const allowed = MAY[role].includes(methodLevel.get(method));
      // Garbage parameters: a denied call must say FORBIDDEN, not what is wrong with them.
      const res = await s.post(`/api/call/${method}`, { bogus: 1 }, secretOf(role));
      const code = res.json.error?.code;
      if (allowed && code === 'FORBIDDEN') wrong.push(`${method}: refused`);
      if (!allowed && (code !== 'FORBIDDEN' || res.json.error?.message.includes('Invalid')))
        wrong.push(`${method}: ${code ?? 'allowed'}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES)('%s: every stream over the WebSocket', async (role) => {
    const socket = await TestSocket.open(
      `ws://${s.host}/api/ws`,
      { headers: { origin: `http://${s.host}` } },
      ['berth.v1', `berth.session.${secretOf(role)}`],
    );
    const wrong: string[] = [];
    try {
      expect((await socket.next()).type).toBe('hello');
      for (const stream of Object.keys(streams)) {
        const allowed = MAY[role].includes(streamLevel.get(stream));
        socket.ws.send(JSON.stringify({ type: 'stream-open', id: stream, stream, params: { bogus: 1 } }));
        let msg: ServerMessage;
        do msg = await socket.next();
        while (msg.type !== 'stream-end' || msg.id !== stream);
        const code = msg.error?.code;
        if (allowed === (code === 'FORBIDDEN')) wrong.push(`${stream}: ${code ?? 'opened'}`);
      }
    } finally {
      socket.close();
    }
    expect(wrong).toEqual([]);
  });

  it('an operator is refused host power through create/update parameters; a plain create passes the role check', async () => {
    const operator = secretOf('operator');
    const plain = { spec: { image: 'busybox:latest' }, start: false };
    const privileged = { spec: { image: 'busybox:latest', privileged: true }, start: false };
    expect((await s.call('containers.create', plain, operator)).error?.code).not.toBe('FORBIDDEN');
    const refused = await s.call('containers.create', privileged, operator);
    expect(refused.error?.code).toBe('FORBIDDEN');
    expect(refused.error?.message).toMatch(/power over the host/);
    expect((await s.call('containers.create', privileged, secretOf('admin'))).error?.code).not.toBe(
      'FORBIDDEN',
    );
    const adminWhen = methodNames.filter((m) => (methods[m] as MethodDef<never, unknown>).adminWhen);
    expect(adminWhen).toContain('containers.create');
  });

  it('without a session nothing but the public sign-in endpoints answers', async () => {
    for (const method of methodNames.slice(0, 20)) {
      const res = await rawRequest(s.server.port, `/api/call/${method}`, {
        method: 'POST',
        headers: { host: s.host },
      });
      expect(res.status).toBe(401);
    }
  });
});
