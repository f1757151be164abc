import { html, nothing, type TemplateResult } from 'lit';
import type { EmailTemplate } from '../api/types.js';
import { loadNodeTitles, NO_TITLES, type NodeTitles } from '../node-titles.js';
import { PageElement, messageOf } from '../page-element.js';
import { href } from '../router.js';
import { loadTemplateEditor, type TemplateEditorModule } from '../template-editor-loader.js';
import type { CodeField, HelperOption, VariableOption } from '../template-editor/index.js';
import {
  checkBody,
  FIELDS,
  type CheckAnswer,
  type CheckProblem,
  type StepContext,
  type TemplateField,
} from './template-check.js';

type Draft = Omit<EmailTemplate, 'id'> & { id?: string };
type Width = 'desktop' | 'mobile';

/** An automation as `GET /api/automations/:id` answers it; the fields the server owns are left out of the update. */
interface StoredAutomation {
  id: string;
  userId?: string;
  version?: number;
  stats?: unknown;
  createdAt?: string;
  updatedAt?: string;
  problems?: unknown;
  nodes: Array<{ id: string; config?: Record<string, unknown> }>;
  [field: string]: unknown;
}

const DEFAULT_TRIGGER = 'order.paid';

/** The value types the completion names, in the page's language. */
const TYPE_KEYS = {
  string: 'templates.typeText',
  number: 'templates.typeNumber',
  integer: 'templates.typeNumber',
  boolean: 'templates.typeBoolean',
  object: 'templates.typeObject',
  array: 'templates.typeList',
  date: 'templates.typeDate',
} as const;

const blank = (): Draft => ({
  name: '',
  subject: '',
  body: '<p>Bonjour {{trigger.customer.firstName}},</p>\n<p>Merci pour votre commande {{trigger.orderNumber}}.</p>',
  preheader: '',
  text: '',
  availableVariables: [],
  category: 'transactional',
  isActive: true,
});

/**
 * `<swigs-template-page>`: edits one email template in code editors (CodeMirror, loaded with this page only) with
 * completion of the variables and helpers, the server's problems where they are, and a live preview at desktop and
 * mobile widths. Opened from an e-mail step (`?automation=…&step=…`), it checks against that step's variables and,
 * once saved, is chosen for the step.
 */
export class TemplatePage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    template: { state: true },
    check: { state: true },
    checkError: { state: true },
    busy: { state: true },
    dirty: { state: true },
    editorReady: { state: true },
    triggerType: { state: true },
    step: { state: true },
    width: { state: true },
    titles: { state: true },
    helpers: { state: true },
    saveError: { state: true },
  };

  /** Why the last save was refused (a template in use that its steps cannot send…), shown by the save button. */
  declare saveError: string | null;

  /** The form differs from the stored template. */
  declare dirty: boolean;
  declare template: Draft | null;
  declare check: CheckAnswer | null;
  declare checkError: string | null;
  declare busy: boolean;
  declare editorReady: boolean;
  /** Whose variables the fields may use (when not opened from a step). */
  declare triggerType: string;
  declare step: StepContext | null;
  declare width: Width;
  declare titles: NodeTitles;
  declare helpers: HelperOption[];

  private fields: Record<TemplateField, string> = { subject: '', body: '', preheader: '', text: '' };
  private editors = new Map<TemplateField, CodeField>();
  private editorModule: TemplateEditorModule | null = null;
  private sampleText = '{}';
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private checkSeq = 0;

  constructor() {
    super();
    this.template = null;
    this.check = null;
    this.checkError = null;
    this.busy = false;
    this.dirty = false;
    this.editorReady = false;
    this.triggerType = DEFAULT_TRIGGER;
    this.step = null;
    this.width = 'desktop';
    this.titles = NO_TITLES;
    this.helpers = [];
    this.saveError = null;
  }

  private setDirty(dirty: boolean): void {
    this.dirty = dirty;
    this.ctx.unsaved.set(this, dirty);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A new template just saved: the route now carries its id, and the editor keeps its state.
    if (changed.has('params') && this.template?.id && this.template.id === this.params.id) return;
    super.willUpdate(changed as never);
  }

  protected async load(): Promise<void> {
    this.check = null;
    // The editors are built again for the new fields once they have arrived.
    this.editorReady = false;
    this.destroyEditors();
    const id = this.params.id;
    const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
    const [template, titles, helpers, step] = await Promise.all([
      !id || id === 'new'
        ? Promise.resolve(blank())
        : this.ctx.api.get<EmailTemplate>(`/api/email-templates/${encodeURIComponent(id)}`),
      loadNodeTitles(this.ctx.api),
      this.ctx.api
        .get<{
          items: Array<{ name: string; description: { fr: string; en: string }; example: string; result?: string }>;
        }>('/api/template-helpers')
        .then(
          (answer) => answer.items.map((h) => ({ ...h, description: h.description[this.ctx.lang] })) as HelperOption[],
          () => [] as HelperOption[],
        ),
      this.stepOf(query.get('automation'), query.get('step'), id),
    ]);
    this.template = template;
    this.titles = titles;
    this.helpers = helpers;
    this.step = step;
    const trigger = query.get('trigger');
    this.triggerType = step?.triggerType ?? (trigger && titles.triggers.includes(trigger) ? trigger : DEFAULT_TRIGGER);
    this.fields = {
      subject: template.subject,
      body: template.body,
      preheader: template.preheader,
      text: template.text,
    };
    this.sampleText = JSON.stringify(step?.sampleData ?? titles.sample(this.triggerType) ?? {}, null, 2);
    this.editorModule ??= await loadTemplateEditor();
    this.editorReady = true;
    void this.runCheck();
  }

  /** The automation and e-mail step this template is written for, when the page was opened from one. */
  private async stepOf(
    automationId: string | null,
    nodeId: string | null,
    templateId: string | undefined,
  ): Promise<StepContext | null> {
    if (!automationId || !nodeId) return null;
    const automation = await this.ctx.api.get<{
      id: string;
      name: string;
      trigger: { type: string };
      sampleData?: unknown;
      nodes: Array<{ id: string; label?: string; type: string; config?: Record<string, unknown> }>;
    }>(`/api/automations/${encodeURIComponent(automationId)}`);
    const node = automation.nodes.find((n) => n.id === nodeId);
    if (!node) return null;
    return {
      automationId: automation.id,
      automationName: automation.name,
      nodeId,
      stepName: node.label || (await loadNodeTitles(this.ctx.api)).title(node.type, this.ctx.lang),
      triggerType: automation.trigger.type,
      sampleData: automation.sampleData,
      linked: templateId !== undefined && node.config?.templateId === templateId,
    };
  }

  protected override updated(): void {
    if (!this.editorReady || !this.editorModule || !this.template) return;
    for (const field of FIELDS) {
      const host = this.querySelector<HTMLElement>(`[data-code-field="${field}"]`);
      if (!host || this.editors.has(field)) continue;
      const { t } = this.ctx;
      this.editors.set(
        field,
        this.editorModule.createCodeField({
          parent: host,
          value: this.fields[field],
          mode: field === 'body' ? 'html' : 'text',
          singleLine: field === 'subject' || field === 'preheader',
          label: t(`templates.${field}`),
          describedBy: `problems-${field}`,
          catalogue: { variables: () => this.variables(), helpers: () => this.helpers },
          onChange: (value) => {
            this.fields[field] = value;
            this.onEdit();
          },
        }),
      );
    }
    this.showProblems();
  }

  private variables(): VariableOption[] {
    const paths = this.editorModule?.variablePaths;
    if (!paths) return [];
    const sample = this.sampleData() ?? undefined;
    const { t } = this.ctx;
    return paths(this.titles.outputSchema(this.triggerType), sample, 'trigger', this.ctx.lang).map((v) =>
      v.type && v.type in TYPE_KEYS ? { ...v, type: t(TYPE_KEYS[v.type as keyof typeof TYPE_KEYS]) } : v,
    );
  }

  private onEdit(): void {
    this.setDirty(true);
    this.scheduleCheck();
  }

  private scheduleCheck(): void {
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => void this.runCheck(), 300);
  }

  /** The server's check of the fields as typed: problems placed in the editors, and the preview. */
  private async runCheck(): Promise<void> {
    const data = this.sampleData();
    if (!data) {
      this.checkError = this.ctx.t('templates.badJson');
      return;
    }
    const seq = ++this.checkSeq;
    try {
      const answer = await this.ctx.api.post<CheckAnswer>(
        '/api/email-templates/check',
        checkBody(this.fields, data, this.step, this.triggerType),
      );
      // An answer to an older edit arriving late must not replace a newer one.
      if (seq !== this.checkSeq) return;
      this.check = answer;
      this.checkError = null;
    } catch (err) {
      if (seq === this.checkSeq) this.checkError = messageOf(err);
    }
  }

  private problemsOf(field: TemplateField): CheckProblem[] {
    return this.check?.problems.filter((p) => p.field === field) ?? [];
  }

  private showProblems(): void {
    for (const [field, editor] of this.editors) editor.setProblems(this.problemsOf(field));
  }

  private sampleData(): Record<string, unknown> | null {
    try {
      const parsed: unknown = JSON.parse(this.sampleText || '{}');
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : null;
    } catch {
      return null;
    }
  }

  private readForm(): Omit<EmailTemplate, 'id'> {
    const form = this.querySelector<HTMLFormElement>('#template-form');
    const data = new FormData(form ?? undefined);
    const str = (k: string): string => String(data.get(k) ?? '');
    return {
      name: str('name').trim(),
      ...this.fields,
      category: str('category') === 'marketing' ? 'marketing' : 'transactional',
      isActive: data.get('isActive') === 'on',
      availableVariables: str('availableVariables')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    };
  }

  private async save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const body = this.readForm();
    this.busy = true;
    this.saveError = null;
    try {
      const id = this.template?.id;
      const saved = id
        ? await this.ctx.api.put<EmailTemplate>(`/api/email-templates/${encodeURIComponent(id)}`, body)
        : await this.ctx.api.post<EmailTemplate>('/api/email-templates', body);
      this.template = saved;
      this.setDirty(false);
      if (!id && this.step) await this.linkToStep(saved);
      else this.ctx.notify(this.ctx.t('common.saved'));
      if (!id)
        location.replace(
          href(
            `/templates/${encodeURIComponent(saved.id)}${location.hash.includes('?') ? `?${location.hash.split('?')[1]}` : ''}`,
          ),
        );
      void this.runCheck();
    } catch (err) {
      this.saveError = messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  /** Chooses the new template for the e-mail step it was created from (the automation's other fields unchanged). */
  private async linkToStep(saved: EmailTemplate): Promise<void> {
    const step = this.step;
    if (!step) return;
    const path = `/api/automations/${encodeURIComponent(step.automationId)}`;
    const {
      id: _id,
      userId: _u,
      version: _v,
      stats: _st,
      createdAt: _c,
      updatedAt: _up,
      problems: _p,
      ...stored
    } = await this.ctx.api.get<StoredAutomation>(path);
    const nodes = stored.nodes.map((node) => {
      if (node.id !== step.nodeId) return node;
      // The stored template replaces inline fields, which would otherwise win over it.
      const { subject: _s, body: _b, preheader: _h, text: _t, ...config } = node.config ?? {};
      return { ...node, config: { ...config, templateId: saved.id } };
    });
    await this.ctx.api.put(path, { ...stored, nodes });
    this.step = { ...step, linked: true };
    this.ctx.notify(this.ctx.t('templates.linked', { step: step.stepName }));
  }

  override disconnectedCallback(): void {
    clearTimeout(this.checkTimer);
    this.destroyEditors();
    this.ctx?.unsaved.set(this, false);
    super.disconnectedCallback();
  }

  private destroyEditors(): void {
    for (const editor of this.editors.values()) editor.destroy();
    this.editors.clear();
  }

  private async sendTest(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const id = this.template?.id;
    if (!id) return;
    const to = String(new FormData(e.target as HTMLFormElement).get('to') ?? '').trim();
    const data = this.sampleData();
    if (!data) {
      this.ctx.notify(this.ctx.t('templates.badJson'), 'error');
      return;
    }
    // What is on screen is sent, saved or not.
    const { subject, body, preheader, text } = this.fields;
    const sent = await this.attempt(async () => {
      await this.ctx.api.post(`/api/email-templates/${encodeURIComponent(id)}/send-test`, {
        to,
        data,
        ...(subject ? { subject } : {}),
        body,
        preheader,
        ...(text ? { text } : {}),
      });
      return true;
    });
    if (sent) this.ctx.notify(this.ctx.t('templates.testSent', { to }));
  }

  private onTrigger(e: Event): void {
    this.triggerType = (e.target as HTMLSelectElement).value;
    this.sampleText = JSON.stringify(this.titles.sample(this.triggerType) ?? {}, null, 2);
    void this.runCheck();
  }

  private onSample(e: Event): void {
    this.sampleText = (e.target as HTMLTextAreaElement).value;
    this.scheduleCheck();
  }

  override render(): TemplateResult {
    const { t } = this.ctx;
    const tpl = this.template;
    if (!tpl) return html`<h1>${t('templates.title')}</h1>${this.renderState()}`;
    return html`<div class="page-head">
        <h1>${t('templates.edit', { name: tpl.name || t('templates.new') })}</h1>
        ${
          this.step
            ? html`<a class="btn" href=${href(`/automations/${encodeURIComponent(this.step.automationId)}`)}>${t('templates.backToAutomation')}</a>`
            : html`<a class="btn" href=${href('/templates')}>${t('common.back')}</a>`
        }
      </div>
      ${this.renderState()}
      ${
        this.step
          ? html`<p class="alert" data-testid="template-step">
              ${t(this.step.linked ? 'templates.linkedTo' : 'templates.forStep', { step: this.step.stepName, automation: this.step.automationName })}
            </p>`
          : nothing
      }
      <div class="split template-split">
        <form id="template-form" class="stack card" @submit=${this.save} @input=${() => this.setDirty(true)} @change=${() => this.setDirty(true)}>
          <label class="field"><span>${t('common.name')}</span><input name="name" required maxlength="200" .value=${tpl.name} /></label>
          ${
            this.step
              ? nothing
              : html`<label class="field"><span>${t('templates.variablesOf')}</span>
                <select name="triggerType" @change=${this.onTrigger}>
                  ${this.titles.triggers.map((type) => html`<option value=${type} ?selected=${type === this.triggerType}>${this.titles.title(type, this.ctx.lang)}</option>`)}
                </select></label>`
          }
          ${FIELDS.map(
            (field) =>
              html`${this.renderCodeField(field)}${
                field === 'body'
                  ? html`<p class="muted small">${t('templates.completionHint')}</p>${this.renderHelpers()}`
                  : nothing
              }`,
          )}
          <label class="field"><span>${t('templates.variables')}</span><input name="availableVariables" .value=${tpl.availableVariables.join(', ')} /></label>
          <div class="row">
            <label class="field inline">
              <span>${t('templates.category')}</span>
              <select name="category">
                <option value="transactional" ?selected=${tpl.category === 'transactional'}>${t('templates.transactional')}</option>
                <option value="marketing" ?selected=${tpl.category === 'marketing'}>${t('templates.marketing')}</option>
              </select>
            </label>
            <label class="check"><input type="checkbox" name="isActive" .checked=${tpl.isActive} /> ${t('templates.active')}</label>
          </div>
          <div class="row save-row">
            <button class="btn btn-primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
              ${this.busy ? t('builder.saving') : t('common.save')}
            </button>
            <span class=${this.dirty ? 'save-state save-state-dirty' : 'save-state'} role="status">
              ${this.dirty ? t('builder.unsaved') : tpl.id ? t('builder.savedState') : ''}
            </span>
          </div>
          ${this.saveError ? html`<p class="alert alert-error" role="alert" data-testid="save-error">${this.saveError}</p>` : nothing}
        </form>
        ${this.renderPreview(tpl)}
      </div>`;
  }

  private renderCodeField(field: TemplateField): TemplateResult {
    const { t } = this.ctx;
    const problems = this.problemsOf(field);
    return html`<div class="field">
      <span id=${`label-${field}`}>${t(`templates.${field}`)}</span>
      <div class=${`code-field${field === 'body' || field === 'text' ? ' code-field-multi' : ''}${problems.length ? ' code-field-invalid' : ''}`} data-code-field=${field}>
        ${this.editorReady ? nothing : html`<p class="muted">${t('templates.loadingEditor')}</p>`}
      </div>
      <ul class="field-problems" id=${`problems-${field}`} data-testid=${`problems-${field}`}>
        ${problems.map((p) => html`<li class="error-text">${p.message}</li>`)}
      </ul>
    </div>`;
  }

  private renderHelpers(): TemplateResult | typeof nothing {
    if (this.helpers.length === 0) return nothing;
    const { t } = this.ctx;
    return html`<details class="helpers">
      <summary>${t('templates.helpers')}</summary>
      <dl>
        ${this.helpers.map(
          (h) => html`<dt><code>${h.example}</code>${h.result ? html` → <samp>${h.result}</samp>` : nothing}</dt>
            <dd>${h.description}</dd>`,
        )}
      </dl>
    </details>`;
  }

  private renderPreview(tpl: Draft): TemplateResult {
    const { t } = this.ctx;
    const rendered = this.check?.rendered;
    const widthButton = (width: Width) =>
      html`<button type="button" class="btn btn-small" aria-pressed=${this.width === width ? 'true' : 'false'} @click=${() => {
        this.width = width;
      }}>${t(`templates.${width}`)}</button>`;
    return html`<section class="stack card" aria-labelledby="preview-title">
      <div class="row preview-head">
        <h2 id="preview-title">${t('templates.preview')}</h2>
        <div class="segmented" role="group" aria-label=${t('templates.width')}>${widthButton('desktop')}${widthButton('mobile')}</div>
      </div>
      ${this.checkError ? html`<p class="alert alert-error" role="alert">${this.checkError}</p>` : nothing}
      ${
        rendered
          ? html`<p class="preview-subject">${t('templates.subjectLine', { subject: rendered.subject })}</p>
            <p class="preview-preheader muted">${t('templates.preheaderLine', { preheader: rendered.preheader ?? '' })}</p>
            <div class=${`preview-viewport preview-${this.width}`}>
              <iframe class="preview-frame" title=${t('templates.previewFrame')} sandbox="" .srcdoc=${rendered.html}></iframe>
            </div>
            <details class="preview-text">
              <summary>${t('templates.textPart')}</summary>
              <pre>${rendered.text}</pre>
            </details>`
          : this.check
            ? html`<p class="muted">${t('templates.fixToPreview')}</p>`
            : nothing
      }
      <label class="field"><span>${t('templates.previewData')}</span><textarea id="preview-data" rows="6" class="code" .value=${this.sampleText} @input=${this.onSample}></textarea></label>
      <form class="stack" @submit=${this.sendTest} aria-labelledby="test-send-title">
        <h3 id="test-send-title">${t('templates.testSend')}</h3>
        <label class="field"><span>${t('templates.testTo')}</span><input name="to" type="email" required autocomplete="email" /></label>
        <button class="btn" type="submit" ?disabled=${!tpl.id}>${t(!tpl.id ? 'templates.saveFirst' : this.dirty ? 'templates.testUnsaved' : 'templates.testSaved')}</button>
      </form>
    </section>`;
  }
}
