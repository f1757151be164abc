import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AutomationSchema,
  type AutomationResponse,
  createEngine,
  createMemoryStore,
  type DryRunResponse,
  type Jsonified,
  type RunResponse,
} from '../src/index';
import { testRegistry } from './fixtures/test-nodes';

describe('API response shapes', () => {
  it('turn every Date into a string, deeply, and keep the rest', () => {
    expectTypeOf<Jsonified<{ at: Date; list: { when: Date | null }[]; n: number }>>().toEqualTypeOf<{
      at: string;
      list: { when: string | null }[];
      n: number;
    }>();
    expectTypeOf<RunResponse['createdAt']>().toEqualTypeOf<string>();
    expectTypeOf<RunResponse['executionLog'][number]['completedAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<AutomationResponse['stats']['lastRunAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<DryRunResponse['timeline'][number]['at']>().toEqualTypeOf<string>();
  });

  it('describe what a dry run and an automation look like once sent as JSON', async () => {
    const engine = createEngine({ store: createMemoryStore(), registry: testRegistry() });
    const automation = AutomationSchema.parse({
      id: 'a1',
      userId: 'u1',
      name: 'Demo',
      createdAt: '2026-03-01T08:00:00Z',
      isActive: true,
      trigger: { type: 'order.paid', config: {} },
      nodes: [{ id: 'n1', type: 'transform', config: { field: 'trigger.order.id', as: 'id' } }],
    });
    const sent: DryRunResponse = JSON.parse(JSON.stringify(await engine.testAutomation(automation)));
    expect(typeof sent.startedAt).toBe('string');
    expect(sent.timeline.every((entry) => typeof entry.at === 'string')).toBe(true);
    const listed: AutomationResponse = JSON.parse(JSON.stringify(automation));
    expect(typeof listed.createdAt).toBe('string');
  });
});
