import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The built CLI the tests start, as a user would. */
export const CLI = resolve(here, '../../../dist/cli.js');
const UI_INDEX = resolve(here, '../../../dist/ui/index.html');

/** A `swigs-workflow start` child process on a temporary data folder. */
export interface RunningServer {
  url: string;
  dataDir: string;
  /** The embedded mode's local password (read from the data folder). */
  password: string;
  /** A bearer token obtained through the local login, for API calls made by the test itself. */
  token: string;
  /** The tenant of that token (its `sub`). */
  userId: string;
  output(): string;
  /** Calls the API with the token. */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  stop(): Promise<void>;
}

/**
 * Starts the built CLI on a free port with a fresh data folder, in embedded mode, and waits for /readyz; `env` adds
 * variables (a `WEBHOOK_*` secret).
 */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  if (!existsSync(CLI) || !existsSync(UI_INDEX)) {
    throw new Error(`the e2e tests run the built server: ${CLI} or ${UI_INDEX} is missing, run \`pnpm build\` first`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'swigs-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn' };
  // Embedded mode: no database, SMTP, SSO or CMS from the developer's environment.
  for (const key of Object.keys(env))
    if (/^(MONGODB_|SMTP_|SSO_|CMS_|LOCAL_PASSWORD$|SERVICE_TOKENS$|DATA_DIR$|PORT$|HOST$|MAIL_FROM$)/.test(key))
      delete env[key];
  // What the test sets itself (a webhook secret): after the clean-up, so it is kept.
  Object.assign(env, options.env);
  // Port 0: the server takes a free port itself and prints its URL (a port probed free here could be taken by
  // another process before the child listens).
  const child = spawn(process.execPath, [CLI, 'start', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    cwd: dataDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let url: string;
  try {
    url = await waitReady(child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  const password = (await readFile(join(dataDir, 'local-password'), 'utf8')).trim();
  const login = await fetch(`${url}/api/auth/local-login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ password }),
  });
  if (!login.ok) throw new Error(`local login failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };

  return {
    url,
    dataDir,
    password,
    token,
    userId: (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub,
    output: () => output,
    async api(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON (a PDF, HTML): keep the text.
      }
      return { status: res.status, body: parsed as never, headers: res.headers };
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the URL the server prints once it listens, then for its /readyz; returns that URL. */
async function waitReady(child: ChildProcess, output: () => string): Promise<string> {
  // Generous: a cold start of the built server on a loaded 2-core CI machine can take many seconds.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`swigs-workflow exited with ${child.exitCode}:\n${output()}`);
    const url = /écoute sur (http:\/\/\S+)/.exec(output())?.[1];
    if (url) {
      try {
        const res = await fetch(`${url}/readyz`);
        if (res.ok) return url;
      } catch {
        // Not answering yet.
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`swigs-workflow did not answer /readyz within 60 s:\n${output()}`);
}
