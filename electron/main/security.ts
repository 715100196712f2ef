import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Session-wide policy: a CSP header on every response and no web permission (camera, notifications,
 * clipboard-read, geolocation, USB, ...) for any page. Berth's UI needs none of them, so nothing is asked.
 */
export function applySessionSecurity(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    // Drop any CSP the response carried so ours is the only one that applies.
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** http(s) only, parsed with `new URL` so `javascript:`, `file:`, custom schemes and garbage never leave. */
export function externalUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
}

export function openExternalSafely(url: string): void {
  const target = externalUrl(url);
  if (!target) return;
  shell.openExternal(target).catch((err: unknown) => console.error('[berth] could not open link:', err));
}

/**
 * Per-page guards: the page may only navigate within the app origin; new windows are never created (http(s)
 * links open in the user's browser instead); <webview> is never attached.
 */
export function guardWebContents(contents: WebContents): void {
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Before `ready`: every renderer sandboxed, and every web contents (including future ones) guarded. */
export function installAppSecurity(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
