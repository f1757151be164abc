import { z } from 'zod';
import {
  AmountSchema,
  IdSchema,
  cmsRecordSchema,
  formatIssues,
  refId,
  toCentimes,
  toFrancs,
  type AmountUnit,
} from './cms-values';

/** CMS order statuses that start automations, and the event each fires. Others are logged and skipped. */
export const ORDER_STATUS_EVENTS = {
  pending: 'order.created',
  paid: 'order.paid',
  shipped: 'order.shipped',
  delivered: 'order.delivered',
} as const;
/** A CMS status the bridge maps. */
export type CmsOrderStatus = keyof typeof ORDER_STATUS_EVENTS;
export type OrderEventType = (typeof ORDER_STATUS_EVENTS)[CmsOrderStatus];

const CustomerRefSchema = z
  .object({
    _id: IdSchema.optional(),
    id: IdSchema.optional(),
    email: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    name: z.string().nullish(),
    phone: z.string().nullish(),
  })
  .loose();

const OrderItemSchema = z
  .object({
    product: z.unknown().optional(),
    productId: IdSchema.optional(),
    sku: z.string().nullish(),
    productName: z.string().nullish(),
    name: z.string().nullish(),
    quantity: z.number().nullish(),
    price: AmountSchema.nullish(),
    total: AmountSchema.nullish(),
  })
  .loose();

/** An order as swigs-cms-backend serialises it (Mongo `_id`, `site` reference); unknown fields pass. */
export const CmsOrderSchema = cmsRecordSchema('order', {
  orderNumber: z.union([z.string(), z.number()]).nullish(),
  status: z.string().min(1),
  customer: CustomerRefSchema.nullish(),
  items: z.array(OrderItemSchema).nullish(),
  subtotal: AmountSchema.nullish(),
  total: AmountSchema.nullish(),
  currency: z.string().nullish(),
  payment: z.unknown().optional(),
  shipping: z.unknown().optional(),
});
/** A validated CMS order. */
export type CmsOrder = z.infer<typeof CmsOrderSchema>;

/** One line of `OrderPayload.items`: francs as in the CMS (`price`), exact centimes beside them. */
export interface OrderItemPayload {
  sku: string;
  name: string;
  quantity: number;
  /** Unit price in francs. */
  price: number | null;
  priceCentimes: number | null;
  /** Line total in centimes. */
  totalCentimes: number | null;
  productId: string | null;
}

/**
 * The trigger payload of `order.*` events, the same from the poller and from webhooks. `total` and item
 * `price` are francs (what `@swigs/automation-nodes` templates format), `*Centimes` the exact integer amounts.
 */
export interface OrderPayload {
  orderId: string;
  orderNumber: string;
  status: CmsOrderStatus;
  customer: {
    id: string;
    email: string;
    firstName?: string;
    lastName?: string;
    name?: string;
    phone?: string;
  };
  /** Francs, e.g. 46.98. */
  total: number | null;
  totalCentimes: number | null;
  subtotalCentimes: number | null;
  currency: string;
  items: OrderItemPayload[];
  siteId: string;
  payment?: unknown;
  shipping?: unknown;
  createdAt: string | null;
  /** ISO 8601, UTC, as the CMS stamped it. */
  updatedAt: string;
}

/** What the bridge makes of one raw CMS order. */
export type OrderReading =
  | { kind: 'event'; eventType: OrderEventType; payload: OrderPayload }
  | { kind: 'unknown-status'; orderId: string; status: string }
  | { kind: 'invalid'; reason: string };

/** Validates a raw CMS order and maps its status to the event it fires. */
export function readCmsOrder(raw: unknown, amountUnit: AmountUnit): OrderReading {
  const parsed = CmsOrderSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', reason: formatIssues(parsed.error) };
  const order = parsed.data;
  const orderId = String(order._id ?? order.id);
  const status = order.status.trim().toLowerCase();
  if (!Object.hasOwn(ORDER_STATUS_EVENTS, status)) return { kind: 'unknown-status', orderId, status: order.status };
  const known = status as CmsOrderStatus;
  const customer = order.customer ?? {};
  const name = customer.name ?? ([customer.firstName, customer.lastName].filter(Boolean).join(' ') || undefined);
  const totalCentimes = toCentimes(order.total, amountUnit);
  const payload: OrderPayload = {
    orderId,
    orderNumber: order.orderNumber == null ? orderId : String(order.orderNumber),
    status: known,
    customer: {
      // Keyed by email when the CMS order carries no customer id (guest checkout).
      id: refId(customer._id ?? customer.id) ?? customer.email ?? '',
      email: customer.email ?? '',
      ...(customer.firstName ? { firstName: customer.firstName } : {}),
      ...(customer.lastName ? { lastName: customer.lastName } : {}),
      ...(name ? { name } : {}),
      ...(customer.phone ? { phone: customer.phone } : {}),
    },
    total: toFrancs(totalCentimes),
    totalCentimes,
    subtotalCentimes: toCentimes(order.subtotal, amountUnit),
    currency: (order.currency ?? 'CHF').toUpperCase(),
    items: (order.items ?? []).map((item) => {
      const priceCentimes = toCentimes(item.price, amountUnit);
      const productId = refId(item.productId ?? item.product);
      return {
        sku: typeof item.sku === 'string' ? item.sku : (productId ?? ''),
        name: item.productName ?? item.name ?? '',
        quantity: item.quantity ?? 1,
        price: toFrancs(priceCentimes),
        priceCentimes,
        totalCentimes: toCentimes(item.total, amountUnit),
        productId,
      };
    }),
    siteId: refId(order.siteId ?? order.site) ?? '',
    ...(order.payment != null ? { payment: order.payment } : {}),
    ...(order.shipping != null ? { shipping: order.shipping } : {}),
    createdAt: order.createdAt ? order.createdAt.toISOString() : null,
    updatedAt: order.updatedAt.toISOString(),
  };
  return { kind: 'event', eventType: ORDER_STATUS_EVENTS[known], payload };
}
