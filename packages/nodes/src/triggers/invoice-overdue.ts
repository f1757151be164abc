import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { label } from '../shared/labels';
import { InvoiceOverduePayloadSchema, type InvoiceOverduePayload } from './payloads';

/** Config of `invoice.overdue`: how many days after the due date, and which reminder level this is. */
export const InvoiceOverdueConfigSchema = z.object({
  days: z.number().int().min(1).max(365).default(10).meta(label('Jours après l’échéance', 'Days after the due date')),
  level: z.number().int().min(1).max(3).default(1).meta(label('Niveau de relance', 'Reminder level')),
});

/**
 * Fires once per invoice, `days` days after its due date, while a balance is still open. The host (swigs-workflow's
 * overdue sweep) fires it with the invoice's current state and a dedupe key per invoice, level and delay, so a
 * restart or a second worker never fires it twice, and an invoice paid in time never fires it at all.
 */
export const invoiceOverdue = defineNode({
  type: 'invoice.overdue',
  kind: 'trigger',
  version: 1,
  category: 'invoicing',
  title: { fr: 'Facture en retard', en: 'Invoice overdue' },
  description: {
    fr: 'Démarre une fois, N jours après l’échéance d’une facture encore impayée (relances).',
    en: 'Starts once, N days after the due date of an invoice still unpaid (reminders).',
  },
  configSchema: InvoiceOverdueConfigSchema,
  outputSchema: InvoiceOverduePayloadSchema,
  sampleOutput: {
    invoiceId: 'inv_3301',
    number: '2026-0014',
    status: 'sent',
    total: 2703.75,
    totalCentimes: 270375,
    currency: 'CHF',
    customer: { name: 'Boulangerie Favre SA', email: 'compta@favre.ch' },
    issueDate: '2026-03-02',
    dueDate: '2026-04-01',
    paidAt: null,
    projectId: 'prj_204',
    balance: 2703.75,
    balanceCentimes: 270375,
    daysOverdue: 10,
    level: 1,
    days: 10,
  } satisfies InvoiceOverduePayload,
  // The sweep fires one event per (level, days) in use; each automation takes the one matching its own config.
  matches: ({ config, payload }) => {
    const event = payload as Partial<InvoiceOverduePayload>;
    return event.level === config.level && event.days === config.days;
  },
});
