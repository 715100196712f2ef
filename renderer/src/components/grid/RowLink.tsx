import type { ReactNode } from 'react';
import { Link } from '@mui/material';
import { useGridRow } from './GridContext';

interface Props {
  /** The row's key in its grid: only the focused row's link is a tab stop, like its other controls. */
  rowKey: string;
  onOpen: () => void;
  title?: string;
  /** Extra styles (a plain style object). */
  sx?: Record<string, unknown>;
  children: ReactNode;
}

/**
 * A row's name as a button that opens it. A click opens it once: the row's own double-click handler is not
 * reached, so a double click does not open the row that the next listing puts in the same place.
 */
export function RowLink({ rowKey, onOpen, title, sx, children }: Props) {
  const { tabIndex } = useGridRow(rowKey);
  return (
    <Link
      component="button"
      type="button"
      variant="body2"
      underline="hover"
      color="inherit"
      tabIndex={tabIndex}
      title={title}
      onClick={onOpen}
      onDoubleClick={(e) => e.stopPropagation()}
      sx={{ textAlign: 'left', minWidth: 0, ...sx }}
    >
      {children}
    </Link>
  );
}
