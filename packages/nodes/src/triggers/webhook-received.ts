import { z } from 'zod';
import { defineNode, fieldMeta } from '@swigs/automation-core';
import { errorText, label } from '../shared/labels';
import { triggerConditions } from './filters';
import { WebhookPayloadSchema } from './payloads';

/** HTTP methods a `webhook.received` trigger can accept. */
export const WEBHOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Config of `webhook.received`. `secretRef` names the secret (e.g. an environment variable the server reads),
 * never the secret itself, so it never lands in automations or run logs. The server verifies each request.
 */
export const WebhookTriggerConfigSchema = z.object({
  secretRef: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{2,100}$/, 'must name a secret in UPPER_SNAKE_CASE, e.g. WEBHOOK_SECRET_SHOP')
    .meta({
      ...label('Nom du secret', 'Secret name'),
      ...errorText(
        'doit nommer un secret en MAJUSCULES_AVEC_SOULIGNÉS, par ex. WEBHOOK_SECRET_SHOP',
        'must name a secret in UPPER_SNAKE_CASE, e.g. WEBHOOK_SECRET_SHOP',
      ),
    }),
  /** HTTP methods the webhook URL accepts; others answer 405. Default POST only. */
  methods: z
    .array(z.enum(WEBHOOK_METHODS))
    .min(1)
    .max(WEBHOOK_METHODS.length)
    .refine((methods) => new Set(methods).size === methods.length, {
      message: 'list each method once',
      params: { i18n: { fr: 'chaque méthode une seule fois', en: 'list each method once' } },
    })
    .default(['POST'])
    .meta(label('Méthodes HTTP acceptées', 'Accepted HTTP methods')),
  /**
   * `immediately`: answer 202 with the run id once the run is stored. `when_finished`: run first, then answer
   * what a `respond_webhook` step set (else the last step's output as JSON); past `responseTimeoutMs` the answer
   * is 202 with the run id and the run goes on.
   */
  responseMode: z
    .enum(['immediately', 'when_finished'])
    .default('immediately')
    .meta(
      fieldMeta({ fr: 'Réponse à l’appelant', en: 'Answer to the caller' }, [
        { value: 'immediately', label: { fr: 'tout de suite (202)', en: 'immediately (202)' } },
        { value: 'when_finished', label: { fr: 'à la fin', en: 'when finished' } },
      ]),
    ),
  responseTimeoutMs: z
    .number()
    .int()
    .min(1000)
    .max(120_000)
    .default(30_000)
    .meta(label('Délai de réponse (ms)', 'Response timeout (ms)')),
  ...triggerConditions,
});
export type WebhookTriggerConfig = z.infer<typeof WebhookTriggerConfigSchema>;

/** A generic inbound webhook signed with its own secret. */
export const webhookReceived = defineNode({
  type: 'webhook.received',
  kind: 'trigger',
  version: 1,
  category: 'general',
  title: { fr: 'Webhook reçu', en: 'Webhook received' },
  description: {
    fr: 'Démarre quand un service externe appelle l’URL de webhook de cette automatisation.',
    en: 'Starts when an external service calls this automation’s webhook URL.',
  },
  configSchema: WebhookTriggerConfigSchema,
  outputSchema: WebhookPayloadSchema,
  sampleOutput: {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Stripe/1.0' },
    query: {},
    body: { event: 'subscription.renewed', customerEmail: 'lea.muller@example.ch', amount: 49 },
    receivedAt: '2026-03-02T10:00:00.000Z',
  },
  matches: () => true,
});
