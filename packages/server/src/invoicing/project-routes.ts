import { createRoute } from '@hono/zod-openapi';
import { createRouter, type ApiRouter } from '../http/router';
import { errorResponses, jsonContent, jsonRequest, noContent } from '../openapi/responses';
import { pageBody } from '../routes/paging';
import type { InvoicingDeps } from './context';
import { createProject, deleteProject, listProjects, requireProject, updateProject } from './projects';
import { ProjectParamsSchema, projectListQuerySchema } from './query-schemas';
import { ProjectJsonSchema, ProjectPageSchema } from './response-schemas';
import { projectCreateSchema, projectUpdateSchema } from './schemas';
import { projectJson } from './serialize';

const tags = ['projects'];

const listProjectsRoute = createRoute({
  operationId: 'listProjects',
  method: 'get',
  path: '/projects',
  tags,
  summary: 'List projects, newest first',
  request: { query: projectListQuerySchema },
  responses: { 200: jsonContent(ProjectPageSchema, 'A page of projects') },
});

const createProjectRoute = createRoute({
  operationId: 'createProject',
  method: 'post',
  path: '/projects',
  tags,
  summary: 'Create a project',
  request: { body: jsonRequest(projectCreateSchema) },
  responses: { 201: jsonContent(ProjectJsonSchema, 'The project') },
});

const getProjectRoute = createRoute({
  operationId: 'getProject',
  method: 'get',
  path: '/projects/{projectId}',
  tags,
  summary: 'Get a project',
  request: { params: ProjectParamsSchema },
  responses: { 200: jsonContent(ProjectJsonSchema, 'The project') },
});

const updateProjectRoute = createRoute({
  operationId: 'updateProject',
  method: 'patch',
  path: '/projects/{projectId}',
  tags,
  summary: 'Update a project (a status change fires project.status_changed)',
  request: { params: ProjectParamsSchema, body: jsonRequest(projectUpdateSchema) },
  responses: { 200: jsonContent(ProjectJsonSchema, 'The project') },
});

const deleteProjectRoute = createRoute({
  operationId: 'deleteProject',
  method: 'delete',
  path: '/projects/{projectId}',
  tags,
  summary: 'Delete a project with its events and quotes (refused once it has invoices)',
  request: { params: ProjectParamsSchema },
  responses: { 204: noContent('Deleted'), ...errorResponses(409) },
});

/** Projects of the tenant. */
export function createProjectRoutes(deps: InvoicingDeps): ApiRouter {
  const app = createRouter();

  app.openapi(listProjectsRoute, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await listProjects(deps, c.get('userId'), query);
    return c.json(pageBody(items.map(projectJson), total, query), 200);
  });
  app.openapi(createProjectRoute, async (c) => {
    const project = await createProject(deps, c.get('userId'), c.req.valid('json'));
    return c.json(projectJson(project), 201);
  });
  app.openapi(getProjectRoute, async (c) => {
    const project = await requireProject(deps, c.get('userId'), c.req.valid('param').projectId);
    return c.json(projectJson(project), 200);
  });
  app.openapi(updateProjectRoute, async (c) => {
    const { projectId } = c.req.valid('param');
    const project = await updateProject(deps, c.get('userId'), projectId, c.req.valid('json'));
    return c.json(projectJson(project), 200);
  });
  app.openapi(deleteProjectRoute, async (c) => {
    await deleteProject(deps, c.get('userId'), c.req.valid('param').projectId);
    return c.body(null, 204);
  });

  return app;
}
