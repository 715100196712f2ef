import type { SxProps, Theme } from '@mui/material';

/** Shared shape of Berth's virtualized grids (containers, images, volumes, networks). */
export const HEADER_HEIGHT = 40;

/** The scrolling element that holds the header and the rows. */
export const gridScrollSx: SxProps<Theme> = {
  flex: 1,
  minHeight: 0,
  overflow: 'auto',
  position: 'relative',
  bgcolor: 'background.paper',
  borderTop: 1,
  borderColor: 'divider',
};

/** One virtual row, placed at `start` (the virtualizer's offset, which includes the header). */
export const virtualRowSx = (start: number) =>
  ({
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    transform: `translateY(${start - HEADER_HEIGHT}px)`,
    borderBottom: 1,
    borderColor: 'divider',
    '&:hover': { bgcolor: 'action.hover' },
    '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
  }) as const;

/** A small IconButton is 34 px; a cell pads 8 px each side. */
const ICON_BUTTON = 34;
/** The track of an actions column with `inline` buttons plus the "More actions" menu button. */
export const actionsWidth = (inline: number): string => `${(inline + 1) * ICON_BUTTON + 16}px`;
/** The actions column squeezed to its menu button alone. */
export const COMPACT_ACTIONS = actionsWidth(0);
