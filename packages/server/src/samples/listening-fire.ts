import type { Engine, Logger } from '@swigs/automation-core';
import type { SampleListeners } from './sample-listeners';

/**
 * The engine's `fire` for event sources (the CMS bridge) that honours "listen for the next event": an automation
 * that listens for this event type keeps the payload as its `sampleData` and does not run for it; the others run.
 */
export function listeningFire(
  engine: Pick<Engine, 'fire'>,
  listeners: SampleListeners,
  logger?: Logger,
): Engine['fire'] {
  return async (type, payload, options = {}) => {
    const kept: string[] = [];
    for (const listener of await listeners.listeningFor(type, options.userId)) {
      if (await listeners.capture(listener.ownerId, listener.automationId, payload)) {
        kept.push(listener.automationId);
        logger?.info('an event was kept as sample data', { automationId: listener.automationId, eventType: type });
      }
    }
    if (kept.length === 0) return engine.fire(type, payload, options);
    return engine.fire(type, payload, { ...options, except: [...(options.except ?? []), ...kept] });
  };
}
