import { describe, expect, it } from 'vitest';
import { Demuxer, type DemuxStream } from './demux';

const frame = (type: number, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

function collect() {
  const out: [DemuxStream, string][] = [];
  const d = new Demuxer((s, p) => {
    const last = out.at(-1);
    if (last && last[0] === s) last[1] += p.toString();
    else out.push([s, p.toString()]);
  });
  return { d, out };
}

describe('Demuxer', () => {
  it('splits stdout and stderr frames', () => {
    const { d, out } = collect();
    d.push(Buffer.concat([frame(1, 'hello\n'), frame(2, 'oops\n'), frame(1, 'bye\n')]));
    expect(out).toEqual([['stdout', 'hello\n'], ['stderr', 'oops\n'], ['stdout', 'bye\n']]);
    expect(d.clean).toBe(true);
  });

  it('handles frames and headers split at every byte', () => {
    const { d, out } = collect();
    const all = Buffer.concat([frame(2, 'ab'), frame(1, 'cdef')]);
    for (const byte of all) d.push(Buffer.from([byte]));
    expect(out).toEqual([['stderr', 'ab'], ['stdout', 'cdef']]);
  });

  it('reports a half-read frame and rejects a stream that is not multiplexed', () => {
    const { d } = collect();
    d.push(frame(1, 'abcdef').subarray(0, 10));
    expect(d.clean).toBe(false);
    const other = collect();
    expect(() => other.d.push(Buffer.from('plain text that is not framed'))).toThrow(/Not a multiplexed stream/);
  });
});
