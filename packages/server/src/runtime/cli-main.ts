import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cliUsage } from '../config/cli-usage';
import { loadConfig } from '../config/server-config';
import { createServer } from './create-server';
import { createJsonLogger } from './logger';

const USAGE = cliUsage();

/** Options of `runCli`. */
export interface RunCliOptions {
  /** Called once `start` listens and its workers run. */
  onListening?: () => void;
}

/**
 * Runs the `swigs-workflow` command line (`start`, `token`, `help`); sets `process.exitCode` unless the server keeps
 * running.
 * @example runCli(process.argv.slice(2));
 */
export function runCli(argv: string[], options: RunCliOptions = {}): Promise<void> {
  return main(argv, options).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`swigs-workflow: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

async function main(argv: string[], options: RunCliOptions): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string' },
      user: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (!command || command === 'help' || command === '--help' || values.help) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 1;
  }
  const dotenvFile = resolve('.env');
  // dotenv is loaded only when there is a file for it to read.
  if (existsSync(dotenvFile)) (await import('dotenv')).config({ path: dotenvFile, quiet: true });
  const env = { ...process.env, ...(values.host ? { HOST: values.host } : {}) };
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    process.stderr.write(`--port must be a port number (got ${values.port})\n`);
    return 2;
  }
  const config = loadConfig(env, {
    ...(port !== undefined ? { port } : {}),
    ...(values.data ? { dataDir: values.data } : {}),
  });

  if (command === 'token') {
    if (!values.user) {
      process.stderr.write('token: --user <id> is required\n');
      return 2;
    }
    const ttl = values.ttl ? Number(values.ttl) : undefined;
    // Only this command signs tokens here: jose stays out of `start`'s memory.
    const { issueToken } = await import('./issue-token');
    process.stdout.write(`${await issueToken(config, values.user, ttl)}\n`);
    return 0;
  }
  if (command !== 'start') {
    process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }

  const log = createJsonLogger({ level: config.logLevel });
  const server = await createServer({ config, log });
  const { url } = await server.listen();
  options.onListening?.();
  log.info({ url, store: server.store.name, mail: server.mail.name, auth: server.authenticator.mode }, 'listening');
  process.stderr.write(`\nswigs-workflow écoute sur ${url}\n`);
  if (server.local) {
    process.stderr.write(
      `Connexion locale : utilisateur « ${config.localUser} », mot de passe ${server.local.password}\n` +
        `  (gardé dans ${server.local.passwordPath} ; jeton d’API : swigs-workflow token --user <id>)\n\n`,
    );
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return -1;
}
