/** Languages of the invoicing messages; French is the default and the design's reference. */
export type InvoicingLang = 'fr' | 'en';

type Params = Record<string, string>;

const STATUS: Record<InvoicingLang, Record<string, string>> = {
  fr: { draft: 'un brouillon', sent: 'envoyée', paid: 'payée', cancelled: 'annulée' },
  en: { draft: 'a draft', sent: 'sent', paid: 'paid', cancelled: 'cancelled' },
};

const MESSAGES = {
  nothing_to_bill: {
    fr: () => 'Sélectionnez au moins un événement ou un devis à facturer',
    en: () => 'Select at least one event or quote to invoice',
  },
  no_lines: { fr: () => 'Ajoutez au moins une ligne à la facture', en: () => 'Add at least one line to the invoice' },
  negative_total: { fr: () => 'Le total de la facture ne peut pas être négatif', en: () => 'The invoice total cannot be negative' },
  total_too_large: { fr: () => 'Le total de la facture dépasse 999 999 999.99 CHF', en: () => 'The invoice total exceeds CHF 999,999,999.99' },
  due_before_issue: { fr: () => 'L’échéance ne peut pas précéder la date de facture', en: () => 'The due date cannot be before the issue date' },
  year_locked: {
    fr: (p: Params) => `La date de facture doit rester en ${p.year} (facture ${p.number})`,
    en: (p: Params) => `The issue date must stay in ${p.year} (invoice ${p.number})`,
  },
  not_custom: { fr: () => 'Seules les factures libres ont des lignes modifiables', en: () => 'Only custom invoices have editable lines' },
  quote_not_signed: {
    fr: (p: Params) => `Le devis « ${p.title} » n’est pas signé et ne peut pas être facturé`,
    en: (p: Params) => `Quote "${p.title}" is not signed and cannot be invoiced`,
  },
  invoice_locked: {
    fr: (p: Params) => `La facture ${p.number} est ${STATUS.fr[p.status!]} et ne peut plus être modifiée`,
    en: (p: Params) => `Invoice ${p.number} is ${STATUS.en[p.status!]} and can no longer be changed`,
  },
  invoice_transition: {
    fr: (p: Params) => `La facture ${p.number} est ${STATUS.fr[p.status!]} : action impossible`,
    en: (p: Params) => `Invoice ${p.number} is ${STATUS.en[p.status!]}: action not possible`,
  },
  event_wrong_project: {
    fr: (p: Params) => `L’événement ${p.id} n’appartient pas à ce projet`,
    en: (p: Params) => `Event ${p.id} does not belong to this project`,
  },
  quote_wrong_project: {
    fr: (p: Params) => `Le devis ${p.id} n’appartient pas à ce projet`,
    en: (p: Params) => `Quote ${p.id} does not belong to this project`,
  },
  event_billed: { fr: (p: Params) => `L’événement ${p.id} est déjà facturé`, en: (p: Params) => `Event ${p.id} is already invoiced` },
  quote_billed: { fr: (p: Params) => `Le devis ${p.id} est déjà facturé`, en: (p: Params) => `Quote ${p.id} is already invoiced` },
  event_locked: {
    fr: () => 'Cet événement est déjà facturé et ne peut plus être modifié',
    en: () => 'This event is already invoiced and can no longer be changed',
  },
  hourly_rate_missing: {
    fr: () => 'Indiquez un tarif horaire (le projet n’en a pas)',
    en: () => 'Give an hourly rate (the project has none)',
  },
  quote_signed: { fr: () => 'Ce devis est signé et ne peut plus être modifié', en: () => 'This quote is signed and can no longer be changed' },
  quote_already_signed: { fr: () => 'Ce devis est déjà signé', en: () => 'This quote is already signed' },
  quote_billed_delete: { fr: () => 'Ce devis est facturé et ne peut pas être supprimé', en: () => 'This quote is invoiced and cannot be deleted' },
  project_has_invoices: {
    fr: () => 'Le projet a des factures et ne peut pas être supprimé',
    en: () => 'The project has invoices and cannot be deleted',
  },
  settings_incomplete: {
    fr: () => 'Complétez les réglages de facturation (raison sociale, adresse, IBAN) avant de générer le PDF',
    en: () => 'Complete the invoicing settings (company name, address, IBAN) before generating the PDF',
  },
  qr_bill_refused: { fr: (p: Params) => `QR-facture impossible : ${p.reason}`, en: (p: Params) => `QR-bill not possible: ${p.reason}` },
} as const satisfies Record<string, Record<InvoicingLang, (p: Params) => string>>;

/** Keys of the invoicing messages. */
export type InvoicingMessageKey = keyof typeof MESSAGES;

/** The message `key` in `lang` (French by default). */
export function invoicingMessage(key: InvoicingMessageKey, lang: InvoicingLang = 'fr', params: Params = {}): string {
  return MESSAGES[key][lang](params);
}
