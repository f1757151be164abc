import type { Automation, NodeTypeDescriptor, ValidationProblem } from '@swigs/automation-core';
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
    const response = await doFetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const message = (json as { error?: { message?: string }; message?: string } | undefined)?.error?.message ?? (json as { message?: string } | undefined)?.message ?? text;
      throw new BuilderClientError(`${method} ${path}: ${response.status} ${message}`.trim(), response.status);
    }
    return json;
  };
  return {
    async listNodeTypes() {
      return parse(NodeTypesResponse, await request('GET', '/api/node-types'), 'GET /api/node-types') as NodeTypeDescriptor[];
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
    async validateAutomation(automation) {
      const path = '/api/automations/validate';
      return parse(ValidateResponse, await request('POST', path, automation), `POST ${path}`).problems as ValidationProblem[];
    },
  };
}

/** Accepts a `BuilderClient`, `{ baseUrl, token, fetch }`, or nothing with an `api-base`. */
export function resolveClient(client: BuilderClient | BuilderClientOptions | null | undefined, apiBase: string | null | undefined): BuilderClient | undefined {
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
  problems: z.array(z.looseObject({ code: z.string(), message: z.string(), nodeId: z.string().optional() })).default([]),
  error: z.string().optional(),
});
const TestResponse = z.union([Result, z.object({ result: Result }).transform((v) => v.result)]);

const Problem = z.looseObject({
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).default([]),
  nodeId: z.string().optional(),
});
const ValidateResponse = z.object({ problems: z.array(Problem) });

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new BuilderClientError(`${what}: unexpected response (${result.error.issues[0]?.message ?? 'invalid'})`);
  return result.data;
}
