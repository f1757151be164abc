import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../api/api-client.js';
import type { Translate } from '../i18n/i18n.js';
import { messageOf } from '../page-element.js';
import { href } from '../router.js';

/** Error keys of the server that the invoicing settings page fixes. */
const SETTINGS_CODES = new Set(['settings_incomplete', 'send_settings_incomplete', 'dunning_settings_incomplete']);

/** An error shown next to the action that failed, with a link to what must be fixed when the server says so. */
export function actionError(err: unknown, t: Translate): TemplateResult | typeof nothing {
  if (!err) return nothing;
  const fix = err instanceof ApiError && err.code && SETTINGS_CODES.has(err.code);
  return html`<div class="alert alert-error action-error" role="alert">
    <p>${messageOf(err)}</p>
    ${fix ? html`<p><a href=${href('/settings')}>${t('settings.fixLink')}</a></p>` : nothing}
  </div>`;
}
