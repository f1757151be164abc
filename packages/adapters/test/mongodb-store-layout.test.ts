import { COLLECTIONS, createMongoStore, INDEXES } from '@swigs/automation-adapters/mongodb';
import { ErrorCode, hasErrorCode } from '@swigs/automation-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createMongoTestDatabases, mongoUrl, requireMongoUrl } from '@swigs/test-services/mongodb';

const databases = createMongoTestDatabases('layout');
afterAll(() => databases.cleanup());

const T = new Date('2026-03-01T08:00:00.000Z');

describe.skipIf(!mongoUrl)('mongodb store: layout', () => {
  it('creates every index at start-up', async () => {
    const client = await databases.client();
    const dbName = databases.dbName();
    const store = await createMongoStore({ client, dbName });
    for (const [collection, expected] of Object.entries(INDEXES)) {
      const indexes = await client.db(dbName).collection(collection).listIndexes().toArray();
      for (const index of expected) {
        const found = indexes.find((i) => i.name === index.name);
        expect(found, `${collection}.${index.name}`).toBeDefined();
        expect(found?.key).toEqual(index.key);
        expect(Boolean(found?.unique)).toBe(Boolean(index.unique));
      }
    }
    for (const name of ['emailtemplates', 'cmsevents']) {
      const indexes = await client.db(dbName).collection(name).listIndexes().toArray();
      expect(indexes.find((i) => i.name === 'tenant_id')?.unique).toBe(true);
    }
    await store.close();
    await store.close();
  });

  it('stores runs in automationruns with BSON dates and escapes field names MongoDB cannot take', async () => {
    const client = await databases.client();
    const dbName = databases.dbName();
    const store = await createMongoStore({ client, dbName });
    const triggerData = { 'a.b': 1, $ref: '#/x', '%pct': 'p', nested: { 'x.y': [{ $z: T }] } };
    const run = {
      id: 'run-1',
      userId: 'u1',
      automationId: 'a1',
      automationVersion: 1,
      triggerType: 'order.paid',
      status: 'running' as const,
      currentNodeId: null,
      queue: [],
      outputs: {},
      triggerData,
      executionLog: [],
      scheduledAt: null,
      error: null,
      attempt: 0,
      steps: 0,
      leaseOwner: 'w1',
      leaseUntil: T,
      createdAt: T,
      updatedAt: T,
      startedAt: T,
      completedAt: null,
    };
    await store.runs.create(run);
    const raw = await client
      .db(dbName)
      .collection(COLLECTIONS.runs)
      .findOne({ _id: 'run-1' as never });
    expect(raw?.createdAt).toBeInstanceOf(Date);
    expect(raw?.leaseUntil).toEqual(T);
    expect(raw?.userId).toBe('u1');
    expect(Object.keys(raw?.triggerData as object).sort()).toEqual(['%%24ref', '%%25pct', '%a%2Eb', 'nested']);
    expect(await store.runs.checkpoint({ ...run, outputs: { 'mail.1': { $id: 1 } } }, 'w1')).toBe(true);
    const loaded = await store.runs.get('u1', 'run-1');
    expect(loaded?.triggerData).toEqual(triggerData);
    expect(loaded?.outputs).toEqual({ 'mail.1': { $id: 1 } });
    await store.close();
  });

  it('maps every collection name to a real collection of that name', async () => {
    const client = await databases.client();
    const dbName = databases.dbName();
    const store = await createMongoStore({ client, dbName });
    await store.collection('emailtemplates').insert({ id: 't1', userId: 'u1', name: 'Merci' });
    await store.collection('cmsevents').insert({ id: 'e1', userId: 'u1', type: 'order.paid' });
    await store.collection('invoices').insert({ id: 'i1', userId: 'u1', totalCentimes: 12_950 });
    const db = client.db(dbName);
    expect(await db.collection('emailtemplates').findOne({ id: 't1' })).toMatchObject({ userId: 'u1', name: 'Merci' });
    expect(await db.collection('cmsevents').countDocuments({ userId: 'u1' })).toBe(1);
    const invoiceIndexes = await db.collection('invoices').listIndexes().toArray();
    expect(invoiceIndexes.find((i) => i.name === 'tenant_id')?.unique).toBe(true);
    await store.close();
  });

  it('leaves a client it was given open, and closes one it created', async () => {
    const client = await databases.client();
    const given = await createMongoStore({ client, dbName: databases.dbName() });
    await given.close();
    await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
    const dbName = databases.dbName();
    const owned = await createMongoStore({ url: requireMongoUrl(), dbName });
    await owned.counters.next('x');
    await owned.close();
    await expect(owned.counters.next('x')).rejects.toThrow();
  });

  it('rejects bad options and an unreachable server with clear errors', async () => {
    const bad = await createMongoStore({}).catch((e: unknown) => e);
    expect(hasErrorCode(bad, ErrorCode.ConfigInvalid)).toBe(true);
    expect((bad as Error).message).toMatch(/url or client/);
    const down = await createMongoStore({
      url: 'mongodb://127.0.0.1:1/?directConnection=true&serverSelectionTimeoutMS=300',
    }).catch((e: unknown) => e);
    expect(hasErrorCode(down, ErrorCode.Adapter)).toBe(true);
  });
});
