import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, thanksTemplate, type Harness } from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('email templates API', () => {
  it('creates, lists, reads, updates and deletes templates', async () => {
    const created = await h.api('POST', '/api/email-templates', { body: thanksTemplate({ name: 'B merci' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'B merci',
      userId: 'tenant-a',
      category: 'transactional',
      isActive: true,
      preheader: '',
    });
    await h.api('POST', '/api/email-templates', { body: thanksTemplate({ name: 'A bienvenue' }) });
    const list = await h.api('GET', '/api/email-templates');
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(['A bienvenue', 'B merci']);

    const id = created.body.id as string;
    await h.api('PUT', `/api/email-templates/${id}`, {
      body: thanksTemplate({ name: 'B merci', category: 'marketing', isActive: false }),
    });
    const updated = await h.api('PUT', `/api/email-templates/${id}`, {
      body: { name: 'B merci', subject: 'Nouveau sujet', body: '<p>Merci</p>' },
    });
    expect(updated.body).toMatchObject({ subject: 'Nouveau sujet', category: 'marketing', isActive: false });
    expect((await h.api('GET', `/api/email-templates/${id}`)).body.subject).toBe('Nouveau sujet');
    expect((await h.api('DELETE', `/api/email-templates/${id}`)).status).toBe(204);
    expect((await h.api('GET', `/api/email-templates/${id}`)).status).toBe(404);
  });

  it('refuses a template that does not compile', async () => {
    const bad = await h.api('POST', '/api/email-templates', {
      body: thanksTemplate({ body: '<p>{{#if trigger.x}}</p>' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toEqual(['body']);
    // Said in the request's language, with where it is for the editor to place it.
    expect(bad.body.issues[0]).toMatchObject({ code: 'template_syntax', params: { line: 1 } });
    expect(bad.body.issues[0].message).toMatch(/^erreur de syntaxe à la ligne 1/);
    const english = await h.api('POST', '/api/email-templates', {
      body: thanksTemplate({ body: '<p>{{#if trigger.x}}</p>' }),
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.issues[0].message).toMatch(/^syntax error at line 1/);
    const missing = await h.api('POST', '/api/email-templates', { body: { name: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(['body', 'subject']);
  });

  it('previews a template with the trigger’s sample data or with given data, escaping HTML', async () => {
    const template = await h.api('POST', '/api/email-templates', {
      body: thanksTemplate({
        subject: 'Commande {{trigger.orderNumber}}',
        body: '<p>Total {{currency trigger.total}}</p><p>{{trigger.customer.firstName}}</p>',
      }),
    });
    const sample = await h.api('POST', `/api/email-templates/${template.body.id}/preview`);
    expect(sample.status).toBe(200);
    expect(sample.body.subject).toMatch(/^Commande \S+/);
    expect(sample.body.html).toContain('CHF');
    expect(sample.body.text.length).toBeGreaterThan(0);

    const given = await h.api('POST', `/api/email-templates/${template.body.id}/preview`, {
      body: { data: { orderNumber: 'Z-9', total: 1234.5, customer: { firstName: '<script>alert(1)</script>' } } },
    });
    expect(given.body.subject).toBe('Commande Z-9');
    expect(given.body.html).toContain("CHF 1'234.50");
    expect(given.body.html).not.toContain('<script>alert(1)</script>');
    expect(given.body.html).toContain('&lt;script&gt;');
  });

  it('previews unsaved edits of subject and body without storing them, and refuses edits that do not compile', async () => {
    const template = await h.api('POST', '/api/email-templates', { body: thanksTemplate({ subject: 'Stocké' }) });
    const edited = await h.api('POST', `/api/email-templates/${template.body.id}/preview`, {
      body: {
        subject: 'Brouillon {{trigger.orderNumber}}',
        body: '<p>Bonjour {{trigger.customer.firstName}}</p>',
        data: { orderNumber: 'E-1', customer: { firstName: 'Zoé' } },
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.subject).toBe('Brouillon E-1');
    expect(edited.body.html).toContain('Bonjour Zoé');
    expect((await h.api('GET', `/api/email-templates/${template.body.id}`)).body.subject).toBe('Stocké');
    const broken = await h.api('POST', `/api/email-templates/${template.body.id}/preview`, {
      body: { body: '<p>{{#if trigger.x}}</p>' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.issues[0].path).toEqual(['body']);
  });

  it('sends a test email through the mail port (kept in the outbox) and lists the outbox', async () => {
    const template = await h.api('POST', '/api/email-templates', { body: thanksTemplate() });
    const sent = await h.api('POST', `/api/email-templates/${template.body.id}/send-test`, {
      body: { to: 'test@example.ch', data: { orderNumber: 'T-1', customer: { firstName: 'Léa' } } },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.subject).toBe('[Test] Merci pour votre commande T-1');
    const outbox = await h.api('GET', '/api/outbox');
    expect(outbox.body.total).toBe(1);
    const message = outbox.body.items[0];
    expect(message).toMatchObject({ to: ['test@example.ch'], subject: '[Test] Merci pour votre commande T-1' });
    expect(message.html).toContain('Léa');
    const one = await h.api('GET', `/api/outbox/${message.id}`);
    expect(one.body.messageId).toBe(sent.body.messageId);
    expect((await h.api('GET', '/api/outbox/missing')).status).toBe(404);
    const invalid = await h.api('POST', `/api/email-templates/${template.body.id}/send-test`, {
      body: { to: 'pas-une-adresse' },
    });
    expect(invalid.status).toBe(400);
  });

  it('sends a test of unsaved edits, leaving the stored template unchanged', async () => {
    const template = await h.api('POST', '/api/email-templates', { body: thanksTemplate() });
    const sent = await h.api('POST', `/api/email-templates/${template.body.id}/send-test`, {
      body: {
        to: 'draft@example.ch',
        data: { orderNumber: 'T-2', customer: { firstName: 'Zoé' } },
        subject: 'Brouillon {{trigger.orderNumber}}',
        body: '<p>Texte pas encore enregistré pour {{trigger.customer.firstName}}</p>',
      },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.subject).toBe('[Test] Brouillon T-2');
    const outbox = await h.api('GET', '/api/outbox');
    const message = outbox.body.items.find((m: { to: string[] }) => m.to.includes('draft@example.ch'));
    expect(message.html).toContain('Texte pas encore enregistré pour Zoé');
    const stored = await h.api('GET', `/api/email-templates/${template.body.id}`);
    expect(stored.body.subject).toBe(thanksTemplate().subject);
    const broken = await h.api('POST', `/api/email-templates/${template.body.id}/send-test`, {
      body: { to: 'draft@example.ch', body: '<p>{{#if}}</p>' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.issues[0].path).toEqual(['body']);
  });
});
