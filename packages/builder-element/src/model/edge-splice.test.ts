import { describe, expect, it } from 'vitest';
import { sampleAutomation } from '../../test/fixtures';
import { spliceEdge } from './edge-splice';
import { TRIGGER_ID } from './geometry';

describe('spliceEdge (insert a node on an edge)', () => {
  it('turns A -true-> B into A -true-> N -> B', () => {
    const next = spliceEdge(
      sampleAutomation(),
      { source: 'condition-1', sourceHandle: 'true', target: 'send-email-1' },
      { id: 'wait-9', type: 'wait', position: { x: 0, y: 0 } },
    );
    expect(next.nodes.find((n) => n.id === 'condition-1')?.connections).toEqual([
      { targetId: 'wait-9', condition: 'true' },
    ]);
    expect(next.nodes.find((n) => n.id === 'wait-9')?.connections).toEqual([
      { targetId: 'send-email-1', condition: 'default' },
    ]);
  });

  it('splices trigger edges and wires a new condition through its true output', () => {
    const next = spliceEdge(
      sampleAutomation(),
      { source: TRIGGER_ID, sourceHandle: 'default', target: 'wait-1' },
      { id: 'cond-9', type: 'condition', position: { x: 0, y: 0 } },
      'true',
    );
    expect(next.trigger.connections).toEqual([{ targetId: 'cond-9', condition: 'default' }]);
    expect(next.nodes.find((n) => n.id === 'cond-9')?.connections).toEqual([{ targetId: 'wait-1', condition: 'true' }]);
  });
});
