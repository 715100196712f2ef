/**
 * The renderer's Content Security Policy: only its own bundled scripts run; inline styles stay allowed because
 * MUI/emotion inject <style> tags at run time. Talking to the backend goes through IPC, so no connect-src
 * beyond 'self' is needed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
