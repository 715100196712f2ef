import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

// A fresh process (this worker's require cache may hold dockerode already): dockerode loads without gRPC, and the
// stand-in still hands a BuildKit build the real session helper.
const here = path.dirname(fileURLToPath(import.meta.url));

it('loads dockerode without its gRPC session helper, which loads on first use', async () => {
  const dir = mkdtempSync(path.join(here, '..', '..', '.defer-test-'));
  try {
    writeFileSync(
      path.join(dir, 'entry.ts'),
      [
        `import { createRequire } from 'node:module';`,
        `import { deferDockerodeSession } from ${JSON.stringify(path.join(here, 'defer-modules.ts'))};`,
        `const require = createRequire(import.meta.url);`,
        `deferDockerodeSession(import.meta.url);`,
        `require('dockerode');`,
        `const grpcLoaded = () => Object.keys(require.cache).some((f) => f.includes('@grpc'));`,
        `const before = grpcLoaded();`,
        `const withSession = require('dockerode/lib/session.js');`,
        // The real helper posts to /session: a docker object whose modem fails proves the call went through.
        `let reached = false;`,
        `try { withSession({ modem: { dial: () => { reached = true; throw new Error('no engine'); } } }, {}, () => undefined); } catch {}`,
        `console.log(JSON.stringify({ before, after: grpcLoaded(), reached }));`,
      ].join('\n'),
    );
    await esbuild.build({ entryPoints: [path.join(dir, 'entry.ts')], outfile: path.join(dir, 'entry.mjs'), bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
    const out = execFileSync(process.execPath, [path.join(dir, 'entry.mjs')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ before: false, after: true, reached: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
