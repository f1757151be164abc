import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  manualAutomation,
  orderThanksAutomation,
  startHarness,
  thanksTemplate,
  type Harness,
} from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('automations API', () => {
  it('creates, lists with paging, reads, updates and deletes an automation', async () => {
    const created = await h.api('POST', '/api/automations', { body: manualAutomation({ name: 'Première' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Première',
      userId: 'tenant-a',
      version: 1,
      isActive: true,
      problems: [],
    });
    expect(created.body.stats).toMatchObject({ totalRuns: 0 });
    await h.api('POST', '/api/automations', { body: manualAutomation({ name: 'Deuxième' }) });
    await h.api('POST', '/api/automations', { body: manualAutomation({ name: 'Troisième', isActive: false }) });

    const page = await h.api('GET', '/api/automations?limit=2&offset=0');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    const inactive = await h.api('GET', '/api/automations?isActive=false');
    expect(inactive.body.items.map((a: { name: string }) => a.name)).toEqual(['Troisième']);

    const id = created.body.id as string;
    const read = await h.api('GET', `/api/automations/${id}`);
    expect(read.body).toMatchObject({ id, name: 'Première' });

    const renamed = await h.api('PUT', `/api/automations/${id}`, { body: manualAutomation({ name: 'Renommée' }) });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renommée', version: 1 });

    const deleted = await h.api('DELETE', `/api/automations/${id}`);
    expect(deleted.status).toBe(204);
    expect((await h.api('GET', `/api/automations/${id}`)).status).toBe(404);
    expect((await h.api('DELETE', `/api/automations/${id}`)).status).toBe(404);
  });

  it('bumps the version when the graph changes, and not for a rename', async () => {
    const template = await h.api('POST', '/api/email-templates', { body: thanksTemplate() });
    const created = await h.api('POST', '/api/automations', { body: orderThanksAutomation(template.body.id) });
    const id = created.body.id as string;
    const same = await h.api('PUT', `/api/automations/${id}`, {
      body: orderThanksAutomation(template.body.id, { name: 'Autre nom' }),
    });
    expect(same.body.version).toBe(1);
    const changed = orderThanksAutomation(template.body.id) as { nodes: { config: Record<string, unknown> }[] };
    changed.nodes[0]!.config = { duration: 3, unit: 'days' };
    const bumped = await h.api('PUT', `/api/automations/${id}`, { body: changed });
    expect(bumped.status).toBe(200);
    expect(bumped.body.version).toBe(2);
    expect((await h.store.automations.getVersion('tenant-a', id, 1))?.nodes[0]?.config).toMatchObject({ duration: 2 });
  });

  it('checks an unsaved automation with the node hooks, stores nothing, and answers 400 only for a non-object', async () => {
    // An order's shape is closed (a manual payload is open: any path below `trigger` is accepted there).
    const draft = manualAutomation({
      id: 'draft-1',
      trigger: { type: 'order.paid', config: {} },
      nodes: [
        {
          id: 'label',
          type: 'transform',
          config: { fields: { message: 'Merci {{trigger.orderNumber}} {{trigger.nmae}}' } },
        },
      ],
    });
    const checked = await h.api('POST', '/api/automations/validate', { body: draft });
    expect(checked.status).toBe(200);
    expect(checked.body.valid).toBe(false);
    expect(checked.body.problems).toEqual([
      expect.objectContaining({
        nodeId: 'label',
        path: ['nodes', 0, 'config', 'fields', 'message'],
        message: expect.stringContaining('trigger.nmae'),
      }),
    ]);
    // The problems are worded in the request's language (French by default), codes and paths unchanged.
    const english = await h.api('POST', '/api/automations/validate', {
      body: draft,
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.problems[0].code).toBe(checked.body.problems[0].code);
    expect(english.body.problems[0].path).toEqual(checked.body.problems[0].path);
    expect(english.body.problems[0].message).not.toBe(checked.body.problems[0].message);
    expect(checked.body.problems[0].message).toMatch(/Étape/);
    // Saved as a draft (by tenant B: this test checks below that validating stored nothing for A).
    const listed = async (lang: string) =>
      (await h.api('GET', '/api/automations', { token: h.tokenB, headers: { 'accept-language': lang } })).body.items;
    await h.api('POST', '/api/automations', { token: h.tokenB, body: { ...draft, isActive: false } });
    const [fr, en] = [await listed('fr'), await listed('en')];
    expect(fr[0].problems[0].message).toBe(checked.body.problems[0].message);
    expect(en[0].problems[0].message).toBe(english.body.problems[0].message);
    const fixed = manualAutomation({
      nodes: [{ id: 'label', type: 'transform', config: { fields: { message: 'Merci {{trigger.startedBy}}' } } }],
    });
    expect((await h.api('POST', '/api/automations/validate', { body: fixed })).body).toMatchObject({
      valid: true,
      problems: [],
    });
    const nameless = await h.api('POST', '/api/automations/validate', {
      body: { trigger: { type: 'manual', config: {} } },
    });
    expect(nameless.body.problems).toEqual([expect.objectContaining({ path: ['name'] })]);
    expect((await h.api('POST', '/api/automations/validate', { body: [1, 2] })).status).toBe(400);
    expect((await h.api('GET', '/api/automations')).body.total).toBe(0);
  });

  it('refuses to save an invalid graph as active, with validateAutomation’s problems', async () => {
    const invalid = manualAutomation({ nodes: [{ id: 'x', type: 'does_not_exist', config: {} }] });
    const refused = await h.api('POST', '/api/automations', { body: invalid });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/n’est pas valide/);
    expect(
      refused.body.issues.some(
        (i: { code: string; nodeId?: string }) => i.code === 'unknown_node_type' && i.nodeId === 'x',
      ),
    ).toBe(true);
    expect((await h.api('GET', '/api/automations')).body.total).toBe(0);

    const draft = await h.api('POST', '/api/automations', { body: { ...invalid, isActive: false } });
    expect(draft.status).toBe(201);
    expect(draft.body.isActive).toBe(false);
    expect(draft.body.problems.length).toBeGreaterThan(0);

    const activate = await h.api('PATCH', `/api/automations/${draft.body.id}/toggle`);
    expect(activate.status).toBe(400);
    expect(activate.body.issues[0]).toHaveProperty('path');
    expect((await h.api('GET', `/api/automations/${draft.body.id}`)).body.isActive).toBe(false);

    const activePut = await h.api('PUT', `/api/automations/${draft.body.id}`, { body: invalid });
    expect(activePut.status).toBe(400);
  });

  it('keeps the fields an update leaves out', async () => {
    const template = await h.api('POST', '/api/email-templates', { body: thanksTemplate() });
    const created = await h.api('POST', '/api/automations', {
      body: orderThanksAutomation(template.body.id, { description: 'Garder' }),
    });
    const renamed = await h.api('PUT', `/api/automations/${created.body.id}`, {
      body: { name: 'Seulement le nom', trigger: { type: 'order.paid', config: {} } },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Seulement le nom', description: 'Garder', isActive: true, version: 1 });
    expect(renamed.body.nodes).toHaveLength(2);
  });

  it('toggles a valid automation off and on', async () => {
    const created = await h.api('POST', '/api/automations', { body: manualAutomation() });
    const off = await h.api('PATCH', `/api/automations/${created.body.id}/toggle`);
    expect(off.body.isActive).toBe(false);
    const on = await h.api('PATCH', `/api/automations/${created.body.id}/toggle`, { body: { isActive: true } });
    expect(on.body.isActive).toBe(true);
    const still = await h.api('PATCH', `/api/automations/${created.body.id}/toggle`, { body: { isActive: true } });
    expect(still.body.isActive).toBe(true);
  });

  it('answers 400 with field issues in French by default and in English on request', async () => {
    const fr = await h.api('POST', '/api/automations', { body: { name: 42, trigger: {} } });
    expect(fr.status).toBe(400);
    expect(fr.body.error).toBe('Les données envoyées sont invalides');
    const frIssues = Object.fromEntries(
      fr.body.issues.map((i: { path: string[]; message: string }) => [i.path.join('.'), i.message]),
    );
    expect(frIssues).toEqual({ name: 'doit être un texte', 'trigger.type': 'est obligatoire' });
    const empty = await h.api('POST', '/api/automations', { body: { name: '', trigger: { type: 'manual' } } });
    expect(empty.body.issues).toEqual([{ path: ['name'], message: 'doit contenir au moins 1 caractère' }]);
    const en = await h.api('POST', '/api/automations', {
      body: { name: 42, trigger: {} },
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.body.error).toBe('The data sent is invalid');
    const enIssues = Object.fromEntries(
      en.body.issues.map((i: { path: string[]; message: string }) => [i.path.join('.'), i.message]),
    );
    expect(enIssues).toEqual({ name: 'must be text', 'trigger.type': 'is required' });
  });

  it('dry-runs an automation on the virtual clock and returns the timeline, sending nothing', async () => {
    const template = await h.api('POST', '/api/email-templates', { body: thanksTemplate() });
    const created = await h.api('POST', '/api/automations', { body: orderThanksAutomation(template.body.id) });
    const result = await h.api('POST', `/api/automations/${created.body.id}/test`, {
      body: { sampleData: { orderNumber: 'A-1', customer: { email: 'lea@example.ch', firstName: 'Léa' } } },
    });
    expect(result.status).toBe(200);
    expect(result.body.status).toBe('completed');
    const email = result.body.timeline.find((e: { nodeId: string }) => e.nodeId === 'thanks');
    const wait = result.body.timeline.find((e: { nodeId: string }) => e.nodeId === 'wait-2d');
    expect(new Date(email.at).getTime() - new Date(wait.at).getTime()).toBeGreaterThanOrEqual(2 * 24 * 3600_000);
    expect(email.output.subject).toBe('Merci pour votre commande A-1');
    expect((await h.api('GET', '/api/outbox')).body.total).toBe(0);
  });

  it('runs an automation by hand and returns the completed run', async () => {
    const created = await h.api('POST', '/api/automations', {
      body: manualAutomation({
        nodes: [
          {
            id: 'mail',
            type: 'send_email',
            config: { to: '{{trigger.startedBy}}', subject: 'Salut {{trigger.note}}', body: '<p>Hello</p>' },
          },
        ],
      }),
    });
    expect(created.body, JSON.stringify(created.body)).toHaveProperty('problems', []);
    const run = await h.api('POST', `/api/automations/${created.body.id}/run`, {
      body: { payload: { startedBy: 'a@example.ch', note: 'Ana' } },
    });
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({ automationId: created.body.id, userId: 'tenant-a', status: 'completed' });
    const outbox = await h.api('GET', '/api/outbox');
    expect(outbox.body.items[0]).toMatchObject({ subject: 'Salut Ana', to: ['a@example.ch'] });
    expect((await h.api('POST', '/api/automations/unknown/run', { body: {} })).status).toBe(404);
  });
});
