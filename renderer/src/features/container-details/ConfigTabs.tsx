import type { ReactNode } from 'react';
import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { UNKNOWN, type ContainerDetails } from '../../api/contract';

function SimpleTable({ label, head, rows, empty }: { label: string; head: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }}>
        {empty}
      </Typography>
    );
  }
  return (
    <Box sx={{ p: 2 }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {head.map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((cells, i) => (
            <TableRow key={i}>
              {cells.map((c, j) => (
                <TableCell key={j} sx={{ fontFamily: j === 0 ? 'monospace' : undefined, wordBreak: 'break-all' }}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export function EnvTab({ details }: { details: ContainerDetails }) {
  return (
    <SimpleTable
      label="Environment variables"
      head={['Name', 'Value']}
      rows={details.env.map((e) => [e.key, e.value])}
      empty="No environment variables are set."
    />
  );
}

export function LabelsTab({ details }: { details: ContainerDetails }) {
  const rows = Object.entries(details.labels).sort(([a], [b]) => a.localeCompare(b));
  return <SimpleTable label="Labels" head={['Label', 'Value']} rows={rows} empty="This container has no labels." />;
}

export function MountsTab({ details }: { details: ContainerDetails }) {
  return (
    <SimpleTable
      label="Mounts"
      head={['Destination', 'Type', 'Source', 'Access']}
      rows={details.mounts.map((m) => [m.destination, m.type, m.source || UNKNOWN, m.readOnly ? 'read-only' : 'read-write'])}
      empty="Nothing is mounted: files live in the container's writable layer and are lost when it is removed."
    />
  );
}

export function PortsTab({ details }: { details: ContainerDetails }) {
  return (
    <SimpleTable
      label="Ports"
      head={['Container port', 'Published on', 'Open']}
      rows={details.ports.map((p) => {
        const url = p.publicPort && p.protocol === 'tcp' ? `http://localhost:${p.publicPort}` : undefined;
        return [
          `${p.privatePort}/${p.protocol}`,
          p.publicPort ? `${p.ip ?? '0.0.0.0'}:${p.publicPort}` : 'not published',
          url ? (
            <Link href={url} target="_blank" rel="noopener noreferrer">
              {url}
            </Link>
          ) : (
            UNKNOWN
          ),
        ];
      })}
      empty="No ports are exposed or published."
    />
  );
}

export function NetworksTab({ details }: { details: ContainerDetails }) {
  return (
    <SimpleTable
      label="Networks"
      head={['Network', 'IP address', 'Gateway', 'MAC', 'Aliases']}
      rows={details.networks.map((n) => [
        n.name,
        [n.ipAddress, n.ipv6Address].filter(Boolean).join(', ') || UNKNOWN,
        n.gateway ?? UNKNOWN,
        n.macAddress ?? UNKNOWN,
        n.aliases.join(', ') || UNKNOWN,
      ])}
      empty={`Not attached to any network (network mode: ${details.networkMode}).`}
    />
  );
}
