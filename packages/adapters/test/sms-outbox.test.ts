import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@swigs/automation-core';
import { createOutboxSms, type OutboxSms } from '@swigs/automation-adapters/sms';

describe('createOutboxSms', () => {
  it('keeps each SMS once per idempotency key', async () => {
    const store = createMemoryStore();
    const sms = createOutboxSms({ store });
    const first = await sms.send({
      to: '+41791234567',
      body: 'Votre colis arrive demain.',
      idempotencyKey: 'r:sms',
      userId: 'u1',
    });
    const again = await sms.send({
      to: '+41791234567',
      body: 'Votre colis arrive demain.',
      idempotencyKey: 'r:sms',
      userId: 'u1',
    });
    expect(again).toEqual({ id: first.id, duplicate: true });
    const { items } = await store.collection<OutboxSms>('smsoutbox').find('u1');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ to: '+41791234567', body: 'Votre colis arrive demain.', from: null });
    await sms.close();
    await store.close();
  });
});
