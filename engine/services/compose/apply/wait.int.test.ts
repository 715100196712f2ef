import { describe, expect, it } from 'vitest';
import { useEngineBackend } from '../../testing/use-engine-backend';
import { TEST_IMAGE } from '../../../../e2e/harness/engine';
import { runOk, runTask, useProjectDirs } from '../testing/projects';

const env = useEngineBackend();
const folder = useProjectDirs();

const inspect = (name: string) => env.engine.docker.getContainer(name).inspect();

describe('compose up --wait and restart: true against a real engine', () => {
  it('--wait returns once the healthcheck passes and a one-shot has completed', async () => {
    const d = folder({
      'compose.yaml': `
services:
  api:
    image: ${TEST_IMAGE}
    init: true
    command: sh -c "sleep 2 && touch /tmp/ready && sleep 1000"
    healthcheck: { test: ["CMD", "test", "-f", "/tmp/ready"], interval: 500ms, retries: 30 }
  seed:
    image: ${TEST_IMAGE}
    command: "true"
  web:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    depends_on: { seed: { condition: service_completed_successfully } }
`,
    });
    const task = await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('waitok'), wait: true });
    expect((await inspect('waitok-api-1')).State.Health?.Status).toBe('healthy');
    expect(Object.fromEntries(task.steps?.map((s) => [s.id, s.detail]) ?? [])).toEqual({ api: 'Healthy', seed: 'Exited (0)', web: 'Running' });
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'waitok' });
  });

  it('--wait fails naming a service that exits or never turns healthy within the timeout', async () => {
    const d = folder({
      'compose.yaml': `
services:
  crash:
    image: ${TEST_IMAGE}
    command: sh -c "exit 4"
  ok:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    # Started after crash, so crash has long exited when up begins to wait (a service that is still running
    # then counts as running, as in docker compose).
    depends_on: [crash]
`,
    });
    const crashed = await runTask(env.t.backend, env.t.log, 'compose.up', { source: d.source('waitbad'), wait: true });
    expect(crashed.state).toBe('failed');
    expect(crashed.error?.message).toMatch(/^Service "crash" exited with code 4 \(container waitbad-crash-1\)/);
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'waitbad' });

    d.write('compose.yaml', `
services:
  slow:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    healthcheck: { test: ["CMD", "false"], interval: 10s, start_period: 60s }
`);
    const slow = await runTask(env.t.backend, env.t.log, 'compose.up', { source: d.source('waitslow'), wait: true, waitTimeoutSeconds: 2 });
    expect(slow.state).toBe('failed');
    expect(slow.error?.message).toMatch(/"slow" was not running and healthy within 2 s/);
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'waitslow' });
  });

  it('restarts a dependent with restart: true when its dependency is recreated, and leaves other dependents alone', async () => {
    const file = (dbEnv: string) => `
services:
  db:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    environment: { V: "${dbEnv}" }
  follows:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    depends_on: { db: { condition: service_started, restart: true } }
  ignores:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    depends_on: [db]
`;
    const d = folder({ 'compose.yaml': file('1') });
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('rst') });
    const before = { follows: await inspect('rst-follows-1'), ignores: await inspect('rst-ignores-1') };
    d.write('compose.yaml', file('2'));
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('rst') });
    const follows = await inspect('rst-follows-1');
    const ignores = await inspect('rst-ignores-1');
    // Same containers (their config did not change), but only `follows` was restarted.
    expect(follows.Id).toBe(before.follows.Id);
    expect(follows.State.StartedAt).not.toBe(before.follows.State.StartedAt);
    expect(ignores.Id).toBe(before.ignores.Id);
    expect(ignores.State.StartedAt).toBe(before.ignores.State.StartedAt);
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'rst' });
  });
});
