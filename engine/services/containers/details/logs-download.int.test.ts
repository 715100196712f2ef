import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../../e2e/harness/engine';
import type { TransferTicket } from '../../../contract';
import { call } from '../../testing/backend';
import { download, errorOf } from '../../testing/transfer';
import { useEngineBackend } from '../../testing/use-engine-backend';

const env = useEngineBackend();

const printed = async (name: string, script: string, tty = false) => {
  const c = await env.engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sh', '-c', script], name, Tty: tty });
  await c.start();
  await c.wait();
};

describe('containers.logs.download against a real engine', () => {
  it('streams the whole log (far more than a view loads), stdout and stderr, with or without timestamps', async () => {
    // 5,000 lines: five times what the Logs tab loads by default.
    await printed('long-log', 'i=1; while [ $i -le 5000 ]; do echo "line $i"; i=$((i+1)); done; echo oops >&2');
    const ticket = await call<TransferTicket>(env.t.backend, 'containers.logs.download', { id: 'long-log' });
    expect(ticket.filename).toBe('long-log.log');
    const text = (await download(env.t.backend, ticket)).toString('utf8');
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(5001);
    expect(lines.filter((l) => l.startsWith('line '))).toEqual(Array.from({ length: 5000 }, (_, i) => `line ${i + 1}`));
    expect(lines).toContain('oops');
    // No frame headers of the engine's multiplexed stream in the text.
    expect([...text].some((ch) => ch.charCodeAt(0) < 9)).toBe(false);

    const stamped = await call<TransferTicket>(env.t.backend, 'containers.logs.download', { id: 'long-log', timestamps: true });
    const first = (await download(env.t.backend, stamped)).toString('utf8').split('\n')[0];
    expect(first).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z line 1$/);
  });

  it('gives a TTY container\'s log as it was written, and says when the container does not exist', async () => {
    await printed('tty-log', 'echo one; echo two', true);
    const ticket = await call<TransferTicket>(env.t.backend, 'containers.logs.download', { id: 'tty-log' });
    expect((await download(env.t.backend, ticket)).toString('utf8').replace(/\r/g, '')).toBe('one\ntwo\n');
    const missing = await errorOf(call(env.t.backend, 'containers.logs.download', { id: 'no-such-container' }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});
