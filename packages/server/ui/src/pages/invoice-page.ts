import { html, nothing, type TemplateResult } from 'lit';
import type { CreditNote, Invoice, Line, ListAnswer } from '../api/types.js';
import { itemsOf } from '../api/types.js';
import type { Translate } from '../i18n/i18n.js';
import { actionError } from '../components/action-error.js';
import { formatChf, formatDate } from '../format.js';
import {
  invoiceStateBadge,
  renderCreditNotes,
  renderPayments,
  type SettlementActions,
} from '../invoicing/invoice-settlement.js';
import { openCreditNotePdf, openInvoicePdf } from '../invoicing/open-pdf.js';
import { PageElement } from '../page-element.js';
import { href } from '../router.js';

/** `<swigs-invoice-page>`: one invoice with its lines and the server's totals; send, mark paid, cancel, PDF. */
export class InvoicePage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    invoice: { state: true },
    creditNotes: { state: true },
    failure: { state: true },
  };

  declare invoice: Invoice | null;
  declare creditNotes: CreditNote[];
  /** The last action's error, shown under the buttons. */
  declare failure: unknown;

  constructor() {
    super();
    this.invoice = null;
    this.creditNotes = [];
    this.failure = null;
  }

  protected async load(): Promise<void> {
    const id = encodeURIComponent(this.params.id ?? '');
    this.invoice = await this.ctx.api.get<Invoice>(`/api/invoices/${id}`);
    this.creditNotes = itemsOf(await this.ctx.api.get<ListAnswer<CreditNote>>(`/api/invoices/${id}/credit-notes`));
  }

  /** Payments and credit notes: each answers the updated invoice. */
  private readonly settlement: SettlementActions = {
    recordPayment: (body) => void this.settle('payments', body),
    issueCreditNote: (reason) => void this.settle('credit-notes', { reason }),
    openCreditNote: (id) => void this.attempt(() => openCreditNotePdf(this.ctx.api, id)),
  };

  private async settle(path: 'payments' | 'credit-notes', body: unknown): Promise<void> {
    const inv = this.invoice;
    if (!inv) return;
    const answer = await this.attempt(() =>
      this.ctx.api.post<Invoice | { invoice: Invoice; creditNote: CreditNote }>(
        `/api/invoices/${encodeURIComponent(inv.id)}/${path}`,
        body,
      ),
    );
    if (!answer) return;
    if ('creditNote' in answer) {
      this.invoice = answer.invoice;
      this.creditNotes = [...this.creditNotes, answer.creditNote];
    } else this.invoice = answer;
  }

  private async action(name: 'send' | 'paid' | 'cancel'): Promise<void> {
    const inv = this.invoice;
    if (!inv) return;
    const { t } = this.ctx;
    if (
      name === 'cancel' &&
      !(await this.ask(
        t('confirm.cancelInvoice', { number: inv.number || t('invoices.draftNumber') }),
        t('invoices.cancel'),
      ))
    )
      return;
    this.failure = null;
    try {
      this.invoice = await this.ctx.api.post<Invoice>(`/api/invoices/${encodeURIComponent(inv.id)}/${name}`, {});
    } catch (err) {
      this.failure = err;
    }
  }

  private async openPdf(id: string): Promise<void> {
    this.failure = null;
    await openInvoicePdf(this.ctx.api, id).catch((err: unknown) => {
      this.failure = err;
    });
  }

  override render(): TemplateResult {
    const { t, lang } = this.ctx;
    const inv = this.invoice;
    if (!inv) return html`<h1>${t('invoices.title')}</h1>${this.renderState()}`;
    const lines: Line[] = [...inv.events, ...inv.quotes.flatMap((quote) => quote.items), ...inv.customLines];
    return html`<div class="page-head">
        <h1>${t('invoices.number')} ${inv.number || t('invoices.draftNumber')}</h1>
        <div class="row-actions">
          <button type="button" class="btn btn-primary" @click=${() => this.openPdf(inv.id)}>
            ${t('invoices.openPdf', { number: inv.number })}
          </button>
          ${inv.status === 'draft' ? html`<button type="button" class="btn" @click=${() => this.action('send')}>${t('invoices.send')}</button>` : nothing}
          ${inv.status === 'sent' ? html`<button type="button" class="btn" @click=${() => this.action('paid')}>${t('invoices.markPaid')}</button>` : nothing}
          ${
            inv.status === 'draft' || inv.status === 'sent'
              ? html`<button type="button" class="btn btn-danger" @click=${() => this.action('cancel')}>${t('invoices.cancel')}</button>`
              : nothing
          }
          <a class="btn" href=${href(`/projects/${encodeURIComponent(inv.projectId)}`)}>${t('common.back')}</a>
        </div>
      </div>
      ${actionError(this.failure, t)}
      ${this.renderState()}
      <dl class="facts">
        <div><dt>${t('common.status')}</dt><dd>${invoiceStatusLabel(inv.status, t)}</dd></div>
        <div><dt>${t('invoices.type')}</dt><dd>${t(inv.invoiceType === 'custom' ? 'invoices.custom' : 'invoices.standard')}</dd></div>
        <div><dt>${t('invoices.issueDate')}</dt><dd>${formatDate(inv.issueDate, lang)}</dd></div>
        <div><dt>${t('invoices.dueDate')}</dt><dd>${formatDate(inv.dueDate, lang)} ${invoiceStateBadge(inv, t)}</dd></div>
      </dl>
      <table class="table">
        <caption class="visually-hidden">${t('invoices.title')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('free.description')}</th>
            <th scope="col" class="num">${t('free.quantity')}</th>
            <th scope="col" class="num">${t('free.unitPrice')}</th>
            <th scope="col" class="num">${t('free.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          ${lines.map(
            (l) => html`<tr>
              <td>${l.description}</td>
              <td class="num">${l.quantity}</td>
              <td class="num">${formatChf(l.unitPrice)}</td>
              <td class="num">${formatChf(l.total)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <dl class="totals">
        <div><dt>${t('free.subtotal')}</dt><dd data-total="subtotal">${formatChf(inv.subtotal)}</dd></div>
        ${inv.vatBreakdown.map(
          (group) =>
            html`<div><dt>${t('free.vat', { rate: group.rate.toFixed(1) })}</dt><dd data-total="vat">${formatChf(group.vat)}</dd></div>`,
        )}
        <div><dt>${t('free.total')}</dt><dd data-total="total">${formatChf(inv.total)}</dd></div>
        ${inv.roundingAmount ? html`<div><dt>${t('free.rounding')}</dt><dd data-total="rounding">${formatChf(inv.roundingAmount)}</dd></div>` : nothing}
        <div class="grand"><dt>${t('free.payable')}</dt><dd data-total="payable">${formatChf(inv.payableTotal)}</dd></div>
      </dl>
      ${inv.notes ? html`<p>${inv.notes}</p>` : nothing}
      ${renderPayments(inv, t, lang, this.settlement)}
      ${renderCreditNotes(inv, this.creditNotes, t, lang, this.settlement)}`;
  }
}

/** The translated label of an invoice status. */
export function invoiceStatusLabel(status: string, t: Translate): string {
  const known = ['draft', 'sent', 'paid', 'cancelled', 'overdue'] as const;
  return (known as readonly string[]).includes(status)
    ? t(`invoice.status.${status as (typeof known)[number]}`)
    : status;
}
