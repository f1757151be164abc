import { describe, expect, it } from 'vitest';
import { createFakeClock, createMemoryStore, messageIdFor } from '@swigs/automation-core';
import { createOutboxMail, outboxIdFor, type OutboxMessage } from '@swigs/automation-adapters/outbox';

describe('createOutboxMail', () => {
  it('keeps every message in the outbox collection under its tenant', async () => {
    const store = createMemoryStore();
    const clock = createFakeClock('2026-03-02T08:00:00Z');
    const mail = createOutboxMail({ store, clock });
    const result = await mail.send({
      from: 'shop@swigs.ch',
      to: ['lea@example.ch', 'marc@example.ch'],
      bcc: 'archive@swigs.ch',
      subject: 'Merci Léa',
      html: '<p>Merci</p>',
      text: 'Merci',
      headers: { 'List-Unsubscribe': '<https://swigs.ch/u/x>' },
      idempotencyKey: 'run-9:thanks',
      userId: 'user-a',
      category: 'marketing',
    });
    expect(result).toEqual({ messageId: messageIdFor('run-9:thanks', 'swigs.ch') });
    const { items, total } = await store.collection<OutboxMessage>('outbox').find('user-a');
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      id: outboxIdFor('run-9:thanks'),
      userId: 'user-a',
      to: ['lea@example.ch', 'marc@example.ch'],
      cc: [],
      bcc: ['archive@swigs.ch'],
      replyTo: null,
      subject: 'Merci Léa',
      category: 'marketing',
      headers: { 'List-Unsubscribe': '<https://swigs.ch/u/x>' },
      createdAt: new Date('2026-03-02T08:00:00Z'),
    });
    expect((await store.collection('outbox').find('user-b')).total).toBe(0);
    await mail.close();
    await mail.close();
    await store.close();
  });

  it('stores an idempotency key once and reports the duplicate', async () => {
    const store = createMemoryStore();
    const mail = createOutboxMail({ store });
    const base = {
      from: 'shop@swigs.ch',
      to: 'a@example.ch',
      subject: 'S',
      html: 'h',
      text: 't',
      idempotencyKey: 'k',
      userId: 'u',
    };
    const first = await mail.send(base);
    const again = await mail.send({ ...base, subject: 'changed' });
    expect(again).toEqual({ messageId: first.messageId, duplicate: true });
    const { items } = await store.collection<OutboxMessage>('outbox').find('u');
    expect(items.map((m) => m.subject)).toEqual(['S']);
    await store.close();
  });

  it('files messages without a tenant under the default user', async () => {
    const store = createMemoryStore();
    const mail = createOutboxMail({ store, defaultUserId: 'dev' });
    await mail.send({ from: 'a@b.ch', to: 'c@d.ch', subject: 's', html: 'h', text: 't', idempotencyKey: 'z' });
    expect((await store.collection('outbox').find('dev')).total).toBe(1);
    await store.close();
  });
});
