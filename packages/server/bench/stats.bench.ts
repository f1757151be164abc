// The builder's per-step stats (`GET /api/automations/:id/stats?since=`) against the built swigs-workflow on SQLite
// with 100,000 runs of one automation: time of one request as the canvas makes it (fetch over loopback).
// Run after `pnpm build`: `pnpm bench stats`.
import { join } from 'node:path';
import type { AutomationRun, ExecutionLogEntry } from '@swigs/automation-core';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { startBuiltServer } from './support/built-server';

const RUNS = 100_000;
const REQUESTS = 50;

const server = await startBuiltServer('stats');
const { json, dataDir } = server;
try {
  const automation = await json('POST', '/api/automations', {
    name: 'Bench: stats',
    isActive: false,
    trigger: { type: 'order.paid', config: {}, connections: [{ targetId: 'wait', condition: 'default' }] },
    nodes: [
      { id: 'wait', type: 'wait', config: { duration: 2, unit: 'days' }, connections: [{ targetId: 'check' }] },
      {
        id: 'check',
        type: 'condition',
        config: { combinator: 'all', conditions: [{ field: 'trigger.total', operator: 'greater_than', value: 100 }] },
        connections: [{ targetId: 'thanks', condition: 'true' }],
      },
      {
        id: 'thanks',
        type: 'send_email',
        config: { to: '{{trigger.customer.email}}', subject: 'Merci', body: '<p>Merci !</p>' },
        connections: [],
      },
    ],
  });

  // Straight into the server's SQLite file (WAL: the running server reads them at once), over the last 90 days.
  const seededAt = performance.now();
  const store = createSqliteStore({ filename: join(dataDir, 'swigs-workflow.sqlite'), durability: 'normal' });
  const now = Date.now();
  try {
    for (let i = 0; i < RUNS; i++) {
      const at = new Date(now - (i % 90) * 86_400_000 - i * 10);
      const entry = (nodeId: string, nodeType: string, status: ExecutionLogEntry['status']): ExecutionLogEntry => ({
        nodeId,
        nodeType,
        startedAt: at,
        completedAt: at,
        status,
        error: status === 'failed' ? 'SMTP refusé' : null,
      });
      const waiting = i % 10 === 0;
      const log = [entry('trigger', 'order.paid', 'success'), entry('wait', 'wait', 'success')];
      if (!waiting)
        log.push(entry('check', 'condition', 'success'), entry('thanks', 'send_email', i % 23 ? 'success' : 'failed'));
      const run: AutomationRun = {
        id: `bench-${i}`,
        userId: automation.userId,
        automationId: automation.id,
        automationVersion: automation.version,
        triggerType: 'order.paid',
        status: waiting ? 'waiting' : 'completed',
        currentNodeId: waiting ? 'wait' : null,
        queue: [],
        outputs: {},
        triggerData: { orderNumber: String(100000 + i), total: 50 + (i % 200) },
        executionLog: log,
        scheduledAt: waiting ? new Date(now + 86_400_000) : null,
        error: null,
        attempt: 0,
        steps: log.length,
        leaseOwner: null,
        leaseUntil: null,
        createdAt: at,
        updatedAt: at,
        startedAt: at,
        completedAt: waiting ? null : at,
      };
      await store.runs.create(run);
    }
  } finally {
    await store.close();
  }
  console.log(
    `stats: seeded ${RUNS.toLocaleString('en-US')} runs in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`,
  );

  for (const since of ['7d', '90d'] as const) {
    const times: number[] = [];
    let reached = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      const answer = await json('GET', `/api/automations/${automation.id}/stats?since=${since}`);
      times.push(performance.now() - t0);
      reached = answer.steps.find((s: { nodeId: string }) => s.nodeId === 'wait')?.reached ?? 0;
    }
    times.sort((a, b) => a - b);
    const at = (q: number): string => (times[Math.floor(times.length * q)] ?? Number.NaN).toFixed(1);
    console.log(
      `stats: GET /api/automations/:id/stats?since=${since} over ${RUNS.toLocaleString('en-US')} runs (${reached.toLocaleString('en-US')} reached the wait): median ${at(0.5)} ms, p95 ${at(0.95)} ms, ${REQUESTS} requests (target < 100 ms)`,
    );
  }
} finally {
  await server.stop();
}
