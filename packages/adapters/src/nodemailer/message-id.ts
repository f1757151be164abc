import { createHash } from 'node:crypto';

/**
 * The Message-ID an idempotency key always maps to: `<hash@domain>`, angle brackets included.
 * The same step retried produces the same Message-ID, so receivers and our logs can spot a duplicate.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${hash}@${domain}>`;
}

/** The domain part of the first address in `from` (`"Shop" <info@shop.ch>` -> `shop.ch`), or a fallback. */
export function domainOf(from: string, fallback = 'swigs.local'): string {
  const match = /@([A-Za-z0-9.-]+[A-Za-z0-9])/.exec(from);
  return match?.[1]?.toLowerCase() ?? fallback;
}
