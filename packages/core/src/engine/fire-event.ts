import { AdapterError } from '../errors/errors';
import type { Automation } from '../model/automation';
import type { AutomationRun } from '../model/run';
import { type EngineCore, messageOf } from './engine-core';
import { startRun } from './start-run';
import type { FireOptions } from './types';

/**
 * Starts a run for each active automation whose trigger is `eventType` (or a delayed trigger following it) and
 * matches; resolves once each has completed or parked. Rejects with `AdapterError` when the automations could not
 * be read or a run could not start, so the caller delivers the event again (safe with a `dedupeKey`).
 */
export async function fireEvent(
  core: EngineCore,
  eventType: string,
  payload: unknown,
  options: FireOptions,
): Promise<AutomationRun[]> {
  let automations: Automation[];
  let delayed: Automation[];
  try {
    [automations, delayed] = await Promise.all([
      core.store.automations.findActiveByTrigger(eventType, options.userId),
      delayedBy(core, eventType, options.userId),
    ]);
  } catch (error) {
    throw new AdapterError(core.store.name, `fire "${eventType}": could not load automations: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const failures: string[] = [];
  const skipped = new Set(options.except ?? []);
  const targets = [
    ...automations.map((automation) => ({ automation, delayed: false })),
    ...delayed.map((automation) => ({ automation, delayed: true })),
  ].filter(({ automation }) => !skipped.has(automation.id));
  const started = await Promise.all(
    targets.map(({ automation, delayed }) =>
      startRun(core, automation, payload, {
        match: true,
        delayed,
        ...(options.dedupeKey ? { dedupeKey: options.dedupeKey } : {}),
      }).catch((error: unknown) => {
        core.logger.error('fire: could not start a run', {
          eventType,
          automationId: safeId(automation),
          error: messageOf(error),
        });
        failures.push(`${safeId(automation)}: ${messageOf(error)}`);
        return null;
      }),
    ),
  );
  if (failures.length > 0) {
    throw new AdapterError(
      core.store.name,
      `fire "${eventType}": ${failures.length} run(s) could not start (${failures.join('; ')})`,
    );
  }
  return started.filter((run): run is AutomationRun => run !== null);
}

/** Active automations of delayed trigger types (`time.delay`) whose source event is `eventType`. */
async function delayedBy(core: EngineCore, eventType: string, userId: string | undefined): Promise<Automation[]> {
  if (core.delayedTriggers.length === 0) return [];
  const found: Automation[] = [];
  for (const definition of core.delayedTriggers) {
    if (definition.type === eventType) continue;
    for (const automation of await core.store.automations.findActiveByTrigger(definition.type, userId)) {
      const config = core.plans.forAutomation(automation).trigger?.config;
      // An invalid config names no source event; such an automation cannot have been switched on.
      if (config === undefined) continue;
      try {
        if (definition.delay?.sourceEvent(config) === eventType) found.push(automation);
      } catch (error) {
        core.logger.warn('a delayed trigger could not name its source event', {
          automationId: safeId(automation),
          error: messageOf(error),
        });
      }
    }
  }
  return found;
}

function safeId(automation: unknown): string {
  const id = (automation as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '(no id)';
}
