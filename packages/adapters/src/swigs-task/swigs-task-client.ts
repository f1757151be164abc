import { z } from 'zod';
import {
  AdapterError,
  type HttpPort,
  type HttpResponse,
  NonRetriableError,
  parseRetryAfter,
  RetryAfterError,
  type TaskPort,
} from '@swigs/automation-core';
import { createHttpClient } from '../http/http-client';
import { parseOptions } from '../shared/parse-options';

export const SwigsTaskClientOptionsSchema = z.object({
  /** swigs-task's origin, e.g. `https://task.swigs.ch`; tasks are posted to `<baseUrl>/api/tasks`. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Service token, sent as `Authorization: Bearer <token>`; never logged. */
  token: z.string().min(1),
  timeoutMs: z.number().int().positive().default(15_000),
  /** The HTTP port to call through. Default: an own client that allows swigs-task's host (it is configured, not user input). */
  http: z.custom<HttpPort>((value) => typeof (value as HttpPort | undefined)?.request === 'function').optional(),
  /** Read at each request for Retry-After dates. Default the wall clock. */
  now: z.custom<() => number>((value) => typeof value === 'function').optional(),
});

export type SwigsTaskClientOptions = z.input<typeof SwigsTaskClientOptionsSchema>;

/**
 * A `TaskPort` for swigs-task: `POST <baseUrl>/api/tasks` with `{ title, description, assignee, dueDate, externalRef }`,
 * `externalRef` being the idempotency key; a `409` naming the existing task counts as done (`duplicate`).
 * 429/5xx are retriable (honouring Retry-After); a refused token and other 4xx are not.
 * @example
 * const tasks = createSwigsTaskClient({ baseUrl: process.env.TASK_API_URL, token: process.env.TASK_SERVICE_TOKEN });
 */
export function createSwigsTaskClient(options: SwigsTaskClientOptions): TaskPort {
  const config = parseOptions(SwigsTaskClientOptionsSchema, options, 'swigs-task client');
  const url = `${config.baseUrl.replace(/\/+$/, '')}/api/tasks`;
  const owned = config.http === undefined;
  const http = config.http ?? createHttpClient({ allowedHosts: [new URL(url).host] });
  const now = config.now ?? Date.now;
  return {
    name: 'swigs-task',
    async create(task, { idempotencyKey, signal }) {
      let response: HttpResponse;
      try {
        response = await http.request({
          method: 'POST',
          url,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${config.token}`,
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify({ ...task, externalRef: idempotencyKey }),
          timeoutMs: config.timeoutMs,
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new AdapterError('swigs-task', `swigs-task unreachable: ${(error as Error).message}`, { cause: error });
      }
      const { status, body } = response;
      const json = safeJson(body);
      if (status === 409) {
        const existing = taskIdOf(json);
        if (existing) return { taskId: existing, duplicate: true };
      }
      if (status === 429 || status >= 500) {
        const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now());
        const reason = `swigs-task answered ${status}`;
        if (retryAfterMs !== null) throw new RetryAfterError(reason, retryAfterMs);
        throw new AdapterError('swigs-task', reason, { details: { status } });
      }
      if (status === 401 || status === 403)
        throw new NonRetriableError(`swigs-task refused the service token (${status})`);
      if (status >= 400) throw new NonRetriableError(`swigs-task refused the task (${status}): ${body.slice(0, 300)}`);
      const taskId = taskIdOf(json);
      if (!taskId) throw new AdapterError('swigs-task', 'swigs-task answered without a task id');
      return { taskId };
    },
    async close() {
      if (owned) await http.close();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** swigs-task answers `{ id }`, `{ _id }` or `{ task: { id } }`. */
function taskIdOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  const nested =
    typeof record.task === 'object' && record.task !== null ? (record.task as Record<string, unknown>) : undefined;
  const id = record.id ?? record._id ?? nested?.id ?? nested?._id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
