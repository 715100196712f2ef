/** The user's terminal as `compose run` needs it: input, raw mode, size and resizes, raw output. */
export interface TerminalIo {
  stdin: NodeJS.ReadableStream;
  /** The terminal's size when stdin and stdout both are terminals (a one-off then gets a TTY), else undefined. */
  size(): { rows: number; columns: number } | undefined;
  /** Raw mode passes every key (Ctrl+C too) to the container, as `docker compose run` does. */
  setRaw(on: boolean): void;
  onResize(listener: () => void): () => void;
  /** Terminal output, written as it comes (no line splitting). */
  writeRaw(chunk: Buffer): void;
  /** Stops reading input once the run is over. */
  release(): void;
}

export function processTerminal(): TerminalIo {
  const { stdin, stdout } = process;
  return {
    stdin,
    size: () => (stdin.isTTY && stdout.isTTY ? { rows: stdout.rows, columns: stdout.columns } : undefined),
    setRaw: (on) => {
      if (stdin.isTTY) stdin.setRawMode(on);
    },
    onResize: (listener) => {
      stdout.on('resize', listener);
      return () => stdout.off('resize', listener);
    },
    writeRaw: (chunk) => stdout.write(chunk),
    release: () => stdin.pause(),
  };
}
