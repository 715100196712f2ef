import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

describe('electron-builder.yml', () => {
  it('flips the security fuses of the packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the app as an asar archive (what the integrity fuses check) and no sources or tests', () => {
    expect(config.asar).toBe(true);
    const files = config.files as string[];
    expect(files).toContain('!**/*.{test,spec}.*');
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['dist/**', 'package.json']);
  });

  it('uses only option names electron-builder knows for fuses', () => {
    const known = readFileSync(
      new URL('../node_modules/app-builder-lib/out/configuration.d.ts', import.meta.url),
      'utf8',
    );
    for (const name of Object.keys(config.electronFuses as object))
      expect(known).toContain(`${name}?: boolean;`);
  });
});
