import { formatSwissAmount } from '@swigs/automation-core/money';
import type { Unit } from '../documents';

/** `1'026.95`: core's one money text without the currency (the PDF's columns and labels name it). */
export const formatChf: (centimes: number) => string = formatSwissAmount;

/** A quantity with at least 2 decimals (`2.50`, `0.3333`), split at the decimal point for alignment. */
export function quantityParts(quantity: number): { whole: string; fraction: string } {
  const [whole = '0', fraction = ''] = String(quantity).split('.');
  return { whole: whole.replace(/\B(?=(\d{3})+(?!\d))/g, "'"), fraction: `.${fraction.padEnd(2, '0')}` };
}

/** How a unit is printed after its quantity. */
export const UNIT_LABELS: Record<Unit, string> = { h: 'h', pce: 'pce', forfait: 'forfait', jour: 'jour', km: 'km' };

/** A rate in basis points as printed: `8.1 %`, `2.6 %`, `0 %`. */
export function formatRate(bp: number): string {
  return `${String(bp / 100)} %`;
}

/** `2026-03-05` → `05.03.2026`. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** A QR reference in blocks of 5 from the right (`21 00000 00003 …`), a creditor reference in blocks of 4. */
export function formatReference(reference: string): string {
  if (reference.startsWith('RF')) return reference.replace(/(.{4})/g, '$1 ').trim();
  const head = reference.length % 5;
  const blocks = reference.slice(head).match(/.{5}/g) ?? [];
  return [reference.slice(0, head), ...blocks].filter(Boolean).join(' ');
}

/** Country names of the addresses printed outside Switzerland (Swiss Post: country on the last line). */
const COUNTRIES: Record<string, string> = {
  FR: 'France',
  DE: 'Allemagne',
  IT: 'Italie',
  AT: 'Autriche',
  LI: 'Liechtenstein',
  BE: 'Belgique',
  LU: 'Luxembourg',
  ES: 'Espagne',
  PT: 'Portugal',
  NL: 'Pays-Bas',
  GB: 'Royaume-Uni',
  US: 'États-Unis',
};

/** The lines of a postal address as printed: street and number, postcode and town (no `CH-`), country abroad. */
export function addressLines(party: {
  street: string;
  buildingNumber: string | null;
  postalCode: string;
  town: string;
  country: string;
}): string[] {
  const lines = [[party.street, party.buildingNumber].filter(Boolean).join(' '), `${party.postalCode} ${party.town}`];
  if (party.country !== 'CH') lines.push(COUNTRIES[party.country] ?? party.country);
  return lines;
}
