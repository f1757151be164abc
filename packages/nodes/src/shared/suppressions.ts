import { createHash } from 'node:crypto';
import type { DocumentStore, StoredDocument } from '@swigs/automation-core';

/** Store collection of unsubscribed addresses, per tenant. */
export const SUPPRESSIONS_COLLECTION = 'suppressions';

/** An address that must not receive mail of `scope` (written by the unsubscribe endpoint). */
export interface Suppression extends StoredDocument {
  email: string;
  scope: string;
  createdAt: Date;
}

/** The document id of a suppression: one per (address, scope), so unsubscribing twice is harmless. */
export function suppressionId(email: string, scope = 'marketing'): string {
  return `sup_${createHash('sha256').update(`${scope}:${email.trim().toLowerCase()}`).digest('hex').slice(0, 24)}`;
}

/** Records that `email` unsubscribed from `scope`; true when it was new. */
export async function addSuppression(
  store: DocumentStore,
  input: { userId: string; email: string; scope?: string; at?: Date },
): Promise<boolean> {
  const scope = input.scope ?? 'marketing';
  const collection = store.collection<Suppression>(SUPPRESSIONS_COLLECTION);
  const id = suppressionId(input.email, scope);
  if (await collection.get(input.userId, id)) return false;
  try {
    await collection.insert({
      id,
      userId: input.userId,
      email: input.email.trim().toLowerCase(),
      scope,
      createdAt: input.at ?? new Date(),
    });
    return true;
  } catch {
    return false;
  }
}

/** True when `email` unsubscribed from `scope` for this tenant. */
export async function isSuppressed(
  store: DocumentStore,
  userId: string,
  email: string,
  scope = 'marketing',
): Promise<boolean> {
  return (
    (await store.collection<Suppression>(SUPPRESSIONS_COLLECTION).get(userId, suppressionId(email, scope))) !== null
  );
}
