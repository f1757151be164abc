import { randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { EmailTemplateSchema, definedOnly, type DocumentCollection, type EmailTemplate } from '@swigs/automation-core';
import { templateProblemText, type RenderedEmail } from '@swigs/automation-nodes';
import type { RouteDeps } from '../http/app-deps';
import type { TemplateFields, TemplateWorker } from '../templates/template-worker';
import { mailFailureAnswer } from './mail-failure';
import { HttpError, type Issue } from '../http/http-error';
import { createRouter, type ApiRouter } from '../http/router';
import { errorResponses, jsonContent, jsonRequest, noContent } from '../openapi/responses';
import { PageQuerySchema, pageBody } from './paging';
import { refuseIfEditBreaksUses, refuseIfTemplateInUse } from './template-usage';
import {
  EmailTemplatePageSchema,
  EmailTemplateResponseSchema,
  RenderedEmailSchema,
  SendTestResultSchema,
} from './response-schemas';
import {
  EmailTemplateBodySchema,
  EmailTemplateUpdateSchema,
  IdParamsSchema,
  PreviewBodySchema,
  SendTestBodySchema,
} from './schemas';

/** Collection of email templates, as the design names it (also read by the send_email node). */
export const EMAIL_TEMPLATES_COLLECTION = 'emailtemplates';
const DEFAULT_SAMPLE_TRIGGER = 'order.paid';
const tags = ['email templates'];

const listTemplates = createRoute({
  operationId: 'listEmailTemplates',
  method: 'get',
  path: '/email-templates',
  tags,
  summary: 'List email templates by name',
  request: { query: PageQuerySchema },
  responses: { 200: jsonContent(EmailTemplatePageSchema, 'A page of templates') },
});

const createTemplate = createRoute({
  operationId: 'createEmailTemplate',
  method: 'post',
  path: '/email-templates',
  tags,
  summary: 'Create an email template (refused when it does not compile)',
  request: { body: jsonRequest(EmailTemplateBodySchema) },
  responses: { 201: jsonContent(EmailTemplateResponseSchema, 'The stored template') },
});

const getTemplate = createRoute({
  operationId: 'getEmailTemplate',
  method: 'get',
  path: '/email-templates/{id}',
  tags,
  summary: 'Get an email template',
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(EmailTemplateResponseSchema, 'The template') },
});

const updateTemplate = createRoute({
  operationId: 'updateEmailTemplate',
  method: 'put',
  path: '/email-templates/{id}',
  tags,
  summary: 'Update an email template (left-out fields are kept); 409 when switching off one an active automation sends',
  request: { params: IdParamsSchema, body: jsonRequest(EmailTemplateUpdateSchema) },
  responses: { 200: jsonContent(EmailTemplateResponseSchema, 'The stored template'), ...errorResponses(409) },
});

const deleteTemplate = createRoute({
  operationId: 'deleteEmailTemplate',
  method: 'delete',
  path: '/email-templates/{id}',
  tags,
  summary: 'Delete an email template; 409 naming the active automations that send it',
  request: { params: IdParamsSchema },
  responses: { 204: noContent('Deleted'), ...errorResponses(409) },
});

const previewTemplate = createRoute({
  operationId: 'previewEmailTemplate',
  method: 'post',
  path: '/email-templates/{id}/preview',
  tags,
  summary: 'Render a template (or unsaved edits of it) with sample data',
  request: { params: IdParamsSchema, body: jsonRequest(PreviewBodySchema) },
  responses: { 200: jsonContent(RenderedEmailSchema, 'The rendered email') },
});

const sendTestTemplate = createRoute({
  operationId: 'sendTestEmail',
  method: 'post',
  path: '/email-templates/{id}/send-test',
  tags,
  summary: 'Send a test email of the template',
  request: { params: IdParamsSchema, body: jsonRequest(SendTestBodySchema) },
  responses: { 200: jsonContent(SendTestResultSchema, 'The test was sent'), ...errorResponses(409, 502, 503) },
});

/** Email templates CRUD, preview with sample data and test sends, scoped to the caller's tenant. */
export function emailTemplateRoutes(deps: RouteDeps): ApiRouter {
  const { store, engine, clock } = deps;
  const templates = store.collection<EmailTemplate>(EMAIL_TEMPLATES_COLLECTION);
  const app = createRouter();

  const renderData = (body: { data?: Record<string, unknown>; triggerType?: string } | undefined): unknown => {
    if (body?.data) return 'trigger' in body.data ? body.data : { trigger: body.data, nodes: {} };
    const sample = engine.registry.get(body?.triggerType ?? DEFAULT_SAMPLE_TRIGGER)?.sampleOutput ?? {};
    return { trigger: sample, nodes: {} };
  };

  app.openapi(listTemplates, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await templates.find(c.get('userId'), {
      sort: { field: 'name', direction: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return c.json(pageBody(items, total, query), 200);
  });

  app.openapi(createTemplate, async (c) => {
    const body = c.req.valid('json');
    await checkSyntax(deps.templates, body);
    const now = clock.now();
    const template = EmailTemplateSchema.parse({
      ...body,
      id: randomUUID(),
      userId: c.get('userId'),
      createdAt: now,
      updatedAt: now,
    });
    return c.json(await templates.insert(template), 201);
  });

  app.openapi(getTemplate, async (c) =>
    c.json(await requireTemplate(templates, c.get('userId'), c.req.valid('param').id), 200),
  );

  app.openapi(updateTemplate, async (c) => {
    const current = await requireTemplate(templates, c.get('userId'), c.req.valid('param').id);
    const body = definedOnly(c.req.valid('json'));
    await checkSyntax(deps.templates, { ...current, ...body });
    if (body.isActive === false && current.isActive !== false) {
      await refuseIfTemplateInUse(store, c.get('userId'), current.id);
    } else if (current.isActive !== false) {
      // Still in use: its new text must keep to what the steps sending it can read.
      await refuseIfEditBreaksUses(store, deps.engine.registry, c.get('userId'), { ...current, ...body });
    }
    const updated = await templates.update(c.get('userId'), current.id, { ...body, updatedAt: clock.now() });
    if (!updated) throw new HttpError(404, 'not_found');
    return c.json(updated, 200);
  });

  app.openapi(deleteTemplate, async (c) => {
    const { id } = c.req.valid('param');
    await refuseIfTemplateInUse(store, c.get('userId'), id);
    const deleted = await templates.delete(c.get('userId'), id);
    if (!deleted) throw new HttpError(404, 'not_found');
    return c.body(null, 204);
  });

  app.openapi(previewTemplate, async (c) => {
    const stored = await requireTemplate(templates, c.get('userId'), c.req.valid('param').id);
    const body = c.req.valid('json');
    const template = { ...stored, ...definedEdits(body) };
    return c.json(await render(deps.templates, template, renderData(body)), 200);
  });

  app.openapi(sendTestTemplate, async (c) => {
    const stored = await requireTemplate(templates, c.get('userId'), c.req.valid('param').id);
    const body = c.req.valid('json');
    if (!deps.mail) throw new HttpError(409, 'mail_not_configured');
    const template = { ...stored, ...definedEdits(body) };
    await checkSyntax(deps.templates, template);
    const rendered = await render(deps.templates, template, renderData(body));
    const mail = deps.mail;
    const result = await mail
      .send({
        from: deps.mailFrom,
        to: body.to,
        subject: `[Test] ${rendered.subject}`,
        html: rendered.html,
        text: rendered.text,
        idempotencyKey: `send-test:${randomUUID()}`,
        userId: c.get('userId'),
        category: template.category,
      })
      .catch((error: unknown) => {
        throw mailFailureAnswer(error) ?? error;
      });
    return c.json({ messageId: result.messageId, to: body.to, subject: `[Test] ${rendered.subject}` }, 200);
  });

  return app;
}

async function requireTemplate(
  templates: DocumentCollection<EmailTemplate>,
  userId: string,
  id: string,
): Promise<EmailTemplate> {
  const template = await templates.get(userId, id);
  if (!template) throw new HttpError(404, 'not_found');
  return template;
}

/** Refuses templates that cannot compile; unknown variables are the automation validation's concern. */
async function checkSyntax(worker: TemplateWorker, template: TemplateFields): Promise<void> {
  await runTemplate(worker, template, undefined);
}

/** Checks, then renders the template with `data`. */
async function render(worker: TemplateWorker, template: TemplateFields, data: unknown): Promise<RenderedEmail> {
  const rendered = await runTemplate(worker, template, { data });
  if (!rendered) throw new Error('the template worker rendered nothing');
  return rendered;
}

/**
 * Runs the template in the template worker (off the request thread, within its time limit). Syntax problems,
 * render failures and templates too slow to compile answer 400 with the field's path.
 */
async function runTemplate(
  worker: TemplateWorker,
  template: TemplateFields,
  render: { data: unknown } | undefined,
): Promise<RenderedEmail | undefined> {
  const fields = { subject: template.subject, body: template.body, preheader: template.preheader, text: template.text };
  const result = await worker.run(fields, render ? { render } : {});
  if (result.kind === 'timed_out') {
    throw new HttpError(400, 'template_invalid', { issues: [{ path: ['body'], key: 'template_too_complex' }] });
  }
  if (result.kind === 'render_failed') {
    throw new HttpError(400, 'template_invalid', {
      issues: [{ path: ['body'], key: 'template_render_failed', params: { reason: result.reason } }],
    });
  }
  const issues: Issue[] = result.problems.map(({ field, problem }) => ({
    path: [field],
    code: problem.code,
    params: problem.params,
    text: (lang) => templateProblemText(problem, lang),
  }));
  if (issues.length > 0) throw new HttpError(400, 'template_invalid', { issues });
  return result.rendered;
}

/** The template fields a preview body overrides; absent ones keep the stored value. */
function definedEdits(
  body: { subject?: string; body?: string; preheader?: string; text?: string } | undefined,
): Partial<EmailTemplate> {
  const edits: Partial<EmailTemplate> = {};
  for (const field of ['subject', 'body', 'preheader', 'text'] as const) {
    const value = body?.[field];
    if (value !== undefined) edits[field] = value;
  }
  return edits;
}
