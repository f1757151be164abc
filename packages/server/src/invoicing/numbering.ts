import type { Store } from '@swigs/automation-core';
import { createQrReference, createScorReference, isQrIban } from './qr-reference';

/**
 * Allocates the tenant's next invoice number for `year` (`2026-0001`) from the store's atomic counter, so
 * concurrent creations in any number of processes get contiguous, unique numbers. Numbers are allocated at
 * creation (not at send) and never reused: a cancelled invoice keeps its number.
 */
export async function allocateInvoiceNumber(store: Store, userId: string, year: number): Promise<string> {
  const sequence = await store.counters.next(`invoice:${userId}:${year}`);
  return formatInvoiceNumber(year, sequence);
}

/** `2026-0001`; grows past 4 digits rather than wrapping. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The payment reference for an invoice number: a QR reference (mod 10 recursive) with a QR-IBAN,
 * otherwise an ISO 11649 creditor reference (`RF…`), both built from the number's digits.
 */
export function paymentReference(invoiceNumber: string, iban: string): string {
  const digits = invoiceNumber.replace(/\D/g, '');
  return isQrIban(iban) ? createQrReference(digits) : createScorReference(digits);
}
