import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeClock,
  createMemoryStore,
  type AutomationRun,
  type Engine,
  type Store,
} from '@swigs/automation-core';
import { createSmtpMail, type SmtpMail } from '@swigs/automation-adapters/nodemailer';
import { startSmtpServer, type TestSmtpServer } from './mail-smtp-server';
import { createTestEngine, saveAutomation } from './mail-engine';

const email = { from: 'Boutique <shop@boutique.ch>' };

async function saveThanks(store: Store): Promise<void> {
  await saveAutomation(store, {
    id: 'merci',
    name: 'Merci',
    trigger: { type: 'manual', config: {} },
    nodes: [
      {
        id: 'send',
        type: 'send_email',
        config: { to: '{{trigger.email}}', subject: 'Merci {{trigger.name}}', body: '<p>Merci !</p>' },
      },
    ],
  });
}

describe('send_email through the engine when SMTP fails', () => {
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

  it('retries a 451 with exponential backoff on the clock, then fails the run with the SMTP reply', async () => {
    server = await startSmtpServer({ rejectRcpt: () => ({ code: 451, message: 'Greylisted, please retry later' }) });
    store = createMemoryStore();
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    mail = createSmtpMail({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
    engine = createTestEngine(store, {
      clock,
      ports: { mail, email },
      retry: { retries: 2, minTimeoutMs: 1000, factor: 2, maxTimeoutMs: 60_000 },
    });
    await saveThanks(store);

    const running: Promise<AutomationRun> = engine.runAutomation(
      'merci',
      { email: 'lea@example.ch', name: 'Léa' },
      { userId: 'user-1' },
    );
    const smtp = server;
    await vi.waitFor(() => expect(smtp.attempts).toBe(1), { timeout: 10_000 });
    // Advance only once the engine sleeps on the clock for its backoff.
    await vi.waitFor(() => expect(clock.pending).toBe(1), { timeout: 10_000 });
    // The first backoff lies between 1 s and 2 s (jitter): nothing happens before 1 s.
    await clock.advance(999);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.attempts).toBe(1);
    await clock.advance(1001);
    await vi.waitFor(() => expect(smtp.attempts).toBe(2), { timeout: 10_000 });
    await vi.waitFor(() => expect(clock.pending).toBe(1), { timeout: 10_000 });
    // The second backoff lies between 2 s and 4 s.
    await clock.advance(1999);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.attempts).toBe(2);
    await clock.advance(2001);
    await vi.waitFor(() => expect(smtp.attempts).toBe(3), { timeout: 10_000 });

    const run = await running;
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/SMTP 451: .*Greylisted, please retry later/);
    const entry = run.executionLog.find((e) => e.nodeId === 'send');
    expect(entry).toMatchObject({ status: 'failed', attempts: 3 });
    expect(smtp.inbox).toHaveLength(0);
    const stored = await store.runs.get('user-1', run.id);
    expect(stored?.status).toBe('failed');
  });

  it('delivers once when the server accepts on the third attempt', async () => {
    server = await startSmtpServer({
      rejectRcpt: (_address, attempt) => (attempt < 3 ? { code: 451, message: 'Try again' } : null),
    });
    store = createMemoryStore();
    mail = createSmtpMail({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
    engine = createTestEngine(store, {
      ports: { mail, email },
      retry: { retries: 3, minTimeoutMs: 5, maxTimeoutMs: 20, factor: 2 },
    });
    await saveThanks(store);
    const run = await engine.runAutomation('merci', { email: 'lea@example.ch', name: 'Léa' }, { userId: 'user-1' });
    expect(run.status).toBe('completed');
    expect(run.executionLog.find((e) => e.nodeId === 'send')?.attempts).toBe(3);
    expect(server.inbox).toHaveLength(1);
    expect(server.inbox[0]!.mail.subject).toBe('Merci Léa');
  });

  it('fails at once, without retrying, when the server rejects the mailbox with 550', async () => {
    server = await startSmtpServer({ rejectRcpt: () => ({ code: 550, message: 'No such user here' }) });
    store = createMemoryStore();
    mail = createSmtpMail({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
    engine = createTestEngine(store, {
      ports: { mail, email },
      retry: { retries: 3, minTimeoutMs: 5, maxTimeoutMs: 20, factor: 2 },
    });
    await saveThanks(store);
    const run = await engine.runAutomation('merci', { email: 'nobody@example.ch', name: 'X' }, { userId: 'user-1' });
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/permanently \(550\).*No such user here/);
    expect(server.attempts).toBe(1);
  });
});
