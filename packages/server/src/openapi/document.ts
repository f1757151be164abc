import type { ApiRouter } from '../http/router';

/** The OpenAPI 3.1 document of the API, as served at `/api/openapi.json`. */
export type OpenApiDocument = ReturnType<ApiRouter['getOpenAPI31Document']>;

/** Options of `createOpenApiDocument`. */
export interface OpenApiDocumentOptions {
  version?: string;
  serverUrl?: string;
}

/**
 * The OpenAPI 3.1 document of every route declared on `app` (and the routers mounted on it), written from the same
 * zod schemas that validate the requests.
 */
export function createOpenApiDocument(app: ApiRouter, options: OpenApiDocumentOptions = {}): OpenApiDocument {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'swigs-workflow API',
      version: options.version ?? '0.1.0',
      description:
        'The REST API of swigs-workflow. Errors answer `{ error, code, issues }`, the messages in French or English per Accept-Language.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ bearer: [] }],
  });
  return {
    ...document,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: { ...document.components, securitySchemes: { bearer: BEARER } },
  } as OpenApiDocument;
}

const BEARER = {
  type: 'http' as const,
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: 'An SSO or local JWT, or a service token with the tenant in X-Swigs-User.',
};
