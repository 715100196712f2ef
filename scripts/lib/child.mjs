// Runs a child process in the foreground: inherits stdio, receives our SIGINT/SIGTERM, and we exit with its code.
import { spawn } from 'node:child_process';

export function runForeground(command, args, options = {}) {
  // On POSIX the child gets its own process group, so a terminal Ctrl+C reaches it once (forwarded by us)
  // rather than twice (terminal + forward), which `berth web` would read as "quit now, skip cleanup".
  const child = spawn(command, args, {
    stdio: 'inherit',
    detached: process.platform !== 'win32',
    ...options,
  });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => {
    console.error(`Could not run ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    // A child ended by the signal we forwarded stopped as asked: 0, like `berth web` itself.
    process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
  });
  return child;
}
