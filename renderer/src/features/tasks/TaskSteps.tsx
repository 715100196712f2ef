import { useId, useState } from 'react';
import { Box, Button, Collapse, LinearProgress, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import type { TaskStep } from '../../api/contract';
import { stepStateLabel } from './format';

/** A task's parts (layers, services, build steps), collapsed by default so a long pull stays one row. */
export function TaskSteps({ steps, title }: { steps: TaskStep[]; title: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (steps.length === 0) return null;
  const done = steps.filter((s) => s.state === 'done' || s.state === 'skipped').length;
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
        {open ? 'Hide steps' : `Show steps (${done} of ${steps.length} done)`}
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
