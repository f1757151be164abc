import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMail } from '@swigs/automation-adapters/nodemailer';
import { SMTPServer } from 'smtp-server';
import { startHarness, thanksTemplate, type Harness } from './helpers/harness';

let h: Harness | undefined;
let smtp: SMTPServer | undefined;
let mail: ReturnType<typeof createSmtpMail> | undefined;
afterEach(async () => {
  await h?.close();
  await mail?.close();
  if (smtp) await new Promise<void>((resolve) => smtp!.close(() => resolve()));
  h = undefined;
  smtp = undefined;
  mail = undefined;
});

/** A real SMTP server refusing `refused@…` permanently (550) and `busy@…` for now (451). */
async function startRefusingSmtp(): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const fail = (code: number, text: string): void =>
        callback(Object.assign(new Error(text), { responseCode: code }));
      if (address.address.startsWith('refused@')) return fail(550, '5.1.1 Mailbox unknown');
      if (address.address.startsWith('busy@')) return fail(451, '4.3.0 Try again later');
      callback();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
  return (smtp.server.address() as AddressInfo).port;
}

describe('mail failures on a test send', () => {
  it('answers 502 with the server’s reason for a 5xx and 503 with Retry-After for a 4xx', async () => {
    const port = await startRefusingSmtp();
    mail = createSmtpMail({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: false });
    h = await startHarness({ app: { mail } });
    const created = await h.api('POST', '/api/email-templates', { body: thanksTemplate() });
    const send = (to: string) => h!.api('POST', `/api/email-templates/${created.body.id}/send-test`, { body: { to } });

    const refused = await send('refused@example.ch');
    expect(refused.status).toBe(502);
    expect(refused.body.code).toBe('mail_rejected');
    expect(refused.body.error).toMatch(/^Le serveur d’e-mail a refusé le message : .*Mailbox unknown/);

    const busy = await send('busy@example.ch');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('60');
    expect(busy.body.error).toMatch(/Try again later/);

    expect((await send('ok@example.ch')).status).toBe(200);
  });
});

describe('an over-limit body', () => {
  it('receives its 413 on a real socket while uploading 5 MB', async () => {
    h = await startHarness({ app: { bodyLimit: 1024 * 1024 } });
    const base = new URL(await h.listen());
    const total = 5 * 1024 * 1024;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          method: 'POST',
          path: '/api/automations',
          headers: {
            'content-type': 'application/json',
            'content-length': String(total),
            authorization: `Bearer ${h!.tokenA}`,
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const write = (): void => {
        while (sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toBe('Le corps de la requête est trop volumineux');
  });
});
