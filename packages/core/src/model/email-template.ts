import { z } from 'zod';

export const EmailCategorySchema = z.enum(['transactional', 'marketing']);
export type EmailCategory = z.infer<typeof EmailCategorySchema>;

/** The design's EmailTemplate, plus a preheader and an optional hand-written text part. */
export const EmailTemplateSchema = z.object({
  id: z.string().min(1).max(100),
  userId: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  subject: z.string().min(1).max(500),
  /** HTML with Handlebars variables. */
  body: z.string().max(500_000),
  preheader: z.string().max(300).default(''),
  /** Plain-text part; generated from `body` when empty. */
  text: z.string().max(500_000).default(''),
  availableVariables: z.array(z.string().max(200)).default([]),
  category: EmailCategorySchema.default('transactional'),
  isActive: z.boolean().default(true),
  createdAt: z.coerce.date().optional(),
  updatedAt: z.coerce.date().optional(),
});
export type EmailTemplate = z.infer<typeof EmailTemplateSchema>;
export type EmailTemplateInput = z.input<typeof EmailTemplateSchema>;
