import { Box, Button, Chip, Divider, Drawer, IconButton, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import DeleteIcon from '@mui/icons-material/Delete';
import RestoreIcon from '@mui/icons-material/Restore';
import { formatBytes, formatTime, type VolumeSummary } from '../../api/contract';
import { BackupPanel } from './BackupPanel';
import { VolumeFiles } from './VolumeFiles';
import { Fact } from '../../components/Fact';

interface Props {
  volume: VolumeSummary;
  onClose: () => void;
  onRemove: (volume: VolumeSummary) => void;
  onRestore: (volume: VolumeSummary) => void;
}

/** A volume's facts, its files, and backup/restore/remove. */
export function VolumeDrawer({ volume, onClose, onRemove, onRestore }: Props) {
  const labels = Object.entries(volume.labels);
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{
        paper: {
          sx: { width: 600, maxWidth: '100vw' },
          role: 'dialog',
          'aria-label': `Volume ${volume.name}`,
        },
      }}
    >
      <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1, wordBreak: 'break-all' }}>
            {volume.name}
          </Typography>
          <IconButton aria-label="Close details" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: '120px 1fr', rowGap: 0.5, columnGap: 2, m: 0 }}
        >
          <Fact label="Driver">{volume.driver}</Fact>
          <Fact label="Size">{formatBytes(volume.size)}</Fact>
          <Fact label="Used by">{volume.usedBy.length ? volume.usedBy.join(', ') : 'No container'}</Fact>
          <Fact label="Mountpoint">{volume.mountpoint}</Fact>
          <Fact label="Scope">{volume.scope}</Fact>
          <Fact label="Created">{formatTime(volume.created)}</Fact>
          {volume.composeProject && <Fact label="Compose project">{volume.composeProject}</Fact>}
        </Box>
        {labels.length > 0 && (
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }} aria-label="Labels">
            {labels.map(([k, v]) => (
              <Chip key={k} size="small" label={`${k}=${v}`} variant="outlined" />
            ))}
          </Box>
        )}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button startIcon={<RestoreIcon />} onClick={() => onRestore(volume)}>
            Restore…
          </Button>
          <Button startIcon={<DeleteIcon />} color="error" onClick={() => onRemove(volume)}>
            Remove…
          </Button>
        </Box>
        <BackupPanel volume={volume.name} />
        <Divider />
        <Typography variant="subtitle1" component="h3">
          Files
        </Typography>
        <VolumeFiles volume={volume.name} />
      </Box>
    </Drawer>
  );
}
