import { useEffect, useState } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { BerthErrorData } from '../../../api/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useBerth } from '../../../stores/context';
import { RunContainerDialog } from '../../containers/run/RunContainerDialog';
import type { SpecForm } from '../../containers/run/specForm';
import { PullDialog } from '../../images/PullDialog';
import { formForImage, runDefaultsOf } from './imageForm';

type Step =
  | { kind: 'checking' }
  | { kind: 'pull' }
  | { kind: 'run'; form: SpecForm }
  | { kind: 'failed'; error: BerthErrorData };

/**
 * "Run" from a repository page: runs the image if this engine has it, else offers to pull it first (with progress);
 * then opens the run dialog prefilled with the ports, env and volumes the pulled image declares.
 */
export function RunImage({ imageRef, onClose }: { imageRef: string; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const [step, setStep] = useState<Step>({ kind: 'checking' });

  useEffect(() => {
    if (step.kind !== 'checking') return;
    let live = true;
    void client.call('images.inspect', { id: imageRef }).then((r) => {
      if (!live) return;
      if (r.ok) setStep({ kind: 'run', form: formForImage(imageRef, runDefaultsOf(r.value.raw)) });
      else if (r.error.code === 'NOT_FOUND') setStep({ kind: 'pull' });
      else setStep({ kind: 'failed', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [client, imageRef, step.kind]);

  if (step.kind === 'pull')
    return <PullDialog initialRef={imageRef} onClose={onClose} next={{ label: 'Run it', onClick: () => setStep({ kind: 'checking' }) }} />;
  if (step.kind === 'run')
    return (
      <RunContainerDialog
        mode={{ kind: 'run', initial: step.form }}
        onClose={onClose}
        onDone={(_c, message) => {
          notify('success', message);
          onClose();
        }}
      />
    );
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="run-image-title">
      <DialogTitle id="run-image-title">Run {imageRef}</DialogTitle>
      <DialogContent>
        {step.kind === 'checking' ? (
          <Alert severity="info" icon={<CircularProgress size={18} />} role="status">
            Looking for {imageRef} on this engine…
          </Alert>
        ) : (
          <Alert severity="error">
            Could not read {imageRef} on this engine: {step.error.message}
            <ErrorDetails details={step.error.details} />
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
      </DialogActions>
    </Dialog>
  );
}
