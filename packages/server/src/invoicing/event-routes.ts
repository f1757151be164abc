import { createRoute } from '@hono/zod-openapi';
import { createRouter, type ApiRouter } from '../http/router';
import { errorResponses, jsonContent, jsonRequest, noContent } from '../openapi/responses';
import type { InvoicingDeps } from './context';
import { createEvent, deleteEvent, listEvents, requireEvent, updateEvent } from './events';
import { EventParamsSchema, ProjectParamsSchema, eventListQuerySchema } from './query-schemas';
import { EventJsonSchema, EventListSchema } from './response-schemas';
import { eventCreateSchema, eventUpdateSchema } from './schemas';
import { eventJson } from './serialize';

const tags = ['projects'];

const listEventsRoute = createRoute({
  operationId: 'listProjectEvents',
  method: 'get',
  path: '/projects/{projectId}/events',
  tags,
  summary: 'Hours and expenses of a project, by service date',
  request: { params: ProjectParamsSchema, query: eventListQuerySchema },
  responses: { 200: jsonContent(EventListSchema, 'Every event of the project') },
});

const createEventRoute = createRoute({
  operationId: 'createProjectEvent',
  method: 'post',
  path: '/projects/{projectId}/events',
  tags,
  summary: 'Add hours or an expense',
  request: { params: ProjectParamsSchema, body: jsonRequest(eventCreateSchema) },
  responses: { 201: jsonContent(EventJsonSchema, 'The event') },
});

const getEventRoute = createRoute({
  operationId: 'getProjectEvent',
  method: 'get',
  path: '/events/{eventId}',
  tags,
  summary: 'Get an event',
  request: { params: EventParamsSchema },
  responses: { 200: jsonContent(EventJsonSchema, 'The event') },
});

const updateEventRoute = createRoute({
  operationId: 'updateProjectEvent',
  method: 'patch',
  path: '/events/{eventId}',
  tags,
  summary: 'Update an unbilled event',
  request: { params: EventParamsSchema, body: jsonRequest(eventUpdateSchema) },
  responses: { 200: jsonContent(EventJsonSchema, 'The event'), ...errorResponses(409) },
});

const deleteEventRoute = createRoute({
  operationId: 'deleteProjectEvent',
  method: 'delete',
  path: '/events/{eventId}',
  tags,
  summary: 'Delete an unbilled event',
  request: { params: EventParamsSchema },
  responses: { 204: noContent('Deleted'), ...errorResponses(409) },
});

/** Hours and expenses of the tenant's projects. */
export function createEventRoutes(deps: InvoicingDeps): ApiRouter {
  const app = createRouter();

  app.openapi(listEventsRoute, async (c) => {
    const { projectId } = c.req.valid('param');
    const { items, total } = await listEvents(deps, c.get('userId'), projectId, c.req.valid('query'));
    return c.json({ items: items.map(eventJson), total }, 200);
  });
  app.openapi(createEventRoute, async (c) => {
    const { projectId } = c.req.valid('param');
    const event = await createEvent(deps, c.get('userId'), projectId, c.req.valid('json'));
    return c.json(eventJson(event), 201);
  });
  app.openapi(getEventRoute, async (c) => {
    const event = await requireEvent(deps, c.get('userId'), c.req.valid('param').eventId);
    return c.json(eventJson(event), 200);
  });
  app.openapi(updateEventRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const event = await updateEvent(deps, c.get('userId'), eventId, c.req.valid('json'));
    return c.json(eventJson(event), 200);
  });
  app.openapi(deleteEventRoute, async (c) => {
    await deleteEvent(deps, c.get('userId'), c.req.valid('param').eventId);
    return c.body(null, 204);
  });

  return app;
}
