import type { AutomationRun, RunStatus } from './run';

/** Statuses a run never leaves. */
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];

/** Statuses in which a worker holds a run by its lease (renewed while it runs, claimable once it expires). */
export const LEASED_RUN_STATUSES: readonly RunStatus[] = ['pending', 'running'];

const terminal: ReadonlySet<RunStatus> = new Set(TERMINAL_RUN_STATUSES);
const leased: ReadonlySet<RunStatus> = new Set(LEASED_RUN_STATUSES);

/** True when `status` is terminal: a run there is never claimed, cancelled or continued again. */
export function isTerminalRunStatus(status: RunStatus): boolean {
  return terminal.has(status);
}

/** True when a run in `status` is held by a lease (`LEASED_RUN_STATUSES`). */
export function isLeasedRunStatus(status: RunStatus): boolean {
  return leased.has(status);
}

/**
 * When a run becomes claimable (`RunRepository.claimDue`), in epoch ms: a waiting run at its `scheduledAt`, a
 * pending or running run when its lease ends (0 without a lease: a crashed worker's run, claimable at once), never
 * otherwise (null). Stores index this one value so that a single ordered index serves every claim.
 */
export function claimableAt(run: Pick<AutomationRun, 'status' | 'scheduledAt' | 'leaseUntil'>): number | null {
  if (run.status === 'waiting') return run.scheduledAt ? run.scheduledAt.getTime() : null;
  if (leased.has(run.status)) return run.leaseUntil ? run.leaseUntil.getTime() : 0;
  return null;
}

/** The order `claimDue` returns runs in: oldest `scheduledAt` first (unscheduled first), then by id. */
export function compareClaimOrder(a: AutomationRun, b: AutomationRun): number {
  const sa = a.scheduledAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const sb = b.scheduledAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (sa !== sb) return sa - sb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
