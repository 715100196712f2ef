import { ErrorCode, type ComposeRunChunk, type ComposeRunInput, type StreamParamsInput } from '../../contract';
import { BerthError } from '../../base/errors';
import type { CliIo } from '../io';
import type { TerminalIo } from '../terminal';
import type { ComposeSession } from './compose-session';

export interface OneOffOptions {
  params: Omit<StreamParamsInput<'compose.run'>, 'interactive' | 'tty'>;
  /** The user's terminal (absent for -d): stdin attached, a TTY when it is one and `noTty` is not set (-T). */
  terminal?: TerminalIo;
  noTty: boolean;
}

/**
 * `compose run`'s one-off through the 'compose.run' stream: the user's terminal in raw mode and sized when it
 * is a TTY, stdin and resizes forwarded, output printed (raw with a TTY, by lines without), and the one-off's
 * exit code returned. Detached: the container's name is printed instead.
 */
export async function runOneOffAttached(session: Pick<ComposeSession, 'stream'>, io: CliIo, { params, terminal: term, noTty }: OneOffOptions): Promise<number> {
  const size = noTty ? undefined : term?.size();
  const lines = { out: '', err: '' };
  const writer = (which: 'out' | 'err') => (chunk: Buffer) => {
    const parts = (lines[which] + chunk.toString('utf8')).split('\n');
    lines[which] = parts.pop() ?? '';
    for (const p of parts) io[which](p);
  };
  const out = size && term ? (c: Buffer) => term.writeRaw(c) : writer('out');
  const err = writer('err');
  const ended: { exit?: { exitCode: number; name: string } } = {};
  const onChunk = (c: ComposeRunChunk) => {
    if (c.type === 'exit') ended.exit = c;
    else if (c.type === 'log') {
      if (params.detach) io.err(c.line);
    } else (c.type === 'stdout' ? out : err)(Buffer.from(c.data, 'base64'));
  };
  const cleanups: (() => void)[] = [];
  const wire = (send: (input: ComposeRunInput) => void) => {
    if (!term) return;
    const onData = (chunk: Buffer | string) => send({ type: 'data', data: Buffer.from(chunk).toString('base64') });
    const onEnd = () => send({ type: 'eof' });
    term.stdin.on('data', onData);
    term.stdin.once('end', onEnd);
    cleanups.push(() => term.stdin.off('data', onData).off('end', onEnd));
    if (size) {
      cleanups.push(
        term.onResize(() => {
          const now = term.size();
          if (now) send({ type: 'resize', cols: now.columns, rows: now.rows });
        }),
      );
    }
  };
  if (size) term?.setRaw(true);
  try {
    const full: StreamParamsInput<'compose.run'> = { ...params, interactive: term !== undefined, ...(size ? { tty: { cols: size.columns, rows: size.rows } } : {}) };
    await session.stream<ComposeRunChunk, ComposeRunInput>('compose.run', full, onChunk, undefined, wire);
  } finally {
    for (const c of cleanups) c();
    if (size) term?.setRaw(false);
    term?.release();
  }
  if (lines.out) io.out(lines.out);
  if (lines.err) io.err(lines.err);
  const { exit } = ended;
  if (!exit) throw new BerthError(ErrorCode.INTERNAL, 'The one-off ended without reporting its exit code.');
  if (params.detach) io.out(exit.name);
  return exit.exitCode;
}
