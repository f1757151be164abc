import { ConflictError, type Store } from '@swigs/automation-core';
import { Collections, type InvoiceSettingsDoc } from './documents';
import { percentToBasisPoints } from './money';
import type { settingsSchema } from './schemas';
import type { z } from 'zod';

/** Default VAT rate since 1 January 2024: 8.1 %. */
export const DEFAULT_VAT_RATE_BP = 810;
/** Default payment term. */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/** One settings document per tenant, keyed by the tenant id. */
function settingsId(userId: string): string {
  return `invoicing:${userId}`;
}

/** The tenant's invoicing settings, or the defaults when none were saved. */
export async function getInvoiceSettings(store: Store, userId: string): Promise<InvoiceSettingsDoc> {
  const stored = await store.collection<InvoiceSettingsDoc>(Collections.settings).get(userId, settingsId(userId));
  return (
    stored ?? {
      id: settingsId(userId),
      userId,
      companyName: '',
      address: null,
      vatNumber: null,
      iban: null,
      email: null,
      phone: null,
      defaultVatRate: DEFAULT_VAT_RATE_BP,
      paymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS,
      updatedAt: new Date(0),
    }
  );
}

/** Replaces the tenant's settings. */
export async function saveInvoiceSettings(
  store: Store,
  userId: string,
  input: z.output<typeof settingsSchema>,
  now: Date,
): Promise<InvoiceSettingsDoc> {
  const collection = store.collection<InvoiceSettingsDoc>(Collections.settings);
  const doc: InvoiceSettingsDoc = {
    id: settingsId(userId),
    userId,
    companyName: input.companyName,
    address: input.address,
    vatNumber: input.vatNumber,
    iban: input.iban,
    email: input.email,
    phone: input.phone,
    defaultVatRate: percentToBasisPoints(input.defaultVatRate),
    paymentTermsDays: input.paymentTermsDays,
    updatedAt: now,
  };
  const { id: _id, userId: _userId, ...patch } = doc;
  const updated = await collection.update(userId, doc.id, patch);
  if (updated) return updated;
  try {
    return await collection.insert(doc);
  } catch (error) {
    // A concurrent first save won the insert; ours becomes an update.
    if (!(error instanceof Error && (error as ConflictError).code === 'CONFLICT')) throw error;
    return (await collection.update(userId, doc.id, patch)) ?? doc;
  }
}
