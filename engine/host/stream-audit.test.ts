import { describe, expect, it, vi } from 'vitest';
import { streams, type StreamServerMessage } from '../contract';
import type { AuditEntry } from '../base/audit';
import type { StreamHandlers } from '../base/handlers';
import { auditedStreams } from './stream-audit';
import { StreamHost } from './stream-host';

const tick = () => new Promise((r) => setTimeout(r, 0));

function open(audit: (e: AuditEntry) => void, role: 'viewer' | 'admin' = 'admin') {
  const ran: string[] = [];
  const handlers = {
    'containers.exec': () => (ran.push('exec'), Promise.resolve()),
    'containers.logs': () => (ran.push('logs'), Promise.resolve()),
  } as Partial<StreamHandlers> as StreamHandlers;
  const sent: StreamServerMessage[] = [];
  const host = new StreamHost(
    auditedStreams(handlers, audit),
    { send: (m) => sent.push(m), bufferedBytes: () => 0 },
    { role, user: 'ann', via: 'web' },
  );
  return { host, ran, sent };
}

describe('auditedStreams', () => {
  it('writes the open of a mutating stream to the audit log with its validated parameters, and not a read stream', async () => {
    const entries: AuditEntry[] = [];
    const { host, ran } = open((e) => entries.push(e));
    host.handle({
      type: 'stream-open',
      id: 'a',
      stream: 'containers.exec',
      params: { id: 'web', cmd: ['sh'] },
    });
    host.handle({ type: 'stream-open', id: 'b', stream: 'containers.logs', params: { id: 'web' } });
    await tick();
    expect(ran).toEqual(['exec', 'logs']);
    expect(entries).toEqual([
      {
        at: expect.any(Number) as number,
        caller: { role: 'admin', user: 'ann', via: 'web' },
        method: 'containers.exec',
        params: { id: 'web', cmd: ['sh'], cols: 80, rows: 24 },
        ok: true,
      },
    ]);
  });

  it('does not audit opens the host refused (role, parameters), as the dispatcher does not audit refused calls', async () => {
    const entries: AuditEntry[] = [];
    const viewer = open((e) => entries.push(e), 'viewer');
    viewer.host.handle({
      type: 'stream-open',
      id: 'a',
      stream: 'containers.exec',
      params: { id: 'web', cmd: ['sh'] },
    });
    const admin = open((e) => entries.push(e));
    admin.host.handle({
      type: 'stream-open',
      id: 'b',
      stream: 'containers.exec',
      params: { id: '../x', cmd: ['sh'] },
    });
    await tick();
    expect(viewer.sent).toMatchObject([{ type: 'stream-end', error: { code: 'FORBIDDEN' } }]);
    expect(admin.sent).toMatchObject([{ type: 'stream-end', error: { code: 'INVALID_ARGUMENT' } }]);
    expect(viewer.ran.concat(admin.ran)).toEqual([]);
    expect(entries).toEqual([]);
  });

  it('still opens the stream when the audit store fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { host, ran, sent } = open(() => {
      throw new Error('disk full');
    });
    host.handle({
      type: 'stream-open',
      id: 'a',
      stream: 'containers.exec',
      params: { id: 'web', cmd: ['sh'] },
    });
    await tick();
    expect(ran).toEqual(['exec']);
    expect(sent).toEqual([{ type: 'stream-end', id: 'a' }]);
    expect(error).toHaveBeenCalledWith('[berth] audit failed:', expect.any(Error));
    error.mockRestore();
  });

  it('marks the streams that act on the engine as mutating, so their opens are audited', () => {
    expect(streams['compose.run'].mutates).toBe(true);
    expect(streams['containers.exec'].mutates).toBe(true);
    expect(streams['compose.logs'].mutates).toBe(false);
  });
});
