import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../http/i18n';
import { isCalendarDate } from './calendar';
import { PROJECT_STATUSES, UNITS } from './documents';
import { MAX_CENTIMES, QUANTITY_DECIMALS, toScaled } from './money';
import { isSwissIbanValid } from './qr-reference';
import { unsupportedQrCharacters } from './qr-text';
import { formatVatNumber, isValidUid } from './uid';
import { VAT_CATEGORIES } from './vat-rates';

const MAX_CHF = MAX_CENTIMES / 100;

// Messages written here are keys of the server's message tables, localized by the error handler.

/** A CHF amount with at most 2 decimals. */
export const chfSchema = z
  .number()
  .min(-MAX_CHF)
  .max(MAX_CHF)
  .refine((value) => toScaled(value, 2) !== null, { message: 'chf_decimals' satisfies MessageKey });

/** A quantity (hours, pieces) above 0 with at most 4 decimals. */
export const quantitySchema = z
  .number()
  .positive()
  .max(1_000_000)
  .refine((value) => toScaled(value, QUANTITY_DECIMALS) !== null, {
    message: 'quantity_decimals' satisfies MessageKey,
    params: { decimals: QUANTITY_DECIMALS },
  });

/** A calendar date `YYYY-MM-DD`. */
export const calendarDateSchema = z.string().refine(isCalendarDate, { message: 'calendar_date' satisfies MessageKey });

const text = (max: number) => z.string().trim().max(max);

/** Text the QR-bill carries: refused (naming the field) when a character is outside the IG 2.3 set. */
const qrText = (max: number) =>
  text(max).superRefine((value, ctx) => {
    const chars = unsupportedQrCharacters(value);
    if (chars.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'qr_characters' satisfies MessageKey,
        params: {
          chars: chars
            .map((c) => `« ${c} » (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
            .join(', '),
        },
      });
    }
  });

/** Optional text fields: a blank string from a form means "none". */
const blankAsNull = <S extends z.ZodType>(schema: S) =>
  z
    .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), schema.nullish())
    .transform((v) => v ?? null);
const id = z.string().min(1).max(100);

/** Structured address (QR-bill type S; limits from the SIX guidelines). */
const addressShape = {
  street: qrText(70).min(1),
  buildingNumber: qrText(16)
    .nullish()
    .transform((v) => v || null),
  postalCode: qrText(16).min(1),
  town: qrText(35).min(1),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: 'country_code' satisfies MessageKey })
    .default('CH'),
};

/** A Swiss postcode is written bare (`1204`, never `CH-1204`): the country has its own field. */
function withBarePostcode<T extends { postalCode: string; country: string }>(address: T): T {
  return address.country === 'CH'
    ? { ...address, postalCode: address.postalCode.replace(/^CH\s*-?\s*/i, '') }
    : address;
}

/** Structured address (QR-bill type S; limits and characters from the SIX guidelines). */
export const postalAddressSchema = z.object(addressShape).transform(withBarePostcode);

/** The billed customer. */
export const partySchema = z
  .object({ ...addressShape, name: qrText(70).min(1), email: blankAsNull(z.email().max(254)) })
  .transform(withBarePostcode);

/** Body of `POST /projects`. */
export const projectCreateSchema = z
  .object({
    name: text(200).min(1),
    description: text(5000).default(''),
    status: z.enum(PROJECT_STATUSES).default('active'),
    client: partySchema.nullish().transform((v) => v ?? null),
    hourlyRate: chfSchema
      .nonnegative()
      .nullish()
      .transform((v) => v ?? null),
  })
  .openapi('ProjectCreate');

/** Body of `PATCH /projects/:projectId`. */
export const projectUpdateSchema = z
  .object({
    name: text(200).min(1),
    description: text(5000),
    status: z.enum(PROJECT_STATUSES),
    client: partySchema.nullable(),
    hourlyRate: chfSchema.nonnegative().nullable(),
  })
  .partial()
  .openapi('ProjectUpdate');

/** Body of `POST /projects/:projectId/events`: hours or an expense. */
export const eventCreateSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('hours'),
      description: text(500).min(1),
      date: calendarDateSchema,
      hours: quantitySchema,
      /** Falls back to the project's hourly rate. */
      hourlyRate: chfSchema.nonnegative().optional(),
      vatCategory: z.enum(VAT_CATEGORIES).nullish(),
    }),
    z.object({
      type: z.literal('expense'),
      description: text(500).min(1),
      date: calendarDateSchema,
      amount: chfSchema,
      vatCategory: z.enum(VAT_CATEGORIES).nullish(),
    }),
  ])
  .openapi('EventCreate');

/** Body of `PATCH /events/:eventId`. */
export const eventUpdateSchema = z
  .object({
    description: text(500).min(1),
    date: calendarDateSchema,
    hours: quantitySchema,
    hourlyRate: chfSchema.nonnegative(),
    amount: chfSchema,
    vatCategory: z.enum(VAT_CATEGORIES).nullable(),
  })
  .partial()
  .openapi('EventUpdate');

/**
 * A free line as the client sends it; its total is always computed by the server. `serviceDate` (and
 * `serviceEndDate` for a period) is the date of the supply, which chooses the VAT rate; absent, the invoice date.
 */
export const lineInputSchema = z
  .object({
    description: text(500).min(1),
    quantity: quantitySchema,
    unit: z.enum(UNITS).nullish(),
    unitPrice: chfSchema,
    vatCategory: z.enum(VAT_CATEGORIES).nullish(),
    serviceDate: calendarDateSchema.nullish(),
    serviceEndDate: calendarDateSchema.nullish(),
  })
  .superRefine((line, ctx) => {
    if (!line.serviceEndDate) return;
    if (!line.serviceDate) {
      ctx.addIssue({ code: 'custom', message: 'service_start_missing' satisfies MessageKey, path: ['serviceDate'] });
    } else if (line.serviceEndDate < line.serviceDate) {
      ctx.addIssue({
        code: 'custom',
        message: 'service_end_before_start' satisfies MessageKey,
        path: ['serviceEndDate'],
      });
    }
  })
  .openapi('LineInput');

/** Body of `POST /projects/:projectId/quotes`. */
export const quoteCreateSchema = z
  .object({
    title: text(200).min(1),
    lines: z.array(lineInputSchema).min(1).max(500),
    validUntil: calendarDateSchema.nullish().transform((v) => v ?? null),
  })
  .openapi('QuoteCreate');

/** Body of `PATCH /quotes/:quoteId`. */
export const quoteUpdateSchema = quoteCreateSchema.partial().openapi('QuoteUpdate');

/** Optional body of `POST /quotes/:quoteId/sign`. */
export const quoteSignSchema = z
  .object({ signedBy: text(200).min(1).optional() })
  .optional()
  .transform((v) => v ?? {})
  .openapi('QuoteSign');

const invoiceCommon = {
  notes: text(2000).optional(),
  dueDate: calendarDateSchema.optional(),
  issueDate: calendarDateSchema.optional(),
  /** Category of the lines that name none; default: the settings' default category. */
  vatCategory: z.enum(VAT_CATEGORIES).optional(),
};

/** The design's standard body (events and signed quotes). */
export const standardInvoiceSchema = z
  .object({
    invoiceType: z.literal('standard').optional(),
    eventIds: z.array(id).max(1000).default([]),
    quoteIds: z.array(id).max(200).default([]),
    ...invoiceCommon,
  })
  .openapi('StandardInvoice');

/** The design's custom body ("Facture libre"). */
export const customInvoiceSchema = z
  .object({
    invoiceType: z.literal('custom'),
    customLines: z.array(lineInputSchema).max(500).default([]),
    ...invoiceCommon,
  })
  .openapi('CustomInvoice');

/** Body of `PATCH /invoices/:invoiceId` (drafts only). */
export const invoiceUpdateSchema = z
  .object({
    notes: text(2000),
    dueDate: calendarDateSchema,
    issueDate: calendarDateSchema,
    vatCategory: z.enum(VAT_CATEGORIES),
    customLines: z.array(lineInputSchema).max(500),
  })
  .partial()
  .openapi('InvoiceUpdate');

/** Body of `PUT /settings/invoicing`. */
export const settingsSchema = z
  .object({
    companyName: qrText(70).min(1),
    address: postalAddressSchema,
    /** Default: registered when a VAT number is given. */
    vatRegistered: z.boolean().optional(),
    vatNumber: blankAsNull(
      z
        .string()
        .trim()
        .regex(/^CHE-?\d{3}\.?\d{3}\.?\d{3}(\s*(TVA|MWST|IVA|VAT))?$/i, { message: 'vat_number' satisfies MessageKey })
        .refine(isValidUid, { message: 'vat_number_check' satisfies MessageKey })
        .transform((v) => formatVatNumber(v)!),
    ),
    iban: blankAsNull(
      z
        .string()
        .transform((v) => v.replace(/\s+/g, '').toUpperCase())
        .refine(isSwissIbanValid, { message: 'iban_invalid' satisfies MessageKey }),
    ),
    email: blankAsNull(z.email().max(254)),
    phone: text(40)
      .nullish()
      .transform((v) => v || null),
    defaultVatCategory: z.enum(VAT_CATEGORIES).default('standard'),
    paymentTermsDays: z.number().int().min(0).max(365).default(30),
  })
  .superRefine((settings, ctx) => {
    if (settings.vatRegistered === true && settings.vatNumber === null) {
      ctx.addIssue({ code: 'custom', message: 'vat_number_required' satisfies MessageKey, path: ['vatNumber'] });
    }
    if (settings.vatRegistered === false && settings.vatNumber !== null) {
      ctx.addIssue({ code: 'custom', message: 'vat_number_unregistered' satisfies MessageKey, path: ['vatNumber'] });
    }
  })
  .transform(({ vatRegistered, ...settings }) => ({
    ...settings,
    vatRegistered: vatRegistered ?? settings.vatNumber !== null,
  }))
  .openapi('InvoicingSettingsBody');

/** Body of `POST /invoices/:invoiceId/payments`. */
export const paymentSchema = z
  .object({
    amount: chfSchema.positive(),
    /** Value date; default today (Zurich). */
    date: calendarDateSchema.optional(),
    note: text(500).optional(),
  })
  .openapi('PaymentInput');

/** Body of `POST /invoices/:invoiceId/credit-notes`: parts of the invoice's lines (all that is left when absent). */
export const creditNoteSchema = z
  .object({
    reason: text(500).min(1),
    lines: z
      .array(
        z.object({
          /** Index of the line in print order (events, quote items, free lines). */
          lineIndex: z.number().int().min(0).max(10_000),
          /** Default: what is left of the line. */
          quantity: quantitySchema.optional(),
        }),
      )
      .min(1)
      .max(1000)
      .optional(),
  })
  .openapi('CreditNoteInput');

/** Optional body of `POST /invoices/:invoiceId/cancel`; a sent invoice needs a `reason` (its credit note's). */
export const cancelSchema = z
  .object({ reason: text(500).min(1).optional() })
  .optional()
  .transform((v) => v ?? {})
  .openapi('CancelInput');
