import { useState } from 'react';
import {
  Box,
  Button,
  Chip,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import type { ComposeServiceDetail } from '../../api/contract';
import { containerHref } from '../../app/useHashRoute';
import { toPortViews } from '../../stores/selectors';
import { serviceStateLabel, serviceStateTone } from './view';

interface Props {
  services: ComposeServiceDetail[];
  /** Scaling needs the project's files (the model gives the container config). */
  canScale: boolean;
  busy: boolean;
  onScale: (service: string, replicas: number) => void;
}

function ScaleControl({ service, disabled, onScale }: { service: ComposeServiceDetail; disabled: boolean; onScale: Props['onScale'] }) {
  const current = service.replicas.desired ?? service.replicas.running;
  const [value, setValue] = useState(String(current));
  const replicas = Number(value);
  const valid = value !== '' && Number.isInteger(replicas) && replicas >= 0 && replicas <= 100;
  return (
    <Box
      component="form"
      sx={{ display: 'flex', gap: 0.5, alignItems: 'center' }}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && replicas !== current) onScale(service.name, replicas);
      }}
    >
      <TextField
        size="small"
        type="number"
        value={value}
        error={!valid}
        disabled={disabled}
        onChange={(e) => setValue(e.target.value)}
        slotProps={{ htmlInput: { min: 0, max: 100, 'aria-label': `Replicas of ${service.name}` } }}
        sx={{ width: 72 }}
      />
      <Button size="small" type="submit" disabled={disabled || !valid || replicas === current}>
        Scale
      </Button>
    </Box>
  );
}

/** The project's services: image, state, replicas (with scale), containers (links to details), ports (links). */
export function ServicesTab({ services, canScale, busy, onScale }: Props) {
  if (services.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }}>
        This project has no services yet.
      </Typography>
    );
  }
  return (
    <TableContainer>
      <Table size="small" aria-label="Services">
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Image</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Replicas</TableCell>
            <TableCell>Containers</TableCell>
            <TableCell>Ports</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {services.map((s) => (
            <TableRow key={s.name} aria-label={s.name} hover>
              <TableCell sx={{ fontWeight: 500 }}>
                {s.name}
                {s.dependsOn && s.dependsOn.length > 0 && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    after {s.dependsOn.join(', ')}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>{s.image}</TableCell>
              <TableCell>
                <Chip size="small" color={serviceStateTone[s.state]} label={serviceStateLabel[s.state]} />
                {s.health && <Chip size="small" variant="outlined" sx={{ ml: 0.5 }} label={s.health} />}
              </TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Typography variant="body2" sx={{ minWidth: 48 }}>
                    {s.replicas.running}
                    {s.replicas.desired !== undefined && `/${s.replicas.desired}`}
                  </Typography>
                  {canScale ? (
                    <ScaleControl key={`${s.name}:${s.replicas.desired ?? s.replicas.running}`} service={s} disabled={busy} onScale={onScale} />
                  ) : (
                    <Tooltip title="Open the project's folder to scale its services (Berth needs the compose files)">
                      <Typography variant="caption" color="text.secondary">
                        files unknown
                      </Typography>
                    </Tooltip>
                  )}
                </Box>
              </TableCell>
              <TableCell>
                {s.containers.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    none
                  </Typography>
                ) : (
                  s.containers.map((c) => (
                    <Link key={c.id} href={containerHref(c.id)} variant="body2" title={c.status} sx={{ display: 'block' }}>
                      {c.name}
                    </Link>
                  ))
                )}
              </TableCell>
              <TableCell>
                {toPortViews(s.ports).map((p) =>
                  p.url ? (
                    <Link key={p.key} href={p.url} target="_blank" rel="noreferrer" variant="body2" sx={{ display: 'block' }}>
                      {p.label}
                    </Link>
                  ) : (
                    <Typography key={p.key} variant="body2">
                      {p.label}
                    </Typography>
                  ),
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
