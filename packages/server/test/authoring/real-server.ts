import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJsonLogger, createServer, loadConfig, type SwigsServer } from '../../src/index';
import { createClient, type Client } from '../helpers/http-client';

export type { Answer, Client } from '../helpers/http-client';

/** The composed swigs-workflow on 127.0.0.1 over a real SQLite file, logged in through its local login. */
export interface RealServer {
  server: SwigsServer;
  url: string;
  dataDir: string;
  /** Tenant `local`, French (`fr-CH`). */
  client: Client;
  /** Polls a run until `done(run)` or `timeoutMs`; the last run read. */
  waitForRun(runId: string, done: (run: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): Promise<void>;
}

/** Starts the server as `swigs-workflow start` composes it (SQLite, outbox, scheduler) with `env` on top. */
export async function startRealServer(env: Record<string, string> = {}): Promise<RealServer> {
  const folder = mkdtempSync(join(tmpdir(), 'swigs-authoring-'));
  const dataDir = join(folder, 'data');
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env }, { port: 0, dataDir });
  const server = await createServer({ config, log: createJsonLogger({ level: 'silent' }) });
  const { url } = await server.listen();
  const login = await fetch(`${url}/api/auth/local-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: server.local?.password }),
  });
  const { token } = (await login.json()) as { token: string };
  const client = createClient(url, token, 'fr-CH');
  return {
    server,
    url,
    dataDir,
    client,
    async waitForRun(runId, done, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      let run: any;
      do {
        run = (await client.call('GET', `/api/automation-runs/${runId}`)).body;
        if (done(run)) return run;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } while (Date.now() < until);
      return run;
    },
    async close() {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
