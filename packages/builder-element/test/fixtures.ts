import { AutomationSchema, createRegistry, type Automation, type NodeTypeDescriptor } from '@swigs/automation-core';
import { allNodes } from '@swigs/automation-nodes';

/** The real catalogue, as the server describes it. */
export const descriptors: NodeTypeDescriptor[] = createRegistry(allNodes).describe();
export const lookup = new Map(descriptors.map((d) => [d.type, d]));

/** "order paid → wait 2 days → condition (total > 100) → true: thanks email / false: nothing". */
export function sampleAutomation(): Automation {
  return AutomationSchema.parse({
    id: 'auto-1',
    userId: 'user-1',
    name: 'Merci après achat',
    trigger: {
      type: 'order.paid',
      config: {},
      position: { x: 0, y: 0 },
      connections: [{ targetId: 'wait-1', condition: 'default' }],
    },
    nodes: [
      {
        id: 'wait-1',
        type: 'wait',
        position: { x: 300, y: 0 },
        config: { duration: 2, unit: 'days' },
        connections: [{ targetId: 'condition-1' }],
      },
      {
        id: 'condition-1',
        type: 'condition',
        position: { x: 600, y: 0 },
        config: { combinator: 'all', conditions: [{ field: 'trigger.total', operator: 'greater_than', value: 100 }] },
        connections: [{ targetId: 'send-email-1', condition: 'true' }],
      },
      {
        id: 'send-email-1',
        type: 'send_email',
        position: { x: 900, y: -60 },
        config: {
          to: '{{trigger.customer.email}}',
          subject: 'Merci {{trigger.customer.firstName}}',
          body: '<p>Merci !</p>',
        },
        connections: [],
      },
    ],
  });
}

/** A chain of `count` steps after the trigger (for layout and benchmarks). */
export function chainAutomation(count: number): Automation {
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `step-${i + 1}`,
    type: i % 3 === 1 ? 'wait' : 'send_email',
    position: { x: (i % 20) * 260, y: Math.floor(i / 20) * 120 },
    config:
      i % 3 === 1 ? { duration: 1, unit: 'days' } : { to: 'a@example.ch', subject: 'Bonjour', body: '<p>Salut</p>' },
    connections: i + 1 < count ? [{ targetId: `step-${i + 2}` }] : [],
  }));
  return AutomationSchema.parse({
    id: 'chain',
    userId: 'user-1',
    name: 'Chaîne',
    trigger: { type: 'order.paid', config: {}, position: { x: -300, y: 0 }, connections: [{ targetId: 'step-1' }] },
    nodes,
  });
}
