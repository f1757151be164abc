import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Automation, Run } from '../api/types.js';
import { builderClientOptions, loadBuilder, type BuilderClientOptions } from '../builder-loader.js';
import { loadNodeTitles, NO_TITLES, type NodeTitles } from '../node-titles.js';
import { PageElement, messageOf } from '../page-element.js';
import { href } from '../router.js';
import { runDialog } from '../components/run-dialog.js';
import { renderEmailSteps } from '../components/email-steps.js';
import { itemsOf, type ListAnswer } from '../api/types.js';

type Draft = Partial<Automation> & { name: string; sampleData?: unknown };

interface BuilderElement extends HTMLElement {
  save(): unknown;
  getAutomation(): Draft;
}

/**
 * `<swigs-builder-page>`: the visual builder on one automation, with save, manual run and history links.
 * Unsaved edits are tracked (the shell asks before leaving), saves are serialized (a double click creates one
 * automation), and "Déclencher maintenant" offers to save first and asks for the run's data.
 */
export class BuilderPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    automation: { state: true },
    builderReady: { state: true },
    lastRunId: { state: true },
    saving: { state: true },
    dirty: { state: true },
    moreOpen: { state: true },
  };

  declare automation: Draft | null;
  declare builderReady: boolean;
  declare lastRunId: string | null;
  declare saving: boolean;
  declare dirty: boolean;
  /** Whether « Plus d’actions » is open (a phone only: wider screens show the actions in the head). */
  declare moreOpen: boolean;
  /**
   * What the element edits; replaced only when it must reload (first load, or a new automation got its id).
   * Bound through `guard`: Lit sets an object property on every render, and the element reloads (dropping the
   * edits since) whenever it is handed an object other than the one it last emitted.
   */
  private builderInput: Automation | undefined;
  private client: BuilderClientOptions | undefined;
  private titles: NodeTitles = NO_TITLES;
  /** The tenant's template names by id, for the e-mail steps' links. */
  private templateNames = new Map<string, string>();
  /** A save asked for while one is in flight: it runs after, as an update of the automation just created. */
  private queued: Draft | null = null;

  constructor() {
    super();
    this.automation = null;
    this.builderReady = false;
    this.lastRunId = null;
    this.saving = false;
    this.dirty = false;
    this.moreOpen = false;
  }

  private get isNew(): boolean {
    return !this.params.id || this.params.id === 'new';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On the window: focus may be nowhere (a pressed button that went away), which is still this page.
    window.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKeydown);
    this.ctx?.unsaved.set(this, false);
    super.disconnectedCallback();
  }

  /** Ctrl/Cmd+S anywhere on the page saves (the builder handles it first while focus is inside it). */
  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 's' || e.defaultPrevented || !this.automation) return;
    e.preventDefault();
    this.saveClick();
  };

  protected async load(): Promise<void> {
    this.lastRunId = null;
    this.setDirty(false);
    const [ready, automation, titles, templates] = await Promise.all([
      loadBuilder(),
      this.isNew
        ? Promise.resolve<Draft>({
            name: this.ctx.t('automations.defaultName'),
            description: '',
            isActive: false,
            nodes: [],
          })
        : this.ctx.api.get<Automation>(`/api/automations/${encodeURIComponent(this.params.id ?? '')}`),
      loadNodeTitles(this.ctx.api),
      this.ctx.api
        .get<ListAnswer<{ id: string; name: string }>>('/api/email-templates?limit=200')
        .then(itemsOf, () => []),
    ]);
    this.templateNames = new Map(templates.map((tpl) => [tpl.id, tpl.name]));
    this.builderReady = ready;
    this.automation = automation;
    this.titles = titles;
    this.builderInput = this.isNew ? undefined : (automation as Automation);
    this.client = builderClientOptions(this.ctx.api);
  }

  private setDirty(dirty: boolean): void {
    this.dirty = dirty;
    this.ctx.unsaved.set(this, dirty);
  }

  private get builder(): BuilderElement | null {
    return this.querySelector<BuilderElement>('swigs-automation-builder.builder');
  }

  /** The page's save button: asks the element to save (it validates and fires `swigs-save`). */
  private saveClick(): void {
    if (this.saving) return;
    const builder = this.builder;
    if (builder) builder.save();
    else void this.persistQueued(this.draftFrom(undefined));
  }

  /** Saves what the builder hands over; a new automation is created, then the URL follows its id. */
  private onSave(e: Event): void {
    const detail = (e as CustomEvent<{ automation?: Draft } | Draft>).detail;
    const fromBuilder = (detail && 'automation' in detail ? detail.automation : detail) as Draft | undefined;
    void this.persistQueued(this.draftFrom(fromBuilder));
  }

  private draftFrom(fromBuilder: Draft | undefined): Draft {
    const draft: Draft = { ...(this.automation ?? { name: '' }), ...(fromBuilder ?? {}) };
    const nameInput = this.querySelector<HTMLInputElement>('#automation-name');
    if (nameInput?.value.trim()) draft.name = nameInput.value.trim();
    return draft;
  }

  private async persistQueued(draft: Draft): Promise<Automation | null> {
    if (this.saving) {
      this.queued = draft;
      return null;
    }
    this.saving = true;
    try {
      let saved = await this.persist(draft);
      while (this.queued && saved) {
        const next = this.queued;
        this.queued = null;
        saved = await this.persist(next);
      }
      return saved;
    } finally {
      this.queued = null;
      this.saving = false;
    }
  }

  private async persist(draft: Draft): Promise<Automation | null> {
    const body = {
      name: draft.name,
      description: draft.description ?? '',
      isActive: draft.isActive ?? false,
      trigger: draft.trigger,
      nodes: draft.nodes ?? [],
      ...(draft.sampleData !== undefined ? { sampleData: draft.sampleData } : {}),
    };
    // The id of the stored automation decides create or update, so a second save never creates a second one.
    const id = this.automation?.id;
    try {
      const saved = id
        ? await this.ctx.api.put<Automation>(`/api/automations/${encodeURIComponent(id)}`, body)
        : await this.ctx.api.post<Automation>('/api/automations', body);
      this.automation = saved;
      this.setDirty(false);
      this.ctx.notify(saved.problems?.length ? this.ctx.t('builder.invalidDraft') : this.ctx.t('common.saved'));
      if (!id) {
        // The element now edits the stored automation (its id is needed by the test panel).
        this.builderInput = saved;
        location.replace(href(`/automations/${encodeURIComponent(saved.id)}`));
      }
      return saved;
    } catch (err) {
      this.ctx.notify(messageOf(err), 'error');
      return null;
    }
  }

  /** "Déclencher maintenant": the dialog offers to save unsaved edits and asks for the run's data. */
  private async runNow(): Promise<void> {
    const a = this.automation;
    if (!a?.id) {
      this.ctx.notify(this.ctx.t('builder.saveFirst'), 'error');
      return;
    }
    const prefill = a.sampleData ?? this.titles.sample(a.trigger?.type) ?? {};
    const choice = await runDialog({ t: this.ctx.t, name: a.name, data: prefill, dirty: this.dirty });
    if (!choice) return;
    if (choice.saveFirst) {
      const builder = this.builder;
      const saved = await this.persistQueued(this.draftFrom(builder?.getAutomation()));
      if (!saved) return;
    }
    const id = this.automation?.id ?? a.id;
    const answer = await this.attempt(() =>
      this.ctx.api.post<Run | { run?: Run; runId?: string; id?: string }>(
        `/api/automations/${encodeURIComponent(id)}/run`,
        { payload: choice.data },
      ),
    );
    if (!answer) return;
    const r = answer as { run?: Run; runId?: string; id?: string };
    this.lastRunId = r.run?.id ?? r.runId ?? r.id ?? null;
    this.ctx.notify(this.ctx.t('builder.runDone'));
  }

  /** Run, history and the last run: in the head on wide screens, behind one button on a phone (styles.css). */
  private renderMore(id: string | undefined): TemplateResult {
    const { t } = this.ctx;
    const close = (): void => {
      this.moreOpen = false;
    };
    return html`<div class="more-actions" ?data-open=${this.moreOpen}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Escape' || !this.moreOpen) return;
          close();
          this.querySelector<HTMLElement>('.more-toggle')?.focus();
        }}
        @focusout=${(e: FocusEvent) => {
          if (!(e.relatedTarget instanceof Node && (e.currentTarget as HTMLElement).contains(e.relatedTarget))) close();
        }}>
        <button type="button" class="btn more-toggle" aria-controls="builder-more" aria-expanded=${this.moreOpen ? 'true' : 'false'}
          aria-label=${t('builder.more')} title=${t('builder.more')} @click=${() => (this.moreOpen = !this.moreOpen)}>
          <span aria-hidden="true">⋯</span>
        </button>
        <div id="builder-more" class="more-items" @click=${close}>
          ${
            id
              ? html`<button type="button" class="btn" @click=${this.runNow}>${t('builder.run')}</button>
                <a class="btn" href=${href(`/automations/${encodeURIComponent(id)}/runs`)}>${t('automations.history')}</a>`
              : nothing
          }
          ${
            this.lastRunId
              ? html`<a class="btn" href=${href(`/runs/${encodeURIComponent(this.lastRunId)}`)}>${t('builder.openRun')}</a>`
              : nothing
          }
        </div>
      </div>`;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Once a new automation is saved, the route follows its id; the page keeps its state instead of reloading.
    if (changed.has('params') && this.automation?.id && this.automation.id === this.params.id) return;
    super.willUpdate(changed as never);
  }

  override render(): TemplateResult {
    const { t, lang } = this.ctx;
    const a = this.automation;
    // Head (name, save state, actions on one row) and builder fill the window below the app bar (`.builder-frame`);
    // the e-mail steps follow below. The title is read, not shown (the name field shows the name); on a phone the
    // actions other than saving fold into « Plus d’actions », so the canvas keeps most of the window. The element
    // shows neither its save button nor the name (`hide-save`, `hide-name`): the head has both.
    return html`<div class="builder-frame"><div class="page-head builder-head">
        <h1 class="visually-hidden">${t('builder.title', { name: a?.name ?? '…' })}</h1>
        ${
          a
            ? html`<label class="field inline name-field">
              <span class="visually-hidden">${t('builder.nameLabel')}</span>
              <input id="automation-name" .value=${a.name} maxlength="200" required @input=${() => this.setDirty(true)} />
            </label>`
            : nothing
        }
        <div class="row-actions">
          ${
            a
              ? html`<span class=${this.dirty ? 'save-state save-state-dirty' : 'save-state'} role="status" data-testid="save-state"
                  title=${this.dirty ? t('builder.unsaved') : a.id ? t('builder.savedState') : nothing}>
                  ${
                    this.dirty || a.id
                      ? html`<span class="save-dot" aria-hidden="true"></span><span class="save-text">${this.dirty ? t('builder.unsaved') : t('builder.savedState')}</span>`
                      : nothing
                  }
                </span>
                <button type="button" class="btn btn-primary" data-testid="page-save" ?disabled=${this.saving}
                  aria-busy=${this.saving ? 'true' : 'false'} @click=${this.saveClick}>
                  ${this.saving ? t('builder.saving') : t('common.save')}
                </button>`
              : nothing
          }
          ${a?.id || this.lastRunId ? this.renderMore(a?.id) : nothing}
        </div>
      </div>
      ${this.renderState()}
      ${
        a && this.builderReady
          ? html`<swigs-automation-builder
            class="builder"
            hide-save
            hide-name
            lang=${lang}
            theme=${this.ctx.theme}
            .client=${this.client}
            .automation=${guard([this.builderInput], () => this.builderInput)}
            @swigs-change=${() => this.setDirty(true)}
            @swigs-save=${this.onSave}
          ></swigs-automation-builder>`
          : nothing
      }
      ${a && !this.loading && !this.builderReady ? html`<p class="alert alert-error" role="alert">${t('builder.missing')}</p>` : nothing}</div>
      ${
        a?.id && a.nodes
          ? renderEmailSteps({
              automationId: a.id,
              nodes: a.nodes,
              templateNames: this.templateNames,
              titles: this.titles,
              t,
              lang,
            })
          : nothing
      }`;
  }
}
