import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { triggerConditions } from './filters';

/**
 * Config of `webhook.received`. `secretRef` names the secret (e.g. an environment variable the server reads),
 * never the secret itself, so it never lands in automations or run logs. The server verifies each request.
 */
export const WebhookTriggerConfigSchema = z.object({
  secretRef: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{2,100}$/, 'must name a secret in UPPER_SNAKE_CASE, e.g. WEBHOOK_SECRET_SHOP'),
  ...triggerConditions,
});

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
  sampleOutput: {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Stripe/1.0' },
    query: {},
    body: { event: 'subscription.renewed', customerEmail: 'lea.muller@example.ch', amount: 49 },
    receivedAt: '2026-03-02T10:00:00.000Z',
  },
  matches: () => true,
});
