import { useState, type ReactNode } from 'react';
import { Box } from '@mui/material';

/**
 * Which of `keys` have been shown so far: views that hold user input stay mounted (hidden) once opened, so a
 * draft survives switching to another tab and back.
 */
export function useShownSoFar<K extends string | number>(current: K): ReadonlySet<K> {
  const [shown, setShown] = useState<ReadonlySet<K>>(() => new Set([current]));
  if (!shown.has(current)) {
    const next = new Set(shown).add(current);
    setShown(next);
    return next;
  }
  return shown;
}

/** A view kept mounted while hidden (see useShownSoFar); it fills its parent's column when shown. */
export function KeepMounted({ shown, children }: { shown: boolean; children: ReactNode }) {
  return (
    <Box hidden={!shown} sx={{ display: shown ? 'flex' : 'none', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      {children}
    </Box>
  );
}
