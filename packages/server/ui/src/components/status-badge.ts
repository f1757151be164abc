import { html, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/i18n.js';

const KNOWN = ['pending', 'running', 'waiting', 'completed', 'failed', 'cancelled', 'success', 'skipped'] as const;
type Known = (typeof KNOWN)[number];

/** A run or log status as a coloured badge with its translated label. */
export function statusBadge(status: string, t: Translate): TemplateResult {
  const label = (KNOWN as readonly string[]).includes(status) ? t(`status.${status as Known}`) : status;
  return html`<span class="badge badge-${status}" data-status=${status}>${label}</span>`;
}
