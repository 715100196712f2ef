import { useEffect, useRef } from 'react';
import { Box } from '@mui/material';
import type { CodeEditorProps } from './types';

/**
 * A plain monospace text area with the CodeEditorProps interface: used when Monaco cannot load, and by
 * component tests (jsdom cannot run Monaco). Markers are listed by the ProblemList next to it.
 */
export function PlainTextEditor({ value, onChange, readOnly, height = '100%', ariaLabel, reveal }: CodeEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!el || !reveal) return;
    const before = el.value.split('\n').slice(0, reveal.line - 1).join('\n');
    const offset = Math.min(el.value.length, (reveal.line > 1 ? before.length + 1 : 0) + reveal.col - 1);
    el.focus();
    el.setSelectionRange(offset, offset);
  }, [reveal]);
  return (
    <Box
      ref={area}
      component="textarea"
      aria-label={ariaLabel}
      value={value}
      readOnly={readOnly}
      spellCheck={false}
      onChange={(e) => onChange?.(e.target.value)}
      sx={{
        width: '100%',
        height,
        resize: 'none',
        border: 0,
        p: 1,
        fontFamily: 'monospace',
        fontSize: 13,
        bgcolor: 'background.paper',
        color: 'text.primary',
        outline: 'none',
      }}
    />
  );
}
