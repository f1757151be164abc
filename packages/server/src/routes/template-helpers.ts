import { createRoute } from '@hono/zod-openapi';
import { TEMPLATE_VARIABLES_TEXT, createTemplateRenderer, templateHelperDocs } from '@swigs/automation-nodes';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent } from '../openapi/responses';
import { TemplateHelpersSchema } from './response-schemas';

const listHelpers = createRoute({
  operationId: 'listTemplateHelpers',
  method: 'get',
  path: '/template-helpers',
  tags: ['email-templates'],
  summary: 'The helpers templates may call, each with a French and English description, an example and its result',
  responses: { 200: jsonContent(TemplateHelpersSchema, 'The helpers') },
});

/** `GET /api/template-helpers`: the catalogue the template editor shows beside its field. */
export function templateHelperRoutes(): ApiRouter {
  const app = createRouter();
  // Built on the first call, not at start-up: compiling every example costs memory an idle server never needs.
  let body: ReturnType<typeof catalogue> | undefined;
  app.openapi(listHelpers, (c) => {
    body ??= catalogue();
    return c.json(body, 200);
  });
  return app;
}

/** The catalogue; its examples are rendered by the real renderer, so it shows what a template really prints. */
function catalogue(): {
  items: { name: string; description: { fr: string; en: string }; example: string; result: string }[];
  variables: { fr: string; en: string };
} {
  const renderer = createTemplateRenderer();
  return {
    items: templateHelperDocs.map((doc) => ({
      name: doc.name,
      description: { fr: doc.description.fr, en: doc.description.en },
      example: doc.example,
      result: renderer.render(doc.example, doc.exampleData, 'text'),
    })),
    variables: { fr: TEMPLATE_VARIABLES_TEXT.fr, en: TEMPLATE_VARIABLES_TEXT.en },
  };
}
