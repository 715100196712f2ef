import { z } from 'zod';
import {
  parseImageReference,
  type ImageDetails,
  type ImageHistoryEntry,
  type ImageSummary,
  type ImagePrunePreview,
  type ImagePruneResult,
  type TaskRef,
  type TransferTicket,
  type UploadTask,
} from '../dto';
import { def, none } from './define';

/** An image reference checked against the registry grammar, so nothing malformed reaches the engine. */
export const imageReference = z
  .string()
  .max(512)
  .superRefine((value, ctx) => {
    const parsed = parseImageReference(value);
    if (!parsed.ok)
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a valid image reference: ${parsed.reason}`,
      });
  });

/** An image ID (full or short, with or without "sha256:") or a reference. */
export const imageRef = z
  .string()
  .min(1, 'An image ID or name is required')
  .max(512)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/, 'Not a valid image ID or name');

const tagName = z
  .string()
  .regex(/^[\w][\w.-]{0,127}$/, 'A tag may only contain letters, digits, "_", "." and "-" (up to 128)');

const platform = z
  .string()
  .max(64)
  .regex(/^[a-z0-9_]+\/[a-z0-9_]+(\/[a-z0-9_.]+)?$/, 'A platform looks like linux/amd64 or linux/arm64/v8');

const buildArgs = z
  .record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Build argument names are letters, digits and "_"'),
    z.string().max(65536),
  )
  .refine((r) => Object.keys(r).length <= 100, 'At most 100 build arguments');

/** Size of the upload in bytes, when the client knows it: the task then shows how much has arrived. */
const uploadSize = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional();

export const imagesMethods = {
  'images.list': def<ImageSummary[]>()(none, 'read'),
  'images.inspect': def<ImageDetails>()(z.object({ id: imageRef }).strict(), 'read'),
  'images.history': def<ImageHistoryEntry[]>()(z.object({ id: imageRef }).strict(), 'read'),
  /** Starts a pull task: a step per layer, overall bytes, cancellable. */
  'images.pull': def<TaskRef>()(
    z.object({ ref: imageReference, platform: platform.optional() }).strict(),
    'operate',
  ),
  /** Starts a push task for one repo:tag. */
  'images.push': def<TaskRef>()(z.object({ ref: imageReference }).strict(), 'operate'),
  /** Adds the name repo:tag to an image. */
  'images.tag': def<void>()(
    z.object({ source: imageRef, repo: imageReference, tag: tagName.default('latest') }).strict(),
    'operate',
  ),
  /** Removes an image (or one of its tags, when given by name). CONFLICT names the containers using it. */
  'images.remove': def<string[]>()(
    z.object({ id: imageRef, force: z.boolean().optional() }).strict(),
    'operate',
  ),
  'images.prunePreview': def<ImagePrunePreview>()(
    z.object({ danglingOnly: z.boolean().default(true) }).strict(),
    'read',
  ),
  'images.prune': def<ImagePruneResult>()(
    z.object({ danglingOnly: z.boolean().default(true) }).strict(),
    'operate',
  ),
  /** Upload ticket for a build context (a tar, optionally gzip'd); the build runs as the returned task. */
  'images.buildUpload': def<UploadTask>()(
    z
      .object({
        tag: imageReference,
        dockerfile: z.string().min(1).max(1024).optional(),
        buildArgs: buildArgs.optional(),
        target: z
          .string()
          .max(128)
          .regex(/^[A-Za-z0-9_.-]*$/, 'Not a valid build stage name')
          .optional(),
        noCache: z.boolean().optional(),
        pull: z.boolean().optional(),
        size: uploadSize,
      })
      .strict(),
    'operate',
  ),
  /** Download ticket for a tar of the given images (`docker save`). */
  'images.save': def<TransferTicket>()(z.object({ ids: z.array(imageRef).min(1).max(100) }).strict(), 'operate', {
    mutates: false,
  }),
  /** Upload ticket for a `docker save` tar; loading runs as the returned task. */
  'images.loadUpload': def<UploadTask>()(z.object({ size: uploadSize }).strict(), 'operate'),
  /** Upload ticket for a root filesystem tar that becomes the image repo:tag. */
  'images.importUpload': def<UploadTask>()(
    z.object({ repo: imageReference, tag: tagName.default('latest'), size: uploadSize }).strict(),
    'operate',
  ),
} as const;
