import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsStandIn } from './cms-stand-in';
import { orderKey, TOKEN, USER } from './harness';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

const script = fileURLToPath(new URL('./bridge-process.ts', import.meta.url));

function startBridgeProcess(
  url: string,
  filename: string,
): { child: ChildProcess; done: Promise<unknown>; exited: Promise<unknown> } {
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, CMS_URL: url, DB_FILE: filename },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const done = new Promise((resolve) =>
    child.on('message', (message: { type?: string }) => message.type === 'done' && resolve(message)),
  );
  closers.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, done, exited };
}

describe('CMS bridge crash recovery', () => {
  it('fires no event twice, and loses none outside the engine’s own window, when the process is SIGKILLed mid-poll', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swigs-cms-crash-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    const filename = join(dir, 'automation.db');
    let cmsTime = Date.now() - 10 * 3600_000;
    const standIn = new CmsStandIn({
      token: TOKEN,
      rateLimit: false,
      slowRate: 0.1,
      slowMs: 20,
      now: () => (cmsTime += 500),
    });
    const url = await standIn.start();
    closers.push(() => standIn.close());
    for (let i = 0; i < 2000; i += 1) standIn.createOrder({ status: i % 7 === 0 ? 'shipped' : 'pending' });
    const ids = [...standIn.orders.keys()];

    const kills = 3;
    for (let k = 0; k < kills; k += 1) {
      const served = standIn.stats.served.length;
      const target = served + 300 + k * 150;
      const worker = startBridgeProcess(url, filename);
      // Killed without warning while it pages: somewhere inside fire, the seen keys or the cursor.
      while (standIn.stats.served.length < target && worker.child.exitCode === null)
        await new Promise((r) => setTimeout(r, 2));
      worker.child.kill('SIGKILL');
      await worker.exited;
      // The shop goes on meanwhile.
      for (const id of ids.slice(k * 400, k * 400 + 250))
        if (standIn.orders.get(id)?.status === 'pending') standIn.setStatus(id, 'paid');
    }
    const last = startBridgeProcess(url, filename);
    await last.done;
    await last.exited;

    const store = createSqliteStore({ filename });
    closers.push(() => store.close());
    const { items } = await store.runs.list({ userId: USER, limit: 100_000 });
    const runs = new Map<string, number>();
    for (const run of items) {
      const trigger = run.triggerData as { orderId: string; status: string };
      const key = `${run.triggerType}:${trigger.orderId}:${trigger.status}`;
      runs.set(key, (runs.get(key) ?? 0) + 1);
    }
    expect([...runs].filter(([, count]) => count > 1)).toEqual([]);

    // Nothing fired that the CMS did not serve.
    const served = new Set(
      standIn.stats.served.map(({ id, status }) => orderKey(id, status)).filter((key) => key !== null),
    );
    expect([...runs.keys()].filter((key) => !served.has(key))).toEqual([]);
    // Every order's current state was delivered. (A state served to a process killed before it handled the
    // page, and changed before the next process read it, is legitimately never fired: first seen wins.)
    const missing: string[] = [];
    for (const order of standIn.orders.values()) {
      const key = orderKey(order._id, order.status) as string;
      if (!runs.has(key)) missing.push(key);
    }
    // A missing one must be in the engine's window: its dedupe key exists although the run was never
    // written (the process died between the two); at most the 8 events in flight per kill.
    for (const key of missing) {
      const [eventType, id, status] = key.split(':') as [string, string, string];
      expect({ key, claimedByEngine: await store.keys.has(`cms:order:${id}:${status}:cms-${eventType}`) }).toEqual({
        key,
        claimedByEngine: true,
      });
    }
    expect(missing.length).toBeLessThanOrEqual(kills * 8);
    expect(runs.size).toBeGreaterThan(2000);
  }, 90_000);
});
