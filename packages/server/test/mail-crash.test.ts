import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from './helpers/cli-process';

const folder = mkdtempSync(join(tmpdir(), 'swigs-mail-crash-'));
const started = new Set<ChildProcess>();
let smtp: SMTPServer | undefined;

afterAll(async () => {
  for (const child of started) child.kill('SIGKILL');
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  rmSync(folder, { recursive: true, force: true });
});

/** A slow relay: it takes each message whole, then waits `delayMs` before its 250; counts messages per recipient. */
async function startSlowRelay(delayMs: number): Promise<{ port: number; received: Map<string, number> }> {
  const received = new Map<string, number>();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        // The relay has the message: it delivers it whether or not the client lives to read the 250.
        for (const rcpt of session.envelope.rcptTo) received.set(rcpt.address, (received.get(rcpt.address) ?? 0) + 1);
        setTimeout(() => callback(), delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
  return { port: (smtp.server.address() as AddressInfo).port, received };
}

describe('e-mail at least once, under kill -9 with a slow relay', () => {
  it('duplicates at most SMTP_MAX_CONNECTIONS (default 1) e-mail per crash, and loses none', async () => {
    const RUNS = 12;
    const { port, received } = await startSlowRelay(400);
    // A 3 s lease: the crashed runs are taken over 3 s after the kill, not after the default 30 s.
    const env = {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Boutique <info@boutique.ch>',
      RUN_LEASE_SECONDS: '3',
    };
    const dataDir = join(folder, 'data');
    const first = await startServerProcess(folder, dataDir, env, started);
    const saved = await first.client.call('POST', '/api/automations', {
      name: 'Merci',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [
        {
          id: 'mail',
          type: 'send_email',
          config: { to: 'client-{{trigger.n}}@example.ch', subject: 'Merci', body: '<p>Merci</p>' },
        },
      ],
    });
    expect(saved.status).toBe(201);
    // The runs start together; their mails queue on the one connection, each waiting 400 ms for its 250.
    for (let n = 0; n < RUNS; n += 1) {
      void first.client
        .call('POST', `/api/automations/${saved.body.id}/run`, { payload: { n } })
        .catch(() => undefined);
    }
    const total = (): number => [...received.values()].reduce((sum, count) => sum + count, 0);
    while (total() < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    // Killed while the relay holds a message it accepted and the server has not recorded as sent.
    await first.stop('SIGKILL');

    const second = await startServerProcess(folder, dataDir, env, started);
    const restartedAt = Date.now();
    // The crashed runs come back once their lease expires; every mail is then delivered.
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && received.size < RUNS) await new Promise((resolve) => setTimeout(resolve, 100));
    const completed = async (): Promise<number> =>
      (await second.client.call('GET', `/api/automations/${saved.body.id}/runs?limit=100`)).body.items.filter(
        (r: { status: string }) => r.status === 'completed',
      ).length;
    while (Date.now() < deadline && (await completed()) < RUNS)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const done = await completed();
    // Taken over after the 3 s lease, not the default 30 s.
    const recoveredMs = Date.now() - restartedAt;
    await second.stop('SIGTERM');

    expect(received.size).toBe(RUNS);
    const duplicates = [...received.values()].reduce((sum, count) => sum + count - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(1);
    expect(done).toBe(RUNS);
    expect(recoveredMs).toBeLessThan(25_000);
  }, 150_000);
});
