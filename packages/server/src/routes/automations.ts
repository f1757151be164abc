import { randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import {
  AutomationSchema,
  definedOnly,
  emptyStats,
  type Automation,
  type Engine,
  type Store,
  type ValidationProblem,
} from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import type { Lang } from '../http/env';
import { problemsToIssues } from '../http/error-handler';
import { HttpError } from '../http/http-error';
import { pageText } from '../http/json-text';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent, jsonRequest, noContent } from '../openapi/responses';
import { AutomationPageSchema, AutomationResponseSchema, ValidateResponseSchema } from './response-schemas';
import {
  AutomationBodySchema,
  AutomationDraftSchema,
  AutomationListQuerySchema,
  AutomationUpdateSchema,
  IdParamsSchema,
} from './schemas';

const tags = ['automations'];

const listAutomations = createRoute({
  operationId: 'listAutomations',
  method: 'get',
  path: '/automations',
  tags,
  summary: 'List automations, each with its validation problems',
  request: { query: AutomationListQuerySchema },
  responses: { 200: jsonContent(AutomationPageSchema, 'A page of automations') },
});

const createAutomation = createRoute({
  operationId: 'createAutomation',
  method: 'post',
  path: '/automations',
  tags,
  summary: 'Create an automation (an invalid graph is kept only as an inactive draft)',
  request: { body: jsonRequest(AutomationBodySchema) },
  responses: { 201: jsonContent(AutomationResponseSchema, 'The stored automation') },
});

const validateAutomation = createRoute({
  operationId: 'validateAutomation',
  method: 'post',
  path: '/automations/validate',
  tags,
  summary: 'Check an unsaved automation with every rule of a save (node hooks included); nothing is stored',
  request: { body: jsonRequest(AutomationDraftSchema) },
  responses: { 200: jsonContent(ValidateResponseSchema, 'The problems of the draft') },
});

const getAutomation = createRoute({
  operationId: 'getAutomation',
  method: 'get',
  path: '/automations/{id}',
  tags,
  summary: 'Get an automation with its validation problems',
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(AutomationResponseSchema, 'The automation') },
});

const updateAutomation = createRoute({
  operationId: 'updateAutomation',
  method: 'put',
  path: '/automations/{id}',
  tags,
  summary: 'Update an automation (left-out fields are kept); a graph change bumps `version`',
  request: { params: IdParamsSchema, body: jsonRequest(AutomationUpdateSchema) },
  responses: { 200: jsonContent(AutomationResponseSchema, 'The stored automation') },
});

const deleteAutomation = createRoute({
  operationId: 'deleteAutomation',
  method: 'delete',
  path: '/automations/{id}',
  tags,
  summary: 'Delete an automation',
  request: { params: IdParamsSchema },
  responses: { 204: noContent('Deleted') },
});

/** Automations CRUD and the live check, scoped to the caller's tenant. */
export function automationRoutes(deps: RouteDeps): ApiRouter {
  const { store, engine, clock } = deps;
  const app = createRouter();
  const withProblems = problemsOf(engine);

  app.openapi(listAutomations, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await store.automations.list(c.get('userId'), {
      limit: query.limit,
      offset: query.offset,
      ...(query.isActive ? { isActive: query.isActive === 'true' } : {}),
    });
    const body = pageText(
      items.map((item) => withProblems(item, c.get('lang'))),
      { total, limit: query.limit, offset: query.offset },
    );
    // The page is written from each item's cached JSON text, so hono cannot type it.
    return c.body(body, 200, { 'content-type': 'application/json' }) as never;
  });

  app.openapi(createAutomation, async (c) => {
    const body = c.req.valid('json');
    const now = clock.now();
    const automation = AutomationSchema.parse({
      ...body,
      id: randomUUID(),
      userId: c.get('userId'),
      version: 1,
      stats: emptyStats(),
      createdAt: now,
      updatedAt: now,
    });
    const problems = await checked(engine, automation, c.get('lang'));
    const saved = await store.automations.save(automation);
    return c.json({ ...saved, problems }, 201);
  });

  // The builder's live check: every rule of a save, node hooks (template variables...) included, nothing stored.
  app.openapi(validateAutomation, async (c) => {
    const draft = c.req.valid('json');
    const problems = await engine.validateAsync(
      { id: 'draft', ...draft, userId: c.get('userId') },
      { lang: c.get('lang') },
    );
    return c.json({ valid: problems.length === 0, problems }, 200);
  });

  app.openapi(getAutomation, async (c) => {
    const automation = await requireAutomation(store, c.get('userId'), c.req.valid('param').id);
    // One automation: its problems include the checks of the host (templates, mail settings), as a save's do.
    return c.json({ ...automation, problems: await engine.validateAsync(automation, { lang: c.get('lang') }) }, 200);
  });

  app.openapi(updateAutomation, async (c) => {
    const current = await requireAutomation(store, c.get('userId'), c.req.valid('param').id);
    const body = definedOnly(c.req.valid('json'));
    const merged = { ...current, ...body };
    const graphChanged = graphKey(merged) !== graphKey(current);
    const next: Automation = {
      ...merged,
      version: graphChanged ? current.version + 1 : current.version,
      updatedAt: clock.now(),
    };
    const problems = await checked(engine, next, c.get('lang'));
    const saved = await store.automations.save(next);
    return c.json({ ...saved, problems }, 200);
  });

  app.openapi(deleteAutomation, async (c) => {
    const deleted = await store.automations.delete(c.get('userId'), c.req.valid('param').id);
    if (!deleted) throw new HttpError(404, 'not_found');
    return c.body(null, 204);
  });

  return app;
}

/** The tenant's automation, or 404. */
export async function requireAutomation(store: Store, userId: string, id: string): Promise<Automation> {
  const automation = await store.automations.get(userId, id);
  if (!automation) throw new HttpError(404, 'not_found');
  return automation;
}

/**
 * The automation's problems, worded in `lang`, with the checks of the host (stored templates of the tenant, mail
 * settings); a graph with problems may be kept as an inactive draft, never switched on. Throws before anything is
 * stored, so a refused save changes nothing.
 */
export async function checked(
  engine: Pick<Engine, 'validateAsync'>,
  automation: Automation,
  lang: Lang,
): Promise<ValidationProblem[]> {
  const problems = await engine.validateAsync(automation, { lang });
  if (problems.length > 0 && automation.isActive) {
    throw new HttpError(400, 'automation_invalid', { issues: problemsToIssues(problems) });
  }
  return problems;
}

/**
 * The automation with its problems in `lang`, for lists. The store hands out shared frozen documents, so the result
 * is kept per document and language: a list validates and serializes each version of an automation once.
 */
function problemsOf(engine: Pick<Engine, 'validate'>): (automation: Automation, lang: Lang) => object {
  const cache = new WeakMap<Automation, Partial<Record<Lang, object>>>();
  const listed = (automation: Automation, lang: Lang): object => ({
    ...automation,
    problems: engine.validate(automation, { lang }),
  });
  return (automation, lang) => {
    if (!Object.isFrozen(automation)) return listed(automation, lang);
    const byLang = cache.get(automation) ?? {};
    cache.set(automation, byLang);
    byLang[lang] ??= Object.freeze(listed(automation, lang));
    return byLang[lang];
  };
}

/** The part of an automation whose change makes a new version (runs stay pinned to theirs). */
function graphKey(automation: Pick<Automation, 'trigger' | 'nodes'>): string {
  return stableStringify({ trigger: automation.trigger, nodes: automation.nodes });
}

function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
