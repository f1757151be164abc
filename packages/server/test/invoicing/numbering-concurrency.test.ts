import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
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
    const userId = 'tenant-race';

    const setupStore = createSqliteStore({ filename });
    const h = await startHarness({ store: setupStore });
    const project = await h.call(userId, 'POST', '/api/projects', { name: 'Course' });
    await h.close();

    const children = [spawnCreator(filename, userId, project.body.id), spawnCreator(filename, userId, project.body.id)];
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.process.stdin.write('go\n');
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
    const all = results.flatMap((r) => r.numbers).sort();
    const expected = Array.from({ length: 200 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`);
    expect(all).toEqual(expected);

    const store = createSqliteStore({ filename });
    try {
      const stored = await store.collection<{ id: string; userId: string; number: string }>('invoices').find(userId);
      expect(stored.total).toBe(200);
      expect(stored.items.map((i) => i.number).sort()).toEqual(expected);
    } finally {
      await store.close();
    }
  }, 120_000);
});

interface Creator {
  process: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  result: Promise<{ numbers: string[]; failures: string[] }>;
}

function spawnCreator(filename: string, userId: string, projectId: string): Creator {
  const child = spawn(process.execPath, ['--import', 'tsx', join(fixtures, 'create-invoices.ts'), filename, userId, projectId, '100', '10'], {
    env: { ...process.env, TSX_TSCONFIG_PATH: join(fixtures, 'tsconfig.json') },
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) markReady();
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
  return { process: child, ready, result };
}
