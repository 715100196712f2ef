import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import '@xterm/xterm/css/xterm.css';
import type { BerthErrorData, ContainerState } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useBerth } from '../../stores/context';
import { base64ToBytes, textToBase64 } from './base64';

type Shell = 'sh' | 'bash' | 'custom' | 'attach';

interface Session {
  shell: Shell;
  command: string;
  key: number;
}

/** Splits a custom command like a shell would for simple cases (quotes group words). */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(re)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

/**
 * An interactive terminal (xterm.js) over the containers.exec stream, or attached to the main process of a TTY
 * container. Sized to its box (ResizeObserver + fit) and resized in the container to match.
 */
export function TerminalTab({ id, state, tty }: { id: string; state: ContainerState; tty: boolean }) {
  const [shell, setShell] = useState<Shell>('sh');
  const [command, setCommand] = useState('');
  const [session, setSession] = useState<Session | null>(null);
  const running = state === 'running';

  if (!running) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        The container is {state}. Start it to open a terminal; its logs stay readable in the Logs tab.
      </Typography>
    );
  }
  const connect = () => setSession({ shell, command, key: Date.now() });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, p: 2, gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" label="Shell" value={shell} onChange={(e) => setShell(e.target.value as Shell)} sx={{ width: 200 }}>
          <MenuItem value="sh">sh</MenuItem>
          <MenuItem value="bash">bash</MenuItem>
          <MenuItem value="custom">Custom command…</MenuItem>
          {tty && <MenuItem value="attach">Attach to the main process</MenuItem>}
        </TextField>
        {shell === 'custom' && (
          <TextField size="small" label="Command" value={command} onChange={(e) => setCommand(e.target.value)} placeholder="e.g. /bin/zsh -l" sx={{ width: 260 }} />
        )}
        <Button variant="contained" size="small" onClick={connect} disabled={shell === 'custom' && splitCommand(command).length === 0}>
          {session ? 'Reconnect' : 'Connect'}
        </Button>
        <Typography variant="body2" color="text.secondary">
          Copy: select text (Ctrl+Shift+C); paste: Ctrl+Shift+V.
        </Typography>
      </Box>
      {session ? (
        <TerminalSession key={session.key} id={id} session={session} />
      ) : (
        <Typography color="text.secondary">Choose a shell and connect. sh exists in most images; bash in many.</Typography>
      )}
    </Box>
  );
}

function TerminalSession({ id, session }: { id: string; session: Session }) {
  const client = useBerth((s) => s.client);
  const box = useRef<HTMLDivElement>(null);
  const [ended, setEnded] = useState<{ error?: BerthErrorData } | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let dispose: (() => void) | undefined;
    let cancelled = false;
    // xterm is loaded with the first terminal, not with the app (it is large and needs a real canvas).
    void Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]).then(([{ Terminal }, { FitAddon }]) => {
      if (cancelled) return;
      const term = new Terminal({ cursorBlink: true, fontFamily: 'monospace', fontSize: 13, scrollback: 5000 });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(el);
      fit.fit();
      const size = { cols: term.cols, rows: term.rows };
      const handlers = {
        onData: (chunk: { data: string }) => term.write(base64ToBytes(chunk.data)),
        onEnd: (error?: BerthErrorData) => setEnded(error ? { error } : {}),
      };
      const sub =
        session.shell === 'attach'
          ? client.stream('containers.attach', { id, ...size }, handlers)
          : client.stream(
              'containers.exec',
              { id, cmd: session.shell === 'custom' ? splitCommand(session.command) : [session.shell], ...size },
              handlers,
            );
      const input = term.onData((d) => sub.send({ type: 'data', data: textToBase64(d) }));
      const resize = term.onResize(({ cols, rows }) => sub.send({ type: 'resize', cols, rows }));
      term.attachCustomKeyEventHandler((e) => {
        if (e.type === 'keydown' && e.ctrlKey && e.shiftKey && e.code === 'KeyC') {
          void navigator.clipboard?.writeText(term.getSelection());
          return false;
        }
        // Ctrl+Shift+V: let the browser's paste event reach xterm.
        return !(e.ctrlKey && e.shiftKey && e.code === 'KeyV');
      });
      const observer = new ResizeObserver(() => fit.fit());
      observer.observe(el);
      term.focus();
      dispose = () => {
        observer.disconnect();
        input.dispose();
        resize.dispose();
        sub.close();
        term.dispose();
      };
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [client, id, session]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, gap: 1 }}>
      <Box ref={box} aria-label="Terminal screen" sx={{ flex: 1, minHeight: 240, bgcolor: '#000', p: 0.5, '& .xterm': { height: '100%' } }} />
      {ended &&
        (ended.error ? (
          <Alert severity="error">
            The terminal closed: {ended.error.message}
            <ErrorDetails details={ended.error.details ?? ended.error.code} />
          </Alert>
        ) : (
          <Alert severity="info">The process exited. Press Reconnect for a new one.</Alert>
        ))}
    </Box>
  );
}
