/**
 * The Content-Security-Policy of web mode. style-src needs 'unsafe-inline' because MUI/emotion inject
 * <style> tags at run time; scripts stay 'self' only. connect-src names the WebSocket origin explicitly
 * because older browsers do not treat ws:// as covered by 'self'.
 */
export function contentSecurityPolicy(hostHeader: string, tls = false): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${tls ? 'wss' : 'ws'}://${hostHeader}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Headers every response carries, whatever produced it (static file, API, error page). */
export function securityHeaders(hostHeader: string, tls = false): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(hostHeader, tls),
    // Over TLS the browser should never fall back to plain http for this host.
    ...(tls ? { 'strict-transport-security': 'max-age=31536000' } : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}
