import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../contract';
import { BerthError } from '../base/errors';
import { DATABASE_FILE } from '../store/sqlite';
import { engineQueries } from './engine-queries';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('engineQueries (berth engine status)', () => {
  it('answers through the dispatcher without creating a database, and probes only discovered engines', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'berth-queries-'));
    dirs.push(dataDir);
    const engines = await engineQueries(dataDir);
    try {
      const candidates = await engines.candidates();
      expect(candidates.some((c) => c.embedded)).toBe(true);
      const stranger = {
        id: 'tcp://203.0.113.1:2375',
        source: 'flag' as const,
        label: 'x',
        endpoint: 'tcp://203.0.113.1:2375',
        embedded: false,
      };
      const refused = await engines.probe(stranger).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BerthError);
      expect((refused as BerthError).code).toBe(ErrorCode.NOT_FOUND);
    } finally {
      await engines.close();
    }
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);
  });
});
