// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../testing/fakeClient';
import type { TransferTicket } from './contract';
import { downloadTicket, uploadFile, type UploadRequest, type UploadProgress } from './transfers';

const ticket = (direction: 'download' | 'upload', filename?: string): TransferTicket => ({
  transferId: 'tk1',
  direction,
  expiresAt: Date.now() + 60_000,
  ...(filename ? { filename } : {}),
});

class FakeRequest implements UploadRequest {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: Blob | undefined;
  aborted = false;
  status = 0;
  responseText = '';
  withCredentials = false;
  upload: UploadRequest['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Blob) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  respond(status: number, body: string) {
    this.status = status;
    this.responseText = body;
    this.onload?.();
  }
}

describe('downloadTicket', () => {
  it('clicks a temporary download link to the ticket URL and removes it', () => {
    const { client } = createFakeClient();
    const clicked: HTMLAnchorElement[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    downloadTicket(client, ticket('download', 'backup.tar'));
    spy.mockRestore();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.href).toBe('http://berth.test/api/transfer/tk1');
    expect(clicked[0]?.download).toBe('backup.tar');
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });
});

describe('uploadFile', () => {
  it('posts the raw file, reports progress, and resolves with the backend result', async () => {
    const { client } = createFakeClient();
    const req = new FakeRequest();
    const progress: UploadProgress[] = [];
    const file = new Blob(['hello']);
    const done = uploadFile(client, ticket('upload'), file, (p) => progress.push(p), {
      createRequest: () => req,
    });
    expect(req.method).toBe('POST');
    expect(req.url).toBe('http://berth.test/api/transfer/tk1');
    expect(req.headers['content-type']).toBe('application/octet-stream');
    expect(req.body).toBe(file);
    req.upload.onprogress?.({ loaded: 2, total: 5, lengthComputable: true });
    req.upload.onprogress?.({ loaded: 5, total: 0, lengthComputable: false });
    req.respond(200, JSON.stringify({ ok: true, value: { written: 5 } }));
    await expect(done).resolves.toEqual({ ok: true, value: { written: 5 } });
    expect(progress).toEqual([{ loaded: 2, total: 5, fraction: 0.4 }, { loaded: 5 }]);
  });

  it('passes the backend error through, explains unreadable answers, and turns abort into CANCELLED', async () => {
    const { client } = createFakeClient();
    const tooBig = new FakeRequest();
    const p1 = uploadFile(client, ticket('upload'), new Blob(['x']), undefined, {
      createRequest: () => tooBig,
    });
    tooBig.respond(
      413,
      JSON.stringify({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: 'Upload too large (limit 1 KiB).' },
      }),
    );
    await expect(p1).resolves.toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'Upload too large (limit 1 KiB).' },
    });

    const garbled = new FakeRequest();
    const p2 = uploadFile(client, ticket('upload'), new Blob(['x']), undefined, {
      createRequest: () => garbled,
    });
    garbled.respond(502, '<html>Bad gateway</html>');
    const r2 = await p2;
    expect(r2.ok ? '' : `${r2.error.code}: ${r2.error.message}`).toMatch(/^INTERNAL: .*HTTP 502/);

    const lost = new FakeRequest();
    const p3 = uploadFile(client, ticket('upload'), new Blob(['x']), undefined, {
      createRequest: () => lost,
    });
    lost.onerror?.();
    await expect(p3).resolves.toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });

    const controller = new AbortController();
    const cancelled = new FakeRequest();
    const p4 = uploadFile(client, ticket('upload'), new Blob(['x']), undefined, {
      createRequest: () => cancelled,
      signal: controller.signal,
    });
    controller.abort();
    await expect(p4).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(cancelled.aborted).toBe(true);
  });
});
