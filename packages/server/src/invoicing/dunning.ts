import { randomUUID } from 'node:crypto';
import {
  type Automation,
  AutomationSchema,
  type AutomationNode,
  type EmailTemplate,
  emptyStats,
  type Store,
} from '@swigs/automation-core';
import { defaultTemplates } from '@swigs/automation-nodes';
import { EMAIL_TEMPLATES_COLLECTION } from '../routes/email-templates';

/** The three reminder templates the « Relances » automation sends, in order. */
export const DUNNING_TEMPLATES = ['rappel-facture-1', 'rappel-facture-2', 'mise-en-demeure'] as const;

/** Name of the ready-made reminders automation. */
export const DUNNING_NAME = 'Relances';

/**
 * The ready-made « Relances » automation: 10 days after the due date, then 10 and 10 days later, each step first reads
 * the invoice as it is now and sends its reminder (with the invoice's current PDF and QR-bill attached) only while a
 * balance is open, so a payment between two reminders stops the rest. The user edits it in the builder like any other.
 */
export function dunningAutomation(userId: string, now: Date): Automation {
  const nodes: AutomationNode[] = [];
  DUNNING_TEMPLATES.forEach((templateId, index) => {
    const step = index + 1;
    const next = index < DUNNING_TEMPLATES.length - 1 ? `attente-${step + 1}` : null;
    if (index > 0) {
      nodes.push({
        id: `attente-${step}`,
        type: 'wait',
        label: `Attendre 10 jours`,
        position: { x: 0, y: index * 480 - 120 },
        config: { duration: 10, unit: 'days', time: '09:00' },
        connections: [{ targetId: `facture-${step}`, condition: 'default' }],
      });
    }
    nodes.push(
      {
        id: `facture-${step}`,
        type: 'get_record',
        label: 'Relire la facture',
        position: { x: 0, y: index * 480 },
        config: { recordType: 'invoice', recordId: '{{trigger.invoiceId}}' },
        connections: [{ targetId: `impayee-${step}`, condition: 'default' }],
      },
      {
        id: `impayee-${step}`,
        type: 'condition',
        label: 'Toujours impayée ?',
        position: { x: 0, y: index * 480 + 120 },
        config: {
          combinator: 'all',
          conditions: [
            { field: `nodes.facture-${step}.record.status`, operator: 'equals', value: 'sent' },
            { field: `nodes.facture-${step}.record.balance`, operator: 'greater_than', value: 0 },
          ],
        },
        connections: [{ targetId: `rappel-${step}`, condition: 'true' }],
      },
      {
        id: `rappel-${step}`,
        type: 'send_email',
        label: defaultTemplates[templateId].name,
        position: { x: 0, y: index * 480 + 240 },
        config: {
          templateId,
          to: '{{trigger.customer.email}}',
          attachments: [{ kind: 'invoice_pdf', id: '{{trigger.invoiceId}}' }],
        },
        connections: next ? [{ targetId: next, condition: 'default' }] : [],
      },
    );
  });
  return AutomationSchema.parse({
    id: randomUUID(),
    userId,
    name: DUNNING_NAME,
    description: 'Trois relances des factures impayées : 10, 20 et 30 jours après l’échéance, facture PDF jointe.',
    isActive: true,
    version: 1,
    trigger: { type: 'invoice.overdue', config: { days: 10, level: 1 }, connections: [{ targetId: 'facture-1' }] },
    nodes,
    stats: emptyStats(),
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Installs the reminders for a tenant: the three French templates (kept when the tenant already has them, edited or
 * not) and the « Relances » automation (the existing one when it is already installed).
 */
export async function installDunning(
  store: Store,
  userId: string,
  now: Date,
): Promise<{ automation: Automation; created: boolean }> {
  const templates = store.collection<EmailTemplate>(EMAIL_TEMPLATES_COLLECTION);
  for (const id of DUNNING_TEMPLATES) {
    if (await templates.get(userId, id)) continue;
    await templates.insert({
      ...defaultTemplates[id],
      availableVariables: [...defaultTemplates[id].availableVariables],
      id,
      userId,
      createdAt: now,
      updatedAt: now,
    } as EmailTemplate);
  }
  const { items } = await store.automations.list(userId, { limit: 200 });
  const existing = items.find((a) => a.name === DUNNING_NAME && a.trigger?.type === 'invoice.overdue');
  if (existing) return { automation: existing, created: false };
  return { automation: await store.automations.save(dunningAutomation(userId, now)), created: true };
}
