import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * The Message-ID an idempotency key always maps to: `<hash@domain>`, angle brackets included. `send_email` and the
 * mail adapters both derive it here, so a retried step keeps one Message-ID and receivers (and the outbox) see the
 * duplicate. SHA-256 in pure JS keeps core browser-safe.
 * @example
 * messageIdFor('run-1:thanks', domainOf('"Boutique" <info@boutique.ch>')); // '<…32 hex…@boutique.ch>'
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${bytesToHex(sha256(utf8ToBytes(idempotencyKey))).slice(0, 32)}@${domain}>`;
}

/** The domain part of the first address in `from` (`"Shop" <info@shop.ch>` -> `shop.ch`), or `fallback`. */
export function domainOf(from: string, fallback = 'swigs.local'): string {
  const match = /@([A-Za-z0-9.-]+[A-Za-z0-9])/.exec(from);
  return match?.[1]?.toLowerCase() ?? fallback;
}
