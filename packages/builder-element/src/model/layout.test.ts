import { describe, expect, it } from 'vitest';
import { chainAutomation, lookup, sampleAutomation } from '../../test/fixtures';
import { TRIGGER_ID } from './geometry';
import { layoutPositions } from './layout';

describe('dagre auto-layout', () => {
  it('places each step right of its predecessor, on the grid', () => {
    const positions = layoutPositions(sampleAutomation(), lookup);
    const x = (id: string) => positions.get(id)?.x ?? NaN;
    expect(x(TRIGGER_ID)).toBeLessThan(x('wait-1'));
    expect(x('wait-1')).toBeLessThan(x('condition-1'));
    expect(x('condition-1')).toBeLessThan(x('send-email-1'));
    for (const p of positions.values()) {
      expect(p.x % 20).toBe(0);
      expect(p.y % 20).toBe(0);
    }
  });

  it('never overlaps nodes', () => {
    const automation = chainAutomation(30);
    automation.nodes[3]?.connections.push({ targetId: 'step-10', condition: 'default' });
    const positions = [...layoutPositions(automation, lookup).values()];
    for (let i = 0; i < positions.length; i += 1) {
      for (let j = i + 1; j < positions.length; j += 1) {
        const a = positions[i] as { x: number; y: number };
        const b = positions[j] as { x: number; y: number };
        expect(Math.abs(a.x - b.x) >= 220 || Math.abs(a.y - b.y) >= 64).toBe(true);
      }
    }
  });
});
