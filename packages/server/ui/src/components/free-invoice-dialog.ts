import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Invoice } from '../api/types.js';
import type { AppContext } from '../app-context.js';
import { addDays, formatCentimes, formatChf, todayInZurich } from '../format.js';
import {
  VAT_RATES,
  computeInvoiceTotals,
  lineNetCentimes,
  parseScaled,
  type FreeLineInput,
} from '../invoicing/invoice-totals.js';
import { messageOf } from '../page-element.js';

/** Fired with the created invoice once the server has saved it. */
export class InvoiceCreatedEvent extends Event {
  readonly invoice: Invoice;
  constructor(invoice: Invoice) {
    super('swigs-invoice-created', { bubbles: true, composed: true });
    this.invoice = invoice;
  }
}

const emptyLine = (): FreeLineInput => ({ description: '', quantity: '1', unitPrice: '' });

/**
 * `<swigs-free-invoice-dialog>`: the "Facture libre" modal. Free lines (description, quantity, unit price),
 * live totals computed like the server (integer centimes, VAT, 0.05 rounding), a VAT rate choice.
 * After saving, the server's figures are shown and win.
 */
export class FreeInvoiceDialog extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    projectId: { attribute: false },
    defaultVatRate: { attribute: false },
    paymentTermsDays: { attribute: false },
    lines: { state: true },
    vatRate: { state: true },
    busy: { state: true },
    failure: { state: true },
    saved: { state: true },
  };

  declare ctx: AppContext;
  declare projectId: string;
  declare defaultVatRate: number;
  declare paymentTermsDays: number;
  declare lines: FreeLineInput[];
  declare vatRate: number;
  declare busy: boolean;
  declare failure: string | null;
  declare saved: Invoice | null;

  constructor() {
    super();
    this.projectId = '';
    this.defaultVatRate = 8.1;
    this.paymentTermsDays = 30;
    this.lines = [emptyLine()];
    this.vatRate = 8.1;
    this.busy = false;
    this.failure = null;
    this.saved = null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Opens the modal with one empty line. */
  open(): void {
    this.lines = [emptyLine()];
    this.vatRate = this.defaultVatRate;
    this.failure = null;
    this.saved = null;
    void this.updateComplete.then(() => {
      this.dialog?.showModal();
      this.querySelector<HTMLInputElement>('[name="description-0"]')?.focus();
    });
  }

  close(): void {
    this.dialog?.close();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.querySelector('dialog');
  }

  private setLine(index: number, field: keyof FreeLineInput, value: string): void {
    this.lines = this.lines.map((line, i) => (i === index ? { ...line, [field]: value } : line));
  }

  private async addLine(): Promise<void> {
    this.lines = [...this.lines, emptyLine()];
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`[name="description-${this.lines.length - 1}"]`)?.focus();
  }

  private removeLine(index: number): void {
    this.lines = this.lines.filter((_, i) => i !== index);
    if (this.lines.length === 0) this.lines = [emptyLine()];
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const { t } = this.ctx;
    const filled = this.lines.filter((l) => l.description.trim() || l.unitPrice.trim());
    if (filled.length === 0) {
      this.failure = t('free.needLine');
      return;
    }
    const data = new FormData(e.target as HTMLFormElement);
    const customLines = filled.map((l) => ({
      description: l.description.trim(),
      quantity: (parseScaled(l.quantity, 4) ?? 0) / 10_000,
      unitPrice: (parseScaled(l.unitPrice, 2) ?? 0) / 100,
    }));
    const notes = String(data.get('notes') ?? '').trim();
    const body = {
      invoiceType: 'custom' as const,
      customLines,
      // The server bills by category (the rate follows each supply date); the dialog offers today's rates.
      vatCategory: categoryOf(this.vatRate),
      issueDate: String(data.get('issueDate') ?? ''),
      dueDate: String(data.get('dueDate') ?? ''),
      ...(notes ? { notes } : {}),
    };
    this.busy = true;
    this.failure = null;
    try {
      const invoice = await this.ctx.api.post<Invoice>(
        `/api/projects/${encodeURIComponent(this.projectId)}/invoices`,
        body,
      );
      this.saved = invoice;
      this.ctx.notify(t('free.created', { total: formatChf(invoice.payableTotal) }));
      this.dispatchEvent(new InvoiceCreatedEvent(invoice));
    } catch (err) {
      this.failure = messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const { t } = this.ctx;
    const totals = computeInvoiceTotals(this.lines, this.vatRate);
    const today = todayInZurich();
    const saved = this.saved;
    return html`<dialog class="modal" aria-labelledby="free-title" @close=${() => (this.saved = null)}>
      <form class="stack" @submit=${this.submit} novalidate>
        <header class="modal-head">
          <h2 id="free-title">${t('free.title')}</h2>
          <button type="button" class="btn btn-ghost" aria-label=${t('common.close')} @click=${this.close}>×</button>
        </header>
        <p class="muted">${t('free.intro')}</p>
        <fieldset class="lines">
          <legend class="visually-hidden">${t('free.title')}</legend>
          ${this.lines.map((line, i) => this.renderLine(line, i))}
        </fieldset>
        <button type="button" class="btn" @click=${this.addLine}>+ ${t('free.addLine')}</button>
        <div class="row">
          <label class="field inline">
            <span>${t('free.vatRate')}</span>
            <select name="vatRate" @change=${(e: Event) => (this.vatRate = Number((e.target as HTMLSelectElement).value))}>
              ${VAT_RATES.map(
                (rate) => html`<option value=${rate} ?selected=${this.vatRate === rate}>
                  ${rate === 0 ? t('free.vatNone') : t('free.vatRateOption', { rate: rate.toFixed(1) })}
                </option>`,
              )}
            </select>
          </label>
          <label class="field inline"><span>${t('free.issueDate')}</span><input type="date" name="issueDate" .value=${today} required /></label>
          <label class="field inline"><span>${t('free.dueDate')}</span>
            <input type="date" name="dueDate" .value=${addDays(today, this.paymentTermsDays)} required /></label>
        </div>
        <label class="field"><span>${t('free.notes')}</span><textarea name="notes" rows="2" maxlength="2000"></textarea></label>
        <dl class="totals" aria-live="polite" data-testid="free-totals">
          <div><dt>${t('free.subtotal')}</dt><dd data-total="subtotal">${formatCentimes(totals.subtotal)}</dd></div>
          <div><dt>${t('free.vat', { rate: this.vatRate.toFixed(1) })}</dt><dd data-total="vat">${formatCentimes(totals.vat)}</dd></div>
          <div><dt>${t('free.total')}</dt><dd data-total="total">${formatCentimes(totals.total)}</dd></div>
          ${
            totals.rounding !== 0
              ? html`<div><dt>${t('free.rounding')}</dt><dd data-total="rounding">${formatCentimes(totals.rounding)}</dd></div>`
              : nothing
          }
          <div class="grand"><dt>${t('free.payable')}</dt><dd data-total="payable">${formatCentimes(totals.payable)}</dd></div>
        </dl>
        ${
          saved
            ? html`<p class="alert alert-success" role="status" data-saved-total=${String(saved.payableTotal)}>
              ${saved.number} · ${t('free.created', { total: formatChf(saved.payableTotal) })}
            </p>`
            : nothing
        }
        ${this.failure ? html`<p class="alert alert-error" role="alert">${this.failure}</p>` : nothing}
        <footer class="modal-foot">
          <button type="button" class="btn" @click=${this.close}>${saved ? t('common.close') : t('common.cancel')}</button>
          ${saved ? nothing : html`<button type="submit" class="btn btn-primary" ?disabled=${this.busy}>${t('free.create')}</button>`}
        </footer>
      </form>
    </dialog>`;
  }

  private renderLine(line: FreeLineInput, i: number): TemplateResult {
    const { t } = this.ctx;
    const n = i + 1;
    const net = lineNetCentimes(line.quantity, line.unitPrice);
    const qtyBad = line.quantity.trim() !== '' && parseScaled(line.quantity, 4) === null;
    const priceBad = line.unitPrice.trim() !== '' && parseScaled(line.unitPrice, 2) === null;
    return html`<div class="line" role="group" aria-label=${t('free.line', { n })}>
      <label class="field grow">
        <span>${t('free.description')}</span>
        <input name=${`description-${i}`} .value=${line.description} maxlength="500" required
          @input=${(e: Event) => this.setLine(i, 'description', (e.target as HTMLInputElement).value)} />
      </label>
      <label class="field num">
        <span>${t('free.quantity')}</span>
        <input name=${`quantity-${i}`} inputmode="decimal" .value=${line.quantity} aria-invalid=${qtyBad ? 'true' : 'false'}
          @input=${(e: Event) => this.setLine(i, 'quantity', (e.target as HTMLInputElement).value)} />
      </label>
      <label class="field num">
        <span>${t('free.unitPrice')}</span>
        <input name=${`unitPrice-${i}`} inputmode="decimal" .value=${line.unitPrice} aria-invalid=${priceBad ? 'true' : 'false'}
          @input=${(e: Event) => this.setLine(i, 'unitPrice', (e.target as HTMLInputElement).value)} />
      </label>
      <output class="line-total" aria-label=${t('free.lineTotal')}>${net === null ? '–' : formatCentimes(net)}</output>
      <button type="button" class="btn btn-ghost btn-small" aria-label=${t('free.removeLine', { n })} @click=${() => this.removeLine(i)}>
        ${t('common.delete')}
      </button>
    </div>`;
  }
}

/** The VAT category of one of today's rates offered by the dialog. */
function categoryOf(rate: number): 'standard' | 'reduced' | 'accommodation' | 'exempt' {
  if (rate === 0) return 'exempt';
  if (rate === 2.6) return 'reduced';
  if (rate === 3.8) return 'accommodation';
  return 'standard';
}
