import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsStandIn } from './cms-stand-in';
import { bridgeFor, createEngineUnderTest, TOKEN } from './harness';

// The minute scaled down; the hold covers a loaded machine's pause between taking a slot and sending.
const WINDOW_MS = 2000;
const HOLD_MS = 500;

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

const script = fileURLToPath(new URL('./rate-window-process.ts', import.meta.url));

/** A CMS enforcing 100 requests per sliding window, counting every arrival (its 429s included). */
async function startCms(orders: number, status = 'paid'): Promise<{ standIn: CmsStandIn; url: string }> {
  const standIn = new CmsStandIn({ token: TOKEN, rateLimit: { limit: 100, windowMs: WINDOW_MS } });
  const url = await standIn.start();
  closers.push(() => standIn.close());
  for (let i = 0; i < orders; i += 1) standIn.createOrder({ status });
  return { standIn, url };
}

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swigs-cms-window-'));
  closers.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'automation.db');
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

function startWorker(url: string, filename: string): { child: ChildProcess; done: Promise<unknown> } {
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, CMS_URL: url, DB_FILE: filename, WINDOW_MS: String(WINDOW_MS), HOLD_MS: String(HOLD_MS) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const done = new Promise((resolve, reject) => {
    child.on('message', (message: { type?: string }) => message.type === 'done' && resolve(message));
    child.on('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
  });
  closers.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, done };
}

describe('the CMS rate window kept in the store', () => {
  it('holds 100 requests per sliding window across a restart (a process-local window does not)', async () => {
    const filename = tempFile();
    const run = async (shared: boolean): Promise<CmsStandIn> => {
      // A status the bridge does not map: pages cost no engine writes, so 100 requests fit well inside a window.
      const { standIn, url } = await startCms(2000, 'on-hold');
      const file = shared ? filename : tempFile();
      const options = { sharedRateLimit: shared, rateLimitWindowMs: WINDOW_MS, rateLimitHoldMs: HOLD_MS, pageSize: 10 };
      // The first life spends the window's 100 requests, then dies without a word (its store never closed).
      const first = createSqliteStore({ filename: file });
      const firstBridge = bridgeFor(url, await createEngineUnderTest(first), options);
      const abandoned = firstBridge.pollOnce().catch(() => undefined);
      await waitUntil(() => standIn.stats.requests >= 100, 20_000);
      expect(standIn.stats.requests, `first life, shared=${shared}`).toBeLessThanOrEqual(101);
      await firstBridge.close();
      await abandoned;
      // The next life starts at once, on the same file.
      const second = createSqliteStore({ filename: file });
      closers.push(
        () => second.close(),
        () => first.close(),
      );
      const secondBridge = bridgeFor(url, await createEngineUnderTest(second), options);
      closers.push(() => secondBridge.close());
      const started = standIn.stats.requests;
      const poll = secondBridge.pollOnce();
      await waitUntil(() => standIn.stats.requests >= started + 100, WINDOW_MS + HOLD_MS + 3000);
      await secondBridge.close();
      await poll.catch(() => undefined);
      return standIn;
    };

    const shared = await run(true);
    expect(shared.stats.maxInWindow).toBeLessThanOrEqual(100);
    expect(shared.stats.byStatus[429]).toBeUndefined();
    // The control: each life with its own window, the CMS counts up to 200 in one window and answers 429.
    const local = await run(false);
    expect(local.stats.maxInWindow).toBeGreaterThan(100);
    expect(local.stats.byStatus[429]).toBeGreaterThan(0);
  });

  it('holds 100 requests per sliding window for 3 worker processes sharing one SQLite file', async () => {
    const filename = tempFile();
    // Creates the schema once, before three processes open the file at the same time.
    createSqliteStore({ filename }).close();
    const { standIn, url } = await startCms(1500);
    const workers = [0, 1, 2].map(() => startWorker(url, filename));
    const results = (await Promise.all(workers.map((w) => w.done))) as { requests: number }[];
    const total = results.reduce((sum, r) => sum + r.requests, 0);
    // Enough requests that three unshared windows would each have spent their 100 at once.
    expect(total).toBeGreaterThan(250);
    expect(standIn.stats.requests).toBe(total);
    expect(standIn.stats.maxInWindow).toBeLessThanOrEqual(100);
    expect(standIn.stats.byStatus[429]).toBeUndefined();
  }, 120_000);
});
