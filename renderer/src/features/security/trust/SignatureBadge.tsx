import { Chip, Tooltip } from '@mui/material';
import GppGoodIcon from '@mui/icons-material/GppGood';
import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';

/**
 * Whether the registry holds a cosign signature for a manifest digest, as the registry says (imageTrust.signature).
 * Shows nothing while asking or when the registry could not be asked: no guess either way.
 */
export function SignatureBadge({ registry, repository, digest }: { registry: string; repository: string; digest: string }) {
  const client = useBerth((s) => s.client);
  const { value } = useCall(client, 'imageTrust.signature', { id: registry, repository, digest });
  if (!value || value.status === 'unknown') return null;
  const signed = value.status === 'signed';
  return (
    <Tooltip title={value.why}>
      <Chip
        size="small"
        variant="outlined"
        color={signed ? 'success' : 'default'}
        icon={signed ? <GppGoodIcon /> : <GppMaybeIcon />}
        label={signed ? 'Signed (cosign)' : 'No cosign signature'}
        aria-label={`${signed ? 'Signed (cosign)' : 'No cosign signature'}: ${value.why}`}
      />
    </Tooltip>
  );
}
