import { z } from 'zod';

/** How the CMS writes amounts: `francs` (49.9) or `centimes` (4990). Payloads always carry centimes. */
export type AmountUnit = 'francs' | 'centimes';

/** A Mongo ObjectId serialises as a string; numeric ids are accepted too. */
export const IdSchema = z.union([z.string().min(1), z.number().int()]);

/** An amount as the CMS writes it (unit per `AmountUnit`). */
export const AmountSchema = z.number();

/** ISO 8601 text or epoch milliseconds. */
export const TimestampSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: `not a date: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return date;
});

/** The id of a reference that may be a bare id or a populated `{ _id }` / `{ id }` document. */
/**
 * A swigs-cms-backend record: Mongo `_id` or `id` (one is required), its site, its timestamps, and the kind's own
 * `fields`; unknown fields pass.
 */
export function cmsRecordSchema<Fields extends z.ZodRawShape>(kind: string, fields: Fields) {
  return z
    .object({
      _id: IdSchema.optional(),
      id: IdSchema.optional(),
      site: z.unknown().optional(),
      siteId: z.unknown().optional(),
      createdAt: TimestampSchema.nullish(),
      updatedAt: TimestampSchema,
      ...fields,
    })
    .loose()
    .refine((record) => record._id !== undefined || record.id !== undefined, {
      message: `${kind} has neither _id nor id`,
      path: ['_id'],
    });
}

export function refId(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value && typeof value === 'object') {
    const doc = value as { _id?: unknown; id?: unknown };
    return refId(doc._id ?? doc.id);
  }
  return null;
}

/** Integer centimes from a CMS amount. */
export function toCentimes(value: number | null | undefined, unit: AmountUnit): number | null {
  if (value == null) return null;
  // toFixed absorbs binary noise such as 19.99 * 100 = 1998.9999999999998.
  return unit === 'centimes' ? Math.round(value) : Math.round(Number((value * 100).toFixed(4)));
}

/** Francs from centimes, for templates that format francs. */
export function toFrancs(centimes: number | null): number | null {
  return centimes === null ? null : centimes / 100;
}

/** `updatedAt` of a raw record in epoch ms, or NaN; used for paging even when the record is otherwise invalid. */
export function updatedAtMs(raw: unknown): number {
  if (!raw || typeof raw !== 'object') return Number.NaN;
  const value = (raw as { updatedAt?: unknown }).updatedAt;
  if (typeof value !== 'string' && typeof value !== 'number') return Number.NaN;
  return new Date(value).getTime();
}

/** `path: message; ...` for a zod error, short enough for a log line or an HTTP answer. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
