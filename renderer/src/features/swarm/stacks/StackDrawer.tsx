import { useMemo } from 'react';
import { Alert, Box, Button, Drawer, IconButton, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatTime, type StackDetails, type StackSummary } from '../../../api/contract';
import { IfMay } from '../../../components/access';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';
import { swarmHref } from '../tabs';

function Objects({ title, rows }: { title: string; rows: { id: string; name: string; detail?: string }[] }) {
  if (!rows.length) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{title}</Typography>
      {rows.map((r) => (
        <Typography key={r.id} variant="body2" sx={{ fontFamily: 'monospace' }}>
          {r.name}
          {r.detail ? ` (${r.detail})` : ''}
        </Typography>
      ))}
    </Box>
  );
}

/** A stack's services (running/desired), networks, secrets and configs, with update and remove. */
export function StackDrawer({ stack, onClose, onUpdate, onRemove }: { stack: StackSummary; onClose: () => void; onUpdate: (d: StackDetails | undefined) => void; onRemove: () => void }) {
  const client = useBerth((s) => s.client);
  const details = useCall(client, 'stacks.inspect', { name: stack.name });
  // The services come from the live services list, so their counts follow the tasks; the rest from inspect.
  const serviceRecord = useBerth((s) => s.swarmServices.items);
  const services = useMemo(() => Object.values(serviceRecord).filter((s) => s.stack === stack.name).sort((a, b) => a.name.localeCompare(b.name)), [serviceRecord, stack.name]);
  const d = details.last;
  return (
    <Drawer anchor="right" open onClose={onClose} slotProps={{ paper: { sx: { width: 'min(720px, 94vw)' } } }}>
      <Box sx={{ p: 2 }} role="region" aria-label={`Stack ${stack.name}`}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            Stack {stack.name}
          </Typography>
          <IfMay method="stacks.deploy">
            <Button onClick={() => onUpdate(d)}>Update</Button>
          </IfMay>
          <IfMay method="stacks.remove">
            <Button color="error" onClick={onRemove}>
              Remove
            </Button>
          </IfMay>
          <IconButton aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        <Typography variant="body2" color="text.secondary">
          {stack.running}/{stack.desired} tasks running · created {formatTime(stack.createdAt)} · updated {formatTime(stack.updatedAt)}
        </Typography>
        {details.error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {details.error.message}
            <ErrorDetails details={details.error.details} />
          </Alert>
        )}
        {d && (
          <>
            <Table size="small" aria-label="Stack services" sx={{ mt: 2 }}>
              <TableHead>
                <TableRow>
                  <TableCell>Service</TableCell>
                  <TableCell>Image</TableCell>
                  <TableCell>Running</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(services.length ? services : d.serviceItems).map((s) => (
                  <TableRow key={s.id}>
                    <TableCell>
                      <Link href={`${swarmHref('services')}/${encodeURIComponent(s.id)}`} onClick={onClose}>
                        {s.name}
                      </Link>
                    </TableCell>
                    <TableCell>{s.image}</TableCell>
                    <TableCell>
                      {s.running}/{s.desired}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Link href={swarmHref('services')} sx={{ display: 'inline-block', mt: 1 }} onClick={onClose}>
              Open the Services tab
            </Link>
            <Objects title="Networks" rows={d.networkItems.map((n) => ({ id: n.id, name: n.name, detail: n.driver }))} />
            <Objects title="Secrets" rows={d.secretItems} />
            <Objects title="Configs" rows={d.configItems} />
            {d.compose === undefined && (
              <Alert severity="info" sx={{ mt: 2 }}>
                Deployed outside Berth (e.g. with docker stack deploy): Berth does not have its file.
              </Alert>
            )}
          </>
        )}
      </Box>
    </Drawer>
  );
}
