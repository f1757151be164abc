import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { errorText, label } from '../shared/labels';
import { renderDeep, renderField, validateTemplateFields } from '../shared/templating';
import { TEMPLATE_PROBLEM_TEXTS } from '../templates/validate-template';

/** Headers a response may not set: the server owns framing, cookies and security headers. */
const RESERVED_HEADERS = new Set([
  'connection',
  'content-length',
  'transfer-encoding',
  'set-cookie',
  'strict-transport-security',
  'content-security-policy',
]);

/**
 * Config of `respond_webhook`: the answer a `webhook.received` trigger in `when_finished` mode gives its caller.
 * `body` and header values are templates; `contentType` defaults to JSON when the body is JSON, else plain text.
 */
export const RespondWebhookConfigSchema = z.object({
  status: z.number().int().min(200).max(599).default(200).meta(label('Statut HTTP', 'HTTP status')),
  headers: z
    .record(
      z
        .string()
        .regex(/^[A-Za-z0-9-]+$/, 'invalid header name')
        .meta(errorText('nom d’en-tête invalide (lettres, chiffres, -)', 'invalid header name (letters, digits, -)'))
        .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), {
          message: 'this header is set by the server',
          params: { i18n: { fr: 'cet en-tête est fixé par le serveur', en: 'this header is set by the server' } },
        }),
      z.string().max(4000),
    )
    .default({})
    .meta(label('En-têtes', 'Headers')),
  body: z.string().max(100_000).default('').meta(label('Contenu de la réponse', 'Response body')),
  contentType: z.string().min(1).max(200).optional().meta(label('Type de contenu', 'Content type')),
});

/** What `respond_webhook` outputs: the response, rendered. */
const RespondWebhookOutputSchema = z.object({
  status: z.number().meta(label('Statut HTTP', 'HTTP status')),
  headers: z.record(z.string(), z.string()).meta(label('En-têtes', 'Headers')),
  body: z.string().meta(label('Contenu de la réponse', 'Response body')),
  contentType: z.string().meta(label('Type de contenu', 'Content type')),
});
export type RespondWebhookConfig = z.infer<typeof RespondWebhookConfigSchema>;

/** What `respond_webhook` outputs: the response, rendered. */
export interface RespondWebhookOutput {
  status: number;
  headers: Record<string, string>;
  body: string;
  contentType: string;
}

const TEMPLATE_FIELDS = ['headers', 'body'] as const;

/**
 * Sets the HTTP answer of the webhook call that started the run (n8n's "Respond to Webhook"). It only computes
 * the response; the server sends it once the run finishes (or parks), when the trigger's `responseMode` is
 * `when_finished`. The last `respond_webhook` to run wins.
 */
export const respondWebhook = defineNode({
  type: 'respond_webhook',
  kind: 'action',
  version: 1,
  category: 'integrations',
  title: { fr: 'Répondre au webhook', en: 'Respond to the webhook' },
  description: {
    fr: 'Définit la réponse envoyée à l’appelant du webhook (statut, en-têtes, contenu) quand l’automatisation se termine.',
    en: 'Sets the answer sent to the webhook’s caller (status, headers, body) when the automation finishes.',
  },
  configSchema: RespondWebhookConfigSchema,
  templateFields: TEMPLATE_FIELDS,
  // Pure: the response is computed from the run data; the server sends it.
  sideEffects: false,
  outputSchema: RespondWebhookOutputSchema,
  sampleOutput: {
    status: 200,
    headers: {},
    body: 'Merci Léa, votre demande 1042 est enregistrée.',
    contentType: 'text/plain; charset=utf-8',
  } satisfies RespondWebhookOutput,
  messages: {
    ...TEMPLATE_PROBLEM_TEXTS,
    respond_needs_webhook: {
      fr: 'ne répond qu’à un déclencheur « Webhook reçu » dont la réponse est envoyée « à la fin » (when_finished)',
      en: 'only answers a "Webhook received" trigger whose answer is sent "when finished"',
    },
    respond_after_wait: {
      fr: 'ne peut pas répondre après l’attente « {wait} » : l’appelant a déjà reçu sa réponse (202) ; placez cette étape avant l’attente',
      en: 'cannot answer after the wait "{wait}": the caller already got its answer (202); put this step before the wait',
    },
  },
  validate: ({ config, isKnown, trigger, upstream }) => [
    ...validateTemplateFields(config, TEMPLATE_FIELDS, isKnown),
    // A wait parks the run and the webhook answers 202 then: a response set after it never reaches the caller.
    ...upstream
      .filter((step) => step.kind === 'wait')
      .slice(0, 1)
      .map((step) => ({
        path: [],
        code: 'respond_after_wait',
        params: { wait: step.id },
        message: `respond_webhook cannot answer after the wait "${step.id}"`,
      })),
    ...(answersItsCaller(trigger)
      ? []
      : [
          {
            path: [],
            code: 'respond_needs_webhook',
            message: 'respond_webhook needs a webhook.received trigger with responseMode "when_finished"',
          },
        ]),
  ],
  execute(ctx): { output: RespondWebhookOutput } {
    const body = renderField(ctx, ctx.config.body);
    // A rendered value must stay one header line: CR/LF would split it (header injection).
    const headers = Object.fromEntries(
      Object.entries(renderDeep(ctx, ctx.config.headers) as Record<string, string>).map(([name, value]) => [
        name.toLowerCase(),
        value.replace(/[\r\n]+/g, ' ').trim(),
      ]),
    );
    const contentType =
      ctx.config.contentType ?? (looksLikeJson(body) ? 'application/json' : 'text/plain; charset=utf-8');
    return { output: { status: ctx.config.status, headers, body, contentType } };
  },
});

/** Whether the trigger waits for the run to answer its caller: a webhook in `when_finished` mode. */
function answersItsCaller(trigger: { type: string; config: unknown } | null): boolean {
  if (trigger?.type !== 'webhook.received') return false;
  return (trigger.config as { responseMode?: unknown } | undefined)?.responseMode === 'when_finished';
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}
