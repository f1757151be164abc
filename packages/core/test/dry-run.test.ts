import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AutomationSchema } from '../src/model/automation';
import { defineNode } from '../src/node/define-node';
import { designExample } from './fixtures/automations';
import { setup } from './fixtures/harness';

describe('testAutomation (dry run on a virtual clock)', () => {
  it('reports the simulated dates of waits of 2 and 7 days and what each email would be, sending nothing', async () => {
    const { engine, store, clock } = setup();
    const events: string[] = [];
    engine.on('run.created', () => events.push('run.created'));
    engine.on('node.completed', () => events.push('node.completed'));
    const automation = AutomationSchema.parse(designExample());
    const started = Date.now();
    const result = await engine.testAutomation(automation);
    expect(Date.now() - started).toBeLessThan(5_000);

    expect(result).toMatchObject({ status: 'completed', problems: [] });
    expect(result.startedAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(result.finishedAt.toISOString()).toBe('2026-03-11T09:00:00.000Z');
    const timeline = result.timeline.map((entry) => ({
      nodeId: entry.nodeId,
      at: entry.at.toISOString(),
      status: entry.status,
      ...(entry.branch ? { branch: entry.branch } : {}),
      ...(entry.waitUntil ? { waitUntil: entry.waitUntil.toISOString() } : {}),
    }));
    expect(timeline).toEqual([
      { nodeId: 'trigger', at: '2026-03-02T09:00:00.000Z', status: 'success' },
      { nodeId: 'is-paid', at: '2026-03-02T09:00:00.000Z', status: 'success', branch: 'true' },
      { nodeId: 'wait-2', at: '2026-03-02T09:00:00.000Z', status: 'success', waitUntil: '2026-03-04T09:00:00.000Z' },
      { nodeId: 'thanks', at: '2026-03-04T09:00:00.000Z', status: 'success' },
      { nodeId: 'wait-7', at: '2026-03-04T09:00:00.000Z', status: 'success', waitUntil: '2026-03-11T09:00:00.000Z' },
      { nodeId: 'review', at: '2026-03-11T09:00:00.000Z', status: 'success' },
    ]);
    // The trigger's sampleOutput stands in for the payload; the emails are rendered, not sent.
    expect(result.timeline[0]?.output).toMatchObject({ order: { id: 'o-1' } });
    expect(result.timeline[3]?.output).toEqual({ wouldSend: { to: 'anna@example.ch', subject: 'Merci Anna' } });
    expect(result.timeline[5]?.output).toEqual({
      wouldSend: { to: 'anna@example.ch', subject: 'Votre avis sur la commande o-1' },
    });

    expect((await store.collection('outbox').find('u1')).total).toBe(0);
    expect((await store.runs.list({ userId: 'u1' })).total).toBe(0);
    expect(events).toEqual([]);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('uses the given sample data and follows the branch it leads to', async () => {
    const { engine } = setup();
    const result = await engine.testAutomation(AutomationSchema.parse(designExample()), {
      order: { id: 'X', status: 'refunded' },
      customer: {},
    });
    expect(result.status).toBe('completed');
    expect(result.timeline.map((e) => [e.nodeId, e.branch ?? null])).toEqual([
      ['trigger', null],
      ['is-paid', 'false'],
    ]);
  });

  it('returns the validation problems and runs nothing when the automation is invalid', async () => {
    const { engine } = setup();
    const doc = designExample();
    doc.nodes![2]!.type = 'send_fax';
    const result = await engine.testAutomation(doc as never);
    expect(result.status).toBe('failed');
    expect(result.timeline).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['unknown_node_type']);
    expect(result.error).toBe('automation "Relance" cannot run: Step "thanks": unknown step type "send_fax".');
  });

  it('reports a failing node in the timeline, retry backoff taking virtual time only', async () => {
    const broken = defineNode({
      type: 'broken',
      kind: 'action',
      version: 1,
      title: { fr: 'Cassé', en: 'Broken' },
      configSchema: z.object({}),
      execute: () => {
        throw new Error('SMTP refused');
      },
    });
    const { engine } = setup([broken]);
    const doc = designExample();
    doc.nodes![2]!.type = 'broken';
    doc.nodes![2]!.config = {};
    const started = Date.now();
    const result = await engine.testAutomation(AutomationSchema.parse(doc));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.status).toBe('failed');
    expect(result.error).toBe('node "thanks" (broken) failed after 3 attempts: SMTP refused');
    expect(result.timeline.at(-1)).toMatchObject({ nodeId: 'thanks', status: 'failed', error: 'SMTP refused' });
    expect(result.finishedAt.getTime()).toBeGreaterThan(Date.parse('2026-03-04T09:00:03Z'));
  });

  it('marks the trigger skipped when its filter rejects the sample', async () => {
    const { engine } = setup();
    const doc = designExample({ trigger: { type: 'order.paid', config: { siteId: 'other' } } });
    const result = await engine.testAutomation(AutomationSchema.parse(doc));
    expect(result.status).toBe('completed');
    expect(result.timeline).toEqual([expect.objectContaining({ nodeId: 'trigger', status: 'skipped' })]);
  });

  it('takes the automation’s sample data and runs what a real run would, listing hook problems beside it', async () => {
    const { engine, save } = setup();
    const automation = await save({
      ...designExample(),
      sampleData: { order: { id: 'S-9', status: 'paid' }, customer: { email: 'zoe@example.ch', name: 'Zoé' } },
      nodes: designExample().nodes?.map((node) =>
        node.id === 'thanks'
          ? { ...node, config: { to: '{{trigger.customer.email}}', subject: 'Hi {{trigger.x}}' } }
          : node,
      ),
    });
    const result = await engine.testAutomation(automation);
    expect(result.status).toBe('completed');
    expect(result.timeline[0]?.output).toMatchObject({ order: { id: 'S-9' } });
    expect(result.timeline[3]?.output).toEqual({ wouldSend: { to: 'zoe@example.ch', subject: 'Hi ' } });
    expect(result.problems.map((p) => [p.code, p.nodeId])).toEqual([['unknown_variable', 'thanks']]);
    const real = await engine.runAutomation(automation.id, automation.sampleData, { userId: 'u1' });
    expect(real.status).toBe('waiting');
  });
});
