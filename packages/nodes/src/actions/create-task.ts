import { request } from 'undici';
import { z } from 'zod';
import { AdapterError, defineNode, NonRetriableError, RetryAfterError } from '@swigs/automation-core';
import '../ports';
import { parseRetryAfter } from '../shared/retry-after';
import { addLocalDays, zonedParts } from '../shared/zoned-time';
import { renderField, validateTemplateFields } from '../shared/templating';

/** Config of `create_task`; text fields are templates. `dueDate` (YYYY-MM-DD) or `dueInDays` from now (Zurich). */
export const CreateTaskConfigSchema = z.object({
  title: z.string().min(1).max(500),
  description: z.string().max(20_000).optional(),
  /** A swigs-task user id or e-mail. */
  assignee: z.string().max(200).optional(),
  dueDate: z.string().max(100).optional(),
  dueInDays: z.number().int().min(0).max(3650).optional(),
});

const TEMPLATE_FIELDS = ['title', 'description', 'assignee', 'dueDate'] as const;

export interface CreateTaskOutput {
  taskId: string;
  /** True when swigs-task already had a task for this step (same `externalRef`). */
  duplicate?: boolean;
  dryRun?: true;
  task?: Record<string, unknown>;
}

/**
 * Creates a task in swigs-task: `POST {ports.tasks.baseUrl}/api/tasks` with a Bearer service token and
 * `{ title, description, assignee, dueDate, externalRef }`, `externalRef` being the step's idempotency key.
 */
export const createTask = defineNode({
  type: 'create_task',
  kind: 'action',
  version: 1,
  category: 'integrations',
  title: { fr: 'Créer une tâche', en: 'Create a task' },
  description: { fr: 'Crée une tâche dans swigs-task.', en: 'Creates a task in swigs-task.' },
  configSchema: CreateTaskConfigSchema,
  templateFields: TEMPLATE_FIELDS,
  retry: { retries: 3, minTimeoutMs: 1000, factor: 2 },
  sampleOutput: { taskId: 'tsk_9001' } satisfies CreateTaskOutput,
  validate: ({ config, variables }) => validateTemplateFields(config, TEMPLATE_FIELDS, variables),
  async execute(ctx): Promise<{ output: CreateTaskOutput }> {
    const { config } = ctx;
    const title = renderField(ctx, config.title).trim();
    if (title === '') throw new NonRetriableError('create_task: title rendered empty');
    const description = config.description !== undefined ? renderField(ctx, config.description) : undefined;
    const assignee = config.assignee !== undefined ? renderField(ctx, config.assignee).trim() || undefined : undefined;
    const dueDate = resolveDueDate(ctx.clock.now(), config.dueDate !== undefined ? renderField(ctx, config.dueDate).trim() : undefined, config.dueInDays);
    const task = {
      title,
      ...(description !== undefined ? { description } : {}),
      ...(assignee !== undefined ? { assignee } : {}),
      ...(dueDate !== undefined ? { dueDate } : {}),
      externalRef: ctx.idempotencyKey,
    };
    if (ctx.dryRun) return { output: { taskId: '', dryRun: true, task } };
    const api = ctx.ports.tasks;
    if (!api) throw new NonRetriableError('create_task: swigs-task is not configured (ports.tasks)');
    const url = `${api.baseUrl.replace(/\/+$/, '')}/api/tasks`;
    let response;
    try {
      response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}`, 'idempotency-key': ctx.idempotencyKey },
        body: JSON.stringify(task),
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
        signal: ctx.signal,
      });
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      throw new AdapterError('swigs-task', `create_task: swigs-task unreachable: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.body.text();
    const status = response.statusCode;
    const json = safeJson(text);
    if (status === 409) {
      const existing = taskIdOf(json);
      if (existing) return { output: { taskId: existing, duplicate: true } };
    }
    if (status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], ctx.clock.now().getTime());
      const reason = `create_task: swigs-task answered ${status}`;
      if (retryAfterMs !== null) throw new RetryAfterError(reason, retryAfterMs);
      throw new AdapterError('swigs-task', reason, { details: { status } });
    }
    if (status === 401 || status === 403) throw new NonRetriableError(`create_task: swigs-task refused the service token (${status})`);
    if (status >= 400) throw new NonRetriableError(`create_task: swigs-task refused the task (${status}): ${text.slice(0, 300)}`);
    const taskId = taskIdOf(json);
    if (!taskId) throw new AdapterError('swigs-task', 'create_task: swigs-task answered without a task id');
    return { output: { taskId } };
  },
});

function resolveDueDate(now: Date, dueDate: string | undefined, dueInDays: number | undefined): string | undefined {
  if (dueDate) {
    if (!/^\d{4}-\d{2}-\d{2}/.test(dueDate) || Number.isNaN(Date.parse(dueDate))) {
      throw new NonRetriableError(`create_task: dueDate "${dueDate}" is not a date (YYYY-MM-DD)`);
    }
    return dueDate.slice(0, 10);
  }
  if (dueInDays === undefined) return undefined;
  const d = addLocalDays(zonedParts(now, 'Europe/Zurich'), dueInDays);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function taskIdOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  const nested = typeof record.task === 'object' && record.task !== null ? (record.task as Record<string, unknown>) : undefined;
  const id = record.id ?? record._id ?? nested?.id ?? nested?._id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
