import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { e2eEnv } from '../support/env';
import { ELECTRON_MISSING_MESSAGE, electronBinary } from './electron-binary';

const root = path.resolve(import.meta.dirname, '..', '..');
const binary = electronBinary(root);

test.describe('Electron shell', () => {
  test.skip(binary === undefined, ELECTRON_MISSING_MESSAGE);

  test('opens the Berth window on the app origin, shows the engine status and exposes only the bridge', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-electron-e2e-'));
    const app = await electron.launch({
      executablePath: binary,
      // Electron refuses to start as root without --no-sandbox (our CI machines run as root).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root, `--engine=${e2eEnv().dockerHost}`],
      cwd: root,
      env: { ...process.env, BERTH_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      expect(new URL(page.url()).host).toBe('berth');
      await expect(page).toHaveTitle(/Berth/);
      await expect(page.getByRole('button', { name: /Engine status: (Docker|Podman) \d/ })).toBeVisible({
        timeout: 30_000,
      });
      const exposed = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        const berth = w.berth as Record<string, unknown> | undefined;
        return {
          keys: Object.keys(berth ?? {}).sort(),
          require: typeof w.require,
          process: typeof w.process,
        };
      });
      expect(exposed).toEqual({ keys: ['call', 'onEvent'], require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
