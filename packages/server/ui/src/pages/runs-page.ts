import { html, nothing, type TemplateResult } from 'lit';
import { itemsOf, type Automation, type ListAnswer, type Run, type RunStatus } from '../api/types.js';
import { statusBadge } from '../components/status-badge.js';
import { formatDateTime } from '../format.js';
import { NO_TITLES, loadNodeTitles, type NodeTitles } from '../node-titles.js';
import { PageElement } from '../page-element.js';
import { href } from '../router.js';

const STATUSES: RunStatus[] = ['pending', 'running', 'waiting', 'completed', 'failed', 'cancelled'];
const PAGE = 25;

/** `<swigs-runs-page>`: the run history of one automation, paged and filtered by status. */
export class RunsPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    automation: { state: true },
    runs: { state: true },
    status: { state: true },
    offset: { state: true },
    titles: { state: true },
  };

  declare titles: NodeTitles;

  declare automation: Automation | null;
  declare runs: Run[];
  declare status: string;
  declare offset: number;

  constructor() {
    super();
    this.automation = null;
    this.runs = [];
    this.status = '';
    this.offset = 0;
    this.titles = NO_TITLES;
  }

  protected async load(): Promise<void> {
    const id = encodeURIComponent(this.params.id ?? '');
    const query = new URLSearchParams({ limit: String(PAGE), offset: String(this.offset) });
    if (this.status) query.set('status', this.status);
    const [automation, runs, titles] = await Promise.all([
      this.automation?.id === this.params.id ? this.automation : this.ctx.api.get<Automation>(`/api/automations/${id}`),
      this.ctx.api.get<ListAnswer<Run>>(`/api/automations/${id}/runs?${query}`),
      loadNodeTitles(this.ctx.api),
    ]);
    this.titles = titles;
    this.automation = automation;
    this.runs = itemsOf(runs);
  }

  private setFilter(status: string): void {
    this.status = status;
    this.offset = 0;
    void this.reload();
  }

  private page(delta: number): void {
    this.offset = Math.max(0, this.offset + delta * PAGE);
    void this.reload();
  }

  override render(): TemplateResult {
    const { t, lang } = this.ctx;
    const id = this.params.id ?? '';
    return html`<div class="page-head">
        <h1>${t('runs.title', { name: this.automation?.name ?? '…' })}</h1>
        <a class="btn" href=${href(`/automations/${encodeURIComponent(id)}`)}>${t('common.edit')}</a>
      </div>
      <div class="toolbar">
        <label class="field inline">
          <span>${t('runs.filter')}</span>
          <select @change=${(e: Event) => this.setFilter((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.status === ''}>${t('runs.all')}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t(`status.${s}`)}</option>`)}
          </select>
        </label>
        <button type="button" class="btn" @click=${() => this.reload()}>${t('common.refresh')}</button>
      </div>
      ${this.renderState()}
      ${!this.loading && this.runs.length === 0 ? html`<p class="empty">${t('runs.empty')}</p>` : nothing}
      ${
        this.runs.length > 0
          ? html`<table class="table">
            <caption class="visually-hidden">${t('runs.title', { name: this.automation?.name ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">${t('runs.started')}</th>
                <th scope="col">${t('common.status')}</th>
                <th scope="col">${t('runs.trigger')}</th>
                <th scope="col">${t('runs.steps')}</th>
                <th scope="col">${t('runs.completed')}</th>
                <th scope="col">${t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.runs.map(
                (r) => html`<tr data-run-id=${r.id}>
                  <td>${formatDateTime(r.startedAt ?? r.createdAt, lang)}</td>
                  <td>${statusBadge(r.status, t)}</td>
                  <td>${this.titles.title(r.triggerType, lang)}</td>
                  <td>${r.steps}</td>
                  <td>${formatDateTime(r.completedAt, lang)}</td>
                  <td><a class="btn btn-small" href=${href(`/runs/${encodeURIComponent(r.id)}`)}>${t('common.details')}</a></td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : nothing
      }
      <nav class="pager" aria-label=${t('runs.title', { name: this.automation?.name ?? '' })}>
        <button type="button" class="btn" ?disabled=${this.offset === 0} @click=${() => this.page(-1)}>${t('runs.prev')}</button>
        <button type="button" class="btn" ?disabled=${this.runs.length < PAGE} @click=${() => this.page(1)}>${t('runs.next')}</button>
      </nav>`;
  }
}
