import { createRoute, z } from '@hono/zod-openapi';
import { EmailTemplateSchema, type Automation, type ValidationProblem } from '@swigs/automation-core';
import { TEMPLATE_PROBLEM_TEXTS, templateProblemText, type TemplateProblem } from '@swigs/automation-nodes';
import type { RouteDeps } from '../http/app-deps';
import type { Lang } from '../http/env';
import { isMessageKey, t } from '../http/i18n';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent, jsonRequest } from '../openapi/responses';
import { requireAutomation } from './automations';
import { RenderedEmailSchema } from './response-schemas';

const FIELDS = ['subject', 'body', 'preheader', 'text'] as const;
type Field = (typeof FIELDS)[number];
const DEFAULT_TRIGGER = 'order.paid';
const EMAIL_STEP = 'email';

/** Body of `POST /api/email-templates/check`: the fields as typed, where they will be sent from, and sample data. */
export const TemplateCheckBodySchema = z
  .object({
    subject: EmailTemplateSchema.shape.subject.or(z.literal('')),
    body: EmailTemplateSchema.shape.body,
    preheader: EmailTemplateSchema.shape.preheader.unwrap().optional(),
    text: EmailTemplateSchema.shape.text.unwrap().optional(),
    /** The variables are those of this trigger type (default `order.paid`)... */
    triggerType: z.string().min(1).max(100).optional(),
    /** ...or those of this e-mail step of a stored automation (what it can read: trigger and earlier steps). */
    automationId: z.string().min(1).max(100).optional(),
    nodeId: z.string().min(1).max(100).optional(),
    /** Data to render the preview with; the trigger's sample output when absent. */
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('TemplateCheckBody');

const TemplateCheckProblemSchema = z
  .object({
    field: z.enum(FIELDS),
    code: z.string(),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    variable: z.string().optional(),
  })
  .openapi('TemplateCheckProblem');

/** Answer of the check: every problem with where it is, and the rendering when the template compiles. */
export const TemplateCheckResultSchema = z
  .object({ problems: z.array(TemplateCheckProblemSchema), rendered: RenderedEmailSchema.optional() })
  .openapi('TemplateCheckResult');

type CheckProblem = z.infer<typeof TemplateCheckProblemSchema>;

const checkTemplate = createRoute({
  operationId: 'checkEmailTemplate',
  method: 'post',
  path: '/email-templates/check',
  tags: ['email templates'],
  summary:
    'Check template fields as typed (syntax, helpers, variables of a trigger or of an automation’s e-mail step) and render them with sample data; nothing is stored',
  request: { body: jsonRequest(TemplateCheckBodySchema) },
  responses: { 200: jsonContent(TemplateCheckResultSchema, 'The problems, and the rendered e-mail when it compiles') },
});

/**
 * `POST /api/email-templates/check`: the template editor's live check. Syntax and helpers are checked (and the
 * preview rendered) in the template worker; variables by the engine's own validation of the e-mail step, so the
 * editor flags exactly what a save of the automation would refuse.
 */
export function templateCheckRoutes(deps: RouteDeps): ApiRouter {
  const app = createRouter();
  app.openapi(checkTemplate, async (c) => {
    const input = c.req.valid('json');
    const lang = c.get('lang');
    const fields = {
      subject: input.subject,
      body: input.body,
      preheader: input.preheader ?? '',
      text: input.text ?? '',
    };
    const draft = await draftOf(deps, c.get('userId'), input);
    const data = input.data
      ? 'trigger' in input.data
        ? input.data
        : { trigger: input.data, nodes: {} }
      : { trigger: draft.sample ?? {}, nodes: {} };
    const result = await deps.templates.run(fields, { render: { data } });
    if (result.kind === 'timed_out') {
      return c.json({ problems: [problemOf('body', { code: 'template_too_complex', params: {} }, lang)] }, 200);
    }
    if (result.kind === 'render_failed') {
      const problem = { code: 'template_render_failed', params: { reason: result.reason } };
      return c.json({ problems: [problemOf('body', problem, lang)] }, 200);
    }
    const problems = result.problems.map(({ field, problem }) => problemOf(field, problem, lang));
    // Variables are checked only once the fields compile: a broken template would only repeat its syntax error.
    if (problems.length === 0) problems.push(...variableProblems(deps, draft, fields, lang));
    return c.json({ problems, ...(result.rendered ? { rendered: result.rendered } : {}) }, 200);
  });
  return app;
}

interface Draft {
  automation: Record<string, unknown>;
  /** Index of the checked e-mail step in `automation.nodes`. */
  index: number;
  sample: unknown;
}

/** The automation the fields are checked in: the stored one with the step's fields replaced, or a one-step draft. */
async function draftOf(
  deps: RouteDeps,
  userId: string,
  input: z.infer<typeof TemplateCheckBodySchema>,
): Promise<Draft> {
  if (input.automationId && input.nodeId) {
    const stored: Automation = await requireAutomation(deps.store, userId, input.automationId);
    const index = stored.nodes.findIndex((node) => node.id === input.nodeId);
    if (index >= 0) {
      const nodes = stored.nodes.map((node, i) =>
        i === index ? { ...node, config: { ...withoutTemplate(node.config), to: 'check@example.ch' } } : node,
      );
      const sample = stored.sampleData ?? deps.engine.registry.get(stored.trigger.type)?.sampleOutput;
      return { automation: { ...stored, nodes }, index, sample };
    }
  }
  const type = input.triggerType ?? DEFAULT_TRIGGER;
  return {
    automation: {
      id: 'template-check',
      userId,
      name: 'template check',
      isActive: false,
      trigger: { type, config: {} },
      nodes: [
        {
          id: EMAIL_STEP,
          type: 'send_email',
          position: { x: 0, y: 0 },
          config: { to: 'check@example.ch' },
          connections: [],
        },
      ],
    },
    index: 0,
    sample: deps.engine.registry.get(type)?.sampleOutput,
  };
}

function withoutTemplate(config: Record<string, unknown> | undefined): Record<string, unknown> {
  const { templateId: _templateId, ...rest } = config ?? {};
  return rest;
}

/** The unknown variables of `fields` in the draft's e-mail step, as the engine's validation reports them. */
function variableProblems(deps: RouteDeps, draft: Draft, fields: Record<Field, string>, lang: Lang): CheckProblem[] {
  const nodes = (draft.automation.nodes as Array<{ config?: Record<string, unknown> }>).map((node, i) =>
    i === draft.index ? { ...node, config: { ...node.config, ...nonEmpty(fields) } } : node,
  );
  const problems: ValidationProblem[] = deps.engine.validate({ ...draft.automation, nodes }, { lang });
  const out: CheckProblem[] = [];
  for (const problem of problems) {
    const [root, index, config, field] = problem.path;
    if (root !== 'nodes' || index !== draft.index || config !== 'config') continue;
    if (problem.code !== 'unknown_variable' || !FIELDS.includes(field as Field)) continue;
    out.push(problemOf(field as Field, { code: 'unknown_variable', params: problem.params ?? {} }, lang));
  }
  return out;
}

function nonEmpty(fields: Record<Field, string>): Partial<Record<Field, string>> {
  // An empty inline subject would be refused by the step's schema; the template's own check reports it.
  const out: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) if (fields[field]) out[field] = fields[field];
  if (!out.subject) out.subject = ' ';
  if (out.body === undefined) out.body = '';
  return out;
}

function problemOf(field: Field, problem: { code: string; params: Record<string, unknown> }, lang: Lang): CheckProblem {
  const { code, params } = problem;
  const message = isTemplateProblemCode(code)
    ? templateProblemText({ code, params }, lang)
    : isMessageKey(code)
      ? t(code, lang, params)
      : code;
  const out: CheckProblem = { field, code, message };
  if (typeof params.line === 'number') out.line = params.line;
  if (typeof params.column === 'number') out.column = params.column;
  if (typeof params.variable === 'string') out.variable = params.variable;
  return out;
}

function isTemplateProblemCode(code: string): code is TemplateProblem['code'] {
  return code in TEMPLATE_PROBLEM_TEXTS;
}
