import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForExit } from '../../engine/providers/engine-process';
import { reapOrphans, TEST_DIR_PREFIX } from './cleanup';

describe('reapOrphans', () => {
  it("removes what a SIGKILLed test run left behind and leaves a live run's engine alone", async () => {
    const orphan = await mkdtemp(join('/tmp', TEST_DIR_PREFIX));
    const sibling = await mkdtemp(join('/tmp', TEST_DIR_PREFIX));
    // A process that names the orphan's dir, as its dockerd and shims do.
    const leftover = spawn('sh', ['-c', `sleep 300; : ${orphan}`], { stdio: 'ignore' });
    try {
      const deadOwner = spawnSync('true').pid;
      await writeFile(join(orphan, 'harness-owner.json'), JSON.stringify({ ownerPid: deadOwner }));
      await writeFile(join(sibling, 'harness-owner.json'), JSON.stringify({ ownerPid: process.pid }));
      expect(reapOrphans()).toBeGreaterThanOrEqual(1);
      expect(existsSync(orphan)).toBe(false);
      expect(await waitForExit(leftover.pid ?? -1, 5_000)).toBe(true);
      expect(existsSync(sibling)).toBe(true);
    } finally {
      leftover.kill('SIGKILL');
      await rm(sibling, { recursive: true, force: true });
      await rm(orphan, { recursive: true, force: true });
    }
  });
});
