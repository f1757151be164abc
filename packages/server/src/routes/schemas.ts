import { z } from 'zod';
import {
  AutomationSchema,
  AutomationRunSchema,
  EmailTemplateSchema,
  RunStatusSchema,
} from '@swigs/automation-core';

/** Body of `POST /api/automations` and `PUT /api/automations/:id`; ids, owner, version and stats are the server's. */
export const AutomationBodySchema = AutomationSchema.pick({
  name: true,
  description: true,
  isActive: true,
  trigger: true,
  nodes: true,
});

/** Body of `POST /api/automations/validate`: any automation-like object; its problems are the answer, not a 400. */
export const AutomationDraftSchema = z.record(z.string(), z.unknown());

/** Body of `PUT /api/automations/:id`: like creation, but fields left out keep their stored value. */
export const AutomationUpdateSchema = AutomationBodySchema.extend({
  description: z.string().max(5000).optional(),
  isActive: z.boolean().optional(),
  nodes: AutomationSchema.shape.nodes.unwrap().optional(),
});

/** Body of `PATCH /api/automations/:id/toggle`; without `isActive` the flag flips. */
export const ToggleBodySchema = z.object({ isActive: z.boolean().optional() }).optional();

/** Body of `POST /api/automations/:id/test`: sample trigger data, and optionally an unsaved graph to try. */
export const TestBodySchema = z
  .object({
    sampleData: z.unknown().optional(),
    automation: AutomationBodySchema.partial().optional(),
  })
  .optional();

/** Body of `POST /api/automations/:id/run`: the trigger payload of the manual run. */
export const RunBodySchema = z.object({ payload: z.unknown().optional() }).optional();

/** `?limit=&offset=` of list routes. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
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
      const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
      const parsed = z.array(RunStatusSchema).safeParse(parts);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `status: ${RunStatusSchema.options.join(', ')}` });
        return z.NEVER;
      }
      return parsed.data;
    }),
  automationId: z.string().min(1).max(100).optional(),
});

/** Body of email template create and update. */
export const EmailTemplateBodySchema = EmailTemplateSchema.omit({
  id: true,
  userId: true,
  createdAt: true,
  updatedAt: true,
});

/** Body of `PUT /api/email-templates/:id`: fields left out keep their stored value. */
export const EmailTemplateUpdateSchema = EmailTemplateBodySchema.extend({
  preheader: z.string().max(300).optional(),
  text: z.string().max(500_000).optional(),
  availableVariables: z.array(z.string().max(200)).optional(),
  category: EmailTemplateSchema.shape.category.unwrap().optional(),
  isActive: z.boolean().optional(),
});

/** Body of `POST /api/email-templates/:id/preview`: the data to render with (sample data when absent). */
export const PreviewBodySchema = z
  .object({
    data: z.record(z.string(), z.unknown()).optional(),
    /** Take the sample data of this trigger type (default `order.paid`). */
    triggerType: z.string().min(1).max(100).optional(),
    /** Unsaved edits to preview instead of the stored fields (the builder's live preview). */
    subject: EmailTemplateSchema.shape.subject.optional(),
    body: EmailTemplateSchema.shape.body.optional(),
    preheader: z.string().max(300).optional(),
    text: z.string().max(500_000).optional(),
  })
  .optional();

/** Body of `POST /api/email-templates/:id/send-test`. */
export const SendTestBodySchema = z.object({
  to: z.email().max(320),
  data: z.record(z.string(), z.unknown()).optional(),
  triggerType: z.string().min(1).max(100).optional(),
});

/** Body of `POST /api/auth/local-login`. */
export const LocalLoginBodySchema = z.object({
  password: z.string().min(1).max(500),
  userId: z
    .string()
    .regex(/^[\w.@:-]{1,200}$/)
    .optional(),
});

/** An error answer. */
export const ErrorBodySchema = z.object({
  error: z.string(),
  code: z.string().optional(),
  issues: z.array(
    z.object({
      path: z.array(z.union([z.string(), z.number()])),
      message: z.string(),
      code: z.string().optional(),
      nodeId: z.string().optional(),
    }),
  ),
});

/** A validation problem of a saved draft. */
export const ProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])),
});

/** An automation as the API returns it: the stored document plus its validation problems. */
export const AutomationResponseSchema = AutomationSchema.extend({ problems: z.array(ProblemSchema) });

/** A run in lists: the run without its outputs and log. */
export const RunSummarySchema = AutomationRunSchema.omit({ outputs: true, executionLog: true, queue: true });

export { AutomationRunSchema, EmailTemplateSchema };
