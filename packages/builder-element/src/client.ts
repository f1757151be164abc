import type {
  Automation,
  AutomationRun,
  NodeTypeDescriptor,
  StepStats,
  ValidationProblem,
} from '@swigs/automation-core/graph';
import {
  readListen,
  readNodeTypes,
  readPreview,
  readRun,
  readRuns,
  readSample,
  readStats,
  readStepTest,
  readTemplates,
  readTestResult,
  readValidation,
  type Reader,
} from './client-responses';

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

/** A "listen for the next event" listener (`/api/automations/:id/listen`). */
export interface ListenAnswer {
  listening: boolean;
  /** When the server gives up (ISO 8601), while listening. */
  until?: string;
}

/** What the element needs from a server. Implement it, or pass `{ baseUrl, token }` / `{ fetch }`. */
export interface BuilderClient {
  /** `GET /api/node-types`. */
  listNodeTypes(): Promise<NodeTypeDescriptor[]>;
  /** `GET /api/email-templates`. */
  listEmailTemplates(options?: RequestOptions): Promise<EmailTemplateSummary[]>;
  /** `POST /api/email-templates/:id/preview`. */
  previewEmailTemplate(id: string, input: EmailPreviewInput, options?: RequestOptions): Promise<EmailPreview>;
  /** `PUT /api/email-templates/:id` with the whole template (optional). */
  saveEmailTemplate?(id: string, template: Partial<EmailTemplateSummary> & Record<string, unknown>): Promise<void>;
  /** `POST /api/automations/:id/test`. */
  testAutomation(
    id: string,
    input: { automation: Automation; sampleData?: unknown },
    options?: RequestOptions,
  ): Promise<TestResult>;
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
    options?: RequestOptions,
  ): Promise<StepTestAnswer>;
  /**
   * `POST /api/automations/:id/listen` (optional, with the three below): the automation's next webhook call or CMS
   * event is kept as its sample data instead of running it.
   */
  listenForSample?(id: string): Promise<ListenAnswer>;
  /** `GET /api/automations/:id/listen`: false once the event arrived (or the listener expired). */
  getListenState?(id: string): Promise<ListenAnswer>;
  /** `DELETE /api/automations/:id/listen`. */
  stopListening?(id: string): Promise<void>;
  /** `GET /api/automations/:id`, its `sampleData` only: where a listened event's payload is kept. */
  getSampleData?(id: string): Promise<unknown>;
}

/**
 * Per-request options: the element passes the signal of the task that asked, aborted when a newer question
 * replaces it (another keystroke in a template, the step tested again), so a late answer is never applied.
 */
export interface RequestOptions {
  signal?: AbortSignal;
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
  const request = async (method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<unknown> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await doFetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
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
        readNodeTypes,
        await request('GET', '/api/node-types'),
        'GET /api/node-types',
      ) as NodeTypeDescriptor[];
    },
    async listEmailTemplates(options) {
      const path = '/api/email-templates';
      return parse(readTemplates, await request('GET', path, undefined, options?.signal), `GET ${path}`);
    },
    async previewEmailTemplate(id, input, options) {
      const path = `/api/email-templates/${encodeURIComponent(id)}/preview`;
      return parse(readPreview, await request('POST', path, input, options?.signal), `POST ${path}`);
    },
    async saveEmailTemplate(id, template) {
      const { id: _id, userId: _user, createdAt: _created, updatedAt: _updated, ...body } = template;
      await request('PUT', `/api/email-templates/${encodeURIComponent(id)}`, body);
    },
    async testAutomation(id, input, options) {
      const path = `/api/automations/${encodeURIComponent(id)}/test`;
      return parse(readTestResult, await request('POST', path, input, options?.signal), `POST ${path}`) as TestResult;
    },
    async getStepStats(id, since) {
      const path = `/api/automations/${encodeURIComponent(id)}/stats?since=${since}`;
      return parse(readStats, await request('GET', path), `GET ${path}`).steps;
    },
    async listRuns(id, limit = 20) {
      const path = `/api/automations/${encodeURIComponent(id)}/runs?limit=${limit}`;
      return parse(readRuns, await request('GET', path), `GET ${path}`).items as RunSummary[];
    },
    async getRun(runId) {
      const path = `/api/automation-runs/${encodeURIComponent(runId)}`;
      return parse(readRun, await request('GET', path), `GET ${path}`);
    },
    async testStep(id, input, options) {
      const path = `/api/automations/${encodeURIComponent(id)}/test-step`;
      const { automation, ...rest } = input;
      const body = { ...rest, automation: { nodes: automation.nodes, trigger: automation.trigger } };
      const answer = await request('POST', path, body, options?.signal);
      return parse(readStepTest, answer, `POST ${path}`) as StepTestAnswer;
    },
    async listenForSample(id) {
      const path = `/api/automations/${encodeURIComponent(id)}/listen`;
      return parse(readListen, await request('POST', path, {}), `POST ${path}`) as ListenAnswer;
    },
    async getListenState(id) {
      const path = `/api/automations/${encodeURIComponent(id)}/listen`;
      return parse(readListen, await request('GET', path), `GET ${path}`) as ListenAnswer;
    },
    async stopListening(id) {
      await request('DELETE', `/api/automations/${encodeURIComponent(id)}/listen`);
    },
    async getSampleData(id) {
      const path = `/api/automations/${encodeURIComponent(id)}`;
      return parse(readSample, await request('GET', path), `GET ${path}`).sampleData;
    },
    async validateAutomation(automation) {
      const path = '/api/automations/validate';
      return parse(readValidation, await request('POST', path, automation), `POST ${path}`)
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

function parse<T>(read: Reader<T>, value: unknown, what: string): T {
  const result = read(value);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new BuilderClientError(`${what}: unexpected response (${issue?.message ?? 'invalid'}${where})`);
  }
  return result.data;
}
