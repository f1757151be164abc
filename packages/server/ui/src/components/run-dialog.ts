import { html, nothing, render } from 'lit';
import type { Translate } from '../i18n/i18n.js';

/** What {@link runDialog} shows. */
export interface RunDialogOptions {
  t: Translate;
  /** The automation's name, in the title. */
  name: string;
  /** The prefilled run data (the automation's sample data). */
  data: unknown;
  /** Unsaved edits: the dialog offers to save first. */
  dirty: boolean;
}

/** The user's answer: the run data, and whether to save the edits first. */
export interface RunChoice {
  data: Record<string, unknown>;
  saveFirst: boolean;
}

/**
 * The "Déclencher maintenant" dialog: the trigger data as editable JSON, prefilled from the sample data, and,
 * with unsaved edits, the choice between saving first and running the saved version. Resolves null on cancel.
 */
export function runDialog(options: RunDialogOptions): Promise<RunChoice | null> {
  const { t } = options;
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'run-dialog';
    dialog.setAttribute('aria-labelledby', 'run-dialog-title');
    let answer: RunChoice | null = null;
    const textOf = (): string => dialog.querySelector<HTMLTextAreaElement>('#run-data')?.value ?? '{}';
    const submit = (saveFirst: boolean): void => {
      const data = parseObject(textOf());
      if (!data) {
        draw(t('builder.badJson'));
        return;
      }
      answer = { data, saveFirst };
      dialog.close();
    };
    const draw = (error: string | null): void => {
      render(
        html`<h2 id="run-dialog-title">${t('builder.runTitle', { name: options.name })}</h2>
          <label class="field" for="run-data"><span>${t('builder.runData')}</span></label>
          <textarea id="run-data" class="code" rows="14" aria-describedby="run-data-help"
            aria-invalid=${error ? 'true' : 'false'}>${JSON.stringify(options.data ?? {}, null, 2)}</textarea>
          <p id="run-data-help" class="muted small">${t('builder.runDataHelp')}</p>
          ${error ? html`<p class="alert alert-error" role="alert">${error}</p>` : nothing}
          ${options.dirty ? html`<p class="alert alert-warn">${t('builder.runSaveFirst')}</p>` : nothing}
          <div class="dialog-actions">
            <button type="button" class="btn" @click=${() => dialog.close()}>${t('common.cancel')}</button>
            ${
              options.dirty
                ? html`<button type="button" class="btn" @click=${() => submit(false)}>${t('builder.runSaved')}</button>
                  <button type="button" class="btn btn-primary" @click=${() => submit(true)}>${t('builder.saveAndRun')}</button>`
                : html`<button type="button" class="btn btn-primary" @click=${() => submit(false)}>${t('builder.runStart')}</button>`
            }
          </div>`,
        dialog,
      );
    };
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    draw(null);
    document.body.append(dialog);
    dialog.showModal();
  });
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
