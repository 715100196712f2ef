import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ErrorCode } from '../contract';
import { rendererNotBuiltPage } from './pages';

/**
 * Serves the built renderer with a single-page-app fallback: any GET for a path without a file extension
 * outside /api answers index.html, so deep links and reloads work. When the renderer has not been built, the
 * answer is a page that says so (checked per request, so a build while the server runs is picked up).
 */
export async function registerStatic(app: FastifyInstance, staticDir: string): Promise<void> {
  const hasDir = existsSync(staticDir) && statSync(staticDir).isDirectory();
  const indexFile = join(staticDir, 'index.html');
  if (hasDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      // index.html has no hashed name: it must never be served from a cache after an upgrade.
      setHeaders: (res, path) => {
        if (path.endsWith('.html')) res.header('cache-control', 'no-store');
      },
    });
  }

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const isPage =
      (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api') && !lastSegmentHasDot(path);
    if (!isPage) {
      return reply.code(404).send({
        ok: false,
        error: { code: ErrorCode.NOT_FOUND, message: `Not found: ${req.method} ${path.slice(0, 200)}` },
      });
    }
    if (hasDir && existsSync(indexFile)) {
      return reply
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    return reply
      .code(503)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(rendererNotBuiltPage(staticDir));
  });
}

function lastSegmentHasDot(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}
