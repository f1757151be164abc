import { z } from 'zod';
import { defineNode, fieldMeta, openRecord } from '@swigs/automation-core';
import { computeWaitUntil } from '../flow/compute-wait';
import { delaySpecShape, WAITS_FOR_SOMETHING, waitsForSomething } from '../flow/delay-spec';
import { triggerPayloadSchemas } from '../trigger-payload-schemas';
import { customerCreated } from './customer-created';
import { CmsTriggerConfigSchema, matchesCms } from './filters';
import { invoiceOverdue } from './invoice-overdue';
import { invoiceCreated, invoicePaid } from './invoice-triggers';
import { orderCreated, orderDelivered, orderPaid, orderShipped } from './order-triggers';
import { projectStatusChanged } from './project-status-changed';

/** Trigger types that are events (fired by the CMS or the server), so another trigger can follow them. */
export const DELAYABLE_EVENTS = Object.keys(triggerPayloadSchemas).filter(
  (type) => !['time.schedule', 'time.delay', 'manual', 'webhook.received'].includes(type),
) as [string, ...string[]];

/** The events a delay can follow, named as their triggers are (forms and problems show these, not the types). */
const EVENT_TITLES = [
  orderCreated,
  orderPaid,
  orderShipped,
  orderDelivered,
  customerCreated,
  projectStatusChanged,
  invoiceCreated,
  invoicePaid,
  invoiceOverdue,
]
  .filter((trigger) => DELAYABLE_EVENTS.includes(trigger.type))
  .map((trigger) => ({ value: trigger.type, label: trigger.title }));

/**
 * Config of `time.delay`: "`duration` `unit` after each `event`", optionally moved to a local `time` and/or
 * `weekdays` as a wait would be (e.g. 3 days after `order.delivered`, at 09:00). The CMS filters (`siteId`,
 * `statusFilter`) and `conditions` apply to the source event's data.
 */
export const TimeDelayConfigSchema = z
  .object({
    event: z.enum(DELAYABLE_EVENTS).meta(fieldMeta({ fr: 'Après l’événement', en: 'After the event' }, EVENT_TITLES)),
    ...delaySpecShape,
    ...CmsTriggerConfigSchema.shape,
  })
  .refine(waitsForSomething, WAITS_FOR_SOMETHING);
export type TimeDelayConfig = z.infer<typeof TimeDelayConfigSchema>;

/**
 * Fires once, a while after each event of another trigger type, with that event's data as its payload. The run
 * is stored when the event arrives (waiting until the delay is over), so it survives restarts, and a repeated
 * delivery of the same event (same dedupe key) starts nothing more.
 */
export const timeDelay = defineNode({
  type: 'time.delay',
  kind: 'trigger',
  version: 1,
  category: 'time',
  title: { fr: 'Délai après un événement', en: 'Delay after an event' },
  description: {
    fr: 'Démarre une fois, un certain temps après chaque événement choisi (par ex. 3 jours après la livraison d’une commande), avec les données de cet événement.',
    en: 'Starts once, a set time after each chosen event (e.g. 3 days after an order is delivered), with that event’s data.',
  },
  configSchema: TimeDelayConfigSchema,
  // The usual case, 3 days after a delivery; the variables follow the chosen event.
  sampleOutput: orderDelivered.sampleOutput,
  outputSchema: (config) => triggerPayloadSchemas[config.event] ?? openRecord(),
  matches: ({ config, payload }) => matchesCms(config, payload),
  delay: {
    sourceEvent: (config) => config.event,
    startAt: ({ config, now }) => computeWaitUntil(now, config),
  },
});
