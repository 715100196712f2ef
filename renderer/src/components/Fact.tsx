import type { ReactNode } from 'react';
import { Typography } from '@mui/material';

/** One term and its value in a drawer's facts list (`<dl>`); long values (IDs, paths) wrap anywhere. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }}>
        {children}
      </Typography>
    </>
  );
}
