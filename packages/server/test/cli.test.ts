import { type ChildProcess, execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { CLI, startServerProcess, type ServerProcess } from './helpers/cli-process';

const execFileAsync = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'swigs-cli-'));
const dataDir = join(folder, 'data');
const children = new Set<ChildProcess>();
// Settings also come from a .env file in the working folder.
writeFileSync(join(folder, '.env'), 'LOCAL_USER=atelier\n');

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/** Starts the built CLI in the temp folder, with a clean environment (no MongoDB, SMTP or SSO). */
function start(): Promise<ServerProcess> {
  return startServerProcess(folder, dataDir, { LOG_LEVEL: 'info' }, children);
}

async function call(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('the swigs-workflow command', () => {
  it('prints its usage, every configuration variable included, with --help', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(help.status).toBe(0);
    for (const name of [
      'PORT',
      'PUBLIC_URL',
      'MONGODB_DB',
      'LOCAL_USER',
      'TASK_API_URL',
      'UNSUBSCRIBE_SECRET',
      'WEBHOOK_*',
    ])
      expect(help.stdout).toContain(name);
    expect(help.stdout).toContain('swigs-workflow start');
  });

  it('starts in a fresh folder, survives SIGTERM with a run waiting, and resumes it on the next start', {
    timeout: 120_000,
  }, async () => {
    const first = await start();
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await call(first.url, 'GET', '/readyz')).body).toMatchObject({ status: 'ready', store: 'sqlite' });
    expect(statSync(join(dataDir, 'local-secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'local-password'), 'utf8').trim()).toBe(first.password);

    const login = await call(first.url, 'POST', '/api/auth/local-login', undefined, { password: first.password });
    expect(login.status).toBe(200);
    expect(login.body.userId).toBe('atelier');
    const token = login.body.token as string;
    const template = await call(first.url, 'POST', '/api/email-templates', token, {
      name: 'Relance',
      subject: 'Bonjour {{trigger.name}}',
      body: '<p>Un jour plus tard.</p>',
    });
    const automation = await call(first.url, 'POST', '/api/automations', token, {
      name: 'Attente d’un jour',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [
        { id: 'wait', type: 'wait', config: { duration: 1, unit: 'days' }, connections: [{ targetId: 'mail' }] },
        { id: 'mail', type: 'send_email', config: { templateId: template.body.id, to: 'client@example.ch' } },
      ],
    });
    expect(automation.status).toBe(201);
    const run = await call(first.url, 'POST', `/api/automations/${automation.body.id}/run`, token, {
      payload: { name: 'Léa' },
    });
    expect(run.body.status).toBe('waiting');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const logs = first
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logs.some((l) => l.msg === 'listening')).toBe(true);
    expect(logs.some((l) => l.msg === 'server stopped')).toBe(true);
    expect(first.stdout()).not.toContain(first.password);
    expect(first.stdout()).not.toContain(token);

    // A day passes while the server is down: move the waiting run's due time into the past through the store API.
    const store = createSqliteStore({ filename: join(dataDir, 'swigs-workflow.sqlite') });
    const now = new Date();
    const claimed = await store.runs.claimById(run.body.id, ['waiting'], {
      now,
      workerId: 'time-travel',
      leaseMs: 60_000,
    });
    expect(claimed?.status).toBe('running');
    expect(
      await store.runs.checkpoint(
        { ...claimed!, status: 'waiting', scheduledAt: new Date(now.getTime() - 1000) },
        'time-travel',
      ),
    ).toBe(true);
    await store.runs.release(run.body.id, 'time-travel');
    await store.close();

    const second = await start();
    expect(second.password).toBe(first.password);
    let status = '';
    // A deadline in time, not a count of polls: each poll is slower on a loaded CI machine.
    const deadline = Date.now() + 30_000;
    while (status !== 'completed' && Date.now() < deadline) {
      status = (await call(second.url, 'GET', `/api/automation-runs/${run.body.id}`, token)).body.status;
      if (status !== 'completed') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('completed');
    const outbox = await call(second.url, 'GET', '/api/outbox', token);
    expect(outbox.body.items.map((m: { subject: string }) => m.subject)).toEqual(['Bonjour Léa']);

    // Not spawnSync: blocking the event loop for the seconds a loaded machine needs let the server's keep-alive
    // timeout close the pooled connection unseen, and the next request went out on the closed socket.
    const printed = await execFileAsync(process.execPath, [CLI, 'token', '--user', 'agence', '--data', dataDir], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '' },
    });
    const me = await call(second.url, 'GET', '/api/auth/me', printed.stdout.trim());
    expect(me.body.userId).toBe('agence');

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });
});
