import { z } from 'zod';

export const EmailCategorySchema = z.enum(['transactional', 'marketing']);
export type EmailCategory = z.infer<typeof EmailCategorySchema>;

/**
 * Largest email template fields, in characters: a subject is one line, a body or text part a long newsletter (a
 * compiled template takes 100-200 times its source in memory, and compile time grows with it).
 */
export const EMAIL_TEMPLATE_LIMITS = { subject: 1024, preheader: 300, body: 256 * 1024, text: 256 * 1024 } as const;

/** The design's EmailTemplate, plus a preheader and an optional hand-written text part. */
export const EmailTemplateSchema = z.object({
  id: z.string().min(1).max(100),
  userId: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  subject: z.string().min(1).max(EMAIL_TEMPLATE_LIMITS.subject),
  /** HTML with Handlebars variables. */
  body: z.string().max(EMAIL_TEMPLATE_LIMITS.body),
  preheader: z.string().max(EMAIL_TEMPLATE_LIMITS.preheader).default(''),
  /** Plain-text part; generated from `body` when empty. */
  text: z.string().max(EMAIL_TEMPLATE_LIMITS.text).default(''),
  availableVariables: z.array(z.string().max(200)).default([]),
  category: EmailCategorySchema.default('transactional'),
  isActive: z.boolean().default(true),
  createdAt: z.coerce.date().optional(),
  updatedAt: z.coerce.date().optional(),
});
export type EmailTemplate = z.infer<typeof EmailTemplateSchema>;
export type EmailTemplateInput = z.input<typeof EmailTemplateSchema>;
