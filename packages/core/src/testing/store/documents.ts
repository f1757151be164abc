import { describe, expect, it } from 'vitest';
import { ErrorCode, hasErrorCode } from '../../errors/swigs-error';
import type { DocumentStore, StoredDocument } from '../../ports/document-store';
import { at, type SuiteContext } from './fixtures';

interface Mail extends StoredDocument {
  to: string;
  status: string | null;
  priority: number;
  urgent: boolean;
  sentAt: Date | null;
  meta: { tries: number[]; headers: Record<string, string> };
  note?: string;
}

const mail = (id: string, fields: Partial<Mail> = {}): Mail => ({
  id,
  userId: 'tenant-a',
  to: `${id}@example.ch`,
  status: 'pending',
  priority: 1,
  urgent: false,
  sentAt: null,
  meta: { tries: [1, 2], headers: { 'X-Run': id } },
  ...fields,
});

/** Tenant-scoped document collections. */
export function describeDocuments(ctx: SuiteContext<DocumentStore>, concurrency: number): void {
  const outbox = () => ctx.store().collection<Mail>('outbox');

  describe('document collections', () => {
    it('round-trips a document with dates and nested data', async () => {
      const doc = mail('m1', { sentAt: at(1234), meta: { tries: [], headers: { a: 'b' } } });
      expect(await outbox().insert(doc)).toEqual(doc);
      const loaded = await outbox().get('tenant-a', 'm1');
      expect(loaded).toEqual(doc);
      expect(loaded?.sentAt).toBeInstanceOf(Date);
    });

    it('refuses a duplicate id with a ConflictError', async () => {
      await outbox().insert(mail('m1'));
      const error = await outbox()
        .insert(mail('m1', { to: 'other@example.ch' }))
        .catch((e: unknown) => e);
      expect(hasErrorCode(error, ErrorCode.Conflict)).toBe(true);
      expect((await outbox().get('tenant-a', 'm1'))?.to).toBe('m1@example.ch');
    });

    it('isolates tenants and collections', async () => {
      await outbox().insert(mail('m1'));
      await outbox().insert(mail('m1', { userId: 'tenant-b', to: 'b@example.ch' }));
      expect((await outbox().get('tenant-b', 'm1'))?.to).toBe('b@example.ch');
      expect((await outbox().get('tenant-a', 'm1'))?.to).toBe('m1@example.ch');
      expect(await outbox().get('tenant-c', 'm1')).toBeNull();
      expect(await ctx.store().collection<Mail>('emailtemplates').get('tenant-a', 'm1')).toBeNull();
      expect(await outbox().update('tenant-c', 'm1', { status: 'sent' })).toBeNull();
      expect(await outbox().delete('tenant-c', 'm1')).toBe(false);
      expect((await outbox().find('tenant-b')).items.map((d) => d.to)).toEqual(['b@example.ch']);
    });

    it('never shares objects with the caller', async () => {
      const doc = mail('m1');
      await outbox().insert(doc);
      doc.meta.tries.push(3);
      const loaded = await outbox().get('tenant-a', 'm1');
      expect(loaded?.meta.tries).toEqual([1, 2]);
      loaded!.meta.headers.changed = 'yes';
      expect((await outbox().get('tenant-a', 'm1'))?.meta.headers).toEqual({ 'X-Run': 'm1' });
    });

    it('finds by equality, one-of and null, with sort, paging and a total', async () => {
      await outbox().insert(mail('d', { status: 'sent', priority: 3, sentAt: at(3000), urgent: true }));
      await outbox().insert(mail('a', { status: 'pending', priority: 2 }));
      await outbox().insert(mail('c', { status: 'failed', priority: 10, sentAt: at(1000) }));
      await outbox().insert(mail('b', { status: null, priority: 1 }));
      await outbox().insert(mail('e', { status: 'sent', priority: -5, sentAt: at(2000) }));
      const ids = async (query: Parameters<ReturnType<typeof outbox>['find']>[1]) =>
        (await outbox().find('tenant-a', query)).items.map((d) => d.id);
      expect(await ids(undefined)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await ids({ where: { status: 'sent' } })).toEqual(['d', 'e']);
      expect(await ids({ where: { status: ['pending', 'failed'] } })).toEqual(['a', 'c']);
      expect(await ids({ where: { status: null } })).toEqual(['b']);
      expect(await ids({ where: { urgent: true } })).toEqual(['d']);
      expect(await ids({ where: { priority: 10, status: 'failed' } })).toEqual(['c']);
      expect(await ids({ where: { priority: 10, status: 'sent' } })).toEqual([]);
      expect(await ids({ where: { note: null } })).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await ids({ sort: { field: 'priority', direction: 'asc' } })).toEqual(['e', 'b', 'a', 'd', 'c']);
      expect(await ids({ sort: { field: 'priority', direction: 'desc' } })).toEqual(['c', 'd', 'a', 'b', 'e']);
      expect(await ids({ sort: { field: 'to', direction: 'desc' } })).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect(await ids({ where: { status: 'sent' }, sort: { field: 'sentAt', direction: 'asc' } })).toEqual(['e', 'd']);
      expect(
        await ids({ where: { status: ['sent', 'failed'] }, sort: { field: 'sentAt', direction: 'desc' } }),
      ).toEqual(['d', 'e', 'c']);
      const page = await outbox().find('tenant-a', {
        sort: { field: 'priority', direction: 'asc' },
        limit: 2,
        offset: 1,
      });
      expect(page.items.map((d) => d.id)).toEqual(['b', 'a']);
      expect(page.total).toBe(5);
      const filtered = await outbox().find('tenant-a', { where: { status: 'sent' }, limit: 1 });
      expect(filtered.total).toBe(2);
      expect(filtered.items).toHaveLength(1);
    });

    it('merges a patch shallowly and keeps the identity fields', async () => {
      await outbox().insert(mail('m1'));
      const updated = await outbox().update('tenant-a', 'm1', {
        status: 'sent',
        sentAt: at(42),
        meta: { tries: [9], headers: {} },
        note: undefined,
        id: 'hijack',
        userId: 'tenant-b',
      } as Partial<Mail>);
      expect(updated).toEqual({ ...mail('m1'), status: 'sent', sentAt: at(42), meta: { tries: [9], headers: {} } });
      expect(await outbox().get('tenant-a', 'm1')).toEqual(updated);
      expect(await outbox().get('tenant-b', 'hijack')).toBeNull();
      expect(await outbox().update('tenant-a', 'missing', { status: 'sent' })).toBeNull();
    });

    it('updates only when the document still matches (compare-and-set)', async () => {
      await outbox().insert(mail('m1'));
      expect(await outbox().update('tenant-a', 'm1', { status: 'sent' }, { where: { status: 'failed' } })).toBeNull();
      expect((await outbox().get('tenant-a', 'm1'))?.status).toBe('pending');
      const sending = await outbox().update(
        'tenant-a',
        'm1',
        { status: 'sending' },
        { where: { status: ['pending', 'failed'] } },
      );
      expect(sending?.status).toBe('sending');
    });

    it('lets exactly one of several concurrent compare-and-set updates win', async () => {
      await outbox().insert(mail('m1'));
      const results = await Promise.all(
        Array.from({ length: concurrency }, (_, i) =>
          outbox().update(
            'tenant-a',
            'm1',
            { status: 'sending', to: `w${i}@example.ch` },
            { where: { status: 'pending' } },
          ),
        ),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await outbox().get('tenant-a', 'm1'))?.to).toBe(winners[0]?.to);
    });

    it('deletes a document once', async () => {
      await outbox().insert(mail('m1'));
      expect(await outbox().delete('tenant-a', 'm1')).toBe(true);
      expect(await outbox().get('tenant-a', 'm1')).toBeNull();
      expect(await outbox().delete('tenant-a', 'm1')).toBe(false);
      expect((await outbox().find('tenant-a')).total).toBe(0);
    });

    it('inserts companion documents with a record, or neither when one of them is taken', async () => {
      const events = () => ctx.store().collection<StoredDocument & { type: string }>('eventoutbox');
      const pending = (id: string) => ({
        collection: 'eventoutbox',
        doc: { id, userId: 'tenant-a', type: 'mail.queued' },
      });
      await outbox().insert(mail('m1'), { also: [pending('e1')] });
      expect(await outbox().get('tenant-a', 'm1')).not.toBeNull();
      expect(await events().get('tenant-a', 'e1')).toEqual({ id: 'e1', userId: 'tenant-a', type: 'mail.queued' });

      const refused = await outbox()
        .insert(mail('m2'), { also: [pending('e2'), pending('e1')] })
        .catch((error: unknown) => error);
      expect(hasErrorCode(refused, ErrorCode.Conflict)).toBe(true);
      expect(await outbox().get('tenant-a', 'm2')).toBeNull();
      expect(await events().get('tenant-a', 'e2')).toBeNull();
    });

    it('writes companion documents only when a compare-and-set update matched, atomically with it', async () => {
      const events = () => ctx.store().collection<StoredDocument & { type: string }>('eventoutbox');
      const pending = (id: string) => ({
        collection: 'eventoutbox',
        doc: { id, userId: 'tenant-a', type: 'mail.sent' },
      });
      await outbox().insert(mail('m1'));
      const sent = await outbox().update(
        'tenant-a',
        'm1',
        { status: 'sent' },
        { where: { status: 'pending' }, also: [pending('e1')] },
      );
      expect(sent?.status).toBe('sent');
      expect(await events().get('tenant-a', 'e1')).not.toBeNull();

      const missed = await outbox().update(
        'tenant-a',
        'm1',
        { status: 'sent' },
        { where: { status: 'pending' }, also: [pending('e2')] },
      );
      expect(missed).toBeNull();
      expect(await events().get('tenant-a', 'e2')).toBeNull();

      const refused = await outbox()
        .update('tenant-a', 'm1', { status: 'bounced' }, { also: [pending('e1')] })
        .catch((error: unknown) => error);
      expect(hasErrorCode(refused, ErrorCode.Conflict)).toBe(true);
      expect((await outbox().get('tenant-a', 'm1'))?.status).toBe('sent');
      expect((await events().find('tenant-a')).total).toBe(1);
      expect((await events().find('tenant-b')).total).toBe(0);
    });
  });
}
