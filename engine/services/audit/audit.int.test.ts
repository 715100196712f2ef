import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, methods, type AuditLogEntry, type AuditLogPage, type TransferTicket } from '../../contract';
import type { Caller } from '../../base/audit';
import { startTestEngine, type TestEngine } from '../../../e2e/harness/engine';
import { openStore } from '../../store/sqlite';
import type { Store } from '../../store/types';
import { startBackend, type TestBackend } from '../testing/backend';
import { CSV_COLUMNS } from './export';

const alice: Caller = { role: 'admin', user: 'alice', via: 'web', session: 's1' };
const bob: Caller = { role: 'operator', user: 'bob', via: 'web', session: 's2' };
const viewer: Caller = { role: 'viewer', user: 'vera', via: 'web', session: 's3' };

let engine: TestEngine;
let t: TestBackend;
let store: Store;
let dir: string;

async function as<T>(caller: Caller, method: string, params: unknown = {}): Promise<T> {
  const r = await t.backend.dispatch(method, params, caller);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}
/** Redeems a ticket as alice's web session (tickets belong to the session whose call issued them). */
async function download(ticket: TransferTicket): Promise<string> {
  const tr = t.backend.transfers.take(ticket.transferId, 'download', alice.session);
  if (tr.direction !== 'download') throw new Error('not a download');
  const chunks: Buffer[] = [];
  for await (const chunk of await tr.open(new AbortController().signal)) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString();
}
const list = (params: Record<string, unknown> = {}) => as<AuditLogPage>(alice, 'audit.list', params);

let t0 = 0;
let t1 = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-audit-'));
  // The real SQLite store on disk: the browser reads what the dispatcher wrote to it.
  store = openStore(dir);
  engine = await startTestEngine();
  t = await startBackend(engine.endpoint, { store });
  await t.log.status('connected');
  t0 = Date.now();
  await as(alice, 'volumes.create', { name: 'audit-vol-a' });
  await as(bob, 'networks.create', { name: 'audit-net-b' });
  await as(bob, 'containers.stop', { id: 'no-such-container' }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 20));
  t1 = Date.now();
  await as(alice, 'volumes.remove', { name: 'audit-vol-a' });
});

afterAll(async () => {
  await t.dispose();
  await engine.stop();
  store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('audit log browser over a real backend', () => {
  it('lists the mutating calls made through the dispatcher, newest first, and not the reads', async () => {
    await as(alice, 'containers.list');
    const { entries } = await list();
    expect(entries.map((e) => [e.method, e.user, e.ok])).toEqual([
      ['volumes.remove', 'alice', true],
      ['containers.stop', 'bob', false],
      ['networks.create', 'bob', true],
      ['volumes.create', 'alice', true],
    ]);
    expect(entries[1]).toMatchObject({ role: 'operator', via: 'web', errorCode: 'NOT_FOUND', params: { id: 'no-such-container' } });
  });

  it('filters by user, method prefix, result and time range', async () => {
    const methodsOf = (p: AuditLogPage) => p.entries.map((e) => e.method);
    expect(methodsOf(await list({ user: 'bob' }))).toEqual(['containers.stop', 'networks.create']);
    expect(methodsOf(await list({ methodPrefix: 'volumes.' }))).toEqual(['volumes.remove', 'volumes.create']);
    expect(methodsOf(await list({ ok: false }))).toEqual(['containers.stop']);
    expect(methodsOf(await list({ from: t0, to: t1 }))).toEqual(['containers.stop', 'networks.create', 'volumes.create']);
    expect(methodsOf(await list({ from: t1 }))).toEqual(['volumes.remove']);
    // LIKE wildcards in a prefix are literal: "volumes_" matches nothing.
    await expect(list({ methodPrefix: 'volumes_' })).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(list({ from: t1, to: t0 })).rejects.toThrow(/start of the time range is after its end/);
  });

  it('pages with a cursor until the last page has no next', async () => {
    const seen: AuditLogEntry[] = [];
    let page = await list({ limit: 3 });
    seen.push(...page.entries);
    expect(page.entries).toHaveLength(3);
    expect(page.next).toBeDefined();
    page = await list({ limit: 3, before: page.next });
    seen.push(...page.entries);
    expect(page.next).toBeUndefined();
    expect(seen.map((e) => e.method)).toEqual((await list()).entries.map((e) => e.method));
  });

  it('exports the same entries as JSON Lines and as CSV', async () => {
    const all = (await list({ user: 'bob' })).entries;
    const jsonl = await download(await as<TransferTicket>(alice, 'audit.export', { user: 'bob', format: 'jsonl' }));
    expect(jsonl.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(all);
    const ticket = await as<TransferTicket>(alice, 'audit.export', { user: 'bob', format: 'csv' });
    expect(ticket.filename).toMatch(/^berth-audit-.*\.csv$/);
    const rows = (await download(ticket)).trimEnd().split('\r\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 8))).toEqual(
      all.map((e) => [String(e.id), new Date(e.at).toISOString(), 'bob', 'operator', 'web', e.method, String(e.ok), e.errorCode ?? '']),
    );
  });

  it('is admin-only, and no method, for any role, writes, edits or removes an entry', async () => {
    await expect(as(bob, 'audit.list')).rejects.toThrow(/FORBIDDEN/);
    await expect(as(viewer, 'audit.export', { format: 'csv' })).rejects.toThrow(/FORBIDDEN/);
    const auditMethods = methodNames.filter((m) => m.startsWith('audit.'));
    expect(auditMethods.sort()).toEqual(['audit.export', 'audit.list']);
    for (const m of auditMethods) expect(methods[m].mutates).toBe(false);
    for (const m of ['audit.append', 'audit.delete', 'audit.clear', 'audit.update']) {
      await expect(as(alice, m, { id: 1 })).rejects.toThrow(/METHOD_NOT_FOUND/);
    }
    // Extra fields are refused, so no parameter can smuggle a write through a read.
    await expect(list({ params: { x: 1 } })).rejects.toThrow(/INVALID_ARGUMENT/);
    const before = (await list({ limit: 1000 })).entries;
    // Reading and exporting the log leaves it as it was.
    await list();
    await download(await as<TransferTicket>(alice, 'audit.export', { format: 'jsonl' }));
    expect((await list({ limit: 1000 })).entries).toEqual(before);
  });
});
