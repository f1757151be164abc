import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { createMemoryStore, type MailMessage, messageIdFor } from '@swigs/automation-core';
import { createSmtpMail, type SmtpMail } from '@swigs/automation-adapters/nodemailer';
import { startSmtpServer, type TestSmtpServer } from './mail-smtp-server';

const message = (over: Partial<MailMessage> = {}): MailMessage => ({
  from: 'Boutique SWIGS <shop@swigs.ch>',
  to: 'lea.muller@example.ch',
  subject: 'Votre commande n° 1042 – merci !',
  html: '<p>Bonjour Léa, total <strong>1\u202f234.50\u00a0CHF</strong></p>',
  text: 'Bonjour Léa, total 1\u202f234.50\u00a0CHF',
  idempotencyKey: 'run-1:send-thanks',
  ...over,
});

describe('createSmtpMail', () => {
  let server: TestSmtpServer | undefined;
  let mail: SmtpMail | undefined;
  afterEach(async () => {
    await mail?.close();
    await server?.close();
    mail = undefined;
    server = undefined;
  });

  it('delivers subject, HTML and text with French accents and a Message-ID derived from the idempotency key', async () => {
    server = await startSmtpServer();
    mail = createSmtpMail({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
    const result = await mail.send(
      message({ cc: 'compta@swigs.ch', replyTo: 'support@swigs.ch', headers: { 'X-Swigs-Run': 'run-1' } }),
    );
    expect(result.messageId).toBe(messageIdFor('run-1:send-thanks', 'swigs.ch'));
    expect(result.messageId).toMatch(/^<[0-9a-f]{32}@swigs\.ch>$/);
    expect(server.inbox).toHaveLength(1);
    const received = server.inbox[0]!;
    expect(received.envelope.to.sort()).toEqual(['compta@swigs.ch', 'lea.muller@example.ch']);
    expect(received.mail.subject).toBe('Votre commande n° 1042 – merci !');
    expect(received.mail.html).toContain('Bonjour Léa, total <strong>1\u202f234.50\u00a0CHF</strong>');
    expect(received.mail.text?.trim()).toBe('Bonjour Léa, total 1\u202f234.50\u00a0CHF');
    expect(received.mail.messageId).toBe(result.messageId);
    expect(received.mail.replyTo?.text).toBe('support@swigs.ch');
    expect(received.mail.headers.get('x-swigs-run')).toBe('run-1');
    expect(received.raw).toMatch(/Content-Type: multipart\/alternative/i);
  });

  it('speaks implicit TLS (smtps) and STARTTLS over its no-delay socket', async () => {
    // smtp-server falls back to its bundled self-signed certificate.
    server = await startSmtpServer({ secure: true, disabledCommands: [] });
    mail = createSmtpMail({ url: `smtps://127.0.0.1:${server.port}`, tls: { rejectUnauthorized: false } });
    await mail.send(message());
    expect(server.inbox).toHaveLength(1);
    await mail.close();
    await server.close();
    server = await startSmtpServer({ disabledCommands: [] });
    mail = createSmtpMail({
      host: '127.0.0.1',
      port: server.port,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
    });
    await mail.send(message({ idempotencyKey: 'starttls' }));
    expect(server.inbox).toHaveLength(1);
    expect(server.inbox[0]!.mail.subject).toBe('Votre commande n° 1042 – merci !');
  });

  it('reads host, port and credentials from an SMTP_URL-style url', async () => {
    const logins: { user: string; pass: string }[] = [];
    server = await startSmtpServer({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        logins.push({ user: auth.username ?? '', pass: auth.password ?? '' });
        callback(null, { user: auth.username });
      },
    });
    mail = createSmtpMail({ url: `smtp://mailer%40swigs.ch:p%C3%A4ss@127.0.0.1:${server.port}`, ignoreTLS: true });
    await mail.send(message());
    expect(logins).toEqual([{ user: 'mailer@swigs.ch', pass: 'päss' }]);
    expect(server.inbox).toHaveLength(1);
  });

  it('signs with DKIM when a key is given', async () => {
    server = await startSmtpServer();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    mail = createSmtpMail({
      host: '127.0.0.1',
      port: server.port,
      ignoreTLS: true,
      dkim: {
        domainName: 'swigs.ch',
        keySelector: 'mail',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    await mail.send(
      message({
        headers: {
          'List-Unsubscribe': '<https://swigs.ch/u/t>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
    );
    const head = server.inbox[0]!.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
    const signature = head.split(/\r?\n/).find((line) => /^DKIM-Signature:/i.test(line)) ?? '';
    expect(signature).toContain('d=swigs.ch');
    expect(signature).toContain('s=mail');
    expect(signature.toLowerCase()).toContain('list-unsubscribe-post');
  });

  it('sends an idempotency key once when given a dedupe key store', async () => {
    server = await startSmtpServer();
    const store = createMemoryStore();
    mail = createSmtpMail({ host: '127.0.0.1', port: server.port, ignoreTLS: true, dedupe: store.keys });
    const first = await mail.send(message());
    const second = await mail.send(message());
    expect(second).toEqual({ messageId: first.messageId, duplicate: true });
    expect(server.inbox).toHaveLength(1);
    await store.close();
  });

  it('throws a retriable adapter error on a 451 and a non-retriable one on a 550', async () => {
    server = await startSmtpServer({
      rejectRcpt: (address) =>
        address.startsWith('busy')
          ? { code: 451, message: 'Greylisted, try later' }
          : address.startsWith('gone')
            ? { code: 550, message: 'No such user' }
            : null,
    });
    mail = createSmtpMail({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
    await expect(mail.send(message({ to: 'busy@example.ch' }))).rejects.toMatchObject({
      code: 'ADAPTER_FAILURE',
      message: expect.stringMatching(/SMTP 451: .*Greylisted/),
    });
    await expect(mail.send(message({ to: 'gone@example.ch', idempotencyKey: 'k2' }))).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      message: expect.stringMatching(/permanently \(550\).*No such user/),
    });
  });

  it('rejects bad options with a clear error that never echoes the password', () => {
    expect(() => createSmtpMail({ url: 'http://x:secretpw@host' })).toThrow(/url: must start with smtp:\/\//);
    expect(() => createSmtpMail({ url: 'http://x:secretpw@host' })).not.toThrow(/secretpw/);
    expect(() => createSmtpMail({})).toThrow(/either url or host is required/);
  });

  it('can be closed twice', async () => {
    server = await startSmtpServer();
    mail = createSmtpMail({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
    await mail.close();
    await mail.close();
    await expect(mail.send(message())).rejects.toThrow(/send after close/);
  });
});
