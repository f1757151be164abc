import type { z } from 'zod';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { MailPort } from '../ports/mail';
import type { RecordPort } from '../ports/records';
import type { SmsPort } from '../ports/sms';
import type { Store } from '../ports/store';

export const NodeKind = {
  Trigger: 'trigger',
  Action: 'action',
  Condition: 'condition',
  Wait: 'wait',
} as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

export interface LocalizedText {
  fr: string;
  en: string;
}

/**
 * Ports handed to nodes. Packages add their own by declaration merging:
 * @example
 * declare module '@swigs/automation-core' { interface Ports { tasks?: TaskApi } }
 */
export interface Ports {
  store: Store;
  mail?: MailPort;
  sms?: SmsPort;
  records?: RecordPort;
  /** Outbound HTTP policy: hosts exempt from the SSRF guard. */
  http?: { allowedHosts?: readonly string[] };
}

/** Data a node can read: the trigger payload and earlier nodes' outputs. */
export interface RunData {
  trigger: unknown;
  nodes: Record<string, unknown>;
}

/** What `execute` receives. */
export interface NodeContext<Config = unknown> {
  /** Validated against the node's `configSchema`. */
  config: Config;
  data: RunData;
  node: { id: string; type: string };
  run: { id: string; automationId: string; userId: string; attempt: number };
  automation: { id: string; name: string; version: number };
  /** `<runId>:<nodeId>`: the same on every retry of this step; pass it to every side effect. */
  idempotencyKey: string;
  ports: Ports;
  clock: Clock;
  signal: AbortSignal;
  logger: Logger;
  /** True in `testAutomation`: cause no side effect, return what would be done. */
  dryRun: boolean;
}

/** What `execute` returns. */
export interface NodeResult<Output = unknown> {
  /** Stored as `nodes.<id>` for later nodes and in the execution log. */
  output?: Output;
  /** For condition nodes: the output taken (`'true'`/`'false'`). */
  branch?: string;
  /** For wait nodes: park the run until this instant. */
  waitUntil?: Date;
}

/** What a trigger's `matches` receives to decide whether an event starts a run. */
export interface TriggerMatchContext<Config = unknown> {
  config: Config;
  payload: unknown;
}

/** What a node's `validate` hook receives. */
export interface NodeValidateContext<Config = unknown> {
  config: Config;
  variables: ReadonlySet<string>;
}

/** A problem a node's `validate` hook reports; `path` is relative to the node's config. */
export interface NodeConfigProblem {
  path: (string | number)[];
  message: string;
  code?: string;
}

export interface NodeRetryPolicy {
  /** Retries after the first attempt (default 2, so 3 attempts). */
  retries?: number;
  minTimeoutMs?: number;
  maxTimeoutMs?: number;
  factor?: number;
}

/** A node plugin, as written by its author and passed to `defineNode`. */
export interface NodeDefinitionInput<Schema extends z.ZodType = z.ZodType, Output = unknown> {
  /** Unique, dotted or snake case: `order.paid`, `send_email`. */
  type: string;
  kind: NodeKind;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  /** Palette grouping, e.g. `cms`, `email`, `flow`. */
  category?: string;
  configSchema: Schema;
  /** Output names. Condition nodes have exactly `['true', 'false']`; others `['default']`, triggers too. */
  outputs?: readonly string[];
  /** Example of `output` (for triggers: the payload), for the builder's variables and dry runs. */
  sampleOutput?: Output;
  /** Config fields holding Handlebars templates, checked against upstream variables by validation. */
  templateFields?: readonly string[];
  retry?: NodeRetryPolicy | false;
  /** Per-attempt timeout; the signal aborts past it. */
  timeoutMs?: number;
  /**
   * Set false when `execute` only computes from its input (no messages, no writes, no calls that change
   * anything): the executor then saves its result with the run's next checkpoint instead of one of its own, and
   * after a crash simply runs it again. Default true: every other node's result is written before the run goes on.
   */
  sideEffects?: boolean;
  /**
   * Checks beyond the schema, run by `validateAutomation` (template syntax, unknown variables...).
   * `variables` holds every dot path available to this node: `trigger.*` from the trigger's sampleOutput and
   * `nodes.<id>.*` from upstream nodes' sampleOutput.
   */
  validate?: (ctx: NodeValidateContext<z.output<Schema>>) => NodeConfigProblem[];
  /** Triggers only: whether an event payload starts a run (siteId, statusFilter, from/to...). */
  matches?: (ctx: TriggerMatchContext<z.output<Schema>>) => boolean;
  /** Required for actions, conditions and waits. */
  execute?: (ctx: NodeContext<z.output<Schema>>) => Promise<NodeResult<Output>> | NodeResult<Output>;
}

/** A frozen, checked node plugin. */
export interface NodeDefinition<Schema extends z.ZodType = z.ZodType, Output = unknown>
  extends Readonly<Required<Pick<NodeDefinitionInput<Schema, Output>, 'type' | 'kind' | 'version' | 'title' | 'configSchema' | 'outputs'>>>,
    Readonly<Omit<NodeDefinitionInput<Schema, Output>, 'type' | 'kind' | 'version' | 'title' | 'configSchema' | 'outputs'>> {}

/** A node type as the builder sees it (`GET /api/node-types`). */
export interface NodeTypeDescriptor {
  type: string;
  kind: NodeKind;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  category?: string;
  outputs: readonly string[];
  /** `z.toJSONSchema(configSchema)`. */
  configJsonSchema: Record<string, unknown>;
  sampleOutput?: unknown;
  templateFields?: readonly string[];
}

/** Node definitions by type. */
export interface Registry {
  get(type: string): NodeDefinition | undefined;
  has(type: string): boolean;
  list(): NodeDefinition[];
  /** The catalogue for the builder, JSON Schemas included. */
  describe(): NodeTypeDescriptor[];
}
