import { useMemo } from 'react';
import { Box, Chip, List, ListItem, Typography } from '@mui/material';
import PushPinIcon from '@mui/icons-material/PushPin';
import VerifiedIcon from '@mui/icons-material/Verified';
import WarningIcon from '@mui/icons-material/WarningAmber';
import type { ContainerSummary, ImageSummary, SwarmServiceSummary } from '../../../api/contract';
import { useBerth } from '../../../stores/context';
import { isOfficialImage, pinningOf, pinningText, type Pinning } from './pinning';

interface User {
  kind: 'container' | 'service';
  name: string;
  reference: string;
  pinning: Pinning;
}

const digestsOf = (image: ImageSummary) => image.repoDigests.map((d) => d.slice(d.indexOf('@') + 1));
const withTag = (name: string) => (/:[\w][\w.-]*$/.test(name.split('/').at(-1) ?? '') ? name : `${name}:latest`);

/** The containers and swarm services that run this image, each with how it names it. */
export function imageUsers(image: ImageSummary, containers: ContainerSummary[], services: SwarmServiceSummary[]): User[] {
  const digests = new Set(digestsOf(image));
  const tags = new Set(image.repoTags);
  return [
    ...containers
      .filter((c) => c.imageId === image.id)
      .map((c): User => ({ kind: 'container', name: c.name, reference: c.image, pinning: pinningOf(c.image) })),
    ...services
      .filter((s) => (s.imageDigest !== undefined && digests.has(s.imageDigest)) || tags.has(withTag(s.image)))
      .map((s): User => ({
        kind: 'service',
        name: s.name,
        reference: s.imageDigest ? `${s.image}@${s.imageDigest}` : s.image,
        pinning: pinningOf(s.image, s.imageDigest),
      })),
  ];
}

function PinningChip({ pinning }: { pinning: Pinning }) {
  const pinned = pinning.kind === 'digest' || pinning.kind === 'id';
  return (
    <Chip
      size="small"
      variant="outlined"
      color={pinned ? 'success' : 'warning'}
      icon={pinned ? <PushPinIcon /> : <WarningIcon />}
      label={pinningText(pinning)}
    />
  );
}

/**
 * Trust facts of a local image: Docker Official Image (from its name), the registry digests it is known by, and
 * whether each container or service using it is pinned by digest or follows a tag that can move.
 */
export function ImageTrust({ image }: { image: ImageSummary }) {
  const containers = useBerth((s) => s.containers.items);
  const services = useBerth((s) => s.swarmServices.items);
  const users = useMemo(
    () => imageUsers(image, Object.values(containers), Object.values(services)),
    [image, containers, services],
  );
  const official = image.repoTags.some(isOfficialImage);
  const moving = users.filter((u) => u.pinning.kind === 'tag' || u.pinning.kind === 'unknown').length;
  return (
    <Box component="section" aria-label="Trust" sx={{ px: 2, pt: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        {official && <Chip size="small" color="primary" icon={<VerifiedIcon />} label="Docker Official Image" />}
        <Typography variant="body2" color="text.secondary">
          {image.repoDigests.length
            ? `Registry digest: ${digestsOf(image).join(', ')}`
            : 'No registry digest: built or loaded here, never pulled or pushed, so nothing can pin it by digest.'}
        </Typography>
      </Box>
      {users.length > 0 && (
        <>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {moving
              ? `${moving} of ${users.length} use a moving tag: a pull or redeploy may run different content.`
              : `All ${users.length} users are pinned.`}
          </Typography>
          <List dense disablePadding aria-label="Image users and pinning">
            {users.map((u) => (
              <ListItem key={`${u.kind}:${u.name}`} disableGutters sx={{ gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="body2">
                  {u.kind === 'service' ? 'Service' : 'Container'} <strong>{u.name}</strong>
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                  {u.reference}
                </Typography>
                <PinningChip pinning={u.pinning} />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Box>
  );
}
