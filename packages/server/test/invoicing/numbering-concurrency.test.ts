import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '@swigs/automation-core';
import { createMongoStore } from '@swigs/automation-adapters/mongodb';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { mongoUrl, requireMongoUrl } from '@swigs/test-services/mongodb';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from './harness';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
let dir: string | undefined;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('invoice numbering under concurrency', () => {
  it('gives 200 invoices created by 2 processes on one SQLite file contiguous, unique numbers', async () => {
    dir = await mkdtemp(join(tmpdir(), 'swigs-numbering-'));
    const filename = join(dir, 'store.db');
    await raceTwoProcesses(`sqlite:${filename}`, () => createSqliteStore({ filename }));
  }, 120_000);

  it('gives 200 invoices created by 2 processes on one MongoDB database contiguous, unique numbers', async ({
    skip,
  }) => {
    skip(!mongoUrl, 'needs MongoDB');
    const url = requireMongoUrl();
    const dbName = `t_invoicing_race_${process.pid.toString(36)}${Date.now().toString(36)}`;
    try {
      await raceTwoProcesses(`mongodb:${dbName}`, () => createMongoStore({ url, dbName }));
    } finally {
      const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
      await client.connect();
      await client.db(dbName).dropDatabase();
      await client.close();
    }
  }, 120_000);
});

/** Two child processes create 100 invoices each, 10 at a time, on the same store; numbers must be 0001..0200. */
async function raceTwoProcesses(target: string, open: () => Store | Promise<Store>): Promise<void> {
  const userId = 'tenant-race';
  const h = await startHarness({ store: await open() });
  const project = await h.call(userId, 'POST', '/api/projects', { name: 'Course' });
  await h.close();

  const children = [spawnCreator(target, userId, project.body.id), spawnCreator(target, userId, project.body.id)];
  await Promise.all(children.map((child) => child.ready));
  // Ten rounds of 10 invoices from each process at once: the processes race each other in every round.
  for (let round = 1; round <= 10; round++) {
    for (const child of children) child.process.stdin.write('go\n');
    await Promise.all(children.map((child) => child.rounds(round)));
  }
  const results = await Promise.all(children.map((child) => child.result));

  for (const result of results) {
    expect(result.failures).toEqual([]);
    expect(result.numbers).toHaveLength(100);
  }
  // Both processes really interleaved: each got numbers from both halves of the range.
  for (const result of results) {
    const sequences = result.numbers.map((n) => Number(n.slice(5)));
    expect(Math.min(...sequences)).toBeLessThan(100);
    expect(Math.max(...sequences)).toBeGreaterThan(100);
  }
  const expected = Array.from({ length: 200 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`);
  expect(results.flatMap((r) => r.numbers).sort()).toEqual(expected);

  const store = await open();
  try {
    const stored = await store.collection<{ id: string; userId: string; number: string }>('invoices').find(userId);
    expect(stored.total).toBe(200);
    expect(stored.items.map((i) => i.number).sort()).toEqual(expected);
  } finally {
    await store.close();
  }
}

interface Creator {
  process: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  /** Resolves once the child has finished `n` rounds (or has exited). */
  rounds(n: number): Promise<void>;
  result: Promise<{ numbers: string[]; failures: string[] }>;
}

function spawnCreator(target: string, userId: string, projectId: string): Creator {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(fixtures, 'create-invoices.ts'), target, userId, projectId, '100', '10'],
    {
      // `mongodb:<database>` targets open the MongoDB this run found, as the test does.
      env: { ...process.env, MONGODB_URL: mongoUrl, TSX_TSCONFIG_PATH: join(fixtures, 'tsconfig.json') },
    },
  );
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const roundWaiters: { n: number; resolve: () => void }[] = [];
  let exited = false;
  const settleRounds = (): void => {
    const done = stdout.split('\n').filter((l) => l === 'round').length;
    for (const waiter of roundWaiters.splice(0)) {
      if (exited || done >= waiter.n) waiter.resolve();
      else roundWaiters.push(waiter);
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) markReady();
    settleRounds();
  });
  child.on('exit', () => {
    exited = true;
    settleRounds();
  });
  const rounds = (n: number): Promise<void> =>
    new Promise((resolve) => {
      roundWaiters.push({ n, resolve });
      settleRounds();
    });
  const result = new Promise<{ numbers: string[]; failures: string[] }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`creator exited with ${code}: ${stderr || stdout}`));
      resolve(JSON.parse(line));
    });
  });
  result.catch(() => markReady());
  return { process: child, ready, rounds, result };
}
