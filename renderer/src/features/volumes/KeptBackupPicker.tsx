import { MenuItem, TextField } from '@mui/material';
import { formatBytes, formatTime, type VolumeBackupFile } from '../../api/contract';

/** The backups Berth keeps, this volume's first, newest first within each. */
export function KeptBackupPicker({
  backups,
  volume,
  value,
  onChange,
  disabled,
}: {
  backups: VolumeBackupFile[];
  volume: string;
  value: string;
  onChange: (file: string) => void;
  disabled: boolean;
}) {
  const ordered = [...backups.filter((b) => b.volume === volume), ...backups.filter((b) => b.volume !== volume)];
  return (
    <TextField
      select
      label="Backup kept by Berth"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled || backups.length === 0}
      helperText={backups.length === 0 ? 'Berth keeps no backups yet: make one with "Back up", or choose a file.' : undefined}
    >
      {ordered.map((b) => (
        <MenuItem key={b.file} value={b.file}>
          {b.volume} · {formatTime(b.createdAt)} · {formatBytes(b.bytes)}
        </MenuItem>
      ))}
    </TextField>
  );
}
