import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeEvent, FakeSession, FakeWebContents, shell } from '../testing/fake-electron';
import { applySessionSecurity, externalUrl, guardWebContents, installAppSecurity } from './security';

vi.mock('electron', () => import('../testing/fake-electron'));

const asSession = (s: FakeSession): Session => s as unknown as Session;
const asContents = (c: FakeWebContents): WebContents => c as unknown as WebContents;

describe('session security', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    applySessionSecurity(asSession(session));
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.permissionCheckHandler?.(null, 'media', 'app://berth', {})).toBe(false);
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('replaces any Content-Security-Policy with the app policy', () => {
    const session = new FakeSession();
    applySessionSecurity(asSession(session));
    const callback = vi.fn();
    session.headersListener?.(
      { responseHeaders: { 'content-security-policy': ['script-src *'], 'Content-Type': ['text/html'] } },
      callback,
    );
    const headers = (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> })
      .responseHeaders;
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    const csp = headers['Content-Security-Policy']?.[0] ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
  });
});

describe('web contents guards', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    shell.openExternal.mockClear();
    contents = new FakeWebContents();
    guardWebContents(asContents(contents));
  });

  const navigate = (event: 'will-navigate' | 'will-redirect', url: string): boolean => {
    const e = new FakeEvent();
    contents.emit(event, e, url);
    return e.defaultPrevented;
  };

  it('blocks navigation and redirects away from the app origin', () => {
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://other/index.html')).toBe(true);
    expect(navigate('will-navigate', 'app://berth@evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:2375/')).toBe(true);
    expect(navigate('will-navigate', 'not a url')).toBe(true);
  });

  it('lets the app navigate within its own origin', () => {
    expect(navigate('will-navigate', 'app://berth/index.html#/containers')).toBe(false);
    expect(navigate('will-redirect', 'app://berth/settings')).toBe(false);
  });

  it('denies window.open and hands only http(s) links to the browser', () => {
    const open = (url: string): string | undefined => contents.windowOpenHandler?.({ url }).action;
    expect(open('https://docs.docker.com/engine/')).toBe('deny');
    expect(open('http://localhost:8080/')).toBe('deny');
    expect(shell.openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://docs.docker.com/engine/',
      'http://localhost:8080/',
    ]);
    shell.openExternal.mockClear();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'http//broken', '']) {
      expect(open(url)).toBe('deny');
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('never attaches a <webview>', () => {
    const e = new FakeEvent();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });
});

describe('externalUrl', () => {
  it('normalises what it accepts and rejects everything but http(s)', () => {
    expect(externalUrl('HTTPS://Example.com/a b')).toBe('https://example.com/a%20b');
    expect(externalUrl('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(externalUrl('data:text/html,<script>1</script>')).toBeUndefined();
    expect(externalUrl('::::')).toBeUndefined();
  });
});

describe('installAppSecurity', () => {
  it('sandboxes all renderers and guards every new web contents', () => {
    installAppSecurity();
    expect(app.enableSandbox).toHaveBeenCalled();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).toBeDefined();
    const e = new FakeEvent();
    contents.emit('will-navigate', e, 'https://evil.example/');
    expect(e.defaultPrevented).toBe(true);
  });
});
