import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { label } from '../shared/labels';
import { computeWaitUntil } from './compute-wait';
import { delaySpecShape, WAITS_FOR_SOMETHING, waitsForSomething } from './delay-spec';

/**
 * Config of `wait`: a `duration` in `unit` (seconds to weeks), and/or "until" a local `time` (`HH:MM`) and/or `weekdays`
 * (1 = Monday ... 7 = Sunday), in `timezone` (default Europe/Zurich).
 * @example { duration: 2, unit: 'days' } · { duration: 1, unit: 'days', time: '09:00' } · { time: '08:00', weekdays: [1] }
 */
export const WaitConfigSchema = z.object(delaySpecShape).refine(waitsForSomething, WAITS_FOR_SOMETHING);

/** Parks the run for a while (seconds to weeks) or until a time of day / weekday in Zurich. */
export const wait = defineNode({
  type: 'wait',
  kind: 'wait',
  version: 1,
  category: 'flow',
  title: { fr: 'Attendre', en: 'Wait' },
  description: {
    fr: 'Met l’automatisation en pause pour une durée (d’une seconde à des semaines), ou jusqu’à une heure ou un jour de la semaine (heure de Zurich).',
    en: 'Pauses the automation for a duration (one second to weeks), or until a time of day or weekday (Zurich time).',
  },
  configSchema: WaitConfigSchema,
  // Only computes a date: a run parked right after its trigger costs one write.
  sideEffects: false,
  outputSchema: z.object({ waitUntil: z.iso.datetime().meta(label('Reprise le', 'Resumes at')) }),
  sampleOutput: { waitUntil: '2026-03-04T08:00:00.000Z' },
  execute(ctx) {
    const waitUntil = computeWaitUntil(ctx.clock.now(), ctx.config);
    return { waitUntil, output: { waitUntil: waitUntil.toISOString() } };
  },
});
