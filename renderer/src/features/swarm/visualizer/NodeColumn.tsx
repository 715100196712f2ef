import { memo, useRef } from 'react';
import { Box, Chip, Tooltip, Typography } from '@mui/material';
import StarIcon from '@mui/icons-material/Star';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatMemory, type SwarmNode, type SwarmTask } from '../../../api/contract';
import { nodeTrouble, serviceColor, serviceCounts, type CardMode, type ColumnView } from './model';
import { CARD_HEIGHT, DENSE_HEIGHT, TaskCard } from './TaskCard';

const troubleText = { down: 'down', drained: 'drained', paused: 'paused' } as const;

function NodeHeader({
  node,
  count,
  showLabels,
}: {
  node: SwarmNode | undefined;
  count: number;
  showLabels: boolean;
}) {
  if (!node) {
    return (
      <Box sx={{ p: 1 }}>
        <Typography variant="subtitle2">Not scheduled</Typography>
        <Typography variant="caption" color="text.secondary">
          {count} {count === 1 ? 'task' : 'tasks'} without a node
        </Typography>
      </Box>
    );
  }
  const trouble = nodeTrouble(node);
  const labels = Object.entries(node.labels);
  return (
    <Box
      sx={{
        p: 1,
        bgcolor: trouble === 'down' ? 'error.main' : trouble ? 'warning.main' : undefined,
        color: trouble ? 'common.white' : undefined,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <Typography variant="subtitle2" noWrap sx={{ flex: 1 }} title={node.hostname}>
          {node.hostname}
        </Typography>
        {node.leader && (
          <Tooltip title="Leader">
            <StarIcon fontSize="small" aria-label="leader" />
          </Tooltip>
        )}
      </Box>
      <Typography variant="caption" component="div" noWrap title={node.state === 'down' ? node.message : undefined}>
        {node.role} · {node.state}
        {node.availability !== 'active' ? ` · ${node.availability}` : ''}
        {node.reachability === 'unreachable' ? ' · unreachable' : ''}
      </Typography>
      <Typography variant="caption" component="div" noWrap sx={{ opacity: 0.85 }}>
        {node.cpus !== undefined ? `${node.cpus} CPU` : '— CPU'} ·{' '}
        {node.memoryBytes === undefined ? '—' : formatMemory(node.memoryBytes)} · {count}{' '}
        {count === 1 ? 'task' : 'tasks'}
      </Typography>
      {showLabels && (
        <Box
          sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}
          aria-label={`Labels of ${node.hostname}`}
        >
          {labels.length === 0 ? (
            <Typography variant="caption" sx={{ opacity: 0.8 }}>
              no labels
            </Typography>
          ) : (
            labels.map(([k, v]) => (
              <Chip key={k} size="small" label={v ? `${k}=${v}` : k} sx={{ height: 20, fontSize: 11 }} />
            ))
          )}
        </Box>
      )}
    </Box>
  );
}

function Counts({ column }: { column: ColumnView }) {
  return (
    <Box
      component="ul"
      sx={{ listStyle: 'none', m: 0, p: 1, display: 'flex', flexDirection: 'column', gap: 0.5 }}
    >
      {serviceCounts(column.cards).map((c) => (
        <Box component="li" key={c.service} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Box
            aria-hidden
            sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: serviceColor(c.service) }}
          />
          <Typography variant="body2" noWrap sx={{ flex: 1 }}>
            {c.service}
          </Typography>
          <Typography variant="body2" aria-label={`${c.running} of ${c.total} running`}>
            {c.running}/{c.total}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function Cards({
  column,
  dense,
  onOpen,
}: {
  column: ColumnView;
  dense: boolean;
  onOpen: (t: SwarmTask) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const size = dense ? DENSE_HEIGHT : CARD_HEIGHT;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: column.cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => size,
    overscan: 6,
    getItemKey: (i) => column.cards[i]?.task.id ?? i,
  });
  return (
    <Box ref={scrollRef} sx={{ flex: 1, minHeight: 0, overflowY: 'auto', px: 0.75 }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const view = column.cards[item.index];
          if (!view) return null;
          return (
            // Position by inline style: a per-item `sx` value would make (and insert) one CSS class per offset.
            <div
              key={item.key}
              style={{
                position: 'absolute',
                left: 0,
                right: 0,
                top: 0,
                paddingTop: 4,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <TaskCard view={view} dense={dense} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
    </Box>
  );
}

interface Props {
  column: ColumnView;
  mode: CardMode;
  showLabels: boolean;
  onOpen: (task: SwarmTask) => void;
}

/**
 * One node's column: its facts in the header (marked at once when down or drained) and its tasks, virtualized.
 * Memoized: the board keeps an unchanged column's `column` object's cards, so a task patch re-renders one column.
 */
export const NodeColumn = memo(function NodeColumn({ column, mode, showLabels, onOpen }: Props) {
  const { node } = column;
  const trouble = node ? nodeTrouble(node) : null;
  const name = node ? node.hostname : 'Not scheduled';
  return (
    <Box
      role="group"
      aria-label={`${name}${trouble ? ` (${troubleText[trouble]})` : ''}`}
      sx={{
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        border: 1,
        borderColor: trouble === 'down' ? 'error.main' : trouble ? 'warning.main' : 'divider',
        borderRadius: 1,
        bgcolor: 'action.hover',
        overflow: 'hidden',
        opacity: trouble === 'down' ? 0.75 : 1,
      }}
    >
      <NodeHeader node={node} count={column.cards.length} showLabels={showLabels} />
      {mode === 'counts' ? (
        <Counts column={column} />
      ) : (
        <Cards column={column} dense={mode === 'dense'} onOpen={onOpen} />
      )}
    </Box>
  );
});
