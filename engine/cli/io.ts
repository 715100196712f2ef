/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  /** One line to stdout (results a script may parse). */
  out(line: string): void;
  /** One line to stderr (warnings, progress, errors). */
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
}

/** Exit codes: 0 ok, 1 the operation failed, 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    platform: process.platform,
    homeDir: process.env.HOME ?? process.env.USERPROFILE ?? '',
  };
}
