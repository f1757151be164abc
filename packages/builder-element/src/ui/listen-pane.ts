import { DEFAULT_TIME_ZONE } from '@swigs/automation-core/graph';
import { html, nothing, type TemplateResult } from 'lit';
import type { ListenState } from '../controllers/listen-controller';
import type { Messages } from '../i18n/messages';

/** What the listen button reads and does (the `ListenController`): no more than this. */
export interface ListenControls {
  readonly state: ListenState;
  start(): Promise<void>;
  cancel(): Promise<void>;
}

/**
 * « Écouter le prochain événement », in the step's data pane: while listening, what to do and until when, with a
 * stop button; then whether the event came.
 */
export function renderListen(listen: ListenControls, msg: Messages, lang: 'fr' | 'en'): TemplateResult {
  const { status, until, error } = listen.state;
  const active = status === 'starting' || status === 'listening';
  return html`<div class="listen" data-testid="listen" data-status=${status}>
    ${
      active
        ? html`<p class="status listening" role="status" data-testid="listen-status">
            <span class="pulse" aria-hidden="true"></span>${msg.listening(until ? timeOf(until, lang) : '…')}
          </p>
          <button data-testid="listen-cancel" @click=${() => void listen.cancel()}>${msg.listenCancel}</button>`
        : html`<button data-testid="listen-start" @click=${() => void listen.start()}>${msg.listenNext}</button>`
    }
    ${status === 'captured' ? html`<p class="ok" role="status" data-testid="listen-result">${msg.listenCaptured}</p>` : nothing}
    ${status === 'expired' ? html`<p class="status" role="status" data-testid="listen-result">${msg.listenExpired}</p>` : nothing}
    ${error ? html`<p class="error-text" role="alert">${error}</p>` : nothing}
  </div>`;
}

/** `12:47` in Europe/Zurich. */
function timeOf(iso: string, lang: 'fr' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-CH' : 'fr-CH', {
    timeZone: DEFAULT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
