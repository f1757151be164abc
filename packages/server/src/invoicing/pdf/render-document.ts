import PDFDocument from 'pdfkit';
import type { PrintedDocument, PrintedRow } from '../printed-document';
import { createQrBill } from '../qr-bill';
import type { DocumentStatus } from './document-status';
import { FONT, registerFonts } from './fonts';
import { addressLines, formatChf, formatDate, formatRate, formatReference, quantityParts, UNIT_LABELS } from './format';
import { columnsFor, PAGE, SLIP_HEIGHT, type Columns } from './layout';
import { drawSpecimenSlip } from './specimen-slip';

const BODY = 9;
const ROW_GAP = 5;
const GREY = '#555555';
/** Room kept at the foot of a page that continues, for the « À reporter » row. */
const CARRY_ROOM = 22;

type Line = Extract<PrintedRow, { kind: 'line' }>;

/**
 * Renders an invoice or a credit note (A4, French) from its printed content alone, so a sent document prints the
 * same whatever the settings say today. Every page after the first repeats the number, « page n / m », the column
 * headings and the carried subtotal; a draft says « BROUILLON » across each page and carries a specimen payment part
 * with no QR code; an open invoice carries the Swiss QR-bill for its open balance.
 */
export async function renderDocumentPdf(printed: PrintedDocument, status: DocumentStatus): Promise<Buffer> {
  // Built first: a QR-bill the SIX rules refuse is a 409 before any page is drawn.
  const slip = status.state === 'open' && status.balance > 0 ? createQrBill(printed, status.balance) : null;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: 0, left: PAGE.left, right: PAGE.width - PAGE.right },
    bufferPages: true,
    info: { Title: titleOf(printed), Author: printed.issuer.name },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const columns = columnsFor(printed.vatRegistered);
  const writer = new PageWriter(doc, printed, columns);
  writer.firstPage(status);
  writer.lines();
  writer.totals(status);
  writer.texts();
  if (slip) {
    writer.ensureAbove(PAGE.height - SLIP_HEIGHT - 6);
    // swissqrbill checks the cursor for room; the room was just made.
    doc.y = PAGE.height - SLIP_HEIGHT;
    slip.attachTo(doc, 0, PAGE.height - SLIP_HEIGHT);
  } else if (status.state === 'draft' && printed.kind === 'invoice') {
    writer.ensureAbove(PAGE.height - SLIP_HEIGHT - 6);
    drawSpecimenSlip(doc, printed, status.balance, PAGE.height - SLIP_HEIGHT);
  }
  writer.finish(status);
  doc.end();
  return done;
}

/** The document's title: `Facture 2026-0001`, `Note de crédit NC-2026-0001`. */
export function titleOf(printed: PrintedDocument): string {
  return printed.kind === 'invoice' ? `Facture ${printed.number}` : `Note de crédit ${printed.number}`;
}

/** Draws the pages top to bottom, carrying the running subtotal across page breaks. */
class PageWriter {
  #y = 0;
  #carried = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly printed: PrintedDocument,
    private readonly columns: Columns,
  ) {}

  firstPage(status: DocumentStatus): void {
    const { doc, printed } = this;
    const issuer = printed.issuer;
    doc
      .font(FONT.bold)
      .fontSize(14)
      .fillColor('black')
      .text(issuer.name, PAGE.left, PAGE.top + 5, { width: 260 });
    doc.font(FONT.regular).fontSize(BODY);
    for (const line of addressLines(issuer)) doc.text(line, { width: 260 });
    if (issuer.vatNumber) doc.text(issuer.vatNumber, { width: 260 });
    if (issuer.email) doc.text(issuer.email, { width: 260 });
    if (issuer.phone) doc.text(issuer.phone, { width: 260 });

    if (printed.debtor) {
      doc.font(FONT.regular).fontSize(10).text(printed.debtor.name, 330, 142, { width: 215 });
      for (const line of addressLines(printed.debtor)) doc.text(line, { width: 215 });
    }

    doc.font(FONT.bold).fontSize(16).text(titleOf(printed), PAGE.left, 235, { width: 330 });
    doc.font(FONT.regular).fontSize(BODY);
    const meta: [string, string][] = [];
    if (printed.kind === 'invoice') {
      meta.push(['Date de facture', formatDate(printed.issueDate)]);
      if (printed.dueDate) meta.push(['Échéance', formatDate(printed.dueDate)]);
      if (printed.reference) meta.push(['Référence', formatReference(printed.reference)]);
    } else {
      meta.push(['Date', formatDate(printed.issueDate)]);
      if (printed.relatesTo) {
        meta.push([
          'Se rapporte à',
          `facture ${printed.relatesTo.number} du ${formatDate(printed.relatesTo.issueDate)}`,
        ]);
      }
      if (printed.reason) meta.push(['Motif', printed.reason]);
    }
    if (printed.projectName) meta.push(['Projet', printed.projectName]);
    let y = doc.y + 4;
    for (const [label, value] of meta) {
      doc.font(FONT.regular).fillColor(GREY).text(`${label} :`, PAGE.left, y, { width: 90 });
      doc.fillColor('black').text(value, PAGE.left + 92, y, { width: 300 });
      y = Math.max(doc.y, y + 12);
    }
    const stamp = stampOf(status);
    if (stamp) {
      doc
        .font(FONT.bold)
        .fontSize(11)
        .fillColor(stamp.color)
        .text(stamp.text, 330, 242, { width: 215, align: 'right' });
      doc.fillColor('black');
    }
    this.#y = y + 14;
    this.headings();
  }

  lines(): void {
    const rows = this.printed.rows;
    rows.forEach((row, index) => {
      const height = this.rowHeight(row);
      // A heading is never left alone at the foot of a page.
      const next = rows[index + 1];
      const keep = row.kind === 'heading' && next ? this.rowHeight(next) : 0;
      if (this.#y + height + keep > PAGE.bottom - CARRY_ROOM) this.pageBreak(true);
      this.drawRow(row);
      this.#y += height;
      if (row.kind === 'line') this.#carried += row.total;
    });
    this.rule(this.#y + 1);
    this.#y += 10;
  }

  totals(status: DocumentStatus): void {
    const { printed } = this;
    const credit = printed.kind === 'credit_note';
    const rows: [string, string, boolean][] = [['Sous-total', formatChf(printed.subtotal), false]];
    if (printed.vatRegistered) {
      for (const group of printed.vatBreakdown) {
        rows.push([`TVA ${formatRate(group.rate)} sur ${formatChf(group.base)}`, formatChf(group.vat), false]);
      }
    }
    rows.push([printed.vatRegistered ? 'Total TVA incluse' : 'Total', formatChf(printed.total), true]);
    if (printed.roundingAmount !== 0) rows.push(['Arrondi', formatChf(printed.roundingAmount), false]);
    rows.push([credit ? 'Montant crédité CHF' : 'Montant à payer CHF', formatChf(printed.payableTotal), true]);
    if (!credit && (status.paidAmount > 0 || status.creditedAmount > 0)) {
      if (status.paidAmount > 0) rows.push(['Déjà payé', formatChf(-status.paidAmount), false]);
      if (status.creditedAmount > 0) {
        rows.push([`Crédité (${status.creditNotes.join(', ')})`, formatChf(-status.creditedAmount), false]);
      }
      rows.push(['Solde à payer CHF', formatChf(status.balance), true]);
    }
    const summary = printed.vatRegistered && printed.vatBreakdown.length > 0 ? printed.vatBreakdown.length + 2 : 0;
    this.ensure(Math.max(rows.length, summary) * 14 + 10);
    const top = this.#y;
    const { doc } = this;
    for (const [label, amount, bold] of rows) {
      doc
        .font(bold ? FONT.bold : FONT.regular)
        .fontSize(BODY)
        .fillColor('black');
      doc.text(label, 305, this.#y, { width: 170 });
      doc.text(amount, this.columns.total.x, this.#y, { width: this.columns.total.width, align: 'right' });
      this.#y += 14;
    }
    if (summary > 0) this.vatSummary(top);
    this.#y += 8;
  }

  texts(): void {
    const { doc, printed } = this;
    const blocks: { text: string; color: string }[] = [];
    if (printed.kind === 'invoice' && printed.paymentTerms && printed.dueDate) {
      blocks.push({
        text: `Conditions de paiement : ${printed.paymentTerms}, au plus tard le ${formatDate(printed.dueDate)}.`,
        color: 'black',
      });
    }
    if (printed.kind === 'credit_note' && printed.relatesTo) {
      blocks.push({
        text: `Ce montant est déduit de la facture ${printed.relatesTo.number} ; la TVA est corrigée aux taux de la facture d’origine.`,
        color: 'black',
      });
    }
    if (printed.notes) blocks.push({ text: printed.notes, color: 'black' });
    if (printed.vatRegistered && printed.issuer.vatNumber) {
      blocks.push({
        text: `Les taux de TVA sont ceux en vigueur à la date de chaque prestation. ${printed.issuer.vatNumber}.`,
        color: GREY,
      });
    }
    for (const block of blocks) {
      doc.font(FONT.regular).fontSize(8.5);
      const height = doc.heightOfString(block.text, { width: PAGE.right - PAGE.left });
      this.ensure(height + 6);
      doc.fillColor(block.color).text(block.text, PAGE.left, this.#y, { width: PAGE.right - PAGE.left });
      this.#y = doc.y + 6;
    }
    doc.fillColor('black');
  }

  /** Starts a new page when less than `height` is left on this one. */
  ensure(height: number): void {
    if (this.#y + height > PAGE.bottom) this.pageBreak(false);
  }

  /** Starts a new page unless the content so far ends above `y` (room for the payment part below it). */
  ensureAbove(y: number): void {
    if (this.#y > y) this.pageBreak(false);
  }

  /** Page numbers (now that the count is known) and, on drafts, « BROUILLON » across each page. */
  finish(status: DocumentStatus): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = 0; index < range.count; index++) {
      doc.switchToPage(range.start + index);
      doc.font(FONT.regular).fontSize(8).fillColor(GREY);
      doc.text(`page ${index + 1} / ${range.count}`, 330, 22, {
        width: PAGE.right - 330,
        align: 'right',
        lineBreak: false,
      });
      if (status.state === 'draft') watermark(doc);
      doc.fillColor('black');
    }
  }

  private pageBreak(carry: boolean): void {
    const { doc } = this;
    if (carry) {
      this.rule(this.#y + 1);
      this.amountRow('À reporter', this.#carried, this.#y + 5);
    }
    doc.addPage();
    doc.font(FONT.bold).fontSize(10).fillColor('black');
    doc.text(titleOf(this.printed), PAGE.left, PAGE.top, { width: 280, lineBreak: false });
    doc.font(FONT.regular).fontSize(8).fillColor(GREY);
    doc.text(this.printed.issuer.name, PAGE.left, PAGE.top + 14, { width: 280, lineBreak: false });
    doc.fillColor('black');
    this.#y = PAGE.top + 36;
    if (carry) {
      this.headings();
      this.amountRow('Report', this.#carried, this.#y);
      this.#y += 16;
    }
  }

  private headings(): void {
    const { doc, columns } = this;
    const y = this.#y;
    doc.font(FONT.bold).fontSize(8.5).fillColor('black');
    doc.text('Date', columns.date.x, y, { width: columns.date.width, lineBreak: false });
    doc.text('Description', columns.description.x, y, { width: columns.description.width, lineBreak: false });
    doc.text('Quantité', columns.quantityPoint - 50, y, {
      width: 50 + columns.unit.width,
      align: 'right',
      lineBreak: false,
    });
    doc.text('Prix unit.', columns.unitPrice.x, y, {
      width: columns.unitPrice.width,
      align: 'right',
      lineBreak: false,
    });
    if (columns.vat) doc.text('TVA', columns.vat.x, y, { width: columns.vat.width, align: 'right', lineBreak: false });
    doc.text('Montant CHF', columns.total.x, y, { width: columns.total.width, align: 'right', lineBreak: false });
    this.rule(y + 13);
    this.#y = y + 18;
  }

  private rowHeight(row: PrintedRow): number {
    const { doc, columns } = this;
    if (row.kind === 'heading') {
      doc.font(FONT.bold).fontSize(BODY);
      return doc.heightOfString(row.text, { width: PAGE.right - PAGE.left }) + ROW_GAP + 2;
    }
    doc.font(FONT.regular).fontSize(BODY);
    const description = doc.heightOfString(row.description, { width: columns.description.width });
    const dateLines = row.serviceEndDate ? 2 : 1;
    return Math.max(description, dateLines * 11) + ROW_GAP;
  }

  private drawRow(row: PrintedRow): void {
    const { doc, columns } = this;
    const y = this.#y;
    if (row.kind === 'heading') {
      doc.font(FONT.bold).fontSize(BODY).fillColor('black');
      doc.text(row.text, PAGE.left, y + 2, { width: PAGE.right - PAGE.left });
      return;
    }
    this.drawLine(row, y, columns);
  }

  private drawLine(line: Line, y: number, columns: Columns): void {
    const { doc } = this;
    doc.font(FONT.regular).fontSize(8.5).fillColor(GREY);
    if (line.serviceDate) {
      const dates = line.serviceEndDate
        ? `${formatDate(line.serviceDate)}\n– ${formatDate(line.serviceEndDate)}`
        : formatDate(line.serviceDate);
      doc.text(dates, columns.date.x, y, { width: columns.date.width + 4, lineGap: 0.5 });
    }
    doc.font(FONT.regular).fontSize(BODY).fillColor('black');
    doc.text(line.description, columns.description.x, y, { width: columns.description.width });
    const quantity = quantityParts(line.quantity);
    doc.text(quantity.whole, columns.quantityPoint - 40, y, { width: 40, align: 'right', lineBreak: false });
    doc.text(quantity.fraction, columns.quantityPoint, y, { lineBreak: false });
    if (line.unit) doc.text(UNIT_LABELS[line.unit], columns.unit.x, y, { width: columns.unit.width, lineBreak: false });
    const right = { align: 'right' as const, lineBreak: false };
    doc.text(formatChf(line.unitPrice), columns.unitPrice.x, y, { width: columns.unitPrice.width, ...right });
    if (columns.vat) doc.text(formatRate(line.vatRate), columns.vat.x, y, { width: columns.vat.width, ...right });
    doc.text(formatChf(line.total), columns.total.x, y, { width: columns.total.width, ...right });
  }

  private amountRow(label: string, centimes: number, y: number): void {
    const { doc, columns } = this;
    doc.font(FONT.bold).fontSize(8.5).fillColor('black');
    doc.text(label, columns.description.x, y, { width: 200, lineBreak: false });
    doc.text(formatChf(centimes), columns.total.x, y, { width: columns.total.width, align: 'right', lineBreak: false });
  }

  /** « Récapitulatif TVA »: base, VAT and total per rate, beside the totals. */
  private vatSummary(top: number): void {
    const { doc, printed } = this;
    const x = [PAGE.left, PAGE.left + 48, PAGE.left + 120, PAGE.left + 180];
    doc.font(FONT.bold).fontSize(8).fillColor('black');
    doc.text('Récapitulatif TVA', x[0]!, top, { width: 200, lineBreak: false });
    let y = top + 13;
    doc.font(FONT.regular).fontSize(8).fillColor(GREY);
    doc.text('Taux', x[0]!, y, { width: 40, lineBreak: false });
    doc.text('Base', x[1]!, y, { width: 62, align: 'right', lineBreak: false });
    doc.text('TVA', x[2]!, y, { width: 52, align: 'right', lineBreak: false });
    doc.text('Total', x[3]!, y, { width: 62, align: 'right', lineBreak: false });
    doc.fillColor('black');
    for (const group of printed.vatBreakdown) {
      y += 12;
      doc.text(formatRate(group.rate), x[0]!, y, { width: 40, lineBreak: false });
      doc.text(formatChf(group.base), x[1]!, y, { width: 62, align: 'right', lineBreak: false });
      doc.text(formatChf(group.vat), x[2]!, y, { width: 52, align: 'right', lineBreak: false });
      doc.text(formatChf(group.base + group.vat), x[3]!, y, { width: 62, align: 'right', lineBreak: false });
    }
    this.#y = Math.max(this.#y, y + 14);
  }

  private rule(y: number): void {
    this.doc.moveTo(PAGE.left, y).lineTo(PAGE.right, y).lineWidth(0.5).strokeColor('#999999').stroke();
    this.doc.strokeColor('black');
  }
}

function stampOf(status: DocumentStatus): { text: string; color: string } | null {
  if (status.state === 'draft') return { text: 'BROUILLON, non envoyée', color: '#b00020' };
  if (status.state === 'paid') {
    return { text: status.paidOn ? `Payée le ${formatDate(status.paidOn)}` : 'Payée', color: '#1a7f37' };
  }
  if (status.state === 'cancelled') {
    const by = status.creditNotes.length > 0 ? ` par ${status.creditNotes.join(', ')}` : '';
    return { text: `Annulée${by}`, color: '#b00020' };
  }
  return null;
}

function watermark(doc: PDFKit.PDFDocument): void {
  doc.save();
  doc.rotate(-45, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.font(FONT.bold).fontSize(96).fillColor('#c62828').fillOpacity(0.14);
  doc.text('BROUILLON', 0, PAGE.height / 2 - 55, { width: PAGE.width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}
