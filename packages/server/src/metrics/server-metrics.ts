import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock, Engine, EngineEvents, MailPort, RunStore } from '@swigs/automation-core';

/** What `createServerMetrics` reads: the store's waiting runs and the clock (the engine comes with `watch`). */
export interface ServerMetricsOptions {
  store: Pick<RunStore, 'runs'>;
  clock: Clock;
  /** Prefix of every metric name. Default `swigs_`. */
  prefix?: string;
  /** Node's process metrics (CPU, memory, event loop lag, handles) too. Default true. */
  processMetrics?: boolean;
}

/** The server's Prometheus metrics and the hooks that move them. */
export interface ServerMetrics {
  readonly registry: Registry;
  /** Content type of `scrape()`'s text (Prometheus text format 0.0.4). */
  readonly contentType: string;
  /** The metrics in the Prometheus text format; reads the store's waiting runs. */
  scrape(): Promise<string>;
  /** One answered HTTP request: `route` is the matched route's pattern, never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** One request to the CMS: its status, or null when no answer came. */
  observeCmsRequest(status: number | null): void;
  /** `mail` with its sends counted: sent, duplicates skipped, failed. */
  countMail(mail: MailPort): MailPort;
  /** Counts the engine's runs (started, completed, failed) from its events. */
  watch(engine: Pick<Engine, 'on' | 'off'>): void;
  /** Stops listening to the engine. */
  close(): void;
}

/**
 * Prometheus metrics of one server process (runs by trigger type, waiting and due runs, scheduler lag, e-mails,
 * CMS requests, HTTP request durations by route), on a registry of its own so several servers in one process
 * never share counters.
 * @example
 * const metrics = createServerMetrics({ store, clock });
 * metrics.watch(engine);
 * const text = await metrics.scrape();
 */
export function createServerMetrics(options: ServerMetricsOptions): ServerMetrics {
  const prefix = options.prefix ?? 'swigs_';
  const { store, clock } = options;
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const runs = {
    started: new Counter({
      name: `${prefix}runs_started_total`,
      help: 'Runs started, by trigger type',
      labelNames: ['trigger'] as const,
      registers: [registry],
    }),
    completed: new Counter({
      name: `${prefix}runs_completed_total`,
      help: 'Runs completed, by trigger type',
      labelNames: ['trigger'] as const,
      registers: [registry],
    }),
    failed: new Counter({
      name: `${prefix}runs_failed_total`,
      help: 'Runs failed, by trigger type',
      labelNames: ['trigger'] as const,
      registers: [registry],
    }),
  };
  // Read at each scrape from the store, so they hold for every worker sharing it, across restarts.
  let waitingCounts: Promise<{ waiting: number; due: number } | undefined> | undefined;
  const readWaiting = (): Promise<{ waiting: number; due: number } | undefined> => {
    // One store read per scrape for both gauges.
    const pending =
      waitingCounts ??
      (store.runs.countWaiting?.(clock.now()) ?? Promise.resolve(undefined)).finally(() => {
        waitingCounts = undefined;
      });
    waitingCounts = pending;
    return pending;
  };
  new Gauge({
    name: `${prefix}runs_waiting`,
    help: 'Runs waiting (a wait step or a retry), every tenant',
    registers: [registry],
    async collect() {
      const counts = await readWaiting();
      if (counts) this.set(counts.waiting);
    },
  });
  new Gauge({
    name: `${prefix}runs_due`,
    help: 'Waiting runs whose time has come and that no worker has claimed yet',
    registers: [registry],
    async collect() {
      const counts = await readWaiting();
      if (counts) this.set(counts.due);
    },
  });
  new Gauge({
    name: `${prefix}scheduler_lag_seconds`,
    help: 'How late the most overdue waiting run is (0 when none is overdue)',
    registers: [registry],
    async collect() {
      const next = await store.runs.nextDueAt();
      this.set(next ? Math.max(0, (clock.now().getTime() - next.getTime()) / 1000) : 0);
    },
  });
  const emails = new Counter({
    name: `${prefix}emails_total`,
    help: 'E-mails handed to the mail port, by outcome (sent, duplicate: already sent under its key, failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const cms = new Counter({
    name: `${prefix}cms_requests_total`,
    help: 'Requests to the CMS API, by status (0 when no answer came); 429 are its rate-limit refusals',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const http = new Histogram({
    name: `${prefix}http_request_duration_seconds`,
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  for (const outcome of ['sent', 'duplicate', 'failed']) emails.inc({ outcome }, 0);

  const onCreated: EngineEvents['run.created'] = ({ run }) => runs.started.inc({ trigger: run.triggerType });
  const onCompleted: EngineEvents['run.completed'] = ({ run }) => runs.completed.inc({ trigger: run.triggerType });
  const onFailed: EngineEvents['run.failed'] = ({ run }) => runs.failed.inc({ trigger: run.triggerType });
  let watched: Pick<Engine, 'on' | 'off'> | undefined;

  return {
    registry,
    contentType: registry.contentType,
    scrape: () => registry.metrics(),
    observeRequest(method, route, status, seconds) {
      http.observe({ method, route, status: String(status) }, seconds);
    },
    observeCmsRequest(status) {
      cms.inc({ status: String(status ?? 0) });
    },
    countMail(mail) {
      return {
        name: mail.name,
        async send(message) {
          try {
            const result = await mail.send(message);
            emails.inc({ outcome: result.duplicate ? 'duplicate' : 'sent' });
            return result;
          } catch (error) {
            emails.inc({ outcome: 'failed' });
            throw error;
          }
        },
        close: () => mail.close(),
      };
    },
    watch(engine) {
      this.close();
      watched = engine;
      engine.on('run.created', onCreated);
      engine.on('run.completed', onCompleted);
      engine.on('run.failed', onFailed);
    },
    close() {
      watched?.off('run.created', onCreated);
      watched?.off('run.completed', onCompleted);
      watched?.off('run.failed', onFailed);
      watched = undefined;
    },
  };
}
