import { z } from 'zod';
import type { NetworkDetails, NetworkPrunePreview, NetworkPruneResult, NetworkSummary } from '../dto';
import { containerRef, def, none, objectRef } from './define';

const networkRef = objectRef('network');
const labelMap = z.record(z.string().min(1).max(1024), z.string().max(4096));
const address = z.string().max(64);

export const networksMethods = {
  'networks.list': def<NetworkSummary[]>()(none, 'read'),
  'networks.inspect': def<NetworkDetails>()(z.object({ id: networkRef }).strict(), 'read'),
  /** Subnet, gateway and IP range are checked in the service (CIDR syntax, gateway inside the subnet). */
  'networks.create': def<NetworkSummary>()(
    z
      .object({
        name: z
          .string()
          .min(1, 'A network name is required')
          .max(255)
          .regex(
            /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
            'Use letters, digits, "_", "." and "-", starting with a letter or digit',
          ),
        driver: z.enum(['bridge', 'overlay', 'macvlan']).default('bridge'),
        subnet: address.optional(),
        gateway: address.optional(),
        ipRange: address.optional(),
        internal: z.boolean().default(false),
        attachable: z.boolean().default(false),
        labels: labelMap.default({}),
        /** Driver options, e.g. { parent: 'eth0' } for macvlan. */
        options: labelMap.default({}),
      })
      .strict(),
    'operate',
  ),
  'networks.connect': def<void>()(
    z
      .object({
        network: networkRef,
        container: containerRef,
        aliases: z
          .array(
            z
              .string()
              .min(1)
              .max(255)
              .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid alias'),
          )
          .max(32)
          .optional(),
        ipv4Address: address.optional(),
      })
      .strict(),
    'operate',
  ),
  'networks.disconnect': def<void>()(
    z.object({ network: networkRef, container: containerRef, force: z.boolean().optional() }).strict(),
    'operate',
  ),
  'networks.remove': def<void>()(z.object({ id: networkRef }).strict(), 'operate'),
  'networks.prunePreview': def<NetworkPrunePreview>()(none, 'read'),
  'networks.prune': def<NetworkPruneResult>()(none, 'operate'),
} as const;
