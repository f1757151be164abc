/** A task as `create_task` hands it to the task service. */
export interface TaskInput {
  title: string;
  description?: string;
  /** A user id or e-mail of the task service. */
  assignee?: string;
  /** `YYYY-MM-DD`. */
  dueDate?: string;
}

export interface TaskCreateOptions {
  /** The step's idempotency key: the same task is created once per key. */
  idempotencyKey: string;
  /** Tenant the task belongs to. */
  userId: string;
  signal?: AbortSignal;
}

/** Creates tasks in a task service (`ports.tasks`). Adapter: `createSwigsTaskClient` (swigs-task). */
export interface TaskPort {
  readonly name: string;
  /** `duplicate` is true when the service already had the task of this idempotency key. */
  create(task: TaskInput, options: TaskCreateOptions): Promise<{ taskId: string; duplicate?: boolean }>;
  /** Safe to call twice. */
  close(): Promise<void>;
}
