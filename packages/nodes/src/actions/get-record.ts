import { z } from 'zod';
import { defineNode, NonRetriableError, openRecord } from '@swigs/automation-core';
import { label } from '../shared/labels';
import { renderField, validateTemplateFields } from '../shared/templating';
import { TEMPLATE_PROBLEM_TEXTS } from '../templates/validate-template';

/** Config of `get_record`: `recordId` is a template (`{{trigger.invoiceId}}`). */
export const GetRecordConfigSchema = z.object({
  recordType: z.string().min(1).max(100).meta(label('Type d’enregistrement', 'Record type')),
  recordId: z.string().min(1).max(500).meta(label('Identifiant', 'Record id')),
});

const GetRecordOutputSchema = z.object({
  recordType: z.string().meta(label('Type d’enregistrement', 'Record type')),
  recordId: z.string().meta(label('Identifiant', 'Record id')),
  /** False when the record no longer exists. */
  found: z.boolean().meta(label('Trouvé', 'Found')),
  record: openRecord().nullable().meta(label('Enregistrement actuel', 'Current record')),
});

const TEMPLATE_FIELDS = ['recordId'] as const;

/** What `get_record` outputs. */
export interface GetRecordOutput {
  recordType: string;
  recordId: string;
  found: boolean;
  record: Record<string, unknown> | null;
}

/**
 * Reads a host record as it is now through `ports.records.get`, so a condition after a wait tests today's state
 * (an invoice paid meanwhile), not the trigger's snapshot. A missing record is `found: false`, not a failure.
 */
export const getRecord = defineNode({
  type: 'get_record',
  kind: 'action',
  version: 1,
  category: 'records',
  title: { fr: 'Lire un enregistrement', en: 'Read a record' },
  description: {
    fr: 'Relit un projet, une facture… tel qu’il est maintenant (par ex. avant une relance).',
    en: 'Reads a project, an invoice… as it is now (e.g. before a reminder).',
  },
  configSchema: GetRecordConfigSchema,
  templateFields: TEMPLATE_FIELDS,
  outputSchema: GetRecordOutputSchema,
  sampleOutput: {
    recordType: 'invoice',
    recordId: 'inv_3301',
    found: true,
    record: { id: 'inv_3301', number: '2026-0014', status: 'sent', state: 'overdue', balance: 2703.75 },
  } satisfies GetRecordOutput,
  messages: TEMPLATE_PROBLEM_TEXTS,
  validate: ({ config, isKnown }) => validateTemplateFields(config, TEMPLATE_FIELDS, isKnown),
  async execute(ctx): Promise<{ output: GetRecordOutput }> {
    const { config } = ctx;
    const recordId = renderField(ctx, config.recordId).trim();
    if (recordId === '') throw new NonRetriableError('get_record: recordId rendered empty');
    const records = ctx.ports.records;
    if (!records?.get) throw new NonRetriableError('get_record: this host cannot read records (ports.records.get)');
    if (!records.types.includes(config.recordType)) {
      throw new NonRetriableError(
        `get_record: unknown record type "${config.recordType}" (this host has: ${records.types.join(', ') || 'none'})`,
      );
    }
    const record = await records.get({ userId: ctx.run.userId, type: config.recordType, id: recordId });
    return { output: { recordType: config.recordType, recordId, found: record !== null, record } };
  },
});
