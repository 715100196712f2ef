import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol } from '../testing/fake-electron';
import { createAppRequestHandler, isAppUrl, registerAppScheme, resolveAppPath } from './app-protocol';

vi.mock('electron', () => import('../testing/fake-electron'));

let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'berth-app-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Berth</title>');
  await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  // A file beside the renderer folder whose name starts with the folder's name: a prefix check would leak it.
  await writeFile(path.join(base, 'renderer-secret.txt'), 'secret');
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  serve = createAppRequestHandler(root);
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('isAppUrl', () => {
  it('accepts only app://berth/', () => {
    expect(isAppUrl('app://berth/index.html')).toBe(true);
    expect(isAppUrl('app://berth/')).toBe(true);
    expect(isAppUrl('app://berth.evil/')).toBe(false);
    expect(isAppUrl('app://user@berth/')).toBe(false);
    expect(isAppUrl('https://berth/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('app:// request handler', () => {
  it('serves the renderer with its content type and the CSP', async () => {
    const index = await serve(new Request('app://berth/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>Berth</title>');
    const script = await serve(new Request('app://berth/assets/main.js'));
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('falls back to index.html for client-side routes but not for missing files', async () => {
    expect(await (await serve(new Request('app://berth/containers/abc'))).text()).toContain('Berth');
    expect((await serve(new Request('app://berth/assets/missing.js'))).status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const url of [
      'app://berth/%2e%2e/secret.txt',
      'app://berth/..%2fsecret.txt',
      'app://berth/%2e%2e%2frenderer-secret.txt',
      'app://berth/..%5csecret.txt',
      'app://berth/%00index.html',
      'app://berth/%E0%A4%A',
    ]) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
    expect(resolveAppPath(root, '/../secret.txt')).toBeUndefined();
    expect(resolveAppPath(root, `/${path.join(base, 'secret.txt')}`)).toBe(
      path.join(root, base.slice(1), 'secret.txt'),
    );
  });

  it('answers only its own host and only GET/HEAD', async () => {
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://berth/index.html', { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });
});

describe('registerAppScheme', () => {
  it('registers app: as a standard, secure scheme', () => {
    registerAppScheme();
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] ?? [];
    expect(schemes).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });
});
