import { SwissQRBill } from 'swissqrbill/pdf';
import type { Data as QrBillData } from 'swissqrbill/types';
import { conflictError } from './errors';
import type { PrintedDocument, PrintedParty } from './printed-document';
import { FONT } from './pdf/fonts';
import { transliterateQrText, unsupportedQrCharacters } from './qr-text';

/**
 * The QR-bill data of a printed invoice for `amount` centimes (the open balance): structured addresses (type S),
 * every text transliterated to the IG 2.3 character set, the frozen reference and message. A character the set
 * cannot carry is a 409 naming the field (input is checked at save time; this guards older documents).
 */
export function qrBillData(doc: PrintedDocument, amount: number): QrBillData {
  const issuer = doc.issuer;
  if (!issuer.iban || !doc.reference) throw conflictError('settings_incomplete');
  const data: QrBillData = {
    currency: 'CHF',
    // Exact: the centimes are an integer, and a 2-decimal value formats exactly with toFixed(2).
    amount: amount / 100,
    creditor: { account: issuer.iban, ...address(issuer, 'issuer') },
    reference: doc.reference,
    ...(doc.paymentMessage ? { message: qrField(doc.paymentMessage, 'paymentMessage') } : {}),
  };
  if (doc.debtor) data.debtor = address(doc.debtor, 'debtor');
  return data;
}

/** The swissqrbill payment part (French, embedded font); its own validation refusing is a 409, not a crash. */
export function createQrBill(doc: PrintedDocument, amount: number): SwissQRBill {
  const data = qrBillData(doc, amount);
  try {
    // The type lists the SIX fonts by name; Arimo is the open, Arial-metric one (see pdf/fonts.ts).
    return new SwissQRBill(data, { language: 'FR', scissors: true, fontName: FONT.regular as 'Arial' });
  } catch (error) {
    // swissqrbill validates against the SIX rules; data it refuses is a state to fix, not a server fault.
    throw conflictError('qr_bill_refused', { reason: error instanceof Error ? error.message : String(error) });
  }
}

function address(party: PrintedParty, prefix: string) {
  return {
    name: qrField(party.name, `${prefix}.name`),
    address: qrField(party.street, `${prefix}.street`),
    ...(party.buildingNumber ? { buildingNumber: qrField(party.buildingNumber, `${prefix}.buildingNumber`) } : {}),
    zip: qrField(party.postalCode, `${prefix}.postalCode`),
    city: qrField(party.town, `${prefix}.town`),
    country: party.country,
  };
}

function qrField(value: string, field: string): string {
  const chars = unsupportedQrCharacters(value);
  if (chars.length > 0) throw conflictError('qr_field_characters', { field, chars: chars.join(' ') });
  return transliterateQrText(value);
}
