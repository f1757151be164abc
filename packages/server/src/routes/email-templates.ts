import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { EmailTemplateSchema, type EmailTemplate } from '@swigs/automation-core';
import { renderEmail, validateTemplateSource, type RenderedEmail } from '@swigs/automation-nodes';
import type { RouteDeps } from '../http/app-deps';
import { definedOnly } from '../http/defined-only';
import type { AppEnv } from '../http/env';
import { HttpError, type IssueBody } from '../http/http-error';
import { parseWith, readJson } from '../http/read-json';
import { EmailTemplateBodySchema, EmailTemplateUpdateSchema, PageQuerySchema, PreviewBodySchema, SendTestBodySchema } from './schemas';

/** Collection of email templates, as the design names it (also read by the send_email node). */
export const EMAIL_TEMPLATES_COLLECTION = 'emailtemplates';
const DEFAULT_SAMPLE_TRIGGER = 'order.paid';

/** Email templates CRUD, preview with sample data and test sends, scoped to the caller's tenant. */
export function emailTemplateRoutes(deps: RouteDeps): Hono<AppEnv> {
  const { store, engine, clock } = deps;
  const templates = store.collection<EmailTemplate>(EMAIL_TEMPLATES_COLLECTION);
  const app = new Hono<AppEnv>();

  const load = async (c: Context<AppEnv>): Promise<EmailTemplate> => {
    const template = await templates.get(c.get('userId'), c.req.param('id') ?? '');
    if (!template) throw new HttpError(404, 'not_found');
    return template;
  };

  const renderData = (body: { data?: Record<string, unknown>; triggerType?: string } | undefined): unknown => {
    if (body?.data) return 'trigger' in body.data ? body.data : { trigger: body.data, nodes: {} };
    const sample = engine.registry.get(body?.triggerType ?? DEFAULT_SAMPLE_TRIGGER)?.sampleOutput ?? {};
    return { trigger: sample, nodes: {} };
  };

  app.get('/email-templates', async (c) => {
    const query = parseWith(c, PageQuerySchema, c.req.query());
    const { items, total } = await templates.find(c.get('userId'), {
      sort: { field: 'name', direction: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({ items, total, limit: query.limit, offset: query.offset });
  });

  app.post('/email-templates', async (c) => {
    const body = await readJson(c, EmailTemplateBodySchema);
    checkSyntax(body);
    const now = clock.now();
    const template = EmailTemplateSchema.parse({ ...body, id: randomUUID(), userId: c.get('userId'), createdAt: now, updatedAt: now });
    return c.json(await templates.insert(template), 201);
  });

  app.get('/email-templates/:id', async (c) => c.json(await load(c)));

  app.put('/email-templates/:id', async (c) => {
    const current = await load(c);
    const body = definedOnly(await readJson(c, EmailTemplateUpdateSchema));
    checkSyntax({ ...current, ...body });
    const updated = await templates.update(c.get('userId'), current.id, { ...body, updatedAt: clock.now() });
    if (!updated) throw new HttpError(404, 'not_found');
    return c.json(updated);
  });

  app.delete('/email-templates/:id', async (c) => {
    const deleted = await templates.delete(c.get('userId'), c.req.param('id'));
    if (!deleted) throw new HttpError(404, 'not_found');
    return c.body(null, 204);
  });

  app.post('/email-templates/:id/preview', async (c) => {
    const stored = await load(c);
    const body = await readJson(c, PreviewBodySchema);
    const template = { ...stored, ...definedEdits(body) };
    checkSyntax(template);
    return c.json(render(template, renderData(body)));
  });

  app.post('/email-templates/:id/send-test', async (c) => {
    const template = await load(c);
    const body = await readJson(c, SendTestBodySchema);
    if (!deps.mail) throw new HttpError(409, 'mail_not_configured');
    const rendered = render(template, renderData(body));
    const result = await deps.mail.send({
      from: deps.mailFrom,
      to: body.to,
      subject: `[Test] ${rendered.subject}`,
      html: rendered.html,
      text: rendered.text,
      idempotencyKey: `send-test:${randomUUID()}`,
      userId: c.get('userId'),
      category: template.category,
    });
    return c.json({ messageId: result.messageId, to: body.to, subject: `[Test] ${rendered.subject}` });
  });

  return app;
}

/** Refuses templates that cannot compile; unknown variables are the automation validation's concern. */
function checkSyntax(body: Pick<EmailTemplate, 'subject' | 'body' | 'preheader' | 'text'>): void {
  const issues: IssueBody[] = [];
  for (const field of ['subject', 'body', 'preheader', 'text'] as const) {
    const source = body[field];
    if (!source) continue;
    for (const problem of validateTemplateSource(source, [])) {
      if (problem.code === 'unknown_variable') continue;
      issues.push({ path: [field], message: problem.message, code: problem.code });
    }
  }
  if (issues.length > 0) throw new HttpError(400, 'template_invalid', { issues });
}

function render(template: EmailTemplate, data: unknown): RenderedEmail {
  try {
    return renderEmail(template, data);
  } catch (error) {
    throw new HttpError(400, 'template_invalid', {
      issues: [{ path: ['body'], message: error instanceof Error ? error.message : String(error) }],
    });
  }
}

/** The template fields a preview body overrides; absent ones keep the stored value. */
function definedEdits(body: { subject?: string; body?: string; preheader?: string; text?: string } | undefined): Partial<EmailTemplate> {
  const edits: Partial<EmailTemplate> = {};
  for (const field of ['subject', 'body', 'preheader', 'text'] as const) {
    const value = body?.[field];
    if (value !== undefined) edits[field] = value;
  }
  return edits;
}
