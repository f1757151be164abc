import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { signCmsWebhook } from '@swigs/automation-adapters/cms';
import type { Client } from './real-server';
import { startServerProcess } from '../helpers/cli-process';

const CMS_WEBHOOK_SECRET = 'cms-webhook-secret-0123456789';
const WEBHOOK_SECRET = 'authoring-secret-0123456789';
const folders: string[] = [];
const started = new Set<ChildProcess>();
const standIns: Server[] = [];

afterEach(() => {
  for (const child of started) child.kill('SIGKILL');
  started.clear();
});
afterAll(async () => {
  await Promise.all(standIns.map((s) => new Promise((resolve) => s.close(resolve))));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A fresh working folder with its data folder, kept across the restarts of one test. */
function workspace(): { cwd: string; dataDir: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'swigs-restarts-'));
  folders.push(cwd);
  return { cwd, dataDir: join(cwd, 'data') };
}

/** The server's environment: CMS webhooks signed with our secret (no polling), one webhook secret. */
const ENV = {
  CMS_API_URL: 'http://127.0.0.1:9/api',
  CMS_SERVICE_TOKEN: 'cms-token-0123456789',
  CMS_POLL_ENABLED: 'false',
  CMS_WEBHOOK_SECRET,
  WEBHOOK_AUTHORING: WEBHOOK_SECRET,
};

/** Posts a signed CMS webhook announcing that order `orderNumber` was delivered; the number of runs it fired. */
async function delivered(url: string, orderNumber: number): Promise<number> {
  const raw = JSON.stringify({
    event: 'order.updated',
    data: {
      _id: `ord_${orderNumber}`,
      orderNumber,
      status: 'delivered',
      customer: { _id: 'cus_7', email: 'lea.muller@example.ch', firstName: 'Léa', lastName: 'Müller' },
      items: [{ productName: 'Tasse', sku: 'TASSE', quantity: 1, price: 23.5 }],
      total: 23.5,
      currency: 'CHF',
      updatedAt: '2026-12-01T10:00:00.000Z',
    },
  });
  const res = await fetch(`${url}/api/hooks/cms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signCmsWebhook(CMS_WEBHOOK_SECRET, raw) },
    body: raw,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { fired: number }).fired;
}

async function runsOf(client: Client, automationId: string): Promise<any[]> {
  return (await client.call('GET', `/api/automations/${automationId}/runs?limit=100`)).body.items;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function outboxSubjects(client: Client): Promise<string[]> {
  return (await client.call('GET', '/api/outbox')).body.items.map((m: { subject: string }) => m.subject).sort();
}

describe('authoring features across a restart of the real server process (SQLite file)', () => {
  it('fires a time.delay automation once per delivered order, after its delay, across a crash and a restart', {
    timeout: 90_000,
  }, async () => {
    const { cwd, dataDir } = workspace();
    const first = await startServerProcess(cwd, dataDir, ENV, started);
    const saved = await first.client.call('POST', '/api/automations', {
      name: 'Avis 4 secondes après la livraison',
      isActive: true,
      trigger: { type: 'time.delay', config: { event: 'order.delivered', duration: 4, unit: 'seconds' } },
      nodes: [
        {
          id: 'avis',
          type: 'send_email',
          config: {
            to: '{{trigger.customer.email}}',
            subject: 'Votre avis sur la commande {{trigger.orderNumber}}',
            body: '<p>Bonjour {{trigger.customer.firstName}}</p>',
          },
        },
      ],
    });
    expect(saved.status).toBe(201);
    expect(saved.body.problems).toEqual([]);
    const id = saved.body.id as string;

    const deliveredAt = Date.now();
    expect(await delivered(first.url, 1042)).toBe(1);
    const [waiting] = await runsOf(first.client, id);
    expect(waiting.status).toBe('waiting');
    expect(new Date(waiting.scheduledAt).getTime()).toBeGreaterThanOrEqual(deliveredAt + 3_000);
    // A crash while the run waits: nothing is finished, nothing is lost.
    await first.stop('SIGKILL');

    const second = await startServerProcess(cwd, dataDir, ENV, started);
    // The CMS delivers the same event again after the outage, and another order: one run per source event.
    expect(await delivered(second.url, 1042)).toBe(0);
    expect(await delivered(second.url, 1043)).toBe(1);
    const done = await until(
      () => runsOf(second.client, id),
      (runs) => runs.length === 2 && runs.every((r) => r.status === 'completed'),
      20_000,
    );
    expect(done.map((r) => r.status)).toEqual(['completed', 'completed']);
    for (const run of done) {
      expect(new Date(run.completedAt).getTime() - new Date(run.createdAt).getTime()).toBeGreaterThanOrEqual(3_900);
    }
    expect(await outboxSubjects(second.client)).toEqual([
      'Votre avis sur la commande 1042',
      'Votre avis sur la commande 1043',
    ]);
    await second.stop('SIGTERM');

    // Started again later: nothing fires a second time.
    const third = await startServerProcess(cwd, dataDir, ENV, started);
    expect(await delivered(third.url, 1042)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await runsOf(third.client, id)).toHaveLength(2);
    expect(await outboxSubjects(third.client)).toHaveLength(2);
    await third.stop('SIGTERM');
  });

  it('gives the first call’s run to the same Idempotency-Key, also after the server was SIGKILLed', {
    timeout: 60_000,
  }, async () => {
    const { cwd, dataDir } = workspace();
    const first = await startServerProcess(cwd, dataDir, ENV, started);
    const manual = await first.client.call('POST', '/api/automations', {
      name: 'Relance manuelle',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [{ id: 't', type: 'transform', config: { fields: { ref: 'R-{{trigger.n}}' } } }],
    });
    const hooked = await first.client.call('POST', '/api/automations', {
      name: 'Webhook idempotent',
      isActive: true,
      trigger: { type: 'webhook.received', config: { secretRef: 'WEBHOOK_AUTHORING' } },
      nodes: [{ id: 't', type: 'transform', config: { fields: { ref: 'W-{{trigger.body.n}}' } } }],
    });
    expect([manual.status, hooked.status]).toEqual([201, 201]);
    const run = (client: Client, key: string, n: number) =>
      client.call('POST', `/api/automations/${manual.body.id}/run`, { payload: { n } }, { 'idempotency-key': key });
    const hook = async (url: string, key: string, n: number) => {
      const res = await fetch(`${url}/api/hooks/webhook/${hooked.body.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-secret': WEBHOOK_SECRET, 'idempotency-key': key },
        body: JSON.stringify({ n }),
      });
      return { status: res.status, body: (await res.json()) as { runId: string; replayed?: boolean } };
    };

    const once = await run(first.client, 'commande-1042', 1);
    expect(once.status).toBe(201);
    expect(once.body.status).toBe('completed');
    const again = await run(first.client, 'commande-1042', 2);
    expect(again.body.id).toBe(once.body.id);
    const hookOnce = await hook(first.url, 'evt-77', 1);
    expect(hookOnce.status).toBe(202);
    await first.stop('SIGKILL');

    const second = await startServerProcess(cwd, dataDir, ENV, started);
    const retried = await run(second.client, 'commande-1042', 3);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(once.body.id);
    // The first call's run, with the first call's data: the retry's payload starts nothing.
    expect(retried.body.outputs.t).toEqual({ ref: 'R-1' });
    const hookRetried = await hook(second.url, 'evt-77', 2);
    expect(hookRetried.body).toMatchObject({ runId: hookOnce.body.runId, replayed: true });
    // Another key is another run.
    const other = await run(second.client, 'commande-1043', 4);
    expect(other.body.id).not.toBe(once.body.id);

    expect((await runsOf(second.client, manual.body.id)).map((r) => r.id).sort()).toEqual(
      [once.body.id, other.body.id].sort(),
    );
    const hookRuns = await runsOf(second.client, hooked.body.id);
    expect(hookRuns.map((r) => r.id)).toEqual([hookOnce.body.runId]);
    await second.stop('SIGTERM');
  });

  it('gives one run to the same Idempotency-Key sent at once to two server processes on one SQLite file', {
    timeout: 60_000,
  }, async () => {
    const { cwd, dataDir } = workspace();
    const a = await startServerProcess(cwd, dataDir, ENV, started);
    const b = await startServerProcess(cwd, dataDir, ENV, started);
    const saved = await a.client.call('POST', '/api/automations', {
      name: 'Deux serveurs',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [{ id: 't', type: 'transform', config: { fields: { ref: 'R-{{trigger.n}}' } } }],
    });
    expect(saved.status).toBe(201);
    const path = `/api/automations/${saved.body.id}/run`;
    for (let i = 0; i < 5; i++) {
      const key = `double-${i}`;
      const [one, two] = await Promise.all([
        a.client.call('POST', path, { payload: { n: i } }, { 'idempotency-key': key }),
        b.client.call('POST', path, { payload: { n: i } }, { 'idempotency-key': key }),
      ]);
      expect([one.status, two.status]).toEqual([201, 201]);
      expect(two.body.id).toBe(one.body.id);
    }
    expect(await runsOf(b.client, saved.body.id)).toHaveLength(5);
    await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
  });

  it('gives a client whose call was cut by a SIGKILL its run, not a second one, when it retries', {
    timeout: 60_000,
  }, async () => {
    // A swigs-task stand-in that never answers the first task, so the call is still open when the server dies.
    const tasks: string[] = [];
    const pending: ServerResponse[] = [];
    const taskServer = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        tasks.push(body);
        pending.push(res);
      });
    });
    standIns.push(taskServer);
    await new Promise<void>((resolve) => taskServer.listen(0, '127.0.0.1', resolve));
    const env = {
      ...ENV,
      TASK_API_URL: `http://127.0.0.1:${(taskServer.address() as AddressInfo).port}`,
      TASK_SERVICE_TOKEN: 'task-token-0123456789',
    };
    const { cwd, dataDir } = workspace();
    const first = await startServerProcess(cwd, dataDir, env, started);
    const saved = await first.client.call('POST', '/api/automations', {
      name: 'Tâche de suivi',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [{ id: 'task', type: 'create_task', config: { title: 'Rappeler {{trigger.name}}' } }],
    });
    // The same through a when_finished webhook, whose caller waits for the run's answer.
    const hooked = await first.client.call('POST', '/api/automations', {
      name: 'Tâche par webhook',
      isActive: true,
      trigger: {
        type: 'webhook.received',
        config: { secretRef: 'WEBHOOK_AUTHORING', responseMode: 'when_finished' },
        connections: [{ targetId: 'task' }],
      },
      nodes: [
        {
          id: 'task',
          type: 'create_task',
          config: { title: 'Rappeler {{trigger.body.name}}' },
          connections: [{ targetId: 'ok' }],
        },
        { id: 'ok', type: 'respond_webhook', config: { body: 'Tâche {{nodes.task.taskId}}' } },
      ],
    });
    expect([saved.status, hooked.status]).toEqual([201, 201]);
    const run = (client: Client) =>
      client.call(
        'POST',
        `/api/automations/${saved.body.id}/run`,
        { payload: { name: 'Léa' } },
        { 'idempotency-key': 'k-1' },
      );
    const hook = (url: string) =>
      fetch(`${url}/api/hooks/webhook/${hooked.body.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-secret': WEBHOOK_SECRET, 'idempotency-key': 'k-2' },
        body: JSON.stringify({ name: 'Noé' }),
      });
    const calls = [
      run(first.client).then(
        () => 'answered',
        () => 'cut',
      ),
      hook(first.url).then(
        () => 'answered',
        () => 'cut',
      ),
    ];
    await until(
      async () => tasks.length,
      (n) => n === 2,
      10_000,
    );
    await first.stop('SIGKILL');
    expect(await Promise.all(calls)).toEqual(['cut', 'cut']);

    const second = await startServerProcess(cwd, dataDir, env, started);
    const retried = await run(second.client);
    expect(retried.status).toBe(201);
    const runs = await runsOf(second.client, saved.body.id);
    expect(runs).toHaveLength(1);
    expect(retried.body.id).toBe(runs[0].id);
    expect(retried.body.triggerData).toEqual({ name: 'Léa' });
    // The webhook's run was stored before its side effect, so the retry finds it instead of starting another.
    const hookRetried = await hook(second.url);
    expect(hookRetried.status).toBe(202);
    expect(await hookRetried.json()).toMatchObject({ replayed: true });
    expect(await runsOf(second.client, hooked.body.id)).toHaveLength(1);
    expect(tasks).toHaveLength(2);
    for (const res of pending) res.destroy();
    await second.stop('SIGTERM');
  });
});
