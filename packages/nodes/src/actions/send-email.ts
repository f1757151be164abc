import { z } from 'zod';
import {
  fieldMeta,
  defineNode,
  domainOf,
  type EmailTemplate,
  messageIdFor,
  type NodeContext,
  NonRetriableError,
} from '@swigs/automation-core';
import '../ports';
import { renderEmail, type EmailTemplateSource } from '../templates/render-email';
import { parseAddressList } from '../shared/email-addresses';
import { nodeRenderer, renderField, templateData, validateTemplateFields } from '../shared/templating';
import { isSuppressed } from '../shared/suppressions';
import { createUnsubscribeToken, unsubscribeUrl } from '../shared/unsubscribe';
import { label } from '../shared/labels';
import { TEMPLATE_PROBLEM_TEXTS } from '../templates/validate-template';
import { AttachmentsConfigSchema, loadAttachments } from './send-email-attachments';
import { checkSendEmail, SEND_EMAIL_PROBLEM_TEXTS } from './send-email-checks';

/** The two kinds of mail, named for people (forms, problems). */
const CATEGORY_LABELS = [
  { value: 'transactional', label: { fr: 'transactionnel', en: 'transactional' } },
  { value: 'marketing', label: { fr: 'marketing', en: 'marketing' } },
];

/**
 * Config of `send_email`: a stored template (`templateId`) or an inline `subject` + `body`. Address fields are
 * templates and may list several addresses separated by commas.
 */
export const SendEmailConfigSchema = z
  .object({
    templateId: z.string().min(1).max(100).optional().meta(label('Modèle d’e-mail', 'Email template')),
    subject: z.string().min(1).max(500).optional().meta(label('Objet', 'Subject')),
    /** HTML with variables. */
    body: z.string().max(500_000).optional().meta(label('Contenu', 'Body')),
    preheader: z.string().max(300).optional().meta(label('Texte d’aperçu', 'Preheader')),
    /** Hand-written text part; generated from the HTML when absent. */
    text: z.string().max(500_000).optional().meta(label('Version texte', 'Text version')),
    to: z.string().min(1).max(2000).meta(label('Destinataire', 'Recipient')),
    cc: z.string().max(2000).optional().meta(label('Copie', 'Cc')),
    bcc: z.string().max(2000).optional().meta(label('Copie cachée', 'Bcc')),
    replyTo: z.string().max(500).optional().meta(label('Répondre à', 'Reply to')),
    /** Sender; default `ports.email.from`. */
    from: z.string().max(500).optional().meta(label('Expéditeur', 'Sender')),
    /** Default: the template's category, else `transactional`. Marketing mail carries RFC 8058 unsubscribe headers. */
    category: z
      .enum(['transactional', 'marketing'])
      .optional()
      .meta(fieldMeta({ fr: 'Catégorie', en: 'Category' }, CATEGORY_LABELS)),
    /** Wrap the body in the default layout. Default true. */
    useLayout: z.boolean().default(true).meta(label('Mise en page', 'Layout')),
    /** Documents to attach (an invoice's current PDF...). */
    attachments: AttachmentsConfigSchema.optional(),
  })
  .refine((c) => c.templateId !== undefined || (c.subject !== undefined && c.body !== undefined), {
    message: 'either templateId or both subject and body are required',
    path: ['templateId'],
    params: {
      i18n: {
        fr: 'choisissez un modèle, ou écrivez un objet et un contenu',
        en: 'choose a template, or write a subject and a body',
      },
    },
  });

/** What `send_email` outputs (a dry run adds the whole rendered message). */
const SendEmailOutputSchema = z.object({
  messageId: z.string().meta(label('Identifiant du message', 'Message id')),
  to: z.array(z.string()).meta(label('Destinataires', 'Recipients')),
  subject: z.string().meta(label('Objet', 'Subject')),
  category: z.enum(['transactional', 'marketing']).meta(label('Catégorie', 'Category')),
  templateId: z.string().optional(),
  duplicate: z.boolean().optional(),
  skipped: z.literal('unsubscribed').optional(),
  suppressed: z.array(z.string()).optional(),
  dryRun: z.literal(true).optional(),
  from: z.string().optional(),
  cc: z.array(z.string()).optional(),
  bcc: z.array(z.string()).optional(),
  html: z.string().optional(),
  text: z.string().optional(),
  preheader: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  attachments: z
    .array(z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() }))
    .optional()
    .meta(label('Pièces jointes', 'Attachments')),
});
export type SendEmailConfig = z.infer<typeof SendEmailConfigSchema>;

const TEMPLATE_FIELDS = ['subject', 'body', 'preheader', 'text', 'to', 'cc', 'bcc', 'replyTo', 'from'] as const;

/** What `send_email` outputs (and, in a dry run, the whole rendered message). */
export interface SendEmailOutput {
  messageId: string;
  to: string[];
  subject: string;
  category: 'transactional' | 'marketing';
  templateId?: string;
  duplicate?: boolean;
  /** Marketing mail not sent because every recipient unsubscribed. */
  skipped?: 'unsubscribed';
  /** Marketing recipients left out because they unsubscribed. */
  suppressed?: string[];
  dryRun?: true;
  from?: string;
  cc?: string[];
  bcc?: string[];
  html?: string;
  text?: string;
  preheader?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; size: number }[];
}

/** Renders and sends an e-mail through `ports.mail`. */
export const sendEmail = defineNode({
  type: 'send_email',
  kind: 'action',
  version: 1,
  category: 'email',
  title: { fr: 'Envoyer un e-mail', en: 'Send an email' },
  description: {
    fr: 'Envoie un e-mail à partir d’un modèle ou d’un contenu saisi ici.',
    en: 'Sends an email from a stored template or content written here.',
  },
  configSchema: SendEmailConfigSchema,
  templateFields: TEMPLATE_FIELDS,
  outputSchema: SendEmailOutputSchema,
  sampleOutput: {
    messageId: '<3f1c0e8a9b7d6c5e4f3a2b1c0d9e8f7a@boutique.ch>',
    to: ['lea.muller@example.ch'],
    subject: 'Merci pour votre commande n° 1042',
    category: 'transactional',
  } satisfies SendEmailOutput,
  messages: { ...TEMPLATE_PROBLEM_TEXTS, ...SEND_EMAIL_PROBLEM_TEXTS },
  validate: ({ config, isKnown }) => validateTemplateFields(config, TEMPLATE_FIELDS, isKnown),
  validateAsync: checkSendEmail,
  async execute(ctx): Promise<{ output: SendEmailOutput }> {
    const { config } = ctx;
    const template = await loadTemplate(ctx);
    const settings = ctx.ports.email;
    const from = config.from !== undefined ? renderField(ctx, config.from) : settings?.from;
    if (!from) throw new NonRetriableError('send_email: no sender: set "from" or ports.email.from');
    let to = parseAddressList(renderField(ctx, config.to), 'to');
    if (to.length === 0) throw new NonRetriableError('send_email: "to" rendered empty');
    const cc = parseAddressList(config.cc === undefined ? undefined : renderField(ctx, config.cc), 'cc');
    const bcc = parseAddressList(config.bcc === undefined ? undefined : renderField(ctx, config.bcc), 'bcc');
    const replyTo =
      config.replyTo !== undefined ? renderField(ctx, config.replyTo).trim() || undefined : settings?.replyTo;
    if (replyTo !== undefined) parseAddressList(replyTo, 'replyTo');
    const category = config.category ?? template.category ?? 'transactional';

    const headers: Record<string, string> = {};
    let unsubscribe: string | undefined;
    const suppressed: string[] = [];
    if (category === 'marketing') {
      // Checked at send time: an unsubscribe during a 7-day wait still counts.
      const documents = ctx.ports.documents;
      if (!documents) {
        throw new NonRetriableError('send_email: marketing mail needs ports.documents to read unsubscribes');
      }
      const kept: string[] = [];
      for (const address of to) {
        if (await isSuppressed(documents, ctx.run.userId, bareAddress(address))) suppressed.push(bareAddress(address));
        else kept.push(address);
      }
      to = kept;
      if (to.length === 0) {
        return {
          output: {
            messageId: '',
            to: [],
            subject: '',
            category,
            skipped: 'unsubscribed',
            suppressed,
            ...(config.templateId !== undefined ? { templateId: config.templateId } : {}),
          },
        };
      }
      const options = settings?.unsubscribe;
      if (!options || !/^https:\/\//i.test(options.baseUrl)) {
        throw new NonRetriableError(
          'send_email: marketing mail needs ports.email.unsubscribe with an https baseUrl (RFC 8058)',
        );
      }
      const recipient = bareAddress(to[0]!);
      unsubscribe = unsubscribeUrl(
        options.baseUrl,
        createUnsubscribeToken({ userId: ctx.run.userId, recipient, scope: 'marketing' }, options.secret),
      );
      headers['List-Unsubscribe'] = `<${unsubscribe}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }

    const rendered = renderEmail(template, templateData(ctx), {
      renderer: nodeRenderer(),
      ...(config.useLayout ? {} : { layout: null }),
      ...(unsubscribe !== undefined ? { unsubscribeUrl: unsubscribe } : {}),
      ...(settings?.footer !== undefined ? { footer: settings.footer } : {}),
    });
    const messageId = messageIdFor(ctx.idempotencyKey, domainOf(from));
    const base: SendEmailOutput = {
      messageId,
      to,
      subject: rendered.subject,
      category,
      ...(config.templateId !== undefined ? { templateId: config.templateId } : {}),
      ...(suppressed.length > 0 ? { suppressed } : {}),
    };
    if (ctx.dryRun) {
      return {
        output: {
          ...base,
          dryRun: true,
          from,
          cc,
          bcc,
          html: rendered.html,
          text: rendered.text,
          preheader: rendered.preheader,
          headers,
        },
      };
    }
    const mail = ctx.ports.mail;
    if (!mail) throw new NonRetriableError('send_email: no mail port configured (ports.mail)');
    const attachments = await loadAttachments(ctx);
    const result = await mail.send({
      from,
      to,
      ...(cc.length > 0 ? { cc } : {}),
      ...(bcc.length > 0 ? { bcc } : {}),
      ...(replyTo !== undefined ? { replyTo } : {}),
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers,
      idempotencyKey: ctx.idempotencyKey,
      messageId,
      userId: ctx.run.userId,
      category,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
    return {
      output: {
        ...base,
        messageId: result.messageId,
        ...(result.duplicate ? { duplicate: true } : {}),
        ...(attachments.length > 0
          ? {
              attachments: attachments.map((file) => ({
                filename: file.filename,
                contentType: file.contentType,
                size: file.content.byteLength,
              })),
            }
          : {}),
      },
    };
  },
});

function bareAddress(address: string): string {
  return (/<([^>]+)>\s*$/.exec(address)?.[1] ?? address).trim().toLowerCase();
}

async function loadTemplate(
  ctx: NodeContext<SendEmailConfig>,
): Promise<EmailTemplateSource & { category?: EmailTemplate['category'] }> {
  const { config } = ctx;
  if (config.templateId === undefined) {
    return {
      subject: config.subject ?? '',
      body: config.body ?? '',
      ...(config.preheader !== undefined ? { preheader: config.preheader } : {}),
      ...(config.text !== undefined ? { text: config.text } : {}),
    };
  }
  const templates = ctx.ports.templates;
  if (!templates) throw new NonRetriableError('send_email: no template store configured (ports.templates)');
  const stored = await templates.get(ctx.run.userId, config.templateId);
  if (!stored) throw new NonRetriableError(`send_email: email template "${config.templateId}" not found`);
  if (stored.isActive === false)
    throw new NonRetriableError(`send_email: email template "${config.templateId}" is inactive`);
  // Inline fields given beside a template override it (e.g. a subject per automation).
  return {
    subject: config.subject ?? stored.subject,
    body: config.body ?? stored.body,
    preheader: config.preheader ?? stored.preheader ?? '',
    text: config.text ?? stored.text ?? '',
    category: stored.category,
  };
}
