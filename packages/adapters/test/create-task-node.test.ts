import { afterEach, describe, expect, it } from 'vitest';
import type { TaskPort } from '@swigs/automation-core';
import { executeNode as runNode } from '@swigs/automation-core/testing';
import { createTask } from '@swigs/automation-nodes';
import { createSwigsTaskClient } from '@swigs/automation-adapters/swigs-task';
import { startHttpServer, type TestHttpServer } from './http-server';

const clients: TaskPort[] = [];
/** A swigs-task client, closed after each test. */
const swigsTask = (baseUrl: string, token: string): TaskPort => {
  const client = createSwigsTaskClient({ baseUrl, token });
  clients.push(client);
  return client;
};

/** A local stand-in for swigs-task: POST /api/tasks with a service token, unique externalRef. */
async function startSwigsTask(token: string): Promise<TestHttpServer & { tasks: Record<string, unknown>[] }> {
  const tasks: Record<string, unknown>[] = [];
  const server = await startHttpServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/tasks') return void res.writeHead(404).end();
    if (req.headers.authorization !== `Bearer ${token}`)
      return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
    const body = JSON.parse(req.body) as Record<string, unknown>;
    if (typeof body.title !== 'string' || body.title === '')
      return void res.writeHead(400).end('{"error":"title required"}');
    const existing = tasks.find((t) => t.externalRef === body.externalRef);
    if (existing)
      return void res
        .writeHead(409, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'duplicate', task: existing }));
    const task = { id: `tsk_${tasks.length + 1}`, status: 'todo', ...body };
    tasks.push(task);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(task));
  });
  return Object.assign(server, { tasks });
}

const data = { trigger: { name: 'Refonte Favre', projectId: 'prj_204', client: { name: 'Boulangerie Favre SA' } } };

describe('create_task through the swigs-task client', () => {
  let api: Awaited<ReturnType<typeof startSwigsTask>> | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
    for (const client of clients.splice(0)) await client.close();
  });

  it('creates a task with templated fields, the service token and the step idempotency key as externalRef', async () => {
    api = await startSwigsTask('svc-token');
    const result = await runNode(
      createTask,
      {
        title: 'Facturer {{trigger.name}}',
        description: 'Client : {{trigger.client.name}}',
        assignee: 'marie@swigs.ch',
        dueInDays: 3,
      },
      { data, ports: { tasks: swigsTask(`${api.origin}/`, 'svc-token') } },
    );
    expect(result.output).toEqual({ taskId: 'tsk_1' });
    expect(api.tasks[0]).toEqual({
      id: 'tsk_1',
      status: 'todo',
      title: 'Facturer Refonte Favre',
      description: 'Client : Boulangerie Favre SA',
      assignee: 'marie@swigs.ch',
      // The fake clock is 2026-03-02 10:00 in Zurich.
      dueDate: '2026-03-05',
      externalRef: 'run-1:n1',
    });
  });

  it('recognises a task swigs-task already has for this step instead of creating a second', async () => {
    api = await startSwigsTask('svc-token');
    const ports = { tasks: swigsTask(api.origin, 'svc-token') };
    await runNode(createTask, { title: 'Relancer', dueDate: '2026-04-01' }, { data, ports });
    const again = await runNode(createTask, { title: 'Relancer', dueDate: '2026-04-01' }, { data, ports });
    expect(again.output).toEqual({ taskId: 'tsk_1', duplicate: true });
    expect(api.tasks).toHaveLength(1);
    expect(api.tasks[0]?.dueDate).toBe('2026-04-01');
  });

  it('fails without retry when the token is refused and never puts the token in the error', async () => {
    api = await startSwigsTask('svc-token');
    const error = await runNode(
      createTask,
      { title: 'x' },
      { ports: { tasks: swigsTask(api.origin, 'wrong-token') } },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'NON_RETRIABLE',
      message: 'create_task: swigs-task refused the service token (401)',
    });
    expect(JSON.stringify(error)).not.toContain('wrong-token');
  });

  it('retries on a 503 and refuses a bad due date or a missing port', async () => {
    api = await startSwigsTask('svc-token');
    const down = await startHttpServer((_req, res) => res.writeHead(503).end());
    try {
      await expect(
        runNode(createTask, { title: 'x' }, { ports: { tasks: swigsTask(down.origin, 't') } }),
      ).rejects.toMatchObject({ code: 'ADAPTER_FAILURE' });
    } finally {
      await down.close();
    }
    await expect(
      runNode(createTask, { title: 'x', dueDate: 'demain' }, { ports: { tasks: swigsTask(api.origin, 'svc-token') } }),
    ).rejects.toThrow(/dueDate "demain" is not a date/);
    await expect(runNode(createTask, { title: 'x' })).rejects.toThrow(/ports\.tasks/);
  });
});
