import type { ValidationProblem } from '../errors/errors';
import type { DryRunResult } from '../engine/types';
import type { Automation } from '../model/automation';
import type { EmailTemplate } from '../model/email-template';
import type { AutomationRun } from '../model/run';
import type { NodeTypeDescriptor } from '../node/types';

/**
 * How a value reads once sent as JSON and parsed back: every `Date` becomes its ISO string, everything else keeps
 * its shape. The API answers of a server speaking core's models are `Jsonified` models.
 */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Jsonified<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonified<T[Key]> }
      : T;

/** An automation as the API answers it, with the problems that block or warn (every answer carries them). */
export type AutomationResponse = Jsonified<Automation> & { problems: ValidationProblem[] };

/** Every paged list (`GET /api/automations`, `GET /api/automation-runs`...). */
export interface PageResponse<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A run as the API answers it (`GET /api/automation-runs/:id`). */
export type RunResponse = Jsonified<AutomationRun>;

/** A dry run as the API answers it (`POST /api/automations/:id/test`). */
export type DryRunResponse = Jsonified<DryRunResult>;

/** An email template as the API answers it. */
export type EmailTemplateResponse = Jsonified<EmailTemplate>;

/** The node catalogue (`GET /api/node-types`). */
export interface NodeTypesResponse {
  items: NodeTypeDescriptor[];
}

/** Every error answer: a readable `error`, a stable `code`, and the issues by field path. */
export interface ErrorResponse {
  error: string;
  code: string;
  /** `params` carries what a problem is about, e.g. a template problem's `line` and `column`. */
  issues: {
    path: (string | number)[];
    message: string;
    code?: string;
    nodeId?: string;
    params?: Record<string, unknown>;
  }[];
}

/** "Listen for the next event" (`/api/automations/:id/listen`): armed until `until`, off once the event came. */
export interface ListenStateResponse {
  listening: boolean;
  until?: string;
}

/** The answer of a webhook in `immediately` mode, or of a `when_finished` one past its timeout. */
export interface WebhookAcceptedResponse {
  runId: string;
  status: string;
  /** True when an earlier call with the same `Idempotency-Key` started this run. */
  replayed?: boolean;
}

/** The template helpers (`GET /api/template-helpers`), each with its description in French and English. */
export interface TemplateHelpersResponse {
  items: {
    name: string;
    description: { fr: string; en: string };
    example: string;
    /** What `example` renders to with the example data. */
    result?: string;
  }[];
  /** Where the data is: `trigger.` for the trigger's data, `nodes.<id>.` for each step's output. */
  variables: { fr: string; en: string };
}
