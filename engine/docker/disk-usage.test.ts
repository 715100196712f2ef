import type Dockerode from 'dockerode';
import { describe, expect, it, vi } from 'vitest';
import { diskUsage, isDiskUsageBusy } from './disk-usage';

const busy = () =>
  Object.assign(new Error('(HTTP code 500) server error - a disk usage operation is already running'), {
    statusCode: 500,
  });

describe('diskUsage', () => {
  it('shares one engine call between callers that ask at the same time', async () => {
    let resolve!: (v: unknown) => void;
    const df = vi.fn(() => new Promise((r) => (resolve = r)));
    const docker = { df } as unknown as Dockerode;
    const a = diskUsage(docker);
    const b = diskUsage(docker);
    resolve({ LayersSize: 7 });
    expect(await a).toEqual({ LayersSize: 7 });
    expect(await b).toEqual({ LayersSize: 7 });
    expect(df).toHaveBeenCalledTimes(1);
    // Once answered, the next caller asks the engine again: the figures are not cached.
    df.mockResolvedValueOnce({ LayersSize: 9 });
    expect(await diskUsage(docker)).toEqual({ LayersSize: 9 });
    expect(df).toHaveBeenCalledTimes(2);
  });

  it("waits and asks again while another client's walk runs", async () => {
    const df = vi
      .fn()
      .mockRejectedValueOnce(busy())
      .mockRejectedValueOnce(busy())
      .mockResolvedValueOnce({ LayersSize: 1 });
    const sleeps: number[] = [];
    const result = await diskUsage({ df } as unknown as Dockerode, (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    });
    expect(result).toEqual({ LayersSize: 1 });
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up after about six seconds of busy answers, and never retries other errors', async () => {
    const always = { df: vi.fn().mockRejectedValue(busy()) } as unknown as Dockerode;
    const sleeps: number[] = [];
    await expect(
      diskUsage(always, (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      }),
    ).rejects.toThrow(/already running/);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(6300);

    const down = Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' });
    const gone = { df: vi.fn().mockRejectedValue(down) } as unknown as Dockerode;
    await expect(diskUsage(gone, () => Promise.resolve())).rejects.toThrow(/ENOENT/);
    expect((gone.df as ReturnType<typeof vi.fn>).mock.calls).toHaveLength(1);
  });

  it('recognises the busy answer from its JSON body too', () => {
    expect(
      isDiskUsageBusy({ statusCode: 500, json: { message: 'a disk usage operation is already running' } }),
    ).toBe(true);
    expect(isDiskUsageBusy({ statusCode: 500, json: { message: 'no space left' } })).toBe(false);
    expect(isDiskUsageBusy(null)).toBe(false);
  });
});
