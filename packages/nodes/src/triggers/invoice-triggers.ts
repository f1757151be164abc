import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { triggerConditions } from './filters';
import { InvoicePayloadSchema, type InvoicePayload } from './payloads';

export const InvoiceTriggerConfigSchema = z.object({ ...triggerConditions });

const sample = (over: Partial<InvoicePayload>): InvoicePayload => ({
  invoiceId: 'inv_3301',
  number: '2026-014',
  status: 'sent',
  total: 2703.75,
  totalCentimes: 270375,
  currency: 'CHF',
  customer: { id: 'cli_17', name: 'Boulangerie Favre SA', email: 'compta@favre.ch' },
  issueDate: '2026-03-02T08:00:00.000Z',
  dueDate: '2026-04-01T08:00:00.000Z',
  paidAt: null,
  projectId: 'prj_204',
  paymentUrl: 'https://workflow.swigs.ch/f/inv_3301',
  ...over,
});

/** An invoice was issued (swigs-workflow). */
export const invoiceCreated = defineNode({
  type: 'invoice.created',
  kind: 'trigger',
  version: 1,
  category: 'invoicing',
  title: { fr: 'Facture créée', en: 'Invoice created' },
  description: {
    fr: 'Démarre quand une facture est émise. total en francs, totalCentimes en centimes.',
    en: 'Starts when an invoice is issued. total in francs, totalCentimes in centimes.',
  },
  configSchema: InvoiceTriggerConfigSchema,
  outputSchema: InvoicePayloadSchema,
  sampleOutput: sample({}),
  matches: () => true,
});

/** An invoice was paid in full. */
export const invoicePaid = defineNode({
  type: 'invoice.paid',
  kind: 'trigger',
  version: 1,
  category: 'invoicing',
  title: { fr: 'Facture payée', en: 'Invoice paid' },
  description: {
    fr: 'Démarre quand une facture est entièrement payée.',
    en: 'Starts when an invoice is paid in full.',
  },
  configSchema: InvoiceTriggerConfigSchema,
  outputSchema: InvoicePayloadSchema,
  sampleOutput: sample({ status: 'paid', paidAt: '2026-03-20T10:12:00.000Z' }),
  matches: () => true,
});
