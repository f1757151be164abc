import type { Clock, Logger } from '@swigs/automation-core';
import { z } from 'zod';
import { formatIssues } from './cms-values';
import type { CmsEvent } from './event-sink';
import { verifyCmsWebhookSignature } from './signature';

/** What `handleWebhook` answers; the server sends `status` with `{ fired, error }` as JSON. */
export interface CmsWebhookResult {
  status: 200 | 400 | 401;
  /** Events handed to the engine by this call (0 when already delivered by the poller). */
  fired: number;
  error?: string;
}

/** The body the CMS posts: `order.*` events carry the order, `customer.created` the customer. */
export const CmsWebhookBodySchema = z.object({
  event: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()),
  /** The CMS's delivery id, only logged. */
  id: z.union([z.string(), z.number()]).optional(),
});

/** Why a record fires nothing: invalid, status not mapped, customer older than the bridge's origin. */
export interface CmsSkip {
  skip: 'invalid' | 'unknown' | 'old';
  reason: string;
}

/** Options of `createWebhookHandler`. */
export interface WebhookHandlerOptions {
  secret?: string;
  toleranceMs: number;
  clock: Clock;
  logger: Logger;
  readOrder(raw: unknown): CmsEvent | CmsSkip;
  readCustomer(raw: unknown): Promise<CmsEvent | CmsSkip>;
  deliver(event: CmsEvent): Promise<boolean>;
}

/** Builds `handleWebhook`: signature first, then validation, then the same delivery as the poller. */
export function createWebhookHandler(
  options: WebhookHandlerOptions,
): (rawBody: string | Uint8Array, headers: Record<string, string | string[] | undefined>) => Promise<CmsWebhookResult> {
  const { secret, toleranceMs, clock, logger } = options;
  return async (rawBody, headers) => {
    if (!secret) {
      logger.warn('cms webhook refused: no webhook secret configured');
      return { status: 401, fired: 0, error: 'webhooks are disabled: CMS_WEBHOOK_SECRET is not set' };
    }
    if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
      return { status: 400, fired: 0, error: 'body must be the raw request body (string or bytes)' };
    }
    const check = verifyCmsWebhookSignature({ secret, rawBody, headers: headers ?? {}, now: clock.now(), toleranceMs });
    if (!check.ok) {
      logger.warn('cms webhook refused', { reason: check.reason });
      return { status: 401, fired: 0, error: check.reason };
    }
    let json: unknown;
    try {
      json = JSON.parse(typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'));
    } catch {
      return { status: 400, fired: 0, error: 'body is not valid JSON' };
    }
    const body = CmsWebhookBodySchema.safeParse(json);
    if (!body.success) return { status: 400, fired: 0, error: `invalid webhook body: ${formatIssues(body.error)}` };
    const { event, data, id } = body.data;

    let cmsEvent: CmsEvent | CmsSkip;
    if (event.startsWith('order.')) cmsEvent = options.readOrder(data);
    else if (event === 'customer.created') cmsEvent = await options.readCustomer(data);
    else cmsEvent = { skip: 'unknown', reason: `event ${JSON.stringify(event)} is not handled` };

    if ('skip' in cmsEvent) {
      if (cmsEvent.skip === 'invalid')
        return { status: 400, fired: 0, error: `invalid ${event} data: ${cmsEvent.reason}` };
      logger.info('cms webhook ignored', { event, deliveryId: id, reason: cmsEvent.reason });
      return { status: 200, fired: 0 };
    }
    const fired = await options.deliver(cmsEvent);
    logger.info('cms webhook', { event, deliveryId: id, eventType: cmsEvent.eventType, fired });
    return { status: 200, fired: fired ? 1 : 0 };
  };
}
