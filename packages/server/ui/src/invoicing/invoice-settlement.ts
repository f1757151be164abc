import { html, nothing, type TemplateResult } from 'lit';
import type { CreditNote, Invoice } from '../api/types.js';
import type { Lang, Translate } from '../i18n/i18n.js';
import { formatChf, formatDate, todayInZurich } from '../format.js';

/** What the invoice page does when the user records a payment, issues a credit note or opens its PDF. */
export interface SettlementActions {
  recordPayment(body: { amount: number; date: string; note?: string }): void;
  issueCreditNote(reason: string): void;
  openCreditNote(id: string): void;
}

/** Beside the due date of a sent invoice with a balance open: « À payer », or « En retard de n j » in red. */
export function invoiceStateBadge(inv: Invoice, t: Translate): TemplateResult | typeof nothing {
  if (inv.state === 'due')
    return html`<span class="badge badge-pending" data-state="due">${t('invoice.state.due')}</span>`;
  if (inv.state !== 'overdue') return nothing;
  return html`<span class="badge badge-failed" data-state="overdue">${t('invoice.state.overdueDays', { days: inv.daysOverdue })}</span>`;
}

/** Payments received, what is paid, credited and still open, and the form to record a payment. */
export function renderPayments(inv: Invoice, t: Translate, lang: Lang, actions: SettlementActions): TemplateResult {
  if (inv.state === 'draft') return html``;
  const open = inv.state === 'due' || inv.state === 'overdue';
  return html`<section aria-labelledby="payments-title">
    <h2 id="payments-title">${t('invoice.payments.title')}</h2>
    ${
      inv.payments.length === 0
        ? html`<p class="empty">${t('invoice.payments.empty')}</p>`
        : html`<table class="table">
          <thead><tr>
            <th scope="col">${t('invoice.payments.date')}</th>
            <th scope="col">${t('invoice.payments.note')}</th>
            <th scope="col" class="num">${t('invoice.payments.amount')}</th>
          </tr></thead>
          <tbody>${inv.payments.map(
            (p) =>
              html`<tr><td>${formatDate(p.date, lang)}</td><td>${p.note}</td><td class="num">${formatChf(p.amount)}</td></tr>`,
          )}</tbody>
        </table>`
    }
    <dl class="totals">
      <div><dt>${t('invoice.payments.paid')}</dt><dd data-total="paid">${formatChf(inv.paidAmount)}</dd></div>
      ${inv.creditedAmount ? html`<div><dt>${t('invoice.payments.credited')}</dt><dd data-total="credited">${formatChf(inv.creditedAmount)}</dd></div>` : nothing}
      <div class="grand"><dt>${t('invoice.payments.balance')}</dt><dd data-total="balance">${formatChf(inv.balance)}</dd></div>
    </dl>
    ${
      open
        ? html`<form class="row card" aria-label=${t('invoice.payments.record')} @submit=${(e: SubmitEvent) => submitPayment(e, actions)}>
          <label class="field num"><span>${t('invoice.payments.amount')}</span>
            <input name="amount" inputmode="decimal" required .value=${inv.balance.toFixed(2)} /></label>
          <label class="field inline"><span>${t('invoice.payments.date')}</span>
            <input type="date" name="date" required .value=${todayInZurich()} /></label>
          <label class="field grow"><span>${t('invoice.payments.note')}</span><input name="note" maxlength="500" /></label>
          <button type="submit" class="btn">${t('invoice.payments.record')}</button>
        </form>`
        : nothing
    }
  </section>`;
}

/** The invoice's credit notes, each with its PDF, and the form to credit what is left of a sent invoice's lines. */
export function renderCreditNotes(
  inv: Invoice,
  notes: readonly CreditNote[],
  t: Translate,
  lang: Lang,
  actions: SettlementActions,
): TemplateResult {
  if (inv.state === 'draft') return html``;
  const creditable = inv.status === 'sent' || inv.status === 'paid';
  return html`<section aria-labelledby="credit-notes-title">
    <h2 id="credit-notes-title">${t('invoice.creditNotes.title')}</h2>
    ${
      notes.length === 0
        ? html`<p class="empty">${t('invoice.creditNotes.empty')}</p>`
        : html`<table class="table">
          <thead><tr>
            <th scope="col">${t('invoices.number')}</th>
            <th scope="col">${t('invoice.payments.date')}</th>
            <th scope="col">${t('invoice.creditNotes.reason')}</th>
            <th scope="col" class="num">${t('invoice.creditNotes.amount')}</th>
            <th scope="col">${t('invoices.pdf')}</th>
          </tr></thead>
          <tbody>${notes.map(
            (n) => html`<tr>
              <td>${n.number}</td><td>${formatDate(n.issueDate, lang)}</td><td>${n.reason}</td>
              <td class="num">${formatChf(n.payableTotal)}</td>
              <td><button type="button" class="btn btn-small" @click=${() => actions.openCreditNote(n.id)}
                aria-label=${t('invoice.creditNotes.openPdf', { number: n.number })}>${t('invoices.pdf')}</button></td>
            </tr>`,
          )}</tbody>
        </table>`
    }
    ${
      creditable
        ? html`<form class="row card" aria-label=${t('invoice.creditNotes.issue')} @submit=${(e: SubmitEvent) => submitCreditNote(e, actions)}>
          <label class="field grow"><span>${t('invoice.creditNotes.reason')}</span><input name="reason" required maxlength="500" /></label>
          <button type="submit" class="btn btn-danger">${t('invoice.creditNotes.issue')}</button>
        </form>
        <p class="muted">${t('invoice.creditNotes.hint')}</p>`
        : nothing
    }
  </section>`;
}

function submitPayment(event: SubmitEvent, actions: SettlementActions): void {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  // The server checks the amount (positive, 2 decimals) and answers with the field in error.
  const amount = Number(
    String(data.get('amount') ?? '')
      .replace(',', '.')
      .replace(/['\s]/g, ''),
  );
  const note = String(data.get('note') ?? '').trim();
  actions.recordPayment({ amount, date: String(data.get('date') ?? ''), ...(note ? { note } : {}) });
}

function submitCreditNote(event: SubmitEvent, actions: SettlementActions): void {
  event.preventDefault();
  actions.issueCreditNote(String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim());
}
