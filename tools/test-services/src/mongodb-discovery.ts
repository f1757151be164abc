import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ServiceState } from './service-state';

/** A MongoDB for the run, and how to stop it when the run started it. */
export interface MongoForRun {
  state: ServiceState;
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** CI's service lives beside the repository in CI's layout only; a clone elsewhere has no such folder. */
const ciServiceStart = `${repoRoot}../shared/services/mongodb/start`;

/**
 * Finds a MongoDB for the test run: `MONGODB_URL` when set; else a real `mongod` started by mongodb-memory-server as
 * a one-member replica set (it downloads mongod on first use, which fails fast without internet access); else CI's
 * service beside the repository; else says why there is none.
 */
export async function startMongoForRun(): Promise<MongoForRun> {
  const nothingToStop = async (): Promise<void> => {};
  const fromEnv = process.env.MONGODB_URL;
  if (fromEnv) return { state: { found: fromEnv, via: 'MONGODB_URL' }, stop: nothingToStop };

  const reasons = ['MONGODB_URL is not set'];
  const memory = await startMemoryReplicaSet();
  if ('url' in memory) return { state: { found: memory.url, via: 'mongodb-memory-server' }, stop: memory.stop };
  reasons.push(`mongodb-memory-server has no mongod (${memory.reason})`);

  const ci = await startCiService();
  if ('url' in ci) return { state: { found: ci.url, via: ciServiceStart }, stop: nothingToStop };
  reasons.push(ci.reason);
  return { state: { missing: reasons.join('; ') }, stop: nothingToStop };
}

async function startMemoryReplicaSet(): Promise<{ url: string; stop(): Promise<void> } | { reason: string }> {
  // One download attempt: without internet access the default three retries with back-off only add seconds.
  process.env.MONGOMS_MAX_RETRIES ??= '1';
  try {
    const { MongoBinary, MongoMemoryReplSet } = await import('mongodb-memory-server-core');
    // Resolving the binary first (cache, system binary or download) keeps the failure to one short reason,
    // instead of the replica set's own multi-line warning.
    const binary = await MongoBinary.getPath();
    const replSet = await MongoMemoryReplSet.create({
      binary: { systemBinary: binary },
      // Loopback only; one member is enough for transactions and change streams.
      replSet: { count: 1, ip: '127.0.0.1', storageEngine: 'wiredTiger' },
    });
    await replSet.waitUntilRunning();
    return {
      url: replSet.getUri(),
      stop: async () => {
        await replSet.stop({ doCleanup: true, force: true });
      },
    };
  } catch (error) {
    const download = error as { url?: unknown; msg?: unknown };
    if (typeof download.url === 'string' && typeof download.msg === 'string') {
      return { reason: `downloading mongod failed: ${download.msg}` };
    }
    return { reason: firstLine(error) };
  }
}

async function startCiService(): Promise<{ url: string } | { reason: string }> {
  try {
    await access(ciServiceStart, constants.X_OK);
  } catch {
    return { reason: 'no CI service at ../shared/services/mongodb/start' };
  }
  try {
    // The script prints `export MONGODB_URL=...` on success and `false` on failure; progress goes to stderr.
    const { stdout } = await promisify(execFile)(ciServiceStart, { timeout: 600_000 });
    const url = /MONGODB_URL=['"]?([^'"\s]+)/.exec(stdout)?.[1];
    return url ? { url } : { reason: `the CI service did not start (${stdout.trim() || 'no output'})` };
  } catch (error) {
    return { reason: `the CI service did not start (${firstLine(error)})` };
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
}
