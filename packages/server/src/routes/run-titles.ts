import type { AutomationRun } from '@swigs/automation-core';
import type { Lang } from '../http/env';

type TitleHook = (data: Record<string, unknown>, lang: Lang) => string | undefined;

const WORDS = {
  order: { fr: 'Commande', en: 'Order' },
  invoice: { fr: 'Facture', en: 'Invoice' },
  customer: { fr: 'Client', en: 'Customer' },
} as const;

/** How each trigger's runs are titled from their data (« Commande 1042 · Zoé Favre »); keyed by type prefix. */
const HOOKS: Record<string, TitleHook> = {
  order: (d, lang) =>
    join(`${WORDS.order[lang]} ${text(d.orderNumber) ?? text(d.orderId) ?? ''}`, personOf(d.customer)),
  invoice: (d, lang) =>
    join(
      `${WORDS.invoice[lang]} ${text(d.number) ?? text(d.invoiceNumber) ?? ''}`,
      text(d.clientName) ?? personOf(d.client),
    ),
  customer: (d, lang) => join(WORDS.customer[lang], personOf(d.customer ?? d) ?? text(d.email)),
};

/** The title of a run from its trigger data, in the caller's language; undefined when its data tells nothing. */
export function runTitle(run: Pick<AutomationRun, 'triggerType' | 'triggerData'>, lang: Lang): string | undefined {
  const data = run.triggerData;
  if (!data || typeof data !== 'object') return undefined;
  const hook = HOOKS[run.triggerType.split('.')[0] ?? ''];
  const title = hook?.(data as Record<string, unknown>, lang)?.trim();
  return title && !Object.values(WORDS).some((w) => w[lang] === title) ? title : undefined;
}

function personOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const p = value as Record<string, unknown>;
  const name = [text(p.firstName), text(p.lastName)].filter(Boolean).join(' ');
  return name || text(p.name) || text(p.email);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

function join(head: string, tail: string | undefined): string {
  return tail ? `${head.trim()} · ${tail}` : head.trim();
}
