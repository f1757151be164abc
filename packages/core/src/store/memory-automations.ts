import { type Automation, emptyStats } from '../model/automation';
import type { AutomationRepository } from '../ports/run-store';
import { cloneValue } from './clone';
import { deepFreeze } from './deep-freeze';

/** Automations and their version snapshots held in memory. Lists are ordered by name, then id. */
export function createMemoryAutomations(): AutomationRepository {
  const automations = new Map<string, Automation>();
  const versions = new Map<string, Automation>();
  // Deep-frozen graphs shared by `findActiveByTrigger` results, which callers only read (the hot path of `fire`).
  const readOnly = new Map<string, Automation>();
  const keyOf = (userId: string, id: string): string => `${userId}\u0000${id}`;

  return {
    async get(userId, id) {
      const automation = automations.get(keyOf(userId, id));
      return automation ? cloneValue(automation) : null;
    },
    async getVersion(userId, id, version) {
      const snapshot = versions.get(`${keyOf(userId, id)}\u0000${version}`);
      return snapshot ? cloneValue(snapshot) : null;
    },
    async list(userId, query = {}) {
      const matched = [...automations.values()]
        .filter((a) => a.userId === userId && (query.isActive === undefined || a.isActive === query.isActive))
        .sort(byNameThenId);
      const offset = query.offset ?? 0;
      const end = query.limit === undefined ? undefined : offset + query.limit;
      return { items: matched.slice(offset, end).map((a) => cloneValue(a)), total: matched.length };
    },
    async findActiveByTrigger(triggerType, userId) {
      return [...automations.values()]
        .filter((a) => a.isActive && a.trigger.type === triggerType && (userId === undefined || a.userId === userId))
        .sort(byNameThenId)
        .map((a) => {
          const key = keyOf(a.userId, a.id);
          let graph = readOnly.get(key);
          if (!graph) {
            graph = deepFreeze(cloneValue(a));
            readOnly.set(key, graph);
          }
          return { ...graph, stats: { ...a.stats } };
        });
    },
    async save(automation) {
      const key = keyOf(automation.userId, automation.id);
      const existing = automations.get(key);
      const stored = cloneValue({ ...automation, stats: existing?.stats ?? automation.stats ?? emptyStats() });
      automations.set(key, stored);
      readOnly.delete(key);
      const versionKey = `${key}\u0000${stored.version}`;
      if (!versions.has(versionKey)) versions.set(versionKey, cloneValue(stored));
      return cloneValue(stored);
    },
    async delete(userId, id) {
      readOnly.delete(keyOf(userId, id));
      return automations.delete(keyOf(userId, id));
    },
    async updateStats(userId, id, delta) {
      const automation = automations.get(keyOf(userId, id));
      if (!automation) return null;
      const stats = { ...automation.stats };
      stats.totalRuns += delta.totalRuns ?? 0;
      stats.successfulRuns += delta.successfulRuns ?? 0;
      stats.failedRuns += delta.failedRuns ?? 0;
      if (delta.lastRunAt) stats.lastRunAt = new Date(delta.lastRunAt.getTime());
      if (delta.lastError !== undefined) stats.lastError = delta.lastError;
      automation.stats = stats;
      return cloneValue(stats);
    },
  };
}

/** Order of automation lists in every store: name, then id (binary string order). */
export function byNameThenId(a: Automation, b: Automation): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
