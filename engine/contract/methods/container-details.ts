import { z } from 'zod';
import type { ContainerDetails, ContainerProcesses, FileListing, FilePreview, TransferTicket } from '../dto';
import { byContainerId as byId, containerRef, def, REDACTED_VALUE } from './define';

/** A path inside a container: absolute or relative to /, no NUL; normalised by the service. */
const containerPath = z
  .string()
  .min(1, 'A path inside the container is required')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A path may not contain NUL characters');

/** One file name (no slashes): what an uploaded file is called inside a container or a volume. */
export const fileName = z
  .string()
  .min(1, 'A file name is required')
  .max(255)
  .refine((n) => !/[/\\\0]/.test(n) && n !== '.' && n !== '..', 'Not a valid file name');

export const containerDetailMethods = {
  /** Everything the details page shows, plus the raw inspect JSON. */
  // Environment values often hold passwords and tokens: viewers see the names only.
  'containers.inspect': def<ContainerDetails>()(byId, 'read', {
    forViewers: (d) => ({ ...d, env: d.env.map((e) => ({ key: e.key, value: REDACTED_VALUE })) }),
  }),
  /** The container's processes (`docker top`); ps arguments as the engine accepts them (Linux: e.g. "aux"). */
  'containers.top': def<ContainerProcesses>()(
    z
      .object({
        id: containerRef,
        psArgs: z
          .string()
          .max(100)
          .regex(
            /^[a-zA-Z0-9 ,=_-]*$/,
            'Only letters, digits, spaces and , = _ - are allowed in ps arguments',
          )
          .optional(),
      })
      .strict(),
    'read',
  ),
  /** The container's whole log as a download (`docker logs [-t]`), not only the lines a view has loaded. */
  'containers.logs.download': def<TransferTicket>()(
    z.object({ id: containerRef, timestamps: z.boolean().default(false) }).strict(),
    'read',
  ),
  /** Entries of a folder in the container's filesystem (works on stopped containers too). */
  'containers.files.list': def<FileListing>()(
    z.object({ id: containerRef, path: containerPath }).strict(),
    'operate',
    { mutates: false },
  ),
  /** A ticket for a file's bytes, or a tar of a folder. */
  'containers.files.download': def<TransferTicket>()(
    z.object({ id: containerRef, path: containerPath }).strict(),
    'operate',
    { mutates: false },
  ),
  /** A ticket to upload one file (the raw bytes as the body) into folder `dir` as `name`. */
  /** The first 256 KiB of a file as text (or that it is binary), for a read-only preview. */
  'containers.files.preview': def<FilePreview>()(
    z.object({ id: containerRef, path: containerPath }).strict(),
    'operate',
    { mutates: false },
  ),
  'containers.files.upload': def<TransferTicket>()(
    z.object({ id: containerRef, dir: containerPath, name: fileName }).strict(),
    'operate',
  ),
} as const;
