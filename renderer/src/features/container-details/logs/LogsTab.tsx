import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BerthErrorData, LogLine } from '../../../api/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useBerth } from '../../../stores/context';
import { findMatches } from './ansi';
import { LINE_HEIGHT, LogLineView } from './LogLineView';
import { LogRing } from './logRing';
import { LogToolbar, type LogOptions } from './LogToolbar';
import { downloadText } from '../../../components/download';
import { startDownload } from '../../../components/files/transfers';

const initial: LogOptions = { tail: 1000, sinceSeconds: 0, timestamps: false };

/** Services' lines say which task (and node) wrote them, as `docker service logs` does. */
const withTask = (l: LogLine): LogLine => (l.task ? { ...l, text: `${l.task}${l.node ? `@${l.node}` : ''} | ${l.text}` } : l);

/**
 * A container's logs, or a swarm service's merged over its tasks (`kind="service"`): live, searchable, bounded
 * (see LogRing), owned by this view and closed on unmount.
 */
export function LogsTab({ id, name, kind = 'container' }: { id: string; name: string; kind?: 'container' | 'service' }) {
  const client = useBerth((s) => s.client);
  const ring = useMemo(() => new LogRing(), []);
  const [version, setVersion] = useState(0);
  const [options, setOptions] = useState(initial);
  // Follow keeps the newest line in view; the stream follows the log either way, so switching it loses nothing.
  const [follow, setFollow] = useState(true);
  const [downloadError, setDownloadError] = useState<BerthErrorData | null>(null);
  const [ended, setEnded] = useState<{ error?: BerthErrorData } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [paused, setPaused] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  useEffect(() => {
    ring.clear();
    setEnded(null);
    setVersion(ring.version);
    let frame = 0;
    // Chunks can arrive faster than the screen refreshes: render at most once per frame.
    const render = () => {
      frame = 0;
      setVersion(ring.version);
    };
    const handlers = {
      onData: (chunk: { lines: LogLine[]; dropped?: number }) => {
        ring.append(kind === 'service' ? chunk.lines.map(withTask) : chunk.lines, chunk.dropped);
        frame ||= requestAnimationFrame(render);
      },
      onEnd: (error?: BerthErrorData) => setEnded(error ? { error } : {}),
    };
    const subscription =
      kind === 'service'
        ? client.stream('services.logs', { id, follow: true, tail: options.tail, timestamps: true }, handlers)
        : client.stream(
            'containers.logs',
            {
              id,
              follow: true,
              tail: options.tail,
              timestamps: true,
              ...(options.sinceSeconds ? { since: Math.floor(Date.now() / 1000) - options.sinceSeconds } : {}),
            },
            handlers,
          );
    return () => {
      if (frame) cancelAnimationFrame(frame);
      subscription.close();
    };
  }, [client, id, kind, ring, options.tail, options.sinceSeconds, attempt]);

  const matches = useMemo(() => (version >= 0 ? ring.search(query) : []), [ring, query, version]);
  const size = ring.size;

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: size,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30,
  });

  useEffect(() => {
    if (follow && !paused && atBottom.current && size > 0) virtualizer.scrollToIndex(size - 1, { align: 'end' });
  }, [follow, paused, size, version, virtualizer]);

  /** Shows a match: Follow turns off, or the next line would scroll it away (it can be turned on again). */
  const showMatch = useCallback(
    (line: number | undefined) => {
      if (line === undefined) return;
      setFollow(false);
      atBottom.current = false;
      virtualizer.scrollToIndex(line, { align: 'center' });
    },
    [virtualizer],
  );
  const goTo = useCallback(
    (step: number) => {
      if (matches.length === 0) return;
      const next = (((current + step) % matches.length) + matches.length) % matches.length;
      setCurrent(next);
      showMatch(matches[next]);
    },
    [current, matches, showMatch],
  );

  const currentLine = matches[Math.min(current, matches.length - 1)] ?? -1;
  const downloadShown = () => downloadText(`${name}.log`, ring.toText(options.timestamps));
  const downloadFull = async () => {
    setDownloadError(startDownload(client, await client.call('containers.logs.download', { id, timestamps: options.timestamps })));
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <LogToolbar
        options={options}
        onOptions={setOptions}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setCurrent(0);
          // The first match comes into view as soon as it is typed, not only on Enter.
          if (q) showMatch(ring.search(q)[0]);
        }}
        follow={follow}
        onFollow={(on) => {
          atBottom.current = on;
          setFollow(on);
        }}
        matchText={query ? (matches.length ? `${Math.min(current, matches.length - 1) + 1} of ${matches.length}` : 'No matches') : ''}
        onNext={() => goTo(1)}
        onPrevious={() => goTo(-1)}
        paused={paused}
        onPause={() => {
          ring.setPaused(!paused);
          setPaused(!paused);
          setVersion(ring.version);
        }}
        onClear={() => {
          ring.clear();
          setVersion(ring.version);
        }}
        onDownloadShown={downloadShown}
        {...(kind === 'container' ? { onDownloadFull: () => void downloadFull() } : {})}
        withSince={kind === 'container'}
      />
      {downloadError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }} onClose={() => setDownloadError(null)}>
          Could not download the log: {downloadError.message}
          <ErrorDetails details={downloadError.details ?? downloadError.code} />
        </Alert>
      )}
      {(ring.dropped > 0 || paused) && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
          {paused ? `Paused: ${ring.waiting.toLocaleString()} new lines waiting. ` : ''}
          {ring.dropped > 0 ? `${ring.dropped.toLocaleString()} older lines were dropped to keep up (the view keeps the newest ${ring.capacity.toLocaleString()}).` : ''}
        </Typography>
      )}
      <Box
        ref={scrollRef}
        role="log"
        aria-label={`Logs of ${name}`}
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_HEIGHT * 2;
        }}
        sx={{ flex: 1, minHeight: 200, overflow: 'auto', fontFamily: 'monospace', fontSize: 13, bgcolor: 'background.default', mx: 2, border: 1, borderColor: 'divider', '--log-bg': '#1e1e1e', '--log-fg': '#e5e5e5' }}
      >
        {/* The height inline: as an sx value each new height would add a CSS class. */}
        <Box style={{ height: virtualizer.getTotalSize() }} sx={{ position: 'relative', minWidth: 'max-content' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = ring.get(item.index);
            if (!entry) return null;
            const currentMatch = item.index === currentLine ? findMatches(entry.plain, query).length > 0 ? 0 : -1 : -1;
            return (
              <Box key={entry.seq} sx={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                <LogLineView entry={entry} showTimestamp={options.timestamps} query={query} currentMatch={currentMatch} />
              </Box>
            );
          })}
        </Box>
        {size === 0 && (
          <Typography color="text.secondary" sx={{ p: 2 }}>
            {ended ? 'No log lines.' : 'Waiting for log lines…'}
          </Typography>
        )}
      </Box>
      {ended && (
        <Box sx={{ px: 2, py: 1 }}>
          {ended.error ? (
            <Alert severity="error" action={<Button onClick={() => setAttempt((a) => a + 1)}>Reconnect</Button>}>
              The log stream stopped: {ended.error.message}
              <ErrorDetails details={ended.error.details ?? ended.error.code} />
            </Alert>
          ) : (
            <Alert severity="info" action={<Button onClick={() => setAttempt((a) => a + 1)}>Reload</Button>}>
              {kind === 'service' ? 'The service is gone, so its log ended.' : 'The container stopped, so its log ended.'}
            </Alert>
          )}
        </Box>
      )}
    </Box>
  );
}
