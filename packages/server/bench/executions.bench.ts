// The executions page (`GET /api/automation-runs`) against the built swigs-workflow on SQLite with 100,000 runs of
// three automations: the first page, deep keyset pages, each filter, and the search for an order number, timed as
// the page makes them (fetch over loopback, 50 items a page). Run after `pnpm build`: `pnpm bench executions`.
import { join } from 'node:path';
import type { AutomationRun } from '@swigs/automation-core';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { startBuiltServer } from './support/built-server';

const RUNS = 100_000;
const REQUESTS = 30;
const PAGE = 50;

const server = await startBuiltServer('executions');
const { dataDir } = server;

try {
  const automations: Array<{ id: string; userId: string }> = [];
  for (const [name, type] of [
    ['Merci', 'order.paid'],
    ['Expédition', 'order.shipped'],
    ['Relances', 'invoice.overdue'],
  ] as const) {
    automations.push(
      await server.json('POST', '/api/automations', {
        name: `Bench: ${name}`,
        isActive: false,
        trigger: { type, config: {} },
        nodes: [],
      }),
    );
  }

  // Straight into the server's SQLite file (WAL: the running server reads them at once), one a minute back in time.
  const seededAt = performance.now();
  const store = createSqliteStore({ filename: join(dataDir, 'swigs-workflow.sqlite'), durability: 'normal' });
  const now = Date.now();
  const triggerTypes = ['order.paid', 'order.shipped', 'invoice.overdue'];
  try {
    for (let i = 0; i < RUNS; i++) {
      const at = new Date(now - i * 60_000);
      const owner = i % 3;
      const failed = i % 17 === 0;
      const run: AutomationRun = {
        id: `bench-${String(i).padStart(6, '0')}`,
        userId: automations[owner]!.userId,
        automationId: automations[owner]!.id,
        automationVersion: 1,
        triggerType: triggerTypes[owner]!,
        status: failed ? 'failed' : 'completed',
        currentNodeId: null,
        queue: [],
        outputs: {},
        triggerData: {
          orderNumber: String(100000 + i),
          total: 50 + (i % 200),
          customer: { email: `client${i}@example.ch`, firstName: 'Zoé', lastName: 'Favre' },
        },
        executionLog: [],
        scheduledAt: null,
        error: failed ? 'SMTP refusé' : null,
        errorCode: null,
        attempt: 0,
        steps: 1,
        leaseOwner: null,
        leaseUntil: null,
        createdAt: at,
        updatedAt: at,
        startedAt: at,
        completedAt: at,
      };
      await store.runs.create(run);
    }
  } finally {
    await store.close();
  }
  console.log(
    `executions: seeded ${RUNS.toLocaleString('en-US')} runs in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`,
  );

  const list = `/api/automation-runs?limit=${PAGE}`;
  const measure = async (label: string, path: string | (() => string), check: (answer: any) => void) => {
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const target = typeof path === 'string' ? path : path();
      const t0 = performance.now();
      const answer = await server.json('GET', target);
      times.push(performance.now() - t0);
      check(answer);
    }
    times.sort((a, b) => a - b);
    const at = (q: number): string => (times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(1);
    console.log(
      `executions: ${label}: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${REQUESTS} requests)`,
    );
  };
  const expectItems = (count: number) => (answer: { items: unknown[] }) => {
    if (answer.items.length !== count) throw new Error(`expected ${count} items, got ${answer.items.length}`);
  };

  await measure('first page (newest 50 of 100,000)', list, expectItems(PAGE));
  // The cursor of page 200 (runs 10,000 back), walked once: keyset paging costs the same at any depth.
  let cursor = '';
  for (let page = 0; page < 200; page++)
    cursor = (await server.json('GET', `${list}${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
  await measure(
    'page 201 by cursor (runs 10,000 back)',
    `${list}&cursor=${encodeURIComponent(cursor)}`,
    expectItems(PAGE),
  );
  await measure('status=failed', `${list}&status=failed`, expectItems(PAGE));
  await measure('one automation', `${list}&automationId=${automations[1]!.id}`, expectItems(PAGE));
  await measure('trigger type invoice.overdue', `${list}&triggerType=invoice.overdue`, expectItems(PAGE));
  const from = new Date(now - 30 * 86_400_000).toISOString();
  const to = new Date(now - 29 * 86_400_000).toISOString();
  await measure('one day 30 days back', `${list}&from=${from}&to=${to}`, expectItems(PAGE));
  let n = 0;
  await measure(
    'search an order number (q)',
    () => `${list}&q=${100000 + ((n++ * 3331) % RUNS)}`,
    (answer: { items: Array<{ triggerData?: { orderNumber?: string } }> }) => {
      if (answer.items.length < 1) throw new Error('the order was not found');
    },
  );
  await measure(
    'search an e-mail that no run has (q, full scan)',
    `${list}&q=personne%40nulle-part.ch`,
    expectItems(0),
  );
} finally {
  await server.stop();
}
