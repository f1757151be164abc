import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './real-server';
import { startRealServer, type RealServer } from './real-server';

// The webhook trigger's secret, read from the environment as the server reads every `WEBHOOK_*` secret.
process.env.WEBHOOK_AUTHORING = 'authoring-secret-0123456789';

/** A swigs-task stand-in that takes 2.5 s to create each task (the tasks it received, in order). */
const tasks: Array<{ title: string }> = [];
let taskServer: Server;
let real: RealServer;
let fr: Client;
let en: Client;
beforeAll(async () => {
  taskServer = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      setTimeout(() => {
        tasks.push(JSON.parse(body));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: `task-${tasks.length}` }));
      }, 2_500);
    });
  });
  await new Promise<void>((resolve) => taskServer.listen(0, '127.0.0.1', resolve));
  real = await startRealServer({
    TASK_API_URL: `http://127.0.0.1:${(taskServer.address() as AddressInfo).port}`,
    TASK_SERVICE_TOKEN: 'task-token-0123456789',
  });
  fr = real.client;
  en = real.client.speaking('en');
});
afterAll(async () => {
  await real?.close();
  await new Promise((resolve) => taskServer?.close(resolve));
});

/** The automations of the test set, each with the payload it runs on and its real run's id. */
const ran: Array<{ id: string; payload: unknown; runId: string }> = [];

const respond = (id: string, body: string) => ({ id, type: 'respond_webhook', config: { body } });

async function hook(automationId: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${real.url}/api/hooks/webhook/${automationId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-secret': 'authoring-secret-0123456789', ...headers },
    body: JSON.stringify(body),
  });
}

async function outboxSubjects(): Promise<string[]> {
  const outbox = await fr.call('GET', '/api/outbox');
  return outbox.body.items.map((m: { subject: string }) => m.subject);
}

describe('authoring with the data of the automation itself, over HTTP on a real SQLite server', () => {
  it('publishes each node’s output as JSON Schema in the catalogue, open parts and config-derived ones marked', async () => {
    const { items } = (await fr.call('GET', '/api/node-types')).body as {
      items: Array<{ type: string; outputJsonSchema?: any; sampleOutput?: unknown }>;
    };
    const byType = new Map(items.map((item) => [item.type, item]));
    for (const item of items) expect(item.outputJsonSchema, item.type).toBeTypeOf('object');
    expect(byType.get('webhook.received')?.outputJsonSchema.properties.body['x-swigs-open']).toBe(true);
    expect(byType.get('manual')?.outputJsonSchema['x-swigs-open']).toBe(true);
    expect(byType.get('transform')?.outputJsonSchema['x-swigs-from-config']).toBe(true);
    expect(byType.get('condition')?.outputJsonSchema.properties.result.type).toBe('boolean');
    expect(byType.get('order.paid')?.outputJsonSchema.properties.orderNumber).toBeDefined();
    expect(byType.get('order.paid')?.sampleOutput).toBeTypeOf('object');
  });

  it('saves active and runs a webhook automation that reads trigger.body.status, answering the rendered text', async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Paiement reçu',
      isActive: true,
      trigger: {
        type: 'webhook.received',
        config: { secretRef: 'WEBHOOK_AUTHORING', responseMode: 'when_finished' },
        connections: [{ targetId: 'paid' }],
      },
      nodes: [
        {
          id: 'paid',
          type: 'condition',
          config: {
            combinator: 'all',
            conditions: [{ field: 'trigger.body.status', operator: 'equals', value: 'paid' }],
          },
          connections: [
            { targetId: 'thanks', condition: 'true' },
            { targetId: 'later', condition: 'false' },
          ],
        },
        respond('thanks', 'Commande {{trigger.body.order}} payée'),
        respond('later', 'Commande {{trigger.body.order}} : {{trigger.body.status}}'),
      ],
    });
    expect(saved.status).toBe(201);
    expect(saved.body.problems).toEqual([]);
    expect(saved.body.isActive).toBe(true);

    const answer = await hook(saved.body.id, { status: 'paid', order: 'A-17' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await answer.text()).toBe('Commande A-17 payée');
    const runId = answer.headers.get('x-run-id')!;
    const run = (await fr.call('GET', `/api/automation-runs/${runId}`)).body;
    expect(run.status).toBe('completed');
    expect(run.executionLog.map((e: { nodeId: string; branch?: string }) => `${e.nodeId}:${e.branch ?? ''}`)).toEqual([
      'paid:true',
      'thanks:',
    ]);
    ran.push({ id: saved.body.id, payload: run.triggerData ?? run.payload, runId });

    const pending = await hook(saved.body.id, { status: 'pending', order: 'A-18' });
    expect(await pending.text()).toBe('Commande A-18 : pending');

    // A retried call with the same Idempotency-Key gets the first call's answer, from the same run.
    const keyed = await hook(saved.body.id, { status: 'paid', order: 'A-20' }, { 'idempotency-key': 'evt-a20' });
    const retried = await hook(saved.body.id, { status: 'pending', order: 'A-20' }, { 'idempotency-key': 'evt-a20' });
    expect(await keyed.text()).toBe('Commande A-20 payée');
    expect(await retried.text()).toBe('Commande A-20 payée');
    expect(retried.headers.get('x-run-id')).toBe(keyed.headers.get('x-run-id'));
  });

  it('saves active and runs a manual automation that reads trigger.total', async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Grosse commande',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [
        {
          id: 'big',
          type: 'condition',
          config: { combinator: 'all', conditions: [{ field: 'trigger.total', operator: 'greater_than', value: 100 }] },
          connections: [{ targetId: 'mail', condition: 'true' }],
        },
        {
          id: 'mail',
          type: 'send_email',
          config: { to: '{{trigger.email}}', subject: 'Total {{trigger.total}} CHF', body: '<p>Merci !</p>' },
        },
      ],
    });
    expect(saved.status).toBe(201);
    expect(saved.body.problems).toEqual([]);
    const payload = { total: 240, email: 'lea@example.ch' };
    const run = await fr.call('POST', `/api/automations/${saved.body.id}/run`, { payload });
    expect(run.status).toBe(201);
    expect(run.body.status).toBe('completed');
    expect(await outboxSubjects()).toContain('Total 240 CHF');
    ran.push({ id: saved.body.id, payload, runId: run.body.id });
  });

  it('lets a later email use a transform’s field: it validates, dry-runs and runs', async () => {
    const automation = {
      name: 'Référence calculée',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [
        {
          id: 't',
          type: 'transform',
          config: { fields: { ref: 'CMD-{{trigger.order}}' } },
          connections: [{ targetId: 'mail' }],
        },
        {
          id: 'mail',
          type: 'send_email',
          config: { to: 'client@example.ch', subject: 'Référence {{nodes.t.ref}}', body: '<p>{{nodes.t.ref}}</p>' },
        },
      ],
    };
    const validated = await fr.call('POST', '/api/automations/validate', automation);
    expect(validated.body).toEqual({ valid: true, problems: [] });
    // Only the configured fields exist: the transform's fixed example fields are no longer offered.
    const wrong = structuredClone(automation);
    wrong.nodes[1]!.config.subject = 'Référence {{nodes.t.fullName}}';
    const refused = await en.call('POST', '/api/automations/validate', wrong);
    expect(refused.body.problems).toMatchObject([
      { code: 'unknown_variable', nodeId: 'mail', path: ['nodes', 1, 'config', 'subject'] },
    ]);

    const saved = await fr.call('POST', '/api/automations', automation);
    expect(saved.status).toBe(201);
    const payload = { order: 5120 };
    const dry = await fr.call('POST', `/api/automations/${saved.body.id}/test`, { sampleData: payload });
    expect(dry.body.status).toBe('completed');
    expect(dry.body.timeline.find((e: { nodeId: string }) => e.nodeId === 'mail').output.subject).toBe(
      'Référence CMD-5120',
    );
    expect(await outboxSubjects()).not.toContain('Référence CMD-5120');
    const run = await fr.call('POST', `/api/automations/${saved.body.id}/run`, { payload });
    expect(run.body.status).toBe('completed');
    expect(run.body.outputs.t).toEqual({ ref: 'CMD-5120' });
    expect(await outboxSubjects()).toContain('Référence CMD-5120');
    ran.push({ id: saved.body.id, payload, runId: run.body.id });
  });

  it('answers with the status, headers and JSON body its respond_webhook step set, and 202 when the run parks first', async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Commande créée',
      isActive: true,
      trigger: {
        type: 'webhook.received',
        config: { secretRef: 'WEBHOOK_AUTHORING', responseMode: 'when_finished' },
        connections: [{ targetId: 'r' }],
      },
      nodes: [
        {
          id: 'r',
          type: 'respond_webhook',
          config: {
            status: 201,
            headers: { 'X-Commande': '{{trigger.body.order}}' },
            body: '{"ok": true, "order": "{{trigger.body.order}}"}',
          },
        },
      ],
    });
    expect(saved.status).toBe(201);
    const answer = await hook(saved.body.id, { order: 'A-19' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-commande')).toBe('A-19');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await answer.json()).toEqual({ ok: true, order: 'A-19' });

    // A response set after a wait could never reach the caller: such a graph is refused.
    const late = {
      name: 'Réponse après une attente',
      isActive: true,
      trigger: {
        type: 'webhook.received',
        config: { secretRef: 'WEBHOOK_AUTHORING', responseMode: 'when_finished' },
        connections: [{ targetId: 'w' }],
      },
      nodes: [
        { id: 'w', type: 'wait', config: { duration: 1, unit: 'days' }, connections: [{ targetId: 'r' }] },
        respond('r', 'trop tard'),
      ],
    };
    const refused = await en.call('POST', '/api/automations', late);
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toMatchObject([
      { code: 'respond_after_wait', nodeId: 'r', path: ['nodes', 1, 'config'] },
    ]);
    expect(refused.body.issues[0].message).toMatch(
      /^Step "Respond to the webhook \(r\)": cannot answer after the wait "w"/,
    );
    // A run that parks before any answer: the caller gets 202 and the run id.
    late.nodes[1] = { id: 'r', type: 'transform', config: { fields: { done: 'oui' } } } as never;
    const parked = await fr.call('POST', '/api/automations', late);
    expect(parked.status).toBe(201);
    const waited = await hook(parked.body.id, {});
    expect(waited.status).toBe(202);
    expect(await waited.json()).toMatchObject({ status: 'waiting' });
  });

  it('answers only the methods its trigger lists, reading a GET call’s query', async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Statut par GET',
      isActive: true,
      trigger: {
        type: 'webhook.received',
        config: { secretRef: 'WEBHOOK_AUTHORING', methods: ['GET', 'DELETE'], responseMode: 'when_finished' },
        connections: [{ targetId: 'r' }],
      },
      nodes: [respond('r', 'Statut {{trigger.query.status}} ({{trigger.method}})')],
    });
    expect(saved.status).toBe(201);
    const url = `${real.url}/api/hooks/webhook/${saved.body.id}?status=livr%C3%A9`;
    const secret = { 'x-webhook-secret': 'authoring-secret-0123456789' };
    const got = await fetch(url, { headers: secret });
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('Statut livré (GET)');
    const removed = await fetch(url, { method: 'DELETE', headers: secret });
    expect(await removed.text()).toBe('Statut livré (DELETE)');
    for (const [lang, words] of [
      ['fr-CH', 'Ce webhook n’accepte pas la méthode POST ; méthodes acceptées : GET, DELETE'],
      ['en', 'This webhook does not accept the method POST; accepted methods: GET, DELETE'],
    ] as const) {
      const posted = await fetch(url, { method: 'POST', headers: { ...secret, 'accept-language': lang }, body: '{}' });
      expect(posted.status).toBe(405);
      expect(posted.headers.get('allow')).toBe('GET, DELETE');
      const body = (await posted.json()) as { code: string; error: string };
      expect(body.code).toBe('method_not_allowed');
      expect(body.error).toBe(words);
    }
  });

  it('answers 202 with the run id once a when_finished webhook’s timeout passes, and the run completes', async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Tâche lente',
      isActive: true,
      trigger: {
        type: 'webhook.received',
        config: { secretRef: 'WEBHOOK_AUTHORING', responseMode: 'when_finished', responseTimeoutMs: 1_000 },
        connections: [{ targetId: 'task' }],
      },
      nodes: [
        {
          id: 'task',
          type: 'create_task',
          config: { title: 'Rappeler {{trigger.body.name}}' },
          connections: [{ targetId: 'ok' }],
        },
        respond('ok', 'Tâche {{nodes.task.taskId}} créée'),
      ],
    });
    expect(saved.status).toBe(201);
    expect(saved.body.problems).toEqual([]);
    const sent = Date.now();
    const answer = await hook(saved.body.id, { name: 'Léa' });
    const waited = Date.now() - sent;
    expect(answer.status).toBe(202);
    const accepted = (await answer.json()) as { runId: string; status: string };
    expect(accepted.status).toBe('running');
    expect(waited).toBeGreaterThanOrEqual(1_000);
    expect(waited).toBeLessThan(2_500);
    const run = await real.waitForRun(accepted.runId, (r) => r.status === 'completed');
    expect(run.status).toBe('completed');
    expect(run.outputs.ok.body).toBe('Tâche task-1 créée');
    expect(tasks.map((t) => t.title)).toEqual(['Rappeler Léa']);
  });

  it('fires a time.delay automation 2 s after a project the server completes, with the event as its data', async () => {
    const automation = {
      name: 'Merci après le projet',
      isActive: true,
      trigger: {
        type: 'time.delay',
        config: {
          event: 'project.status_changed',
          duration: 2,
          unit: 'seconds',
          conditions: {
            combinator: 'all',
            conditions: [{ field: 'trigger.to', operator: 'equals', value: 'completed' }],
          },
        },
      },
      nodes: [
        {
          id: 'merci',
          type: 'send_email',
          config: { to: '{{trigger.client.email}}', subject: 'Projet {{trigger.name}} terminé', body: '<p>Merci</p>' },
        },
      ],
    };
    const saved = await fr.call('POST', '/api/automations', automation);
    expect(saved.status).toBe(201);
    expect(saved.body.problems).toEqual([]);
    const project = await fr.call('POST', '/api/projects', {
      name: 'Site vitrine',
      client: {
        name: 'Boulangerie Favre SA',
        street: 'Avenue de la Gare',
        buildingNumber: '5',
        postalCode: '1950',
        town: 'Sion',
        country: 'CH',
        email: 'favre@example.ch',
      },
    });
    expect(project.status).toBe(201);
    const status = (to: string) => fr.call('PATCH', `/api/projects/${project.body.id}`, { status: to });
    expect((await status('on_hold')).status).toBe(200);
    const runs = () => fr.call('GET', `/api/automations/${saved.body.id}/runs`);
    expect((await runs()).body.total).toBe(0);
    const completedAt = Date.now();
    expect((await status('completed')).status).toBe(200);
    const [waiting] = (await runs()).body.items;
    expect(waiting.status).toBe('waiting');
    const done = await real.waitForRun(waiting.id, (r) => r.status === 'completed');
    expect(done.status).toBe('completed');
    expect(Date.now() - completedAt).toBeGreaterThanOrEqual(2_000);
    expect(done.triggerData).toMatchObject({ name: 'Site vitrine', from: 'on_hold', to: 'completed' });
    expect(await outboxSubjects()).toContain('Projet Site vitrine terminé');

    const dry = await fr.call('POST', `/api/automations/${saved.body.id}/test`, { sampleData: done.triggerData });
    const trigger = dry.body.timeline[0];
    expect(new Date(trigger.waitUntil).getTime() - new Date(trigger.at).getTime()).toBe(2_000);
    expect(dry.body.timeline[1]).toMatchObject({ nodeId: 'merci', status: 'success' });
    expect(dry.body.timeline[1].output.subject).toBe('Projet Site vitrine terminé');
    ran.push({ id: saved.body.id, payload: done.triggerData, runId: done.id });
  });

  it('gives the same steps, branches and outputs in the dry run as in the real run, for every automation here', async () => {
    expect(ran.length).toBeGreaterThanOrEqual(3);
    for (const { id, payload, runId } of ran) {
      const run = (await fr.call('GET', `/api/automation-runs/${runId}`)).body;
      const dry = (await fr.call('POST', `/api/automations/${id}/test`, { sampleData: payload })).body;
      expect(dry.problems, id).toEqual([]);
      expect(dry.status, id).toBe(run.status);
      const dryTrigger = dry.timeline.find((e: { nodeId: string }) => e.nodeId === 'trigger');
      expect(dryTrigger.status).toBe('success');
      const drySteps = dry.timeline
        .filter((e: { nodeId: string }) => e.nodeId !== 'trigger')
        .map((e: Step) => step(e.nodeId, e.nodeType, e.status, e.branch, e.output));
      const realSteps = run.executionLog.map((e: Step) =>
        step(e.nodeId, e.nodeType, e.status, e.branch, run.outputs[e.nodeId]),
      );
      expect(drySteps, id).toEqual(realSteps);
    }
  });

  it('completes a 5-second wait in about 5 seconds of real time', { timeout: 30_000 }, async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Cinq secondes',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [
        { id: 'w', type: 'wait', config: { duration: 5, unit: 'seconds' }, connections: [{ targetId: 't' }] },
        { id: 't', type: 'transform', config: { fields: { done: 'oui' } } },
      ],
    });
    expect(saved.status).toBe(201);
    const run = await fr.call('POST', `/api/automations/${saved.body.id}/run`, { payload: {} });
    expect(run.body.status).toBe('waiting');
    const done = await real.waitForRun(run.body.id, (r) => r.status === 'completed', 25_000);
    expect(done.status).toBe('completed');
    expect(done.outputs.t).toEqual({ done: 'oui' });
    // Measured on the server's own record, from the wait's start to the next step's: the test's polling of the
    // run over HTTP (slow on a loaded CI machine) is not part of the wait.
    const entry = (id: string) => done.executionLog.find((e: { nodeId: string }) => e.nodeId === id);
    const elapsed = Date.parse(entry('t').startedAt) - Date.parse(entry('w').startedAt);
    expect(elapsed).toBeGreaterThanOrEqual(5_000);
    // The scheduler wakes for the run's due time, not on a coarse poll: a loaded machine may add a little.
    expect(elapsed).toBeLessThan(8_000);
  });
});

interface Step {
  nodeId: string;
  nodeType: string;
  status: string;
  branch?: string;
  output?: Record<string, unknown>;
}

/** What must agree between a dry and a real run: the step, its outcome and what it produced. */
function step(nodeId: string, nodeType: string, status: string, branch?: string, output?: Record<string, unknown>) {
  // A dry e-mail is rendered, not sent: compare what the recipient would get, not the transport's ids.
  const produced =
    nodeType === 'send_email' ? { to: output?.to, subject: output?.subject, category: output?.category } : output;
  return { nodeId, status, branch: branch ?? null, output: produced ?? null };
}
