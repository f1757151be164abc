import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { setAt } from '../model/schema-form';
import { configOf } from '../model/graph-ops';
import type { PanelTasks, TemplatePreview } from '../controllers/panel-tasks';
import type { BuilderView } from './builder-view';
import { messageOf } from './error-message';

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
  if (!host.resolvedClient) return undefined;
  host.server.wantTemplates();
  const m = host.msg;
  const templates = host.server.templates;
  const set = (next: string) =>
    host.store.setConfig(
      nodeId,
      setAt(configOf(host.store.automation, nodeId) ?? {}, path, next || undefined) as Record<string, unknown>,
    );
  return html`<div class="field" data-testid="template-picker">
    <label for=${id}>${m.emailTemplate}</label>
    <select id=${id} name=${path.join('.')} ?disabled=${host.isReadonly} aria-busy=${templates.status === TaskStatus.PENDING ? 'true' : 'false'}
      @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!value}>${m.chooseTemplate}</option>
      ${templates.render({
        pending: () => (value ? html`<option value=${value} selected>${value}</option>` : nothing),
        complete: (list) => list.map((t) => html`<option value=${t.id} ?selected=${t.id === value}>${t.name}</option>`),
      })}
    </select>
    ${templates.render({
      pending: () => html`<div class="status" role="status">${m.loadingTemplates}</div>`,
      error: (error) => html`<div class="error-text" role="alert">${messageOf(error)}</div>`,
    })}
    ${
      value && !host.isReadonly
        ? html`<button type="button" data-testid="edit-template" @click=${() => openTemplate(host, value)}>${m.editTemplate}</button>`
        : nothing
    }
  </div>`;
}

/** Opens the template `id` in the editor: its preview follows at once (the panel's preview task). */
function openTemplate(host: TemplateHost, id: string): void {
  const template = host.server.templateList?.find((t) => t.id === id);
  if (!template) return;
  host.setUi({
    templateDraft: {
      id,
      subject: template.subject ?? '',
      body: template.body ?? '',
      preheader: template.preheader ?? '',
    },
  });
}

/** The template editor with a live preview rendered by the server (`PanelTasks.preview`). */
export function renderTemplateEditor(host: TemplateHost, tasks: PanelTasks): TemplateResult | typeof nothing {
  const draft = host.ui.templateDraft;
  if (!draft) return nothing;
  const m = host.msg;
  const client = host.resolvedClient;
  const input = (key: 'subject' | 'body' | 'preheader') => (e: Event) => {
    const current = host.ui.templateDraft;
    if (current) host.setUi({ templateDraft: { ...current, [key]: (e.target as HTMLInputElement).value } });
  };
  const { preview, templateSave } = tasks;
  // While a new preview is asked for, the last one of this template stays (typing does not blank it).
  const shown = preview.value?.id === draft.id ? preview.value : undefined;
  const renderPreview = (value: TemplatePreview) =>
    html`<p data-testid="preview-subject"><strong>${value.subject}</strong></p>
      <iframe class="email" data-testid="preview-frame" title="${m.preview} : ${value.subject}" sandbox="" .srcdoc=${value.html}></iframe>`;
  return html`<section data-testid="template-editor" aria-labelledby="template-editor-title">
    <h3 id="template-editor-title">${m.editTemplate}</h3>
    <div class="field"><label for="tpl-subject">${m.subject}</label><input id="tpl-subject" name="template.subject" .value=${live(draft.subject)} @input=${input('subject')} /></div>
    <div class="field"><label for="tpl-preheader">${m.preheader}</label><input id="tpl-preheader" name="template.preheader" .value=${live(draft.preheader)} @input=${input('preheader')} /></div>
    <div class="field"><label for="tpl-body">${m.body}</label><textarea id="tpl-body" name="template.body" .value=${live(draft.body)} @input=${input('body')}></textarea></div>
    <h4>${m.preview}</h4>
    <div data-testid="preview" aria-busy=${preview.status === TaskStatus.PENDING ? 'true' : 'false'}>
      ${preview.render({
        pending: () => (shown ? renderPreview(shown) : html`<p class="status" role="status">${m.previewLoading}</p>`),
        complete: renderPreview,
        error: (error) =>
          html`<p class="error-text" data-testid="preview-error">${m.previewError} : ${messageOf(error)}</p>`,
      })}
    </div>
    ${
      tasks.savedDraft === draft
        ? templateSave.render({
            error: (error) =>
              html`<p class="error-text" role="alert" data-testid="save-template-error">${m.saveTemplateError} : ${messageOf(error)}</p>`,
          })
        : nothing
    }
    <div class="inline">
      ${
        client?.saveEmailTemplate
          ? html`<button type="button" data-testid="save-template" ?disabled=${templateSave.status === TaskStatus.PENDING}
            @click=${() => void tasks.saveTemplate()}>${m.saveTemplate}</button>`
          : nothing
      }
      <button type="button" @click=${() => host.setUi({ templateDraft: null })}>${m.close}</button>
    </div>
  </section>`;
}
