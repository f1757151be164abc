import { pino, type Logger as Pino } from 'pino';
import type { Logger } from '@swigs/automation-core';

const SECRET_KEYS = [
  'password',
  'token',
  'secret',
  'authorization',
  'cookie',
  'apiKey',
  'serviceToken',
  'smtpUrl',
  'mongodbUrl',
  'localPassword',
];

/** Paths pino redacts, at the top level and one or two levels down. */
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/** A structured JSON logger (pino) with secrets redacted, writing to `destination` (stdout by default). */
export function createJsonLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Pino {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'swigs-workflow' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination as pino.DestinationStream | undefined,
  );
}

/** The runtime's `Logger` port over pino. */
export function toPortLogger(log: Pino): Logger {
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
    child: (fields) => lazyChild(log, fields),
  };
}

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * A child logger that builds its pino child (bindings serialized and redacted) only when it first writes at an
 * enabled level: the engine makes one per node run, and most never log.
 */
function lazyChild(log: Pino, fields: Record<string, unknown>): Logger {
  let child: Logger | undefined;
  const at =
    (level: Level) =>
    (message: string, extra?: Record<string, unknown>): void => {
      if (!log.isLevelEnabled(level)) return;
      child ??= toPortLogger(log.child(fields));
      child[level](message, extra);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => lazyChild(log, { ...fields, ...more }),
  };
}

/** A connection string with its password replaced, safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username && parsed.password === '') parsed.username = '***';
    return parsed.toString();
  } catch {
    return '[unparsable url]';
  }
}
