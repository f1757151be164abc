import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { BuilderClient, StepStatsEntry } from '../client';

/** What the stats task reads of its host: no more than this. */
export interface StatsHost extends ReactiveControllerHost {
  readonly resolvedClient: BuilderClient | undefined;
  /** The saved automation's id (`new` until saved). */
  statsAutomationId(): string;
  /** The period on display, or null when the stats are hidden. */
  statsPeriod(): '7d' | '30d' | '90d' | null;
}

/**
 * Per-step figures for the canvas through `@lit/task`: re-fetched when the client, the automation or the period
 * changes, the previous request aborted. `value` is a map by step id, null while hidden or unsaved.
 */
export function createStatsTask(
  host: StatsHost,
): Task<[BuilderClient | undefined, string, string | null], Map<string, StepStatsEntry> | null> {
  return new Task(host, {
    args: () =>
      [host.resolvedClient, host.statsAutomationId(), host.statsPeriod()] as [
        BuilderClient | undefined,
        string,
        string | null,
      ],
    task: async ([client, id, period], { signal }) => {
      if (!client?.getStepStats || !period || id === 'new') return null;
      const steps = await client.getStepStats(id, period as '7d' | '30d' | '90d');
      signal.throwIfAborted();
      return new Map(steps.map((entry) => [entry.nodeId, entry]));
    },
  });
}
