import { html, nothing, render } from 'lit';
import type { ProjectEvent } from '../api/types.js';
import type { Translate } from '../i18n/i18n.js';

/** What an edit of hours or an expense sends (`PATCH /api/events/:id`). */
export type EventPatch =
  | { description: string; date: string; hours: number; hourlyRate?: number }
  | { description: string; date: string; amount: number };

/** What {@link eventDialog} needs: the event, and the save, which answers an error message or null once saved. */
export interface EventDialogOptions {
  t: Translate;
  event: ProjectEvent;
  save(patch: EventPatch): Promise<string | null>;
}

/**
 * Edits unbilled hours (date, description, hours, hourly rate) or an expense (date, description, amount) in a
 * modal dialog. A refusal (already invoiced meanwhile, invalid amount) is shown in the dialog, where it was asked.
 * Resolves true once saved.
 */
export function eventDialog(options: EventDialogOptions): Promise<boolean> {
  const { t, event } = options;
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'run-dialog event-dialog';
    dialog.setAttribute('aria-labelledby', 'event-dialog-title');
    let saved = false;
    let busy = false;
    const submit = async (e: SubmitEvent): Promise<void> => {
      e.preventDefault();
      if (busy) return;
      const data = new FormData(e.target as HTMLFormElement);
      const str = (k: string): string => String(data.get(k) ?? '').trim();
      const base = { description: str('description'), date: str('date') };
      const patch: EventPatch =
        event.type === 'hours'
          ? { ...base, hours: toNumber(str('hours')), ...(str('rate') ? { hourlyRate: toNumber(str('rate')) } : {}) }
          : { ...base, amount: toNumber(str('amount')) };
      busy = true;
      draw(null);
      const error = await options.save(patch);
      busy = false;
      if (error) {
        draw(error);
        return;
      }
      saved = true;
      dialog.close();
    };
    const draw = (error: string | null): void => {
      render(
        html`<h2 id="event-dialog-title">${t('events.editTitle', { name: event.description })}</h2>
          <form class="stack" @submit=${submit}>
            <label class="field"><span>${t('events.description')}</span>
              <input name="description" required maxlength="500" .value=${event.description} /></label>
            <label class="field"><span>${t('events.date')}</span><input type="date" name="date" required .value=${event.date.slice(0, 10)} /></label>
            ${
              event.type === 'hours'
                ? html`<label class="field"><span>${t('events.hoursCount')}</span>
                    <input name="hours" inputmode="decimal" required .value=${String(event.hours ?? '')} /></label>
                  <label class="field"><span>${t('events.rate')}</span>
                    <input name="rate" inputmode="decimal" .value=${event.hourlyRate === null ? '' : String(event.hourlyRate)} /></label>`
                : html`<label class="field"><span>${t('events.amount')}</span>
                    <input name="amount" inputmode="decimal" required .value=${String(event.amount)} /></label>`
            }
            ${error ? html`<p class="alert alert-error" role="alert">${error}</p>` : nothing}
            <div class="dialog-actions">
              <button type="button" class="btn" @click=${() => dialog.close()}>${t('common.cancel')}</button>
              <button type="submit" class="btn btn-primary" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>${t('common.save')}</button>
            </div>
          </form>`,
        dialog,
      );
    };
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(saved);
    });
    draw(null);
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A Swiss-typed number: `1'250.50`, `1 250,5`. */
function toNumber(text: string): number {
  return Number(text.replace(/['’\s\u202f]/g, '').replace(',', '.'));
}
