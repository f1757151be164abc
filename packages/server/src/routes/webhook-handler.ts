import type { Automation, AutomationRun, StartedRun } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import { HttpError } from '../http/http-error';
import { parseJsonText } from '../http/json-body';
import { invalidInput } from '../http/validation';
import { createSecretCheck } from './same-secret';
import { IdempotencyHeadersSchema } from './schemas';

/** Trigger type of the generic inbound webhook. */
const WEBHOOK_TRIGGER = 'webhook.received';
const DEFAULT_METHODS = ['POST'];
const DEFAULT_TIMEOUT_MS = 30_000;
/** Bound of the maps keyed by automation id (cleared when reached: they only save reads). */
const MAX_KNOWN_OWNERS = 10_000;
/** Only harmless headers reach the run log; the secret and credentials never do. */
const FORWARDED_HEADERS = ['content-type', 'user-agent', 'x-request-id', 'x-event-type'];

/** The fields of a `webhook.received` config the endpoint reads (stored configs may predate the defaults). */
interface WebhookConfig {
  secretRef?: unknown;
  methods?: unknown;
  responseMode?: unknown;
  responseTimeoutMs?: unknown;
}

/** A webhook automation as read, with its armed listener (live or not). */
interface Found {
  automation: Automation;
  listener: { ownerId: string; until: number } | null;
}

/** What the handler needs from the hook routes: the rate limiter's guard and its failure count. */
export interface WebhookHandlerOptions {
  /** Throws 429 while `client` is blocked. */
  guard(client: string): void;
  recordFailure(client: string): void;
}

/**
 * One call of the webhook URL as the handler reads it, whatever carries it: hono's context (`app.request`, the
 * embedded app) or node:http directly (`createRequestListener`'s fast path).
 */
export interface WebhookCall {
  readonly method: string;
  readonly automationId: string;
  /** A request header by its lower-case name. */
  header(name: string): string | undefined;
  /** A query parameter (its first value). */
  query(name: string): string | undefined;
  /** Every query parameter (its first value), in a new object. */
  queries(): Record<string, string>;
  /** The body as text (read only once the secret is checked). */
  text(): Promise<string>;
  /** The client address the failure limiter keys on. */
  client(): string;
}

/** The handler's answer: a status, its headers (always a content type) and the body text. */
export interface WebhookAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Answers `/hooks/webhook/:automationId` for every method: checks the secret and the configured methods, keeps
 * the call as sample data when the automation listens for it, else starts the run, answering at once (202) or, in
 * `when_finished` mode, with what the run's `respond_webhook` step set, falling back to 202 past the timeout.
 * The automation is read once; an `Idempotency-Key` gives a retried call the first call's run.
 */
export function createWebhookHandler(
  deps: RouteDeps,
  options: WebhookHandlerOptions,
): (call: WebhookCall) => Promise<WebhookAnswer> {
  const { store, engine, listeners, logger } = deps;
  const sameSecret = createSecretCheck();

  // The tenant of each webhook automation id answered so far: the next call reads that automation by its key
  // instead of scanning every tenant's webhook automations. A miss forgets the entry.
  const owners = new Map<string, string>();
  // What was read for each automation id, kept while the store's change mark is unchanged: an edit, a switch-off,
  // a delete or a listener armed by any worker moves the mark. A store without a mark is read on every call.
  const kept = new Map<string, { mark: string; found: Found | null }>();

  const read = async (automationId: string): Promise<Found | null> => {
    const known = owners.get(automationId);
    if (known !== undefined) {
      const [automation, listener] = await Promise.all([
        store.automations.get(known, automationId),
        listeners.listenerOf(automationId),
      ]);
      if (automation?.trigger.type === WEBHOOK_TRIGGER && (automation.isActive || listens(automation, listener))) {
        return { automation, listener };
      }
      owners.delete(automationId);
    }
    const [candidates, listener] = await Promise.all([
      store.automations.findActiveByTrigger(WEBHOOK_TRIGGER),
      listeners.listenerOf(automationId),
    ]);
    const active = candidates.find((a) => a.id === automationId);
    if (active) {
      if (owners.size >= MAX_KNOWN_OWNERS) owners.clear();
      owners.set(automationId, active.userId);
      return { automation: active, listener };
    }
    // A draft answers only while it listens for its sample event.
    if (!listener || listener.until <= deps.clock.now().getTime()) return null;
    const draft = await store.automations.get(listener.ownerId, automationId);
    return draft?.trigger.type === WEBHOOK_TRIGGER ? { automation: draft, listener } : null;
  };

  const listens = (automation: Automation, listener: Found['listener']): boolean =>
    listener !== null && listener.ownerId === automation.userId && listener.until > deps.clock.now().getTime();

  const find = async (automationId: string): Promise<{ automation: Automation; listening: boolean } | null> => {
    // Taken before reading: a change committed during the read moves it, so that read is never kept.
    const mark = store.changeMark?.();
    let found: Found | null;
    const entry = mark === undefined ? undefined : kept.get(automationId);
    if (entry !== undefined && entry.mark === mark) {
      found = entry.found;
    } else {
      found = await read(automationId);
      if (mark !== undefined) {
        if (kept.size >= MAX_KNOWN_OWNERS) kept.clear();
        kept.set(automationId, { mark, found });
      }
    }
    if (!found) return null;
    // A listener's end passes without a write: checked on every call.
    const listening = listens(found.automation, found.listener);
    return found.automation.isActive || listening ? { automation: found.automation, listening } : null;
  };

  return async (call) => {
    // Refused before anything else, as a route validator would.
    const key = idempotencyKey(call);
    const client = call.client();
    options.guard(client);
    const { method, automationId } = call;
    const given = call.header('x-webhook-secret') ?? call.query('secret') ?? '';
    const found = await find(automationId);
    const config = (found?.automation.trigger.config ?? {}) as WebhookConfig;
    const secret = typeof config.secretRef === 'string' ? deps.secrets(config.secretRef) : undefined;
    if (!found || typeof secret !== 'string' || secret.length === 0 || !sameSecret(given, secret)) {
      options.recordFailure(client);
      // The same answer whether the automation is unknown or the secret is wrong: ids are not probed.
      throw new HttpError(401, 'bad_signature');
    }
    const { automation } = found;
    const methods = Array.isArray(config.methods) ? (config.methods as string[]) : DEFAULT_METHODS;
    if (!methods.includes(method)) {
      throw new HttpError(405, 'method_not_allowed', {
        params: { method, allowed: methods.join(', ') },
        headers: { Allow: methods.join(', ') },
      });
    }
    const hasBody = method !== 'GET' && method !== 'DELETE';
    const body = hasBody ? parseJsonText(await call.text()) : undefined;
    const query = call.queries();
    delete query.secret;
    const payload = {
      method,
      headers: pickHeaders(call),
      query,
      body: body ?? null,
      receivedAt: deps.clock.now().toISOString(),
    };
    if (found.listening && (await listeners.capture(automation.userId, automation.id, payload))) {
      return json(200, { kept: true });
    }
    if (!automation.isActive) throw new HttpError(401, 'bad_signature');

    const whenFinished = config.responseMode === 'when_finished';
    const started = await engine.startAutomation(automation.id, payload, {
      userId: automation.userId,
      automation,
      // Answered once the run ended: it is written by then (once, not at start and again at its end).
      write: whenFinished ? 'deferred' : undefined,
      idempotencyKey: key || undefined,
    });
    if (!whenFinished) {
      // Failures are in the run itself (and its log); the caller already has its answer.
      started.finished.catch((error: unknown) => logger.error('webhook run failed', { runId: started.run.id, error }));
      return json(202, accepted(started, started.run));
    }
    const timeoutMs = typeof config.responseTimeoutMs === 'number' ? config.responseTimeoutMs : DEFAULT_TIMEOUT_MS;
    const run = await withinTimeout(started.finished, timeoutMs);
    if (!run) {
      started.finished.catch((error: unknown) => logger.error('webhook run failed', { runId: started.run.id, error }));
      // The 202 promises a run that goes on: it is stored before the answer.
      await started.stored();
      return json(202, accepted(started, started.run));
    }
    return answerOf(started, run);
  };
}

/** A JSON answer, as hono's `c.json` writes it (its content type first, so given headers may override it). */
function json(status: number, value: unknown, headers: Record<string, string> = {}): WebhookAnswer {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** The 202 body: the run id and its status as stored. */
function accepted(started: StartedRun, run: AutomationRun): { runId: string; status: string; replayed?: boolean } {
  return { runId: run.id, status: run.status, ...(started.replayed ? { replayed: true } : {}) };
}

/**
 * A finished run's answer: the response the last `respond_webhook` step set, else the last step's output as
 * JSON; a run parked in a wait before answering gives 202, a failed one 500 with its run id.
 */
function answerOf(started: StartedRun, run: AutomationRun): WebhookAnswer {
  const ran = run.executionLog.filter((entry) => entry.status === 'success');
  const respond = ran.findLast((entry) => entry.nodeType === 'respond_webhook');
  const response = respond ? (run.outputs[respond.nodeId] as RespondOutput | undefined) : undefined;
  if (response) {
    // Copied, not spread: Node 20's V8 builds `{ ...headers, more }` through a slow runtime path.
    const headers: Record<string, string> = {};
    for (const name in response.headers) headers[name] = response.headers[name] as string;
    headers['content-type'] = response.contentType;
    headers['x-run-id'] = run.id;
    return { status: response.status, headers, body: response.body };
  }
  if (run.status === 'failed') {
    return json(500, { runId: run.id, status: run.status, error: run.errorCode ?? 'run_failed' });
  }
  if (run.status !== 'completed') return json(202, accepted(started, run));
  const last = ran.at(-1);
  const output = last ? (run.outputs[last.nodeId] ?? null) : { runId: run.id, status: run.status };
  return json(200, output, { 'x-run-id': run.id });
}

interface RespondOutput {
  status: number;
  headers: Record<string, string>;
  body: string;
  contentType: string;
}

/**
 * The run once finished, or null when `ms` pass first (the run goes on). One promise and two handlers, not an
 * async frame, a timeout promise and `Promise.race` (0.3 against 0.5-1 µs per call).
 */
function withinTimeout(finished: Promise<AutomationRun>, ms: number): Promise<AutomationRun | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms, null);
    timer.unref();
    finished.then(
      (run) => {
        clearTimeout(timer);
        resolve(run);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The `Idempotency-Key` header, checked against the route's documented schema (the route mounts no validators). */
function idempotencyKey(call: WebhookCall): string | undefined {
  const key = call.header('idempotency-key');
  if (key === undefined) return undefined;
  const checked = IdempotencyHeadersSchema.safeParse({ 'idempotency-key': key });
  if (!checked.success) throw invalidInput(checked.error, { 'idempotency-key': key });
  return key;
}

function pickHeaders(call: WebhookCall): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = call.header(name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
