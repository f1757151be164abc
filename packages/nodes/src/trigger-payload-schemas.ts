import type { z } from 'zod';
import {
  CustomerPayloadSchema,
  InvoiceOverduePayloadSchema,
  InvoicePayloadSchema,
  ManualPayloadSchema,
  OrderPayloadSchema,
  ProjectStatusPayloadSchema,
  SchedulePayloadSchema,
  WebhookPayloadSchema,
} from './triggers/payloads';

/** The payload schema of each trigger type, for hosts that check events before firing them. */
export const triggerPayloadSchemas: Readonly<Record<string, z.ZodType>> = Object.freeze({
  'order.created': OrderPayloadSchema,
  'order.paid': OrderPayloadSchema,
  'order.shipped': OrderPayloadSchema,
  'order.delivered': OrderPayloadSchema,
  'customer.created': CustomerPayloadSchema,
  'time.schedule': SchedulePayloadSchema,
  'project.status_changed': ProjectStatusPayloadSchema,
  'invoice.created': InvoicePayloadSchema,
  'invoice.paid': InvoicePayloadSchema,
  'invoice.overdue': InvoiceOverduePayloadSchema,
  manual: ManualPayloadSchema,
  'webhook.received': WebhookPayloadSchema,
});
