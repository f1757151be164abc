import { z } from '@hono/zod-openapi';
import { AutomationBodySchema } from './schemas';

/** The periods the builder offers; `since` may also be an ISO instant. */
export const STATS_PERIODS = { '7d': 7, '30d': 30, '90d': 90 } as const;

/** `GET /api/automations/:id/stats` query. */
export const StatsQuerySchema = z.object({
  since: z
    .union([z.enum(['7d', '30d', '90d']), z.iso.datetime({ offset: true })])
    .default('30d')
    .openapi({ description: '`7d`, `30d`, `90d` (default) or an ISO instant' }),
  version: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'Automation version; default the current one' }),
});

const StepStatsSchema = z.object({
  nodeId: z.string(),
  reached: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  succeeded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative().optional(),
});

/** Answer of `GET /api/automations/:id/stats`. */
export const StepStatsResponseSchema = z
  .object({
    automationId: z.string(),
    version: z.number().int().positive(),
    since: z.iso.datetime(),
    steps: z.array(StepStatsSchema),
  })
  .openapi('StepStats');

/** Body of `POST /api/automations/:id/test-step`. */
export const TestStepBodySchema = z
  .object({
    nodeId: z.string().min(1).max(200),
    /** The step's input; without it, the automation's sample data as trigger data. */
    data: z.object({ trigger: z.unknown().optional(), nodes: z.record(z.string(), z.unknown()).optional() }).optional(),
    /** Use this past run's trigger data and step outputs as the input. */
    runId: z.string().min(1).max(200).optional(),
    /** An unsaved graph to test the step of. */
    automation: AutomationBodySchema.partial().optional(),
    /** Send for real (e-mail, SMS, webhook). Default false. */
    live: z.boolean().optional(),
  })
  .openapi('TestStepBody');

/** Answer of `POST /api/automations/:id/test-step`. */
export const StepTestResultSchema = z
  .object({
    nodeId: z.string(),
    nodeType: z.string(),
    status: z.enum(['success', 'failed']),
    dryRun: z.boolean(),
    input: z.object({ trigger: z.unknown(), nodes: z.record(z.string(), z.unknown()) }),
    output: z.unknown().optional(),
    branch: z.string().optional(),
    waitUntil: z.iso.datetime().optional(),
    error: z.string().optional(),
    startedAt: z.iso.datetime(),
    durationMs: z.number(),
  })
  .openapi('StepTestResult');
