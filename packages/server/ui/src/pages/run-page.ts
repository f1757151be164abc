import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Automation, LogEntry, Run } from '../api/types.js';
import { NO_TITLES, loadNodeTitles, type NodeTitles } from '../node-titles.js';
import type { Translate } from '../i18n/i18n.js';
import { statusBadge } from '../components/status-badge.js';
import { formatDateTime } from '../format.js';
import { PageElement } from '../page-element.js';
import { href } from '../router.js';
import { builderClientOptions, loadBuilder, type BuilderClientOptions } from '../builder-loader.js';

const LIVE = new Set(['pending', 'running', 'waiting']);
const RUN_EVENTS = [
  'node.started',
  'node.completed',
  'node.failed',
  'run.waiting',
  'run.completed',
  'run.failed',
  'run.cancelled',
];

/** `<swigs-run-page>`: one run: its executed path on the read-only builder, the execution log, retry and cancel. */
export class RunPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    run: { state: true },
    automation: { state: true },
    builderReady: { state: true },
    titles: { state: true },
  };

  declare run: Run | null;
  declare automation: Automation | null;
  declare builderReady: boolean;
  declare titles: NodeTitles;
  private poll: ReturnType<typeof setInterval> | null = null;
  private client: BuilderClientOptions | undefined;
  private events: EventSource | null = null;

  constructor() {
    super();
    this.run = null;
    this.automation = null;
    this.builderReady = false;
    this.titles = NO_TITLES;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A live run is refreshed so the page follows it to its end: on the server's run events, and by a slow poll
    // in case the event stream is cut (proxies, sleep).
    this.poll = setInterval(() => {
      if (this.run && LIVE.has(this.run.status)) void this.refresh();
    }, 5000);
  }

  override disconnectedCallback(): void {
    if (this.poll) clearInterval(this.poll);
    this.events?.close();
    this.events = null;
    super.disconnectedCallback();
  }

  private listen(runId: string): void {
    this.events?.close();
    const token = this.ctx.api.headers().Authorization?.replace(/^Bearer /, '') ?? '';
    const url = new URL('api/events', this.ctx.api.baseUrl);
    url.searchParams.set('runId', runId);
    url.searchParams.set('access_token', token);
    const source = new EventSource(url);
    for (const name of RUN_EVENTS) source.addEventListener(name, () => void this.refresh());
    this.events = source;
  }

  protected async load(): Promise<void> {
    this.run = await this.ctx.api.get<Run>(`/api/automation-runs/${encodeURIComponent(this.params.id ?? '')}`);
    this.listen(this.run.id);
    this.automation = await this.ctx.api
      .get<Automation>(`/api/automations/${encodeURIComponent(this.run.automationId)}`)
      .catch(() => null);
    this.client = builderClientOptions(this.ctx.api);
    this.titles = await loadNodeTitles(this.ctx.api);
    this.builderReady = await loadBuilder();
  }

  private async refresh(): Promise<void> {
    try {
      this.run = await this.ctx.api.get<Run>(`/api/automation-runs/${encodeURIComponent(this.params.id ?? '')}`);
    } catch {
      // The next tick tries again; a deleted run shows its last state.
    }
  }

  private async retry(): Promise<void> {
    const run = this.run;
    if (!run) return;
    const answer = await this.attempt(() =>
      this.ctx.api.post<Run | { run?: Run; id?: string }>(`/api/automation-runs/${encodeURIComponent(run.id)}/retry`),
    );
    if (!answer) return;
    this.ctx.notify(this.ctx.t('run.retried'));
    const next = 'status' in answer ? (answer as Run) : (answer as { run?: Run }).run;
    if (next && next.id !== run.id) this.ctx.navigate(`/runs/${encodeURIComponent(next.id)}`);
    else await this.refresh();
  }

  private async cancel(): Promise<void> {
    const run = this.run;
    if (!run) return;
    if (!(await this.ask(this.ctx.t('confirm.cancelRun'), this.ctx.t('run.cancel')))) return;
    await this.attempt(() => this.ctx.api.post(`/api/automation-runs/${encodeURIComponent(run.id)}/cancel`));
    await this.refresh();
  }

  private async deleteItem(): Promise<void> {
    const run = this.run;
    if (!run || !(await this.ask(this.ctx.t('common.confirmDelete', { name: run.id }), this.ctx.t('common.delete'))))
      return;
    const ok = await this.attempt(async () => {
      await this.ctx.api.del(`/api/automation-runs/${encodeURIComponent(run.id)}`);
      return true;
    });
    if (ok) this.ctx.navigate(`/automations/${encodeURIComponent(run.automationId)}/runs`);
  }

  override render(): TemplateResult {
    const { t, lang } = this.ctx;
    const run = this.run;
    if (!run) return html`<h1>${t('run.title', { id: this.params.id ?? '' })}</h1>${this.renderState()}`;
    const label = (entry: LogEntry): string =>
      this.automation?.nodes.find((n) => n.id === entry.nodeId)?.label ?? this.titles.title(entry.nodeType, lang);
    return html`<div class="page-head">
        <h1>${run.title ?? t('run.title', { id: run.id })}</h1>
        <div class="row-actions">
          ${
            run.status === 'failed'
              ? html`<button type="button" class="btn btn-primary" @click=${this.retry}>${t('run.retry')}</button>`
              : nothing
          }
          ${
            LIVE.has(run.status)
              ? html`<button type="button" class="btn" @click=${this.cancel}>${t('run.cancel')}</button>`
              : nothing
          }
          <button type="button" class="btn btn-danger" @click=${this.deleteItem}>${t('run.delete')}</button>
        </div>
      </div>
      ${this.renderState()}
      <dl class="facts">
        <div><dt>${t('run.automation')}</dt><dd>
          <a href=${href(`/automations/${encodeURIComponent(run.automationId)}/runs`)}>${this.automation?.name ?? run.automationId}</a>
        </dd></div>
        <div><dt>${t('run.id')}</dt><dd><code>${run.id}</code></dd></div>
        <div><dt>${t('common.status')}</dt><dd class="run-status">${statusBadge(run.status, t)}</dd></div>
        <div><dt>${t('runs.trigger')}</dt><dd>${this.titles.title(run.triggerType, lang)}</dd></div>
        <div><dt>${t('runs.started')}</dt><dd>${formatDateTime(run.startedAt ?? run.createdAt, lang)}</dd></div>
        <div><dt>${t('runs.completed')}</dt><dd>${formatDateTime(run.completedAt, lang)}</dd></div>
        ${
          run.scheduledAt && run.status === 'waiting'
            ? html`<div><dt>${t('run.scheduledAt')}</dt><dd>${formatDateTime(run.scheduledAt, lang)}</dd></div>`
            : nothing
        }
        ${run.error ? html`<div class="wide"><dt>${t('run.error')}</dt><dd class="error-text">${run.error}</dd></div>` : nothing}
      </dl>
      ${
        this.builderReady && this.automation
          ? html`<section aria-labelledby="run-path-title">
            <h2 id="run-path-title">${t('run.path')}</h2>
            <swigs-automation-builder
              class="run-view"
              readonly
              lang=${lang}
              theme=${this.ctx.theme}
              .client=${this.client}
              .automation=${guard([this.automation], () => this.automation)}
              .run=${run}
            ></swigs-automation-builder>
          </section>`
          : nothing
      }
      <section aria-labelledby="run-log-title">
        <h2 id="run-log-title">${t('run.log')}</h2>
        <ol class="log">
          ${(run.executionLog ?? []).map((entry) => this.renderEntry(entry, label(entry)))}
        </ol>
      </section>
      <details>
        <summary>${t('run.triggerData')}</summary>
        <pre>${JSON.stringify(run.triggerData ?? null, null, 2)}</pre>
      </details>`;
  }

  private renderEntry(entry: LogEntry, name: string): TemplateResult {
    const { t, lang } = this.ctx;
    return html`<li class="log-entry log-${entry.status}" data-node-id=${entry.nodeId}>
      <div class="log-head">
        <strong>${name}</strong> <code>${entry.nodeId}</code> ${statusBadge(entry.status, t)}
        ${entry.branch ? html`<span class="muted" data-branch=${entry.branch}>${t('app.pair', { label: t('run.branch'), value: branchLabel(entry.branch, t) })}</span>` : nothing}
        ${entry.attempts && entry.attempts > 1 ? html`<span class="muted">${t('app.pair', { label: t('run.attempts'), value: entry.attempts })}</span>` : nothing}
        <span class="muted">${formatDateTime(entry.startedAt, lang)}</span>
      </div>
      ${entry.error ? html`<p class="error-text">${entry.error}</p>` : nothing}
      <details>
        <summary>${t('run.input')} / ${t('run.output')}</summary>
        <div class="io">
          <pre aria-label=${t('run.input')}>${JSON.stringify(entry.input ?? null, null, 2)}</pre>
          <pre aria-label=${t('run.output')}>${JSON.stringify(entry.output ?? null, null, 2)}</pre>
        </div>
      </details>
    </li>`;
  }
}

/** A condition's branch in words (« vrai » / « faux »); other outputs keep their name. */
function branchLabel(branch: string, t: Translate): string {
  return branch === 'true' ? t('branch.true') : branch === 'false' ? t('branch.false') : branch;
}
