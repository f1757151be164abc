import { defineNode } from '@swigs/automation-core';
import { CmsTriggerConfigSchema, matchesCms } from './filters';
import { CustomerPayloadSchema, type CustomerPayload } from './payloads';

const sample: CustomerPayload = {
  customer: { id: 'cus_51', email: 'lea.muller@example.ch', firstName: 'Léa', lastName: 'Müller' },
  status: 'active',
  siteId: 'boutique-lausanne',
  createdAt: '2026-03-01T17:45:00.000Z',
};

/** A customer account was created in the CMS. */
export const customerCreated = defineNode({
  type: 'customer.created',
  kind: 'trigger',
  version: 1,
  category: 'cms',
  title: { fr: 'Client créé', en: 'Customer created' },
  description: {
    fr: 'Démarre quand un compte client est créé dans le CMS.',
    en: 'Starts when a customer account is created in the CMS.',
  },
  configSchema: CmsTriggerConfigSchema,
  outputSchema: CustomerPayloadSchema,
  sampleOutput: sample,
  matches: ({ config, payload }) => matchesCms(config, payload),
});
