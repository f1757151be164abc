import {
  AutomationRunSchema,
  type Automation,
  type AutomationRun,
  type NodeTypeDescriptor,
  type StepStats,
  type ValidationProblem,
} from '@swigs/automation-core';
import { z } from 'zod';

/** An email template as listed by the server. */
export interface EmailTemplateSummary {
  id: string;
  name: string;
  subject?: string;
  body?: string;
  preheader?: string;
  category?: string;
  availableVariables?: string[];
}

/** What the preview endpoint renders: the stored template, or unsaved edits of it. */
export interface EmailPreviewInput {
  /** Unsaved edits to render instead of the stored fields. */
  subject?: string;
  body?: string;
  preheader?: string;
  /** Variables to render with: `{ trigger, nodes }`. */
  data?: unknown;
  /** The trigger whose sample data the server may fall back to. */
  triggerType?: string;
}

/** A rendered email. */
export interface EmailPreview {
  subject: string;
  html: string;
  text?: string;
}

/** One simulated step of `POST /api/automations/:id/test` (dates as ISO strings or Dates). */
export interface TestTimelineEntry {
  nodeId: string;
  nodeType: string;
  at: string | Date;
  status: 'success' | 'failed' | 'skipped';
  branch?: string;
  output?: unknown;
  error?: string;
  waitUntil?: string | Date;
}

/** The dry run returned by the test endpoint (core `DryRunResult` as JSON). */
export interface TestResult {
  status: 'completed' | 'failed';
  timeline: TestTimelineEntry[];
  problems: { code: string; message: string; nodeId?: string }[];
  error?: string;
}

/** Figures of one step over a period (`GET /api/automations/:id/stats`): the store's figures as the server sends them. */
export type StepStatsEntry = StepStats;

/** What "test this step" answers (`POST /api/automations/:id/test-step`). */
export interface StepTestAnswer {
  nodeId: string;
  status: 'success' | 'failed';
  dryRun: boolean;
  input: { trigger: unknown; nodes: Record<string, unknown> };
  output?: unknown;
  branch?: string;
  error?: string;
}

/** A past run as lists show it (`GET /api/automations/:id/runs`). */
export interface RunSummary {
  id: string;
  status: string;
  createdAt: string;
  /** Titled from the trigger data by the server (« Commande 1042 · Zoé Favre »), when it can be. */
  title?: string;
}

/** What the element needs from a server. Implement it, or pass `{ baseUrl, token }` / `{ fetch }`. */
export interface BuilderClient {
  /** `GET /api/node-types`. */
  listNodeTypes(): Promise<NodeTypeDescriptor[]>;
  /** `GET /api/email-templates`. */
  listEmailTemplates(): Promise<EmailTemplateSummary[]>;
  /** `POST /api/email-templates/:id/preview`. */
  previewEmailTemplate(id: string, input: EmailPreviewInput): Promise<EmailPreview>;
  /** `PUT /api/email-templates/:id` with the whole template (optional). */
  saveEmailTemplate?(id: string, template: Partial<EmailTemplateSummary> & Record<string, unknown>): Promise<void>;
  /** `POST /api/automations/:id/test`. */
  testAutomation(id: string, input: { automation: Automation; sampleData?: unknown }): Promise<TestResult>;
  /**
   * `POST /api/automations/validate` (optional): every rule of a save, node hooks included (unknown template
   * variables...), which the browser alone cannot run. The element asks it shortly after each edit.
   */
  validateAutomation?(automation: Automation): Promise<ValidationProblem[]>;
  /** `GET /api/automations/:id/stats?since=` (optional): per-step figures of the displayed version. */
  getStepStats?(id: string, since: '7d' | '30d' | '90d'): Promise<StepStatsEntry[]>;
  /** `GET /api/automations/:id/runs?limit=` (optional): its latest runs, newest first, to use one's data. */
  listRuns?(id: string, limit?: number): Promise<RunSummary[]>;
  /** `GET /api/automation-runs/:id` (optional): a run with its trigger data, outputs and log. */
  getRun?(runId: string): Promise<AutomationRun>;
  /** `POST /api/automations/:id/test-step` (optional): one step on its input, dry. */
  testStep?(
    id: string,
    input: { nodeId: string; automation: Automation; data?: unknown; runId?: string },
  ): Promise<StepTestAnswer>;
}

/** Options of `createBuilderClient`. */
export interface BuilderClientOptions {
  /** Origin (and optional path prefix) of the API: `https://workflow.swigs.ch`. Default: same origin. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** A fetch-like function (an authenticated fetch, a test double of the network). Default `globalThis.fetch`. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

/** A request to the API failed (non-2xx status or an unexpected body). */
export class BuilderClientError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'BuilderClientError';
  }
}

/** Creates a `BuilderClient` speaking the swigs-workflow REST API. */
export function createBuilderClient(options: BuilderClientOptions = {}): BuilderClient {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
  const request = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await doFetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const message =
        (json as { error?: { message?: string }; message?: string } | undefined)?.error?.message ??
        (json as { message?: string } | undefined)?.message ??
        text;
      throw new BuilderClientError(`${method} ${path}: ${response.status} ${message}`.trim(), response.status);
    }
    return json;
  };
  return {
    async listNodeTypes() {
      return parse(
        NodeTypesResponse,
        await request('GET', '/api/node-types'),
        'GET /api/node-types',
      ) as NodeTypeDescriptor[];
    },
    async listEmailTemplates() {
      return parse(TemplatesResponse, await request('GET', '/api/email-templates'), 'GET /api/email-templates');
    },
    async previewEmailTemplate(id, input) {
      const path = `/api/email-templates/${encodeURIComponent(id)}/preview`;
      return parse(PreviewResponse, await request('POST', path, input), `POST ${path}`);
    },
    async saveEmailTemplate(id, template) {
      const { id: _id, userId: _user, createdAt: _created, updatedAt: _updated, ...body } = template;
      await request('PUT', `/api/email-templates/${encodeURIComponent(id)}`, body);
    },
    async testAutomation(id, input) {
      const path = `/api/automations/${encodeURIComponent(id)}/test`;
      return parse(TestResponse, await request('POST', path, input), `POST ${path}`) as TestResult;
    },
    async getStepStats(id, since) {
      const path = `/api/automations/${encodeURIComponent(id)}/stats?since=${since}`;
      return parse(StatsResponse, await request('GET', path), `GET ${path}`).steps;
    },
    async listRuns(id, limit = 20) {
      const path = `/api/automations/${encodeURIComponent(id)}/runs?limit=${limit}`;
      return parse(RunsResponse, await request('GET', path), `GET ${path}`).items as RunSummary[];
    },
    async getRun(runId) {
      const path = `/api/automation-runs/${encodeURIComponent(runId)}`;
      return parse(AutomationRunSchema, await request('GET', path), `GET ${path}`);
    },
    async testStep(id, input) {
      const path = `/api/automations/${encodeURIComponent(id)}/test-step`;
      const { automation, ...rest } = input;
      const body = { ...rest, automation: { nodes: automation.nodes, trigger: automation.trigger } };
      return parse(StepTestResponse, await request('POST', path, body), `POST ${path}`) as StepTestAnswer;
    },
    async validateAutomation(automation) {
      const path = '/api/automations/validate';
      return parse(ValidateResponse, await request('POST', path, automation), `POST ${path}`)
        .problems as ValidationProblem[];
    },
  };
}

/** Accepts a `BuilderClient`, `{ baseUrl, token, fetch }`, or nothing with an `api-base`. */
export function resolveClient(
  client: BuilderClient | BuilderClientOptions | null | undefined,
  apiBase: string | null | undefined,
): BuilderClient | undefined {
  if (client && typeof (client as BuilderClient).listNodeTypes === 'function') return client as BuilderClient;
  if (client) return createBuilderClient({ baseUrl: apiBase ?? undefined, ...(client as BuilderClientOptions) });
  if (apiBase !== null && apiBase !== undefined) return createBuilderClient({ baseUrl: apiBase });
  return undefined;
}

const Descriptor = z.looseObject({
  type: z.string().min(1),
  kind: z.enum(['trigger', 'action', 'condition', 'wait']),
  version: z.number(),
  title: z.object({ fr: z.string(), en: z.string() }),
  description: z.object({ fr: z.string(), en: z.string() }).optional(),
  category: z.string().optional(),
  outputs: z.array(z.string()),
  configJsonSchema: z.record(z.string(), z.unknown()),
  sampleOutput: z.unknown().optional(),
  templateFields: z.array(z.string()).optional(),
});

/** Bare arrays, or arrays wrapped in `{ items }`, `{ data }` or a named key. */
const listOf = <T extends z.ZodType>(item: T, key: string) =>
  z.union([
    z.array(item),
    z.object({ [key]: z.array(item) }).transform((v) => v[key] as z.output<T>[]),
    z.object({ items: z.array(item) }).transform((v) => v.items),
    z.object({ data: z.array(item) }).transform((v) => v.data),
  ]);

/** The catalogue response: a list of node type descriptors, bare or wrapped. */
export const NodeTypesResponse = listOf(Descriptor, 'nodeTypes');

const Template = z.looseObject({
  id: z.string(),
  name: z.string(),
  subject: z.string().optional(),
  body: z.string().optional(),
  preheader: z.string().optional(),
  category: z.string().optional(),
  availableVariables: z.array(z.string()).optional(),
});
const TemplatesResponse = listOf(Template, 'templates');

const Preview = z.object({ subject: z.string(), html: z.string(), text: z.string().optional() });
const PreviewResponse = z.union([Preview, z.object({ preview: Preview }).transform((v) => v.preview)]);

const TimelineEntry = z.looseObject({
  nodeId: z.string(),
  nodeType: z.string(),
  at: z.union([z.string(), z.date()]),
  status: z.enum(['success', 'failed', 'skipped']),
  branch: z.string().optional(),
  output: z.unknown().optional(),
  error: z.string().optional(),
  waitUntil: z.union([z.string(), z.date()]).optional(),
});
const Result = z.looseObject({
  status: z.enum(['completed', 'failed']),
  timeline: z.array(TimelineEntry),
  problems: z
    .array(z.looseObject({ code: z.string(), message: z.string(), nodeId: z.string().optional() }))
    .default([]),
  error: z.string().optional(),
});
const TestResponse = z.union([Result, z.object({ result: Result }).transform((v) => v.result)]);

const count = z.number().int().nonnegative();
const StatsResponse = z.looseObject({
  steps: z.array(
    z.looseObject({
      nodeId: z.string(),
      reached: count,
      waiting: count,
      succeeded: count,
      failed: count,
      sent: count.optional(),
    }),
  ),
});
const RunsResponse = z.looseObject({
  items: z.array(
    z.looseObject({ id: z.string(), status: z.string(), createdAt: z.string(), title: z.string().optional() }),
  ),
});
const StepTestResponse = z.looseObject({
  nodeId: z.string(),
  status: z.enum(['success', 'failed']),
  dryRun: z.boolean(),
  input: z.looseObject({ trigger: z.unknown(), nodes: z.record(z.string(), z.unknown()).default({}) }),
  output: z.unknown().optional(),
  branch: z.string().optional(),
  error: z.string().optional(),
});

const Problem = z.looseObject({
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).default([]),
  nodeId: z.string().optional(),
});
const ValidateResponse = z.object({ problems: z.array(Problem) });

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new BuilderClientError(`${what}: unexpected response (${result.error.issues[0]?.message ?? 'invalid'})`);
  return result.data;
}
