import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './real-server';
import { startRealServer, type RealServer } from './real-server';

// No PUBLIC_URL: this server offers no one-click unsubscribe, so marketing mail cannot be sent.
let real: RealServer;
let fr: Client;
let en: Client;
beforeAll(async () => {
  real = await startRealServer();
  fr = real.client;
  en = real.client.speaking('en');
});
afterAll(() => real?.close());

/** An order.delivered automation whose step « E-mail Avis » sends the stored template `templateId`. */
const reviewAutomation = (templateId: string, isActive = true) => ({
  name: 'Avis après livraison',
  isActive,
  trigger: { type: 'order.delivered', config: {} },
  nodes: [
    {
      id: 'avis',
      type: 'send_email',
      label: 'E-mail Avis',
      config: { templateId, to: '{{trigger.customer.email}}' },
    },
  ],
});

async function template(fields: Record<string, unknown>): Promise<string> {
  const created = await fr.call('POST', '/api/email-templates', {
    name: 'Avis',
    subject: 'Votre avis sur la commande {{trigger.orderNumber}}',
    body: '<p>Bonjour {{trigger.customer.firstName}}</p>',
    ...fields,
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function automationCount(): Promise<number> {
  return (await fr.call('GET', '/api/automations')).body.total as number;
}

/**
 * Saving the automation active is refused in both languages with the same machine parts; the French and English
 * messages name the step by its label. Nothing is stored by a refused save.
 */
async function refusedInBoth(
  templateId: string,
  code: string,
  fieldPath: unknown[],
  words: { fr: RegExp; en: RegExp },
) {
  const before = await automationCount();
  const inFrench = await fr.call('POST', '/api/automations', reviewAutomation(templateId));
  const inEnglish = await en.call('POST', '/api/automations', reviewAutomation(templateId));
  for (const [answer, lang] of [
    [inFrench, 'fr'],
    [inEnglish, 'en'],
  ] as const) {
    expect(answer.status, lang).toBe(400);
    expect(answer.body.code).toBe('automation_invalid');
    expect(answer.body.issues).toHaveLength(1);
    expect(answer.body.issues[0]).toMatchObject({ code, nodeId: 'avis', path: fieldPath });
    expect(answer.body.issues[0].message).toMatch(words[lang]);
  }
  expect(inFrench.body.error).toBe('L’automatisation n’est pas valide ; enregistrez-la inactive ou corrigez-la');
  expect(inEnglish.body.error).toBe('The automation is not valid; save it inactive or fix it');
  expect(inFrench.body.issues[0].message).toMatch(/^Étape « E-mail Avis » : /);
  expect(inEnglish.body.issues[0].message).toMatch(/^Step "E-mail Avis": /);
  expect(await automationCount()).toBe(before);

  // The builder's check before saving says the same, in the same languages.
  const frCheck = await fr.call('POST', '/api/automations/validate', reviewAutomation(templateId));
  const enCheck = await en.call('POST', '/api/automations/validate', reviewAutomation(templateId));
  expect(frCheck.body.problems[0].message).toBe(inFrench.body.issues[0].message);
  expect(enCheck.body.problems[0].message).toBe(inEnglish.body.issues[0].message);
}

describe('save-time checks of what would fail days later, in French and English', () => {
  it('refuses an email template that does not exist for this tenant', async () => {
    await refusedInBoth('tpl-absent', 'template_not_found', ['nodes', 0, 'config', 'templateId'], {
      fr: /le modèle d’e-mail « tpl-absent » n’existe pas pour ce compte/,
      en: /the email template "tpl-absent" does not exist/,
    });
  });

  it('refuses an inactive email template', async () => {
    const id = await template({ name: 'Avis en pause', isActive: false });
    await refusedInBoth(id, 'template_inactive', ['nodes', 0, 'config', 'templateId'], {
      fr: /« Avis en pause » est désactivé/,
      en: /"Avis en pause" is inactive/,
    });
  });

  it('refuses a stored template using a variable the trigger does not have, with its line', async () => {
    const id = await template({ name: 'Avis mal écrit', body: '<p>Bonjour</p>\n<p>{{trigger.customer.prenom}}</p>' });
    await refusedInBoth(id, 'template_unknown_variable', ['nodes', 0, 'config', 'templateId'], {
      fr: /« trigger\.customer\.prenom ».*ligne 2/,
      en: /"trigger\.customer\.prenom".*line 2/,
    });
  });

  it('refuses a marketing template when the server has no unsubscribe configuration', async () => {
    const id = await template({ name: 'Promo', category: 'marketing' });
    await refusedInBoth(id, 'marketing_without_unsubscribe', ['nodes', 0, 'config', 'templateId'], {
      fr: /désinscription/,
      en: /unsubscribe/,
    });
  });

  it('keeps a refused graph as an inactive draft, with its problems, and refuses to switch it on', async () => {
    const draft = await fr.call('POST', '/api/automations', reviewAutomation('tpl-absent', false));
    expect(draft.status).toBe(201);
    expect(draft.body.problems.map((p: { code: string }) => p.code)).toEqual(['template_not_found']);
    const on = await en.call('PATCH', `/api/automations/${draft.body.id}/toggle`, { isActive: true });
    expect(on.status).toBe(400);
    expect(on.body.issues[0].message).toMatch(/^Step "E-mail Avis": /);
    expect((await fr.call('GET', `/api/automations/${draft.body.id}`)).body.isActive).toBe(false);
  });

  it('answers 409 naming the automation when a template in use is deleted or switched off', async () => {
    const id = await template({ name: 'Avis client' });
    const saved = await fr.call('POST', '/api/automations', reviewAutomation(id));
    expect(saved.status).toBe(201);
    for (const [client, words] of [
      [fr, /Avis après livraison/],
      [en, /Avis après livraison/],
    ] as const) {
      const removed = await client.call('DELETE', `/api/email-templates/${id}`);
      expect(removed.status).toBe(409);
      expect(removed.body.code).toBe('template_in_use');
      expect(removed.body.error).toMatch(words);
      expect(removed.body.issues[0]).toMatchObject({
        code: 'template_in_use',
        nodeId: 'avis',
        path: ['automations', saved.body.id, 'nodes', 'avis'],
      });
      const stored = (await client.call('GET', `/api/email-templates/${id}`)).body;
      const paused = await client.call('PUT', `/api/email-templates/${id}`, {
        name: stored.name,
        subject: stored.subject,
        body: stored.body,
        isActive: false,
      });
      expect(paused.status).toBe(409);
    }
    const frAnswer = await fr.call('DELETE', `/api/email-templates/${id}`);
    const enAnswer = await en.call('DELETE', `/api/email-templates/${id}`);
    expect(frAnswer.body.error).toMatch(/automatisation active/);
    expect(enAnswer.body.error).toMatch(/active automation/);
    expect(frAnswer.body.issues[0].message).toMatch(/« E-mail Avis »/);
    expect(enAnswer.body.issues[0].message).toMatch(/"E-mail Avis"/);
    // Still there and still active: nothing changed.
    expect((await fr.call('GET', `/api/email-templates/${id}`)).body.isActive).toBe(true);

    await fr.call('PATCH', `/api/automations/${saved.body.id}/toggle`, { isActive: false });
    expect((await fr.call('DELETE', `/api/email-templates/${id}`)).status).toBe(204);
  });

  it('refuses an edit of a template in use that brings a variable its step cannot read, and accepts a good one', async () => {
    const id = await template({ name: 'Avis suivi' });
    const saved = await fr.call('POST', '/api/automations', reviewAutomation(id));
    expect(saved.status).toBe(201);
    const edit = (body: string) => ({
      name: 'Avis suivi',
      subject: 'Votre avis sur la commande {{trigger.orderNumber}}',
      body,
    });
    const broken = edit('<p>Bonjour {{trigger.customer.firstName}}</p>\n<p>{{trigger.customer.prenom}}</p>');
    const frAnswer = await fr.call('PUT', `/api/email-templates/${id}`, broken);
    const enAnswer = await en.call('PUT', `/api/email-templates/${id}`, broken);
    expect([frAnswer.status, enAnswer.status]).toEqual([409, 409]);
    expect(frAnswer.body.code).toBe('template_breaks_automations');
    expect(frAnswer.body.error).toMatch(/« Avis après livraison »/);
    expect(frAnswer.body.issues).toEqual([
      {
        path: ['body'],
        code: 'template_unknown_variable',
        nodeId: 'avis',
        message:
          '« trigger.customer.prenom » (ligne 2) n’existe pas à l’étape « E-mail Avis » de l’automatisation active « Avis après livraison »',
      },
    ]);
    expect(enAnswer.body.issues[0].message).toBe(
      '"trigger.customer.prenom" (line 2) does not exist at the step "E-mail Avis" of the active automation "Avis après livraison"',
    );
    expect((await fr.call('GET', `/api/email-templates/${id}`)).body.body).toBe(
      '<p>Bonjour {{trigger.customer.firstName}}</p>',
    );
    const good = await fr.call(
      'PUT',
      `/api/email-templates/${id}`,
      edit('<p>Merci {{trigger.customer.firstName}}</p>'),
    );
    expect(good.status).toBe(200);
  });

  it('leaves the stored automation as it was when an update is refused', async () => {
    const id = await template({ name: 'Avis stable' });
    const saved = await fr.call('POST', '/api/automations', reviewAutomation(id));
    expect(saved.status).toBe(201);
    const broken = reviewAutomation('tpl-absent');
    const refused = await fr.call('PUT', `/api/automations/${saved.body.id}`, { ...broken, name: 'Renommée' });
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0]).toMatchObject({
      code: 'template_not_found',
      path: ['nodes', 0, 'config', 'templateId'],
    });
    const stored = (await fr.call('GET', `/api/automations/${saved.body.id}`)).body;
    expect(stored).toMatchObject({ name: 'Avis après livraison', isActive: true, version: saved.body.version });
    expect(stored.nodes[0].config.templateId).toBe(id);
  });

  it('names the step and the field of a missing recipient, and the path of a malformed body, never a 500', async () => {
    const id = await template({ name: 'Avis sans destinataire' });
    const empty = reviewAutomation(id);
    empty.nodes[0]!.config.to = '';
    const frAnswer = await fr.call('POST', '/api/automations', empty);
    const enAnswer = await en.call('POST', '/api/automations', empty);
    expect(frAnswer.status).toBe(400);
    expect(frAnswer.body.issues).toEqual([
      expect.objectContaining({
        code: 'config_invalid',
        nodeId: 'avis',
        path: ['nodes', 0, 'config', 'to'],
        message: 'Étape « E-mail Avis » : le champ « Destinataire » est obligatoire.',
      }),
    ]);
    expect(enAnswer.body.issues[0].message).toBe('Step "E-mail Avis": the "Recipient" field is required.');

    const malformed = { ...reviewAutomation(id), name: 42, nodes: 'none' };
    const frMalformed = await fr.call('POST', '/api/automations', malformed);
    const enMalformed = await en.call('POST', '/api/automations', malformed);
    expect([frMalformed.status, enMalformed.status]).toEqual([400, 400]);
    expect(frMalformed.body.issues).toEqual([
      { path: ['name'], message: 'doit être un texte' },
      { path: ['nodes'], message: 'doit être une liste' },
    ]);
    expect(enMalformed.body.issues).toEqual([
      { path: ['name'], message: 'must be text' },
      { path: ['nodes'], message: 'must be a list' },
    ]);
  });

  it('keeps the line, column and what was expected of a template syntax error, and lists the helpers that exist', async () => {
    const inline = (body: string) => ({
      name: 'Merci',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [
        { id: 'm', type: 'send_email', label: 'E-mail Merci', config: { to: 'a@example.ch', subject: 'Merci', body } },
      ],
    });
    const broken = inline('<p>Bonjour</p>\n<p>{{#if trigger.vip}}VIP{{/iff}}</p>');
    const frAnswer = await fr.call('POST', '/api/automations', broken);
    const enAnswer = await en.call('POST', '/api/automations', broken);
    expect(frAnswer.body.issues[0]).toMatchObject({
      code: 'template_syntax',
      path: ['nodes', 0, 'config', 'body'],
      params: { line: 2, found: '{{/iff}}' },
    });
    expect(frAnswer.body.issues[0].message).toMatch(
      /^Étape « E-mail Merci » : le champ « Contenu » : erreur de syntaxe à la ligne 2, colonne \d+ ; attendu : « {{\/if}} »/,
    );
    expect(enAnswer.body.issues[0].message).toMatch(
      /^Step "E-mail Merci": the "Body" field: syntax error at line 2, column \d+; expected "{{\/if}}"/,
    );
    const helper = await en.call(
      'POST',
      '/api/automations/validate',
      inline('{{currency trigger.total}} {{francs trigger.total}}'),
    );
    expect(helper.body.problems).toHaveLength(1);
    expect(helper.body.problems[0].message).toMatch(/francs/);
    const helpers = (await en.call('GET', '/api/template-helpers')).body.items.map((h: { name: string }) => h.name);
    expect(helpers.length).toBeGreaterThan(3);
    for (const name of helpers) expect(helper.body.problems[0].message).toContain(name);
  });

  it('names the events a delay can follow by their titles, not their type codes', async () => {
    const delay = {
      name: 'Trois jours après',
      isActive: true,
      trigger: { type: 'time.delay', config: { event: 'manual', duration: 3 } },
      nodes: [],
    };
    const frAnswer = await fr.call('POST', '/api/automations', delay);
    const enAnswer = await en.call('POST', '/api/automations', delay);
    expect(frAnswer.body.issues[0]).toMatchObject({ code: 'config_invalid', path: ['trigger', 'config', 'event'] });
    expect(frAnswer.body.issues[0].message).toMatch(
      /^Déclencheur « Délai après un événement » : le champ « Après l’événement » doit être l’une de ces valeurs : « Commande créée », .*« Commande livrée »/,
    );
    expect(frAnswer.body.issues[0].message).not.toContain('order.');
    expect(enAnswer.body.issues[0].message).toMatch(/"Order delivered"/);
  });

  it('words the dry run’s problems in the request’s language too', async () => {
    const draft = await fr.call('POST', '/api/automations', reviewAutomation('tpl-absent', false));
    const frDry = await fr.call('POST', `/api/automations/${draft.body.id}/test`, {});
    const enDry = await en.call('POST', `/api/automations/${draft.body.id}/test`, {});
    expect(frDry.body.problems.map((p: { code: string }) => p.code)).toEqual(['template_not_found']);
    expect(frDry.body.problems[0].message).toMatch(/^Étape « E-mail Avis » : /);
    expect(enDry.body.problems[0].message).toMatch(/^Step "E-mail Avis": /);
  });
});
