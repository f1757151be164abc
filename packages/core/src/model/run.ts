import { z } from 'zod';

export const RunStatusSchema = z.enum(['pending', 'running', 'waiting', 'completed', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const LogStatusSchema = z.enum(['success', 'failed', 'skipped']);
export type LogStatus = z.infer<typeof LogStatusSchema>;

/** One executed (or skipped) node, per the design's AutomationRun.executionLog. */
export const ExecutionLogEntrySchema = z.object({
  nodeId: z.string(),
  nodeType: z.string(),
  startedAt: z.coerce.date(),
  completedAt: z.coerce.date().nullable(),
  status: LogStatusSchema,
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  error: z.string().nullable().default(null),
  /** Attempts the node took (retries included). */
  attempts: z.number().int().positive().optional(),
  /** Output taken by a condition node. */
  branch: z.string().optional(),
});
export type ExecutionLogEntry = z.infer<typeof ExecutionLogEntrySchema>;

/** The design's AutomationRun, plus the durable cursor (`queue`, `outputs`) and the lease. */
export const AutomationRunSchema = z.object({
  id: z.string(),
  userId: z.string(),
  automationId: z.string(),
  /** The automation version this run is pinned to. */
  automationVersion: z.number().int().positive(),
  triggerType: z.string(),
  status: RunStatusSchema,
  currentNodeId: z.string().nullable(),
  /** Node ids still to execute, in order: the run's durable position in the graph. */
  queue: z.array(z.string()),
  /** Outputs of completed nodes, exposed to later nodes as `nodes.<id>.*`. */
  outputs: z.record(z.string(), z.unknown()),
  triggerData: z.unknown(),
  executionLog: z.array(ExecutionLogEntrySchema),
  scheduledAt: z.coerce.date().nullable(),
  error: z.string().nullable(),
  errorCode: z.string().nullable().optional(),
  /** Manual retries of the run (0 for the first execution). */
  attempt: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  leaseOwner: z.string().nullable(),
  leaseUntil: z.coerce.date().nullable(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
  startedAt: z.coerce.date().nullable(),
  completedAt: z.coerce.date().nullable(),
});
export type AutomationRun = z.infer<typeof AutomationRunSchema>;
