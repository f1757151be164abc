import { describe, expect, it } from 'vitest';
import { AutomationSchema } from '@swigs/automation-core';
import { lookup, sampleAutomation } from '../../test/fixtures';
import { fromFlow, normalizeAutomation, toFlow } from './flow-graph';
import { TRIGGER_ID } from './geometry';

describe('graph <-> flow conversion', () => {
  it('draws the trigger as node "trigger" and one edge per connection, condition outputs as handles', () => {
    const flow = toFlow(sampleAutomation(), lookup);
    expect(flow.nodes.map((n) => n.id)).toEqual([TRIGGER_ID, 'wait-1', 'condition-1', 'send-email-1']);
    expect(flow.edges.map((e) => [e.source, e.sourceHandle, e.target])).toEqual([
      [TRIGGER_ID, 'default', 'wait-1'],
      ['wait-1', 'default', 'condition-1'],
      ['condition-1', 'true', 'send-email-1'],
    ]);
    const condition = flow.nodes.find((n) => n.id === 'condition-1');
    expect(condition?.handles.filter((h) => h.type === 'source').map((h) => h.id)).toEqual(['true', 'false']);
    expect(flow.nodes[0]?.handles.some((h) => h.type === 'target')).toBe(false);
  });

  it('round-trips: fromFlow(toFlow(a)) gives back the same document', () => {
    const automation = sampleAutomation();
    expect(fromFlow(automation, toFlow(automation, lookup))).toEqual(automation);
  });

  it('writes moved positions and removed edges back', () => {
    const automation = sampleAutomation();
    const flow = toFlow(automation, lookup);
    const moved = {
      nodes: flow.nodes.map((n) => (n.id === 'wait-1' ? { ...n, position: { x: 320, y: 40 } } : n)),
      edges: flow.edges.filter((e) => e.target !== 'send-email-1'),
    };
    const back = fromFlow(automation, moved);
    expect(back.nodes.find((n) => n.id === 'wait-1')?.position).toEqual({ x: 320, y: 40 });
    expect(back.nodes.find((n) => n.id === 'condition-1')?.connections).toEqual([]);
  });

  it('makes the implicit first edge of a trigger without connections explicit', () => {
    const legacy = AutomationSchema.parse({
      id: 'a',
      userId: 'u',
      name: 'Ancien format',
      trigger: { type: 'order.paid', config: {} },
      nodes: [{ id: 'n1', type: 'wait', position: { x: 400, y: 80 }, config: { duration: 1 } }],
    });
    const normalized = normalizeAutomation(legacy);
    expect(normalized.trigger.connections).toEqual([{ targetId: 'n1', condition: 'default' }]);
    expect(normalized.trigger.position).toEqual({ x: 100, y: 80 });
    expect(toFlow(legacy, lookup).edges).toHaveLength(1);
  });
});
