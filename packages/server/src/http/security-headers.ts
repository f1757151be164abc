import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

export interface SecurityHeadersOptions {
  /** CSP `frame-ancestors` sources allowed to embed the UI. Default `'none'` (no framing). */
  frameAncestors?: string;
}

/**
 * The Content-Security-Policy of every response. What the UI and the builder need:
 * - scripts only from this origin (`app.js`, the builder bundle and CodeMirror's lazy chunks): no inline script, no
 *   `eval`, no third-party script;
 * - styles from this origin plus inline ones: Lit and CodeMirror add `<style>` elements and the builder positions
 *   nodes with `style` attributes (`'unsafe-inline'` for styles cannot run code);
 * - `fetch` and the run events' `EventSource` to this origin only (plus `blob:`: the page reads back the PDF blob it
 *   made itself); images from this origin, `data:`, `blob:` and any
 *   https host (email previews, in sandboxed srcdoc frames that inherit this policy, show the mail’s remote images);
 *   fonts from this origin and `data:`;
 * - plugins only for this origin's documents and `blob:`: the invoice PDF opens as a blob URL, which inherits this
 *   policy, and browsers show PDFs through their plugin (`'none'` would blank it); no `<base>` rewriting, forms
 *   posting to this origin only.
 */
export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "object-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** Sets CSP, nosniff, framing and referrer headers on every response, UI and API, errors included. */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler<AppEnv> {
  const headers = securityHeaderValues(options);
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}

/** The headers `securityHeaders` sets (the node:http fast path sets the same). */
export function securityHeaderValues(options: SecurityHeadersOptions = {}): Record<string, string> {
  const frameAncestors = options.frameAncestors?.trim() || "'none'";
  return {
    'Content-Security-Policy': contentSecurityPolicy(frameAncestors),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Older browsers read X-Frame-Options only; it can say "none" but not a list of hosts.
    ...(frameAncestors === "'none'" ? { 'X-Frame-Options': 'DENY' } : {}),
  };
}
