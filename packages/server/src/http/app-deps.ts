import type { Clock, Engine, Logger, MailPort, Store } from '@swigs/automation-core';
import type { Authenticator } from '../auth/authenticator';
import type { FailureLimiterOptions } from '../auth/failure-limiter';
import type { ServerMetrics } from '../metrics/server-metrics';
import type { TemplateWorker } from '../templates/template-worker';
import type { TrustProxy } from './client-address';
import type { SampleListeners } from '../samples/sample-listeners';
import type { ApiRouter } from './router';

/** Receives the CMS's signed webhooks (the CMS bridge's `handleWebhook`). */
export interface CmsWebhookReceiver {
  /** Checks the signature over the raw body and fires the events; `status` is the HTTP answer. */
  handleWebhook(
    rawBody: Uint8Array,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<{ status: number; fired?: number; error?: string }>;
}

/** What `createApp` needs: the composition root hands in every port; nothing is global. */
export interface AppDeps {
  store: Store;
  engine: Engine;
  authenticator: Authenticator;
  /** Time for timestamps; defaults to the engine's clock (a fake one in tests). */
  clock?: Clock;
  /** Mail for template test sends; the engine's nodes get theirs through the engine's ports. */
  mail?: MailPort;
  logger?: Logger;
  /** CMS bridge for `POST /api/hooks/cms`; the route answers 404 without it. */
  cms?: CmsWebhookReceiver;
  /** Sender of template test sends. Default `SWIGS Automation <noreply@localhost>`. */
  mailFrom?: string;
  /** Largest request body in bytes. Default 1 MiB. */
  bodyLimit?: number;
  /** Trusted reverse proxies (hop count or addresses) whose X-Forwarded-For entries name the client. Default none. */
  trustProxy?: TrustProxy;
  authFailures?: FailureLimiterOptions;
  /** Folder of the built web UI; null serves the placeholder page. Default: `dist/ui` when present. */
  uiDir?: string | null;
  /**
   * Resolves a `webhook.received` trigger's `secretRef` to its secret. Default: the environment variable of that
   * name, only for names starting with `WEBHOOK_` (so no other server secret can serve as a webhook secret).
   */
  secrets?: (name: string) => string | undefined;
  /** swigs-hub's login page, offered by the UI in SSO mode (`GET /api/auth/config`). */
  ssoLoginUrl?: string;
  /** Secret of unsubscribe tokens (the engine's `ports.email.unsubscribe.secret`); enables `/api/unsubscribe/:token`. */
  unsubscribeSecret?: string;
  /**
   * "Listen for the next event" of automations, kept in the store. Default: one over `store`; pass the one the
   * CMS bridge's `fire` goes through (`listeningFire`), so both see the same listeners.
   */
  listeners?: SampleListeners;
  /** Extra readiness check for `/readyz` (e.g. the scheduler started). */
  isReady?: () => boolean | Promise<boolean>;
  /** Longest an email template may take to check and render in a preview or save, in ms. Default 2000. */
  templateTimeLimitMs?: number;
  /** CSP `frame-ancestors` of the UI: hosts allowed to embed it, e.g. `https://cms.swigs.ch`. Default `'none'`. */
  frameAncestors?: string;
  /** Serve the UI's source maps (`/app.js.map`). Default false: they answer 404. */
  sourceMaps?: boolean;
  /** More routers mounted under `/api`, behind authentication (invoicing); their routes join the document. */
  apiRoutes?: readonly ApiRouter[];
  /** Times every request (`createServerMetrics`); with `metricsToken`, also serves them on `GET /metrics`. */
  metrics?: ServerMetrics;
  /** Bearer token of `GET /metrics`; without it the route does not exist (404). */
  metricsToken?: string;
}

/** Deps with defaults applied, as route modules receive them. */
export interface RouteDeps {
  store: Store;
  engine: Engine;
  clock: Clock;
  logger: Logger;
  mail?: MailPort;
  mailFrom: string;
  cms?: CmsWebhookReceiver;
  secrets: (name: string) => string | undefined;
  /** Checks and renders email templates off the request thread. */
  templates: TemplateWorker;
  listeners: SampleListeners;
}
