import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env';
import { parseWith, readJson } from '../http/read-json';
import { forRequest, type InvoicingDeps } from './context';
import { createEvent, deleteEvent, listEvents, requireEvent, updateEvent } from './events';
import { createProject, deleteProject, listProjects, requireProject, updateProject } from './projects';
import { eventListQuerySchema, projectListQuerySchema } from './query-schemas';
import { createQuote, deleteQuote, listQuotes, requireQuote, signQuote, updateQuote } from './quotes';
import {
  eventCreateSchema,
  eventUpdateSchema,
  projectCreateSchema,
  projectUpdateSchema,
  quoteCreateSchema,
  quoteSignSchema,
  quoteUpdateSchema,
} from './schemas';
import { eventJson, projectJson, quoteJson } from './serialize';

/** Projects, their hours and expenses, and quotes. */
export function createProjectRoutes(deps: InvoicingDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const scoped = (c: Context<AppEnv>): InvoicingDeps => forRequest(deps, c.get('lang'));

  app.get('/projects', async (c) => {
    const query = parseWith(c, projectListQuerySchema, c.req.query());
    const { items, total } = await listProjects(scoped(c), c.get('userId'), query);
    return c.json({ items: items.map(projectJson), total, limit: query.limit, offset: query.offset });
  });
  app.post('/projects', async (c) => {
    const input = await readJson(c, projectCreateSchema);
    return c.json(projectJson(await createProject(scoped(c), c.get('userId'), input)), 201);
  });
  app.get('/projects/:projectId', async (c) =>
    c.json(projectJson(await requireProject(scoped(c), c.get('userId'), c.req.param('projectId')))),
  );
  app.patch('/projects/:projectId', async (c) => {
    const input = await readJson(c, projectUpdateSchema);
    return c.json(projectJson(await updateProject(scoped(c), c.get('userId'), c.req.param('projectId'), input)));
  });
  app.delete('/projects/:projectId', async (c) => {
    await deleteProject(scoped(c), c.get('userId'), c.req.param('projectId'));
    return c.body(null, 204);
  });

  app.get('/projects/:projectId/events', async (c) => {
    const query = parseWith(c, eventListQuerySchema, c.req.query());
    const { items, total } = await listEvents(scoped(c), c.get('userId'), c.req.param('projectId'), query);
    return c.json({ items: items.map(eventJson), total });
  });
  app.post('/projects/:projectId/events', async (c) => {
    const input = await readJson(c, eventCreateSchema);
    return c.json(eventJson(await createEvent(scoped(c), c.get('userId'), c.req.param('projectId'), input)), 201);
  });
  app.get('/events/:eventId', async (c) => c.json(eventJson(await requireEvent(scoped(c), c.get('userId'), c.req.param('eventId')))));
  app.patch('/events/:eventId', async (c) => {
    const input = await readJson(c, eventUpdateSchema);
    return c.json(eventJson(await updateEvent(scoped(c), c.get('userId'), c.req.param('eventId'), input)));
  });
  app.delete('/events/:eventId', async (c) => {
    await deleteEvent(scoped(c), c.get('userId'), c.req.param('eventId'));
    return c.body(null, 204);
  });

  app.get('/projects/:projectId/quotes', async (c) => {
    const { items, total } = await listQuotes(scoped(c), c.get('userId'), c.req.param('projectId'));
    return c.json({ items: items.map(quoteJson), total });
  });
  app.post('/projects/:projectId/quotes', async (c) => {
    const input = await readJson(c, quoteCreateSchema);
    return c.json(quoteJson(await createQuote(scoped(c), c.get('userId'), c.req.param('projectId'), input)), 201);
  });
  app.get('/quotes/:quoteId', async (c) => c.json(quoteJson(await requireQuote(scoped(c), c.get('userId'), c.req.param('quoteId')))));
  app.patch('/quotes/:quoteId', async (c) => {
    const input = await readJson(c, quoteUpdateSchema);
    return c.json(quoteJson(await updateQuote(scoped(c), c.get('userId'), c.req.param('quoteId'), input)));
  });
  app.post('/quotes/:quoteId/sign', async (c) => {
    const input = await readJson(c, quoteSignSchema);
    return c.json(quoteJson(await signQuote(scoped(c), c.get('userId'), c.req.param('quoteId'), input)));
  });
  app.delete('/quotes/:quoteId', async (c) => {
    await deleteQuote(scoped(c), c.get('userId'), c.req.param('quoteId'));
    return c.body(null, 204);
  });

  return app;
}
