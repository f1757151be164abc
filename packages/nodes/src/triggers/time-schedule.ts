import { Cron } from 'croner';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, defineNode } from '@swigs/automation-core';
import { label } from '../shared/labels';
import { isValidTimeZone } from '../shared/zoned-time';
import { SchedulePayloadSchema } from './payloads';

/**
 * Config of `time.schedule`: exactly these two fields, read by the engine's scheduler.
 * `cron` has 5 fields (minute precision) or 6 (with seconds), as croner reads them.
 */
export const TimeScheduleConfigSchema = z
  .object({
    cron: z.string().trim().min(1).max(200).meta(label('Expression cron', 'Cron expression')),
    timezone: z
      .string()
      .default(DEFAULT_TIME_ZONE)
      .refine(isValidTimeZone, {
        message: 'must be an IANA time zone such as Europe/Zurich',
        params: {
          i18n: {
            fr: 'doit être un fuseau horaire IANA, par ex. Europe/Zurich',
            en: 'must be an IANA time zone such as Europe/Zurich',
          },
        },
      })
      .meta(label('Fuseau horaire', 'Time zone')),
  })
  .superRefine((config, ctx) => {
    if (!isValidTimeZone(config.timezone)) return;
    try {
      new Cron(config.cron, { paused: true, timezone: config.timezone });
    } catch (error) {
      const reason = (error as Error).message;
      ctx.addIssue({
        code: 'custom',
        path: ['cron'],
        message: `invalid cron expression: ${reason}`,
        params: { i18n: { fr: `expression cron invalide : ${reason}`, en: `invalid cron expression: ${reason}` } },
      });
    }
  });

/** Runs on a cron schedule in a time zone (default Europe/Zurich). */
export const timeSchedule = defineNode({
  type: 'time.schedule',
  kind: 'trigger',
  version: 1,
  category: 'time',
  title: { fr: 'Planification', en: 'Schedule' },
  description: {
    fr: 'Démarre selon une expression cron, par ex. « 0 8 * * 1 » chaque lundi à 8 h (heure de Zurich).',
    en: 'Starts on a cron expression, e.g. "0 8 * * 1" every Monday at 8:00 (Zurich time).',
  },
  configSchema: TimeScheduleConfigSchema,
  outputSchema: SchedulePayloadSchema,
  sampleOutput: {
    scheduledAt: '2026-03-02T07:00:00.000Z',
    firedAt: '2026-03-02T07:00:00.120Z',
    cron: '0 8 * * 1',
    timezone: DEFAULT_TIME_ZONE,
  },
  matches: () => true,
});

/** The next instants `config` fires at, after `from` (for previews and tests). */
export function nextScheduledRuns(config: z.input<typeof TimeScheduleConfigSchema>, from: Date, count = 1): Date[] {
  const parsed = TimeScheduleConfigSchema.parse(config);
  return new Cron(parsed.cron, { paused: true, timezone: parsed.timezone }).nextRuns(count, from);
}
