import { z } from 'zod';
import { ConditionGroupSchema } from '@swigs/automation-core';
import { label } from '../shared/labels';

/** Extra conditions on the payload, evaluated by the engine before a run starts. */
export const triggerConditions = {
  conditions: ConditionGroupSchema.optional().meta(label('Conditions de départ', 'Start conditions')),
};

/** Filters of CMS triggers: one site, and/or a set of statuses. */
export const CmsTriggerConfigSchema = z.object({
  /** Only events of this CMS site; all sites when absent. */
  siteId: z.string().min(1).max(200).optional().meta(label('Site', 'Site')),
  /** Only when the payload's `status` is one of these; any status when absent or empty. */
  statusFilter: z
    .array(z.string().min(1).max(100))
    .max(50)
    .optional()
    .meta(label('Statuts acceptés', 'Accepted statuses')),
  ...triggerConditions,
});
export type CmsTriggerConfig = z.infer<typeof CmsTriggerConfigSchema>;

/** Reads a top-level string field of an unknown payload. */
export function field(payload: unknown, name: string): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const value = (payload as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The shared `matches` of CMS triggers. */
export function matchesCms(config: CmsTriggerConfig, payload: unknown): boolean {
  if (config.siteId !== undefined && field(payload, 'siteId') !== config.siteId) return false;
  if (config.statusFilter && config.statusFilter.length > 0) {
    const status = field(payload, 'status');
    if (status === undefined || !config.statusFilter.includes(status)) return false;
  }
  return true;
}
