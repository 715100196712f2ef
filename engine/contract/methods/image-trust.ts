import { z } from 'zod';
import type { ImageSignature } from '../dto';
import { def } from './define';

export const imageTrustMethods = {
  /** Whether a saved registry (or Docker Hub) holds a cosign signature for a manifest digest. */
  'imageTrust.signature': def<ImageSignature>()(
    z
      .object({
        id: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'Not a registry id'),
        repository: z.string().min(1).max(255),
        digest: z.string().regex(/^sha256:[a-f0-9]{64}$/, 'A sha256:… manifest digest is required'),
      })
      .strict(),
    'read',
  ),
} as const;
