/** Small self-contained pages the web host answers with when it cannot serve the app. No scripts, no external assets. */

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Berth</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}
code{background:#f2f2f2;padding:.1rem .3rem;border-radius:3px}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>
`;
}

export const unauthorizedPage = (): string =>
  page(
    'Berth needs its access token',
    `<p>This Berth server only answers to the link it printed when it started, which carries a one-time token:</p>
<p><code>Berth is running at http://…/?token=…</code></p>
<p>Open that exact link in this browser. If you restarted Berth, the token changed: use the new link.</p>`,
  );

export const rateLimitedPage = (retryAfterSeconds: number): string =>
  page(
    'Too many wrong tokens',
    `<p>This client sent too many wrong access tokens. Wait ${retryAfterSeconds} s, then open the link Berth printed.</p>`,
  );

export const wrongHostPage = (): string =>
  page(
    'Unknown host name',
    `<p>Berth refuses requests addressed to a host name it was not started on (a defence against DNS rebinding).
Open the link Berth printed, e.g. <code>http://127.0.0.1:PORT/</code>.</p>`,
  );

export const rendererNotBuiltPage = (staticDir: string): string =>
  page(
    'The Berth UI is not built',
    `<p>The web server is running, but it found no <code>index.html</code> in <code>${escapeHtml(staticDir)}</code>.</p>
<p>Run <code>npm run build</code> in the Berth folder, then reload this page.</p>`,
  );

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
