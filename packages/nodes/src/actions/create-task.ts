import { z } from 'zod';
import { DEFAULT_TIME_ZONE, defineNode, NonRetriableError, openRecord, type TaskInput } from '@swigs/automation-core';
import { label } from '../shared/labels';
import { TEMPLATE_PROBLEM_TEXTS } from '../templates/validate-template';
import { addLocalDays, zonedParts } from '../shared/zoned-time';
import { renderField, validateTemplateFields } from '../shared/templating';

/** Config of `create_task`; text fields are templates. `dueDate` (YYYY-MM-DD) or `dueInDays` from now (Zurich). */
export const CreateTaskConfigSchema = z.object({
  title: z.string().min(1).max(500).meta(label('Titre de la tâche', 'Task title')),
  description: z.string().max(20_000).optional().meta(label('Description', 'Description')),
  /** A swigs-task user id or e-mail. */
  assignee: z.string().max(200).optional().meta(label('Responsable', 'Assignee')),
  dueDate: z.string().max(100).optional().meta(label('Échéance (AAAA-MM-JJ)', 'Due date (YYYY-MM-DD)')),
  dueInDays: z.number().int().min(0).max(3650).optional().meta(label('Échéance dans (jours)', 'Due in (days)')),
});

/** What `create_task` outputs. */
const CreateTaskOutputSchema = z.object({
  taskId: z.string().meta(label('Identifiant de la tâche', 'Task id')),
  duplicate: z.boolean().optional(),
  dryRun: z.literal(true).optional(),
  task: openRecord().optional(),
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
 * Creates a task through `ports.tasks` (swigs-task: `createSwigsTaskClient` in `@swigs/automation-adapters/swigs-task`),
 * the step's idempotency key identifying it, so a retried step finds the task it created.
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
  outputSchema: CreateTaskOutputSchema,
  sampleOutput: { taskId: 'tsk_9001' } satisfies CreateTaskOutput,
  messages: TEMPLATE_PROBLEM_TEXTS,
  validate: ({ config, isKnown }) => validateTemplateFields(config, TEMPLATE_FIELDS, isKnown),
  async execute(ctx): Promise<{ output: CreateTaskOutput }> {
    const { config } = ctx;
    const title = renderField(ctx, config.title).trim();
    if (title === '') throw new NonRetriableError('create_task: title rendered empty');
    const description = config.description !== undefined ? renderField(ctx, config.description) : undefined;
    const assignee = config.assignee !== undefined ? renderField(ctx, config.assignee).trim() || undefined : undefined;
    const dueDate = resolveDueDate(
      ctx.clock.now(),
      config.dueDate !== undefined ? renderField(ctx, config.dueDate).trim() : undefined,
      config.dueInDays,
    );
    const input: TaskInput = {
      title,
      ...(description !== undefined ? { description } : {}),
      ...(assignee !== undefined ? { assignee } : {}),
      ...(dueDate !== undefined ? { dueDate } : {}),
    };
    if (ctx.dryRun)
      return { output: { taskId: '', dryRun: true, task: { ...input, externalRef: ctx.idempotencyKey } } };
    const tasks = ctx.ports.tasks;
    if (!tasks) throw new NonRetriableError('create_task: no task service configured (ports.tasks)');
    try {
      const created = await tasks.create(input, {
        idempotencyKey: ctx.idempotencyKey,
        userId: ctx.run.userId,
        signal: ctx.signal,
      });
      return { output: created.duplicate ? { taskId: created.taskId, duplicate: true } : { taskId: created.taskId } };
    } catch (error) {
      // The port's errors keep their code (retriable or not); the message says which step met them.
      if (error instanceof Error && !ctx.signal.aborted) error.message = `create_task: ${error.message}`;
      throw error;
    }
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
  const d = addLocalDays(zonedParts(now, DEFAULT_TIME_ZONE), dueInDays);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
