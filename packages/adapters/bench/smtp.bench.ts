import { availableParallelism, loadavg } from 'node:os';
import { SMTPServer } from 'smtp-server';
import { createSmtpMail } from '../src/nodemailer/index';

const html = `<p>Bonjour Léa,</p><p>Merci pour votre commande n° 1042 de <strong>1\u202f234.50\u00a0CHF</strong>.</p>${'<p>Lorem ipsum dolor sit amet.</p>'.repeat(20)}`;
const text = 'Bonjour Léa, merci pour votre commande n° 1042 de 1\u202f234.50\u00a0CHF.';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.server.address() as { port: number }).port;

async function run(
  label: string,
  count: number,
  options: { maxConnections?: number; rateLimit?: number; pool?: boolean },
  inFlight = 100,
): Promise<number> {
  const mail = createSmtpMail({ host: '127.0.0.1', port, ignoreTLS: true, ...options });
  const before = received;
  let next = 0;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      await mail.send({
        from: 'Boutique <shop@boutique.ch>',
        to: `client${i}@example.ch`,
        subject: `Commande n° ${i} – merci`,
        html,
        text,
        idempotencyKey: `${label}:${i}`,
      });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - start) / 1000;
  await mail.close();
  if (received - before !== count) throw new Error(`bench: server received ${received - before} of ${count}`);
  const rate = count / seconds;
  console.log(
    `adapters: smtp ${label}: ${count} e-mails in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en-US')} e-mails/s`,
  );
  return rate;
}

console.log(`adapters: load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
await run('pooled, 5 connections', 3000, { maxConnections: 5 });
await run('pooled, 1 connection', 1000, { maxConnections: 1 });
await run('unpooled (one connection per message)', 300, { pool: false }, 20);
const limited = await run('pooled, rateLimit 50/s', 150, { maxConnections: 5, rateLimit: 50 });
if (limited > 80) throw new Error(`bench: rate limit not applied (${limited.toFixed(0)}/s)`);
await new Promise<void>((resolve) => server.close(() => resolve()));
