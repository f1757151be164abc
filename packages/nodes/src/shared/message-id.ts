import { createHash } from 'node:crypto';

/** `<hash@domain>` from an idempotency key; the same as the adapters derive, so retries keep one Message-ID. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+[A-Za-z0-9])/.exec(from)?.[1]?.toLowerCase() ?? 'swigs.local';
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`;
}
