import { html, nothing, type TemplateResult } from 'lit';
import { itemsOf, type EmailTemplate, type ListAnswer } from '../api/types.js';
import { formatDateTime } from '../format.js';
import { PageElement } from '../page-element.js';
import { href } from '../router.js';

/** `<swigs-templates-page>`: the email templates. */
export class TemplatesPage extends PageElement {
  static override properties = { ...PageElement.properties, templates: { state: true } };

  declare templates: EmailTemplate[];

  constructor() {
    super();
    this.templates = [];
  }

  protected async load(): Promise<void> {
    this.templates = itemsOf(await this.ctx.api.get<ListAnswer<EmailTemplate>>('/api/email-templates?limit=200'));
  }

  private async deleteItem(tpl: EmailTemplate): Promise<void> {
    if (!(await this.ask(this.ctx.t('common.confirmDelete', { name: tpl.name }), this.ctx.t('common.delete')))) return;
    await this.attempt(async () => {
      await this.ctx.api.del(`/api/email-templates/${encodeURIComponent(tpl.id)}`);
      this.templates = this.templates.filter((x) => x.id !== tpl.id);
    });
  }

  override render(): TemplateResult {
    const { t, lang } = this.ctx;
    return html`<div class="page-head">
        <h1>${t('templates.title')}</h1>
        <a class="btn btn-primary" href=${href('/templates/new')}>${t('templates.new')}</a>
      </div>
      ${this.renderState()}
      ${!this.loading && this.templates.length === 0 ? html`<p class="empty">${t('templates.empty')}</p>` : nothing}
      ${
        this.templates.length > 0
          ? html`<table class="table">
            <caption class="visually-hidden">${t('templates.title')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('common.name')}</th>
                <th scope="col">${t('templates.subject')}</th>
                <th scope="col">${t('templates.category')}</th>
                <th scope="col">${t('templates.active')}</th>
                <th scope="col">${t('common.date')}</th>
                <th scope="col">${t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.templates.map(
                (tpl) => html`<tr data-template-id=${tpl.id}>
                  <th scope="row"><a href=${href(`/templates/${encodeURIComponent(tpl.id)}`)}>${tpl.name}</a></th>
                  <td>${tpl.subject}</td>
                  <td>${t(tpl.category === 'marketing' ? 'templates.marketing' : 'templates.transactional')}</td>
                  <td>${tpl.isActive ? t('common.yes') : t('common.no')}</td>
                  <td>${formatDateTime(tpl.updatedAt ?? null, lang)}</td>
                  <td class="row-actions">
                    <a class="btn btn-small" href=${href(`/templates/${encodeURIComponent(tpl.id)}`)}>${t('common.edit')}</a>
                    <button type="button" class="btn btn-small btn-danger" @click=${() => this.deleteItem(tpl)}>${t('common.delete')}</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : nothing
      }`;
  }
}
