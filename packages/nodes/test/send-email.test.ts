import { describe, expect, it } from 'vitest';
import { createMemoryStore, flattenVariables, type EmailTemplate } from '@swigs/automation-core';
import {
  addSuppression,
  defaultTemplates,
  orderPaid,
  sendEmail,
  verifyUnsubscribeToken,
  type SendEmailOutput,
} from '../src/index';
import { executeNode as runNode } from '@swigs/automation-core/testing';
import { hookContext } from './hook-context';

const trigger = structuredClone(orderPaid.sampleOutput) as Record<string, unknown> & {
  customer: Record<string, string>;
};
const email = {
  from: 'Boutique <shop@boutique.ch>',
  unsubscribe: { baseUrl: 'https://boutique.ch/desabonnement', secret: 'unsub-secret' },
};

describe('send_email', () => {
  it('renders an inline e-mail in a dry run without a mail port', async () => {
    const result = await runNode(
      sendEmail,
      {
        to: '{{trigger.customer.email}}',
        subject: 'Merci {{trigger.customer.firstName}} & à bientôt',
        body: '<p>Total : {{currency trigger.total}}</p>',
      },
      { data: { trigger }, ports: { email }, dryRun: true },
    );
    const output = result.output as SendEmailOutput;
    expect(output).toMatchObject({
      dryRun: true,
      from: 'Boutique <shop@boutique.ch>',
      to: ['lea.muller@example.ch'],
      subject: 'Merci Léa & à bientôt',
      category: 'transactional',
      headers: {},
    });
    expect(output.html).toContain("<p>Total : CHF 1'234.50</p>");
    expect(output.text).toBe("Total : CHF 1'234.50");
    expect(output.preheader).toBe("Total : CHF 1'234.50");
    expect(output.messageId).toMatch(/^<[0-9a-f]{32}@boutique\.ch>$/);
  });

  it('loads a stored template of the run’s tenant and escapes customer data', async () => {
    const store = createMemoryStore();
    const template: EmailTemplate = {
      id: 'tpl-merci',
      userId: 'user-1',
      ...structuredClone(defaultTemplates['commande-merci']),
      availableVariables: [],
    };
    await store.collection<EmailTemplate>('emailtemplates').insert(template);
    const hostile = { ...trigger, customer: { ...trigger.customer, firstName: '<script>alert(1)</script>' } };
    const result = await runNode(
      sendEmail,
      { templateId: 'tpl-merci', to: '{{trigger.customer.email}}' },
      { data: { trigger: hostile }, ports: { documents: store, email }, dryRun: true },
    );
    const output = result.output as SendEmailOutput;
    expect(output.subject).toBe('Merci pour votre commande n° 1042');
    expect(output.html).toContain('Bonjour &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(output.html).not.toContain('<script>');
    expect(output.text).toContain('Bonjour <script>alert(1)</script>,');
    expect(output.html).toContain('2 × T-shirt Alpes, taille M');
    expect(output.html).toContain('du 2 mars 2026');
    expect(output.preheader).toBe('Nous préparons votre commande avec soin.');
    await expect(
      runNode(
        sendEmail,
        { templateId: 'tpl-merci', to: 'a@b.ch' },
        { ports: { documents: store, email }, userId: 'user-2', dryRun: true },
      ),
    ).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      message: 'send_email: email template "tpl-merci" not found',
    });
  });

  it('adds one-click unsubscribe headers with a signed token to marketing mail', async () => {
    const result = await runNode(
      sendEmail,
      { to: 'Léa <lea@example.ch>', subject: 'Nouveautés', body: '<p>Hello</p>', category: 'marketing' },
      { ports: { email }, dryRun: true },
    );
    const output = result.output as SendEmailOutput;
    expect(output.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const url = /^<(https:\/\/boutique\.ch\/desabonnement\/([^>]+))>$/.exec(output.headers?.['List-Unsubscribe'] ?? '');
    expect(url).not.toBeNull();
    expect(verifyUnsubscribeToken(url![2]!, 'unsub-secret')).toEqual({
      userId: 'user-1',
      recipient: 'lea@example.ch',
      scope: 'marketing',
    });
    expect(verifyUnsubscribeToken(url![2]!, 'other-secret')).toBeNull();
    expect(output.html).toContain('Se désabonner');
    expect(output.text).toContain(`Se désabonner : ${url![1]}`);
    await expect(
      runNode(
        sendEmail,
        { to: 'a@b.ch', subject: 's', body: 'b', category: 'marketing' },
        { ports: { email: { from: 'x@y.ch' } }, dryRun: true },
      ),
    ).rejects.toThrow(/needs ports\.email\.unsubscribe/);
  });

  it('leaves out recipients who unsubscribed from marketing mail, at send time, but not from transactional mail', async () => {
    const store = createMemoryStore();
    expect(await addSuppression(store, { userId: 'user-1', email: 'Lea@Example.ch' })).toBe(true);
    expect(await addSuppression(store, { userId: 'user-1', email: 'lea@example.ch' })).toBe(false);
    const marketing = { subject: 'Nouveautés', body: '<p>Hello</p>', category: 'marketing' as const };
    const skipped = await runNode(
      sendEmail,
      { ...marketing, to: 'Léa <lea@example.ch>' },
      { ports: { documents: store, email }, dryRun: true },
    );
    expect(skipped.output).toEqual({
      messageId: '',
      to: [],
      subject: '',
      category: 'marketing',
      skipped: 'unsubscribed',
      suppressed: ['lea@example.ch'],
    });
    const partial = await runNode(
      sendEmail,
      { ...marketing, to: 'lea@example.ch, marc@example.ch' },
      { ports: { documents: store, email }, dryRun: true },
    );
    expect(partial.output).toMatchObject({ to: ['marc@example.ch'], suppressed: ['lea@example.ch'] });
    const otherTenant = await runNode(
      sendEmail,
      { ...marketing, to: 'lea@example.ch' },
      { ports: { documents: store, email }, dryRun: true, userId: 'user-2' },
    );
    expect(otherTenant.output).toMatchObject({ to: ['lea@example.ch'] });
    const transactional = await runNode(
      sendEmail,
      { subject: 'Facture', body: '<p>x</p>', to: 'lea@example.ch' },
      { ports: { documents: store, email }, dryRun: true },
    );
    expect(transactional.output).toMatchObject({ to: ['lea@example.ch'], category: 'transactional' });
  });

  it('refuses bad addresses, a missing sender and a missing mail port', async () => {
    await expect(
      runNode(
        sendEmail,
        { to: '{{trigger.customer.firstName}}', subject: 's', body: 'b' },
        { data: { trigger }, ports: { email }, dryRun: true },
      ),
    ).rejects.toThrow('to: "Léa" is not an e-mail address');
    await expect(runNode(sendEmail, { to: 'a@b.ch', subject: 's', body: 'b' }, { dryRun: true })).rejects.toThrow(
      /no sender/,
    );
    await expect(runNode(sendEmail, { to: 'a@b.ch', subject: 's', body: 'b' }, { ports: { email } })).rejects.toThrow(
      /no mail port/,
    );
    expect(sendEmail.configSchema.safeParse({ to: 'a@b.ch', subject: 's' }).error?.issues[0]?.message).toMatch(
      /either templateId or both subject and body/,
    );
  });

  it('reports template syntax errors and unknown variables through its validate hook', () => {
    const variables = flattenVariables(orderPaid.sampleOutput, 'trigger');
    const config = sendEmail.configSchema.parse({
      to: '{{trigger.customer.mail}}',
      subject: 'Commande {{trigger.orderNumber}}',
      body: '<p>{{#each trigger.items}}{{nom}}{{/each}}</p>{{#if x}',
    });
    const problems = sendEmail.validate?.(hookContext(config, variables)) ?? [];
    expect(problems.map((p) => [p.path.join('.'), p.code])).toEqual([
      ['body', 'template_syntax'],
      ['to', 'unknown_variable'],
    ]);
    const fine = sendEmail.configSchema.parse({
      to: '{{trigger.customer.email}}',
      subject: 'Commande {{trigger.orderNumber}}',
      body: '{{#each trigger.items}}{{name}} {{currency price}}{{/each}}',
    });
    expect(sendEmail.validate?.(hookContext(fine, variables))).toEqual([]);
  });
});
