import type { Automation, Clock, DocumentStore, RunStore, StoredDocument } from '@swigs/automation-core';

/** Collection of armed "listen for the next event" requests. */
export const SAMPLE_LISTENERS_COLLECTION = 'samplelisteners';
/**
 * The listeners are kept under one index owner: a webhook URL names only the automation, and a draft (inactive)
 * automation is not among the active ones the endpoint looks through, so the endpoint finds its listener by id,
 * then reads the automation scoped to the listener's `ownerId`.
 */
const INDEX_OWNER = '_sample-listeners';
/** How long a listener waits for its event unless told otherwise. */
export const DEFAULT_LISTEN_MS = 10 * 60_000;

interface ListenerDocument extends StoredDocument {
  ownerId: string;
  triggerType: string;
  armedAt: string;
  expiresAt: string;
}

/** A listener as the API shows it. */
export interface ListenState {
  listening: boolean;
  /** When the listener gives up (ISO 8601), while listening. */
  until?: string;
}

/** Listeners of "listen for the next event": the next webhook call or CMS event becomes the automation's sample. */
export interface SampleListeners {
  /** Listens for the next event of `eventType` (default: the automation's trigger type) for this automation. */
  arm(
    automation: Pick<Automation, 'id' | 'userId' | 'trigger'>,
    durationMs: number,
    eventType?: string,
  ): Promise<ListenState>;
  disarm(userId: string, automationId: string): Promise<void>;
  state(userId: string, automationId: string): Promise<ListenState>;
  /**
   * The automation's armed listener, live or past its `until` (epoch ms): one read, for the webhook endpoint,
   * which checks `until` itself on each call and so may keep the answer while the store is unchanged.
   */
  listenerOf(automationId: string): Promise<{ ownerId: string; until: number } | null>;
  /** The ids of the tenant's automations of `triggerType` that listen now. */
  listeningFor(triggerType: string, userId: string | undefined): Promise<{ ownerId: string; automationId: string }[]>;
  /**
   * Takes the listener (only one concurrent event wins) and stores `payload` as the automation's `sampleData`.
   * True when this event was the one kept.
   */
  capture(ownerId: string, automationId: string, payload: unknown): Promise<boolean>;
}

/** Listeners kept in the store's documents, so they survive restarts and every worker sees them. */
export function createSampleListeners(
  store: Pick<RunStore, 'automations'> & DocumentStore,
  clock: Clock,
): SampleListeners {
  const docs = store.collection<ListenerDocument>(SAMPLE_LISTENERS_COLLECTION);
  const live = (doc: ListenerDocument | null): doc is ListenerDocument =>
    doc !== null && Date.parse(doc.expiresAt) > clock.now().getTime();
  const mine = async (userId: string, automationId: string): Promise<ListenerDocument | null> => {
    const doc = await docs.get(INDEX_OWNER, automationId);
    return live(doc) && doc.ownerId === userId ? doc : null;
  };

  return {
    async arm(automation, durationMs, eventType = automation.trigger.type) {
      const now = clock.now();
      const doc: ListenerDocument = {
        id: automation.id,
        userId: INDEX_OWNER,
        ownerId: automation.userId,
        triggerType: eventType,
        armedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + durationMs).toISOString(),
      };
      await docs.delete(INDEX_OWNER, automation.id);
      await docs.insert(doc);
      return { listening: true, until: doc.expiresAt };
    },
    async disarm(userId, automationId) {
      if (await mine(userId, automationId)) await docs.delete(INDEX_OWNER, automationId);
    },
    async state(userId, automationId) {
      const doc = await mine(userId, automationId);
      return doc ? { listening: true, until: doc.expiresAt } : { listening: false };
    },
    async listenerOf(automationId) {
      const doc = await docs.get(INDEX_OWNER, automationId);
      return doc ? { ownerId: doc.ownerId, until: Date.parse(doc.expiresAt) } : null;
    },
    async listeningFor(triggerType, userId) {
      const { items } = await docs.find(INDEX_OWNER, {
        where: { triggerType, ...(userId ? { ownerId: userId } : {}) },
        limit: 1000,
      });
      return items.filter(live).map((doc) => ({ ownerId: doc.ownerId, automationId: doc.id }));
    },
    async capture(ownerId, automationId, payload) {
      // The delete is the claim: of two events arriving together, one deletes the listener and is kept.
      if (!(await docs.delete(INDEX_OWNER, automationId))) return false;
      const automation = await store.automations.get(ownerId, automationId);
      if (!automation) return false;
      await store.automations.save({ ...automation, sampleData: payload, updatedAt: clock.now() });
      return true;
    },
  };
}
