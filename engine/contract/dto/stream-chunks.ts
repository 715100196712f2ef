/** One log line. `ts` is the engine's RFC 3339 timestamp when timestamps were requested. */
export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
  ts?: string;
  /** compose.logs: the service and container (name) the line came from. */
  service?: string;
  container?: string;
  /** services.logs: the swarm task and node the line came from. */
  task?: string;
  node?: string;
}

/** Log lines are sent in batches (every ~50 ms or N lines) so a chatty container cannot flood the UI. */
export interface LogChunk {
  lines: LogLine[];
  /** Lines the backend dropped because the client could not keep up (backpressure), since the last chunk. */
  dropped?: number;
}

/** One stats sample, computed in the backend from the engine's stats stream. Rates are per second. */
export interface StatsSample {
  at: number;
  cpuPercent: number;
  memoryUsage: number;
  memoryLimit: number;
  memoryPercent: number;
  netRxBytes: number;
  netTxBytes: number;
  netRxRate: number;
  netTxRate: number;
  blockReadBytes: number;
  blockWriteBytes: number;
  blockReadRate: number;
  blockWriteRate: number;
  pids: number;
}

/** Terminal output/input bytes, base64-encoded so multi-byte characters split across chunks survive JSON. */
export interface TerminalChunk {
  data: string;
}
export type TerminalInput = { type: 'data'; data: string } | { type: 'resize'; cols: number; rows: number };

/**
 * What a `compose run` one-off sends: its output (base64, like a terminal's; stdout only when it has a TTY),
 * progress lines of a detached run, and, last, its exit code and container name.
 */
export type ComposeRunChunk =
  | { type: 'stdout' | 'stderr'; data: string }
  | { type: 'log'; line: string }
  | { type: 'exit'; exitCode: number; name: string };
/** Input of a one-off: the terminal's, plus end of input (the process then reads EOF). */
export type ComposeRunInput = TerminalInput | { type: 'eof' };

/** A line of a task's log (build output, compose progress), for the 'tasks.log' stream. */
export interface TaskLogChunk {
  lines: string[];
}
