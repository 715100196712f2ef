import { Box, Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { useBuilder } from './builderStore';
import { removeEdges } from './connect';
import type { ServiceModel } from './model/types';

type Kind = 'volume' | 'network';

/** What a service does with a volume (its mount targets) or a network, in words. */
function usage(service: ServiceModel, kind: Kind, name: string): string {
  if (kind === 'network') return `on network ${name}`;
  const targets = service.volumes.filter((v) => v.split(':')[0] === name).map((v) => v.split(':')[1] ?? '');
  return `mounts ${name}${targets.some(Boolean) ? ` at ${targets.filter(Boolean).join(', ')}` : ''}`;
}

const verb = (kind: Kind) => (kind === 'volume' ? 'Unmount' : 'Disconnect');

/** One service ↔ volume/network connection: the button that takes it away, with the YAML following. */
export function DetachButton({ service, kind, name, onStatus, label, deselect = false }: { service: string; kind: Kind; name: string; onStatus: (message: string) => void; label: string; deselect?: boolean }) {
  const edit = useBuilder((s) => s.edit);
  const select = useBuilder((s) => s.select);
  return (
    <Button
      size="small"
      color="warning"
      startIcon={<LinkOffIcon />}
      onClick={() => {
        onStatus(removeEdges(edit, [{ kind, from: service, to: name }]));
        // The selected edge is gone; a selected volume or network stays selected with its other users.
        if (deselect) select(undefined);
      }}
    >
      {label}
    </Button>
  );
}

/** The inspector of a selected volume or network edge. */
export function AttachmentEdge({ service, kind, name, onStatus }: { service: ServiceModel; kind: Kind; name: string; onStatus: (message: string) => void }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} role="form" aria-label={`Connection ${service.name} to ${kind} ${name}`}>
      <Typography variant="h6" component="h2">
        {service.name} – {name}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {service.name} {usage(service, kind, name)}.
      </Typography>
      <DetachButton service={service.name} kind={kind} name={name} onStatus={onStatus} label={kind === 'volume' ? `Unmount ${name}` : `Disconnect from ${name}`} deselect />
    </Box>
  );
}

/** The services that use a volume or network, each with its own unmount / disconnect. */
export function AttachmentUsers({ kind, name, users, onStatus }: { kind: Kind; name: string; users: ServiceModel[]; onStatus: (message: string) => void }) {
  if (users.length === 0) return <Typography variant="body2" color="text.secondary">Not used yet: connect a service to it.</Typography>;
  return (
    <List dense aria-label={`Services using ${name}`} disablePadding>
      {users.map((s) => (
        <ListItem key={s.name} disableGutters secondaryAction={<DetachButton service={s.name} kind={kind} name={name} onStatus={onStatus} label={`${verb(kind)} ${s.name}`} />}>
          <ListItemText primary={s.name} secondary={usage(s, kind, name)} />
        </ListItem>
      ))}
    </List>
  );
}
