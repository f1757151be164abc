import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { triggerConditions } from './filters';
import { ManualPayloadSchema } from './payloads';

export const ManualTriggerConfigSchema = z.object({ ...triggerConditions });

/** Started by hand (or by the API) with any payload. */
export const manual = defineNode({
  type: 'manual',
  kind: 'trigger',
  version: 1,
  category: 'general',
  title: { fr: 'Déclenchement manuel', en: 'Manual start' },
  description: {
    fr: 'Démarre à la demande ; les données passées au lancement sont disponibles sous trigger.',
    en: 'Starts on demand; the data passed at launch is available under trigger.',
  },
  configSchema: ManualTriggerConfigSchema,
  outputSchema: ManualPayloadSchema,
  sampleOutput: { startedBy: 'user_1', note: 'Relance manuelle' },
  matches: () => true,
});
