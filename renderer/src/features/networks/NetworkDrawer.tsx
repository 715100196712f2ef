import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Chip,
  Drawer,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import type { BerthErrorData, NetworkDetails, NetworkSummary } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';
import { Fact } from '../../components/Fact';

/** A network's facts (inspect), its containers with addresses and aliases, and disconnect. */
export function NetworkDrawer({
  network,
  onClose,
  onConnect,
}: {
  network: NetworkSummary;
  onClose: () => void;
  onConnect: () => void;
}) {
  const client = useBerth((s) => s.client);
  const [details, setDetails] = useState<NetworkDetails | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);

  // Re-inspect when the live row changes (a container connected or left).
  useEffect(() => {
    let current = true;
    void client.call('networks.inspect', { id: network.id }).then((r) => {
      if (!current) return;
      if (r.ok) setDetails(r.value);
      else setError(r.error);
    });
    return () => {
      current = false;
    };
  }, [client, network]);

  const disconnect = async (container: string) => {
    setError(null);
    const r = await client.call('networks.disconnect', { network: network.id, container });
    if (!r.ok) setError(r.error);
  };

  const shown = details ?? network;
  const options = details ? Object.entries(details.options) : [];
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{
        paper: {
          sx: { width: 560, maxWidth: '100vw' },
          role: 'dialog',
          'aria-label': `Network ${network.name}`,
        },
      }}
    >
      <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {network.name}
          </Typography>
          <IconButton aria-label="Close details" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: '120px 1fr', rowGap: 0.5, columnGap: 2, m: 0 }}
        >
          <Fact label="ID">{shown.id.slice(0, 12)}</Fact>
          <Fact label="Driver">{shown.driver}</Fact>
          <Fact label="Scope">{shown.scope}</Fact>
          {shown.ipam.map((c, i) => (
            <Fact key={i} label={i === 0 ? 'Subnet' : ''}>
              {c.subnet ?? '—'}
              {c.gateway ? ` · gateway ${c.gateway}` : ''}
              {c.ipRange ? ` · range ${c.ipRange}` : ''}
            </Fact>
          ))}
          <Fact label="Flags">
            {[
              shown.internal && 'internal',
              shown.attachable && 'attachable',
              shown.ingress && 'ingress',
              shown.ipv6 && 'IPv6',
            ]
              .filter(Boolean)
              .join(', ') || 'none'}
          </Fact>
          {options.map(([k, v]) => (
            <Fact key={k} label={k}>
              {v}
            </Fact>
          ))}
        </Box>
        {Object.keys(shown.labels).length > 0 && (
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }} aria-label="Labels">
            {Object.entries(shown.labels).map(([k, v]) => (
              <Chip key={k} size="small" variant="outlined" label={`${k}=${v}`} />
            ))}
          </Box>
        )}
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Typography variant="subtitle1" component="h3" sx={{ flex: 1 }}>
            Containers
          </Typography>
          {!['host', 'none'].includes(network.name) && (
            <Button onClick={onConnect}>Connect a container…</Button>
          )}
        </Box>
        <ErrorAlert error={error} />
        {shown.containers.length === 0 ? (
          <Typography color="text.secondary">No container is connected.</Typography>
        ) : (
          <List dense aria-label="Connected containers">
            {shown.containers.map((c) => (
              <ListItem
                key={c.containerId}
                secondaryAction={
                  <Button
                    size="small"
                    onClick={() => void disconnect(c.containerName)}
                    aria-label={`Disconnect ${c.containerName}`}
                  >
                    Disconnect
                  </Button>
                }
              >
                <ListItemText
                  primary={c.containerName}
                  secondary={[
                    c.state,
                    c.ipv4Address,
                    c.ipv6Address,
                    c.aliases.length ? `aliases: ${c.aliases.join(', ')}` : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        )}
      </Box>
    </Drawer>
  );
}
