import type { CliIo } from '../io';

/** Test support: an io that records what a command printed. */
export function recordingIo(env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env,
    platform,
    homeDir: '/home/test',
  };
  return { io, out, err };
}
