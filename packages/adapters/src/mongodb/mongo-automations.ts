import {
  type Automation,
  type AutomationRepository,
  AutomationSchema,
  type AutomationStats,
  emptyStats,
} from '@swigs/automation-core';
import type { Collection, Document } from 'mongodb';
import { fromMongo, toMongo } from './codec';
import { isDuplicateKey, WRITE } from './mongo-errors';
import { statsUpdate } from './mongo-run-stats';
import { createSharedRead } from './shared-read';

const AUTOMATION_FIELDS = Object.keys(AutomationSchema.shape).filter((key) => key !== 'stats');

/**
 * Automations in `automations` (one document each, unique on userId + id; stats updated with `$inc`) and their
 * immutable snapshots in `automationversions` (unique on userId + automationId + version).
 */
export function createMongoAutomations(
  automations: Collection<Document>,
  versions: Collection<Document>,
): AutomationRepository {
  // Concurrent identical trigger look-ups (one per fired event) share one query sent after all of them began.
  const activeByTrigger = createSharedRead((key: string) => {
    const [triggerType, userId] = JSON.parse(key) as [string, string | null];
    const filter: Document = { 'trigger.type': triggerType, isActive: true };
    if (userId !== null) filter.userId = userId;
    return automations.find(filter).sort({ name: 1, id: 1 }).toArray();
  });
  return {
    async get(userId, id) {
      const doc = await automations.findOne({ userId, id });
      return doc ? fromDocument(doc) : null;
    },
    async getVersion(userId, id, version) {
      const doc = await versions.findOne({ userId, automationId: id, version });
      return doc ? (fromMongo(doc.automation) as Automation) : null;
    },
    async list(userId, query = {}) {
      const filter: Document = { userId };
      if (query.isActive !== undefined) filter.isActive = query.isActive;
      let cursor = automations
        .find(filter)
        .sort({ name: 1, id: 1 })
        .skip(query.offset ?? 0);
      if (query.limit !== undefined) cursor = cursor.limit(query.limit);
      const [docs, total] = await Promise.all([
        query.limit === 0 ? Promise.resolve([]) : cursor.toArray(),
        automations.countDocuments(filter),
      ]);
      return { items: docs.map(fromDocument), total };
    },
    async findActiveByTrigger(triggerType, userId) {
      const docs = await activeByTrigger(JSON.stringify([triggerType, userId ?? null]));
      // Each caller decodes its own copy (decoding works in place, and callers may change what they get).
      return docs.map((doc) => fromDocument(structuredClone(doc)));
    },
    async save(automation) {
      const { stats, ...rest } = automation;
      const fields = toMongo(rest) as Document;
      const update: Document = { $set: fields, $setOnInsert: { stats: toMongo(stats ?? emptyStats()) } };
      const unset = AUTOMATION_FIELDS.filter((key) => !(key in fields));
      if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((key) => [key, '']));
      const upsert = () =>
        automations.findOneAndUpdate({ userId: automation.userId, id: automation.id }, update, {
          upsert: true,
          returnDocument: 'after',
          ...WRITE,
        });
      // Two first saves racing on the unique index: the loser retries as an update.
      const doc = await upsert().catch((error: unknown) => (isDuplicateKey(error) ? upsert() : Promise.reject(error)));
      const saved = fromDocument(doc!);
      await versions
        .updateOne(
          { userId: automation.userId, automationId: automation.id, version: automation.version },
          { $setOnInsert: { automation: toMongo(saved) } },
          { upsert: true, ...WRITE },
        )
        .catch((error: unknown) => (isDuplicateKey(error) ? undefined : Promise.reject(error)));
      return saved;
    },
    async delete(userId, id) {
      return (await automations.deleteOne({ userId, id })).deletedCount === 1;
    },
    async updateStats(userId, id, delta) {
      const doc = await automations.findOneAndUpdate({ userId, id }, statsUpdate(delta), {
        returnDocument: 'after',
        projection: { stats: 1 },
      });
      return doc ? (doc.stats as AutomationStats) : null;
    },
  };
}

function fromDocument(doc: Document): Automation {
  const { _id, ...rest } = doc;
  return fromMongo(rest) as Automation;
}
