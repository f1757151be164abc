import type { AttachmentPort } from '../ports/attachments';
import type { z } from 'zod';
import type { Clock } from '../ports/clock';
import type { HttpPort } from '../ports/http';
import type { Logger } from '../ports/logger';
import type { MailPort } from '../ports/mail';
import type { RecordPort } from '../ports/records';
import type { SmsPort } from '../ports/sms';
import type { DocumentStore } from '../ports/document-store';
import type { TaskPort } from '../ports/tasks';
import type { TemplatePort } from '../ports/templates';

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
  /** Tenant-scoped documents (suppressions for `send_email`); by default the engine's store when it has documents. */
  documents?: DocumentStore;
  /** Stored email templates (`send_email`); by default the `emailtemplates` collection of `documents`. */
  templates?: TemplatePort;
  mail?: MailPort;
  sms?: SmsPort;
  records?: RecordPort;
  /** Documents `send_email` can attach (`attachments: [{ kind, id }]`), fed by the host. */
  attachments?: AttachmentPort;
  /** Outbound HTTP (`webhook`), with the SSRF guard and its allow-list. */
  http?: HttpPort;
  /** The task service (`create_task`). */
  tasks?: TaskPort;
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

/**
 * A trigger that starts a while after another event (`time.delay`: "3 days after `order.delivered`"). The engine
 * starts its run when the source event fires, parked until `startAt`, with the source event's payload.
 */
export interface TriggerDelay<Config = unknown> {
  /** The event type whose occurrences start this trigger, e.g. `order.delivered`. */
  sourceEvent(config: Config): string;
  /** When the run starts for a source event received at `now`; at or before `now` starts it at once. */
  startAt(ctx: { config: Config; payload: unknown; now: Date }): Date;
}

/** Languages of problem messages and labels. */
export type Lang = 'fr' | 'en';

/** What a node's `validate` hook receives. */
export interface NodeValidateContext<Config = unknown> {
  config: Config;
  /** Every variable path listed for this step (`trigger.order.total`, `nodes.t.ref`, lists as `.0`). */
  variables: ReadonlySet<string>;
  /**
   * Whether this step can read `path`: a listed variable or one of its ancestors, any path below an open part
   * (`trigger.body.anything`), any list index (`trigger.items.3.sku`), a list's `length`. Prefer it to `variables`.
   */
  isKnown(path: string): boolean;
  /** The automation's trigger, for checks that depend on it (null when it is missing or unknown). */
  trigger: { type: string; config: unknown } | null;
  /** The steps that can run before this one (a trigger's hook gets none), for checks that depend on the path. */
  upstream: readonly UpstreamStep[];
}

/** A step that can run before the one a hook checks. */
export interface UpstreamStep {
  id: string;
  type: string;
  kind: NodeKind;
}

/** What a node's `validateAsync` hook receives: the sync context plus the engine's ports and the tenant. */
export interface NodeAsyncValidateContext<Config = unknown> extends NodeValidateContext<Config> {
  ports: Ports;
  userId: string;
}

/**
 * A problem a node's hook reports; `path` is relative to the node's config. `message` is English text for
 * developers; people read the text of `code` in the node's `messages` (or core's), filled from `params`.
 */
export interface NodeConfigProblem {
  path: (string | number)[];
  message: string;
  code?: string;
  params?: Record<string, unknown>;
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
  /**
   * The declared output (for triggers: the payload), from which validation and the builder learn what later
   * steps can read. Parts the node cannot know are open (`openValue()`, `openRecord()`): any path below them is
   * accepted. A function derives the shape from the config (a transform's fields). Without it, the paths of
   * `sampleOutput` are the output, closed.
   */
  outputSchema?: z.ZodType | ((config: z.output<Schema>) => z.ZodType);
  /** Example of `output` (for triggers: the payload), for the builder's variables and dry runs. */
  sampleOutput?: Output;
  /**
   * Texts of the problem codes the node's hooks report, in French and English; `{name}` is filled from the
   * problem's `params`. Core prefixes the step's name: « Étape « E-mail Avis » : … ».
   */
  messages?: Readonly<Record<string, LocalizedText>>;
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
  /**
   * Checks that read the host through the ports (a stored template exists for this tenant, mail settings...),
   * run by `engine.validateAsync` (saves), never in the browser.
   */
  validateAsync?: (ctx: NodeAsyncValidateContext<z.output<Schema>>) => Promise<NodeConfigProblem[]>;
  /** Triggers only: whether an event payload starts a run (siteId, statusFilter, from/to...). */
  matches?: (ctx: TriggerMatchContext<z.output<Schema>>) => boolean;
  /** Triggers only: start a while after another event (see `TriggerDelay`). */
  delay?: TriggerDelay<z.output<Schema>>;
  /** Required for actions, conditions and waits. */
  execute?: (ctx: NodeContext<z.output<Schema>>) => Promise<NodeResult<Output>> | NodeResult<Output>;
}

/** A frozen, checked node plugin. */
export interface NodeDefinition<Schema extends z.ZodType = z.ZodType, Output = unknown>
  extends Readonly<
      Required<
        Pick<NodeDefinitionInput<Schema, Output>, 'type' | 'kind' | 'version' | 'title' | 'configSchema' | 'outputs'>
      >
    >,
    Readonly<
      Omit<NodeDefinitionInput<Schema, Output>, 'type' | 'kind' | 'version' | 'title' | 'configSchema' | 'outputs'>
    > {
  /**
   * JSON Schema of the output shape: of a static `outputSchema` (set by `defineNode`), or given as is by a
   * definition rebuilt from a descriptor (the builder). A config-derived output is open here.
   */
  readonly outputJsonSchema?: Record<string, unknown>;
}

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
  /**
   * JSON Schema of the output (the payload, for triggers). Open parts are `"x-swigs-open": true` (objects with
   * `additionalProperties`); an output derived from the config is open here, `"x-swigs-from-config": true` (the
   * server's `POST /api/automations/validate` answers its exact `variables`).
   */
  outputJsonSchema?: Record<string, unknown>;
  sampleOutput?: unknown;
  templateFields?: readonly string[];
  /** Texts of the node's problem codes (see `NodeDefinitionInput.messages`). */
  messages?: Readonly<Record<string, LocalizedText>>;
}

/** Node definitions by type. */
export interface Registry {
  get(type: string): NodeDefinition | undefined;
  has(type: string): boolean;
  list(): NodeDefinition[];
  /** The catalogue for the builder, JSON Schemas included. */
  describe(): NodeTypeDescriptor[];
}
