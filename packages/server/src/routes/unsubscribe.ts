import { Hono } from 'hono';
import { addSuppression, verifyUnsubscribeToken } from '@swigs/automation-nodes';
import type { Store } from '@swigs/automation-core';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/http-error';

/**
 * One-click unsubscribe (RFC 8058), public: `GET /unsubscribe/:token` shows a French confirmation page,
 * `POST /unsubscribe/:token` records the suppression (204 for a receiver's `List-Unsubscribe=One-Click`, a page
 * for the form). Never a redirect. The token is the HMAC-signed one `send_email` puts in marketing mail.
 */
export function unsubscribeRoutes(store: Store, secret: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const claimsOf = (token: string) => {
    const claims = token.length <= 2000 ? verifyUnsubscribeToken(token, secret) : null;
    if (!claims) throw new HttpError(400, 'bad_signature');
    return claims;
  };

  app.get('/unsubscribe/:token', (c) => {
    const claims = claimsOf(c.req.param('token'));
    return c.html(page('Se désabonner', `<p>Ne plus recevoir nos e-mails d’information à l’adresse <strong>${escapeHtml(claims.recipient)}</strong> ?</p>
<form method="post"><button type="submit">Me désabonner</button></form>`));
  });

  app.post('/unsubscribe/:token', async (c) => {
    const claims = claimsOf(c.req.param('token'));
    const body = (await c.req.text()).slice(0, 200);
    await addSuppression(store, { userId: claims.userId, email: claims.recipient, scope: claims.scope });
    if (body.includes('List-Unsubscribe=One-Click')) return c.body(null, 204);
    return c.html(page('Désabonnement confirmé', `<p>L’adresse <strong>${escapeHtml(claims.recipient)}</strong> ne recevra plus nos e-mails d’information.</p>`));
  });

  return app;
}

function page(title: string, content: string): string {
  return `<!doctype html><html lang="fr-CH"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1>${content}</body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
