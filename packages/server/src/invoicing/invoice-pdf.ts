import PDFDocument from 'pdfkit';
import { SwissQRBill } from 'swissqrbill/pdf';
import type { Data as QrBillData } from 'swissqrbill/types';
import { ConflictError } from '@swigs/automation-core';
import { formatSwissDate, zurichCalendarDate } from './calendar';
import type { InvoiceDoc, InvoiceSettingsDoc, LineDoc, ProjectDoc } from './documents';
import { invoicingMessage, type InvoicingLang } from './messages';
import { basisPointsToPercent } from './money';
import { paymentReference } from './numbering';
import { isQrIban } from './qr-reference';

const MARGIN = 50;
const PAGE_WIDTH = 595.28;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

/** What the PDF shows: the invoice, the creditor's settings and the project it bills. */
export interface InvoicePdfInput {
  invoice: InvoiceDoc;
  settings: InvoiceSettingsDoc;
  project: ProjectDoc | null;
  /** Language of error messages (the PDF itself is French). */
  lang?: InvoicingLang;
}

/**
 * Renders the invoice in French (A4) with a Swiss QR-bill payment part (swissqrbill, language FR, structured
 * addresses) while it is payable (draft or sent). The QR amount is the payable total (rounded to 0.05); the
 * reference is QRR with a QR-IBAN, SCOR otherwise.
 */
export async function renderInvoicePdf({ invoice, settings, project, lang }: InvoicePdfInput): Promise<Buffer> {
  if (!settings.companyName || !settings.address || !settings.iban) {
    throw new ConflictError(invoicingMessage('settings_incomplete', lang));
  }
  // A paid or cancelled invoice must not invite a (second) payment: no payment part then.
  const payable = invoice.status === 'draft' || invoice.status === 'sent';
  const qrBill = payable ? createQrBill(invoice, settings as InvoiceSettingsDoc & { iban: string }, lang) : null;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `Facture ${invoice.number}`, Author: settings.companyName } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  writeHeader(doc, invoice, settings);
  writeLines(doc, invoice);
  writeTotals(doc, invoice);
  if (invoice.notes) doc.moveDown().font('Helvetica').fontSize(9).text(invoice.notes, MARGIN, doc.y, { width: CONTENT_WIDTH });
  if (project) doc.moveDown(0.5).fontSize(8).fillColor('#555').text(`Projet : ${project.name}`, MARGIN).fillColor('black');
  qrBill?.attachTo(doc);
  doc.end();
  return done;
}

/** The QR-bill data of an invoice: structured addresses, payable amount, reference matching the account type. */
export function qrBillData(invoice: InvoiceDoc, settings: InvoiceSettingsDoc & { iban: string }): QrBillData {
  const address = settings.address!;
  const referenceFits = invoice.reference !== null && invoice.reference.startsWith('RF') !== isQrIban(settings.iban);
  const data: QrBillData = {
    currency: 'CHF',
    amount: invoice.payableTotal / 100,
    creditor: {
      account: settings.iban,
      name: settings.companyName,
      address: address.street,
      ...(address.buildingNumber ? { buildingNumber: address.buildingNumber } : {}),
      zip: address.postalCode,
      city: address.town,
      country: address.country,
    },
    reference: referenceFits ? invoice.reference! : paymentReference(invoice.number, settings.iban),
    message: `Facture ${invoice.number}`,
  };
  const customer = invoice.customer;
  if (customer) {
    data.debtor = {
      name: customer.name,
      address: customer.street,
      ...(customer.buildingNumber ? { buildingNumber: customer.buildingNumber } : {}),
      zip: customer.postalCode,
      city: customer.town,
      country: customer.country,
    };
  }
  return data;
}

function createQrBill(invoice: InvoiceDoc, settings: InvoiceSettingsDoc & { iban: string }, lang: InvoicingLang | undefined): SwissQRBill {
  try {
    return new SwissQRBill(qrBillData(invoice, settings), { language: 'FR', scissors: true });
  } catch (error) {
    // swissqrbill validates against the SIX rules; data it refuses is a state to fix, not a server fault.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConflictError(invoicingMessage('qr_bill_refused', lang, { reason }), { cause: error });
  }
}

/** `1'026.95`: Swiss grouping with an apostrophe, always 2 decimals, from centimes. */
export function formatChf(centimes: number): string {
  const sign = centimes < 0 ? '-' : '';
  const abs = Math.abs(centimes);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

function writeHeader(doc: PDFKit.PDFDocument, invoice: InvoiceDoc, settings: InvoiceSettingsDoc): void {
  const address = settings.address!;
  doc.font('Helvetica-Bold').fontSize(14).text(settings.companyName, MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(9);
  doc.text(`${address.street}${address.buildingNumber ? ` ${address.buildingNumber}` : ''}`);
  doc.text(`${address.country}-${address.postalCode} ${address.town}`);
  if (settings.vatNumber) doc.text(settings.vatNumber.includes(' ') ? settings.vatNumber : `${settings.vatNumber} TVA`);
  if (settings.email) doc.text(settings.email);
  if (settings.phone) doc.text(settings.phone);

  const customer = invoice.customer;
  if (customer) {
    doc.fontSize(10).text(customer.name, 330, 140, { width: 215 });
    doc.text(`${customer.street}${customer.buildingNumber ? ` ${customer.buildingNumber}` : ''}`, { width: 215 });
    doc.text(`${customer.country}-${customer.postalCode} ${customer.town}`, { width: 215 });
  }

  doc.font('Helvetica-Bold').fontSize(16).text(`Facture ${invoice.number}`, MARGIN, 220);
  doc.font('Helvetica').fontSize(9);
  doc.text(`Date de facture : ${formatSwissDate(invoice.issueDate)}`);
  doc.text(`Échéance : ${formatSwissDate(invoice.dueDate)}`);
  if (invoice.status === 'draft') doc.fillColor('#b00').text('Brouillon').fillColor('black');
  if (invoice.status === 'cancelled') doc.fillColor('#b00').text('Annulée').fillColor('black');
  if (invoice.status === 'paid' && invoice.paidAt) {
    doc.fillColor('#060').text(`Payée le ${formatSwissDate(zurichCalendarDate(invoice.paidAt))}`).fillColor('black');
  }
  doc.moveDown();
}

const COLUMNS = { description: MARGIN, quantity: 330, unitPrice: 400, total: 475 } as const;

function writeLines(doc: PDFKit.PDFDocument, invoice: InvoiceDoc): void {
  const lines: LineDoc[] = [...invoice.events, ...invoice.quotes, ...invoice.customLines];
  let y = doc.y;
  doc.font('Helvetica-Bold').fontSize(9);
  row(doc, y, 'Description', 'Quantité', 'Prix unitaire', 'Total CHF');
  y += 16;
  doc.moveTo(MARGIN, y - 4).lineTo(PAGE_WIDTH - MARGIN, y - 4).stroke();
  doc.font('Helvetica');
  for (const line of lines) {
    const height = doc.heightOfString(line.description, { width: 270 });
    if (y + height > doc.page.height - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    row(doc, y, line.description, formatQuantity(line.quantity), formatChf(line.unitPrice), formatChf(line.total));
    y += Math.max(height, 12) + 4;
  }
  doc.moveTo(MARGIN, y).lineTo(PAGE_WIDTH - MARGIN, y).stroke();
  doc.y = y + 8;
}

function writeTotals(doc: PDFKit.PDFDocument, invoice: InvoiceDoc): void {
  const rows: [string, string, boolean][] = [['Sous-total', formatChf(invoice.subtotal), false]];
  for (const group of invoice.vatBreakdown) {
    rows.push([`TVA ${formatRate(group.rate)} % sur ${formatChf(group.base)}`, formatChf(group.vat), false]);
  }
  rows.push(['Total TTC', formatChf(invoice.total), true]);
  if (invoice.roundingAmount !== 0) rows.push(['Arrondi', formatChf(invoice.roundingAmount), false]);
  rows.push(['Montant à payer CHF', formatChf(invoice.payableTotal), true]);
  if (doc.y + rows.length * 14 > doc.page.height - MARGIN) {
    doc.addPage();
    doc.y = MARGIN;
  }
  for (const [label, amount, bold] of rows) {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    doc.text(label, 300, y, { width: 170 });
    doc.text(amount, COLUMNS.total, y, { width: PAGE_WIDTH - MARGIN - COLUMNS.total, align: 'right' });
    doc.y = y + 14;
  }
  doc.font('Helvetica');
}

function row(doc: PDFKit.PDFDocument, y: number, description: string, quantity: string, unitPrice: string, total: string): void {
  const right = { align: 'right' as const };
  doc.text(description, COLUMNS.description, y, { width: 270 });
  doc.text(quantity, COLUMNS.quantity, y, { width: 60, ...right });
  doc.text(unitPrice, COLUMNS.unitPrice, y, { width: 70, ...right });
  doc.text(total, COLUMNS.total, y, { width: PAGE_WIDTH - MARGIN - COLUMNS.total, ...right });
}

function formatQuantity(quantity: number): string {
  return String(quantity);
}

function formatRate(bp: number): string {
  return String(basisPointsToPercent(bp));
}
