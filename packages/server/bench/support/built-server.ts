import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** The built `swigs-workflow start` on a fresh data folder, signed in with its local password. */
export interface BuiltServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** A bearer token of the local login. */
  token: string;
  /** Sends JSON with the token; throws on a status other than 2xx. */
  json(method: string, path: string, body?: unknown): Promise<any>;
  stop(): Promise<void>;
}

/**
 * Starts the built CLI on a free port (run `pnpm build` first) with `env` added, waits for its address and local
 * password on stderr, and signs in.
 * @example
 * const server = await startBuiltServer('executions');
 * await server.json('GET', '/api/automation-runs');
 */
export async function startBuiltServer(name: string, env: Record<string, string> = {}): Promise<BuiltServer> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first`);
  const folder = mkdtempSync(join(tmpdir(), `swigs-bench-${name}-`));
  const dataDir = join(folder, 'data');
  const child = spawn(process.execPath, [CLI, 'start', '--port', '0', '--data', dataDir], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', HOME: folder, LOG_LEVEL: 'warn', RUN_RETENTION_DAYS: '0', ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const { url, password } = await addressAndPassword(child);
    let token = '';
    const json = async (method: string, path: string, body?: unknown): Promise<any> => {
      const res = await fetch(url + path, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    token = ((await json('POST', '/api/auth/local-login', { password })) as { token: string }).token;
    return { url, dataDir, child, token, json, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The address and local password a starting `swigs-workflow start` prints on stderr; rejects if it exits first. */
export function addressAndPassword(child: ChildProcess): Promise<{ url: string; password: string }> {
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const url = /écoute sur (http:\/\/\S+)/.exec(stderr)?.[1];
      const password = /mot de passe (\S+)/.exec(stderr)?.[1];
      if (url && password) resolve({ url, password });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}
