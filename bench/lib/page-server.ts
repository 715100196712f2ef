// Node side of the Chromium benches: bundles a bench page (esbuild, production React) and serves it, with the
// stylesheet it imports, from memory at `origin`, so nothing but the page is loaded.
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Page } from '@playwright/test';

export async function servePage(page: Page, origin: string, entry: string): Promise<void> {
  const out = await esbuild.build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    outdir: 'out',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const js = out.outputFiles.find((f) => f.path.endsWith('.js'))?.text;
  if (js === undefined) throw new Error(`esbuild produced no bundle for ${entry}`);
  const css = out.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  await page.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: js });
    if (url.pathname === '/page.css') return route.fulfill({ contentType: 'text/css', body: css });
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html><head><link rel="stylesheet" href="/page.css"></head><body style="margin:0"><div id="root"></div><script src="/page.js"></script></body></html>',
    });
  });
}
