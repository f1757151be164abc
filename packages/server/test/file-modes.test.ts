import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLogger, createServer, loadConfig, type SwigsServer } from '../src/index';

let server: SwigsServer | undefined;
let folder: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe('data files', () => {
  it('are created private to the server’s user: the folder 0700, the SQLite files and keys 0600', async () => {
    folder = mkdtempSync(join(tmpdir(), 'swigs-modes-'));
    const dataDir = join(folder, 'data');
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { port: 0, dataDir });
    server = await createServer({ config, log: createJsonLogger({ level: 'silent' }) });
    const url = (await server.listen()).url;
    // A write and a read, so the WAL and the shared-memory file exist.
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(mode(dataDir)).toBe('700');
    for (const file of [
      'swigs-workflow.sqlite',
      'swigs-workflow.sqlite-wal',
      'swigs-workflow.sqlite-shm',
      'local-secret.key',
      'local-password',
    ]) {
      expect(mode(join(dataDir, file)), file).toBe('600');
    }
  });
});
