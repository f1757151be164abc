import { z } from 'zod';
import { cmsRecordSchema, formatIssues, refId } from './cms-values';

/** A customer as swigs-cms-backend serialises it; unknown fields pass. */
export const CmsCustomerSchema = cmsRecordSchema('customer', {
  email: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  name: z.string().nullish(),
  phone: z.string().nullish(),
  status: z.string().nullish(),
});

/** The trigger payload of `customer.created`: the customer both nested (as order events carry it) and flat. */
export interface CustomerPayload {
  customerId: string;
  customer: { id: string; email: string; firstName?: string; lastName?: string; name?: string; phone?: string };
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  status: string;
  siteId: string;
  createdAt: string | null;
  updatedAt: string;
}

/** What the bridge makes of one raw CMS customer. */
export type CustomerReading =
  | { kind: 'event'; eventType: 'customer.created'; payload: CustomerPayload; createdAt: Date | null }
  | { kind: 'invalid'; reason: string };

/** Validates a raw CMS customer into a `customer.created` candidate. */
export function readCmsCustomer(raw: unknown): CustomerReading {
  const parsed = CmsCustomerSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', reason: formatIssues(parsed.error) };
  const customer = parsed.data;
  const createdAt = customer.createdAt ?? null;
  const id = String(customer._id ?? customer.id);
  const name = customer.name ?? ([customer.firstName, customer.lastName].filter(Boolean).join(' ') || undefined);
  return {
    kind: 'event',
    eventType: 'customer.created',
    createdAt,
    payload: {
      customerId: id,
      customer: {
        id,
        email: customer.email ?? '',
        ...(customer.firstName ? { firstName: customer.firstName } : {}),
        ...(customer.lastName ? { lastName: customer.lastName } : {}),
        ...(name ? { name } : {}),
        ...(customer.phone ? { phone: customer.phone } : {}),
      },
      email: customer.email ?? '',
      firstName: customer.firstName ?? null,
      lastName: customer.lastName ?? null,
      phone: customer.phone ?? null,
      status: customer.status ?? 'active',
      siteId: refId(customer.siteId ?? customer.site) ?? '',
      createdAt: createdAt ? createdAt.toISOString() : null,
      updatedAt: customer.updatedAt.toISOString(),
    },
  };
}
