import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '@swigs/automation-core';

/** Options of `createInvoiceLinks`. */
export interface InvoiceLinksOptions {
  /** The server's public URL (`PUBLIC_URL`): `https://workflow.swigs.ch`. */
  publicUrl: string;
  /** HMAC key (from the data folder, generated once; never in a link or a log). */
  secret: string;
  clock: Clock;
  /** How long a link opens the PDF; default 90 days (a reminder ladder runs about 30). */
  ttlDays?: number;
}

/** Signed links that open one invoice's PDF without logging in (the « voir la facture » of the reminders). */
export interface InvoiceLinks {
  /** `<publicUrl>/api/public/invoices/<token>/pdf`, valid `ttlDays` from now. */
  pdfUrl(userId: string, invoiceId: string): string;
  /** The tenant and invoice a token stands for, or null when it was tampered with, is malformed or has expired. */
  verify(token: string): { userId: string; invoiceId: string } | null;
}

/**
 * Links signed with HMAC-SHA256 over the tenant, the invoice and the expiry: a token opens exactly one invoice of
 * exactly one tenant until it expires, and changing any part of it breaks the signature.
 * @example
 * const links = createInvoiceLinks({ publicUrl, secret, clock });
 * links.pdfUrl('user-1', invoice.id); // 'https://…/api/public/invoices/eyJ1Ijoi….Zk3…/pdf'
 */
export function createInvoiceLinks(options: InvoiceLinksOptions): InvoiceLinks {
  const base = options.publicUrl.replace(/\/+$/, '');
  const ttlMs = (options.ttlDays ?? 90) * 86_400_000;
  const sign = (payload: string) => createHmac('sha256', options.secret).update(`invoice-pdf.${payload}`).digest();
  return {
    pdfUrl(userId, invoiceId) {
      const expires = Math.floor((options.clock.now().getTime() + ttlMs) / 1000);
      const payload = Buffer.from(JSON.stringify({ u: userId, i: invoiceId, e: expires })).toString('base64url');
      return `${base}/api/public/invoices/${payload}.${sign(payload).toString('base64url')}/pdf`;
    },
    verify(token) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined || token.length > 2000) return null;
      const expected = sign(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const claims = parse(payload);
      if (!claims || claims.e * 1000 <= options.clock.now().getTime()) return null;
      return { userId: claims.u, invoiceId: claims.i };
    },
  };
}

function parse(payload: string): { u: string; i: string; e: number } | null {
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const ok = typeof data.u === 'string' && typeof data.i === 'string' && Number.isInteger(data.e);
    return ok ? (data as { u: string; i: string; e: number }) : null;
  } catch {
    return null;
  }
}
