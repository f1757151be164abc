import { z } from 'zod';
import { DEFAULT_TIME_ZONE, fieldMeta } from '@swigs/automation-core';
import { errorText, label } from '../shared/labels';
import { isValidTimeZone } from '../shared/zoned-time';

/** Units of a wait or a trigger delay; seconds, minutes and hours are elapsed time, days and weeks calendar days. */
export const WaitUnitSchema = z.enum(['seconds', 'minutes', 'hours', 'days', 'weeks']);

/**
 * The fields of a duration "and/or until a time of day or weekday", shared by `wait` and `time.delay`:
 * a `duration` in `unit`, a local `time` (`HH:MM`), `weekdays` (1 = Monday ... 7 = Sunday), in `timezone`.
 */
export const delaySpecShape = {
  duration: z.number().int().min(0).max(100_000).optional().meta(label('Durée', 'Duration')),
  unit: WaitUnitSchema.default('days').meta(
    fieldMeta({ fr: 'Unité', en: 'Unit' }, [
      { value: 'seconds', label: { fr: 'secondes', en: 'seconds' } },
      { value: 'minutes', label: { fr: 'minutes', en: 'minutes' } },
      { value: 'hours', label: { fr: 'heures', en: 'hours' } },
      { value: 'days', label: { fr: 'jours', en: 'days' } },
      { value: 'weeks', label: { fr: 'semaines', en: 'weeks' } },
    ]),
  ),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM such as 09:00')
    .optional()
    .meta({
      ...label('Heure', 'Time of day'),
      ...errorText('doit être une heure HH:MM, par ex. 09:00', 'must be a time HH:MM such as 09:00'),
    }),
  weekdays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .optional()
    .meta(label('Jours de la semaine', 'Weekdays')),
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
};

/** The refinement of a delay spec that waits for nothing, with its text in both languages. */
export const WAITS_FOR_SOMETHING = {
  message: 'set a positive duration (at least 1 second), a time of day or weekdays',
  path: ['duration'],
  params: {
    i18n: {
      fr: 'indiquez une durée (au moins 1 seconde), une heure ou des jours de la semaine',
      en: 'set a positive duration (at least 1 second), a time of day or weekdays',
    },
  },
};

/** True when a delay spec waits for something: a positive duration, a time of day or weekdays. */
export function waitsForSomething(spec: {
  duration?: number | undefined;
  time?: string;
  weekdays?: number[];
}): boolean {
  return (spec.duration ?? 0) > 0 || spec.time !== undefined || spec.weekdays !== undefined;
}
