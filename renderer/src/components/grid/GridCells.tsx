import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { useGridLayout } from './GridContext';

export const cellSx = {
  display: 'flex',
  alignItems: 'center',
  minWidth: 0,
  px: 1,
  gap: 0.5,
  overflow: 'hidden',
} as const;

/** The cells of one row in the grid's layout: only the columns that fit, in column order, on the shared template. */
export function GridCells({ cells, height }: { cells: Record<string, ReactNode>; height?: number }) {
  const layout = useGridLayout();
  const ids = layout ? layout.visible : Object.keys(cells);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: layout?.template, height, minHeight: height }}>
      {ids.map((id) => (
        <Box key={id} role="gridcell" data-column={id} sx={cellSx}>
          {cells[id]}
        </Box>
      ))}
    </Box>
  );
}
