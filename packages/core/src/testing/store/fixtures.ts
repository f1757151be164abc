import type { Automation } from '../../model/automation';
import type { AutomationRun, ExecutionLogEntry } from '../../model/run';
import type { RunStore } from '../../ports/run-store';

/** A fixed instant the suite builds its times from (milliseconds included on purpose). */
export const T0 = new Date('2026-03-01T08:00:00.123Z');

/** `T0` plus `ms`. */
export const at = (ms: number): Date => new Date(T0.getTime() + ms);

/** Gives each test the store it runs against. */
export interface SuiteContext<S = RunStore> {
  store(): S;
}

let sequence = 0;

/** Tells this copy of the suite apart from others running at once (other processes, other workers). */
const instance = globalThis.crypto.randomUUID().slice(0, 8);

/** A unique id for this suite instance, so tests never collide even on a shared database. */
export const uid = (prefix: string): string => `${prefix}-${instance}-${Date.now().toString(36)}-${++sequence}`;

/** A valid automation with a nested graph. */
export function makeAutomation(overrides: Partial<Automation> = {}): Automation {
  return {
    id: uid('auto'),
    userId: 'tenant-a',
    name: 'Relance panier',
    description: 'Rappel après 2 jours',
    isActive: true,
    trigger: { type: 'order.paid', config: { minTotal: 5000, tags: ['vip', 'b2b'] } },
    nodes: [
      {
        id: 'wait-1',
        type: 'wait',
        position: { x: 10, y: 20 },
        config: { duration: 2, unit: 'days' },
        connections: [{ targetId: 'mail-1', condition: 'default' }],
      },
      {
        id: 'mail-1',
        type: 'send_email',
        position: { x: 10, y: 120 },
        config: { templateId: 'tpl-1', to: '{{customer.email}}', extra: { nested: [1, { deep: true }] } },
        connections: [],
        label: 'Merci',
      },
    ],
    version: 1,
    stats: { totalRuns: 0, successfulRuns: 0, failedRuns: 0, lastRunAt: null, lastError: null },
    createdAt: at(0),
    updatedAt: at(1000),
    ...overrides,
  };
}

/** A log entry with nested input/output and Dates inside. */
export function makeLogEntry(index: number, payload = ''): ExecutionLogEntry {
  return {
    nodeId: `node-${index}`,
    nodeType: index % 2 === 0 ? 'send_email' : 'condition',
    startedAt: at(index * 10),
    completedAt: at(index * 10 + 5),
    status: 'success',
    input: { to: `client${index}@example.ch`, vars: { amount: index * 100, when: at(index) } },
    output: { messageId: `<m${index}@swigs.ch>`, payload, list: [index, null, 'x', { ok: true }] },
    error: null,
    attempts: 1,
    branch: index % 2 === 0 ? undefined : 'true',
  };
}

/** A run; by default waiting, due at `T0`, with nested trigger data and outputs. */
export function makeRun(overrides: Partial<AutomationRun> = {}): AutomationRun {
  return {
    id: uid('run'),
    userId: 'tenant-a',
    automationId: 'auto-1',
    automationVersion: 1,
    triggerType: 'order.paid',
    status: 'waiting',
    currentNodeId: 'wait-1',
    queue: ['mail-1', 'wait-2'],
    outputs: { 'wait-1': { until: at(2 * 86_400_000), reason: 'délai' } },
    triggerData: {
      order: { id: 'CMD-1042', total: 12_950, paidAt: at(-3600_000), lines: [{ sku: 'A', qty: 2 }] },
      customer: { email: 'anne@example.ch', name: 'Anne Müller', optIn: true, tags: [] },
    },
    executionLog: [makeLogEntry(0)],
    scheduledAt: T0,
    error: null,
    errorCode: null,
    attempt: 0,
    steps: 1,
    leaseOwner: null,
    leaseUntil: null,
    createdAt: at(-60_000),
    updatedAt: at(-30_000),
    startedAt: at(-60_000),
    completedAt: null,
    ...overrides,
  };
}
