import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { setAt } from '../model/schema-form';
import { configOf } from '../model/graph-ops';
import type { BuilderView } from './builder-view';

/** What the email template picker and editor read and call. */
export type TemplateHost = Pick<
  BuilderView,
  'msg' | 'ui' | 'store' | 'isReadonly' | 'resolvedClient' | 'server' | 'setUi'
>;

/** The `templateId` field of email nodes: a select of the server's templates and an "edit" button. */
export function renderTemplatePicker(
  host: TemplateHost,
  nodeId: string,
  path: (string | number)[],
  id: string,
  value: string,
): TemplateResult | undefined {
  const templates = host.ui.templates;
  if (!host.resolvedClient) return undefined;
  if (templates === null) {
    void host.server.loadTemplates();
    return undefined;
  }
  const m = host.msg;
  const set = (next: string) =>
    host.store.setConfig(
      nodeId,
      setAt(configOf(host.store.automation, nodeId) ?? {}, path, next || undefined) as Record<string, unknown>,
    );
  return html`<div class="field" data-testid="template-picker">
    <label for=${id}>${m.emailTemplate}</label>
    <select id=${id} name=${path.join('.')} ?disabled=${host.isReadonly} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!value}>${m.chooseTemplate}</option>
      ${templates.map((t) => html`<option value=${t.id} ?selected=${t.id === value}>${t.name}</option>`)}
    </select>
    ${host.ui.templatesError ? html`<div class="error-text">${host.ui.templatesError}</div>` : nothing}
    ${
      value && !host.isReadonly
        ? html`<button type="button" data-testid="edit-template" @click=${() => host.server.editTemplate(value)}>${m.editTemplate}</button>`
        : nothing
    }
  </div>`;
}

/** The template editor with a live preview rendered by the server. */
export function renderTemplateEditor(host: TemplateHost): TemplateResult | typeof nothing {
  const draft = host.ui.templateDraft;
  if (!draft) return nothing;
  const m = host.msg;
  const client = host.resolvedClient;
  const input = (key: 'subject' | 'body' | 'preheader') => (e: Event) =>
    host.server.updateTemplateDraft({ [key]: (e.target as HTMLInputElement).value });
  return html`<section data-testid="template-editor" aria-labelledby="template-editor-title">
    <h3 id="template-editor-title">${m.editTemplate}</h3>
    <div class="field"><label for="tpl-subject">${m.subject}</label><input id="tpl-subject" name="template.subject" .value=${live(draft.subject)} @input=${input('subject')} /></div>
    <div class="field"><label for="tpl-preheader">${m.preheader}</label><input id="tpl-preheader" name="template.preheader" .value=${live(draft.preheader)} @input=${input('preheader')} /></div>
    <div class="field"><label for="tpl-body">${m.body}</label><textarea id="tpl-body" name="template.body" .value=${live(draft.body)} @input=${input('body')}></textarea></div>
    <h4>${m.preview}</h4>
    ${host.ui.previewError ? html`<p class="error-text" data-testid="preview-error">${m.previewError} : ${host.ui.previewError}</p>` : nothing}
    ${
      host.ui.preview
        ? html`<p data-testid="preview-subject"><strong>${host.ui.preview.subject}</strong></p>
          <iframe class="email" data-testid="preview-frame" title="${m.preview} : ${host.ui.preview.subject}" sandbox="" .srcdoc=${host.ui.preview.html}></iframe>`
        : nothing
    }
    <div class="inline">
      ${client?.saveEmailTemplate ? html`<button type="button" data-testid="save-template" @click=${() => void host.server.saveTemplateDraft()}>${m.saveTemplate}</button>` : nothing}
      <button type="button" @click=${() => host.setUi({ templateDraft: null, preview: null })}>${m.close}</button>
    </div>
  </section>`;
}
