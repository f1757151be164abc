import {
  AutomationSchema,
  createEngine,
  type AutomationInput,
  type Clock,
  type Engine,
  type EngineOptions,
  type Store,
} from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';

/** The real engine with the shipped nodes. */
export function createTestEngine(store: Store, options: Partial<EngineOptions> & { clock?: Clock } = {}): Engine {
  return createEngine({ store, registry: createDefaultRegistry(), retention: { days: 0 }, ...options });
}

/** Saves an active automation of `userId` built from the design's document shape. */
export async function saveAutomation(
  store: Store,
  input: Omit<AutomationInput, 'userId' | 'isActive'> & { userId?: string },
): Promise<void> {
  await store.automations.save(AutomationSchema.parse({ userId: 'user-1', isActive: true, ...input }));
}
