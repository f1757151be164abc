import {
  AUTOMATION_JSON_SCHEMA,
  AUTOMATION_RUN_JSON_SCHEMA,
  checkJsonSchema,
  type Automation,
  type AutomationRun,
  type CheckResult,
  type NodeTypeDescriptor,
  type StepStats,
  type ValidationProblem,
} from '@swigs/automation-core/graph';
import type {
  EmailPreview,
  EmailTemplateSummary,
  ListenAnswer,
  RunSummary,
  StepTestAnswer,
  TestResult,
} from './client';

// The shapes of the server's answers as JSON Schemas, checked without zod (the bundle carries none). Objects accept
// extra fields; lists come bare or wrapped in `{ items }`, `{ data }` or a named key.

/** Reads an answer: its value, or the issues that make it unexpected. */
export type Reader<T> = (value: unknown) => CheckResult<T>;

type Schema = Record<string, unknown>;
const text: Schema = { type: 'string' };
const localized: Schema = { type: 'object', properties: { fr: text, en: text }, required: ['fr', 'en'] };
const count: Schema = { type: 'integer', minimum: 0 };
const dateOrText: Schema = {};

const object = (properties: Record<string, Schema>, optional: readonly string[] = []): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key) && properties[key]?.default === undefined),
});
const list = (items: Schema): Schema => ({ type: 'array', items });

const descriptor = object(
  {
    type: { type: 'string', minLength: 1 },
    kind: { type: 'string', enum: ['trigger', 'action', 'condition', 'wait'] },
    version: { type: 'number' },
    title: localized,
    description: localized,
    category: text,
    outputs: list(text),
    configJsonSchema: { type: 'object' },
    sampleOutput: {},
    templateFields: list(text),
  },
  ['description', 'category', 'sampleOutput', 'templateFields'],
);
const template = object(
  {
    id: text,
    name: text,
    subject: text,
    body: text,
    preheader: text,
    category: text,
    availableVariables: list(text),
  },
  ['subject', 'body', 'preheader', 'category', 'availableVariables'],
);
const preview = object({ subject: text, html: text, text }, ['text']);
const timelineEntry = object(
  {
    nodeId: text,
    nodeType: text,
    at: dateOrText,
    status: { type: 'string', enum: ['success', 'failed', 'skipped'] },
    branch: text,
    output: {},
    error: text,
    waitUntil: dateOrText,
  },
  ['branch', 'output', 'error', 'waitUntil'],
);
const testResult = object(
  {
    status: { type: 'string', enum: ['completed', 'failed'] },
    timeline: list(timelineEntry),
    problems: { default: [], ...list(object({ code: text, message: text, nodeId: text }, ['nodeId'])) },
    error: text,
  },
  ['error'],
);
const problem = object(
  { code: text, message: text, path: { default: [], ...list({ type: ['string', 'number'] }) }, nodeId: text },
  ['nodeId'],
);

/** The catalogue answer: node type descriptors. */
export const readNodeTypes: Reader<NodeTypeDescriptor[]> = listOf(descriptor, 'nodeTypes');
export const readTemplates = listOf<EmailTemplateSummary>(template, 'templates');
export const readPreview = oneOf<EmailPreview>(preview, 'preview');
export const readTestResult = oneOf<TestResult>(testResult, 'result');
export const readStats = shape<{ steps: StepStats[] }>(
  object({
    steps: list(
      object({ nodeId: text, reached: count, waiting: count, succeeded: count, failed: count, sent: count }, ['sent']),
    ),
  }),
);
export const readRuns = shape<{ items: RunSummary[] }>(
  object({ items: list(object({ id: text, status: text, createdAt: text, title: text }, ['title'])) }),
);
export const readStepTest = shape<StepTestAnswer>(
  object(
    {
      nodeId: text,
      status: { type: 'string', enum: ['success', 'failed'] },
      dryRun: { type: 'boolean' },
      input: object({ trigger: {}, nodes: { type: 'object', default: {} } }, ['trigger']),
      output: {},
      branch: text,
      error: text,
    },
    ['output', 'branch', 'error'],
  ),
);
export const readListen = shape<ListenAnswer>(object({ listening: { type: 'boolean' }, until: text }, ['until']));
/** An automation as far as its sample data goes (`GET /api/automations/:id`). */
export const readSample = shape<{ sampleData?: unknown }>(object({ sampleData: {} }, ['sampleData']));
export const readValidation = shape<{ problems: ValidationProblem[] }>(object({ problems: list(problem) }));

/** A run as `AutomationRunSchema` reads it, its dates as `Date`s. */
export const readRun: Reader<AutomationRun> = (value) => {
  const result = checkJsonSchema(AUTOMATION_RUN_JSON_SCHEMA, value);
  return result.success ? { success: true, data: withDates(result.data as Record<string, unknown>) } : result;
};

/** An automation as `AutomationSchema` reads it: defaults filled, the name trimmed, its dates as `Date`s. */
export const readAutomation: Reader<Automation> = (value) => {
  const result = checkJsonSchema(AUTOMATION_JSON_SCHEMA, value);
  if (!result.success) return result;
  const automation = dated(result.data as Record<string, unknown>, ['createdAt', 'updatedAt']) as Automation;
  const name = automation.name.trim();
  if (name === '') {
    return { success: false, issues: [{ code: 'too_small', path: ['name'], message: 'Invalid input', input: name }] };
  }
  const stats = dated(automation.stats as unknown as Record<string, unknown>, ['lastRunAt']);
  return { success: true, data: { ...automation, name, stats } as Automation };
};

const RUN_DATES = ['scheduledAt', 'leaseUntil', 'createdAt', 'updatedAt', 'startedAt', 'completedAt'];
const LOG_DATES = ['startedAt', 'completedAt'];

function withDates(run: Record<string, unknown>): AutomationRun {
  const log = (run.executionLog as Record<string, unknown>[]).map((entry) => dated(entry, LOG_DATES));
  return { ...dated(run, RUN_DATES), executionLog: log } as AutomationRun;
}

function dated(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out = { ...record };
  for (const key of keys) {
    const value = out[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = new Date(value);
  }
  return out;
}

function shape<T>(schema: Schema): Reader<T> {
  return (value) => checkJsonSchema(schema, value) as CheckResult<T>;
}

/** A value of `schema`, or one wrapped as `{ [key]: value }`. */
function oneOf<T>(schema: Schema, key: string): Reader<T> {
  return (value) => {
    const bare = checkJsonSchema(schema, value) as CheckResult<T>;
    if (bare.success || !isRecord(value) || !(key in value)) return bare;
    return checkJsonSchema(schema, value[key]) as CheckResult<T>;
  };
}

/** A list of `item`: bare, or in `{ [key] }`, `{ items }` or `{ data }`. */
function listOf<T>(item: Schema, key: string): Reader<T[]> {
  const schema = list(item);
  return (value) => {
    const wrapped = isRecord(value) ? [key, 'items', 'data'].find((name) => Array.isArray(value[name])) : undefined;
    const inner = wrapped && isRecord(value) ? value[wrapped] : value;
    return checkJsonSchema(schema, inner) as CheckResult<T[]>;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
