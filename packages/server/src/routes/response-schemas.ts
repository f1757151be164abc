import { z } from '@hono/zod-openapi';
import { AutomationRunSchema, AutomationSchema, EmailTemplateSchema, NodeKind } from '@swigs/automation-core';
import { named } from '../openapi/responses';
import { pageOf } from './paging';

const localized = z.object({ fr: z.string(), en: z.string() });

/** A validation problem of an automation: a stable code and path, a message in the request's language. */
export const ProblemSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    nodeId: z.string().optional(),
    path: z.array(z.union([z.string(), z.number()])),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Problem');

/** An automation as the API returns it: the stored document plus its validation problems. */
export const AutomationResponseSchema = AutomationSchema.extend({ problems: z.array(ProblemSchema) }).openapi(
  'Automation',
);

/** A page of automations, each with its validation problems. */
export const AutomationPageSchema = pageOf(AutomationResponseSchema).openapi('AutomationPage');

/** Answer of `POST /api/automations/validate`. */
export const ValidateResponseSchema = z
  .object({ valid: z.boolean(), problems: z.array(ProblemSchema) })
  .openapi('ValidateResult');

/** A run with its outputs and execution log. */
export const AutomationRunResponseSchema = named(AutomationRunSchema, 'AutomationRun');

/** One run as its page shows it: with its title from the trigger data, when it can be titled. */
export const AutomationRunDetailSchema = named(
  AutomationRunSchema.extend({ title: z.string().optional() }),
  'AutomationRunDetail',
);

/** A run in lists: the run without its outputs and log. */
export const RunSummarySchema = AutomationRunSchema.omit({ outputs: true, executionLog: true, queue: true })
  .extend({
    /** Titled from the trigger data in the caller's language (« Commande 1042 · Zoé Favre »), when it can be. */
    title: z.string().optional(),
  })
  .openapi('RunSummary');

/** A page of runs; `nextCursor` asks for the next (older) page, null on the last one. */
export const RunPageSchema = pageOf(RunSummarySchema)
  .extend({ nextCursor: z.string().nullable().optional() })
  .openapi('RunPage');

/** What `POST /api/automation-runs/bulk` did: the runs acted on and those skipped, with why. */
export const RunBulkResultSchema = z
  .object({
    done: z.array(z.string()),
    skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  })
  .openapi('RunBulkResult');

/** The dry run's simulated timeline (`POST /api/automations/:id/test`). */
export const DryRunResultSchema = z
  .object({
    status: z.enum(['completed', 'failed']),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    timeline: z.array(
      z.object({
        nodeId: z.string(),
        nodeType: z.string(),
        at: z.iso.datetime(),
        status: z.enum(['success', 'failed', 'skipped']),
        branch: z.string().optional(),
        output: z.unknown().optional(),
        error: z.string().optional(),
        waitUntil: z.iso.datetime().optional(),
      }),
    ),
    problems: z.array(ProblemSchema),
    error: z.string().optional(),
  })
  .openapi('DryRunResult');

/** An email template. */
export const EmailTemplateResponseSchema = named(EmailTemplateSchema, 'EmailTemplate');

/** A page of email templates. */
export const EmailTemplatePageSchema = pageOf(EmailTemplateResponseSchema).openapi('EmailTemplatePage');

/** A rendered email (`POST /api/email-templates/:id/preview`). */
export const RenderedEmailSchema = z
  .object({ subject: z.string(), html: z.string(), text: z.string(), preheader: z.string().optional() })
  .openapi('RenderedEmail');

/** Answer of a test send. */
export const SendTestResultSchema = z
  .object({ messageId: z.string(), to: z.string(), subject: z.string() })
  .openapi('SendTestResult');

/** One node type of the catalogue, as the builder reads it. */
export const NodeTypeSchema = z
  .object({
    type: z.string(),
    kind: z.enum(Object.values(NodeKind)),
    version: z.number().int(),
    title: localized,
    description: localized.optional(),
    category: z.string().optional(),
    outputs: z.array(z.string()).readonly(),
    configJsonSchema: z.record(z.string(), z.unknown()),
    outputJsonSchema: z.record(z.string(), z.unknown()).optional(),
    sampleOutput: z.unknown().optional(),
    templateFields: z.array(z.string()).readonly().optional(),
    messages: z.record(z.string(), localized).readonly().optional(),
  })
  .openapi('NodeType');

/** A message the outbox mail adapter kept. */
export const OutboxMessageSchema = z
  .object({ id: z.string(), userId: z.string() })
  .catchall(z.unknown())
  .openapi('OutboxMessage');

/** A page of outbox messages. */
export const OutboxPageSchema = pageOf(OutboxMessageSchema).openapi('OutboxPage');

/** "Listen for the next event": armed until `until`; off once the event arrived (or the time ran out). */
export const ListenStateSchema = z
  .object({ listening: z.boolean(), until: z.string().optional() })
  .openapi('ListenState');

/** A webhook's 202: the run started (or, with the same `Idempotency-Key`, the one an earlier call started). */
export const WebhookAcceptedSchema = z
  .object({ runId: z.string(), status: z.string(), replayed: z.boolean().optional() })
  .openapi('WebhookAccepted');

/** `GET /api/template-helpers`. */
export const TemplateHelpersSchema = z
  .object({
    items: z.array(
      z.object({ name: z.string(), description: localized, example: z.string(), result: z.string().optional() }),
    ),
    variables: localized,
  })
  .openapi('TemplateHelpers');
