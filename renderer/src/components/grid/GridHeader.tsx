import type { ReactNode } from 'react';
import { Box, ButtonBase } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { HEADER_HEIGHT } from './grid';
import { useGridLayout } from './GridContext';
import type { Sort } from './sort';

export interface HeaderColumn<K extends string> {
  id: string;
  label: string;
  sortKey?: K | undefined;
}

interface Props<K extends string> {
  columns: readonly HeaderColumn<K>[];
  /** CSS grid-template-columns shared with the rows; a grid given `columns` lays them out itself. */
  template?: string;
  minWidth?: number;
  sort: Sort<K>;
  onSort: (key: K) => void;
  /** A header cell of its own for some column (e.g. a select-all checkbox); undefined keeps the default. */
  renderCell?: (column: HeaderColumn<K>) => ReactNode | undefined;
}

export const ariaSort = <K extends string>(sort: Sort<K>, key: K | undefined) =>
  key === undefined
    ? undefined
    : sort.key === key
      ? sort.direction === 'asc'
        ? 'ascending'
        : 'descending'
      : 'none';

/**
 * The sticky header row of a virtualized grid: sortable column headers (buttons, so they take focus and show
 * the focus ring) with aria-sort; in a grid that lays out its columns, only the columns that fit.
 */
export function GridHeader<K extends string>({
  columns: all,
  template: ownTemplate,
  minWidth: ownMin,
  sort,
  onSort,
  renderCell,
}: Props<K>) {
  const layout = useGridLayout();
  const columns = layout ? all.filter((c) => layout.visible.includes(c.id)) : all;
  const template = layout?.template ?? ownTemplate;
  const minWidth = layout?.minWidth ?? ownMin;
  return (
    <Box
      role="rowgroup"
      sx={{ position: 'sticky', top: 0, zIndex: 1, bgcolor: 'background.paper', minWidth }}
    >
      <Box
        role="row"
        aria-rowindex={1}
        sx={{
          display: 'grid',
          gridTemplateColumns: template,
          height: HEADER_HEIGHT,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        {columns.map((c) => {
          const custom = renderCell?.(c);
          const key = c.sortKey;
          return (
            <Box
              key={c.id}
              role="columnheader"
              aria-sort={ariaSort(sort, key)}
              sx={{ display: 'flex', alignItems: 'center', px: custom === undefined ? 1 : 0.5 }}
            >
              {custom !== undefined ? (
                custom
              ) : key ? (
                <ButtonBase
                  onClick={() => onSort(key)}
                  sx={{ typography: 'subtitle2', gap: 0.5, borderRadius: 1, px: 0.5, ml: -0.5 }}
                >
                  {c.label}
                  {sort.key === key &&
                    (sort.direction === 'asc' ? (
                      <ArrowUpwardIcon sx={{ fontSize: 14 }} />
                    ) : (
                      <ArrowDownwardIcon sx={{ fontSize: 14 }} />
                    ))}
                </ButtonBase>
              ) : (
                <Box component="span" sx={{ typography: 'subtitle2' }}>
                  {c.label}
                </Box>
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
