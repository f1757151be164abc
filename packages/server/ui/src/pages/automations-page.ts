import { html, nothing, type TemplateResult } from 'lit';
import { itemsOf, type Automation, type ListAnswer } from '../api/types.js';
import { formatDateTime } from '../format.js';
import { NO_TITLES, loadNodeTitles, type NodeTitles } from '../node-titles.js';
import { PageElement, messageOf } from '../page-element.js';
import { href } from '../router.js';

/** `<swigs-automations-page>`: the automations with their active switch and run statistics. */
export class AutomationsPage extends PageElement {
  static override properties = { ...PageElement.properties, automations: { state: true }, titles: { state: true } };

  declare automations: Automation[];
  declare titles: NodeTitles;

  constructor() {
    super();
    this.automations = [];
    this.titles = NO_TITLES;
  }

  protected async load(): Promise<void> {
    const [list, titles] = await Promise.all([
      this.ctx.api.get<ListAnswer<Automation>>('/api/automations?limit=200'),
      loadNodeTitles(this.ctx.api),
    ]);
    this.automations = itemsOf(list);
    this.titles = titles;
  }

  private async toggle(a: Automation, input: HTMLInputElement): Promise<void> {
    const want = input.checked;
    try {
      const updated = await this.ctx.api.patch<Automation>(`/api/automations/${encodeURIComponent(a.id)}/toggle`, {
        isActive: want,
      });
      this.automations = this.automations.map((x) => (x.id === a.id ? { ...x, ...updated } : x));
    } catch (err) {
      input.checked = !want;
      this.ctx.notify(this.ctx.t('automations.toggleFailed', { error: messageOf(err) }), 'error');
    }
  }

  private async deleteItem(a: Automation): Promise<void> {
    if (!(await this.ask(this.ctx.t('common.confirmDelete', { name: a.name }), this.ctx.t('common.delete')))) return;
    await this.attempt(async () => {
      await this.ctx.api.del(`/api/automations/${encodeURIComponent(a.id)}`);
      this.automations = this.automations.filter((x) => x.id !== a.id);
    });
  }

  override render(): TemplateResult {
    const { t, lang } = this.ctx;
    return html`<div class="page-head">
        <h1>${t('automations.title')}</h1>
        <a class="btn btn-primary" href=${href('/automations/new')}>${t('automations.new')}</a>
      </div>
      ${this.renderState()}
      ${
        !this.loading && !this.error && this.automations.length === 0
          ? html`<p class="empty">${t('automations.empty')}</p>`
          : nothing
      }
      ${
        this.automations.length > 0
          ? html`<table class="table">
            <caption class="visually-hidden">${t('automations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('common.name')}</th>
                <th scope="col">${t('automations.trigger')}</th>
                <th scope="col">${t('automations.active')}</th>
                <th scope="col">${t('automations.runs')}</th>
                <th scope="col">${t('automations.lastRun')}</th>
                <th scope="col">${t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.automations.map(
                (a) => html`<tr data-automation-id=${a.id}>
                  <th scope="row"><a href=${href(`/automations/${encodeURIComponent(a.id)}`)}>${a.name}</a></th>
                  <td data-label=${t('automations.trigger')}>${this.titles.title(a.trigger?.type, lang)}</td>
                  <td>
                    <label class="switch">
                      <input
                        type="checkbox"
                        role="switch"
                        .checked=${a.isActive}
                        aria-label=${t('automations.activate', { name: a.name })}
                        @change=${(e: Event) => this.toggle(a, e.target as HTMLInputElement)}
                      />
                      <span class="switch-track" aria-hidden="true"></span>
                    </label>
                  </td>
                  <td class="stats">
                    ${t('automations.stats', {
                      total: a.stats?.totalRuns ?? 0,
                      ok: a.stats?.successfulRuns ?? 0,
                      failed: a.stats?.failedRuns ?? 0,
                    })}
                    ${a.stats?.lastError ? html`<div class="error-text small" title=${a.stats.lastError}>${truncate(a.stats.lastError)}</div>` : nothing}
                  </td>
                  <td>${formatDateTime(a.stats?.lastRunAt ?? null, lang)}</td>
                  <td class="row-actions">
                    <a class="btn btn-small" href=${href(`/automations/${encodeURIComponent(a.id)}`)}>${t('common.edit')}</a>
                    <a class="btn btn-small" href=${href(`/automations/${encodeURIComponent(a.id)}/runs`)}
                      >${t('automations.history')}</a
                    >
                    <button type="button" class="btn btn-small btn-danger" @click=${() => this.deleteItem(a)}>
                      ${t('common.delete')}
                    </button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : nothing
      }`;
  }
}

function truncate(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
