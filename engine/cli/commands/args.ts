/** A mistake on the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not "${value}".`);
  }
  return Number(value);
}

/** Same shape the settings accept for engine.preferred, so the flag and the setting mean the same thing. */
export function parseEngineFlag(value: string): string {
  if (!/^(auto|embedded|(unix|tcp|ssh|npipe):\/\/.+)$/.test(value)) {
    throw new UsageError(
      `--engine must be auto, embedded or an engine URL such as unix:///var/run/docker.sock, not "${value}".`,
    );
  }
  return value;
}
