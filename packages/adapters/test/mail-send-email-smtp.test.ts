import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, type EmailTemplate, type Engine, messageIdFor, type Store } from '@swigs/automation-core';
import { createSmtpMail, type SmtpMail } from '@swigs/automation-adapters/nodemailer';
import { defaultTemplates, orderPaid, verifyUnsubscribeToken } from '@swigs/automation-nodes';
import { rawHeader, startSmtpServer, type TestSmtpServer } from './mail-smtp-server';
import { createTestEngine, saveAutomation } from './mail-engine';

const email = {
  from: 'Boutique du Léman <shop@boutique.ch>',
  footer: 'Boutique du Léman Sàrl · Grand-Rue 3 · 1820 Montreux',
  unsubscribe: { baseUrl: 'https://boutique.ch/desabonnement', secret: 'unsub-secret' },
};

async function seedTemplates(store: Store): Promise<void> {
  const templates = store.collection<EmailTemplate>('emailtemplates');
  for (const id of ['commande-merci', 'demande-avis'] as const) {
    await templates.insert({ id, userId: 'user-1', ...structuredClone(defaultTemplates[id]) } as EmailTemplate);
  }
}

describe('send_email over real SMTP', () => {
  let server: TestSmtpServer | undefined;
  let mail: SmtpMail | undefined;
  let engine: Engine | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await engine?.stop();
    await mail?.close();
    await server?.close();
    await store?.close();
  });

  it('delivers the French order e-mails with exact CHF and date formats, Message-IDs and unsubscribe headers', async () => {
    server = await startSmtpServer();
    store = createMemoryStore();
    await seedTemplates(store);
    mail = createSmtpMail({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
    engine = createTestEngine(store, { ports: { mail, email } });
    await saveAutomation(store, {
      id: 'merci-avis',
      name: 'Merci puis avis',
      trigger: { type: 'order.paid', config: {} },
      nodes: [
        {
          id: 'merci',
          type: 'send_email',
          config: { templateId: 'commande-merci', to: '{{trigger.customer.email}}' },
          connections: [{ targetId: 'avis' }],
        },
        {
          id: 'avis',
          type: 'send_email',
          config: {
            templateId: 'demande-avis',
            to: '{{trigger.customer.firstName}} {{trigger.customer.lastName}} <{{trigger.customer.email}}>',
            bcc: 'archive@boutique.ch',
          },
        },
      ],
    });
    const payload = {
      ...structuredClone(orderPaid.sampleOutput as Record<string, unknown>),
      updatedAt: '2026-03-31T22:30:00.000Z',
    };
    const [run] = await engine.fire('order.paid', payload);
    expect(run?.status).toBe('completed');
    expect(server.inbox).toHaveLength(2);

    const thanks = server.inbox.find((m) => m.mail.subject?.startsWith('Merci pour'))!;
    expect(thanks.mail.subject).toBe('Merci pour votre commande n° 1042');
    expect(thanks.mail.from?.text).toBe('"Boutique du Léman" <shop@boutique.ch>');
    expect(thanks.envelope.to).toEqual(['lea.muller@example.ch']);
    expect(thanks.mail.messageId).toBe(messageIdFor(`${run!.id}:merci`, 'boutique.ch'));
    const html = thanks.mail.html as string;
    expect(html).toContain('Bonjour Léa,');
    // 22:30 UTC on 31 March is already 1 April in Zurich.
    expect(html).toContain('n° <strong>1042</strong> du 1 avril 2026.');
    expect(html).toContain("<strong>CHF 1'234.50</strong>");
    expect(html).toContain(
      `2 × T-shirt Alpes, taille M</td><td align="right" style="border-bottom:1px solid #e4e4e7">CHF 39.90</td>`,
    );
    expect(html).toContain('Nous préparons votre commande avec soin.');
    expect(thanks.mail.text).toContain('Bonjour Léa,');
    expect(thanks.mail.text).toContain("CHF 1'234.50");
    expect(thanks.mail.text).toContain('Boutique du Léman Sàrl · Grand-Rue 3 · 1820 Montreux');
    expect(rawHeader(thanks.raw, 'List-Unsubscribe')).toBeUndefined();
    expect(rawHeader(thanks.raw, 'List-Unsubscribe-Post')).toBeUndefined();

    const review = server.inbox.find((m) => m.mail.subject?.includes('votre avis'))!;
    expect(review.mail.subject).toBe('Léa, votre avis compte pour nous');
    expect(review.mail.to).toMatchObject({ value: [{ name: 'Léa Müller', address: 'lea.muller@example.ch' }] });
    expect(review.envelope.to.sort()).toEqual(['archive@boutique.ch', 'lea.muller@example.ch']);
    expect(review.mail.messageId).toBe(messageIdFor(`${run!.id}:avis`, 'boutique.ch'));
    expect(review.mail.html).toContain('Êtes-vous satisfait·e de vos 2 articles ?');
    expect(rawHeader(review.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<([^>]+)>$/.exec(rawHeader(review.raw, 'List-Unsubscribe') ?? '')?.[1] ?? '';
    const token = /^https:\/\/boutique\.ch\/desabonnement\/(.+)$/.exec(unsubscribe)?.[1];
    expect(token && verifyUnsubscribeToken(token, 'unsub-secret')).toEqual({
      userId: 'user-1',
      recipient: 'lea.muller@example.ch',
      scope: 'marketing',
    });
    expect(review.mail.text).toContain(`Se désabonner : ${unsubscribe}`);
  });

  it('delivers a customer named <script>alert(1)</script> as text, not markup', async () => {
    server = await startSmtpServer();
    store = createMemoryStore();
    await seedTemplates(store);
    mail = createSmtpMail({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
    engine = createTestEngine(store, { ports: { mail, email } });
    await saveAutomation(store, {
      id: 'merci',
      name: 'Merci',
      trigger: { type: 'order.paid', config: {} },
      nodes: [
        { id: 'merci', type: 'send_email', config: { templateId: 'commande-merci', to: '{{trigger.customer.email}}' } },
      ],
    });
    const sample = structuredClone(orderPaid.sampleOutput) as {
      customer: Record<string, string>;
      items: { name: string }[];
    };
    sample.customer.firstName = '<script>alert(1)</script>';
    sample.items[0]!.name = '<img src=x onerror=alert(2)>';
    const [run] = await engine.fire('order.paid', sample);
    expect(run?.status).toBe('completed');
    const html = server.inbox[0]!.mail.html as string;
    expect(html).toContain('Bonjour &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    expect(server.inbox[0]!.mail.text).toContain('Bonjour <script>alert(1)</script>,');
  });
});
