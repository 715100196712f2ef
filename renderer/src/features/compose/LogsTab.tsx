import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, FormControlLabel, Switch, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { plural, formatLogStamp } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { matches, serviceColor } from './logBuffer';
import { useLogFeed } from './useLogFeed';
import { SearchField } from '../../components/SearchField';

const LINE_HEIGHT = 20;

/**
 * The project's logs, every service merged (compose.logs) into one timeline by the engine's timestamps: one
 * colour per service, timestamps on demand, follow (keep scrolled to the newest line), search, a bounded buffer. The stream belongs to this view and closes when it unmounts.
 */
export function LogsTab({ project }: { project: string }) {
  const { lines, ended, dropped, retry, clear } = useLogFeed('compose.logs', { name: project, tail: 200, follow: true, timestamps: true });
  const [follow, setFollow] = useState(true);
  const [timestamps, setTimestamps] = useState(false);
  const [query, setQuery] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);

  const visible = useMemo(() => lines.filter((l) => matches(l, query)), [lines, query]);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
  });

  useEffect(() => {
    if (follow && visible.length > 0) virtualizer.scrollToIndex(visible.length - 1, { align: 'end' });
  }, [follow, visible.length, virtualizer]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', px: 2, py: 1 }}>
        <SearchField label="Search the logs" placeholder="Search the logs" value={query} onChange={setQuery} width={280} />
        <FormControlLabel control={<Switch checked={follow} onChange={(e) => setFollow(e.target.checked)} />} label="Follow" />
        <FormControlLabel control={<Switch checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />} label="Timestamps" />
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {query ? `${visible.length} of ${plural(lines.length, 'line')}` : plural(lines.length, 'line')}
          {dropped > 0 && ` · ${dropped} skipped while the view could not keep up`}
        </Typography>
        <Button
          size="small"
          onClick={clear}
        >
          Clear
        </Button>
      </Box>
      {ended && (
        <Alert
          severity={ended.error ? 'error' : 'info'}
          sx={{ mx: 2, mb: 1 }}
          action={
            <Button
              size="small"
              onClick={retry}
            >
              Reconnect
            </Button>
          }
        >
          {ended.error ? `The log stream stopped: ${ended.error.message}` : 'The log stream ended (no containers left to follow).'}
          {ended.error && <ErrorDetails details={ended.error.details} />}
        </Alert>
      )}
      <Box
        ref={scrollRef}
        role="log"
        aria-label={`Logs of ${project}`}
        onWheel={(e) => e.deltaY < 0 && follow && setFollow(false)}
        sx={{ flex: 1, minHeight: 200, overflow: 'auto', fontFamily: 'monospace', fontSize: 13, bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider' }}
      >
        {visible.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 2, fontFamily: 'inherit' }}>
            {lines.length === 0 ? 'No log lines yet.' : 'No line matches the search.'}
          </Typography>
        ) : (
          <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = visible[item.index];
              if (!line) return null;
              return (
                <Box
                  key={line.seq}
                  sx={{ position: 'absolute', top: 0, left: 0, right: 0, height: LINE_HEIGHT, transform: `translateY(${item.start}px)`, px: 1, whiteSpace: 'pre', display: 'flex', gap: 1 }}
                >
                  {timestamps && line.ts && (
                    <Box component="span" sx={{ color: 'text.secondary', flexShrink: 0 }}>
                      {formatLogStamp(line.ts)}
                    </Box>
                  )}
                  <Box component="span" sx={{ color: serviceColor(line.service), flexShrink: 0, minWidth: 100 }}>
                    {line.container ?? line.service ?? ''} |
                  </Box>
                  <Box component="span" sx={{ color: line.stream === 'stderr' ? 'error.main' : 'text.primary' }}>
                    {line.text}
                  </Box>
                </Box>
              );
            })}
          </Box>
        )}
      </Box>
    </Box>
  );
}
