import { html, nothing, type TemplateResult } from 'lit';
import { itemsOf, type ListAnswer, type OutboxMessage } from '../api/types.js';
import { formatDateTime } from '../format.js';
import { PageElement } from '../page-element.js';

/** `<swigs-outbox-page>`: the messages the outbox mail adapter kept (embedded mode). */
export class OutboxPage extends PageElement {
  static override properties = { ...PageElement.properties, messages: { state: true }, open: { state: true } };

  declare messages: OutboxMessage[];
  declare open: OutboxMessage | null;

  constructor() {
    super();
    this.messages = [];
    this.open = null;
  }

  protected async load(): Promise<void> {
    this.messages = itemsOf(await this.ctx.api.get<ListAnswer<OutboxMessage>>('/api/outbox'));
  }

  override render(): TemplateResult {
    const { t, lang } = this.ctx;
    const to = (m: OutboxMessage): string => (Array.isArray(m.to) ? m.to.join(', ') : String(m.to ?? ''));
    return html`<div class="page-head">
        <h1>${t('outbox.title')}</h1>
        <button type="button" class="btn" @click=${() => this.reload()}>${t('common.refresh')}</button>
      </div>
      <p class="muted">${t('outbox.intro')}</p>
      ${this.renderState()}
      ${!this.loading && this.messages.length === 0 ? html`<p class="empty">${t('outbox.empty')}</p>` : nothing}
      ${
        this.messages.length > 0
          ? html`<table class="table">
            <caption class="visually-hidden">${t('outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('common.date')}</th>
                <th scope="col">${t('outbox.to')}</th>
                <th scope="col">${t('outbox.subject')}</th>
                <th scope="col">${t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.messages.map(
                (m) => html`<tr data-message-id=${m.id}>
                  <td>${formatDateTime(m.createdAt, lang)}</td>
                  <td>${to(m)}</td>
                  <td>${m.subject}</td>
                  <td>
                    <button type="button" class="btn btn-small" aria-expanded=${this.open?.id === m.id ? 'true' : 'false'}
                      @click=${() => (this.open = this.open?.id === m.id ? null : m)}>${t('outbox.view')}</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : nothing
      }
      ${
        this.open
          ? html`<section class="card" aria-labelledby="message-title">
            <h2 id="message-title">${this.open.subject}</h2>
            <p class="muted">${t('app.pair', { label: t('outbox.to'), value: to(this.open) })}</p>
            <iframe class="preview-frame" title=${t('outbox.message')} sandbox="" .srcdoc=${this.open.html ?? ''}></iframe>
            ${this.open.text ? html`<details><summary>${t('outbox.text')}</summary><pre>${this.open.text}</pre></details>` : nothing}
          </section>`
          : nothing
      }`;
  }
}
