import { z } from 'zod';

const isoDate = z.union([z.iso.datetime({ offset: true }), z.date()]);
/** Invoices carry calendar dates (`2026-03-05`, Europe/Zurich) as well as instants. */
const calendarOrIsoDate = z.union([z.iso.date(), isoDate]);

/** A CMS customer as carried by order and customer events. */
export const CustomerRefSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
});

/**
 * Payload of `order.*` triggers, as the CMS sends it. Amounts (`total`, `items[].price`) are numbers of
 * **francs** (CHF, e.g. `1234.5`), not centimes: pass them to `{{currency}}` as they are.
 */
export const OrderPayloadSchema = z.object({
  orderId: z.string(),
  orderNumber: z.string(),
  status: z.string(),
  customer: CustomerRefSchema,
  total: z.number(),
  currency: z.string().length(3),
  items: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number(), price: z.number() })),
  siteId: z.string(),
  updatedAt: isoDate,
  /** `order.shipped` only, when the CMS knows it. */
  shipping: z
    .object({ carrier: z.string().optional(), trackingNumber: z.string().optional(), trackingUrl: z.string().optional() })
    .optional(),
});
export type OrderPayload = z.infer<typeof OrderPayloadSchema>;

/** Payload of `customer.created`. */
export const CustomerPayloadSchema = z.object({
  customer: CustomerRefSchema,
  status: z.string(),
  siteId: z.string(),
  createdAt: isoDate,
});
export type CustomerPayload = z.infer<typeof CustomerPayloadSchema>;

/** Payload of `project.status_changed`. */
export const ProjectStatusPayloadSchema = z.object({
  projectId: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  client: z.object({ id: z.string().optional(), name: z.string(), email: z.string().optional() }).optional(),
  changedAt: isoDate,
});
export type ProjectStatusPayload = z.infer<typeof ProjectStatusPayloadSchema>;

/**
 * Payload of `invoice.created` and `invoice.paid`. `total` is in francs (for `{{currency}}`), `totalCentimes` the
 * exact integer amount in Rappen as stored.
 */
export const InvoicePayloadSchema = z.object({
  invoiceId: z.string(),
  number: z.string(),
  status: z.string(),
  total: z.number(),
  totalCentimes: z.number().int(),
  currency: z.string().length(3),
  customer: z.object({ id: z.string().optional(), name: z.string(), email: z.string().optional() }),
  issueDate: calendarOrIsoDate,
  dueDate: calendarOrIsoDate,
  paidAt: isoDate.nullable().optional(),
  projectId: z.string().nullable().optional(),
  /** Where the customer can see and pay the invoice, when the server offers it. */
  paymentUrl: z.string().optional(),
});
export type InvoicePayload = z.infer<typeof InvoicePayloadSchema>;

/** Payload of `time.schedule` runs. */
export const SchedulePayloadSchema = z.object({
  /** The cron slot this run is for. */
  scheduledAt: isoDate,
  /** When the engine actually fired it (later than the slot after downtime). */
  firedAt: isoDate,
  cron: z.string(),
  timezone: z.string(),
});

/** Payload of `webhook.received`: the request as the server accepted it (signature headers removed). */
export const WebhookPayloadSchema = z.object({
  method: z.string(),
  headers: z.record(z.string(), z.string()),
  query: z.record(z.string(), z.string()),
  body: z.unknown(),
  receivedAt: isoDate,
});

/** Payload of `manual` runs: whatever the caller passes; the sample shows the usual shape. */
export const ManualPayloadSchema = z.record(z.string(), z.unknown());
