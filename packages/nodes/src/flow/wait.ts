import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { isValidTimeZone } from '../shared/zoned-time';
import { computeWaitUntil } from './compute-wait';

/**
 * Config of `wait`: a `duration` in `unit`, and/or "until" a local `time` (`HH:MM`) and/or `weekdays`
 * (1 = Monday ... 7 = Sunday), in `timezone` (default Europe/Zurich).
 * @example { duration: 2, unit: 'days' } · { duration: 1, unit: 'days', time: '09:00' } · { time: '08:00', weekdays: [1] }
 */
export const WaitConfigSchema = z
  .object({
    duration: z.number().int().min(0).max(100_000).optional(),
    unit: z.enum(['minutes', 'hours', 'days', 'weeks']).default('days'),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM such as 09:00')
      .optional(),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    timezone: z.string().default('Europe/Zurich').refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Zurich' }),
  })
  .refine((c) => (c.duration ?? 0) > 0 || c.time !== undefined || c.weekdays !== undefined, {
    message: 'set a positive duration, a time of day or weekdays',
    path: ['duration'],
  });

/** Parks the run for a while (minutes to weeks) or until a time of day / weekday in Zurich. */
export const wait = defineNode({
  type: 'wait',
  kind: 'wait',
  version: 1,
  category: 'flow',
  title: { fr: 'Attendre', en: 'Wait' },
  description: {
    fr: 'Met l’automatisation en pause pour une durée, ou jusqu’à une heure ou un jour de la semaine (heure de Zurich).',
    en: 'Pauses the automation for a duration, or until a time of day or weekday (Zurich time).',
  },
  configSchema: WaitConfigSchema,
  // Only computes a date: a run parked right after its trigger costs one write.
  sideEffects: false,
  sampleOutput: { waitUntil: '2026-03-04T08:00:00.000Z' },
  execute(ctx) {
    const waitUntil = computeWaitUntil(ctx.clock.now(), ctx.config);
    return { waitUntil, output: { waitUntil: waitUntil.toISOString() } };
  },
});
