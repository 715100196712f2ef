import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

// A fresh process (this worker's require cache may hold dockerode already): dockerode loads without gRPC, and the
// stand-in still hands a BuildKit build the real session helper.
const here = path.dirname(fileURLToPath(import.meta.url));

it('loads dockerode without its gRPC session helper or ssh2, which load on first use', async () => {
  const dir = mkdtempSync(path.join(here, '..', '..', '.defer-test-'));
  try {
    writeFileSync(
      path.join(dir, 'entry.ts'),
      [
        `import { createRequire } from 'node:module';`,
        `import { deferDockerodeExtras } from ${JSON.stringify(path.join(here, 'defer-modules.ts'))};`,
        `const require = createRequire(import.meta.url);`,
        `deferDockerodeExtras(import.meta.url);`,
        `require('dockerode');`,
        `const grpcLoaded = () => Object.keys(require.cache).some((f) => f.includes('@grpc'));`,
        `const sshLoaded = () => Object.keys(require.cache).some((f) => f.includes('/ssh2/'));`,
        `const before = grpcLoaded();`,
        `const sshBefore = sshLoaded();`,
        // The real ssh agent builds an http.Agent over an ssh2 Client without connecting yet.
        `const agent = require('docker-modem/lib/ssh.js')({ host: '127.0.0.1', port: 1 });`,
        `const sshAgent = typeof agent.createConnection === 'function';`,
        `const withSession = require('dockerode/lib/session.js');`,
        // The real helper posts to /session: a docker object whose modem fails proves the call went through.
        `let reached = false;`,
        `try { withSession({ modem: { dial: () => { reached = true; throw new Error('no engine'); } } }, {}, () => undefined); } catch {}`,
        `console.log(JSON.stringify({ before, after: grpcLoaded(), reached, sshBefore, sshAfter: sshLoaded(), sshAgent }));`,
      ].join('\n'),
    );
    await esbuild.build({ entryPoints: [path.join(dir, 'entry.ts')], outfile: path.join(dir, 'entry.mjs'), bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
    const out = execFileSync(process.execPath, [path.join(dir, 'entry.mjs')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ before: false, after: true, reached: true, sshBefore: false, sshAfter: true, sshAgent: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
