import { useState } from 'react';
import { Badge, IconButton, Popover, Tooltip } from '@mui/material';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { useBerth } from '../../stores/context';
import { countRunningTasks } from '../../stores/tasksList';
import { TasksPanel } from './TasksPanel';

/** The app bar's tasks button: a badge with the number of running tasks; opens the tasks panel. */
export function TasksButton() {
  const running = useBerth((s) => countRunningTasks(s.tasks.items));
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
  const label = running > 0 ? `Tasks, ${running} running` : 'Tasks';
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={(e) => setAnchor(e.currentTarget)}
          size="small"
        >
          <Badge badgeContent={running} color="primary" max={99}>
            <TaskAltIcon fontSize="small" />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={open}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': 'Tasks' } }}
      >
        <TasksPanel />
      </Popover>
    </>
  );
}
