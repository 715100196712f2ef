import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { plural, type SwarmTask } from '../../../api/contract';
import { useBerth } from '../../../stores/context';
import { autoMode, createBoard, noFilter, type CardMode, type ColumnView, type ModeChoice } from './model';
import { NodeColumn } from './NodeColumn';
import { NotManagerNotice } from './NotManagerNotice';
import { TaskLogDrawer } from './TaskLogDrawer';
import { VisualizerToolbar } from './VisualizerToolbar';
import { withStoppedEngines } from './localEngines';

const COLUMN_WIDTH: Record<CardMode, number> = { cards: 240, dense: 180, counts: 200 };
const GAP = 8;

/** The columns side by side; only those in view (plus a few) are in the DOM. */
function Board({ columns, mode, showLabels, onOpen }: { columns: ColumnView[]; mode: CardMode; showLabels: boolean; onOpen: (t: SwarmTask) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = COLUMN_WIDTH[mode] + GAP;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => width,
    overscan: 3,
    getItemKey: (i) => columns[i]?.key ?? i,
  });
  return (
    <Box ref={scrollRef} role="region" aria-label="Nodes and their tasks" sx={{ flex: 1, minHeight: 320, overflowX: 'auto', overflowY: 'hidden', px: 2, pb: 1 }}>
      <div style={{ width: virtualizer.getTotalSize(), height: '100%', position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const column = columns[item.index];
          if (!column) return null;
          return (
            // Inline style, not `sx`: one CSS class per offset would be made and inserted otherwise.
            <div key={item.key} style={{ position: 'absolute', top: 0, bottom: 0, left: 0, width: COLUMN_WIDTH[mode], transform: `translateX(${item.start}px)` }}>
              <NodeColumn column={column} mode={mode} showLabels={showLabels} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
    </Box>
  );
}

/**
 * The cluster visualizer: one column per node with its tasks as cards coloured per service, live from the store's
 * swarm lists (patches once per frame). Filters by service, stack and node; stopped tasks and node labels on
 * demand; dense cards or per-service counts for big clusters. A card opens its task's logs.
 */
export function VisualizerTab() {
  const status = useBerth((s) => s.swarm.status);
  const tasks = useBerth((s) => s.swarmTasks.items);
  const loaded = useBerth((s) => s.swarmTasks.loaded);
  const listError = useBerth((s) => s.swarmTasks.error ?? s.swarmNodes.error);
  const listedNodes = useBerth((s) => s.swarmNodes.items);
  const cluster = useBerth((s) => s.swarm.cluster);
  const nodes = useMemo(() => withStoppedEngines(listedNodes, cluster), [listedNodes, cluster]);
  const services = useBerth((s) => s.swarmServices.items);
  const [filter, setFilter] = useState(noFilter);
  const [modeChoice, setModeChoice] = useState<ModeChoice>('auto');
  const [showLabels, setShowLabels] = useState(false);
  const [board] = useState(createBoard);
  const [openTask, setOpenTask] = useState<SwarmTask | null>(null);
  const onOpen = useCallback((t: SwarmTask) => setOpenTask(t), []);

  const columns = useMemo(() => board.columns(tasks, nodes, filter, loaded), [board, tasks, nodes, filter, loaded]);
  const shown = columns.reduce((n, c) => n + c.cards.length, 0);
  const nodeCount = columns.filter((c) => c.node).length;
  const mode = modeChoice === 'auto' ? autoMode(nodeCount, shown) : modeChoice;
  // The drawer follows the task's changes and stays open if the task is removed meanwhile.
  const opened = openTask ? (tasks[openTask.id] ?? openTask) : undefined;

  if (status && !status.isManager) return <NotManagerNotice status={status} what="nodes and tasks" />;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <VisualizerToolbar
        filter={filter}
        onFilter={setFilter}
        services={services}
        nodes={nodes}
        modeChoice={modeChoice}
        mode={mode}
        onMode={setModeChoice}
        showLabels={showLabels}
        onShowLabels={setShowLabels}
        summary={`${plural(nodeCount, 'node')} · ${plural(shown, 'task')} shown`}
      />
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list the swarm: {listError.message}
        </Alert>
      )}
      {columns.length === 0 ? (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {loaded ? 'No node matches the filters.' : 'Loading the swarm…'}
        </Typography>
      ) : (
        <Board columns={columns} mode={mode} showLabels={showLabels} onOpen={onOpen} />
      )}
      {opened && <TaskLogDrawer task={opened} onClose={() => setOpenTask(null)} />}
    </Box>
  );
}
