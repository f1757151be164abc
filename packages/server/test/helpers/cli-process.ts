import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from './http-client';

/** The built `swigs-workflow` command. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A `swigs-workflow start` process on 127.0.0.1, logged in as its local user. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The local login's password, as printed. */
  password: string;
  /** Its bearer token (local login). */
  token: string;
  client: Client;
  /** Everything it wrote on stdout (JSON log lines). */
  stdout(): string;
  /** Resolves with the exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Kills it with `signal` and waits for it to be gone. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the built CLI on `dataDir` (its SQLite file survives the process) with a clean environment plus `env`.
 * Every process started is recorded in `started`, so the test can kill what is left.
 */
export async function startServerProcess(
  cwd: string,
  dataDir: string,
  env: Record<string, string>,
  started: Set<ChildProcess>,
): Promise<ServerProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first`);
  const child = spawn(process.execPath, [CLI, 'start', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  started.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let err = '';
  const ready = await new Promise<{ url: string; password: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${err}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const url = /écoute sur (http:\/\/\S+)/.exec(err)?.[1];
      const password = /mot de passe (\S+)/.exec(err)?.[1];
      if (url && password) {
        clearTimeout(timer);
        resolve({ url, password });
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${err}`)));
  });
  const login = await fetch(`${ready.url}/api/auth/local-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: ready.password }),
  });
  const { token } = (await login.json()) as { token: string };
  return {
    child,
    url: ready.url,
    password: ready.password,
    token,
    client: createClient(ready.url, token, 'fr-CH'),
    stdout: () => out,
    exited,
    async stop(signal) {
      child.kill(signal);
      await exited;
      started.delete(child);
    },
  };
}
