import { z } from 'zod';
import { defineNode, NonRetriableError, PhoneNumberSchema } from '@swigs/automation-core';
import { label } from '../shared/labels';
import { renderField, validateTemplateFields } from '../shared/templating';
import { TEMPLATE_PROBLEM_TEXTS } from '../templates/validate-template';

/** Config of `send_sms`; `to` and `body` are templates. `to` must render to an E.164 number (`+41791234567`). */
export const SendSmsConfigSchema = z.object({
  to: z.string().min(1).max(200).meta(label('Numéro du destinataire', 'Recipient number')),
  body: z.string().min(1).max(1600).meta(label('Message', 'Message')),
  /** Sender id or number; the gateway default when absent. */
  from: z.string().min(1).max(20).optional().meta(label('Expéditeur', 'Sender')),
});

/** What `send_sms` outputs. */
const SendSmsOutputSchema = z.object({
  smsId: z.string().meta(label('Identifiant du SMS', 'SMS id')),
  to: z.string().meta(label('Numéro', 'Number')),
  duplicate: z.literal(true).optional(),
  dryRun: z.literal(true).optional(),
  body: z.string().optional(),
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
  description: {
    fr: 'Envoie un SMS via la passerelle configurée.',
    en: 'Sends a text message through the configured gateway.',
  },
  configSchema: SendSmsConfigSchema,
  templateFields: TEMPLATE_FIELDS,
  outputSchema: SendSmsOutputSchema,
  sampleOutput: { smsId: 'sms_4f2a', to: '+41791234567' } satisfies SendSmsOutput,
  messages: TEMPLATE_PROBLEM_TEXTS,
  validate: ({ config, isKnown }) => validateTemplateFields(config, TEMPLATE_FIELDS, isKnown),
  async execute(ctx): Promise<{ output: SendSmsOutput }> {
    const to = renderField(ctx, ctx.config.to).replace(/[\s.()-]/g, '');
    if (!PhoneNumberSchema.safeParse(to).success)
      throw new NonRetriableError(`send_sms: "${to}" is not an E.164 phone number such as +41791234567`);
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
