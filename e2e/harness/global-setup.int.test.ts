import { existsSync } from 'node:fs';
import Dockerode from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from './engine';
import { setup, teardown } from './global-setup';

describe('global setup', () => {
  const saved = process.env.BERTH_TEST_DOCKER_HOST;
  afterEach(async () => {
    await teardown();
    if (saved === undefined) delete process.env.BERTH_TEST_DOCKER_HOST;
    else process.env.BERTH_TEST_DOCKER_HOST = saved;
  });

  it('starts one engine with the test image, exposes it in BERTH_TEST_DOCKER_HOST and tears it down', async () => {
    delete process.env.BERTH_TEST_DOCKER_HOST;
    const stop = await setup();
    const endpoint = process.env.BERTH_TEST_DOCKER_HOST;
    expect(endpoint).toMatch(/^unix:\/\/\/tmp\//);
    const socketPath = (endpoint ?? '').slice('unix://'.length);
    const docker = new Dockerode({ socketPath });
    expect((await docker.getImage(TEST_IMAGE).inspect()).RepoTags).toContain(TEST_IMAGE);
    await stop();
    expect(process.env.BERTH_TEST_DOCKER_HOST).toBeUndefined();
    expect(existsSync(socketPath)).toBe(false);
  });
});
