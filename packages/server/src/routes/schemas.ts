import { z } from '@hono/zod-openapi';
import { AutomationSchema, EmailTemplateSchema, RunStatusSchema } from '@swigs/automation-core';
import { PageQuerySchema } from './paging';
import { TENANT_ID_PATTERN } from '../auth/token-claims';

/** Body of `POST /api/automations` and `PUT /api/automations/:id`; ids, owner, version and stats are the server's. */
export const AutomationBodySchema = AutomationSchema.pick({
  name: true,
  description: true,
  isActive: true,
  trigger: true,
  nodes: true,
  sampleData: true,
}).openapi('AutomationBody');

/** Body of `POST /api/automations/validate`: any automation-like object; its problems are the answer, not a 400. */
export const AutomationDraftSchema = z.record(z.string(), z.unknown()).openapi('AutomationDraft');

/** Body of `PUT /api/automations/:id`: like creation, but fields left out keep their stored value. */
export const AutomationUpdateSchema = AutomationBodySchema.extend({
  description: z.string().max(5000).optional(),
  isActive: z.boolean().optional(),
  nodes: AutomationSchema.shape.nodes.unwrap().optional(),
}).openapi('AutomationUpdate');

/** Body of `PATCH /api/automations/:id/toggle`; without `isActive` the flag flips. */
export const ToggleBodySchema = z.object({ isActive: z.boolean().optional() }).optional().openapi('ToggleBody');

/** Body of `POST /api/automations/:id/test`: sample trigger data, and optionally an unsaved graph to try. */
export const TestBodySchema = z
  .object({
    sampleData: z.unknown().optional(),
    automation: AutomationBodySchema.partial().optional(),
  })
  .optional()
  .openapi('TestBody');

/** Body of `POST /api/automations/:id/run`: the trigger payload of the manual run. */
export const RunBodySchema = z.object({ payload: z.unknown().optional() }).optional().openapi('RunBody');

/** `Idempotency-Key` of the run and webhook routes: the same key within 24 h gives the first call's run. */
export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional()
    .openapi({ description: 'A client-chosen key; a retry with the same key within 24 h gives the first run' }),
});

/** `GET /api/automations` filters. */
export const AutomationListQuerySchema = PageQuerySchema.extend({
  isActive: z.enum(['true', 'false']).optional(),
});

/** `GET .../runs` filters: `status` is one status or a comma-separated list. */
export const RunListQuerySchema = PageQuerySchema.extend({
  status: z
    .string()
    .max(200)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const parts = s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const parsed = z.array(RunStatusSchema).safeParse(parts);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `status: ${RunStatusSchema.options.join(', ')}` });
        return z.NEVER;
      }
      return parsed.data;
    }),
  automationId: z.string().min(1).max(100).optional(),
  triggerType: z.string().min(1).max(100).optional(),
  /** Runs created from / until these instants (ISO 8601). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Text found in the trigger data (an order number, an email), case-insensitive. */
  q: z.string().min(1).max(200).optional(),
  /** The `nextCursor` of the previous page (keyset paging, instead of `offset`). */
  cursor: z
    .string()
    .max(300)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const cursor = decodeRunCursor(s);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message: 'cursor' });
        return z.NEVER;
      }
      return cursor;
    }),
});

/** Body of `POST /api/automation-runs/bulk`: retry or cancel several runs at once. */
export const RunBulkBodySchema = z
  .object({
    action: z.enum(['retry', 'cancel']),
    ids: z.array(z.string().min(1).max(100)).min(1).max(500),
  })
  .openapi('RunBulkBody');

/** The keyset cursor of a run list page: the last run's creation instant and id. */
export function encodeRunCursor(run: { createdAt: Date; id: string }): string {
  return Buffer.from(`${run.createdAt.getTime()}:${run.id}`).toString('base64url');
}

function decodeRunCursor(text: string): { createdAt: Date; id: string } | null {
  const raw = Buffer.from(text, 'base64url').toString();
  const match = /^(\d{1,15}):(.{1,100})$/.exec(raw);
  if (!match) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2] ?? '' };
}

/** Body of email template create and update. */
export const EmailTemplateBodySchema = EmailTemplateSchema.omit({
  id: true,
  userId: true,
  createdAt: true,
  updatedAt: true,
}).openapi('EmailTemplateBody');

/** Body of `PUT /api/email-templates/:id`: fields left out keep their stored value. */
export const EmailTemplateUpdateSchema = EmailTemplateBodySchema.extend({
  preheader: EmailTemplateSchema.shape.preheader.unwrap().optional(),
  text: EmailTemplateSchema.shape.text.unwrap().optional(),
  availableVariables: z.array(z.string().max(200)).optional(),
  category: EmailTemplateSchema.shape.category.unwrap().optional(),
  isActive: z.boolean().optional(),
}).openapi('EmailTemplateUpdate');

/** Body of `POST /api/email-templates/:id/preview`: the data to render with (sample data when absent). */
export const PreviewBodySchema = z
  .object({
    data: z.record(z.string(), z.unknown()).optional(),
    /** Take the sample data of this trigger type (default `order.paid`). */
    triggerType: z.string().min(1).max(100).optional(),
    /** Unsaved edits to preview instead of the stored fields (the builder's live preview). */
    subject: EmailTemplateSchema.shape.subject.optional(),
    body: EmailTemplateSchema.shape.body.optional(),
    preheader: EmailTemplateSchema.shape.preheader.unwrap().optional(),
    text: EmailTemplateSchema.shape.text.unwrap().optional(),
  })
  .optional()
  .openapi('PreviewBody');

/** Body of `POST /api/email-templates/:id/send-test`. */
export const SendTestBodySchema = z
  .object({
    to: z.email().max(320),
    data: z.record(z.string(), z.unknown()).optional(),
    triggerType: z.string().min(1).max(100).optional(),
    /** Unsaved edits to send instead of the stored fields ("Envoyer un test" sends what is on screen). */
    subject: EmailTemplateSchema.shape.subject.optional(),
    body: EmailTemplateSchema.shape.body.optional(),
    preheader: z.string().max(300).optional(),
    text: z.string().max(500_000).optional(),
  })
  .openapi('SendTestBody');

/** Body of `POST /api/auth/local-login`. */
export const LocalLoginBodySchema = z
  .object({
    password: z.string().min(1).max(500),
    userId: z.string().regex(TENANT_ID_PATTERN).optional(),
  })
  .openapi('LocalLoginBody');

/** `?automationId=&runId=` of `GET /api/events`. */
export const EventsQuerySchema = z.object({
  automationId: z.string().min(1).max(100).optional(),
  runId: z.string().min(1).max(100).optional(),
  access_token: z.string().optional().openapi({ description: 'The token, for EventSource (no headers)' }),
});

/** `:id` of the routes of one document. */
export const IdParamsSchema = z.object({ id: z.string().openapi({ description: 'The document’s id' }) });
