import { Readable } from 'node:stream';
import type { BerthErrorData, TaskInfo, TransferTicket } from '../../contract';
import type { Backend } from '../../host/backend';
import type { EventLog } from './backend';

/** Test support for integration tests: read a download ticket, post an upload ticket, wait for a task, catch error data. */

export async function download(backend: Backend, ticket: TransferTicket): Promise<Buffer> {
  const t = backend.transfers.take(ticket.transferId, 'download');
  if (t.direction !== 'download') throw new Error('not a download');
  const stream = await t.open(new AbortController().signal);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

export function upload(backend: Backend, ticket: TransferTicket, body: Buffer): Promise<unknown> {
  const t = backend.transfers.take(ticket.transferId, 'upload');
  if (t.direction !== 'upload') throw new Error('not an upload');
  return t.accept(Readable.from([body]), new AbortController().signal);
}

export async function taskEnd(log: EventLog, id: string, timeoutMs = 60_000): Promise<TaskInfo> {
  const hit = await log.waitFor(
    'tasks.changed',
    (p) => p.kind === 'patch' && p.upserts.some((u) => u.id === id && u.state !== 'running'),
    { timeoutMs },
  );
  const info = hit.payload.kind === 'patch' ? hit.payload.upserts.find((u) => u.id === id) : undefined;
  if (!info) throw new Error('unreachable');
  return info;
}

export async function errorOf(p: Promise<unknown>): Promise<BerthErrorData> {
  try {
    await p;
  } catch (err) {
    const data = (err as { data?: BerthErrorData }).data;
    if (data) return data;
    if (err instanceof Error && 'code' in err) return { code: (err as { code: BerthErrorData['code'] }).code, message: err.message };
    throw err;
  }
  throw new Error('expected the call to fail');
}
