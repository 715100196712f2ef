import { memo } from 'react';
import { Box } from '@mui/material';
import { formatLogStamp } from '../../../api/contract';
import type { CSSProperties } from 'react';
import { findMatches, highlight, parseAnsi, type AnsiStyle } from './ansi';
import type { LogEntry } from './logRing';

export const LINE_HEIGHT = 20;

function css(style: AnsiStyle): CSSProperties {
  const out: CSSProperties = {};
  const fg = style.inverse ? (style.bg ?? 'var(--log-bg)') : style.fg;
  const bg = style.inverse ? (style.fg ?? 'var(--log-fg)') : style.bg;
  if (fg) out.color = fg;
  if (bg) out.backgroundColor = bg;
  if (style.bold) out.fontWeight = 700;
  if (style.dim) out.opacity = 0.7;
  if (style.italic) out.fontStyle = 'italic';
  if (style.underline) out.textDecoration = 'underline';
  return out;
}

interface Props {
  entry: LogEntry;
  showTimestamp: boolean;
  query: string;
  /** Index of the current match within this line, or -1. */
  currentMatch: number;
}

/** One log line: stderr marked in the gutter and tinted, ANSI colours rendered, search matches marked. */
export const LogLineView = memo(function LogLineView({ entry, showTimestamp, query, currentMatch }: Props) {
  const segments = highlight(parseAnsi(entry.text), findMatches(entry.plain, query), currentMatch);
  const isErr = entry.stream === 'stderr';
  return (
    <Box
      data-stream={entry.stream}
      sx={{
        display: 'flex',
        height: LINE_HEIGHT,
        lineHeight: `${LINE_HEIGHT}px`,
        whiteSpace: 'pre',
        borderLeft: 3,
        borderColor: isErr ? 'error.main' : 'transparent',
        pl: 1,
        color: isErr ? 'error.light' : undefined,
      }}
    >
      <Box component="span" sx={{ width: 28, flexShrink: 0, color: 'error.main', fontSize: 11, userSelect: 'none' }} aria-label={isErr ? 'stderr' : undefined}>
        {isErr ? 'err' : ''}
      </Box>
      {showTimestamp && entry.ts && (
        <Box component="span" sx={{ color: 'text.secondary', mr: 1.5, flexShrink: 0, userSelect: 'none' }}>
          {formatLogStamp(entry.ts)}
        </Box>
      )}
      <span>
        {segments.map((s, i) =>
          s.match ? (
            <mark key={i} data-current={s.match === 'current' || undefined} style={{ ...css(s.style), backgroundColor: s.match === 'current' ? '#ff9632' : '#ffe066', color: '#000' }}>
              {s.text}
            </mark>
          ) : (
            <span key={i} style={css(s.style)}>
              {s.text}
            </span>
          ),
        )}
      </span>
    </Box>
  );
});
