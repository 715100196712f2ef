import { Alert, Box, Button, Typography } from '@mui/material';
import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../../components/useNow';
import { useBerth } from '../../stores/context';
import { countRunningTasks, selectTaskList } from '../../stores/tasksList';
import { TaskItem } from './TaskItem';

/** The tasks list: running and recently finished long operations, newest first. */
export function TasksPanel() {
  const tasks = useBerth(useShallow((s) => selectTaskList(s.tasks.items)));
  const running = useBerth((s) => countRunningTasks(s.tasks.items));
  const loaded = useBerth((s) => s.tasks.loaded);
  const error = useBerth((s) => s.tasks.error);
  const loadTasks = useBerth((s) => s.tasks.load);
  // Elapsed times tick only while something runs.
  const now = useNow(1000, running > 0);

  return (
    <Box sx={{ width: 440, maxWidth: '100vw', maxHeight: '70vh', display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h6" component="h2" id="tasks-panel-title">
          Tasks
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {running > 0 ? `${running} running` : 'Nothing running'}
        </Typography>
      </Box>
      {error && (
        <Alert
          severity="error"
          sx={{ m: 1 }}
          action={
            <Button color="inherit" size="small" onClick={() => void loadTasks()}>
              Retry
            </Button>
          }
        >
          Could not load the tasks: {error.message}
        </Alert>
      )}
      {tasks.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
          {loaded
            ? 'No tasks. Long operations such as image pulls, Compose up and volume backups show their progress here, and you can cancel them.'
            : 'Loading tasks…'}
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-labelledby="tasks-panel-title"
          sx={{ listStyle: 'none', m: 0, p: 0, overflowY: 'auto' }}
        >
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} now={now} />
          ))}
        </Box>
      )}
    </Box>
  );
}
