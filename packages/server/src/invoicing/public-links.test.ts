import { createFakeClock } from '@swigs/automation-core';
import { describe, expect, it } from 'vitest';
import { createInvoiceLinks } from './public-links';

const clock = createFakeClock('2026-04-14T08:00:00Z');
const links = createInvoiceLinks({
  publicUrl: 'https://workflow.swigs.ch/',
  secret: 's'.repeat(64),
  clock,
  ttlDays: 30,
});
const tokenOf = (url: string) => /\/api\/public\/invoices\/([^/]+)\/pdf$/.exec(url)![1]!;

describe('signed invoice links', () => {
  it('stands for one invoice of one tenant, under the public URL', () => {
    const url = links.pdfUrl('tenant-a', 'inv-1');
    expect(url.startsWith('https://workflow.swigs.ch/api/public/invoices/')).toBe(true);
    expect(links.verify(tokenOf(url))).toEqual({ userId: 'tenant-a', invoiceId: 'inv-1' });
  });

  it('refuses a token whose tenant or invoice was rewritten, or signed with another secret', () => {
    const [, signature] = tokenOf(links.pdfUrl('tenant-a', 'inv-1')).split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'tenant-b', i: 'inv-1', e: 4_000_000_000 })).toString('base64url');
    expect(links.verify(`${forged}.${signature}`)).toBeNull();
    const other = createInvoiceLinks({ publicUrl: 'https://x.example', secret: 't'.repeat(64), clock });
    expect(links.verify(tokenOf(other.pdfUrl('tenant-a', 'inv-1')))).toBeNull();
    expect(links.verify('garbage')).toBeNull();
    expect(links.verify('a.b.c')).toBeNull();
  });

  it('expires after its days', async () => {
    const token = tokenOf(links.pdfUrl('tenant-a', 'inv-1'));
    clock.set(Date.parse('2026-05-14T07:59:00Z'));
    expect(links.verify(token)).not.toBeNull();
    clock.set(Date.parse('2026-05-14T08:00:01Z'));
    expect(links.verify(token)).toBeNull();
  });
});
