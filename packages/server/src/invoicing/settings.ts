import type { ConflictError, Store } from '@swigs/automation-core';
import type { z } from 'zod';
import { Collections, type InvoiceSettingsDoc } from './documents';
import type { settingsSchema } from './schemas';
import type { VatCategory } from './vat-rates';

/** Default payment term. */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/** One settings document per tenant, keyed by the tenant id. */
function settingsId(userId: string): string {
  return `invoicing:${userId}`;
}

/** The tenant's invoicing settings, or the defaults when none were saved. */
export async function getInvoiceSettings(store: Store, userId: string): Promise<InvoiceSettingsDoc> {
  const stored = await store.collection<InvoiceSettingsDoc>(Collections.settings).get(userId, settingsId(userId));
  if (!stored) {
    return {
      id: settingsId(userId),
      userId,
      companyName: '',
      address: null,
      vatNumber: null,
      iban: null,
      email: null,
      phone: null,
      vatRegistered: false,
      defaultVatCategory: 'standard',
      paymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS,
      updatedAt: new Date(0),
    };
  }
  // Settings saved before VAT registration was a setting: registered when they had a VAT number.
  return {
    ...stored,
    vatRegistered: stored.vatRegistered ?? stored.vatNumber !== null,
    defaultVatCategory: (stored.defaultVatCategory as VatCategory | undefined) ?? 'standard',
  };
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
    vatNumber: input.vatRegistered ? input.vatNumber : null,
    iban: input.iban,
    email: input.email,
    phone: input.phone,
    vatRegistered: input.vatRegistered,
    defaultVatCategory: input.defaultVatCategory,
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
