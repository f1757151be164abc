import { describe, expect, it } from 'vitest';
import { executeNode as runNode } from '@swigs/automation-core/testing';
import { webhook } from '../src/index';

const data = { trigger: { orderNumber: '1042', customer: { email: 'lea@example.ch', firstName: 'Léa <b>' } } };

// Requests through a real HTTP port: packages/adapters/test/webhook-node.test.ts.
describe('webhook', () => {
  it('describes the request without sending it in a dry run, leaving header values out', async () => {
    const result = await runNode(
      webhook,
      {
        url: 'https://hooks.example.ch/{{trigger.orderNumber}}',
        headers: { Authorization: 'Bearer secret' },
        body: { n: '{{trigger.orderNumber}}' },
      },
      { data, dryRun: true },
    );
    expect(result.output).toEqual({
      status: 0,
      body: null,
      contentType: null,
      dryRun: true,
      request: { method: 'POST', url: 'https://hooks.example.ch/1042', body: { n: '1042' } },
    });
    expect(JSON.stringify(result.output)).not.toContain('secret');
  });

  it('fails clearly without an HTTP port', async () => {
    await expect(runNode(webhook, { url: 'https://hooks.example.ch/x' })).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      message: 'webhook: no HTTP port configured (ports.http)',
    });
  });
});
