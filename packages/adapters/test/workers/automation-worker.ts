import { createEngine, createFakeClock, type MailPort } from '@swigs/automation-core';
import { createHttpClient } from '@swigs/automation-adapters/http';
import { createSmtpMail } from '@swigs/automation-adapters/nodemailer';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { createScaledClock } from './scaled-clock';
import { FROM, openStore, order, type StoreTarget, USER_ID } from './scenario';

/** What the parent test passes in `WORKER_CONFIG` (JSON). */
export interface WorkerConfig {
  workerId: string;
  store: StoreTarget;
  /** A sped-up system clock shared by all processes, or a fake clock standing still at `fixed`. */
  clock: { origin: number; scale: number } | { fixed: number };
  /** Fires this many order.paid events once started, then reports `fired`. */
  fire?: number;
  smtpPort?: number;
  /** SMTP connections; 1 bounds the e-mails a crash can duplicate to one. */
  smtpConnections?: number;
  scheduler: { pollIntervalMs: number; leaseMs: number; concurrency: number; batchSize: number; cron: boolean };
}

/** Starts the engine of one worker process from `WORKER_CONFIG` and reports `ready` to the parent. */
export async function runWorker(): Promise<void> {
  const config = JSON.parse(process.env.WORKER_CONFIG ?? '{}') as WorkerConfig;
  const store = await openStore(config.store);
  const mail: MailPort | undefined =
    config.smtpPort === undefined
      ? undefined
      : createSmtpMail({
          host: '127.0.0.1',
          port: config.smtpPort,
          ignoreTLS: true,
          dedupe: store.keys,
          maxConnections: config.smtpConnections ?? 5,
        });
  const http = createHttpClient({ allowedHosts: ['127.0.0.1'] });
  const engine = createEngine({
    store,
    registry: createDefaultRegistry(),
    clock:
      'fixed' in config.clock
        ? createFakeClock(config.clock.fixed)
        : createScaledClock(config.clock.origin, config.clock.scale),
    workerId: config.workerId,
    ports: { ...(mail ? { mail } : {}), email: { from: FROM }, http },
    scheduler: config.scheduler,
    retention: { days: 0 },
    logger: {
      debug() {},
      info() {},
      warn(message, fields) {
        process.stderr.write(`[${config.workerId}] warn ${message} ${JSON.stringify(fields ?? {})}\n`);
      },
      error(message, fields) {
        process.stderr.write(`[${config.workerId}] error ${message} ${JSON.stringify(fields ?? {})}\n`);
      },
    },
  });
  if (process.env.WORKER_DEBUG) {
    const t0 = Date.now();
    let started = 0;
    let completed = 0;
    engine.on('node.started', ({ nodeType }) => {
      if (started++ % 50 === 0) process.stderr.write(`debug +${Date.now() - t0}ms started #${started} ${nodeType}\n`);
    });
    engine.on('node.completed', ({ nodeType }) => {
      if (completed++ % 50 === 0)
        process.stderr.write(`debug +${Date.now() - t0}ms completed #${completed} ${nodeType}\n`);
    });
  }
  await engine.start();
  process.send?.({ type: 'ready', workerId: config.workerId });
  if (config.fire) {
    for (let i = 0; i < config.fire; i++) await engine.fire('order.paid', order(i), { userId: USER_ID });
    process.send?.({ type: 'fired', workerId: config.workerId });
  }

  let nodes = 0;
  engine.on('node.completed', () => {
    nodes += 1;
  });
  process.on('SIGTERM', () => {
    void (async () => {
      await engine.stop();
      process.send?.({ type: 'stats', workerId: config.workerId, nodes });
      await mail?.close?.();
      await http.close();
      await store.close();
      process.exit(0);
    })();
  });
}
