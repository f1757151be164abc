import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const check = (body: Record<string, unknown>, lang = 'fr') =>
  h.api('POST', '/api/email-templates/check', { body, headers: { 'accept-language': lang } });

describe('POST /api/email-templates/check (the template editor’s live check)', () => {
  it('renders the fields as typed with the trigger’s sample data and finds no problem', async () => {
    const res = await check({
      subject: 'Commande {{trigger.orderNumber}}',
      body: '<p>Bonjour {{trigger.customer.firstName}}, total {{currency trigger.total}}</p>',
    });
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    expect(res.body.rendered.subject).toBe('Commande 1042');
    expect(res.body.rendered.html).toContain('Bonjour Léa');
    expect(res.body.rendered.text).toContain('Bonjour Léa');
  });

  it('flags an unknown variable with its field and line, in French and in English', async () => {
    const body = '<p>Bonjour</p>\n<p>{{trigger.custmer.firstName}}</p>';
    const fr = await check({ subject: 'Merci', body });
    expect(fr.body.problems).toEqual([
      expect.objectContaining({
        field: 'body',
        code: 'unknown_variable',
        line: 2,
        variable: 'trigger.custmer.firstName',
      }),
    ]);
    expect(fr.body.problems[0].message).toMatch(
      /^la variable « trigger\.custmer\.firstName » n’existe pas ici \(ligne 2\)/,
    );
    const en = await check({ subject: 'Merci', body }, 'en');
    expect(en.body.problems[0].message).toMatch(/^the variable "trigger\.custmer\.firstName" does not exist here/);
    // Still rendered: the preview shows the blank the customer would get.
    expect(fr.body.rendered.html).toContain('<p>Bonjour</p>');
  });

  it('reads the variables of the chosen trigger', async () => {
    const body = '<p>{{trigger.orderNumber}}</p>';
    expect((await check({ subject: 'x', body, triggerType: 'order.paid' })).body.problems).toEqual([]);
    const invoice = await check({ subject: 'x', body, triggerType: 'invoice.overdue' });
    expect(invoice.body.problems.map((p: { code: string }) => p.code)).toEqual(['unknown_variable']);
  });

  it('reads the variables of an automation’s e-mail step: the outputs of the steps before it', async () => {
    const flow = await h.api('POST', '/api/automations', {
      body: {
        name: 'Avis',
        isActive: false,
        trigger: { type: 'order.paid', config: {} },
        nodes: [
          {
            id: 'calc',
            type: 'transform',
            position: { x: 0, y: 100 },
            config: { fields: { greeting: 'Bonjour {{trigger.customer.firstName}}' } },
            connections: [{ targetId: 'mail' }],
          },
          {
            id: 'mail',
            type: 'send_email',
            position: { x: 0, y: 200 },
            config: { to: '{{trigger.customer.email}}', subject: 'x', body: 'x' },
            connections: [],
          },
        ],
      },
    });
    expect(flow.status).toBe(201);
    const step = { automationId: flow.body.id, nodeId: 'mail', subject: 'Avis' };
    expect((await check({ ...step, body: '<p>{{nodes.calc.greeting}}</p>' })).body.problems).toEqual([]);
    const wrong = await check({ ...step, body: '<p>{{nodes.calc.salut}}</p>' });
    expect(wrong.body.problems).toEqual([
      expect.objectContaining({ code: 'unknown_variable', variable: 'nodes.calc.salut' }),
    ]);
  });

  it('places a syntax error and an unknown helper by line and column, without rendering', async () => {
    const res = await check({ subject: '{{#if trigger.total}}gros', body: '<p>\n  {{prix trigger.total}}</p>' });
    expect(res.status).toBe(200);
    const byField = Object.fromEntries(res.body.problems.map((p: { field: string }) => [p.field, p]));
    expect(byField.subject).toMatchObject({ code: 'template_syntax', line: 1 });
    expect(byField.body).toMatchObject({ code: 'unknown_helper', line: 2, column: 5 });
    expect(byField.body.message).toContain('« prix »');
    expect(res.body.rendered).toBeUndefined();
  });

  it('answers 400 with field paths for a malformed body', async () => {
    const res = await check({ subject: 42 });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(['body', 'subject']);
  });
});
