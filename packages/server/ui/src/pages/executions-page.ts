import { html, nothing, type TemplateResult } from 'lit';
import { itemsOf, type Automation, type ListAnswer, type Run, type RunStatus } from '../api/types.js';
import { statusBadge } from '../components/status-badge.js';
import { formatDateTime } from '../format.js';
import { NO_TITLES, loadNodeTitles, type NodeTitles } from '../node-titles.js';
import { PageElement } from '../page-element.js';
import { href } from '../router.js';

const STATUSES: RunStatus[] = ['pending', 'running', 'waiting', 'completed', 'failed', 'cancelled'];
const PAGE = 50;

interface Filters {
  status: string;
  automationId: string;
  triggerType: string;
  from: string;
  to: string;
  q: string;
}

interface RunsAnswer {
  items: Run[];
  total?: number;
  /** The keyset cursor of the next (older) page, absent on the last page. */
  nextCursor?: string | null;
}

interface BulkAnswer {
  done: string[];
  skipped: Array<{ id: string; reason: string }>;
}

/**
 * `<swigs-executions-page>`: the runs of every automation, filtered (status, automation, trigger type, period,
 * text in the trigger data), paged by a keyset cursor so the 100 000th run comes as fast as the first, with bulk
 * retry and cancel.
 */
export class ExecutionsPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    runs: { state: true },
    total: { state: true },
    automations: { state: true },
    titles: { state: true },
    selected: { state: true },
    cursors: { state: true },
    nextCursor: { state: true },
  };

  declare runs: Run[];
  declare total: number | null;
  declare automations: Automation[];
  declare titles: NodeTitles;
  declare selected: Set<string>;
  /** The cursors of the pages before the one on screen (the first page has none). */
  declare cursors: string[];
  declare nextCursor: string | null;
  private filters: Filters = { status: '', automationId: '', triggerType: '', from: '', to: '', q: '' };

  constructor() {
    super();
    this.runs = [];
    this.total = null;
    this.automations = [];
    this.titles = NO_TITLES;
    this.selected = new Set();
    this.cursors = [];
    this.nextCursor = null;
  }

  protected async load(): Promise<void> {
    const [answer, automations, titles] = await Promise.all([
      this.ctx.api.get<RunsAnswer>(`/api/automation-runs?${this.query()}`),
      this.automations.length
        ? this.automations
        : this.ctx.api.get<ListAnswer<Automation>>('/api/automations?limit=200').then(itemsOf),
      loadNodeTitles(this.ctx.api),
    ]);
    this.runs = answer.items;
    this.total = answer.total ?? null;
    this.nextCursor = answer.nextCursor ?? null;
    this.automations = automations;
    this.titles = titles;
    this.selected = new Set();
  }

  private query(): URLSearchParams {
    const f = this.filters;
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (f.status) query.set('status', f.status);
    if (f.automationId) query.set('automationId', f.automationId);
    if (f.triggerType) query.set('triggerType', f.triggerType);
    if (f.q.trim()) query.set('q', f.q.trim());
    // The period is chosen as Zurich calendar days; the browser runs in the user's zone.
    if (f.from) query.set('from', new Date(`${f.from}T00:00:00`).toISOString());
    if (f.to) query.set('to', new Date(`${f.to}T23:59:59.999`).toISOString());
    const cursor = this.cursors.at(-1);
    if (cursor) query.set('cursor', cursor);
    return query;
  }

  private applyFilters(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const str = (k: string): string => String(data.get(k) ?? '');
    this.filters = {
      status: str('status'),
      automationId: str('automationId'),
      triggerType: str('triggerType'),
      from: str('from'),
      to: str('to'),
      q: str('q'),
    };
    this.cursors = [];
    void this.reload();
  }

  private older(): void {
    if (!this.nextCursor) return;
    this.cursors = [...this.cursors, this.nextCursor];
    void this.reload();
  }

  private newest(): void {
    this.cursors = [];
    void this.reload();
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private async bulk(action: 'retry' | 'cancel'): Promise<void> {
    const { t } = this.ctx;
    const ids = [...this.selected];
    if (ids.length === 0) return;
    if (
      action === 'cancel' &&
      !(await this.ask(t('confirm.bulkCancel', { count: ids.length }), t('executions.cancelSelected')))
    )
      return;
    const answer = await this.attempt(() =>
      this.ctx.api.post<BulkAnswer>('/api/automation-runs/bulk', { action, ids }),
    );
    if (!answer) return;
    this.ctx.notify(t('executions.bulkDone', { done: answer.done.length, skipped: answer.skipped.length }));
    await this.reload();
  }

  private titleOf(run: Run): string {
    if (run.title) return run.title;
    const name = this.automations.find((a) => a.id === run.automationId)?.name;
    const date = formatDateTime(run.startedAt ?? run.createdAt, this.ctx.lang);
    return name ? `${name} · ${date}` : this.ctx.t('executions.untitled', { date });
  }

  override render(): TemplateResult {
    const { t, lang } = this.ctx;
    const f = this.filters;
    const allSelected = this.runs.length > 0 && this.runs.every((r) => this.selected.has(r.id));
    return html`<div class="page-head">
        <h1>${t('executions.title')}</h1>
        ${this.total !== null ? html`<p class="muted" data-testid="runs-total">${this.total === 1 ? t('executions.countOne') : t('executions.count', { count: this.total })}</p>` : nothing}
      </div>
      <form class="filters card" role="search" @submit=${this.applyFilters}>
        <div class="field grow"><label for="filter-q">${t('executions.search')}</label>
          <input id="filter-q" name="q" type="search" .value=${f.q} placeholder=${t('executions.searchHelp')} maxlength="200" /></div>
        <div class="field"><label for="filter-status">${t('common.status')}</label>
          <select id="filter-status" name="status">
            <option value="">${t('runs.all')}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${t(`status.${s}`)}</option>`)}
          </select></div>
        <div class="field"><label for="filter-automationId">${t('executions.automation')}</label>
          <select id="filter-automationId" name="automationId">
            <option value="">${t('executions.allAutomations')}</option>
            ${this.automations.map((a) => html`<option value=${a.id} ?selected=${f.automationId === a.id}>${a.name}</option>`)}
          </select></div>
        <div class="field"><label for="filter-triggerType">${t('executions.triggerType')}</label>
          <select id="filter-triggerType" name="triggerType">
            <option value="">${t('executions.allTriggers')}</option>
            ${this.titles.triggers.map((type) => html`<option value=${type} ?selected=${f.triggerType === type}>${this.titles.title(type, lang)}</option>`)}
          </select></div>
        <div class="field"><label for="filter-from">${t('executions.from')}</label><input id="filter-from" name="from" type="date" .value=${f.from} /></div>
        <div class="field"><label for="filter-to">${t('executions.to')}</label><input id="filter-to" name="to" type="date" .value=${f.to} /></div>
        <button type="submit" class="btn btn-primary">${t('executions.apply')}</button>
      </form>
      <div class="toolbar">
        <label class="check"><input type="checkbox" .checked=${allSelected} ?disabled=${this.runs.length === 0}
          @change=${(e: Event) => (this.selected = (e.target as HTMLInputElement).checked ? new Set(this.runs.map((r) => r.id)) : new Set())} />
          ${t('executions.selectAll')}</label>
        <button type="button" class="btn" ?disabled=${this.selected.size === 0} @click=${() => this.bulk('retry')}>${t('executions.retrySelected')}</button>
        <button type="button" class="btn btn-danger" ?disabled=${this.selected.size === 0} @click=${() => this.bulk('cancel')}>${t('executions.cancelSelected')}</button>
        <button type="button" class="btn" @click=${() => this.reload()}>${t('common.refresh')}</button>
      </div>
      ${this.renderState()}
      ${!this.loading && this.runs.length === 0 ? html`<p class="empty">${t('runs.empty')}</p>` : nothing}
      ${
        this.runs.length > 0
          ? html`<ul class="run-list" aria-label=${t('executions.title')}>
            ${this.runs.map((r) => {
              const title = this.titleOf(r);
              return html`<li class="run-card" data-run-id=${r.id}>
                <input type="checkbox" aria-label=${t('executions.select', { title })} .checked=${this.selected.has(r.id)}
                  @change=${(e: Event) => this.toggle(r.id, (e.target as HTMLInputElement).checked)} />
                <div class="run-main">
                  <a class="run-title" href=${href(`/runs/${encodeURIComponent(r.id)}`)}>${title}</a>
                  <span class="muted small">${this.automations.find((a) => a.id === r.automationId)?.name ?? ''} · ${this.titles.title(r.triggerType, lang)}</span>
                </div>
                <span class="run-status">${statusBadge(r.status, t)}</span>
                <span class="muted small run-date">${formatDateTime(r.startedAt ?? r.createdAt, lang)}</span>
              </li>`;
            })}
          </ul>`
          : nothing
      }
      <nav class="pager" aria-label=${t('executions.title')}>
        <button type="button" class="btn" ?disabled=${this.cursors.length === 0} @click=${this.newest}>${t('executions.first')}</button>
        <button type="button" class="btn" ?disabled=${!this.nextCursor} @click=${this.older}>${t('executions.more')}</button>
      </nav>`;
  }
}
