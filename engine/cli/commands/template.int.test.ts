import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import { realCommandDeps } from '../testing/deps';
import { recordingIo } from '../testing/io';
import { composeCommand } from './compose';
import { templateCommand } from './template';

let engine: TestEngine;
const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-cli-template-it-'));
beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
});
afterAll(async () => {
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const deps = realCommandDeps(dir);
async function berth(run: typeof templateCommand, ...argv: string[]) {
  const { io, out, err } = recordingIo();
  // compose takes its global options before the command, templates anywhere.
  const code = await run(['--data-dir', path.join(dir, 'data'), ...argv], io, deps);
  return { code, out, err };
}

describe('berth template deploy on a real engine', () => {
  it('imports a docker run line and deploys it with --set as a compose project', async () => {
    const line = `docker run -d --name hello -e MESSAGE -p 127.0.0.1::80 ${TEST_IMAGE} sh -c 'echo "$MESSAGE" > /www/index.html && exec httpd -f -p 80 -h /www'`;
    expect((await berth(templateCommand, 'import', '--docker-run', line, '--name', 'hello')).code).toBe(0);
    const deploy = await berth(templateCommand, 'deploy', 'hello', '--set', 'MESSAGE=hi there', '-p', 'cli-hello', '--engine', engine.endpoint);
    expect(deploy.err.join('\n')).toContain('Service hello');
    expect(deploy).toMatchObject({ code: 0, out: ['Deployed library/hello as compose project cli-hello'] });
    const [c] = await engine.docker.listContainers({ filters: { label: ['com.docker.compose.project=cli-hello'] } });
    const port = c?.Ports.find((p) => p.PrivatePort === 80)?.PublicPort ?? 0;
    expect((await getWithRetry(`http://127.0.0.1:${port}/`)).trim()).toBe('hi there');
    const down = await berth(composeCommand, '-p', 'cli-hello', '--engine', engine.endpoint, 'down');
    expect(down.code).toBe(0);
  });
});

async function getWithRetry(url: string): Promise<string> {
  for (let i = 0; ; i++) {
    try {
      return await (await fetch(url)).text();
    } catch (err) {
      if (i > 50) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
