import { useId, useState } from 'react';
import { Box, Button, Collapse, LinearProgress, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import type { TaskInfo } from '../../api/contract';
import { stepCounts, stepStateLabel } from './format';

/** A task's parts (layers, services, build steps), collapsed by default so a long pull stays one row. */
export function TaskSteps({ task }: { task: Pick<TaskInfo, 'steps' | 'progress' | 'title'> }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const steps = task.steps ?? [];
  const title = task.title;
  const counts = stepCounts(task);
  if (steps.length === 0 || !counts) return null;
  return (
    <Box>
      <Button
        size="small"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        startIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        sx={{ px: 0.5, minWidth: 0 }}
      >
        {open ? 'Hide steps' : `Show steps (${counts.done} of ${counts.total} done)`}
      </Button>
      <Collapse in={open} unmountOnExit>
        <Box id={id} component="ul" aria-label={`Steps of ${title}`} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {steps.map((step) => (
            <Box component="li" key={step.id} sx={{ py: 0.5 }}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
                <Typography
                  variant="body2"
                  sx={{
                    flex: 1,
                    minWidth: 0,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                  }}
                  title={step.label}
                >
                  {step.label}
                </Typography>
                <Typography variant="caption" color={step.state === 'failed' ? 'error' : 'text.secondary'}>
                  {stepStateLabel[step.state]}
                </Typography>
              </Box>
              {step.state === 'running' && (
                <LinearProgress
                  aria-label={`${step.label} progress`}
                  variant={step.fraction === undefined ? 'indeterminate' : 'determinate'}
                  {...(step.fraction === undefined ? {} : { value: Math.round(step.fraction * 100) })}
                  sx={{ height: 3, my: 0.25 }}
                />
              )}
              {step.detail && (
                <Typography variant="caption" color="text.secondary" component="div">
                  {step.detail}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      </Collapse>
    </Box>
  );
}
