import { join } from 'node:path';
import type { AutomationRun } from '@swigs/automation-core';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';

const FIRST_NAMES = ['Zoé', 'Léa', 'Noah', 'Luca', 'Emma', 'Nina', 'Liam', 'Mia'];
const LAST_NAMES = ['Favre', 'Rochat', 'Müller', 'Bonvin', 'Meier', 'Perret'];

/**
 * Writes `count` finished order runs straight into the server's SQLite file (WAL lets the running server read
 * them at once), as a busy shop would have: order numbers 100000 upwards, one customer each.
 */
export async function seedOrderRuns(
  dataDir: string,
  options: { userId: string; automationId: string; count: number },
): Promise<void> {
  const store = createSqliteStore({ filename: join(dataDir, 'swigs-workflow.sqlite'), durability: 'normal' });
  const start = Date.now() - options.count * 60_000;
  try {
    for (let i = 0; i < options.count; i++) {
      const createdAt = new Date(start + i * 60_000);
      const firstName = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Zoé';
      const lastName = LAST_NAMES[i % LAST_NAMES.length] ?? 'Favre';
      const run: AutomationRun = {
        id: `seed-${String(i).padStart(6, '0')}`,
        userId: options.userId,
        automationId: options.automationId,
        automationVersion: 1,
        triggerType: 'order.paid',
        status: i % 17 === 0 ? 'failed' : 'completed',
        currentNodeId: null,
        queue: [],
        outputs: {},
        triggerData: {
          orderId: `ord_${100000 + i}`,
          orderNumber: String(100000 + i),
          status: 'paid',
          total: 4990 + i,
          currency: 'CHF',
          items: [],
          customer: { email: `client${i}@example.ch`, firstName, lastName },
        },
        executionLog: [],
        scheduledAt: null,
        error: i % 17 === 0 ? 'SMTP refusé' : null,
        errorCode: null,
        attempt: 0,
        steps: 1,
        leaseOwner: null,
        leaseUntil: null,
        createdAt,
        updatedAt: createdAt,
        startedAt: createdAt,
        completedAt: createdAt,
      };
      await store.runs.create(run);
    }
  } finally {
    await store.close();
  }
}
