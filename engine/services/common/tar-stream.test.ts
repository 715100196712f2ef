import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BerthError } from '../../base/errors';
import { TarFormatError, TarParser } from './tar';
import { archiveReadError, feedTar } from './tar-stream';

const namesParser = (names: string[]) => new TarParser({ entry: (e) => (names.push(e.name), false) });

function realTar(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'berth-feed-'));
  writeFileSync(join(dir, 'a.txt'), 'a'.repeat(3000));
  const tar = execFileSync('tar', ['-C', dir, '-cf', '-', 'a.txt']);
  rmSync(dir, { recursive: true });
  return tar;
}

describe('feedTar (reading an engine archive)', () => {
  it('fails, instead of waiting forever, when the engine closes the archive before its end', async () => {
    const stream = new PassThrough();
    const reading = feedTar(stream, namesParser([]));
    stream.write(realTar().subarray(0, 512));
    stream.destroy(); // the connection drops: 'close' without 'end'
    const err: unknown = await reading.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(archiveReadError(err, 'the folder', { object: 'the volume' })).toBeInstanceOf(BerthError);
  });

  it('reads every entry and resolves at the end of the archive', async () => {
    const names: string[] = [];
    const stream = new PassThrough();
    const reading = feedTar(stream, namesParser(names));
    stream.end(realTar());
    await expect(reading).resolves.toBe(true);
    expect(names).toEqual(['a.txt']);
  });

  it('stops after the byte budget and says the read was partial', async () => {
    const stream = new PassThrough();
    const reading = feedTar(stream, namesParser([]), 600);
    const tar = realTar();
    stream.write(tar.subarray(0, 512));
    stream.write(tar.subarray(512, 1024));
    await expect(reading).resolves.toBe(false);
    expect(stream.destroyed).toBe(true);
  });

  it('names a damaged archive as the engine’s fault', () => {
    const err = archiveReadError(new TarFormatError('a header checksum does not match'), '/data', { object: 'container x' });
    expect(err).toMatchObject({ code: 'ENGINE_ERROR', message: 'The engine sent a damaged archive of /data (a header checksum does not match). Try again.' });
  });
});
