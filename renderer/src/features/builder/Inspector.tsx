import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useBuilder } from './builderStore';
import { removeEdges, removeNodes } from './connect';
import { DraftField } from './DraftField';
import { connect } from './model/edits';
import { parseNodeId, type DependsCondition } from './model/types';
import { ServiceEditor } from './ServiceEditor';
import { AttachmentEdge, AttachmentUsers } from './Attachments';

const CONDITIONS: { value: DependsCondition; label: string }[] = [
  { value: 'service_started', label: 'started' },
  { value: 'service_healthy', label: 'healthy' },
  { value: 'service_completed_successfully', label: 'completed successfully' },
];

interface Props {
  onStatus: (message: string, error?: boolean) => void;
}

/** The selected node's or connection's editor, beside the canvas. */
export function Inspector({ onStatus }: Props) {
  const selection = useBuilder((s) => s.selection);
  const model = useBuilder((s) => s.model);
  const edit = useBuilder((s) => s.edit);
  let body;
  if (selection?.kind === 'edge' && selection.edge && selection.edge !== 'depends') {
    const service = model.services.find((s) => s.name === selection.from);
    if (service) body = <AttachmentEdge service={service} kind={selection.edge} name={selection.to} onStatus={onStatus} />;
  } else if (selection?.kind === 'edge') {
    const from = model.services.find((s) => s.name === selection.from);
    const dep = from?.dependsOn.find((d) => d.service === selection.to);
    if (from && dep) {
      const alias = from.links.find((l) => l.split(':')[0] === dep.service)?.split(':')[1] ?? '';
      const update = (c: Parameters<typeof connect>[3], key?: string) => edit((doc) => connect(doc, from.name, dep.service, c), key);
      body = (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} role="form" aria-label={`Connection ${from.name} to ${dep.service}`}>
          <Typography variant="h6" component="h2">
            {from.name} → {dep.service}
          </Typography>
          <TextField select size="small" label="Start when the dependency is" value={dep.condition} onChange={(e) => update({ condition: e.target.value as DependsCondition })}>
            {CONDITIONS.map((c) => (
              <MenuItem key={c.value} value={c.value}>
                {c.label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label="Shared network"
            value={from.networks.find((n) => (model.services.find((s) => s.name === dep.service)?.networks ?? []).includes(n)) ?? 'default'}
            onChange={(e) => update({ condition: dep.condition, network: e.target.value })}
          >
            {['default', ...model.networks].map((n) => (
              <MenuItem key={n} value={n}>
                {n}
              </MenuItem>
            ))}
          </TextField>
          <DraftField label="Link alias" helperText={`The name ${from.name} reaches ${dep.service} by, besides ${dep.service}`} value={alias} onCommit={(t) => update({ condition: dep.condition, alias: t }, 'alias')} />
          <Button color="error" startIcon={<DeleteIcon />} onClick={() => onStatus(removeEdges(edit, [{ kind: 'depends', from: from.name, to: dep.service }]))}>
            Remove connection
          </Button>
        </Box>
      );
    }
  } else if (selection?.kind === 'node') {
    const node = parseNodeId(selection.id);
    const service = node?.kind === 'service' ? model.services.find((s) => s.name === node.name) : undefined;
    if (service) body = <ServiceEditor key={service.name} service={service} onStatus={onStatus} />;
    else if (node && node.kind !== 'service' && (node.kind === 'volume' ? model.volumes : model.networks).includes(node.name)) {
      const users = model.services.filter((s) => (node.kind === 'volume' ? s.volumes.some((v) => v.split(':')[0] === node.name) : s.networks.includes(node.name)));
      body = (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          <Typography variant="h6" component="h2">
            {node.kind} {node.name}
          </Typography>
          <AttachmentUsers kind={node.kind} name={node.name} users={users} onStatus={onStatus} />
          <Button color="error" startIcon={<DeleteIcon />} onClick={() => onStatus(removeNodes(edit, [{ ...node, problems: [] }]))}>
            Remove {node.kind}
          </Button>
        </Box>
      );
    }
  }
  if (!body) return null;
  return (
    <Box component="aside" aria-label="Inspector" sx={{ width: 290, flexShrink: 0, borderLeft: 1, borderColor: 'divider', p: 1.5, overflowY: 'auto' }}>
      {body}
    </Box>
  );
}
