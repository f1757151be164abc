import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/create-engine';
import { AutomationSchema } from '../src/model/automation';
import { createFakeClock } from '../src/ports/clock';
import { createMemoryStore } from '../src/store/index';
import { designExample } from './fixtures/automations';
import { type OutboxMail, testRegistry } from './fixtures/test-nodes';

const DAY = 86_400_000;

describe('the design example end to end (memory store, fake clock)', () => {
  it('order paid -> paid? -> wait 2 days -> thanks -> wait 7 days -> review, logged node by node', async () => {
    const store = createMemoryStore();
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const engine = createEngine({ store, registry: testRegistry(), clock, workerId: 'w1' });
    await store.automations.save(AutomationSchema.parse(designExample()));
    const order = {
      order: { id: 'A-1001', status: 'paid', total: 120 },
      customer: { email: 'anna@example.ch', name: 'Anna' },
      siteId: 's1',
    };

    const [run] = await engine.fire('order.paid', order, { userId: 'u1', dedupeKey: 'order:A-1001:paid' });
    expect(run).toMatchObject({ status: 'waiting', currentNodeId: 'thanks', queue: ['thanks'], automationVersion: 1 });
    expect(run?.scheduledAt?.toISOString()).toBe('2026-03-04T09:00:00.000Z');
    const outbox = store.collection<OutboxMail>('outbox');
    expect((await outbox.find('u1')).total).toBe(0);

    // The same event again starts nothing.
    expect(await engine.fire('order.paid', order, { userId: 'u1', dedupeKey: 'order:A-1001:paid' })).toEqual([]);

    await clock.advance(2 * DAY - 1000);
    expect(await engine.resumeDue()).toBe(0);
    await clock.advance(1000);
    expect(await engine.resumeDue()).toBe(1);
    let stored = await store.runs.get(run!.userId, run!.id);
    expect(stored).toMatchObject({ status: 'waiting', currentNodeId: 'review', queue: ['review'] });
    expect(stored?.scheduledAt?.toISOString()).toBe('2026-03-11T09:00:00.000Z');
    const afterThanks = (await outbox.find('u1')).items;
    expect(afterThanks).toEqual([
      expect.objectContaining({
        to: 'anna@example.ch',
        subject: 'Merci Anna',
        idempotencyKey: `${run!.id}:thanks`,
        sentAt: '2026-03-04T09:00:00.000Z',
      }),
    ]);

    await clock.advance(7 * DAY);
    expect(await engine.resumeDue()).toBe(1);
    stored = await store.runs.get(run!.userId, run!.id);
    expect(stored).toMatchObject({
      status: 'completed',
      currentNodeId: null,
      queue: [],
      error: null,
      leaseOwner: null,
      scheduledAt: null,
    });
    expect(stored?.completedAt?.toISOString()).toBe('2026-03-11T09:00:00.000Z');

    const log = stored!.executionLog.map((entry) => ({
      nodeId: entry.nodeId,
      nodeType: entry.nodeType,
      status: entry.status,
      startedAt: entry.startedAt.toISOString(),
      branch: entry.branch,
      output: entry.output,
    }));
    expect(log).toEqual([
      {
        nodeId: 'is-paid',
        nodeType: 'condition',
        status: 'success',
        startedAt: '2026-03-02T09:00:00.000Z',
        branch: 'true',
        output: { result: true },
      },
      {
        nodeId: 'wait-2',
        nodeType: 'wait',
        status: 'success',
        startedAt: '2026-03-02T09:00:00.000Z',
        branch: undefined,
        output: { until: '2026-03-04T09:00:00.000Z' },
      },
      {
        nodeId: 'thanks',
        nodeType: 'send_email',
        status: 'success',
        startedAt: '2026-03-04T09:00:00.000Z',
        branch: undefined,
        output: { messageId: `<${run!.id}:thanks@test>` },
      },
      {
        nodeId: 'wait-7',
        nodeType: 'wait',
        status: 'success',
        startedAt: '2026-03-04T09:00:00.000Z',
        branch: undefined,
        output: { until: '2026-03-11T09:00:00.000Z' },
      },
      {
        nodeId: 'review',
        nodeType: 'send_email',
        status: 'success',
        startedAt: '2026-03-11T09:00:00.000Z',
        branch: undefined,
        output: { messageId: `<${run!.id}:review@test>` },
      },
    ]);
    expect(stored!.executionLog[2]?.input).toEqual({
      to: '{{trigger.customer.email}}',
      subject: 'Merci {{trigger.customer.name}}',
    });
    expect(stored!.outputs).toMatchObject({
      'is-paid': { result: true },
      thanks: { messageId: `<${run!.id}:thanks@test>` },
    });

    const mails = (await outbox.find('u1', { sort: { field: 'sentAt', direction: 'asc' } })).items;
    expect(mails.map((mail) => [mail.subject, mail.sentAt])).toEqual([
      ['Merci Anna', '2026-03-04T09:00:00.000Z'],
      ['Votre avis sur la commande A-1001', '2026-03-11T09:00:00.000Z'],
    ]);
    const automation = await store.automations.get('u1', 'relance');
    expect(automation?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 1, failedRuns: 0, lastError: null });
    expect(automation?.stats.lastRunAt?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('stops at the condition when the order is not paid', async () => {
    const store = createMemoryStore();
    const engine = createEngine({ store, registry: testRegistry(), clock: createFakeClock() });
    await store.automations.save(AutomationSchema.parse(designExample()));
    const [run] = await engine.fire(
      'order.paid',
      { order: { id: 'A-2', status: 'pending' }, customer: { email: 'b@c.ch' } },
      { userId: 'u1' },
    );
    expect(run).toMatchObject({ status: 'completed', queue: [] });
    expect(run?.executionLog.map((e) => [e.nodeId, e.branch])).toEqual([['is-paid', 'false']]);
    expect((await store.collection('outbox').find('u1')).total).toBe(0);
  });
});
