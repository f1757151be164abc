import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { label } from '../shared/labels';
import { field, triggerConditions } from './filters';
import { ProjectStatusPayloadSchema, type ProjectStatusPayload } from './payloads';

export const ProjectStatusConfigSchema = z.object({
  /** Only when leaving this status; any when absent. */
  from: z.string().min(1).max(100).optional().meta(label('Ancien statut', 'Previous status')),
  /** Only when entering this status; any when absent. */
  to: z.string().min(1).max(100).optional().meta(label('Nouveau statut', 'New status')),
  ...triggerConditions,
});

const sample: ProjectStatusPayload = {
  projectId: 'prj_204',
  name: 'Refonte du site de la Boulangerie Favre',
  from: 'en_cours',
  to: 'termine',
  client: { id: 'cli_17', name: 'Boulangerie Favre SA', email: 'contact@favre.ch' },
  changedAt: '2026-03-04T16:10:00.000Z',
};

/** A project moved from one status to another (swigs-workflow). */
export const projectStatusChanged = defineNode({
  type: 'project.status_changed',
  kind: 'trigger',
  version: 1,
  category: 'projects',
  title: { fr: 'Statut du projet modifié', en: 'Project status changed' },
  description: { fr: 'Démarre quand un projet change de statut.', en: 'Starts when a project changes status.' },
  configSchema: ProjectStatusConfigSchema,
  outputSchema: ProjectStatusPayloadSchema,
  sampleOutput: sample,
  matches: ({ config, payload }) =>
    (config.from === undefined || field(payload, 'from') === config.from) &&
    (config.to === undefined || field(payload, 'to') === config.to),
});
