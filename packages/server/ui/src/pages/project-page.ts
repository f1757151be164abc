import { html, nothing, type TemplateResult } from 'lit';
import { itemsOf, type Invoice, type ListAnswer, type Project, type ProjectEvent, type Quote } from '../api/types.js';
import type { FreeInvoiceDialog } from '../components/free-invoice-dialog.js';
import { actionError } from '../components/action-error.js';
import { eventDialog, type EventPatch } from '../components/event-dialog.js';
import { formatChf, formatDate, todayInZurich } from '../format.js';
import { openInvoicePdf } from '../invoicing/open-pdf.js';
import { PageElement, messageOf } from '../page-element.js';
import { href } from '../router.js';
import { invoiceStatusLabel } from './invoice-page.js';
import { projectStatusLabel } from './projects-page.js';

const PROJECT_STATUSES = ['draft', 'active', 'on_hold', 'completed', 'archived'];

interface Settings {
  defaultVatCategory?: string;
  vatRegistered?: boolean;
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
    pdfFailure: { state: true },
    addType: { state: true },
    eventFailure: { state: true },
  };

  /** The kind of entry the add form is for: its fields follow (hours and rate, or an amount). */
  declare addType: 'hours' | 'expense';
  /** A refused edit or deletion of hours or an expense, shown above their table. */
  declare eventFailure: string | null;

  /** The PDF button's error, shown above the invoices. */
  declare pdfFailure: unknown;

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
    this.pdfFailure = null;
    this.addType = 'hours';
    this.eventFailure = null;
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
    const type = this.addType;
    const body =
      type === 'hours'
        ? {
            type,
            description: str('description'),
            date: str('date'),
            hours: num('hours'),
            ...(str('rate') ? { hourlyRate: num('rate') } : {}),
          }
        : { type, description: str('description'), date: str('date'), amount: num('amount') };
    const created = await this.attempt(() => this.ctx.api.post<ProjectEvent>(`${this.base}/events`, body));
    if (created) {
      this.events = [...this.events, created];
      form.reset();
    }
  }

  /** Edits unbilled hours or an expense in a dialog; the server refuses once they are invoiced (409). */
  private async editEvent(ev: ProjectEvent): Promise<void> {
    this.eventFailure = null;
    await eventDialog({
      t: this.ctx.t,
      event: ev,
      save: async (patch: EventPatch) => {
        try {
          const updated = await this.ctx.api.patch<ProjectEvent>(`/api/events/${encodeURIComponent(ev.id)}`, patch);
          this.events = this.events.map((x) => (x.id === ev.id ? updated : x));
          this.ctx.notify(this.ctx.t('common.saved'));
          return null;
        } catch (err) {
          return messageOf(err);
        }
      },
    });
  }

  private async deleteEvent(ev: ProjectEvent): Promise<void> {
    const { t } = this.ctx;
    this.eventFailure = null;
    if (!(await this.ask(t('events.confirmDelete', { name: ev.description }), t('common.delete')))) return;
    try {
      await this.ctx.api.del(`/api/events/${encodeURIComponent(ev.id)}`);
      this.events = this.events.filter((x) => x.id !== ev.id);
      this.selectedEvents = this.toggle(this.selectedEvents, ev.id, false);
    } catch (err) {
      this.eventFailure = messageOf(err);
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
        lines: [
          {
            description: str('title'),
            quantity: 1,
            unitPrice: Number(str('amount').replace(/['’]/g, '').replace(',', '.')),
          },
        ],
      }),
    );
    if (created) {
      this.quotes = [...this.quotes, created];
      form.reset();
    }
  }

  private async openPdf(id: string): Promise<void> {
    this.pdfFailure = null;
    await openInvoicePdf(this.ctx.api, id).catch((err: unknown) => {
      this.pdfFailure = err;
    });
  }

  private async signQuote(q: Quote): Promise<void> {
    const signed = await this.attempt(() =>
      this.ctx.api.post<Quote>(`/api/quotes/${encodeURIComponent(q.id)}/sign`, {}),
    );
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
        .defaultVatRate=${todayRateOf(this.settings)}
        .paymentTermsDays=${this.settings.paymentTermsDays ?? 30}
        @swigs-invoice-created=${(e: Event) => (this.invoices = [...this.invoices, (e as Event & { invoice: Invoice }).invoice])}
      ></swigs-free-invoice-dialog>`;
  }

  private renderInvoices(): TemplateResult {
    const { t, lang } = this.ctx;
    return html`<section aria-labelledby="invoices-title">
      <h2 id="invoices-title">${t('invoices.title')}</h2>
      ${actionError(this.pdfFailure, t)}
      ${
        this.invoices.length === 0
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
                      @click=${() => this.openPdf(inv.id)}>${t('invoices.pdf')}</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      ${
        this.selectedEvents.size + this.selectedQuotes.size > 0
          ? html`<button type="button" class="btn btn-primary" @click=${this.invoiceSelection}>${t('invoices.new')}</button>`
          : nothing
      }
    </section>`;
  }

  private renderEvents(): TemplateResult {
    const { t, lang } = this.ctx;
    const hours = this.addType === 'hours';
    return html`<section aria-labelledby="events-title">
      <h2 id="events-title">${t('events.title')}</h2>
      ${this.eventFailure ? html`<p class="alert alert-error" role="alert">${this.eventFailure}</p>` : nothing}
      ${
        this.events.length === 0
          ? html`<p class="empty">${t('events.empty')}</p>`
          : html`<table class="table" data-testid="events">
            <thead>
              <tr>
                <th scope="col">${t('invoices.select')}</th>
                <th scope="col">${t('events.date')}</th>
                <th scope="col">${t('events.type')}</th>
                <th scope="col">${t('common.description')}</th>
                <th scope="col" class="num">${t('events.detail')}</th>
                <th scope="col" class="num">${t('common.total')}</th>
                <th scope="col">${t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.events.map(
                (ev) => html`<tr data-event-id=${ev.id}>
                  <td data-label=${t('invoices.select')}>
                    <input type="checkbox" ?disabled=${ev.billed} aria-label=${t('app.pair', { label: t('invoices.select'), value: ev.description })}
                      .checked=${this.selectedEvents.has(ev.id)}
                      @change=${(e: Event) => (this.selectedEvents = this.toggle(this.selectedEvents, ev.id, (e.target as HTMLInputElement).checked))} />
                  </td>
                  <td data-label=${t('events.date')}>${formatDate(ev.date, lang)}</td>
                  <td data-label=${t('events.type')}>${ev.type === 'hours' ? t('events.hours') : t('events.expense')}</td>
                  <td data-label=${t('common.description')}>${ev.description}</td>
                  <td class="num" data-label=${t('events.detail')}>${
                    ev.type === 'hours'
                      ? t('events.hoursAtRate', {
                          hours: formatQuantity(ev.hours, lang),
                          rate: formatChf(ev.hourlyRate),
                        })
                      : '–'
                  }</td>
                  <td class="num" data-label=${t('common.total')}>${formatChf(ev.amount)}</td>
                  <td data-label=${t('common.actions')}>
                    ${
                      ev.billed
                        ? html`<span class="muted">${t('events.billedLocked')}</span>${
                            ev.invoiceId
                              ? html` <a href=${href(`/invoices/${encodeURIComponent(ev.invoiceId)}`)}>${t('events.openInvoice')}</a>`
                              : nothing
                          }`
                        : html`<div class="row-actions">
                            <button type="button" class="btn btn-small" aria-label=${t('events.editTitle', { name: ev.description })}
                              @click=${() => this.editEvent(ev)}>${t('common.edit')}</button>
                            <button type="button" class="btn btn-small btn-danger" aria-label=${t('app.pair', { label: t('common.delete'), value: ev.description })}
                              @click=${() => this.deleteEvent(ev)}>${t('common.delete')}</button>
                          </div>`
                    }
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      <form class="row card" @submit=${this.addEvent} aria-label=${t('events.add')}>
        <label class="field inline"><span>${t('events.type')}</span>
          <select name="type" @change=${(e: Event) => (this.addType = (e.target as HTMLSelectElement).value === 'expense' ? 'expense' : 'hours')}>
            <option value="hours" ?selected=${hours}>${t('events.hours')}</option>
            <option value="expense" ?selected=${!hours}>${t('events.expense')}</option>
          </select>
        </label>
        <label class="field grow"><span>${t('common.description')}</span><input name="description" required maxlength="500" /></label>
        <label class="field inline"><span>${t('events.date')}</span><input type="date" name="date" required value=${todayInZurich()} /></label>
        ${
          hours
            ? html`<label class="field num"><span>${t('events.hoursCount')}</span><input name="hours" inputmode="decimal" required value="1" /></label>
              <label class="field num"><span>${t('events.rate')}</span><input name="rate" inputmode="decimal" /></label>`
            : html`<label class="field num"><span>${t('events.amount')}</span><input name="amount" inputmode="decimal" required /></label>`
        }
        <button type="submit" class="btn">${t('events.add')}</button>
      </form>
    </section>`;
  }

  private renderQuotes(): TemplateResult {
    const { t } = this.ctx;
    return html`<section aria-labelledby="quotes-title">
      <h2 id="quotes-title">${t('quotes.title')}</h2>
      ${
        this.quotes.length === 0
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
                    <input type="checkbox" ?disabled=${q.status !== 'signed' || q.billed} aria-label=${t('app.pair', { label: t('invoices.select'), value: q.title })}
                      .checked=${this.selectedQuotes.has(q.id)}
                      @change=${(e: Event) => (this.selectedQuotes = this.toggle(this.selectedQuotes, q.id, (e.target as HTMLInputElement).checked))} />
                  </td>
                  <td>${q.title}</td>
                  <td class="num">${formatChf(q.subtotal)}</td>
                  <td>
                    ${
                      q.status === 'signed'
                        ? t('quotes.signed')
                        : html`<button type="button" class="btn btn-small" @click=${() => this.signQuote(q)}>${t('quotes.sign')}</button>`
                    }
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      <form class="row card" @submit=${this.addQuote} aria-label=${t('quotes.add')}>
        <label class="field grow"><span>${t('common.name')}</span><input name="title" required maxlength="200" /></label>
        <label class="field num"><span>${t('common.total')} (CHF)</span><input name="amount" inputmode="decimal" required /></label>
        <button type="submit" class="btn">${t('quotes.add')}</button>
      </form>
    </section>`;
  }
}

/** Today's rate of the settings' default category (0 when not VAT-registered), for the free invoice dialog. */
function todayRateOf(settings: { defaultVatCategory?: string; vatRegistered?: boolean }): number {
  if (settings.vatRegistered === false) return 0;
  return { reduced: 2.6, accommodation: 3.8, exempt: 0 }[settings.defaultVatCategory ?? ''] ?? 8.1;
}

/** Hours as typed in the page's language: `2.5` in English, `2,5` in French. */
function formatQuantity(value: number | null, lang: 'fr' | 'en'): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-CH' : 'en-CH', { maximumFractionDigits: 2 }).format(value);
}
