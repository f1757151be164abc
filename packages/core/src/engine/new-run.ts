import type { AutomationRun } from '../model/run';
import type { ExecutionPlan } from './plan';

/** A run that starts now at `queue`; leased to `workerId` for `leaseMs` when given (a dry run has no lease). */
export function newRun(input: {
  id: string;
  automation: ExecutionPlan['automation'];
  triggerType: string;
  payload: unknown;
  queue: string[];
  now: Date;
  workerId?: string;
  leaseMs?: number;
}): AutomationRun {
  const { now } = input;
  const leased = input.workerId !== undefined && input.leaseMs !== undefined;
  return {
    id: input.id,
    userId: input.automation.userId,
    automationId: input.automation.id,
    automationVersion: input.automation.version,
    triggerType: input.triggerType,
    status: 'running',
    currentNodeId: input.queue[0] ?? null,
    queue: input.queue,
    outputs: {},
    triggerData: input.payload,
    executionLog: [],
    scheduledAt: null,
    error: null,
    errorCode: null,
    attempt: 0,
    steps: 0,
    leaseOwner: leased ? input.workerId! : null,
    leaseUntil: leased ? new Date(now.getTime() + input.leaseMs!) : null,
    createdAt: now,
    updatedAt: now,
    startedAt: now,
    completedAt: null,
  };
}
