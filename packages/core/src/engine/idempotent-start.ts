import { ConflictError } from '../errors/errors';
import type { Automation } from '../model/automation';
import type { AutomationRun } from '../model/run';
import type { RunRepository } from '../ports/run-store';
import { runIdForKey } from './run-id';
import type { StartedRun } from './types';

/** How long an idempotency key keeps giving the first call's run. */
export const IDEMPOTENCY_TTL_MS = 86_400_000;
/** Longest idempotency key accepted. */
export const MAX_KEY_LENGTH = 500;
/** Runs one key may start, one per expired 24 h window, before it is refused. */
const MAX_KEY_GENERATIONS = 100;

/**
 * Starts a run for an idempotency key, or gives the run an earlier call with that key started. Each key and 24 h
 * window has one deterministic run id, so the run insert itself refuses a second run in every store and worker,
 * and a run whose first call died before it was stored is simply started now. No key table is needed.
 */
export async function startIdempotent(input: {
  runs: Pick<RunRepository, 'get'>;
  now: Date;
  automation: Pick<Automation, 'id' | 'userId'>;
  key: string;
  /** Stores and starts a run with this id; null when the id is already taken. */
  start: (id: string) => Promise<StartedRun | null>;
  replay: (run: AutomationRun) => StartedRun;
}): Promise<StartedRun> {
  const { automation, key, runs } = input;
  const now = input.now.getTime();
  for (let generation = 0; generation < MAX_KEY_GENERATIONS; generation++) {
    const id = runIdForKey(
      `${automation.userId}\u0000idempotency\u0000${automation.id}\u0000${key}\u0000${generation}`,
    );
    const existing = await runs.get(automation.userId, id);
    if (existing) {
      if (now - existing.createdAt.getTime() < IDEMPOTENCY_TTL_MS) return input.replay(existing);
      continue;
    }
    const started = await input.start(id);
    if (started) return started;
    const taken = await runs.get(automation.userId, id);
    if (taken) return input.replay(taken);
  }
  throw new ConflictError(`automation "${automation.id}": idempotency key "${key}" cannot start another run`);
}
