import { html, nothing, type TemplateResult } from 'lit';
import { itemsOf, type Invoice, type ListAnswer, type Project, type ProjectEvent, type Quote } from '../api/types.js';
import type { FreeInvoiceDialog } from '../components/free-invoice-dialog.js';
import { formatChf, formatDate, todayInZurich } from '../format.js';
import { openInvoicePdf } from '../invoicing/open-pdf.js';
import { PageElement, messageOf } from '../page-element.js';
import { href } from '../router.js';
import { invoiceStatusLabel } from './invoice-page.js';
import { projectStatusLabel } from './projects-page.js';

const PROJECT_STATUSES = ['draft', 'active', 'on_hold', 'completed', 'archived'];

interface Settings {
  defaultVatRate?: number;
  paymentTermsDays?: number;
}

/** `<swigs-project-page>`: one project: hours and expenses, quotes, invoices and the "Facture libre" modal. */
export class ProjectPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    project: { state: true },
    events: { state: true },
    quotes: { state: true },
    invoices: { state: true },
    settings: { state: true },
    selectedEvents: { state: true },
    selectedQuotes: { state: true },
  };

  declare project: Project | null;
  declare events: ProjectEvent[];
  declare quotes: Quote[];
  declare invoices: Invoice[];
  declare settings: Settings;
  declare selectedEvents: Set<string>;
  declare selectedQuotes: Set<string>;

  constructor() {
    super();
    this.project = null;
    this.events = [];
    this.quotes = [];
    this.invoices = [];
    this.settings = {};
    this.selectedEvents = new Set();
    this.selectedQuotes = new Set();
  }

  private get base(): string {
    return `/api/projects/${encodeURIComponent(this.params.id ?? '')}`;
  }

  protected async load(): Promise<void> {
    const { api } = this.ctx;
    const [project, events, quotes, invoices, settings] = await Promise.all([
      api.get<Project>(this.base),
      api.get<ListAnswer<ProjectEvent>>(`${this.base}/events`),
      api.get<ListAnswer<Quote>>(`${this.base}/quotes`),
      api.get<ListAnswer<Invoice>>(`${this.base}/invoices`),
      api.get<Settings>('/api/settings/invoicing').catch(() => ({})),
    ]);
    this.project = project;
    this.events = itemsOf(events);
    this.quotes = itemsOf(quotes);
    this.invoices = itemsOf(invoices);
    this.settings = settings;
    this.selectedEvents = new Set();
    this.selectedQuotes = new Set();
  }

  private async setStatus(status: string): Promise<void> {
    const updated = await this.attempt(() => this.ctx.api.patch<Project>(this.base, { status }));
    if (updated) this.project = updated;
  }

  private async addEvent(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const str = (k: string): string => String(data.get(k) ?? '').trim();
    const num = (k: string): number => Number(str(k).replace(/['’]/g, '').replace(',', '.'));
    const type = str('type') === 'expense' ? 'expense' : 'hours';
    const body =
      type === 'hours'
        ? { type, description: str('description'), date: str('date'), hours: num('quantity'), ...(str('unitPrice') ? { hourlyRate: num('unitPrice') } : {}) }
        : { type, description: str('description'), date: str('date'), amount: num('unitPrice') };
    const created = await this.attempt(() => this.ctx.api.post<ProjectEvent>(`${this.base}/events`, body));
    if (created) {
      this.events = [...this.events, created];
      form.reset();
    }
  }

  private async addQuote(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const str = (k: string): string => String(data.get(k) ?? '').trim();
    const created = await this.attempt(() =>
      this.ctx.api.post<Quote>(`${this.base}/quotes`, {
        title: str('title'),
        lines: [{ description: str('title'), quantity: 1, unitPrice: Number(str('amount').replace(/['’]/g, '').replace(',', '.')) }],
      }),
    );
    if (created) {
      this.quotes = [...this.quotes, created];
      form.reset();
    }
  }

  private async signQuote(q: Quote): Promise<void> {
    const signed = await this.attempt(() => this.ctx.api.post<Quote>(`/api/quotes/${encodeURIComponent(q.id)}/sign`, {}));
    if (signed) this.quotes = this.quotes.map((x) => (x.id === q.id ? signed : x));
  }

  private toggle(set: Set<string>, id: string, on: boolean): Set<string> {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }

  private async invoiceSelection(): Promise<void> {
    try {
      const invoice = await this.ctx.api.post<Invoice>(`${this.base}/invoices`, {
        eventIds: [...this.selectedEvents],
        quoteIds: [...this.selectedQuotes],
      });
      this.ctx.navigate(`/invoices/${encodeURIComponent(invoice.id)}`);
    } catch (err) {
      this.ctx.notify(messageOf(err), 'error');
    }
  }

  private openFree(): void {
    this.querySelector<FreeInvoiceDialog>('swigs-free-invoice-dialog')?.open();
  }

  override render(): TemplateResult {
    const { t } = this.ctx;
    const p = this.project;
    if (!p) return html`<h1>${t('projects.title')}</h1>${this.renderState()}`;
    return html`<div class="page-head">
        <h1>${p.name}</h1>
        <div class="row-actions">
          <button type="button" class="btn btn-primary" @click=${this.openFree}>${t('invoices.free')}</button>
          <a class="btn" href=${href('/invoicing')}>${t('common.back')}</a>
        </div>
      </div>
      ${this.renderState()}
      <dl class="facts">
        <div><dt>${t('projects.client')}</dt><dd>${p.client ? `${p.client.name}, ${p.client.postalCode} ${p.client.town}` : '–'}</dd></div>
        <div><dt><label for="project-status">${t('project.statusLabel')}</label></dt><dd>
          <select id="project-status" @change=${(e: Event) => this.setStatus((e.target as HTMLSelectElement).value)}>
            ${PROJECT_STATUSES.map((s) => html`<option value=${s} ?selected=${p.status === s}>${projectStatusLabel(s, t)}</option>`)}
          </select>
        </dd></div>
      </dl>
      ${this.renderInvoices()} ${this.renderEvents()} ${this.renderQuotes()}
      <swigs-free-invoice-dialog
        .ctx=${this.ctx}
        .projectId=${p.id}
        .defaultVatRate=${this.settings.defaultVatRate ?? 8.1}
        .paymentTermsDays=${this.settings.paymentTermsDays ?? 30}
        @swigs-invoice-created=${(e: Event) => (this.invoices = [...this.invoices, (e as Event & { invoice: Invoice }).invoice])}
      ></swigs-free-invoice-dialog>`;
  }

  private renderInvoices(): TemplateResult {
    const { t, lang } = this.ctx;
    return html`<section aria-labelledby="invoices-title">
      <h2 id="invoices-title">${t('invoices.title')}</h2>
      ${this.invoices.length === 0
        ? html`<p class="empty">${t('invoices.empty')}</p>`
        : html`<table class="table" data-testid="invoices">
            <thead>
              <tr>
                <th scope="col">${t('invoices.number')}</th>
                <th scope="col">${t('invoices.type')}</th>
                <th scope="col">${t('invoices.issueDate')}</th>
                <th scope="col">${t('invoices.dueDate')}</th>
                <th scope="col">${t('common.status')}</th>
                <th scope="col" class="num">${t('free.payable')}</th>
                <th scope="col">${t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.invoices.map(
                (inv) => html`<tr data-invoice-id=${inv.id}>
                  <th scope="row"><a href=${href(`/invoices/${encodeURIComponent(inv.id)}`)}>${inv.number || t('invoices.draftNumber')}</a></th>
                  <td>${t(inv.invoiceType === 'custom' ? 'invoices.custom' : 'invoices.standard')}</td>
                  <td>${formatDate(inv.issueDate, lang)}</td>
                  <td>${formatDate(inv.dueDate, lang)}</td>
                  <td>${invoiceStatusLabel(inv.status, t)}</td>
                  <td class="num" data-field="payable">${formatChf(inv.payableTotal)}</td>
                  <td>
                    <button type="button" class="btn btn-small" aria-label=${t('invoices.openPdf', { number: inv.number })}
                      @click=${() => this.attempt(() => openInvoicePdf(this.ctx.api, inv.id))}>${t('invoices.pdf')}</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${this.selectedEvents.size + this.selectedQuotes.size > 0
        ? html`<button type="button" class="btn btn-primary" @click=${this.invoiceSelection}>${t('invoices.new')}</button>`
        : nothing}
    </section>`;
  }

  private renderEvents(): TemplateResult {
    const { t, lang } = this.ctx;
    return html`<section aria-labelledby="events-title">
      <h2 id="events-title">${t('events.title')}</h2>
      ${this.events.length === 0
        ? html`<p class="empty">${t('events.empty')}</p>`
        : html`<table class="table">
            <thead>
              <tr>
                <th scope="col">${t('invoices.select')}</th>
                <th scope="col">${t('events.date')}</th>
                <th scope="col">${t('events.type')}</th>
                <th scope="col">${t('common.description')}</th>
                <th scope="col" class="num">${t('common.total')}</th>
                <th scope="col">${t('events.billed')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.events.map(
                (ev) => html`<tr>
                  <td>
                    <input type="checkbox" ?disabled=${ev.billed} aria-label=${`${t('invoices.select')} : ${ev.description}`}
                      .checked=${this.selectedEvents.has(ev.id)}
                      @change=${(e: Event) => (this.selectedEvents = this.toggle(this.selectedEvents, ev.id, (e.target as HTMLInputElement).checked))} />
                  </td>
                  <td>${formatDate(ev.date, lang)}</td>
                  <td>${ev.type === 'hours' ? `${t('events.hours')} (${ev.hours ?? ''})` : t('events.expense')}</td>
                  <td>${ev.description}</td>
                  <td class="num">${formatChf(ev.amount)}</td>
                  <td>${ev.billed ? t('common.yes') : t('common.no')}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      <form class="row card" @submit=${this.addEvent} aria-label=${t('events.add')}>
        <label class="field inline"><span>${t('events.type')}</span>
          <select name="type"><option value="hours">${t('events.hours')}</option><option value="expense">${t('events.expense')}</option></select>
        </label>
        <label class="field grow"><span>${t('common.description')}</span><input name="description" required maxlength="500" /></label>
        <label class="field inline"><span>${t('events.date')}</span><input type="date" name="date" required value=${todayInZurich()} /></label>
        <label class="field num"><span>${t('events.quantity')}</span><input name="quantity" inputmode="decimal" value="1" /></label>
        <label class="field num"><span>${t('events.unitPrice')}</span><input name="unitPrice" inputmode="decimal" /></label>
        <button type="submit" class="btn">${t('events.add')}</button>
      </form>
    </section>`;
  }

  private renderQuotes(): TemplateResult {
    const { t } = this.ctx;
    return html`<section aria-labelledby="quotes-title">
      <h2 id="quotes-title">${t('quotes.title')}</h2>
      ${this.quotes.length === 0
        ? html`<p class="empty">${t('quotes.empty')}</p>`
        : html`<table class="table">
            <thead>
              <tr>
                <th scope="col">${t('invoices.select')}</th>
                <th scope="col">${t('common.name')}</th>
                <th scope="col" class="num">${t('common.total')}</th>
                <th scope="col">${t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.quotes.map(
                (q) => html`<tr>
                  <td>
                    <input type="checkbox" ?disabled=${q.status !== 'signed' || q.billed} aria-label=${`${t('invoices.select')} : ${q.title}`}
                      .checked=${this.selectedQuotes.has(q.id)}
                      @change=${(e: Event) => (this.selectedQuotes = this.toggle(this.selectedQuotes, q.id, (e.target as HTMLInputElement).checked))} />
                  </td>
                  <td>${q.title}</td>
                  <td class="num">${formatChf(q.subtotal)}</td>
                  <td>
                    ${q.status === 'signed'
                      ? t('quotes.signed')
                      : html`<button type="button" class="btn btn-small" @click=${() => this.signQuote(q)}>${t('quotes.sign')}</button>`}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      <form class="row card" @submit=${this.addQuote} aria-label=${t('quotes.add')}>
        <label class="field grow"><span>${t('common.name')}</span><input name="title" required maxlength="200" /></label>
        <label class="field num"><span>${t('common.total')} (CHF)</span><input name="amount" inputmode="decimal" required /></label>
        <button type="submit" class="btn">${t('quotes.add')}</button>
      </form>
    </section>`;
  }
}
