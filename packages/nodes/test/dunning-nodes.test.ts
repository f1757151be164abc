import { describe, expect, it } from 'vitest';
import {
  type AttachmentPort,
  MAX_ATTACHMENT_BYTES,
  type MailMessage,
  type MailPort,
  type RecordPort,
} from '@swigs/automation-core';
import { executeNode as runNode } from '@swigs/automation-core/testing';
import { getRecord, invoiceOverdue, sendEmail } from '../src/index';

/** A host's invoices over a plain map. */
function invoiceRecords(): RecordPort {
  const rows = new Map([['user-1:inv_1', { id: 'inv_1', status: 'paid', balance: 0 }]]);
  return {
    types: ['invoice'],
    async update() {
      return null;
    },
    async get({ userId, id }) {
      return rows.get(`${userId}:${id}`) ?? null;
    },
  };
}

/** A mail port that keeps what it is given. */
function keptMail(): MailPort & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    name: 'kept',
    sent,
    async send(message) {
      sent.push(message);
      return { messageId: message.messageId ?? '<x@test>' };
    },
    async close() {},
  };
}

function pdfs(size: number): AttachmentPort {
  return {
    kinds: ['invoice_pdf'],
    async load({ id }) {
      return id === 'missing'
        ? null
        : { filename: `facture-${id}.pdf`, contentType: 'application/pdf', content: new Uint8Array(size) };
    },
  };
}

describe('get_record', () => {
  it('reads the record as it is now, and says when it is gone', async () => {
    const records = invoiceRecords();
    const found = await runNode(
      getRecord,
      { recordType: 'invoice', recordId: '{{trigger.invoiceId}}' },
      {
        data: { trigger: { invoiceId: 'inv_1' } },
        ports: { records },
      },
    );
    expect(found.output).toEqual({
      recordType: 'invoice',
      recordId: 'inv_1',
      found: true,
      record: { id: 'inv_1', status: 'paid', balance: 0 },
    });
    const gone = await runNode(getRecord, { recordType: 'invoice', recordId: 'inv_9' }, { ports: { records } });
    expect(gone.output).toMatchObject({ found: false, record: null });
    await expect(
      runNode(getRecord, { recordType: 'project', recordId: 'x' }, { ports: { records } }),
    ).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
    });
  });
});

describe('invoice.overdue', () => {
  it('takes only the events of its own level and delay', () => {
    const config = invoiceOverdue.configSchema.parse({ days: 20, level: 2 });
    expect(invoiceOverdue.matches?.({ config, payload: { level: 2, days: 20 } })).toBe(true);
    expect(invoiceOverdue.matches?.({ config, payload: { level: 1, days: 10 } })).toBe(false);
    expect(invoiceOverdue.configSchema.parse({})).toEqual({ days: 10, level: 1 });
    expect(invoiceOverdue.configSchema.safeParse({ days: 0 }).success).toBe(false);
  });
});

describe('send_email attachments', () => {
  const config = {
    to: 'compta@favre.ch',
    subject: 'Rappel {{trigger.number}}',
    body: '<p>Solde</p>',
    attachments: [{ kind: 'invoice_pdf', id: '{{trigger.invoiceId}}' }],
  };
  const data = { trigger: { invoiceId: 'inv_1', number: '2026-0001' } };

  it('attaches what the host loads, at send time', async () => {
    const mail = keptMail();
    const result = await runNode(sendEmail, config, {
      data,
      ports: { mail, attachments: pdfs(1234), email: { from: 'a@b.ch' } },
    });
    expect(mail.sent[0]!.attachments).toEqual([
      { filename: 'facture-inv_1.pdf', contentType: 'application/pdf', content: new Uint8Array(1234) },
    ]);
    expect(result.output).toMatchObject({ attachments: [{ filename: 'facture-inv_1.pdf', size: 1234 }] });
  });

  it('fails for good over the size limit, for a missing document or without the port', async () => {
    const ports = { mail: keptMail(), email: { from: 'a@b.ch' } };
    await expect(
      runNode(sendEmail, config, { data, ports: { ...ports, attachments: pdfs(MAX_ATTACHMENT_BYTES + 1) } }),
    ).rejects.toThrow(/over the limit/);
    await expect(
      runNode(
        sendEmail,
        { ...config, attachments: [{ kind: 'invoice_pdf', id: 'missing' }] },
        { data, ports: { ...ports, attachments: pdfs(10) } },
      ),
    ).rejects.toThrow(/not found/);
    await expect(runNode(sendEmail, config, { data, ports })).rejects.toMatchObject({ code: 'NON_RETRIABLE' });
    expect(ports.mail.sent).toHaveLength(0);
  });
});
