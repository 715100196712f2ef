import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import type { BerthErrorData, ClusterMechanismInfo, MethodInput } from '../../../api/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';

export const mechanismText = {
  netns: 'Namespaced engines: extra Berth-managed dockerd processes, each in its own network namespace (Linux, as root)',
  dind: 'Docker-in-Docker: each node is a container on the current engine running its own dockerd',
} as const;

type CreateInput = MethodInput<'cluster.create'>;

interface Props {
  mechanisms: ClusterMechanismInfo[];
  busy: boolean;
  error: BerthErrorData | null;
  onCreate: (input: CreateInput) => void;
}

/** N nodes, how many managers, the mechanism (unusable ones disabled with the reason), the dind image. */
export function CreateClusterForm({ mechanisms, busy, error, onCreate }: Props) {
  const [nodes, setNodes] = useState('3');
  const [managers, setManagers] = useState('1');
  const usable = mechanisms.filter((m) => m.usable);
  const [mechanism, setMechanism] = useState<CreateInput['mechanism']>('auto');
  const [dindImage, setDindImage] = useState('');
  const n = Number(nodes);
  const m = Number(managers);
  const nodesError = !Number.isInteger(n) || n < 1 || n > 10 ? 'Between 1 and 10 nodes' : '';
  const managersError =
    !Number.isInteger(m) || m < 1 || m > 5 ? 'Between 1 and 5 managers' : !nodesError && m > n ? 'More managers than nodes' : '';
  const autoPicks = usable[0]?.mechanism;
  const usesDind = mechanism === 'dind' || (mechanism === 'auto' && autoPicks === 'dind');
  const canCreate = !busy && !nodesError && !managersError && usable.length > 0;

  const submit = () => {
    const input: CreateInput = { nodes: n, managers: m, mechanism };
    if (usesDind && dindImage.trim()) input.dindImage = dindImage.trim();
    onCreate(input);
  };

  return (
    <Box
      component="form"
      aria-label="Create a local cluster"
      onSubmit={(e) => {
        e.preventDefault();
        if (canCreate) submit();
      }}
      sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 640 }}
    >
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField
          label="Nodes"
          type="number"
          size="small"
          value={nodes}
          onChange={(e) => setNodes(e.target.value)}
          error={!!nodesError}
          helperText={nodesError || 'Every node is a full engine on this machine'}
          slotProps={{ htmlInput: { min: 1, max: 10 } }}
        />
        <TextField
          label="Managers"
          type="number"
          size="small"
          value={managers}
          onChange={(e) => setManagers(e.target.value)}
          error={!!managersError}
          helperText={managersError || '1, 3 or 5 keep a quorum; the rest are workers'}
          slotProps={{ htmlInput: { min: 1, max: 5 } }}
        />
      </Box>
      <FormControl>
        <FormLabel id="cluster-mechanism">How the nodes run</FormLabel>
        <RadioGroup aria-labelledby="cluster-mechanism" value={mechanism} onChange={(e) => setMechanism(e.target.value as CreateInput['mechanism'])}>
          <FormControlLabel
            value="auto"
            control={<Radio />}
            disabled={usable.length === 0}
            label={`Automatic${autoPicks ? ` (${autoPicks === 'netns' ? 'namespaced engines' : 'Docker-in-Docker'} on this machine)` : ''}`}
          />
          {mechanisms.map((info) => (
            <Box key={info.mechanism}>
              <FormControlLabel value={info.mechanism} control={<Radio />} disabled={!info.usable} label={mechanismText[info.mechanism]} />
              {!info.usable && info.reason && <FormHelperText sx={{ mt: -1, ml: 4 }}>Not available here: {info.reason}</FormHelperText>}
            </Box>
          ))}
        </RadioGroup>
      </FormControl>
      {usesDind && (
        <TextField
          label="Docker-in-Docker image"
          size="small"
          value={dindImage}
          onChange={(e) => setDindImage(e.target.value)}
          placeholder="docker:dind"
          helperText="An image on the current engine that runs dockerd; empty uses Berth's default"
        />
      )}
      {usable.length === 0 && (
        <Alert severity="warning">No way to run local nodes works on this machine: see the reasons above.</Alert>
      )}
      <ErrorAlert error={error} />
      <Box>
        <Button type="submit" variant="contained" disabled={!canCreate}>
          Create local cluster
        </Button>
      </Box>
    </Box>
  );
}
