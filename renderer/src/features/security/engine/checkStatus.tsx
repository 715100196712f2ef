import type { ReactElement } from 'react';
import { Chip } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpIcon from '@mui/icons-material/Help';
import WarningIcon from '@mui/icons-material/Warning';
import type { CheckStatus } from '../../../api/contract';

const look: Record<CheckStatus, { label: string; color: 'success' | 'warning' | 'error' | 'default'; icon: ReactElement }> = {
  pass: { label: 'Pass', color: 'success', icon: <CheckCircleIcon /> },
  warn: { label: 'Warning', color: 'warning', icon: <WarningIcon /> },
  fail: { label: 'Fail', color: 'error', icon: <ErrorIcon /> },
  unknown: { label: 'Unknown', color: 'default', icon: <HelpIcon /> },
};

/** A check's result as a coloured chip with an icon and a word (never colour alone). */
export function CheckStatusChip({ status }: { status: CheckStatus }) {
  const l = look[status];
  return <Chip size="small" variant="outlined" color={l.color} icon={l.icon} label={l.label} sx={{ minWidth: 96 }} />;
}
