import { describe, expect, it } from 'vitest';
import {
  analyzeVariables,
  createEngine,
  createFakeClock,
  createMemoryStore,
  validateAutomation,
  type EmailTemplate,
  type Ports,
} from '@swigs/automation-core';
import { createDefaultRegistry } from '../src/index';

const registry = createDefaultRegistry();

const automation = (trigger: Record<string, unknown>, nodes: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'a1',
  userId: 'u1',
  name: 'Essai',
  trigger,
  nodes,
  ...extra,
});

const email = (id: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'send_email',
  config: { to: 'lea@example.ch', ...config },
  ...extra,
});

describe('what the shipped nodes let authors read', () => {
  it('accepts a webhook body path and a manual payload path, refuses a typo in a closed shape', () => {
    const hook = { type: 'webhook.received', config: { secretRef: 'WEBHOOK_SHOP' } };
    const ok = validateAutomation(
      automation(hook, [email('m', { subject: 'Statut {{trigger.body.status}}', body: '{{trigger.query.ref}}' })]),
      registry,
    );
    expect(ok).toEqual([]);
    const manual = validateAutomation(
      automation({ type: 'manual', config: {} }, [email('m', { subject: 'Total {{trigger.total}}', body: 'x' })]),
      registry,
    );
    expect(manual).toEqual([]);
    const typo = validateAutomation(
      automation({ type: 'order.paid', config: {} }, [email('m', { subject: '{{trigger.orderNumbr}}', body: 'x' })]),
      registry,
      { lang: 'fr' },
    );
    expect(typo.map((p) => [p.code, p.path, p.message])).toEqual([
      [
        'unknown_variable',
        ['nodes', 0, 'config', 'subject'],
        'Étape « Envoyer un e-mail (m) » : le champ « Objet » : la variable « trigger.orderNumbr » n’existe pas ici (ligne 1) ; les données du déclencheur sont sous « trigger. », celles des étapes précédentes sous « nodes.<id>. ».',
      ],
    ]);
  });

  it('lets a later email use a transform’s field, and only its fields', () => {
    const nodes = (field: string) => [
      {
        id: 't',
        type: 'transform',
        config: { fields: { ref: 'CMD-{{trigger.orderNumber}}' } },
        connections: [{ targetId: 'm' }],
      },
      email('m', { subject: `Commande {{nodes.t.${field}}}`, body: 'x' }),
    ];
    expect(validateAutomation(automation({ type: 'order.paid', config: {} }, nodes('ref')), registry)).toEqual([]);
    expect(
      validateAutomation(automation({ type: 'order.paid', config: {} }, nodes('fullName')), registry).map(
        (p) => p.code,
      ),
    ).toEqual(['unknown_variable']);
  });

  it('derives a time.delay trigger’s variables from its source event', () => {
    const variables = analyzeVariables(
      automation({ type: 'time.delay', config: { event: 'invoice.paid', duration: 3 } }, [
        email('m', { subject: '{{trigger.number}}', body: 'x' }),
      ]),
      registry,
    );
    const paths = variables.m?.map((v) => v.path) ?? [];
    expect(paths).toContain('trigger.number');
    expect(paths).not.toContain('trigger.orderNumber');
    expect(variables.m?.find((v) => v.path === 'trigger.status')?.enum?.map((e) => e.label.fr)).toEqual([
      'brouillon',
      'envoyée',
      'payée',
      'annulée',
    ]);
  });

  it('refuses a respond_webhook step unless a webhook trigger waits for it', () => {
    const respond = { id: 'r', type: 'respond_webhook', config: { body: 'ok' } };
    const immediately = { type: 'webhook.received', config: { secretRef: 'WEBHOOK_SHOP' } };
    expect(validateAutomation(automation(immediately, [respond]), registry, { lang: 'en' })).toEqual([
      {
        code: 'respond_needs_webhook',
        path: ['nodes', 0, 'config'],
        nodeId: 'r',
        message:
          'Step "Respond to the webhook (r)": only answers a "Webhook received" trigger whose answer is sent "when finished".',
      },
    ]);
    const waiting = { ...immediately, config: { ...immediately.config, responseMode: 'when_finished' } };
    expect(validateAutomation(automation(waiting, [respond]), registry)).toEqual([]);
  });

  it('refuses a respond_webhook step after a wait: the caller already had its 202', () => {
    const trigger = { type: 'webhook.received', config: { secretRef: 'WEBHOOK_SHOP', responseMode: 'when_finished' } };
    const nodes = [
      { id: 'pause', type: 'wait', config: { duration: 5, unit: 'seconds' }, connections: [{ targetId: 'r' }] },
      { id: 'r', type: 'respond_webhook', config: { body: 'ok' } },
    ];
    expect(validateAutomation(automation(trigger, nodes), registry, { lang: 'fr' })).toEqual([
      {
        code: 'respond_after_wait',
        path: ['nodes', 1, 'config'],
        nodeId: 'r',
        params: { wait: 'pause' },
        message:
          'Étape « Répondre au webhook (r) » : ne peut pas répondre après l’attente « pause » : l’appelant a déjà reçu sa réponse (202) ; placez cette étape avant l’attente.',
      },
    ]);
    // Before the wait it answers.
    const before = [
      { id: 'r', type: 'respond_webhook', config: { body: 'ok' }, connections: [{ targetId: 'pause' }] },
      { id: 'pause', type: 'wait', config: { duration: 5, unit: 'seconds' } },
    ];
    expect(validateAutomation(automation(trigger, before), registry)).toEqual([]);
  });
});

describe('checks against the host at save time (engine.validateAsync)', () => {
  const template = (over: Partial<EmailTemplate>): EmailTemplate => ({
    id: 'tpl-avis',
    userId: 'u1',
    name: 'Avis',
    subject: 'Votre avis sur la commande {{trigger.orderNumber}}',
    body: '<p>Bonjour {{trigger.customer.prenom}}</p>',
    preheader: '',
    text: '',
    availableVariables: [],
    category: 'transactional',
    isActive: true,
    ...over,
  });
  const engineWith = (ports: Partial<Ports> = {}) => {
    const store = createMemoryStore();
    const engine = createEngine({ store, registry, clock: createFakeClock('2026-03-02T09:00:00Z'), ports });
    return { store, engine };
  };
  const withTemplate = (templateId: string, label = 'E-mail Avis') =>
    automation({ type: 'order.delivered', config: {} }, [email('avis', { templateId }, { label })]);

  it('reports a template missing for this tenant, and one that is inactive', async () => {
    const { store, engine } = engineWith();
    const missing = await engine.validateAsync(withTemplate('tpl-avis'), { lang: 'fr' });
    expect(missing.map((p) => [p.code, p.path, p.message])).toEqual([
      [
        'template_not_found',
        ['nodes', 0, 'config', 'templateId'],
        'Étape « E-mail Avis » : le champ « Modèle d’e-mail » : le modèle d’e-mail « tpl-avis » n’existe pas pour ce compte ; choisissez un modèle existant.',
      ],
    ]);
    await store.collection<EmailTemplate>('emailtemplates').insert(template({ userId: 'u2' }));
    expect((await engine.validateAsync(withTemplate('tpl-avis'))).map((p) => p.code)).toEqual(['template_not_found']);
    await store
      .collection<EmailTemplate>('emailtemplates')
      .insert(template({ isActive: false, body: '<p>{{trigger.customer.firstName}}</p>' }));
    const inactive = await engine.validateAsync(withTemplate('tpl-avis'), { lang: 'en' });
    expect(inactive.map((p) => p.message)).toEqual([
      'Step "E-mail Avis": the "Email template" field: the email template "Avis" is inactive; activate it or choose another one.',
    ]);
  });

  it('checks a stored template’s variables against the trigger, as inline bodies are', async () => {
    const { store, engine } = engineWith();
    await store.collection<EmailTemplate>('emailtemplates').insert(template({}));
    const problems = await engine.validateAsync(withTemplate('tpl-avis'), { lang: 'fr' });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'template_unknown_variable',
        nodeId: 'avis',
        params: expect.objectContaining({ variable: 'trigger.customer.prenom', line: 1, template: 'Avis' }),
        message:
          'Étape « E-mail Avis » : le champ « Modèle d’e-mail » : le modèle « Avis » utilise la variable « trigger.customer.prenom », qui n’existe pas ici (contenu, ligne 1) ; l’e-mail partirait avec un blanc.',
      }),
    ]);
    // The sync validation (the browser's) cannot see stored templates.
    expect(validateAutomation(withTemplate('tpl-avis'), registry)).toEqual([]);
  });

  it('refuses marketing mail when the server has no unsubscribe settings', async () => {
    const marketing = template({ category: 'marketing', body: '<p>{{trigger.customer.firstName}}</p>' });
    const bare = engineWith({ email: { from: 'shop@example.ch' } });
    await bare.store.collection<EmailTemplate>('emailtemplates').insert(marketing);
    expect((await bare.engine.validateAsync(withTemplate('tpl-avis'), { lang: 'en' })).map((p) => p.message)).toEqual([
      'Step "E-mail Avis": the "Email template" field: a marketing email needs a one-click unsubscribe link, which this server does not offer: set a public https address (PUBLIC_URL) or send it as a transactional email.',
    ]);
    const inline = automation({ type: 'order.paid', config: {} }, [
      email('m', { subject: 'Promo', body: 'x', category: 'marketing' }),
    ]);
    expect((await bare.engine.validateAsync(inline)).map((p) => [p.code, p.path])).toEqual([
      ['marketing_without_unsubscribe', ['nodes', 0, 'config', 'category']],
    ]);
    const configured = engineWith({
      email: { from: 'shop@example.ch', unsubscribe: { baseUrl: 'https://shop.example.ch/u', secret: 's' } },
    });
    await configured.store.collection<EmailTemplate>('emailtemplates').insert(marketing);
    expect(await configured.engine.validateAsync(withTemplate('tpl-avis'))).toEqual([]);
  });
});
