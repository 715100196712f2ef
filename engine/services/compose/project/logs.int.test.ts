import { describe, expect, it } from 'vitest';
import { useEngineBackend } from '../../testing/use-engine-backend';
import { TEST_IMAGE } from '../../../../e2e/harness/engine';
import type { LogChunk, LogLine, StreamParams } from '../../../contract';
import type { StreamContext } from '../../../base/handlers';
import { admin } from '../../testing/backend';
import { runOk, useProjectDirs } from '../testing/projects';
import { timeKey } from './log-timeline';

const env = useEngineBackend();
const folder = useProjectDirs();

/** Opens compose.logs on the backend's stream handler; collects lines (and chunks) until `until` holds. */
async function collect(params: StreamParams<'compose.logs'>, until: (lines: LogLine[]) => boolean, timeoutMs = 20_000) {
  const lines: LogLine[] = [];
  const chunks: LogLine[][] = [];
  const controller = new AbortController();
  const ctx: StreamContext<'compose.logs'> = {
    params,
    caller: admin,
    signal: controller.signal,
    send: (chunk: LogChunk) => {
      chunks.push(chunk.lines);
      lines.push(...chunk.lines);
      if (until(lines)) controller.abort();
      return true;
    },
    drained: () => Promise.resolve(),
    onInput: () => undefined,
  };
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  await env.t.backend.streams['compose.logs'](ctx);
  clearTimeout(timer);
  return { lines, chunks };
}

const sorted = (lines: LogLine[]) => lines.every((l, i) => i === 0 || timeKey(lines[i - 1]?.ts) <= timeKey(l.ts));
// Each service writes 8 lines 0.2 s apart at the same time as the other, then one more line a few seconds later.
const chatty = (name: string, lateAfter: number) =>
  `  ${name}:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sh -c "i=0; while [ $$i -lt 8 ]; do echo ${name}$$i; i=$$((i+1)); sleep 0.2; done; sleep ${lateAfter}; echo ${name}-late; sleep 1000"\n`;

describe('compose.logs on a real engine', () => {
  it("merges the containers' backlogs by the engine's timestamps, the same on every opening, then follows without repeats", async () => {
    const d = folder({ 'compose.yaml': `services:\n${chatty('a', 4)}${chatty('b', 4.5)}` });
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('timeline') });
    const backlogDone = (ls: LogLine[]) => ls.some((l) => l.text === 'a7') && ls.some((l) => l.text === 'b7');
    // Wait until both containers wrote their first 8 lines.
    for (let n = 0; n < 40; n++) {
      if (backlogDone((await collect({ name: 'timeline', tail: 'all', follow: false, timestamps: true }, () => false)).lines)) break;
      await new Promise((r) => setTimeout(r, 250));
    }

    const first = (await collect({ name: 'timeline', tail: 'all', follow: false, timestamps: true }, () => false)).lines;
    expect(first).toHaveLength(16);
    expect(sorted(first)).toBe(true);
    // Both ran at once, so the timeline interleaves them (grouped by container it would read a0…a7 b0…b7).
    expect(first.slice(0, 8).some((l) => l.service === 'b')).toBe(true);
    const second = (await collect({ name: 'timeline', tail: 'all', follow: false, timestamps: true }, () => false)).lines;
    expect(second.map((l) => l.text)).toEqual(first.map((l) => l.text));

    // Following: the backlog as one ordered timeline, then the late lines, nothing twice.
    const live = await collect({ name: 'timeline', tail: 'all', follow: true, timestamps: false }, (ls) => ls.some((l) => l.text === 'a-late') && ls.some((l) => l.text === 'b-late'));
    expect(live.lines.map((l) => l.text)).toEqual([...first.map((l) => l.text), 'a-late', 'b-late']);
    expect(live.lines.every((l) => l.ts === undefined)).toBe(true);

    // A tail of 2 per container: the last two of each, still in time order.
    const tail = (await collect({ name: 'timeline', tail: 2, follow: false, timestamps: true }, () => false)).lines;
    expect(tail.map((l) => l.text).sort()).toEqual(['a-late', 'a7', 'b-late', 'b7']);
    expect(sorted(tail)).toBe(true);
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'timeline' });
  });
});
