import type { PrintedDocument } from '../printed-document';
import { FONT } from './fonts';
import { addressLines, formatChf } from './format';
import { PAGE } from './layout';

const MM = 72 / 25.4;

/**
 * The payment part of a draft: the receipt and payment part laid out as the real one (so the draft can be checked),
 * but with no Swiss QR Code at all and marked as a specimen that must not be paid (SIX: specimens must not carry a
 * scannable code). The account shown is the creditor's; the reference is given at sending.
 */
export function drawSpecimenSlip(doc: PDFKit.PDFDocument, printed: PrintedDocument, amount: number, top: number): void {
  const x = (mm: number): number => mm * MM;
  const y = (mm: number): number => top + mm * MM;
  doc.save();
  doc.moveTo(0, top).lineTo(PAGE.width, top).lineWidth(0.75).dash(1, { size: 1 }).strokeColor('black').stroke();
  doc.moveTo(x(62), top).lineTo(x(62), PAGE.height).stroke();
  doc.undash();

  const creditor = [
    printed.issuer.iban ? formatIban(printed.issuer.iban) : 'IBAN manquant',
    printed.issuer.name,
    ...addressLines(printed.issuer),
  ];
  const debtor = printed.debtor ? [printed.debtor.name, ...addressLines(printed.debtor)] : [];

  // Receipt.
  doc.font(FONT.bold).fontSize(11).fillColor('black').text('Récépissé', x(5), y(5), { lineBreak: false });
  block(doc, 'Compte / Payable à', creditor, x(5), y(12), x(52), 6, 8);
  if (debtor.length > 0) block(doc, 'Payable par', debtor, x(5), doc.y + 6, x(52), 6, 8);
  amountBlock(doc, amount, x(5), y(68), 6, 8);

  // Payment part: a crossed-out frame where the QR code would be.
  doc.font(FONT.bold).fontSize(11).text('Section paiement', x(67), y(5), { lineBreak: false });
  const qr = { x: x(67), y: y(17), size: x(46) };
  doc.rect(qr.x, qr.y, qr.size, qr.size).lineWidth(1).strokeColor('#b00020').stroke();
  doc
    .moveTo(qr.x, qr.y)
    .lineTo(qr.x + qr.size, qr.y + qr.size)
    .stroke();
  doc
    .moveTo(qr.x + qr.size, qr.y)
    .lineTo(qr.x, qr.y + qr.size)
    .stroke();
  doc
    .rect(qr.x + 6, qr.y + qr.size / 2 - 20, qr.size - 12, 40)
    .fillColor('white')
    .fill();
  doc.font(FONT.bold).fontSize(10).fillColor('#b00020');
  doc.text('SPÉCIMEN', qr.x, qr.y + qr.size / 2 - 16, { width: qr.size, align: 'center', lineBreak: false });
  doc.font(FONT.regular).fontSize(7.5);
  doc.text('Brouillon : ne pas payer', qr.x, qr.y + qr.size / 2 + 2, {
    width: qr.size,
    align: 'center',
    lineBreak: false,
  });
  doc.fillColor('black').strokeColor('black');
  amountBlock(doc, amount, x(67), y(68), 8, 10);
  block(doc, 'Compte / Payable à', creditor, x(118), y(5), x(87), 8, 10);
  doc
    .font(FONT.bold)
    .fontSize(8)
    .text('Référence', x(118), doc.y + 8, { width: x(87) });
  doc
    .font(FONT.regular)
    .fontSize(10)
    .text('attribuée à l’envoi de la facture', { width: x(87) });
  if (debtor.length > 0) block(doc, 'Payable par', debtor, x(118), doc.y + 8, x(87), 8, 10);

  doc.font(FONT.bold).fontSize(9).fillColor('#b00020');
  doc.text('NE PAS UTILISER POUR LE PAIEMENT', x(118), y(92), { width: x(87), lineBreak: false });
  doc.fillColor('black');
  doc.restore();
}

function block(
  doc: PDFKit.PDFDocument,
  heading: string,
  lines: string[],
  left: number,
  top: number,
  width: number,
  headingSize: number,
  size: number,
): void {
  doc.font(FONT.bold).fontSize(headingSize).text(heading, left, top, { width });
  doc.font(FONT.regular).fontSize(size);
  for (const line of lines) doc.text(line, { width });
}

function amountBlock(doc: PDFKit.PDFDocument, amount: number, left: number, top: number, head: number, size: number) {
  doc.font(FONT.bold).fontSize(head).text('Monnaie', left, top, { lineBreak: false });
  doc.text('Montant', left + 15 * MM, top, { lineBreak: false });
  doc
    .font(FONT.regular)
    .fontSize(size)
    .text('CHF', left, top + head + 4, { lineBreak: false });
  doc.text(formatChf(amount).replace(/'/g, ' '), left + 15 * MM, top + head + 4, { lineBreak: false });
}

function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}
