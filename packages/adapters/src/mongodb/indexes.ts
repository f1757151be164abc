import type { Db, IndexDescription } from 'mongodb';

/** Names of the collections the runtime owns. */
export const COLLECTIONS = {
  automations: 'automations',
  versions: 'automationversions',
  runs: 'automationruns',
  keys: 'keys',
  cursors: 'cursors',
  counters: 'counters',
  stepStats: 'stepstats',
} as const;

/** Document collections whose indexes are created at start-up (others on first use). */
export const KNOWN_DOCUMENT_COLLECTIONS = ['emailtemplates', 'cmsevents', 'outbox'] as const;

/** Every index the store queries with, per collection. */
export const INDEXES: Record<string, IndexDescription[]> = {
  [COLLECTIONS.automations]: [
    { key: { userId: 1, id: 1 }, name: 'tenant_id', unique: true },
    { key: { userId: 1, name: 1, id: 1 }, name: 'tenant_name' },
    { key: { 'trigger.type': 1, isActive: 1 }, name: 'trigger_active' },
  ],
  [COLLECTIONS.versions]: [{ key: { userId: 1, automationId: 1, version: 1 }, name: 'tenant_version', unique: true }],
  [COLLECTIONS.runs]: [
    { key: { dueAt: 1 }, name: 'due' },
    { key: { status: 1, scheduledAt: 1 }, name: 'status_schedule' },
    { key: { status: 1, finishedAt: 1 }, name: 'status_finished' },
    { key: { userId: 1, createdAt: -1, _id: -1 }, name: 'tenant_created' },
    { key: { userId: 1, automationId: 1, createdAt: -1 }, name: 'tenant_automation_created' },
    { key: { userId: 1, status: 1, createdAt: -1 }, name: 'tenant_status_created' },
  ],
  [COLLECTIONS.keys]: [{ key: { expiresAt: 1 }, name: 'expiry', expireAfterSeconds: 0 }],
};

/** The indexes of a tenant-scoped document collection. */
export const DOCUMENT_INDEXES: IndexDescription[] = [{ key: { userId: 1, id: 1 }, name: 'tenant_id', unique: true }];

/** Creates the runtime's indexes (idempotent: existing ones are kept). */
export async function ensureIndexes(db: Db): Promise<void> {
  await Promise.all([
    ...Object.entries(INDEXES).map(([name, indexes]) => db.collection(name).createIndexes(indexes)),
    ...KNOWN_DOCUMENT_COLLECTIONS.map((name) => db.collection(name).createIndexes(DOCUMENT_INDEXES)),
  ]);
}
