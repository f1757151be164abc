import { describe, expect, it } from 'vitest';
import type { RecordPort, SmsMessage, SmsPort } from '@swigs/automation-core';
import { sendSms, updateRecord } from '../src/index';
import { executeNode as runNode } from '@swigs/automation-core/testing';

/** A host's record port over a plain map, as an app would provide for its projects. */
function createProjectRecords(): RecordPort & { rows: Map<string, Record<string, unknown>> } {
  const rows = new Map<string, Record<string, unknown>>([['user-1:prj_204', { id: 'prj_204', status: 'en_cours' }]]);
  return {
    types: ['project'],
    rows,
    async update({ userId, id, fields }) {
      const row = rows.get(`${userId}:${id}`);
      if (!row) return null;
      Object.assign(row, fields);
      return { ...row };
    },
  };
}

describe('update_record', () => {
  const data = { trigger: { projectId: 'prj_204', to: 'termine' } };

  it('sets templated fields on the record through the record port', async () => {
    const records = createProjectRecords();
    const result = await runNode(
      updateRecord,
      {
        recordType: 'project',
        recordId: '{{trigger.projectId}}',
        fields: { status: 'facturer', note: 'Passé à {{trigger.to}}' },
      },
      { data, ports: { records } },
    );
    expect(result.output).toEqual({
      recordType: 'project',
      recordId: 'prj_204',
      record: { id: 'prj_204', status: 'facturer', note: 'Passé à termine' },
    });
    expect(records.rows.get('user-1:prj_204')?.status).toBe('facturer');
  });

  it('fails without retry for an unknown type, a missing record, another tenant or no port', async () => {
    const records = createProjectRecords();
    await expect(
      runNode(updateRecord, { recordType: 'invoice', recordId: 'x', fields: { a: 1 } }, { data, ports: { records } }),
    ).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      message: 'update_record: unknown record type "invoice" (this host has: project)',
    });
    await expect(
      runNode(
        updateRecord,
        { recordType: 'project', recordId: 'prj_999', fields: { a: 1 } },
        { data, ports: { records } },
      ),
    ).rejects.toThrow('project "prj_999" not found');
    await expect(
      runNode(
        updateRecord,
        { recordType: 'project', recordId: 'prj_204', fields: { a: 1 } },
        { data, ports: { records }, userId: 'user-2' },
      ),
    ).rejects.toThrow('not found');
    await expect(
      runNode(updateRecord, { recordType: 'project', recordId: 'prj_204', fields: { a: 1 } }, { data }),
    ).rejects.toThrow(/ports\.records/);
    expect(updateRecord.configSchema.safeParse({ recordType: 'project', recordId: 'x', fields: {} }).success).toBe(
      false,
    );
  });

  it('changes nothing in a dry run', async () => {
    const records = createProjectRecords();
    const result = await runNode(
      updateRecord,
      { recordType: 'project', recordId: '{{trigger.projectId}}', fields: { status: 'x' } },
      { data, ports: { records }, dryRun: true },
    );
    expect(result.output).toEqual({
      recordType: 'project',
      recordId: 'prj_204',
      fields: { status: 'x' },
      dryRun: true,
    });
    expect(records.rows.get('user-1:prj_204')?.status).toBe('en_cours');
  });
});

describe('send_sms', () => {
  const sent: SmsMessage[] = [];
  const sms: SmsPort = {
    name: 'recording',
    send: async (m) => {
      sent.push(m);
      return { id: `sms-${sent.length}` };
    },
    close: async () => {},
  };

  it('renders to and body, normalises the number and passes the idempotency key', async () => {
    const data = { trigger: { phone: '+41 79 123 45 67', orderNumber: '1042' } };
    const result = await runNode(
      sendSms,
      { to: '{{trigger.phone}}', body: 'Commande {{trigger.orderNumber}} expédiée & en route' },
      { data, ports: { sms } },
    );
    expect(result.output).toEqual({ smsId: 'sms-1', to: '+41791234567' });
    expect(sent[0]).toEqual({
      to: '+41791234567',
      body: 'Commande 1042 expédiée & en route',
      idempotencyKey: 'run-1:n1',
      userId: 'user-1',
    });
  });

  it('refuses a number that is not E.164 and works without a port in a dry run', async () => {
    await expect(runNode(sendSms, { to: '079 123 45 67', body: 'x' }, { ports: { sms } })).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
    });
    const dry = await runNode(sendSms, { to: '+41791234567', body: 'Salut' }, { dryRun: true });
    expect(dry.output).toEqual({ smsId: '', to: '+41791234567', body: 'Salut', dryRun: true });
    await expect(runNode(sendSms, { to: '+41791234567', body: 'Salut' })).rejects.toThrow(/ports\.sms/);
  });
});
