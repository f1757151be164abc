import { html, nothing, type TemplateResult } from 'lit';
import type { EmailTemplate } from '../api/types.js';
import { PageElement, messageOf } from '../page-element.js';
import { href } from '../router.js';

interface Preview {
  subject?: string;
  html?: string;
  text?: string;
}

const SAMPLE = JSON.stringify(
  { customer: { firstName: 'Léa', lastName: 'Favre', email: 'lea.favre@example.ch' }, orderNumber: '1042', total: 129.9, currency: 'CHF' },
  null,
  2,
);

const blank = (): Omit<EmailTemplate, 'id'> => ({
  name: '',
  subject: '',
  body: '<p>Bonjour {{trigger.customer.firstName}},</p>\n<p>Merci pour votre commande {{trigger.orderNumber}}.</p>',
  preheader: '',
  text: '',
  availableVariables: [],
  category: 'transactional',
  isActive: true,
});

/** `<swigs-template-page>`: edits one email template, with a server-rendered preview and a test send. */
export class TemplatePage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    template: { state: true },
    preview: { state: true },
    previewError: { state: true },
    busy: { state: true },
  };

  declare template: (Omit<EmailTemplate, 'id'> & { id?: string }) | null;
  declare preview: Preview | null;
  declare previewError: string | null;
  declare busy: boolean;

  constructor() {
    super();
    this.template = null;
    this.preview = null;
    this.previewError = null;
    this.busy = false;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A new template just saved: the route now carries its id, and the editor keeps its state.
    if (changed.has('params') && this.template?.id && this.template.id === this.params.id) return;
    super.willUpdate(changed as never);
  }

  protected async load(): Promise<void> {
    this.preview = null;
    const id = this.params.id;
    this.template = !id || id === 'new' ? blank() : await this.ctx.api.get<EmailTemplate>(`/api/email-templates/${encodeURIComponent(id)}`);
    if (this.template.id) void this.refreshPreview();
  }

  private readForm(): Omit<EmailTemplate, 'id'> {
    const form = this.querySelector<HTMLFormElement>('#template-form');
    const data = new FormData(form ?? undefined);
    const str = (k: string): string => String(data.get(k) ?? '');
    return {
      name: str('name').trim(),
      subject: str('subject'),
      preheader: str('preheader'),
      body: str('body'),
      text: str('text'),
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
    try {
      const id = this.template?.id;
      const saved = id
        ? await this.ctx.api.put<EmailTemplate>(`/api/email-templates/${encodeURIComponent(id)}`, body)
        : await this.ctx.api.post<EmailTemplate>('/api/email-templates', body);
      this.template = saved;
      this.ctx.notify(this.ctx.t('common.saved'));
      if (!id) location.replace(href(`/templates/${encodeURIComponent(saved.id)}`));
      await this.refreshPreview();
    } catch (err) {
      this.ctx.notify(messageOf(err), 'error');
    } finally {
      this.busy = false;
    }
  }

  private sampleData(): Record<string, unknown> | null {
    const raw = this.querySelector<HTMLTextAreaElement>('#preview-data')?.value ?? SAMPLE;
    try {
      const parsed: unknown = JSON.parse(raw || '{}');
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  private async refreshPreview(): Promise<void> {
    const id = this.template?.id;
    if (!id) return;
    const data = this.sampleData();
    if (!data) {
      this.previewError = this.ctx.t('templates.badJson');
      return;
    }
    // The preview shows the form as typed, saved or not.
    const form = this.querySelector('#template-form');
    const { subject, body, preheader, text } = form ? this.readForm() : (this.template ?? blank());
    try {
      this.preview = await this.ctx.api.post<Preview>(`/api/email-templates/${encodeURIComponent(id)}/preview`, {
        data,
        ...(subject ? { subject } : {}),
        body,
        preheader,
        ...(text ? { text } : {}),
      });
      this.previewError = null;
    } catch (err) {
      this.previewError = messageOf(err);
    }
  }

  private previewTimer: ReturnType<typeof setTimeout> | undefined;

  private schedulePreview(): void {
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.refreshPreview(), 400);
  }

  override disconnectedCallback(): void {
    clearTimeout(this.previewTimer);
    super.disconnectedCallback();
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
    const sent = await this.attempt(async () => {
      await this.ctx.api.post(`/api/email-templates/${encodeURIComponent(id)}/send-test`, { to, data });
      return true;
    });
    if (sent) this.ctx.notify(this.ctx.t('templates.testSent', { to }));
  }

  override render(): TemplateResult {
    const { t } = this.ctx;
    const tpl = this.template;
    if (!tpl) return html`<h1>${t('templates.title')}</h1>${this.renderState()}`;
    return html`<div class="page-head">
        <h1>${t('templates.edit', { name: tpl.name || t('templates.new') })}</h1>
        <a class="btn" href=${href('/templates')}>${t('common.back')}</a>
      </div>
      ${this.renderState()}
      <div class="split">
        <form id="template-form" class="stack card" @submit=${this.save} @input=${this.schedulePreview}>
          <label class="field"><span>${t('common.name')}</span><input name="name" required maxlength="200" .value=${tpl.name} /></label>
          <label class="field"><span>${t('templates.subject')}</span><input name="subject" required maxlength="500" .value=${tpl.subject} /></label>
          <label class="field"><span>${t('templates.preheader')}</span><input name="preheader" maxlength="300" .value=${tpl.preheader} /></label>
          <label class="field"><span>${t('templates.body')}</span><textarea name="body" rows="12" class="code" .value=${tpl.body}></textarea></label>
          <label class="field"><span>${t('templates.text')}</span><textarea name="text" rows="4" .value=${tpl.text}></textarea></label>
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
          <button class="btn btn-primary" type="submit" ?disabled=${this.busy}>${t('common.save')}</button>
        </form>
        <section class="stack card" aria-labelledby="preview-title">
          <h2 id="preview-title">${t('templates.preview')}</h2>
          <label class="field"><span>${t('templates.previewData')}</span><textarea id="preview-data" rows="6" class="code" .value=${SAMPLE}></textarea></label>
          <button type="button" class="btn" ?disabled=${!tpl.id} @click=${this.refreshPreview}>${t('templates.previewButton')}</button>
          ${this.previewError ? html`<p class="alert alert-error" role="alert">${this.previewError}</p>` : nothing}
          ${this.preview
            ? html`<p class="preview-subject"><strong>${t('templates.subject')} :</strong> ${this.preview.subject ?? ''}</p>
                <iframe class="preview-frame" title=${t('templates.previewFrame')} sandbox="" .srcdoc=${this.preview.html ?? `<pre>${escapeHtml(this.preview.text ?? '')}</pre>`}></iframe>`
            : nothing}
          <form class="stack" @submit=${this.sendTest} aria-labelledby="test-send-title">
            <h3 id="test-send-title">${t('templates.testSend')}</h3>
            <label class="field"><span>${t('templates.testTo')}</span><input name="to" type="email" required autocomplete="email" /></label>
            <button class="btn" type="submit" ?disabled=${!tpl.id}>${t('templates.testButton')}</button>
          </form>
        </section>
      </div>`;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
