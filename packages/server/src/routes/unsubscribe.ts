import { createRoute, z } from '@hono/zod-openapi';
import { addSuppression, verifyUnsubscribeToken } from '@swigs/automation-nodes';
import type { Store } from '@swigs/automation-core';
import { HttpError } from '../http/http-error';
import { createRouter, type ApiRouter } from '../http/router';
import { errorResponses } from '../openapi/responses';

const tags = ['unsubscribe'];
const TokenParamsSchema = z.object({ token: z.string().openapi({ description: 'The signed token of the mail' }) });
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

const unsubscribePage = createRoute({
  operationId: 'showUnsubscribePage',
  method: 'get',
  path: '/unsubscribe/{token}',
  tags,
  summary: 'Unsubscribe confirmation page (French)',
  security: [],
  request: { params: TokenParamsSchema },
  responses: { 200: html('The confirmation page'), ...errorResponses(400) },
});

const unsubscribe = createRoute({
  operationId: 'unsubscribe',
  method: 'post',
  path: '/unsubscribe/{token}',
  tags,
  summary: 'One-click unsubscribe (RFC 8058); 204 for `List-Unsubscribe=One-Click`, else a page',
  security: [],
  request: {
    params: TokenParamsSchema,
    body: {
      required: false,
      content: { 'application/x-www-form-urlencoded': { schema: { type: 'string' } } },
    },
  },
  responses: {
    200: html('The address is unsubscribed'),
    204: { description: 'Unsubscribed (one-click)' },
    ...errorResponses(400, 413),
  },
});

/**
 * One-click unsubscribe (RFC 8058), public: `GET /unsubscribe/:token` shows a French confirmation page,
 * `POST /unsubscribe/:token` records the suppression (204 for a receiver's `List-Unsubscribe=One-Click`, a page
 * for the form). Never a redirect. The token is the HMAC-signed one `send_email` puts in marketing mail.
 */
export function unsubscribeRoutes(store: Store, secret: string): ApiRouter {
  const app = createRouter();

  const claimsOf = (token: string) => {
    const claims = token.length <= 2000 ? verifyUnsubscribeToken(token, secret) : null;
    if (!claims) throw new HttpError(400, 'bad_signature');
    return claims;
  };

  app.openapi(unsubscribePage, (c) => {
    const claims = claimsOf(c.req.valid('param').token);
    return c.html(
      page(
        'Se désabonner',
        `<p>Ne plus recevoir nos e-mails d’information à l’adresse <strong>${escapeHtml(claims.recipient)}</strong> ?</p>
<form method="post"><button type="submit">Me désabonner</button></form>`,
      ),
    );
  });

  app.openapi(unsubscribe, async (c) => {
    const claims = claimsOf(c.req.valid('param').token);
    const body = (await c.req.text()).slice(0, 200);
    await addSuppression(store, { userId: claims.userId, email: claims.recipient, scope: claims.scope });
    if (body.includes('List-Unsubscribe=One-Click')) return c.body(null, 204);
    return c.html(
      page(
        'Désabonnement confirmé',
        `<p>L’adresse <strong>${escapeHtml(claims.recipient)}</strong> ne recevra plus nos e-mails d’information.</p>`,
      ),
    );
  });

  return app;
}

function page(title: string, content: string): string {
  return `<!doctype html><html lang="fr-CH"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1>${content}</body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
