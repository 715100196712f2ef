import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import { ErrorCode, type StreamName, type TerminalChunk, type TerminalInput } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';
import type { StreamContext } from '../../../base/handlers';

type TerminalStream = Extract<StreamName, 'containers.exec' | 'containers.attach'>;
type TerminalContext<S extends TerminalStream> = Pick<
  StreamContext<S>,
  'params' | 'signal' | 'send' | 'drained' | 'onInput'
>;

/** Refuses, with the reason and the next step, to open a terminal in a container that is not running. */
async function runningContainer(docker: Dockerode, id: string, signal: AbortSignal) {
  let info: Dockerode.ContainerInspectInfo;
  try {
    info = await docker.getContainer(id).inspect({ abortSignal: signal });
  } catch (err) {
    throw mapDockerError(err, { object: `container ${id}` });
  }
  if (info.State.Paused) {
    throw new BerthError(ErrorCode.CONFLICT, `Container ${id} is paused. Resume it to use a terminal.`);
  }
  if (!info.State.Running) {
    throw new BerthError(
      ErrorCode.CONFLICT,
      `Container ${id} is not running (${info.State.Status}). Start it to open a terminal; its logs stay readable meanwhile.`,
    );
  }
  return info;
}

/**
 * 'containers.exec': a new process with a TTY in a running container (the Terminal tab). Output goes out as
 * base64 chunks; keystrokes and resizes come in; it ends when the process exits.
 */
export async function streamExec(docker: Dockerode, ctx: TerminalContext<'containers.exec'>): Promise<void> {
  const p = ctx.params;
  await runningContainer(docker, p.id, ctx.signal);
  const object = { object: `container ${p.id}`, action: 'open a terminal in' };
  let exec: Dockerode.Exec;
  let socket: Duplex;
  try {
    exec = await docker.getContainer(p.id).exec({
      Cmd: p.cmd,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      // No COLUMNS/LINES: programs prefer them over the terminal size, which would hide later resizes.
      Env: ['TERM=xterm-256color'],
      ...(p.user ? { User: p.user } : {}),
      ...(p.workingDir ? { WorkingDir: p.workingDir } : {}),
    });
    socket = (await exec.start({ hijack: true, stdin: true, Tty: true, Detach: false }));
  } catch (err) {
    throw mapDockerError(err, object);
  }
  const resize = (cols: number, rows: number) => exec.resize({ w: cols, h: rows }).catch(() => undefined);
  void resize(p.cols, p.rows);
  const output = await pump(socket, ctx, resize);
  if (ctx.signal.aborted) return;
  const result = await exec.inspect().catch(() => undefined);
  // The runtime reports a missing shell through the exec's output and exit code 126/127, not as an API error.
  if (result && (result.ExitCode === 126 || result.ExitCode === 127) && /not found|no such file/i.test(output)) {
    throw new BerthError(
      ErrorCode.NOT_FOUND,
      `${p.cmd[0] ?? 'The command'} was not found in container ${p.id}. Choose another shell (sh is in most images).`,
      { exitCode: result.ExitCode, output: output.slice(-500) },
    );
  }
}

/** 'containers.attach': the main process's TTY of a container started with -t. */
export async function streamAttach(docker: Dockerode, ctx: TerminalContext<'containers.attach'>): Promise<void> {
  const p = ctx.params;
  const info = await runningContainer(docker, p.id, ctx.signal);
  if (!info.Config.Tty) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `Container ${p.id} was not started with a TTY, so there is no terminal to attach to. Open a shell with Terminal instead, or read its output in Logs.`,
    );
  }
  const container = docker.getContainer(p.id);
  let socket: Duplex;
  try {
    socket = (await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as Duplex;
  } catch (err) {
    throw mapDockerError(err, { object: `container ${p.id}`, action: 'attach to' });
  }
  const resize = (cols: number, rows: number) => container.resize({ w: cols, h: rows }).catch(() => undefined);
  void resize(p.cols, p.rows);
  await pump(socket, ctx, resize);
}

/** Keeps this much of the output's tail, to explain an exec that failed before it ran. */
const TAIL_CHARS = 2000;

/** Moves bytes both ways until the process ends or the client leaves; returns the last bit of output. */
function pump<S extends TerminalStream>(
  socket: Duplex,
  ctx: TerminalContext<S>,
  resize: (cols: number, rows: number) => Promise<unknown>,
): Promise<string> {
  let tail = '';
  return new Promise<string>((resolve) => {
    const done = () => {
      ctx.signal.removeEventListener('abort', abort);
      resolve(tail);
    };
    const abort = () => socket.destroy();
    ctx.signal.addEventListener('abort', abort, { once: true });
    socket.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
      const data: TerminalChunk = { data: chunk.toString('base64') };
      if (!ctx.send(data as never)) {
        socket.pause();
        void ctx.drained().then(() => socket.resume());
      }
    });
    socket.on('close', done);
    socket.on('end', () => socket.destroy());
    socket.on('error', () => socket.destroy());
    ctx.onInput(((input: TerminalInput) => {
      if (input.type === 'data') socket.write(Buffer.from(input.data, 'base64'));
      else void resize(input.cols, input.rows);
    }) as never);
  });
}
