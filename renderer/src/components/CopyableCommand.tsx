import { useState } from 'react';
import { Box, IconButton, Tooltip } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import CheckIcon from '@mui/icons-material/Check';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // No clipboard permission (plain http, old browser): the text stays selectable.
  }
}

/** A shell command in monospace with a copy button. */
export function CopyableCommand({ command }: { command: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        px: 1.5,
        py: 0.5,
        borderRadius: 1,
        bgcolor: 'action.hover',
        fontFamily: 'monospace',
        fontSize: 14,
      }}
    >
      <Box component="code" sx={{ flex: 1, overflowX: 'auto', whiteSpace: 'pre', py: 0.5 }}>
        {command}
      </Box>
      <Tooltip title={copied === null ? 'Copy' : copied ? 'Copied' : 'Copy failed: select the text instead'}>
        <IconButton
          size="small"
          aria-label={`Copy command: ${command}`}
          onClick={() => void copyText(command).then(setCopied)}
        >
          {copied ? <CheckIcon fontSize="small" /> : <ContentCopyIcon fontSize="small" />}
        </IconButton>
      </Tooltip>
    </Box>
  );
}
