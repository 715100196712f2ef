import { z } from 'zod';
import type { AuditLogPage, TransferTicket } from '../dto';
import { def } from './define';

/** Filters shared by list and export; time bounds are milliseconds since epoch, inclusive. */
const filter = {
  user: z.string().trim().min(1).max(255).optional(),
  methodPrefix: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-zA-Z0-9.]+$/, 'A method prefix is letters, digits and dots, e.g. "containers."')
    .optional(),
  ok: z.boolean().optional(),
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
};

const rangeInOrder = (f: { from?: number | undefined; to?: number | undefined }) =>
  f.from === undefined || f.to === undefined || f.from <= f.to;
const rangeMessage = { message: 'The start of the time range is after its end', path: ['from'] };

const listInput = z
  .object({
    ...filter,
    before: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
  .refine(rangeInOrder, rangeMessage);

const exportInput = z
  .object({ ...filter, format: z.enum(['jsonl', 'csv']) })
  .strict()
  .refine(rangeInOrder, rangeMessage);

/**
 * The audit log: read-only by design. There is no method that writes, edits or deletes an entry; only the
 * dispatcher appends, after each mutating call. Admin-only, and reading it is not itself a change.
 */
export const auditMethods = {
  /** One page, newest first; `before` is the `next` of the previous page. */
  'audit.list': def<AuditLogPage>()(listInput, 'admin', { mutates: false }),
  /** Every matching entry as a download: JSON Lines (one entry per line) or CSV; newest first. */
  'audit.export': def<TransferTicket>()(exportInput, 'admin', { mutates: false }),
} as const;
