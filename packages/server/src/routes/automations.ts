import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  AutomationSchema,
  emptyStats,
  type Automation,
  type ValidationProblem,
} from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import type { AppEnv } from '../http/env';
import { definedOnly } from '../http/defined-only';
import { problemsToIssues } from '../http/error-handler';
import { HttpError } from '../http/http-error';
import { pageText } from '../http/json-text';
import { parseWith, readJson } from '../http/read-json';
import {
  AutomationBodySchema,
  AutomationListQuerySchema,
  AutomationUpdateSchema,
  AutomationDraftSchema,
  RunBodySchema,
  TestBodySchema,
  ToggleBodySchema,
} from './schemas';

/** Automations CRUD, toggle, dry run and manual run, scoped to the caller's tenant. */
export function automationRoutes(deps: RouteDeps): Hono<AppEnv> {
  const { store, engine, clock } = deps;
  const app = new Hono<AppEnv>();

  const load = async (c: Context<AppEnv>): Promise<Automation> => {
    const automation = await store.automations.get(c.get('userId'), c.req.param('id') ?? '');
    if (!automation) throw new HttpError(404, 'not_found');
    return automation;
  };

  const checked = (automation: Automation): ValidationProblem[] => {
    const problems = engine.validate(automation);
    // A graph with problems may be kept as an inactive draft, never switched on.
    if (problems.length > 0 && automation.isActive) {
      throw new HttpError(400, 'automation_invalid', { issues: problemsToIssues(problems) });
    }
    return problems;
  };

  app.get('/automations', async (c) => {
    const query = parseWith(c, AutomationListQuerySchema, c.req.query());
    const { items, total } = await store.automations.list(c.get('userId'), {
      limit: query.limit,
      offset: query.offset,
      ...(query.isActive ? { isActive: query.isActive === 'true' } : {}),
    });
    const body = pageText(items, { total, limit: query.limit, offset: query.offset });
    return c.body(body, 200, { 'content-type': 'application/json' });
  });

  app.post('/automations', async (c) => {
    const body = await readJson(c, AutomationBodySchema);
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
    const problems = checked(automation);
    const saved = await store.automations.save(automation);
    return c.json({ ...saved, problems }, 201);
  });

  // The builder's live check: every rule of a save, node hooks (template variables...) included, nothing stored.
  app.post('/automations/validate', async (c) => {
    const draft = await readJson(c, AutomationDraftSchema);
    const problems = engine.validate({ id: 'draft', ...draft, userId: c.get('userId') });
    return c.json({ valid: problems.length === 0, problems });
  });

  app.get('/automations/:id', async (c) => {
    const automation = await load(c);
    return c.json({ ...automation, problems: engine.validate(automation) });
  });

  app.put('/automations/:id', async (c) => {
    const current = await load(c);
    const body = definedOnly(await readJson(c, AutomationUpdateSchema));
    const merged = { ...current, ...body };
    const graphChanged = graphKey(merged) !== graphKey(current);
    const next: Automation = {
      ...merged,
      version: graphChanged ? current.version + 1 : current.version,
      updatedAt: clock.now(),
    };
    const problems = checked(next);
    const saved = await store.automations.save(next);
    return c.json({ ...saved, problems });
  });

  app.delete('/automations/:id', async (c) => {
    const deleted = await store.automations.delete(c.get('userId'), c.req.param('id'));
    if (!deleted) throw new HttpError(404, 'not_found');
    return c.body(null, 204);
  });

  app.patch('/automations/:id/toggle', async (c) => {
    const current = await load(c);
    const body = await readJson(c, ToggleBodySchema);
    const next: Automation = { ...current, isActive: body?.isActive ?? !current.isActive, updatedAt: clock.now() };
    const problems = checked(next);
    const saved = await store.automations.save(next);
    return c.json({ ...saved, problems });
  });

  app.post('/automations/:id/test', async (c) => {
    const current = await load(c);
    const body = await readJson(c, TestBodySchema);
    const draft: Automation = { ...current, ...(body?.automation ?? {}) };
    const result = await engine.testAutomation(draft, body?.sampleData);
    return c.json(result);
  });

  app.post('/automations/:id/run', async (c) => {
    const body = await readJson(c, RunBodySchema);
    // The engine loads the automation for this tenant and answers NotFoundError (404) for another's.
    const run = await engine.runAutomation(c.req.param('id'), body?.payload ?? {}, { userId: c.get('userId') });
    return c.json(run, 201);
  });

  return app;
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
