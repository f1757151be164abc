import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Automation } from '../src/model/automation';
import { defineNode } from '../src/node/define-node';
import { validateAutomation } from '../src/validation/validate-automation';
import { designExample } from './fixtures/automations';
import { chain, setup } from './fixtures/harness';
import { testRegistry } from './fixtures/test-nodes';

describe('bad input never crashes the engine', () => {
  it('gives a failed run with the problems when a stored automation is malformed', async () => {
    const { engine, store } = setup();
    const doc = designExample() as unknown as Automation;
    (doc.nodes[1] as { config: unknown }).config = { days: 'deux' };
    doc.nodes[3]!.connections = [{ targetId: 'ghost', condition: 'default' }];
    await store.automations.save(doc);
    const failures: string[] = [];
    engine.on('run.failed', ({ error }) => failures.push(error));
    const [run] = await engine.fire('order.paid', {});
    expect(run).toMatchObject({ status: 'failed', errorCode: 'GRAPH_INVALID', executionLog: [] });
    expect(run?.error).toBe(
      'automation "Relance" cannot run: Step "Wait (wait-2)": the "days" field must be a number. ' +
        'Step "Wait (wait-7)": connects to a step that does not exist ("ghost").',
    );
    expect(failures).toEqual([run?.error]);
    expect((await store.automations.get('u1', 'relance'))?.stats).toMatchObject({
      totalRuns: 1,
      failedRuns: 1,
      lastError: run?.error,
    });
  });

  it('gives a failed run naming the node when a node type is unknown', async () => {
    const { engine, save } = setup();
    const doc = designExample();
    doc.nodes![2]!.type = 'send_fax';
    await save(doc);
    const [run] = await engine.fire('order.paid', {});
    expect(run).toMatchObject({
      status: 'failed',
      error: 'automation "Relance" cannot run: Step "thanks": unknown step type "send_fax".',
    });
  });

  it('turns a node that throws a non-Error, returns garbage or a bad waitUntil into a failed run', async () => {
    const make = (type: string, kind: 'action' | 'wait' | 'condition', execute: () => unknown) =>
      defineNode({
        type,
        kind,
        version: 1,
        title: { fr: type, en: type },
        configSchema: z.object({}),
        retry: false,
        execute: execute as never,
      });
    const nodes = [
      make('throws-string', 'action', () => {
        throw 'plain string';
      }),
      make('returns-number', 'action', () => 42),
      make('bad-wait', 'wait', () => ({ waitUntil: 'tomorrow' })),
      make('no-branch', 'condition', () => ({ output: {} })),
      make('rejects', 'action', () => Promise.reject(new TypeError('x is undefined'))),
    ];
    const { engine, save } = setup(nodes);
    const expected: Record<string, string> = {
      'throws-string': 'node "n" (throws-string) failed: plain string',
      'returns-number':
        'node "n" (returns-number) failed: execute must return { output?, branch?, waitUntil? } (got number)',
      'bad-wait': 'node "n" (bad-wait) failed: waitUntil must be a valid Date (got tomorrow)',
      'no-branch': 'node "n" (no-branch) failed: a condition node must return branch "true" or "false" (got nothing)',
      rejects: 'node "n" (rejects) failed: x is undefined',
    };
    for (const [type, error] of Object.entries(expected)) {
      await save(chain([{ id: 'n', type }], { id: type, userId: type }));
      const [run] = await engine.fire('order.paid', {}, { userId: type });
      expect(run).toMatchObject({ automationId: type, status: 'failed', error });
    }
  });

  it('survives 1,000 random malformed automations through validateAutomation and fire', async () => {
    const registry = testRegistry();
    const ids = ['is-paid', 'wait-2', 'thanks', 'wait-7', 'review', 'x'];
    const junk = fc.anything({ maxDepth: 2, withDate: true, withNullPrototype: true, withMap: true });
    const node = fc.record(
      {
        id: fc.oneof(fc.constantFrom(...ids), fc.string(), junk),
        type: fc.oneof(fc.constantFrom('condition', 'wait', 'send_email', 'transform', 'order.paid', 'nope'), junk),
        config: fc.oneof(
          junk,
          fc.constant({ days: 1 }),
          fc.constant({ to: '{{trigger.customer.email}}', subject: 'S' }),
          fc.constant({ combinator: 'any', conditions: [{ field: 'trigger.a', operator: 'greater_than', value: 1 }] }),
          fc.constant({ field: 'trigger', as: 'copy' }),
        ),
        connections: fc.oneof(
          junk,
          fc.array(
            fc.record({
              targetId: fc.oneof(fc.constantFrom(...ids), junk),
              condition: fc.oneof(fc.constantFrom('default', 'true', 'false', 'maybe'), junk),
            }),
            { maxLength: 3 },
          ),
        ),
        position: fc.oneof(junk, fc.constant({ x: 1, y: 2 })),
      },
      { requiredKeys: [] },
    );
    const automation = fc.record({
      nodes: fc.oneof(fc.array(node, { maxLength: 6 }), junk),
      version: fc.oneof(fc.constant(1), junk),
      name: fc.oneof(fc.string(), junk),
      triggerConfig: fc.oneof(
        junk,
        fc.constant({ siteId: 's1' }),
        fc.constant({ conditions: { combinator: 'all', conditions: [] } }),
      ),
      triggerConnections: fc.option(
        fc.array(fc.record({ targetId: fc.oneof(fc.constantFrom(...ids), junk) }), { maxLength: 2 }),
      ),
      payload: junk,
    });

    let runs = 0;
    let fired = 0;
    await fc.assert(
      fc.asyncProperty(automation, async (input) => {
        const { engine, store } = setup();
        const doc = {
          ...designExample(),
          name: input.name,
          version: input.version,
          nodes: input.nodes,
          trigger: {
            type: 'order.paid',
            config: input.triggerConfig,
            ...(input.triggerConnections ? { connections: input.triggerConnections } : {}),
          },
        };
        const problems = validateAutomation(doc, registry);
        expect(Array.isArray(problems)).toBe(true);
        for (const problem of problems) expect(typeof problem.message).toBe('string');
        // The memory store may refuse a hostile value (a Date-prototyped object...): then there is nothing to fire.
        const saved = await store.automations.save(doc as unknown as Automation).then(
          () => true,
          () => false,
        );
        if (!saved) return;
        fired += 1;
        const started = await engine.fire('order.paid', input.payload, { userId: 'u1' });
        for (const run of started) {
          runs += 1;
          expect(['completed', 'failed', 'waiting']).toContain(run.status);
          if (run.status === 'failed') expect(run.error).toEqual(expect.any(String));
        }
      }),
      { numRuns: 1000 },
    );
    expect(fired).toBeGreaterThan(900);
    expect(runs).toBeGreaterThan(0);
  }, 120_000);
});
