import { describe, expect, it } from 'vitest';
import { createFakeClock, createMemoryStore, type EmailTemplate } from '@swigs/automation-core';
import { createOutboxMail, type OutboxMessage } from '@swigs/automation-adapters/outbox';
import { defaultTemplates, orderPaid } from '@swigs/automation-nodes';
import { createTestEngine, saveAutomation } from './mail-engine';

const DAY = 86_400_000;
const email = {
  from: 'Boutique <shop@boutique.ch>',
  unsubscribe: { baseUrl: 'https://boutique.ch/u', secret: 's3cret' },
};

describe('order.paid -> condition -> wait 2 days -> thanks -> wait 7 days -> review request', () => {
  it('sends both e-mails at the right dates into the outbox, and none for a small order', async () => {
    const store = createMemoryStore();
    const clock = createFakeClock('2026-03-25T09:20:00Z');
    const mail = createOutboxMail({ store, clock });
    const engine = createTestEngine(store, { clock, ports: { mail, email } });
    const templates = store.collection<EmailTemplate>('emailtemplates');
    for (const id of ['commande-merci', 'demande-avis'] as const) {
      await templates.insert({ id, userId: 'user-1', ...structuredClone(defaultTemplates[id]) } as EmailTemplate);
    }
    await saveAutomation(store, {
      id: 'suivi-commande',
      name: 'Suivi de commande',
      trigger: { type: 'order.paid', config: { siteId: 'boutique-lausanne' } },
      nodes: [
        {
          id: 'gros-panier',
          type: 'condition',
          config: { combinator: 'all', conditions: [{ field: 'trigger.total', operator: 'greater_than', value: 100 }] },
          connections: [{ targetId: 'attente-2j', condition: 'true' }],
        },
        { id: 'attente-2j', type: 'wait', config: { duration: 2, unit: 'days' }, connections: [{ targetId: 'merci' }] },
        {
          id: 'merci',
          type: 'send_email',
          config: { templateId: 'commande-merci', to: '{{trigger.customer.email}}' },
          connections: [{ targetId: 'attente-7j' }],
        },
        {
          id: 'attente-7j',
          type: 'wait',
          config: { duration: 7, unit: 'days', time: '10:00' },
          connections: [{ targetId: 'avis' }],
        },
        { id: 'avis', type: 'send_email', config: { templateId: 'demande-avis', to: '{{trigger.customer.email}}' } },
      ],
    });
    const outbox = store.collection<OutboxMessage>('outbox');
    const list = async (): Promise<OutboxMessage[]> =>
      (await outbox.find('user-1', { sort: { field: 'createdAt', direction: 'asc' } })).items;

    const [run] = await engine.fire('order.paid', structuredClone(orderPaid.sampleOutput));
    const [small] = await engine.fire('order.paid', {
      ...structuredClone(orderPaid.sampleOutput as object),
      orderId: 'o2',
      total: 45,
    });
    const [otherSite] = await engine
      .fire('order.paid', { ...structuredClone(orderPaid.sampleOutput as object), siteId: 'autre' })
      .then((r) => [r[0]]);
    expect(otherSite).toBeUndefined();
    expect(small?.status).toBe('completed');
    expect(run?.status).toBe('waiting');
    expect(run?.scheduledAt?.toISOString()).toBe('2026-03-27T09:20:00.000Z');

    await clock.advance(2 * DAY - 60_000);
    expect(await engine.resumeDue()).toBe(0);
    expect(await list()).toHaveLength(0);

    await clock.advance(60_000);
    expect(await engine.resumeDue()).toBe(1);
    let sent = await list();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      subject: 'Merci pour votre commande n° 1042',
      to: ['lea.muller@example.ch'],
      category: 'transactional',
      createdAt: new Date('2026-03-27T09:20:00Z'),
    });
    expect(sent[0]!.headers['List-Unsubscribe']).toBeUndefined();
    const parked = await store.runs.get('user-1', run!.id);
    expect(parked?.status).toBe('waiting');
    // 7 calendar days later at 10:00 Zurich, after the switch to summer time on 29 March: 08:00 UTC.
    expect(parked?.scheduledAt?.toISOString()).toBe('2026-04-03T08:00:00.000Z');

    await clock.advance(7 * DAY - 80 * 60_000 - 1000);
    expect(await engine.resumeDue()).toBe(0);
    await clock.advance(1000);
    expect(await engine.resumeDue()).toBe(1);
    sent = await list();
    expect(sent.map((m) => [m.subject, m.createdAt.toISOString(), m.category])).toEqual([
      ['Merci pour votre commande n° 1042', '2026-03-27T09:20:00.000Z', 'transactional'],
      ['Léa, votre avis compte pour nous', '2026-04-03T08:00:00.000Z', 'marketing'],
    ]);
    expect(sent[1]!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(sent[1]!.html).toContain('Se désabonner');
    const done = await store.runs.get('user-1', run!.id);
    expect(done?.status).toBe('completed');
    expect(done?.executionLog.map((e) => [e.nodeId, e.status])).toEqual([
      ['gros-panier', 'success'],
      ['attente-2j', 'success'],
      ['merci', 'success'],
      ['attente-7j', 'success'],
      ['avis', 'success'],
    ]);

    // Resuming again sends nothing twice.
    await clock.advance(DAY);
    expect(await engine.resumeDue()).toBe(0);
    expect(await list()).toHaveLength(2);
    await engine.stop();
    await store.close();
  });
});
