import type { AddressInfo } from 'node:net';
import {
  createEngine,
  createFakeClock,
  createMemoryStore,
  type Engine,
  type FakeClock,
  type Store,
} from '@swigs/automation-core';
import { createSmtpMail } from '@swigs/automation-adapters/nodemailer';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { hasPoppler } from '@swigs/test-services/poppler';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createInvoiceLinks,
  createInvoicingAttachments,
  createInvoicingRecordPort,
  createOverdueSweep,
  type InvoiceLinks,
} from '../../src/invoicing/index';
import { CLIENT, QR_IBAN_SETTINGS, startHarness, type Harness } from './harness';
import { decodeQrFromPdf, pdfText } from './pdf-tools';

const U = 'tenant-dunning';
const DAY = 86_400_000;
let store: Store;
let clock: FakeClock;
let engine: Engine;
let h: Harness;
let smtp: SMTPServer;
let inbox: ParsedMail[];
let mail: ReturnType<typeof createSmtpMail>;
let links: InvoiceLinks;

beforeEach(async () => {
  inbox = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          inbox.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  mail = createSmtpMail({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  store = createMemoryStore();
  // Thursday 5 March 2026, 10:00 in Zurich.
  clock = createFakeClock('2026-03-05T09:00:00Z');
  engine = createEngine({
    store,
    registry: createDefaultRegistry(),
    clock,
    ports: {
      mail,
      email: { from: 'SWIGS Sàrl <facturation@swigs.ch>' },
      records: createInvoicingRecordPort(store, { clock }),
      attachments: createInvoicingAttachments(store),
    },
  });
  await engine.start();
  links = createInvoiceLinks({ publicUrl: 'https://workflow.swigs.example/', secret: 'a'.repeat(64), clock });
  h = await startHarness({ store, engine, clock, invoiceLinks: links });
  await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
});
afterEach(async () => {
  await h.close();
  // The pool's idle connections would hold the server's close for its 30 s timeout.
  await mail.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function sentInvoice(amount: number): Promise<any> {
  const project = (await h.call(U, 'POST', '/api/projects', { name: 'Site', client: CLIENT })).body;
  const invoice = (
    await h.call(U, 'POST', `/api/projects/${project.id}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'Refonte du site', quantity: 1, unit: 'forfait', unitPrice: amount }],
    })
  ).body;
  const sent = await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`);
  expect(sent.status).toBe(200);
  return sent.body;
}

/** Moves the fake clock to `days` after 4 April 2026 (the due date) at 09:30 in Zurich, then lets the sweep pass. */
async function dayAfterDue(days: number, sweep: ReturnType<typeof createOverdueSweep>): Promise<void> {
  // Jump, then a short advance wakes whatever slept until before then (the scheduler, waits that fell due).
  clock.set(Date.parse('2026-04-04T07:30:00Z') + days * DAY - 1000);
  await clock.advance(1000);
  await sweep.runOnce();
  // The run's steps (a wait resumed by the scheduler, the SMTP exchange) settle.
  for (let i = 0; i < 50 && (await store.runs.list({ userId: U, status: ['running', 'pending'] })).total > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe.skipIf(!hasPoppler)('dunning as automations: « Relances » over the fake clock and a real SMTP server', () => {
  it('reminds an unpaid invoice at due + 10 and + 20 days with its PDF attached and a signed link, and stops for one paid meanwhile', async () => {
    const installed = await h.call(U, 'POST', '/api/settings/invoicing/dunning');
    expect(installed.status).toBe(201);
    expect(installed.body.templateIds).toEqual(['rappel-facture-1', 'rappel-facture-2', 'mise-en-demeure']);
    expect((await h.call(U, 'POST', '/api/settings/invoicing/dunning')).status).toBe(200);
    const automation = await h.call(U, 'GET', `/api/automations/${installed.body.automationId}`);
    expect(automation.body).toMatchObject({ name: 'Relances', isActive: true, trigger: { type: 'invoice.overdue' } });
    expect(automation.body.problems).toEqual([]);

    const unpaid = await sentInvoice(500);
    const paidLater = await sentInvoice(300);
    expect(unpaid.dueDate).toBe('2026-04-04');
    const sweep = createOverdueSweep({ store, engine, clock, links });

    await dayAfterDue(9, sweep);
    expect(inbox).toHaveLength(0);

    await dayAfterDue(10, sweep);
    expect(inbox.map((mail) => mail.subject).sort()).toEqual([
      `Rappel : facture n° ${unpaid.number}`,
      `Rappel : facture n° ${paidLater.number}`,
    ]);
    const first = inbox.find((mail) => mail.subject?.includes(unpaid.number))!;
    expect(first.to && 'text' in first.to ? first.to.text : '').toContain(CLIENT.email);
    expect(first.html).toContain('540.50');
    expect(first.attachments).toHaveLength(1);
    const attachment = first.attachments[0]!;
    expect(attachment).toMatchObject({ filename: `facture-${unpaid.number}.pdf`, contentType: 'application/pdf' });
    const pdf = new Uint8Array(attachment.content);
    expect(await pdfText(pdf)).toContain(`Facture ${unpaid.number}`);
    expect((await decodeQrFromPdf(pdf))!.split(/\r?\n/)[18]).toBe('540.50');

    // The mail links to the invoice's PDF: signed, opened without login, in the tenant it names only.
    const link = /href="https:\/\/workflow\.swigs\.example(\/api\/public\/invoices\/([^/"]+)\/pdf)"/.exec(
      first.html || '',
    );
    expect(link).not.toBeNull();
    const [, path, token] = link!;
    const opened = await h.fetch(path!);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(new Uint8Array(await opened.arrayBuffer()))).toContain(`Facture ${unpaid.number}`);
    const tampered = `${token!.slice(0, -2)}${token!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await h.fetch(`/api/public/invoices/${tampered}/pdf`)).status).toBe(401);
    const otherTenant = links.pdfUrl('tenant-other', unpaid.id).replace('https://workflow.swigs.example', '');
    expect((await h.fetch(otherTenant)).status).toBe(404);

    // A second pass the same day fires nothing more (the dedupe key is stored).
    await sweep.runOnce();
    expect(inbox).toHaveLength(2);

    // The second invoice is paid between the two reminders.
    clock.set(Date.parse('2026-04-18T08:00:00Z'));
    expect((await h.call(U, 'POST', `/api/invoices/${paidLater.id}/paid`)).status).toBe(200);

    await dayAfterDue(20, sweep);
    const second = inbox.slice(2);
    expect(second.map((mail) => mail.subject)).toEqual([`2e rappel : facture n° ${unpaid.number} impayée`]);
    expect(second[0]!.attachments[0]!.filename).toBe(`facture-${unpaid.number}.pdf`);

    await dayAfterDue(30, sweep);
    const third = inbox.slice(3);
    expect(third.map((mail) => mail.subject)).toEqual([`Mise en demeure : facture n° ${unpaid.number}`]);
    expect(inbox.filter((mail) => mail.subject?.includes(paidLater.number))).toHaveLength(1);

    // The link expires (90 days): then it opens nothing.
    clock.set(Date.parse('2026-07-20T08:00:00Z'));
    expect((await h.fetch(path!)).status).toBe(401);
  });
});
