import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { BerthError } from '../../base/errors';
import { consume } from './files';
import { TarReader } from './tar';

describe('consume (reading a volume archive)', () => {
  it('fails, instead of waiting forever, when the engine closes the archive before its end', async () => {
    const stream = new PassThrough();
    const reading = consume(stream, new TarReader(() => undefined));
    stream.write(Buffer.alloc(512));
    stream.destroy(); // the connection drops: 'close' without 'end'
    const err: unknown = await reading.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(BerthError);
  });

  it('reads every entry and resolves at the end of the archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-consume-'));
    writeFileSync(join(dir, 'a.txt'), 'a');
    const tar = execFileSync('tar', ['-C', dir, '-cf', '-', 'a.txt']);
    rmSync(dir, { recursive: true });
    const names: string[] = [];
    const stream = new PassThrough();
    const reading = consume(stream, new TarReader((e) => names.push(e.name)));
    stream.end(tar);
    await expect(reading).resolves.toBeUndefined();
    expect(names).toEqual(['a.txt']);
  });
});
