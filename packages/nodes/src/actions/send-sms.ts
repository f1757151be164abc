import { z } from 'zod';
import { defineNode, NonRetriableError } from '@swigs/automation-core';
import { renderField, validateTemplateFields } from '../shared/templating';

/** Config of `send_sms`; `to` and `body` are templates. `to` must render to an E.164 number (`+41791234567`). */
export const SendSmsConfigSchema = z.object({
  to: z.string().min(1).max(200),
  body: z.string().min(1).max(1600),
  /** Sender id or number; the gateway default when absent. */
  from: z.string().min(1).max(20).optional(),
});

const TEMPLATE_FIELDS = ['to', 'body'] as const;

export interface SendSmsOutput {
  smsId: string;
  to: string;
  duplicate?: true;
  dryRun?: true;
  body?: string;
}

/** Sends a text message through `ports.sms`. */
export const sendSms = defineNode({
  type: 'send_sms',
  kind: 'action',
  version: 1,
  category: 'sms',
  title: { fr: 'Envoyer un SMS', en: 'Send an SMS' },
  description: { fr: 'Envoie un SMS via la passerelle configurée.', en: 'Sends a text message through the configured gateway.' },
  configSchema: SendSmsConfigSchema,
  templateFields: TEMPLATE_FIELDS,
  sampleOutput: { smsId: 'sms_4f2a', to: '+41791234567' } satisfies SendSmsOutput,
  validate: ({ config, variables }) => validateTemplateFields(config, TEMPLATE_FIELDS, variables),
  async execute(ctx): Promise<{ output: SendSmsOutput }> {
    const to = renderField(ctx, ctx.config.to).replace(/[\s.()-]/g, '');
    if (!/^\+[1-9]\d{6,14}$/.test(to)) throw new NonRetriableError(`send_sms: "${to}" is not an E.164 phone number such as +41791234567`);
    const body = renderField(ctx, ctx.config.body).trim();
    if (body === '') throw new NonRetriableError('send_sms: body rendered empty');
    if (ctx.dryRun) return { output: { smsId: '', to, body, dryRun: true as const } };
    const sms = ctx.ports.sms;
    if (!sms) throw new NonRetriableError('send_sms: no SMS port configured (ports.sms)');
    const result = await sms.send({
      to,
      body,
      ...(ctx.config.from !== undefined ? { from: ctx.config.from } : {}),
      idempotencyKey: ctx.idempotencyKey,
      userId: ctx.run.userId,
    });
    return { output: { smsId: result.id, to, ...(result.duplicate ? { duplicate: true as const } : {}) } };
  },
});
