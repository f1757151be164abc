import { z } from 'zod';
import {
  AutomationBodySchema,
  AutomationUpdateSchema,
  AutomationResponseSchema,
  AutomationRunSchema,
  EmailTemplateBodySchema,
  EmailTemplateSchema,
  EmailTemplateUpdateSchema,
  ErrorBodySchema,
  LocalLoginBodySchema,
  PreviewBodySchema,
  RunBodySchema,
  RunSummarySchema,
  SendTestBodySchema,
  TestBodySchema,
  ToggleBodySchema,
} from '../routes/schemas';
import { invoicingComponents, invoicingPaths } from './invoicing-paths';

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

const components: Record<string, z.ZodType> = {
  ...invoicingComponents,
  AutomationBody: AutomationBodySchema,
  AutomationUpdate: AutomationUpdateSchema,
  EmailTemplateUpdate: EmailTemplateUpdateSchema,
  Automation: AutomationResponseSchema,
  AutomationRun: AutomationRunSchema,
  RunSummary: RunSummarySchema,
  EmailTemplateBody: EmailTemplateBodySchema,
  EmailTemplate: EmailTemplateSchema,
  Error: ErrorBodySchema,
  LocalLoginBody: LocalLoginBodySchema,
  PreviewBody: z.object(PreviewBodySchema.unwrap().shape),
  SendTestBody: SendTestBodySchema,
  TestBody: z.object(TestBodySchema.unwrap().shape),
  RunBody: z.object(RunBodySchema.unwrap().shape),
  ToggleBody: z.object(ToggleBodySchema.unwrap().shape),
};

/** Builds the OpenAPI 3.1 document of the API from the same zod schemas that validate requests. */
export function createOpenApiDocument(options: { version?: string; serverUrl?: string } = {}): JsonSchema {
  const schemas = Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, toSchema(schema)]));
  const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema: JsonSchema, description = 'OK'): JsonSchema => ({
    description,
    content: { 'application/json': { schema } },
  });
  const errors = {
    '400': json(ref('Error'), 'Invalid input (localized per Accept-Language)'),
    '401': json(ref('Error'), 'Missing or invalid token'),
    '404': json(ref('Error'), 'Not found for this tenant'),
    '429': json(ref('Error'), 'Too many failed authentications'),
  };
  const page = (item: JsonSchema): JsonSchema => ({
    type: 'object',
    properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
    required: ['items', 'total'],
  });
  const id = (name = 'id'): JsonSchema => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  const q = (name: string, schema: JsonSchema, description?: string): JsonSchema => ({
    name,
    in: 'query',
    required: false,
    schema,
    ...(description ? { description } : {}),
  });
  const paging = [q('limit', { type: 'integer', minimum: 1, maximum: 200, default: 50 }), q('offset', { type: 'integer', minimum: 0, default: 0 })];
  const op = (summary: string, extra: Operation): Operation => ({ summary, responses: { ...errors, ...(extra.responses as object) }, ...omit(extra, 'responses') });
  const body = (name: string, required = true): JsonSchema => ({
    required,
    content: { 'application/json': { schema: ref(name) } },
  });
  const noContent = { '204': { description: 'Deleted' } };
  const anyJson = json({ type: 'object' });

  const paths: Record<string, Record<string, Operation>> = {
    '/api/automations': {
      get: op('List automations', { parameters: [...paging, q('isActive', { type: 'string', enum: ['true', 'false'] })], responses: { '200': json(page(ref('Automation'))) } }),
      post: op('Create an automation (an invalid graph is kept only as an inactive draft)', { requestBody: body('AutomationBody'), responses: { '201': json(ref('Automation')) } }),
    },
    '/api/automations/validate': {
      post: op('Check an unsaved automation with every rule of a save (node hooks included); nothing is stored', {
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '200': json({ type: 'object', properties: { valid: { type: 'boolean' }, problems: { type: 'array', items: { type: 'object' } } }, required: ['valid', 'problems'] }) },
      }),
    },
    '/api/automations/{id}': {
      get: op('Get an automation with its validation problems', { parameters: [id()], responses: { '200': json(ref('Automation')) } }),
      put: op('Update an automation (left-out fields are kept); a graph change bumps `version`', { parameters: [id()], requestBody: body('AutomationUpdate'), responses: { '200': json(ref('Automation')) } }),
      delete: op('Delete an automation', { parameters: [id()], responses: noContent }),
    },
    '/api/automations/{id}/toggle': {
      patch: op('Switch an automation on or off (switching on re-validates)', { parameters: [id()], requestBody: body('ToggleBody', false), responses: { '200': json(ref('Automation')) } }),
    },
    '/api/automations/{id}/test': {
      post: op('Dry run on a virtual clock: the simulated timeline, nothing sent', { parameters: [id()], requestBody: body('TestBody', false), responses: { '200': anyJson } }),
    },
    '/api/automations/{id}/run': {
      post: op('Run an automation now with a payload', { parameters: [id()], requestBody: body('RunBody', false), responses: { '201': json(ref('AutomationRun')) } }),
    },
    '/api/automations/{id}/runs': {
      get: op('Runs of an automation, newest first', {
        parameters: [id(), ...paging, q('status', { type: 'string' }, 'One status or a comma-separated list')],
        responses: { '200': json(page(ref('RunSummary'))) },
      }),
    },
    '/api/automation-runs': {
      get: op('Runs of the tenant, newest first', {
        parameters: [...paging, q('status', { type: 'string' }), q('automationId', { type: 'string' })],
        responses: { '200': json(page(ref('RunSummary'))) },
      }),
    },
    '/api/automation-runs/{id}': {
      get: op('A run with its execution log', { parameters: [id()], responses: { '200': json(ref('AutomationRun')) } }),
      delete: op('Delete a run (not while it runs)', { parameters: [id()], responses: { ...noContent, '409': json(ref('Error')) } }),
    },
    '/api/automation-runs/{id}/retry': {
      post: op('Retry a failed run from its failed node', { parameters: [id()], responses: { '200': json(ref('AutomationRun')), '409': json(ref('Error')) } }),
    },
    '/api/automation-runs/{id}/cancel': {
      post: op('Cancel a run', { parameters: [id()], responses: { '200': json(ref('AutomationRun')), '409': json(ref('Error')) } }),
    },
    '/api/email-templates': {
      get: op('List email templates', { parameters: paging, responses: { '200': json(page(ref('EmailTemplate'))) } }),
      post: op('Create an email template', { requestBody: body('EmailTemplateBody'), responses: { '201': json(ref('EmailTemplate')) } }),
    },
    '/api/email-templates/{id}': {
      get: op('Get an email template', { parameters: [id()], responses: { '200': json(ref('EmailTemplate')) } }),
      put: op('Update an email template (left-out fields are kept)', { parameters: [id()], requestBody: body('EmailTemplateUpdate'), responses: { '200': json(ref('EmailTemplate')) } }),
      delete: op('Delete an email template', { parameters: [id()], responses: noContent }),
    },
    '/api/email-templates/{id}/preview': {
      post: op('Render a template with sample data', {
        parameters: [id()],
        requestBody: body('PreviewBody', false),
        responses: { '200': json({ type: 'object', properties: { subject: { type: 'string' }, html: { type: 'string' }, text: { type: 'string' }, preheader: { type: 'string' } } }) },
      }),
    },
    '/api/email-templates/{id}/send-test': {
      post: op('Send a test email', { parameters: [id()], requestBody: body('SendTestBody'), responses: { '200': anyJson } }),
    },
    '/api/node-types': { get: op('The node catalogue for the builder', { responses: { '200': anyJson } }) },
    '/api/events': {
      get: op('Server-sent events of the tenant’s runs; also accepts ?access_token=', {
        parameters: [q('automationId', { type: 'string' }), q('runId', { type: 'string' }), q('access_token', { type: 'string' })],
        responses: { '200': { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      }),
    },
    '/api/outbox': { get: op('Messages kept by the outbox mail adapter', { parameters: paging, responses: { '200': anyJson } }) },
    '/api/outbox/{id}': { get: op('One outbox message', { parameters: [id()], responses: { '200': anyJson } }) },
    '/api/hooks/cms': {
      post: op('Signed CMS webhook (HMAC-SHA256 over the raw body)', { security: [], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': anyJson } }),
    },
    '/api/hooks/webhook/{automationId}': {
      post: op('Generic inbound webhook (`webhook.received`), secret in X-Webhook-Secret or ?secret=', {
        security: [],
        parameters: [id('automationId')],
        requestBody: { required: false, content: { 'application/json': { schema: {} } } },
        responses: { '202': anyJson },
      }),
    },
    '/api/unsubscribe/{token}': {
      get: op('Unsubscribe confirmation page (French)', { security: [], parameters: [id('token')], responses: { '200': { description: 'text/html' } } }),
      post: op('One-click unsubscribe (RFC 8058); 204 for List-Unsubscribe=One-Click', { security: [], parameters: [id('token')], responses: { '204': { description: 'Unsubscribed' }, '200': { description: 'text/html' } } }),
    },
    '/api/auth/config': { get: op('Which login the UI offers', { security: [], responses: { '200': anyJson } }) },
    '/api/auth/local-login': {
      post: op('Embedded mode: exchange the local password for a token', { security: [], requestBody: body('LocalLoginBody'), responses: { '200': anyJson } }),
    },
    '/api/auth/me': { get: op('The caller', { responses: { '200': anyJson } }) },
    ...invoicingPaths({ op, body, id }),
    '/healthz': { get: { summary: 'Liveness', security: [], responses: { '200': anyJson } } },
    '/readyz': { get: { summary: 'Readiness (store reachable, scheduler running)', security: [], responses: { '200': anyJson, '503': anyJson } } },
  };

  return {
    openapi: '3.1.0',
    info: { title: 'swigs-workflow API', version: options.version ?? '0.1.0' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An SSO or local JWT, or a service token with the tenant in X-Swigs-User.',
        },
      },
      schemas,
    },
    paths,
  };
}

function toSchema(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
      if (def?.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
    },
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

function omit(obj: Operation, key: string): Operation {
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}
