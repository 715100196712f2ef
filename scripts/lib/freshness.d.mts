export function newestSource(paths?: string[]): { mtimeMs: number; file: string | undefined };
export function buildState(outputs?: string[], sources?: string[]): { stale: boolean; reason: string };
