import { z } from 'zod';

/** Which output of the source node a connection leaves from. */
export const ConnectionConditionSchema = z.enum(['default', 'true', 'false']);
export type ConnectionCondition = z.infer<typeof ConnectionConditionSchema>;

/** An edge: from the node that owns it to `targetId`. */
export const ConnectionSchema = z.object({
  targetId: z.string().min(1),
  condition: ConnectionConditionSchema.default('default'),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** A step of the graph. `config` is checked against its node type's schema by `validateAutomation`. */
export const AutomationNodeSchema = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(100),
  position: PositionSchema.default({ x: 0, y: 0 }),
  config: z.record(z.string(), z.unknown()).default({}),
  connections: z.array(ConnectionSchema).default([]),
  /** Optional display label set in the builder. */
  label: z.string().max(200).optional(),
});
export type AutomationNode = z.infer<typeof AutomationNodeSchema>;

/**
 * The trigger. `connections` lists its first steps; when absent, the first entry of `nodes` follows
 * the trigger (the SWIGS design's documents carry no trigger edges).
 */
export const TriggerSchema = z.object({
  type: z.string().min(1).max(100),
  config: z.record(z.string(), z.unknown()).default({}),
  position: PositionSchema.optional(),
  connections: z.array(ConnectionSchema).optional(),
});
export type Trigger = z.infer<typeof TriggerSchema>;

export const AutomationStatsSchema = z.object({
  totalRuns: z.number().int().nonnegative().default(0),
  successfulRuns: z.number().int().nonnegative().default(0),
  failedRuns: z.number().int().nonnegative().default(0),
  lastRunAt: z.coerce.date().nullable().default(null),
  lastError: z.string().nullable().default(null),
});
export type AutomationStats = z.infer<typeof AutomationStatsSchema>;

export const emptyStats = (): AutomationStats => ({
  totalRuns: 0,
  successfulRuns: 0,
  failedRuns: 0,
  lastRunAt: null,
  lastError: null,
});

/** The Automation document of the SWIGS design, accepted as-is. */
export const AutomationSchema = z.object({
  id: z.string().min(1).max(100),
  userId: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  isActive: z.boolean().default(false),
  trigger: TriggerSchema,
  nodes: z.array(AutomationNodeSchema).max(2000).default([]),
  version: z.number().int().positive().default(1),
  /**
   * A sample trigger payload (pasted, taken from a past run or from the next event): validation, dry runs, the
   * builder's variables and the manual-run dialog default to it. Changing it does not make a new version.
   */
  sampleData: z.unknown().optional(),
  stats: AutomationStatsSchema.default(emptyStats),
  createdAt: z.coerce.date().optional(),
  updatedAt: z.coerce.date().optional(),
});
export type Automation = z.infer<typeof AutomationSchema>;
export type AutomationInput = z.input<typeof AutomationSchema>;
