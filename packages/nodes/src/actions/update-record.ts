import { z } from 'zod';
import { defineNode, NonRetriableError, openRecord } from '@swigs/automation-core';
import { label } from '../shared/labels';
import { TEMPLATE_PROBLEM_TEXTS } from '../templates/validate-template';
import { renderDeep, renderField, validateTemplateFields } from '../shared/templating';

/** Config of `update_record`: `recordId` and every string inside `fields` are templates. */
export const UpdateRecordConfigSchema = z.object({
  /** One of the host's `ports.records.types`, e.g. `project`, `invoice`. */
  recordType: z.string().min(1).max(100).meta(label('Type d’enregistrement', 'Record type')),
  recordId: z.string().min(1).max(500).meta(label('Identifiant', 'Record id')),
  fields: z
    .record(z.string().min(1).max(100), z.unknown())
    .refine((f) => Object.keys(f).length > 0, {
      message: 'set at least one field',
      params: { i18n: { fr: 'indiquez au moins un champ', en: 'set at least one field' } },
    })
    .meta(label('Champs à modifier', 'Fields to set')),
});

/** What `update_record` outputs: the record is open (its fields are the host's). */
const UpdateRecordOutputSchema = z.object({
  recordType: z.string().meta(label('Type d’enregistrement', 'Record type')),
  recordId: z.string().meta(label('Identifiant', 'Record id')),
  record: openRecord().optional().meta(label('Enregistrement mis à jour', 'Updated record')),
  fields: openRecord().optional(),
  dryRun: z.literal(true).optional(),
});

const TEMPLATE_FIELDS = ['recordId', 'fields'] as const;

export interface UpdateRecordOutput {
  recordType: string;
  recordId: string;
  /** The record as the host returned it after the update. */
  record?: Record<string, unknown>;
  /** Dry runs: the fields that would be set. */
  fields?: Record<string, unknown>;
  dryRun?: true;
}

/** Sets fields on a host record (project, invoice...) through `ports.records`. */
export const updateRecord = defineNode({
  type: 'update_record',
  kind: 'action',
  version: 1,
  category: 'records',
  title: { fr: 'Mettre à jour un enregistrement', en: 'Update a record' },
  description: { fr: 'Modifie des champs d’un projet, d’une facture…', en: 'Changes fields of a project, an invoice…' },
  configSchema: UpdateRecordConfigSchema,
  templateFields: TEMPLATE_FIELDS,
  outputSchema: UpdateRecordOutputSchema,
  sampleOutput: {
    recordType: 'project',
    recordId: 'prj_204',
    record: { id: 'prj_204', status: 'termine' },
  } satisfies UpdateRecordOutput,
  messages: TEMPLATE_PROBLEM_TEXTS,
  validate: ({ config, isKnown }) => validateTemplateFields(config, TEMPLATE_FIELDS, isKnown),
  async execute(ctx): Promise<{ output: UpdateRecordOutput }> {
    const { config } = ctx;
    const recordId = renderField(ctx, config.recordId).trim();
    if (recordId === '') throw new NonRetriableError('update_record: recordId rendered empty');
    const fields = renderDeep(ctx, config.fields) as Record<string, unknown>;
    if (ctx.dryRun) return { output: { recordType: config.recordType, recordId, fields, dryRun: true as const } };
    const records = ctx.ports.records;
    if (!records) throw new NonRetriableError('update_record: this host provides no records (ports.records)');
    if (!records.types.includes(config.recordType)) {
      throw new NonRetriableError(
        `update_record: unknown record type "${config.recordType}" (this host has: ${records.types.join(', ') || 'none'})`,
      );
    }
    const record = await records.update({ userId: ctx.run.userId, type: config.recordType, id: recordId, fields });
    if (!record) throw new NonRetriableError(`update_record: ${config.recordType} "${recordId}" not found`);
    return { output: { recordType: config.recordType, recordId, record } };
  },
});
