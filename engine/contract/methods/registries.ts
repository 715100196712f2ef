import { z } from 'zod';
import type {
  DockerConfigImport,
  HubTag,
  RegistryImageConfig,
  RegistryInfo,
  RegistryManifest,
  RegistryPage,
  RegistryPing,
  RegistrySearch,
} from '../dto';
import { def, none } from './define';

const registryId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'Not a registry id');
const repository = z.string().min(1).max(255);
const reference = z.string().min(1).max(160);
const page = { last: z.string().max(512).optional(), n: z.number().int().min(1).max(1000).optional() };

/** A registry address: https://host[:port] (http:// only with `insecure`). Checked again in the service. */
const url = z
  .string()
  .min(1, 'A registry address is required')
  .max(512)
  .transform((v) => (/^[a-z]+:\/\//i.test(v) ? v : `https://${v}`));

const draft = z
  .object({
    name: z.string().trim().min(1, 'A name is required').max(100),
    url,
    insecure: z.boolean().default(false),
    ca: z.string().max(65536).optional(),
    username: z.string().max(255).optional(),
    password: z.string().max(4096).optional(),
  })
  .strict();

export type RegistryDraft = z.output<typeof draft>;

export const registriesMethods = {
  'registries.list': def<RegistryInfo[]>()(none, 'read'),
  /** Saves a registry; the password is sealed at rest and never returned. */
  'registries.add': def<RegistryInfo>()(draft, 'admin'),
  /** `password: null` forgets the stored password; leaving it out keeps it. */
  'registries.update': def<RegistryInfo>()(
    draft
      .partial()
      .extend({
        id: registryId,
        // partial() keeps draft's default(false): an update that leaves `insecure` out must not reset it.
        insecure: z.boolean().optional(),
        password: z.string().max(4096).nullable().optional(),
        ca: z.string().max(65536).nullable().optional(),
      })
      .strict(),
    'admin',
  ),
  'registries.remove': def<void>()(z.object({ id: registryId }).strict(), 'admin'),
  /** Pings a saved registry (by id) or a draft before it is saved, with its credentials. */
  'registries.test': def<RegistryPing>()(z.union([z.object({ id: registryId }).strict(), draft]), 'admin'),
  /** Imports the logins of ~/.docker/config.json (read only: that file is never written). */
  'registries.importDockerConfig': def<DockerConfigImport>()(none, 'admin'),
  /** Docker Hub (through the engine's search) and every saved registry's catalog, filtered by the term. */
  'registries.search': def<RegistrySearch>()(
    z
      .object({
        term: z.string().trim().min(1, 'Type something to search for').max(200),
        limit: z.number().int().min(1).max(100).default(25),
      })
      .strict(),
    'read',
  ),
  'registries.catalog': def<RegistryPage<string>>()(z.object({ id: registryId, ...page }).strict(), 'read'),
  'registries.tags': def<RegistryPage<string>>()(
    z.object({ id: registryId, repository, ...page }).strict(),
    'read',
  ),
  /** Docker Hub's own tag list (with platforms, sizes and dates), a page at a time; `last` is the page cursor. */
  'registries.hubTags': def<RegistryPage<HubTag>>()(
    z.object({ repository, last: z.string().regex(/^\d{1,6}$/, 'Not a page cursor').optional(), n: z.number().int().min(1).max(100).optional() }).strict(),
    'read',
  ),
  'registries.manifest': def<RegistryManifest>()(
    z.object({ id: registryId, repository, reference }).strict(),
    'read',
  ),
  'registries.imageConfig': def<RegistryImageConfig>()(
    z.object({ id: registryId, repository, digest: reference }).strict(),
    'read',
  ),
  /** Deletes the manifest a tag points at (every tag of that digest goes with it), where the registry allows. */
  'registries.deleteTag': def<{ digest: string }>()(
    z.object({ id: registryId, repository, reference }).strict(),
    'operate',
  ),
} as const;
