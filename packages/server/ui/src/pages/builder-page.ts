import { html, nothing, type TemplateResult } from 'lit';
import type { Automation, Run } from '../api/types.js';
import { builderClientOptions, loadBuilder, type BuilderClientOptions } from '../builder-loader.js';
import { PageElement, messageOf } from '../page-element.js';
import { href } from '../router.js';

type Draft = Partial<Automation> & { name: string };

/** `<swigs-builder-page>`: the visual builder on one automation, with save, manual run and history links. */
export class BuilderPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    automation: { state: true },
    builderReady: { state: true },
    lastRunId: { state: true },
  };

  declare automation: Draft | null;
  declare builderReady: boolean;
  declare lastRunId: string | null;
  /** What the element edits; replaced only when it must reload (first load, or a new automation got its id). */
  private builderInput: Automation | undefined;
  private client: BuilderClientOptions | undefined;

  constructor() {
    super();
    this.automation = null;
    this.builderReady = false;
    this.lastRunId = null;
  }

  private get isNew(): boolean {
    return !this.params.id || this.params.id === 'new';
  }

  protected async load(): Promise<void> {
    this.lastRunId = null;
    const [ready, automation] = await Promise.all([
      loadBuilder(),
      this.isNew
        ? Promise.resolve<Draft>({ name: this.ctx.t('automations.defaultName'), description: '', isActive: false, nodes: [] })
        : this.ctx.api.get<Automation>(`/api/automations/${encodeURIComponent(this.params.id ?? '')}`),
    ]);
    this.builderReady = ready;
    this.automation = automation;
    this.builderInput = this.isNew ? undefined : (automation as Automation);
    this.client = builderClientOptions(this.ctx.api);
  }

  /** Saves what the builder hands over; a new automation is created, then the URL follows its id. */
  private async save(e: Event): Promise<void> {
    const detail = (e as CustomEvent<{ automation?: Draft } | Draft>).detail;
    const fromBuilder = (detail && 'automation' in detail ? detail.automation : detail) as Draft | undefined;
    const draft: Draft = { ...(this.automation ?? { name: '' }), ...(fromBuilder ?? {}) };
    const nameInput = this.querySelector<HTMLInputElement>('#automation-name');
    if (nameInput?.value.trim()) draft.name = nameInput.value.trim();
    const body = {
      name: draft.name,
      description: draft.description ?? '',
      isActive: draft.isActive ?? false,
      trigger: draft.trigger,
      nodes: draft.nodes ?? [],
    };
    try {
      const saved = this.isNew || !draft.id
        ? await this.ctx.api.post<Automation>('/api/automations', body)
        : await this.ctx.api.put<Automation>(`/api/automations/${encodeURIComponent(draft.id)}`, body);
      this.automation = saved;
      this.ctx.notify(saved.problems?.length ? this.ctx.t('builder.invalidDraft') : this.ctx.t('common.saved'));
      if (this.isNew) {
        // The element now edits the stored automation (its id is needed by the test panel).
        this.builderInput = saved;
        location.replace(href(`/automations/${encodeURIComponent(saved.id)}`));
      }
    } catch (err) {
      this.ctx.notify(messageOf(err), 'error');
    }
  }

  private async runNow(): Promise<void> {
    const id = this.automation?.id;
    if (!id) {
      this.ctx.notify(this.ctx.t('builder.saveFirst'), 'error');
      return;
    }
    const answer = await this.attempt(() =>
      this.ctx.api.post<Run | { run?: Run; runId?: string; id?: string }>(`/api/automations/${encodeURIComponent(id)}/run`, {
        payload: {},
      }),
    );
    if (!answer) return;
    const a = answer as { run?: Run; runId?: string; id?: string };
    this.lastRunId = a.run?.id ?? a.runId ?? a.id ?? null;
    this.ctx.notify(this.ctx.t('builder.runDone'));
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Once a new automation is saved, the route follows its id; the page keeps its state instead of reloading.
    if (changed.has('params') && this.automation?.id && this.automation.id === this.params.id) return;
    super.willUpdate(changed as never);
  }

  override render(): TemplateResult {
    const { t, lang } = this.ctx;
    const a = this.automation;
    return html`<div class="page-head">
        <h1>${t('builder.title', { name: a?.name ?? '…' })}</h1>
        <div class="row-actions">
          ${a?.id
            ? html`<button type="button" class="btn" @click=${this.runNow}>${t('builder.run')}</button>
                <a class="btn" href=${href(`/automations/${encodeURIComponent(a.id)}/runs`)}>${t('automations.history')}</a>`
            : nothing}
          ${this.lastRunId
            ? html`<a class="btn btn-primary" href=${href(`/runs/${encodeURIComponent(this.lastRunId)}`)}>${t('builder.openRun')}</a>`
            : nothing}
        </div>
      </div>
      ${this.renderState()}
      ${a
        ? html`<label class="field inline name-field">
            <span>${t('builder.nameLabel')}</span>
            <input id="automation-name" .value=${a.name} maxlength="200" required />
          </label>`
        : nothing}
      ${a && this.builderReady
        ? html`<swigs-automation-builder
            class="builder"
            lang=${lang}
            .client=${this.client}
            .automation=${this.builderInput}
            @swigs-save=${this.save}
          ></swigs-automation-builder>`
        : nothing}
      ${a && !this.loading && !this.builderReady ? html`<p class="alert alert-error" role="alert">${t('builder.missing')}</p>` : nothing}`;
  }
}
