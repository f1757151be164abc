/** What changes on a document after it is issued, and is printed beside its frozen content. */
export interface DocumentStatus {
  /**
   * `draft`: « BROUILLON » across each page and a specimen payment part; `open`: the payment part for `balance`;
   * `paid`, `cancelled`: no payment part; `credit_note`: a credit note (never a payment part).
   */
  state: 'draft' | 'open' | 'paid' | 'cancelled' | 'credit_note';
  paidAmount: number;
  creditedAmount: number;
  /** Open balance in centimes: the QR-bill's amount. */
  balance: number;
  /** Zurich calendar date of the payment that settled it. */
  paidOn: string | null;
  /** Numbers of the credit notes issued against it. */
  creditNotes: string[];
}
