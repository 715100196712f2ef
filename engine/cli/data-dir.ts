import { resolve } from 'node:path';
import { defaultDataDir } from '../providers/embedded';
import type { CliIo } from './io';

/** --data-dir wins, then BERTH_DATA_DIR, then the platform's app-data folder (defaultDataDir handles the env). */
export function resolveDataDir(
  flag: string | undefined,
  io: Pick<CliIo, 'env' | 'platform' | 'homeDir'>,
): string {
  return resolve(flag ?? defaultDataDir(io.platform, io.env, io.homeDir));
}
