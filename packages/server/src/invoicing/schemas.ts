import { z } from 'zod';
import { isCalendarDate } from './calendar';
import { PROJECT_STATUSES } from './documents';
import { MAX_CENTIMES, QUANTITY_DECIMALS, toScaled } from './money';
import { isSwissIbanValid } from './qr-reference';

const MAX_CHF = MAX_CENTIMES / 100;

/** A CHF amount with at most 2 decimals. */
export const chfSchema = z
  .number()
  .min(-MAX_CHF)
  .max(MAX_CHF)
  .refine((value) => toScaled(value, 2) !== null, { message: 'Montant en CHF avec au plus 2 décimales' });

/** A quantity (hours, pieces) above 0 with at most 4 decimals. */
export const quantitySchema = z
  .number()
  .positive()
  .max(1_000_000)
  .refine((value) => toScaled(value, QUANTITY_DECIMALS) !== null, {
    message: `Quantité avec au plus ${QUANTITY_DECIMALS} décimales`,
  });

/** A VAT rate in percent (8.1), 0 to 100, at most 2 decimals. */
export const vatRateSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((value) => toScaled(value, 2) !== null, { message: 'Taux de TVA avec au plus 2 décimales' });

/** A calendar date `YYYY-MM-DD`. */
export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: 'Date attendue au format AAAA-MM-JJ' });

const text = (max: number) => z.string().trim().max(max);

/** Optional text fields: a blank string from a form means "none". */
const blankAsNull = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), schema.nullish()).transform((v) => v ?? null);
const id = z.string().min(1).max(100);

/** Structured address (QR-bill type S; limits from the SIX guidelines). */
export const postalAddressSchema = z.object({
  street: text(70).min(1),
  buildingNumber: text(16).nullish().transform((v) => v || null),
  postalCode: text(16).min(1),
  town: text(35).min(1),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { message: 'Code pays ISO à 2 lettres' }).default('CH'),
});

/** The billed customer. */
export const partySchema = postalAddressSchema.extend({
  name: text(70).min(1),
  email: blankAsNull(z.email().max(254)),
});

/** Body of `POST /projects`. */
export const projectCreateSchema = z.object({
  name: text(200).min(1),
  description: text(5000).default(''),
  status: z.enum(PROJECT_STATUSES).default('active'),
  client: partySchema.nullish().transform((v) => v ?? null),
  hourlyRate: chfSchema.nonnegative().nullish().transform((v) => v ?? null),
});

/** Body of `PATCH /projects/:projectId`. */
export const projectUpdateSchema = z
  .object({
    name: text(200).min(1),
    description: text(5000),
    status: z.enum(PROJECT_STATUSES),
    client: partySchema.nullable(),
    hourlyRate: chfSchema.nonnegative().nullable(),
  })
  .partial();

/** Body of `POST /projects/:projectId/events`: hours or an expense. */
export const eventCreateSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hours'),
    description: text(500).min(1),
    date: calendarDateSchema,
    hours: quantitySchema,
    /** Falls back to the project's hourly rate. */
    hourlyRate: chfSchema.nonnegative().optional(),
  }),
  z.object({
    type: z.literal('expense'),
    description: text(500).min(1),
    date: calendarDateSchema,
    amount: chfSchema,
  }),
]);

/** Body of `PATCH /events/:eventId`. */
export const eventUpdateSchema = z
  .object({
    description: text(500).min(1),
    date: calendarDateSchema,
    hours: quantitySchema,
    hourlyRate: chfSchema.nonnegative(),
    amount: chfSchema,
  })
  .partial();

/** A free line as the client sends it; its total is always computed by the server. */
export const lineInputSchema = z.object({
  description: text(500).min(1),
  quantity: quantitySchema,
  unitPrice: chfSchema,
});

/** Body of `POST /projects/:projectId/quotes`. */
export const quoteCreateSchema = z.object({
  title: text(200).min(1),
  lines: z.array(lineInputSchema).min(1).max(500),
  validUntil: calendarDateSchema.nullish().transform((v) => v ?? null),
});

/** Body of `PATCH /quotes/:quoteId`. */
export const quoteUpdateSchema = quoteCreateSchema.partial();

/** Optional body of `POST /quotes/:quoteId/sign`. */
export const quoteSignSchema = z
  .object({ signedBy: text(200).min(1).optional() })
  .optional()
  .transform((v) => v ?? {});

const invoiceCommon = {
  notes: text(2000).optional(),
  dueDate: calendarDateSchema.optional(),
  issueDate: calendarDateSchema.optional(),
  /** Overrides the settings' default VAT rate for this invoice. */
  vatRate: vatRateSchema.optional(),
};

/** The design's standard body (events and signed quotes). */
export const standardInvoiceSchema = z.object({
  invoiceType: z.literal('standard').optional(),
  eventIds: z.array(id).max(1000).default([]),
  quoteIds: z.array(id).max(200).default([]),
  ...invoiceCommon,
});

/** The design's custom body ("Facture libre"). */
export const customInvoiceSchema = z.object({
  invoiceType: z.literal('custom'),
  customLines: z.array(lineInputSchema).max(500).default([]),
  ...invoiceCommon,
});

/** Body of `PATCH /invoices/:invoiceId` (drafts only). */
export const invoiceUpdateSchema = z
  .object({
    notes: text(2000),
    dueDate: calendarDateSchema,
    issueDate: calendarDateSchema,
    vatRate: vatRateSchema,
    customLines: z.array(lineInputSchema).max(500),
  })
  .partial();

/** Body of `PUT /settings/invoicing`. */
export const settingsSchema = z.object({
  companyName: text(70).min(1),
  address: postalAddressSchema,
  vatNumber: blankAsNull(
    z
      .string()
      .trim()
      .regex(/^CHE-\d{3}\.\d{3}\.\d{3}( (TVA|MWST|IVA|VAT))?$/, { message: 'Numéro TVA attendu : CHE-123.456.789 TVA' }),
  ),
  iban: blankAsNull(
    z
      .string()
      .transform((v) => v.replace(/\s+/g, '').toUpperCase())
      .refine(isSwissIbanValid, { message: 'IBAN ou QR-IBAN suisse (CH/LI) invalide' }),
  ),
  email: blankAsNull(z.email().max(254)),
  phone: text(40).nullish().transform((v) => v || null),
  defaultVatRate: vatRateSchema.default(8.1),
  paymentTermsDays: z.number().int().min(0).max(365).default(30),
});

